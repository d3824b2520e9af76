"""Every applicant page against every kind of consent a support worker can hold.

Each page guarded by ``for_applicant`` names the scope a look (GET) and a
change (any other method) need. A support worker gets through only when
their client's consent is in force and covers that scope; otherwise the
request is refused before the page does anything. Pages only the applicant
may use refuse a helper whatever their consent. An officer acting for an
applicant may use every helper page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from sqlalchemy.orm import Session

from portal.auth.access import access_of
from portal.auth.acting import ACTING_KEY, scopes_of
from portal.auth.roles import Role
from portal.data.models import User
from portal.data.support_models import Consent, Organisation, SupportWorker
from portal.rules.support.scopes import Scope
from tests.conftest import sign_in_client

TODAY = dt.date.today()
#: A value for each kind of URL argument: the check comes before the page looks anything up.
ARGUMENT_VALUES = {"int": "999999", "default": "nothing-here"}

#: Each consent a worker can hold: (name, status, scopes chosen, days until it ends, worker approved).
CONSENTS = [
    ("view", "active", (False, False), 30, True),
    ("view-help", "active", (True, False), 30, True),
    ("view-bid", "active", (False, True), 30, True),
    ("all", "active", (True, True), 30, True),
    ("revoked", "revoked", (True, True), 30, True),
    ("expired", "active", (True, True), -1, True),
    ("waiting-to-be-taken-up", "invited", (True, True), 30, True),
    ("worker-suspended", "active", (True, True), 30, False),
]
IN_FORCE = {"view", "view-help", "view-bid", "all"}


def applicant_routes(app: Flask) -> list[tuple[str, str, Scope]]:
    """Each (url, method, scope needed) for every method of every page a helper may use."""
    found = []
    for rule in app.url_map.iter_rules():
        scopes = scopes_of(app.view_functions[rule.endpoint])
        if scopes is None:
            continue
        read, write = scopes
        url = fill(rule)
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            found.append((url, method, read if method == "GET" else write))
    return found


def applicant_only_routes(app: Flask) -> list[tuple[str, str]]:
    found = []
    for rule in app.url_map.iter_rules():
        if access_of(app.view_functions[rule.endpoint]) == frozenset({Role.APPLICANT}):
            for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
                found.append((fill(rule), method))
    return found


def fill(rule: Any) -> str:
    values = {
        name: ARGUMENT_VALUES["int"] if type(converter).__name__ == "IntegerConverter" else ARGUMENT_VALUES["default"]
        for name, converter in rule._converters.items()
    }
    return str(rule.build(values, append_unknown=False)[1])


@pytest.fixture
def client_user(make_user: Callable[..., User]) -> User:
    return make_user(Role.APPLICANT, full_name="Joy Client")


@pytest.fixture
def worker_with(
    app: Flask, db_session: Session, make_user: Callable[..., User], client_user: User
) -> Callable[[str], Any]:
    organisation = Organisation(name="Matrix Advice", kind="charity")
    db_session.add(organisation)
    db_session.flush()

    def make(kind: str) -> Any:
        _name, status, (can_help, can_bid), days, approved = next(c for c in CONSENTS if c[0] == kind)
        worker = make_user(Role.SUPPORT_WORKER)
        db_session.add(
            SupportWorker(
                user_id=worker.id, organisation_id=organisation.id, status="approved" if approved else "suspended"
            )
        )
        db_session.add(
            Consent(
                applicant_id=client_user.id,
                worker_id=worker.id,
                route="code_invite",
                status=status,
                can_help=can_help,
                can_bid=can_bid,
                expires_on=TODAY + dt.timedelta(days=days),
            )
        )
        db_session.flush()
        browser = app.test_client()
        sign_in_client(browser, worker)
        with browser.session_transaction() as session:
            session[ACTING_KEY] = {"applicant": client_user.id, "reason": None}
        return browser

    return make


def send(browser: Any, url: str, method: str) -> Any:
    if method == "GET":
        return browser.get(url)
    return browser.post_form(url, {}, token_from="/account")


def refused(response: Any) -> bool:
    return response.status_code == 403


#: What each applicant page needs of a helper, for a look and for a change. A new page must be added here.
VIEW, HELP, BID = Scope.VIEW, Scope.HELP, Scope.BID
POLICY = {
    "apply.index": (VIEW, HELP),
    "apply.start": (VIEW, HELP),
    "apply.section_start": (HELP, HELP),
    "apply.question": (HELP, HELP),
    "apply.item_question": (HELP, HELP),
    "apply.another": (HELP, HELP),
    "apply.remove_item": (HELP, HELP),
    "apply.find_address": (HELP, HELP),
    "apply.check_section": (VIEW, HELP),
    "apply.check_all": (VIEW, HELP),
    "apply.sent": (VIEW, HELP),
    "apply.status": (VIEW, HELP),
    "apply.summary": (VIEW, HELP),
    "apply.summary_pdf": (VIEW, HELP),
    "apply.changes": (HELP, HELP),
    "apply.change_details": (HELP, HELP),
    "apply.change_preview": (HELP, HELP),
    "apply.change_sent": (VIEW, HELP),
    "apply.decisions": (VIEW, HELP),
    "apply.decision": (VIEW, HELP),
    "apply.decision_pdf": (VIEW, HELP),
    "apply.review_request": (HELP, HELP),
    "apply.review_sent": (VIEW, HELP),
    "apply.evidence": (VIEW, HELP),
    "apply.evidence_item": (VIEW, HELP),
    "apply.evidence_file": (VIEW, HELP),
    "apply.evidence_remove_file": (HELP, HELP),
    "homes.alerts": (VIEW, HELP),
    "homes.delete_alert": (VIEW, HELP),
    "homes.auto_bid": (VIEW, BID),
    "homes.bid": (VIEW, BID),
    "homes.bid_placed": (VIEW, HELP),
    "homes.bids": (VIEW, HELP),
    "homes.withdraw_bid": (BID, BID),
}


def test_each_applicant_page_asks_for_the_scope_the_policy_names(app):
    declared = {
        rule.endpoint: scopes_of(app.view_functions[rule.endpoint])
        for rule in app.url_map.iter_rules()
        if scopes_of(app.view_functions[rule.endpoint]) is not None
    }
    assert declared == POLICY


def test_the_matrix_covers_the_applicant_pages(app):
    urls = {url for url, _method, _scope in applicant_routes(app)}
    assert {"/apply/", "/apply/status", "/homes/bids", "/apply/evidence"} <= urls
    scopes = {scope for _url, _method, scope in applicant_routes(app)}
    assert scopes == set(Scope), "every scope guards some page"


@pytest.mark.parametrize("kind", [consent[0] for consent in CONSENTS])
def test_every_applicant_page_against_each_consent(app, worker_with, kind):
    browser = worker_with(kind)
    chosen = next(c for c in CONSENTS if c[0] == kind)
    scopes = {Scope.VIEW} | ({Scope.HELP} if chosen[2][0] else set()) | ({Scope.BID} if chosen[2][1] else set())
    wrong = []
    for url, method, needed in applicant_routes(app):
        allowed = kind in IN_FORCE and needed in scopes
        response = send(browser, url, method)
        if refused(response) == allowed:
            wrong.append(f"{method} {url} needs {needed.value}: got {response.status_code}")
    assert wrong == []


@pytest.mark.parametrize("kind", ["revoked", "expired", "worker-suspended"])
def test_a_helper_whose_access_ended_is_told_so(worker_with, kind):
    browser = worker_with(kind)
    response = browser.get("/apply/status")
    assert response.status_code == 403
    assert "You can no longer help Joy Client" in response.get_data(as_text=True)


def test_a_helper_outside_their_scope_is_told_what_they_cannot_do(worker_with):
    browser = worker_with("view")
    response = browser.post_form("/apply/start", {}, token_from="/account")
    assert response.status_code == 403
    assert "You cannot do this for Joy Client" in response.get_data(as_text=True)


def test_pages_only_for_the_applicant_refuse_any_helper(app, worker_with):
    browser = worker_with("all")
    routes = applicant_only_routes(app)
    assert ("/apply/withdraw", "GET") in routes
    wrong = [f"{method} {url}" for url, method in routes if not refused(send(browser, url, method))]
    assert wrong == []


def test_a_worker_who_chose_nobody_is_refused(app, sign_in_as):
    browser = sign_in_as(Role.SUPPORT_WORKER)
    wrong = [f"{method} {url}" for url, method, _ in applicant_routes(app) if not refused(send(browser, url, method))]
    assert wrong == []


def test_a_worker_cannot_act_for_someone_else_by_editing_the_session(
    app, worker_with, make_user, client_user, db_session
):
    browser = worker_with("all")
    stranger = make_user(Role.APPLICANT, full_name="Not A Client")
    with browser.session_transaction() as session:
        session[ACTING_KEY] = {"applicant": stranger.id, "reason": None}
    assert browser.get("/apply/status").status_code == 403
    assert browser.get("/homes/bids").status_code == 403


@pytest.mark.parametrize("role", [Role.OFFICER, Role.SENIOR_OFFICER, Role.ADMIN])
def test_an_officer_acting_for_an_applicant_may_use_every_helper_page(app, sign_in_as, client_user, role):
    browser = sign_in_as(role)
    with browser.session_transaction() as session:
        session[ACTING_KEY] = {"applicant": client_user.id, "reason": "Phone call"}
    wrong = [
        f"{method} {url}: {response.status_code}"
        for url, method, _ in applicant_routes(app)
        if refused(response := send(browser, url, method))
    ]
    assert wrong == []


@pytest.mark.parametrize("role", [Role.OFFICER, Role.SUPPORT_WORKER])
def test_nobody_can_act_for_a_staff_account(app, sign_in_as, make_user, role):
    browser = sign_in_as(role)
    colleague = make_user(Role.OFFICER)
    with browser.session_transaction() as session:
        session[ACTING_KEY] = {"applicant": colleague.id, "reason": "x"}
    assert browser.get("/apply/status").status_code == 403
