"""The advert CSV format: typed values, every problem reported by line and column, good rows kept."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.rules.lettings.advert_csv import COLUMNS, REQUIRED_COLUMNS, RowError, parse_adverts

RENT_ROW = {
    "landlord": "Basingstoke Council",
    "tenure": "social_rent",
    "address_line_1": "1 Test Street",
    "town": "Basingstoke",
    "postcode": "rg21 4aa",
    "area": "Brighton Hill",
    "bedrooms": "2",
    "property_type": "flat",
    "weekly_rent": "£110.50",
}

SHARED_ROW = {
    "landlord": "Sovereign",
    "tenure": "shared_ownership",
    "address_line_1": "2 Test Street",
    "bedrooms": "3",
    "property_type": "house",
    "market_value": "£325,000",
    "min_share": "10",
    "max_share": "75",
    "monthly_rent": "612.10",
}


def csv_text(*rows, columns=COLUMNS):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return out.getvalue()


def errors_of(parsed):
    return [(error.line, error.column) for error in parsed.errors]


def test_the_format_has_the_documented_columns():
    assert len(COLUMNS) == 34
    assert COLUMNS[0] == "reference" and COLUMNS[-2:] == ("opens_on", "closes_on")
    assert set(REQUIRED_COLUMNS) <= set(COLUMNS)
    import portal.rules.lettings.advert_csv as module

    for column in COLUMNS:
        assert f"``{column}``" in module.__doc__


def test_a_good_rent_row_is_typed():
    parsed = parse_adverts(csv_text(RENT_ROW))
    assert parsed.errors == ()
    (row,) = parsed.rows
    assert row.line == 2
    assert row.values == {
        "reference": None,
        "landlord_name": "Basingstoke Council",
        "tenure": "social_rent",
        "address_line_1": "1 Test Street",
        "address_line_2": "",
        "town": "Basingstoke",
        "postcode": "RG21 4AA",
        "area": "Brighton Hill",
        "latitude": None,
        "longitude": None,
        "bedrooms": 2,
        "property_type": "flat",
        "floor": None,
        "has_lift": None,
        "mobility": "general",
        "accessibility": "",
        "description": "",
        "weekly_rent_pence": 11050,
        "weekly_service_charge_pence": None,
        "market_value_pence": None,
        "min_share_percent": None,
        "max_share_percent": None,
        "monthly_rent_pence": None,
        "monthly_service_charge_pence": None,
        "discount_percent": None,
        "min_age": None,
        "max_age": None,
        "min_bedroom_need": None,
        "max_bedroom_need": None,
        "transfer_only": False,
        "local_connection_only": False,
        "local_lettings_plan": "",
        "opens_on": None,
        "closes_on": None,
    }


def test_every_kind_of_value():
    row = {
        **SHARED_ROW,
        "reference": "SO-0001",
        "latitude": "51.2625",
        "longitude": "-1.0872",
        "floor": "0",
        "lift": "Yes",
        "mobility": "Step free",
        "weekly_service_charge": "12",
        "monthly_service_charge": "1,020.5",
        "min_age": "55",
        "max_age": "55",
        "min_bedroom_need": "2",
        "max_bedroom_need": "3",
        "transfer_only": "no",
        "local_connection_only": "YES",
        "opens_on": "2025-07-01",
        "closes_on": "2025-07-07",
    }
    parsed = parse_adverts(csv_text(row))
    assert parsed.errors == ()
    values = parsed.rows[0].values
    assert values["reference"] == "SO-0001"
    assert (values["latitude"], values["longitude"]) == (51.2625, -1.0872)
    assert (values["floor"], values["has_lift"], values["mobility"]) == (0, True, "step_free")
    assert values["market_value_pence"] == 32_500_000
    assert (values["min_share_percent"], values["max_share_percent"]) == (10, 75)
    assert (values["monthly_rent_pence"], values["monthly_service_charge_pence"]) == (61210, 102050)
    assert values["weekly_service_charge_pence"] == 1200
    assert (values["min_age"], values["max_age"]) == (55, 55)
    assert (values["transfer_only"], values["local_connection_only"]) == (False, True)
    assert (values["opens_on"], values["closes_on"]) == (dt.date(2025, 7, 1), dt.date(2025, 7, 7))


def test_kinds_may_be_written_as_their_names():
    parsed = parse_adverts(csv_text({**RENT_ROW, "tenure": "Affordable rent", "property_type": "Studio or bedsit"}))
    assert (parsed.rows[0].values["tenure"], parsed.rows[0].values["property_type"]) == ("affordable_rent", "bedsit")


@pytest.mark.parametrize(
    ("tenure", "needs"),
    [
        ("social_rent", ["weekly_rent"]),
        ("affordable_rent", ["weekly_rent"]),
        ("shared_ownership", ["market_value", "min_share", "max_share", "monthly_rent"]),
        ("first_homes", ["market_value", "discount_percent"]),
    ],
)
def test_each_tenure_needs_its_money_columns(tenure, needs):
    row = {column: value for column, value in RENT_ROW.items() if column != "weekly_rent"}
    parsed = parse_adverts(csv_text({**row, "tenure": tenure}))
    assert parsed.rows == ()
    assert errors_of(parsed) == [(2, column) for column in needs]
    assert parsed.errors[0].message.startswith(f"The {needs[0]} column is needed for ")


def test_every_problem_on_a_row_is_reported_and_good_rows_are_kept():
    bad = {
        **RENT_ROW,
        "landlord": "",
        "tenure": "castle",
        "bedrooms": "two",
        "lift": "maybe",
        "weekly_rent": "110.505",
        "min_age": "60",
        "max_age": "50",
        "latitude": "51.2",
        "opens_on": "2025-07-08",
        "closes_on": "2025-07-01",
        "postcode": "RG21 4AA EXTRA",
    }
    parsed = parse_adverts(csv_text(RENT_ROW, bad, SHARED_ROW))
    assert [row.line for row in parsed.rows] == [2, 4]
    assert errors_of(parsed) == [
        (3, "landlord"),
        (3, "tenure"),
        (3, "postcode"),
        (3, "bedrooms"),
        (3, "lift"),
        (3, "weekly_rent"),
        (3, "max_age"),
        (3, "longitude"),
        (3, "closes_on"),
    ]
    messages = [error.message for error in parsed.errors]
    assert messages[0] == "The landlord column must not be blank."
    assert messages[1].startswith("The tenure column must be one of social_rent, affordable_rent, shared_ownership")
    assert messages[3] == 'The bedrooms column must be a whole number from 0 to 20, not "two".'
    assert messages[4] == 'The lift column must be yes or no, not "maybe".'
    assert "no more than 2 numbers after the point" in messages[5]
    assert messages[6] == "The max_age column must not be less than the min_age column."
    assert messages[7] == "Give both latitude and longitude, or leave both blank."
    assert messages[8] == "The closes_on date must not be before the opens_on date."


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        (
            "opens_on",
            "2025-02-30",
            'The opens_on column must be a date written YYYY-MM-DD, like 2025-06-30, not "2025-02-30".',
        ),
        (
            "opens_on",
            "20250201",
            'The opens_on column must be a date written YYYY-MM-DD, like 2025-06-30, not "20250201".',
        ),
        ("latitude", "91", 'The latitude column must be a number from -90 to 90, not "91".'),
        ("latitude", "nan", 'The latitude column must be a number from -90 to 90, not "nan".'),
        ("min_share", "0", 'The min_share column must be a whole number from 1 to 100, not "0".'),
        ("weekly_rent", "-5", "The weekly_rent column must be an amount in pounds"),
        ("weekly_rent", "1,00", "The weekly_rent column must be an amount in pounds"),
        ("weekly_rent", "10001", 'The weekly_rent column must be no more than £10,000, not "10001".'),
        ("reference", "has space", "The reference column must be up to 20 letters, numbers and hyphens"),
        ("area", "x" * 101, "The area column can hold up to 100 characters. This one has 101."),
        ("mobility", "x" * 60, f'not "{"x" * 37}...".'),
    ],
)
def test_bad_values(column, value, message):
    parsed = parse_adverts(csv_text({**RENT_ROW, column: value}))
    problem = next(error for error in parsed.errors if error.column == column)
    assert message in problem.message
    assert parsed.rows == ()


def test_a_header_without_required_columns_gives_one_error_and_no_rows():
    columns = [column for column in COLUMNS if column not in ("tenure", "bedrooms")]
    parsed = parse_adverts(csv_text(RENT_ROW, columns=columns))
    assert parsed.rows == ()
    assert parsed.errors == (RowError(1, None, "The header row must have these columns: tenure, bedrooms."),)


def test_the_header_is_read_loosely_and_optional_columns_may_be_left_out():
    text = "\ufeffLandlord, Tenure ,Address line 1,BEDROOMS,property_type,weekly_rent,colour\nA,social_rent,1 Road,1,flat,90,red\n"
    parsed = parse_adverts(text)
    assert [row.values["bedrooms"] for row in parsed.rows] == [1]
    assert parsed.errors == (
        RowError(1, None, "These columns are not part of the format, so they were ignored: colour."),
    )


def test_a_column_named_twice_stops_the_file():
    parsed = parse_adverts("landlord,tenure,address_line_1,bedrooms,property_type,Bedrooms\n")
    assert parsed.errors == (RowError(1, None, "The header row has these columns more than once: bedrooms."),)


def test_line_numbers_are_the_file_lines_with_blank_lines_and_quoted_new_lines():
    header = "landlord,tenure,address_line_1,bedrooms,property_type,weekly_rent,description\n"
    text = header + '\nA,social_rent,1 Road,1,flat,90,"Two\nlines"\n\nA,social_rent,2 Road,x,flat,90,\n'
    parsed = parse_adverts(text)
    assert [row.line for row in parsed.rows] == [3]
    assert parsed.rows[0].values["description"] == "Two\nlines"
    assert errors_of(parsed) == [(6, "bedrooms")]


def test_more_values_than_columns_and_short_lines():
    header = "landlord,tenure,address_line_1,bedrooms,property_type,weekly_rent\n"
    parsed = parse_adverts(header + "A,social_rent,1 Road,1,flat,90,surprise\nA,social_rent,2 Road\n")
    assert errors_of(parsed) == [(2, None), (3, "bedrooms"), (3, "property_type"), (3, "weekly_rent")]
    assert parsed.errors[0].message == "This line has more values than the header row has columns."


def test_a_reference_used_twice_in_the_file():
    parsed = parse_adverts(csv_text({**RENT_ROW, "reference": "A-1"}, {**RENT_ROW, "reference": "a-1"}))
    assert [row.line for row in parsed.rows] == [2]
    assert parsed.errors == (RowError(3, "reference", "The reference a-1 is also on line 2."),)


@pytest.mark.parametrize("text", ["", "\n\n", "\ufeff"])
def test_an_empty_file(text):
    """Nothing to read: one error, on line 1."""
    parsed = parse_adverts(text)
    assert parsed.rows == ()
    assert parsed.errors == (RowError(1, None, "The file is empty. It needs a header row and a line for each home."),)


def test_a_file_that_is_not_csv_is_reported_not_raised():
    header = "landlord,tenure,address_line_1,bedrooms,property_type,weekly_rent\n"
    good = "A,social_rent,1 Road,1,flat,90\n"
    parsed = parse_adverts(header + good + "A,social_rent," + "x" * 200_000 + ",1,flat,90\n" + good)
    assert [row.line for row in parsed.rows] == [2, 4]  # the lines around it are kept
    assert errors_of(parsed) == [(3, None)]
    assert parsed.errors[0].message.startswith("This line cannot be read as CSV")
    unreadable_header = parse_adverts("x" * 200_000 + "\n" + good)
    assert (unreadable_header.rows, errors_of(unreadable_header)) == ((), [(1, None)])


money = st.integers(0, 1_000_000)


@settings(max_examples=200, deadline=None)
@given(money)
def test_pounds_written_any_way_give_the_same_pence(pence):
    pounds, rest = divmod(pence, 100)
    ways = [f"{pounds}.{rest:02d}", f"£{pounds:,}.{rest:02d}", f"£ {pounds}.{rest:02d}"]
    if rest % 10 == 0:
        ways.append(f"{pounds}.{rest // 10}")
    if rest == 0:
        ways.append(f"{pounds:,}")
    for way in ways:
        parsed = parse_adverts(csv_text({**RENT_ROW, "weekly_service_charge": way}))
        assert parsed.errors == ()
        assert parsed.rows[0].values["weekly_service_charge_pence"] == pence


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_rows_or_errors_never_an_exception(text):
    parsed = parse_adverts(text)
    assert all(error.line >= 1 for error in parsed.errors)
    assert all(row.line >= 2 for row in parsed.rows)
    bad_lines = {error.line for error in parsed.errors}
    assert not bad_lines & {row.line for row in parsed.rows}
