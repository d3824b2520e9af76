"""A support worker helping a client in Chromium: the client invites them with a code, the worker takes it
up, helps and bids for them, the client sees what was done and ends the access, and the worker loses it
at once. Every page is checked with axe-core, and the client's and the worker's pages at 320px wide."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from portal.auth.roles import Role
from portal.data import accounts
from portal.data.base import utcnow
from portal.data.support_models import Organisation, SupportWorker
from portal.extensions import db
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import NARROW, LiveServer, sign_in, unique_email
from tests.browser.test_accessibility import horizontal_scrolling_problem
from tests.conftest import TEST_PASSWORD
from tests.integration.lettings_helpers import a_cycle, a_household, a_landlord, an_advert

pytestmark = pytest.mark.browser


def checked(page: Page, what: str) -> None:
    assert_no_axe_violations(page, what)
    assert horizontal_scrolling_problem(page) is None, what


class _Users:
    def __init__(self) -> None:
        self.emails: list[str] = []

    def __call__(self, role: Role = Role.APPLICANT, **fields: Any) -> Any:
        email = unique_email("client")
        self.emails.append(email)
        user = accounts.create_user(
            db.session,
            email=email,
            full_name=fields.pop("full_name", "Client"),
            password=TEST_PASSWORD,
            role=role,
            verified_at=utcnow(),
        )
        db.session.flush()
        return user


def a_client_and_a_worker(server: LiveServer) -> dict[str, Any]:
    with server.app.app_context():
        users = _Users()
        a_household(db.session, users, band=2, full_name="Joy Mensah")
        cycle = a_cycle(db.session, name=f"Support week {unique_email('x')[:14]}")
        advert = an_advert(db.session, cycle=cycle, landlord=a_landlord(db.session))
        worker_email = unique_email("worker")
        worker = accounts.create_user(
            db.session,
            email=worker_email,
            full_name="Sam Okoro",
            password=TEST_PASSWORD,
            role=Role.SUPPORT_WORKER,
            verified_at=utcnow(),
        )
        organisation = Organisation(name=f"Advice {worker_email}", kind="charity")
        db.session.add(organisation)
        db.session.flush()
        db.session.add(SupportWorker(user_id=worker.id, organisation_id=organisation.id, status="approved"))
        made = {
            "client": users.emails[0],
            "worker": worker_email,
            "advert": advert.reference,
            "street": advert.address_line_1,
        }
        db.session.commit()
    return made


def test_invite_accept_act_and_revoke(live_server, new_context):
    made = a_client_and_a_worker(live_server)
    client = new_context(viewport=NARROW).new_page()
    sign_in(client, live_server, made["client"], TEST_PASSWORD)

    # The client invites a helper with a code, choosing help and bidding for 3 months.
    client.goto(live_server("/account"))
    client.get_by_role("link", name="People helping you").click()
    checked(client, "people helping you, none yet")
    client.get_by_role("button", name="Invite someone to help you").click()
    client.get_by_label("Give them a code").check()
    checked(client, "how to invite")
    client.get_by_role("button", name="Continue").click()
    client.get_by_label("Help with my application and documents").check()
    client.get_by_label("Bid for homes for me").check()
    checked(client, "what they can do")
    client.get_by_role("button", name="Continue").click()
    client.get_by_label("3 months").check()
    checked(client, "until when")
    client.get_by_role("button", name="Continue").click()
    checked(client, "check the invitation")
    client.get_by_role("button", name="Get the code").click()
    code = client.locator("#invite-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", code), code
    checked(client, "the code")

    # The worker types the code and agrees.
    worker = new_context(viewport=NARROW).new_page()
    sign_in(worker, live_server, made["worker"], TEST_PASSWORD)
    worker.goto(live_server("/support/code"))
    checked(worker, "type a code")
    worker.get_by_label("Type the code they gave you").fill(code.lower().replace("-", " "))
    worker.get_by_role("button", name="Continue").click()
    checked(worker, "the invitation")
    worker.get_by_label("Yes, I will help them").check()
    worker.get_by_role("button", name="Continue").click()
    worker.goto(live_server("/support/"))
    expect(worker.locator(".govuk-summary-card h2")).to_have_text(["Joy Mensah"])
    checked(worker, "dashboard with a client")

    # The worker bids for the client: the banner says who they are helping.
    worker.get_by_role("button", name="Bid for Joy Mensah").click()
    expect(worker.locator(".app-acting-banner")).to_contain_text("You are helping Joy Mensah")
    worker.goto(live_server(f"/homes/{made['advert']}"))
    checked(worker, "a home, while helping")
    worker.get_by_role("button", name="Bid for this home for Joy Mensah").click()
    expect(worker.get_by_role("heading", level=1)).to_have_text("Your bid has been placed")
    worker.goto(live_server("/apply/status"))
    checked(worker, "the client's application, while helping")

    # The client sees what was done for them, then ends the access.
    client.goto(live_server("/account/helpers/activity"))
    expect(client.locator("main")).to_contain_text("placed a bid for a home")
    expect(client.locator("main")).to_contain_text("Sam Okoro")
    checked(client, "activity")
    client.goto(live_server("/account/helpers"))
    client.get_by_role("link", name="End access for Sam Okoro").click()
    checked(client, "end access")
    client.get_by_role("button", name="End their access now").click()
    checked(client, "access ended")

    # The worker's very next page tells them their access has ended.
    worker.goto(live_server("/homes/bids"))
    expect(worker.get_by_role("heading", level=1)).to_have_text("You can no longer help Joy Mensah")
    checked(worker, "access ended, for the worker")
    worker.goto(live_server("/apply/status"))
    expect(worker.locator("main")).not_to_contain_text("Joy Mensah")
    worker.goto(live_server("/support/"))
    expect(worker.locator(".govuk-summary-card")).to_have_count(0)
