"""Money, savings and property, and rent arrears and past tenancies."""

from __future__ import annotations

from tests.integration.apply_helpers import answer, start
from tests.integration.apply_sections_helpers import (
    error_text,
    go,
    mistake,
    section_answers,
    start_section,
    text_of,
    value_of,
)


def test_money_walks_in_order_and_asks_about_the_home_only_when_they_own_one(sign_in_as, db_session):
    client = start(sign_in_as)
    nxt = start_section(client, "money")
    assert "Benefits and pensions count as income too" in text_of(client, nxt)
    nxt = go(
        client,
        nxt,
        ("/apply/money/income", {"income": "£18,500"}),
        ("/apply/money/take-home-pay", {"take_home_pay": "£1,320.75"}),
        ("/apply/money/savings", {"savings": "1200.50"}),
        ("/apply/money/owns-property", {"owns_property": "yes"}),
        ("/apply/money/property-can-live-in", {"property_can_live_in": "no"}),
    )
    assert nxt.endswith("/apply/money/check")
    assert section_answers(db_session, client, "money") == {
        "income": "18500",
        "take_home_pay": "1320.75",
        "savings": "1200.50",
        "owns_property": "yes",
        "property_can_live_in": "no",
    }
    page = text_of(client, nxt)
    assert "£18,500" in page and "£1,320.75" in page and "£1,200.50" in page
    answer(client, "/apply/money/owns-property?change=1", {"owns_property": "no"})
    assert "property_can_live_in" not in section_answers(db_session, client, "money")
    assert client.get("/apply/money/property-can-live-in").headers["Location"].endswith("/apply/money/check")


def test_money_mistakes_are_explained_and_earlier_answers_kept(sign_in_as, db_session):
    client = start(sign_in_as)
    page = mistake(client, "/apply/money/income", {"income": "lots"})
    assert "Enter an amount using numbers only, like 1,200.50" in error_text(page)
    assert value_of(page, "income") == "lots"
    page = mistake(client, "/apply/money/income", {"income": ""})
    assert "Enter your household's income each year, or 0 if there is none" in error_text(page)
    answer(client, "/apply/money/income", {"income": "0"})
    page = mistake(client, "/apply/money/take-home-pay", {"take_home_pay": ""})
    assert "Enter how much your household takes home each month, or 0 if there is none" in error_text(page)
    answer(client, "/apply/money/take-home-pay", {"take_home_pay": "0"})
    page = mistake(client, "/apply/money/savings", {"savings": "-5"})
    assert "Enter an amount of 0 or more" in error_text(page)
    assert "Select yes if you or anyone who will live with you owns a home" in error_text(
        mistake(client, "/apply/money/owns-property", {"owns_property": ""})
    )
    assert section_answers(db_session, client, "money") == {"income": "0", "take_home_pay": "0"}


def test_tenancy_follow_ups_appear_only_after_yes_and_go_after_no(sign_in_as, db_session):
    client = start(sign_in_as)
    nxt = start_section(client, "tenancy")
    page = text_of(client, nxt)
    assert "Do you owe any rent for a home you live in now or lived in before?" in page
    nxt = go(
        client,
        nxt,
        ("/apply/tenancy/rent-arrears", {"rent_arrears": "yes"}),
        ("/apply/tenancy/arrears-amount", {"arrears_amount": "350"}),
        ("/apply/tenancy/arrears-plan", {"arrears_plan": "yes"}),
        ("/apply/tenancy/evicted", {"evicted": "yes"}),
        ("/apply/tenancy/eviction-details", {"eviction_details": "In 2019, from a flat in Leeds."}),
        ("/apply/tenancy/antisocial", {"antisocial": "yes"}),
        ("/apply/tenancy/antisocial-details", {"antisocial_details": "A warning about noise."}),
    )
    assert nxt.endswith("/apply/tenancy/check")
    known = section_answers(db_session, client, "tenancy")
    assert known["arrears_amount"] == "350" and known["arrears_plan"] == "yes"
    assert "£350" in text_of(client, nxt)
    for key in ("rent_arrears", "evicted", "antisocial"):
        answer(client, f"/apply/tenancy/{key.replace('_', '-')}?change=1", {key: "no"})
    assert section_answers(db_session, client, "tenancy") == {"rent_arrears": "no", "evicted": "no", "antisocial": "no"}


def test_tenancy_mistakes_are_explained(sign_in_as, db_session):
    client = start(sign_in_as)
    answer(client, "/apply/tenancy/rent-arrears", {"rent_arrears": "yes"})
    page = mistake(client, "/apply/tenancy/arrears-amount", {"arrears_amount": "some"})
    assert "Enter an amount using numbers only, like 1,200.50" in error_text(page)
    page = mistake(client, "/apply/tenancy/arrears-amount", {"arrears_amount": ""})
    assert "Enter how much rent you owe" in error_text(page)
    answer(client, "/apply/tenancy/arrears-amount", {"arrears_amount": "12.5"})
    answer(client, "/apply/tenancy/arrears-plan", {"arrears_plan": "no"})
    answer(client, "/apply/tenancy/evicted", {"evicted": "yes"})
    page = mistake(client, "/apply/tenancy/eviction-details", {"eviction_details": "  "})
    assert "Enter something about the eviction" in error_text(page)
    page = mistake(client, "/apply/tenancy/eviction-details", {"eviction_details": "e" * 5000})
    assert "Your answer must be 2000 characters or fewer" in error_text(page)
    assert section_answers(db_session, client, "tenancy") == {
        "rent_arrears": "yes",
        "arrears_amount": "12.5",
        "arrears_plan": "no",
        "evicted": "yes",
    }
