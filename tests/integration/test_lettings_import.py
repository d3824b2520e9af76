"""Importing adverts from a CSV file: good rows become adverts, bad rows are listed by line, cycles are found or made."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from sqlalchemy import select

from portal.auth.roles import Role
from portal.data import lettings_clock
from portal.data.advert_models import BiddingCycle
from portal.rules.lettings.advert_csv import COLUMNS
from tests.integration.lettings_helpers import a_cycle, a_landlord, an_advert
from tests.integration.lettings_officer_helpers import actions, all_adverts

IMPORT = "/officer/lettings/import"
EXAMPLE = Path(__file__).resolve().parents[2] / "static" / "lettings" / "adverts-example.csv"
TODAY = dt.date(2027, 3, 1)
HEADER = "landlord,tenure,address_line_1,bedrooms,property_type,weekly_rent,market_value,opens_on,closes_on"


@pytest.fixture(autouse=True)
def _lettings_day(monkeypatch):
    monkeypatch.setattr(lettings_clock, "today", lambda: TODAY)


def send(client, content: bytes | str, name: str = "adverts.csv"):
    data = content.encode("utf-8") if isinstance(content, str) else content
    return client.post_form(IMPORT, {"file": (io.BytesIO(data), name)}, content_type="multipart/form-data")


def text_of(response) -> str:
    return " ".join(response.get_data(as_text=True).split())


def all_cycles(db_session) -> list[BiddingCycle]:
    db_session.expire_all()
    return list(db_session.scalars(select(BiddingCycle).order_by(BiddingCycle.id)))


def test_the_example_file_imports_every_row(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    a_landlord(db_session, name="Exampleton Borough Council")
    a_landlord(db_session, kind="housing_association", name="Riverside Homes")
    a_landlord(db_session, kind="housing_association", name="meadow housing association")
    response = send(client, EXAMPLE.read_bytes())
    page = text_of(response)
    assert response.status_code == 200
    assert "Adverts imported" in page and "5 adverts made" in page and "left out" not in page
    adverts = all_adverts(db_session)
    assert [advert.address_line_1 for advert in adverts] == [
        "Flat 4 Ash Court",
        "17 Willow Way",
        "Flat 9 Meadow View",
        "2 Holly Close",
        "5 Birch Lane",
    ]
    (cycle,) = all_cycles(db_session)
    assert (cycle.opens_on, cycle.closes_on, cycle.status, cycle.bid_limit) == (
        dt.date(2027, 3, 4),
        dt.date(2027, 3, 8),
        "planned",
        3,
    )
    assert [(advert.status, advert.cycle_id) for advert in adverts] == [
        ("ready", cycle.id),
        ("ready", cycle.id),
        ("draft", None),
        ("draft", None),
        ("draft", None),
    ]
    first, second, shared = adverts[:3]
    assert (first.weekly_rent_pence, first.has_lift, first.latitude) == (11240, True, 51.2667)
    assert (second.weekly_rent_pence, second.local_connection_only, second.mobility) == (19500, True, "step_free")
    assert (shared.market_value_pence, shared.min_share_percent, shared.monthly_rent_pence) == (21000000, 10, 38500)
    assert shared.landlord.name == "meadow housing association"
    assert actions(db_session, "advert", first.id) == ["lettings.advert_imported"]
    assert actions(db_session, "cycle", cycle.id) == ["lettings.cycle_created"]
    for advert in adverts:
        assert advert.reference in page
    assert cycle.name in page


def test_good_rows_are_kept_and_every_bad_row_is_listed_by_line(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    a_landlord(db_session, name="Council")
    content = "\n".join(
        [
            HEADER,
            "Council,social_rent,1 Good Street,2,flat,100,,,",
            "Nobody Homes,social_rent,2 Bad Street,2,flat,100,,,",
            "Council,social_rent,3 Bad Street,2,flat,,,,",
            "Council,castle,4 Bad Street,two,flat,100,,,",
            "Council,affordable_rent,5 Good Street,3,house,150.50,,,",
        ]
    )
    response = send(client, content)
    page = text_of(response)
    assert "Adverts imported, with problems" in page
    assert "3 rows were left out" in page and "2 adverts made" in page
    assert [advert.address_line_1 for advert in all_adverts(db_session)] == ["1 Good Street", "5 Good Street"]
    problems = page[page.index('id="problems"') : page.index('id="created"')]
    assert problems.index('<th scope="row" class="govuk-table__header">3</th>') < problems.index("Nobody Homes")
    assert "there is no landlord with that name" in problems
    assert "The weekly_rent column is needed" in problems
    assert "tenure" in problems and "bedrooms" in problems
    assert all(advert.status == "draft" for advert in all_adverts(db_session))


def test_rows_go_into_an_open_cycle_with_their_dates_and_take_bids(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    a_landlord(db_session, name="Council")
    cycle = a_cycle(db_session, status="open", opens_on=dt.date(2027, 2, 26), closes_on=dt.date(2027, 3, 2))
    send(client, HEADER + "\nCouncil,social_rent,1 Open Street,2,flat,100,,2027-02-26,2027-03-02\n")
    (advert,) = all_adverts(db_session)
    assert (advert.status, advert.cycle_id) == ("open", cycle.id)
    assert len(all_cycles(db_session)) == 1


def test_rows_with_the_same_dates_share_one_new_cycle(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    a_landlord(db_session, name="Council")
    row = "Council,social_rent,{} Street,2,flat,100,,2027-04-01,2027-04-05"
    send(client, "\n".join([HEADER, row.format(1), row.format(2)]))
    (cycle,) = all_cycles(db_session)
    assert {advert.cycle_id for advert in all_adverts(db_session)} == {cycle.id}
    assert cycle.name == "Bidding 1 Apr 2027 to 5 Apr 2027"


def test_a_closing_date_that_has_passed_is_refused(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    a_landlord(db_session, name="Council")
    page = text_of(send(client, HEADER + "\nCouncil,social_rent,1 Late Street,2,flat,100,,2027-02-20,2027-02-28\n"))
    assert "The closes_on date 2027-02-28 has passed." in page
    assert all_adverts(db_session) == [] and all_cycles(db_session) == []


def test_a_reference_already_used_is_refused(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    landlord = a_landlord(db_session, name="Council")
    existing = an_advert(db_session, landlord=landlord, status="draft")
    header = "reference," + HEADER
    content = "\n".join(
        [
            header,
            f"{existing.reference.lower()},Council,social_rent,1 Street,2,flat,100,,,",
            "NEW-1,Council,social_rent,2 Street,2,flat,100,,,",
            "new-1,Council,social_rent,3 Street,2,flat,100,,,",
        ]
    )
    page = text_of(send(client, content))
    assert f"The reference column has {existing.reference.lower()}, which another advert already has." in page
    problems = page[page.index('id="problems"') : page.index('id="created"')]
    assert problems.count('<th scope="row"') == 2 and "new-1" in problems.split('<th scope="row"')[2]
    assert [advert.reference for advert in all_adverts(db_session)] == [existing.reference, "NEW-1"]


def test_a_header_without_the_needed_columns_imports_nothing(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    a_landlord(db_session, name="Council")
    page = text_of(send(client, "landlord,address_line_1\nCouncil,1 Street\n"))
    assert "No adverts were imported" in page and "The header row must have these columns" in page
    assert all_adverts(db_session) == []


def test_a_file_saved_by_an_older_spreadsheet_is_read(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    a_landlord(db_session, name="Café Homes")
    content = (HEADER + "\nCafé Homes,social_rent,1 Street,2,flat,£95.50,,,\n").encode("cp1252")
    send(client, content)
    (advert,) = all_adverts(db_session)
    assert (advert.landlord.name, advert.weekly_rent_pence) == ("Café Homes", 9550)


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"landlord\nCouncil\n", "adverts.xlsx", "The selected file must be a CSV file"),
        (b"", "adverts.csv", "The selected file is empty"),
        (b"landlord\x00,tenure\n", "adverts.csv", "The selected file must be a CSV file"),
        (None, "", "Select a CSV file to import"),
    ],
)
def test_a_file_with_a_problem_is_refused_on_the_same_page(sign_in_as, db_session, content, name, message):
    client = sign_in_as(Role.OFFICER)
    if content is None:
        response = client.post_form(IMPORT, {}, content_type="multipart/form-data")
    else:
        response = send(client, content, name=name)
    page = text_of(response)
    assert response.status_code == 400
    assert "There is a problem" in page and message in page
    assert all_adverts(db_session) == []


def test_a_file_bigger_than_the_limit_is_refused(app, sign_in_as, db_session, monkeypatch):
    monkeypatch.setitem(app.config, "UPLOAD_MAX_BYTES", 200)
    client = sign_in_as(Role.OFFICER)
    response = send(client, HEADER + "\n" + "Council,social_rent,1 Street,2,flat,100,,,\n" * 10)
    assert response.status_code == 400
    assert "The selected file must be smaller than 1KB" in text_of(response)


def test_importing_is_rate_limited(app, sign_in_as, db_session, monkeypatch):
    monkeypatch.setitem(app.config, "RATE_LIMIT_ADVERT_IMPORT", "1 per hour")
    client = sign_in_as(Role.OFFICER)
    assert send(client, HEADER + "\n").status_code == 200
    assert send(client, HEADER + "\n").status_code == 429


def test_the_import_page_links_to_the_example_and_lists_the_columns(sign_in_as, client):
    officer = sign_in_as(Role.OFFICER)
    html = officer.get(IMPORT).get_data(as_text=True)
    assert 'href="/static/lettings/adverts-example.csv"' in html
    assert all(f"<code>{column}</code>" in html for column in COLUMNS)
    example = client.get("/static/lettings/adverts-example.csv")
    assert example.status_code == 200 and example.data.decode().startswith(",".join(COLUMNS))
    example.close()
