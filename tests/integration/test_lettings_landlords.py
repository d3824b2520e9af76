"""Landlords and nomination agreements: adding them, and how each agreement is going from the lets recorded."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from portal.auth.roles import Role
from portal.data import lettings_clock
from portal.data.advert_models import Landlord, NominationAgreement
from portal.data.letting_models import Let
from tests.integration.lettings_helpers import a_landlord, an_advert
from tests.integration.lettings_officer_helpers import actions
from tests.integration.officer_helpers import page_text

NEW = "/officer/lettings/landlords/new"
TODAY = dt.date(2027, 3, 1)


@pytest.fixture(autouse=True)
def _lettings_day(monkeypatch):
    monkeypatch.setattr(lettings_clock, "today", lambda: TODAY)


def landlords(db_session) -> list[Landlord]:
    db_session.expire_all()
    return list(db_session.scalars(select(Landlord).order_by(Landlord.id)))


def agreements(db_session) -> list[NominationAgreement]:
    db_session.expire_all()
    return list(db_session.scalars(select(NominationAgreement).order_by(NominationAgreement.id)))


def a_let(db_session, landlord, let_on: dt.date, route: str = "nomination") -> Let:
    advert = an_advert(db_session, landlord=landlord, status="let")
    let = Let(advert_id=advert.id, route=route, let_on=let_on, bedrooms=advert.bedrooms, band=2, bid_count=4)
    db_session.add(let)
    db_session.flush()
    return let


def test_an_officer_adds_a_landlord(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    response = client.post_form(
        NEW, {"name": "  Riverside   Homes ", "kind": "housing_association", "email": "lettings@riverside.example.org"}
    )
    (landlord,) = landlords(db_session)
    assert response.status_code == 302 and response.headers["Location"] == f"/officer/lettings/landlords/{landlord.id}"
    assert (landlord.name, landlord.kind, landlord.email) == (
        "Riverside Homes",
        "housing_association",
        "lettings@riverside.example.org",
    )
    assert actions(db_session, "landlord", landlord.id) == ["lettings.landlord_added"]
    page = page_text(client, "/officer/lettings/landlords")
    assert "Riverside Homes" in page and "Housing association" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": ""}, "Enter the landlord&#39;s name"),
        ({"name": "COUNCIL homes"}, "There is already a landlord with this name"),
        ({"kind": ""}, "Choose the kind of landlord"),
        ({"kind": "castle"}, "Choose the kind of landlord"),
        ({"email": "not-an-email"}, "Enter an email address in the correct format"),
        ({"name": "n" * 201}, "This must be 200 characters or fewer"),
    ],
)
def test_a_landlord_with_a_problem_is_shown_again(sign_in_as, db_session, data, message):
    client = sign_in_as(Role.OFFICER)
    a_landlord(db_session, name="Council Homes")
    form = {"name": "New Homes", "kind": "council", "email": "keep@example.org", **data}
    response = client.post_form(NEW, form)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "There is a problem" in page and message in page
    if "email" not in data:
        assert 'value="keep@example.org"' in page
    assert len(landlords(db_session)) == 1


def test_an_agreement_shows_its_progress_from_the_lets_by_nomination_in_its_period(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    landlord = a_landlord(db_session, kind="housing_association", name="Meadow")
    other = a_landlord(db_session, kind="housing_association", name="Other")
    a_let(db_session, landlord, dt.date(2026, 5, 1))
    a_let(db_session, landlord, dt.date(2027, 3, 31))
    a_let(db_session, landlord, dt.date(2027, 4, 1))  # after the period
    a_let(db_session, landlord, dt.date(2026, 6, 1), route="bidding")
    a_let(db_session, other, dt.date(2026, 6, 1))
    path = f"/officer/lettings/landlords/{landlord.id}/agreements/new"
    assert 'name="lets_reported" type="text" value="0"' in client.get(path).get_data(as_text=True)
    response = client.post_form(
        path,
        {"starts_on": ["1", "4", "2026"], "ends_on": ["31", "3", "2027"], "percent_owed": "50", "lets_reported": "9"},
    )
    assert response.status_code == 302
    (agreement,) = agreements(db_session)
    assert (agreement.landlord_id, agreement.starts_on, agreement.ends_on) == (
        landlord.id,
        dt.date(2026, 4, 1),
        dt.date(2027, 3, 31),
    )
    assert (agreement.percent_owed, agreement.lets_reported) == (50, 9)
    assert actions(db_session, "landlord", landlord.id) == ["lettings.agreement_added"]
    html = client.get(f"/officer/lettings/landlords/{landlord.id}").get_data(as_text=True)
    page = " ".join(html.split())
    assert "1 April 2026 to 31 March 2027" in page
    assert "50% of the homes let" in page
    assert 'Owed to nominees</dt> <dd class="govuk-summary-list__value">5</dd>' in page
    assert 'Nominees housed</dt> <dd class="govuk-summary-list__value"> 2 (22% of the homes let)' in page
    assert "Short by 3" in page


def test_the_homes_let_in_the_period_are_updated(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    landlord = a_landlord(db_session, kind="housing_association")
    agreement = NominationAgreement(
        landlord_id=landlord.id,
        starts_on=dt.date(2026, 4, 1),
        ends_on=dt.date(2027, 3, 31),
        percent_owed=25,
        lets_reported=4,
    )
    db_session.add(agreement)
    db_session.flush()
    a_let(db_session, landlord, dt.date(2026, 8, 1))
    path = f"/officer/lettings/landlords/{landlord.id}/agreements/{agreement.id}/edit"
    assert 'value="4"' in client.get(path).get_data(as_text=True)
    response = client.post_form(path, {"lets_reported": "x"})
    assert response.status_code == 400
    assert "The number of homes let must be a whole number" in response.get_data(as_text=True)
    client.post_form(path, {"lets_reported": "12"})
    (saved,) = agreements(db_session)
    assert saved.lets_reported == 12
    assert actions(db_session, "landlord", landlord.id) == ["lettings.agreement_changed"]
    page = page_text(client, f"/officer/lettings/landlords/{landlord.id}")
    assert "Short by 2" in page  # 25% of 12 is 3 owed; 1 housed


def test_an_agreement_met_says_so(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    landlord = a_landlord(db_session, kind="housing_association")
    db_session.add(
        NominationAgreement(
            landlord_id=landlord.id,
            starts_on=dt.date(2026, 1, 1),
            ends_on=dt.date(2026, 12, 31),
            percent_owed=10,
            lets_reported=5,
        )
    )
    a_let(db_session, landlord, dt.date(2026, 2, 1))
    page = page_text(client, f"/officer/lettings/landlords/{landlord.id}")
    assert "Met" in page and "Short by" not in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"ends_on": ["1", "1", "2026"]}, "The end date must be on or after the start date"),
        ({"starts_on": ["", "", ""]}, "Enter the start date"),
        ({"percent_owed": "0"}, "The share owed must be from 1 to 100"),
        ({"percent_owed": "101"}, "The share owed must be from 1 to 100"),
        ({"lets_reported": ""}, "Enter the number of homes let"),
    ],
)
def test_an_agreement_with_a_problem_is_shown_again(sign_in_as, db_session, changes, message):
    client = sign_in_as(Role.OFFICER)
    landlord = a_landlord(db_session, kind="housing_association")
    form = {"starts_on": ["1", "4", "2026"], "ends_on": ["31", "3", "2027"], "percent_owed": "50", "lets_reported": "9"}
    form.update(changes)
    response = client.post_form(f"/officer/lettings/landlords/{landlord.id}/agreements/new", form)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert agreements(db_session) == []


def test_an_agreement_is_found_only_under_its_own_landlord(sign_in_as, db_session):
    client = sign_in_as(Role.OFFICER)
    landlord, other = a_landlord(db_session), a_landlord(db_session)
    agreement = NominationAgreement(
        landlord_id=landlord.id, starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2026, 12, 31), percent_owed=10
    )
    db_session.add(agreement)
    db_session.flush()
    assert client.get(f"/officer/lettings/landlords/{other.id}/agreements/{agreement.id}/edit").status_code == 404
    assert client.get(f"/officer/lettings/landlords/{landlord.id}/agreements/{agreement.id}/edit").status_code == 200
    assert client.get("/officer/lettings/landlords/999999").status_code == 404
    assert client.get("/officer/lettings/landlords/999999/agreements/new").status_code == 404
