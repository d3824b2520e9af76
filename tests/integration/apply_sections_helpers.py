"""Helpers for the section tests: reading pages and facts, dates, mistakes, and walking whole sections."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from bs4 import BeautifulSoup

from portal.data.applications import application_for, facts_of
from tests.integration.apply_helpers import answer


def text_of(client: Any, path: str) -> str:
    """The page's text with entities such as &#39; turned back into characters."""
    response = client.get(path)
    assert response.status_code == 200, path
    return html.unescape(response.get_data(as_text=True))


def mistake(client: Any, path: str, data: dict[str, Any]) -> BeautifulSoup:
    """Post a page with a mistake: it comes back on the same page (200), not a redirect."""
    response = client.post_form(path, data)
    assert response.status_code == 200, response.headers.get("Location")
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def error_text(page: BeautifulSoup) -> str:
    summary = page.select_one(".govuk-error-summary")
    assert summary is not None, "no error summary"
    return summary.get_text(" ", strip=True)


def value_of(page: BeautifulSoup, name: str) -> str:
    found = page.find(attrs={"name": name})
    assert found is not None, name
    return str(found.get_text() if found.name == "textarea" else found.get("value", ""))


def facts(db_session: Any, client: Any) -> dict[str, Any]:
    db_session.expire_all()
    application = application_for(db_session, client.user.id)
    assert application is not None
    return facts_of(application)


def section_answers(db_session: Any, client: Any, section: str) -> dict[str, Any]:
    return facts(db_session, client)["answers"].get(section, {})


def parts(day: dt.date) -> list[str]:
    return [str(day.day), str(day.month), str(day.year)]


def years_ago(years: int, days: int = 0) -> dt.date:
    today = dt.date.today()
    return today.replace(year=today.year - years, day=min(today.day, 28)) - dt.timedelta(days=days)


def go(client: Any, path: str, *steps: tuple[str, dict[str, Any]]) -> str:
    """Answer pages one after another, checking each page's address ends as expected; returns the last next."""
    nxt = path
    for ending, data in steps:
        assert nxt.endswith(ending), (nxt, ending)
        nxt = answer(client, nxt, data)
    return nxt


def start_section(client: Any, slug: str) -> str:
    response = client.get(f"/apply/{slug}/")
    assert response.status_code == 302
    return response.headers["Location"]


def finish(client: Any, slug: str) -> str:
    return answer(client, f"/apply/{slug}/check", {"complete": "yes"})


def add_person(client: Any, path: str, name: str, born: str, sex: str, relationship: str) -> str:
    """From the "new person" page, add someone to the household; returns where it goes after them."""
    nxt = answer(client, path, {"full_name": name})
    nxt = answer(client, nxt, {"date_of_birth": born.split()})
    nxt = answer(client, nxt, {"sex": sex})
    nxt = answer(client, nxt, {"relationship": relationship})
    nxt = answer(client, nxt, {"lives_with_you": "yes"})
    if nxt.endswith("/ni-number"):
        nxt = answer(client, nxt, {"ni_number": ""})
    return nxt


def add_address(client: Any, path: str, line_1: str, moved_in: dt.date, in_area: str = "yes") -> str:
    nxt = answer(client, path, {"line_1": line_1, "line_2": "", "town": "Exampletown", "postcode": "ex1 1aa"})
    nxt = answer(client, nxt, {"moved_in": parts(moved_in)})
    return answer(client, nxt, {"in_area": in_area})


def walk_everything(client: Any) -> None:
    """Answer every section of the application with short answers, marking each finished."""
    nxt = start_section(client, "about-you")
    nxt = answer(client, nxt, {"date_of_birth": ["3", "4", "1990"]})
    for data in ({"sex": "male"}, {"ni_number": ""}, {"phone": ""}, {"interpreter": "no"}):
        nxt = answer(client, nxt, data)
    assert finish(client, "about-you").endswith("/apply/")
    assert answer(client, start_section(client, "household"), {"anyone_else": "no"}).endswith("/household/check")
    finish(client, "household")
    go(
        client,
        start_section(client, "current-home"),
        ("/home-type", {"home_type": "council_tenant"}),
        ("/nowhere-tonight", {"nowhere_tonight": "no"}),
        ("/bedrooms", {"bedrooms": "1"}),
        ("/living-rooms", {"living_rooms": "1"}),
        ("/disrepair", {"disrepair": "no"}),
        ("/must-leave", {"must_leave": "no"}),
    )
    finish(client, "current-home")
    nxt = add_address(client, start_section(client, "addresses"), "1 High Street", years_ago(6))
    for data in ({"work_in_area": "no"}, {"family_in_area": "no"}, {"care_move": "no"}):
        nxt = answer(client, nxt, data)
    assert nxt.endswith("/addresses/check")
    finish(client, "addresses")
    nxt = answer(client, start_section(client, "immigration"), {"immigration_status": "british_irish"})
    assert answer(client, nxt, {"lived_in_uk_2_years": "yes"}).endswith("/immigration/check")
    finish(client, "immigration")
    walk_flat(client, "money", {"income": "12000"}, {"take_home_pay": "950"}, {"savings": "0"}, {"owns_property": "no"})
    walk_flat(
        client,
        "health",
        {"health_problem": "no"},
        {"mobility": "none"},
        {"own_room": "no"},
        {"overnight_carer": "no"},
    )
    walk_flat(
        client,
        "safety",
        {"domestic_abuse": "no"},
        {"harassment": "no"},
        {"care_leaver": "no"},
        {"armed_forces": "no"},
        {"support_worker": "no"},
    )
    walk_flat(client, "tenancy", {"rent_arrears": "no"}, {"evicted": "no"}, {"antisocial": "no"})
    walk_flat(client, "equality", {"answer_equality": "no"})


def walk_flat(client: Any, slug: str, *pages: dict[str, Any]) -> None:
    """Answer a section whose pages are each one answer, in order, then mark it finished."""
    nxt = start_section(client, slug)
    for data in pages:
        nxt = answer(client, nxt, data)
    assert nxt.endswith(f"/apply/{slug}/check"), nxt
    assert finish(client, slug).endswith("/apply/")
