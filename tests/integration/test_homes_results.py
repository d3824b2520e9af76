"""Lettings results (published lets only, never naming anyone) and waiting-time estimates from the lets of
the last months, with the signed-in household's own line first."""

from __future__ import annotations

import datetime as dt

from portal.data import lettings_clock
from portal.data.base import utcnow
from portal.data.letting_models import Let
from tests.integration.homes_helpers import main_text, signed_in_household, soup_of
from tests.integration.lettings_helpers import a_household, an_advert

TODAY = dt.date(2026, 11, 20)


def a_let(
    db_session,
    *,
    published=True,
    let_on=TODAY,
    band=2,
    bedrooms=2,
    waited_days=300,
    household=None,
    route="bidding",
    **fields,
):
    advert = an_advert(db_session, status="let", bedrooms=bedrooms, **fields)
    let = Let(
        advert_id=advert.id,
        application_id=household.id if household else None,
        route=route,
        let_on=let_on,
        bedrooms=bedrooms,
        band=band,
        priority_date=let_on - dt.timedelta(days=waited_days),
        registration_date=let_on - dt.timedelta(days=waited_days + 30),
        bid_count=7,
        published_at=utcnow() if published else None,
    )
    db_session.add(let)
    db_session.flush()
    return let


def test_results_show_published_lets_without_naming_anyone(client, db_session, make_user):
    housed = a_household(db_session, make_user, full_name="Zainab Okafor")
    a_let(db_session, household=housed, area="Popley", let_on=dt.date(2026, 10, 5), waited_days=400)
    a_let(db_session, published=False, area="Secret Lane")
    text = main_text(client, "/homes/results")
    for shown in (
        "2 bedrooms, flat, in Popley",
        "Social rent",
        "Bids 7",
        "Band of the household housed 2",
        "Their priority date 31 August 2025",
        "Let on 5 October 2026",
        "How it was let Bidding",
    ):
        assert shown in text, shown
    assert "Secret Lane" not in text
    assert "Zainab" not in text and housed.reference not in text


def test_results_come_twenty_a_page(client, db_session):
    for number in range(21):
        a_let(db_session, let_on=TODAY - dt.timedelta(days=number))
    first = client.get("/homes/results")
    assert len(soup_of(first).select(".govuk-summary-card")) == 20
    assert len(soup_of(client.get("/homes/results?page=2")).select(".govuk-summary-card")) == 1
    assert client.get("/homes/results?page=zzz").status_code == 200
    assert "We have not published any lettings results yet." not in main_text(client, "/homes/results")


def test_waiting_times_use_every_let_of_the_last_twelve_months(client, db_session, monkeypatch):
    monkeypatch.setattr(lettings_clock, "today", lambda: TODAY)
    for days in (200, 300, 400):
        a_let(db_session, published=False, waited_days=days, let_on=TODAY - dt.timedelta(days=10))
    a_let(db_session, waited_days=30, let_on=TODAY - dt.timedelta(days=400))  # too long ago to count
    page = soup_of(client.get("/homes/waiting-times"))
    band_two = page.find(id="band-2").find_next("dl")
    row = " ".join(band_two.get_text(" ").split())
    assert "2 bedrooms Typical wait: about 10 months. From 3 homes let." in row
    assert "1 bedroom No homes of this size were let to this band." in row
    text = main_text(client, "/homes/waiting-times")
    assert "It is a guide from past lets, not a promise." in text
    assert page.find(id="your-wait") is None


def test_a_household_on_the_register_sees_its_own_wait_first(app, db_session, make_user, monkeypatch):
    monkeypatch.setattr(lettings_clock, "today", lambda: TODAY)
    for days in (200, 300, 400):
        a_let(db_session, waited_days=days, let_on=TODAY - dt.timedelta(days=10))
    client, _household = signed_in_household(app, db_session, make_user, band=2, bedroom_need=2)
    page = soup_of(client.get("/homes/waiting-times"))
    own = page.find(id="your-wait")
    assert own is not None and own.find_next("p").get_text(strip=True) == (
        "Your household is in band 2 and needs 2 bedrooms."
    )
    sentences = " ".join(page.find(id="your-wait-sentences").get_text(" ").split())
    assert "A typical wait was about 10 months." in sentences and "It is not a promise." in sentences
    headings = [h.get("id") for h in page.select("main h2")]
    assert headings.index("your-wait") < headings.index("band-1")
