"""Walking the assessment and determination pages as an officer does, for any test that needs a decision.

``decide(client, application)`` confirms every proposed field, ticks the
whole checklist and makes the decision; keyword arguments are form fields to
set on the way (``band_choice="override", band_value="2", band_reason="..."``),
and ``findings=`` are saved first as a draft (so the proposal uses them).
"""

from __future__ import annotations

from typing import Any

from bs4 import BeautifulSoup
from sqlalchemy.orm import Session

from portal.data.application_models import Application
from portal.data.applications import add_address, set_address_answers
from portal.rules.determination.proposal import FIELDS
from tests.integration.officer_helpers import a_case


def a_local_case(db_session: Session, make_user: Any, **options: Any) -> Application:
    """A sent application from a household living in the district since 2015 (so it has a local connection).

    It has no housing need of its own: an officer's finding (a medical award, say) gives it one.
    """
    application = a_case(db_session, make_user, **options)
    address = add_address(db_session, application)
    set_address_answers(
        address, {"line_1": "1 High Street", "town": "Exampleton", "postcode": "EX1 1AA", "moved_in": "2015-03-01"}
    )
    set_address_answers(address, {"in_area": "yes"})
    db_session.flush()
    return application


def visible_text(html: str) -> str:
    """A page's words as a person reads them (entities decoded, spaces collapsed)."""
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def page_words(client: Any, path: str, status: int = 200) -> str:
    response = client.get(path)
    assert response.status_code == status, (path, response.status_code)
    return visible_text(response.get_data(as_text=True))


def date_parts(day: Any) -> list[str]:
    """A date as typed in the day, month and year boxes."""
    return [str(day.day), str(day.month), str(day.year)]


def assessment_path(application: Any) -> str:
    return f"/officer/cases/{application.id}/assessment"


def determination_path(application: Any) -> str:
    return f"/officer/cases/{application.id}/determination"


def decisions_path(application: Any) -> str:
    return f"/officer/cases/{application.id}/decisions"


def form_values(html: str) -> dict[str, Any]:
    """What a browser would send from the page's first form with a csrf token (buttons left out)."""
    soup = BeautifulSoup(html, "html.parser")
    form = next(form for form in soup.find_all("form") if form.find("input", attrs={"name": "csrf_token"}))
    values: dict[str, list[str]] = {}
    for element in form.find_all(["input", "textarea"]):
        name = element.get("name")
        if not name:
            continue
        kind = element.get("type", "text")
        if kind in ("radio", "checkbox") and not element.has_attr("checked"):
            continue
        value = element.get_text() if element.name == "textarea" else element.get("value", "")
        values.setdefault(name, []).append(value)
    return {name: found[0] if len(found) == 1 else found for name, found in values.items()}


def checklist_keys(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [box["value"] for box in soup.find_all("input", attrs={"name": "checklist"})]


def post_page(client: Any, path: str, changes: dict[str, Any], button: str | None = None) -> Any:
    """Load the page, change some fields, and send the form with ``button`` pressed."""
    page = client.get(path)
    assert page.status_code == 200, (path, page.status_code)
    values = form_values(page.get_data(as_text=True))
    values.update(changes)
    if button:
        values[button] = button
    return client.post(path, data=values)


def save_findings(client: Any, application: Any, **findings: Any) -> Any:
    """Save findings as a draft, like an officer filling in the top of the assessment page."""
    return post_page(client, assessment_path(application), findings, "save")


def everything_confirmed(client: Any, application: Any) -> dict[str, Any]:
    """Form fields that confirm every proposed field and tick every factor on the checklist."""
    page = client.get(assessment_path(application)).get_data(as_text=True)
    changes: dict[str, Any] = {f"{name}_choice": "confirm" for name in FIELDS}
    changes["checklist"] = checklist_keys(page)
    return changes


def assess(client: Any, application: Any, findings: dict[str, Any] | None = None, **fields: Any) -> Any:
    """Save the findings, then confirm everything (with ``fields`` on top) and continue to the determination."""
    if findings:
        response = save_findings(client, application, **findings)
        assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    changes = {**everything_confirmed(client, application), **fields}
    return post_page(client, assessment_path(application), changes, "decide")


def decide(client: Any, application: Any, findings: dict[str, Any] | None = None, **fields: Any) -> Any:
    """Walk the assessment and determination pages to a decision; gives the response to 'Make this decision'."""
    response = assess(client, application, findings, **fields)
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    assert response.headers["Location"].endswith(determination_path(application))
    return post_page(client, determination_path(application), {})
