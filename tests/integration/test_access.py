"""Every page is classified by who may open it, and the classification holds."""

from __future__ import annotations

import pytest

from portal.auth.access import PUBLIC, SIGNED_IN, access_of
from portal.auth.roles import Role

UNCLASSIFIED_ALLOWED = {"static"}


def test_every_endpoint_is_classified_by_role(app):
    unclassified = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint in UNCLASSIFIED_ALLOWED:
            continue
        view = app.view_functions[rule.endpoint]
        access = access_of(view)
        if access not in (PUBLIC, SIGNED_IN) and not (
            isinstance(access, frozenset) and access and all(isinstance(r, Role) for r in access)
        ):
            unclassified.append(f"{rule.rule} ({rule.endpoint})")
    assert unclassified == [], f"Endpoints with no access classification: {unclassified}"


def test_the_classification_check_catches_an_unclassified_view():
    def naked_view():
        return "hello"

    assert access_of(naked_view) is None


SIGNED_IN_PAGES = ["/account", "/account/language"]
APPLICANT_PAGES = ["/apply/"]
SUPPORT_PAGES = ["/support/"]
OFFICER_PAGES = ["/officer/"]
ADMIN_PAGES = ["/officer/admin/staff", "/officer/admin/staff/new"]

ALL_ROLES = list(Role)


def expected_status(role: Role, path: str) -> int:
    if path in SIGNED_IN_PAGES:
        return 200
    if path in APPLICANT_PAGES:
        return 200 if role is Role.APPLICANT else 403
    if path in SUPPORT_PAGES:
        return 200 if role is Role.SUPPORT_WORKER else 403
    if path in OFFICER_PAGES:
        return 200 if role in {Role.OFFICER, Role.SENIOR_OFFICER, Role.ADMIN} else 403
    if path in ADMIN_PAGES:
        return 200 if role is Role.ADMIN else 403
    raise AssertionError(path)


@pytest.mark.parametrize("role", ALL_ROLES, ids=lambda r: r.value)
@pytest.mark.parametrize("path", SIGNED_IN_PAGES + APPLICANT_PAGES + SUPPORT_PAGES + OFFICER_PAGES + ADMIN_PAGES)
def test_permission_matrix(sign_in_as, role, path):
    client = sign_in_as(role)
    assert client.get(path).status_code == expected_status(role, path)


@pytest.mark.parametrize("path", SIGNED_IN_PAGES + APPLICANT_PAGES + SUPPORT_PAGES + OFFICER_PAGES + ADMIN_PAGES)
def test_visitors_are_asked_to_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in?next=")


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/sign-in",
        "/register",
        "/password-reset",
        "/verify-email",
        "/options/",
        "/homes/",
        "/accessibility",
        "/privacy",
        "/cookies",
        "/contact",
        "/signed-out",
        "/register/check-your-email",
    ],
)
def test_public_pages_open_without_an_account(client, path):
    assert client.get(path).status_code == 200


def test_forbidden_page_is_explained(sign_in_as):
    client = sign_in_as(Role.APPLICANT)
    response = client.get("/officer/")
    assert response.status_code == 403
    assert "You cannot see this page" in response.get_data(as_text=True)
