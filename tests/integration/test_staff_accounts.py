"""Admins create staff accounts on a page or with a command; staff choose their own password."""

from __future__ import annotations

from sqlalchemy import select

from portal.auth.roles import Role
from portal.data import accounts
from portal.data.models import AuditEvent
from tests.conftest import link_in

PASSWORD = "Officer-passphrase-2026"  # noqa: S105


def test_admin_creates_an_officer_who_chooses_a_password(sign_in_as, client, db_session, outbox):
    admin = sign_in_as(Role.ADMIN)
    response = admin.post_form(
        "/officer/admin/staff/new",
        {"full_name": "Nia Officer", "email": "nia@council.example", "role": "officer"},
    )
    assert response.headers["Location"] == "/officer/admin/staff"
    assert "nia@council.example" in admin.get("/officer/admin/staff").get_data(as_text=True)
    officer = accounts.get_user_by_email(db_session, "nia@council.example")
    assert officer.role is Role.OFFICER and officer.is_verified

    event = db_session.scalar(select(AuditEvent).where(AuditEvent.subject_id == str(officer.id)))
    assert event.action == "staff.created" and event.actor_id == admin.user.id

    [invite] = outbox()
    assert invite["Subject"] == "Your account for the housing register"
    link = link_in(invite)
    client.post_form(link, {"password": PASSWORD, "confirm_password": PASSWORD})
    signed_in = client.post_form("/sign-in", {"email": "nia@council.example", "password": PASSWORD})
    assert signed_in.headers["Location"] == "/officer/"


def test_admin_page_rejects_bad_input_and_duplicates(sign_in_as, make_user):
    make_user(email="exists@council.example")
    admin = sign_in_as(Role.ADMIN)
    bad_role = admin.post_form(
        "/officer/admin/staff/new",
        {"full_name": "X", "email": "x@council.example", "role": "applicant"},
    )
    assert bad_role.status_code == 200
    assert "Choose a role" in bad_role.get_data(as_text=True)
    duplicate = admin.post_form(
        "/officer/admin/staff/new",
        {"full_name": "Y", "email": "exists@council.example", "role": "officer"},
    )
    assert "There is already an account with this email address" in duplicate.get_data(as_text=True)


def test_officers_cannot_create_staff(sign_in_as):
    officer = sign_in_as(Role.OFFICER)
    assert officer.get("/officer/admin/staff/new").status_code == 403


def test_create_staff_command(app, db_session):
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=[
            "create-staff",
            "--email",
            "Cli.Senior@Council.example",
            "--name",
            "Cli Senior",
            "--role",
            "senior_officer",
            "--password-stdin",
        ],
        input=PASSWORD + "\n",
    )
    assert result.exit_code == 0, result.output
    user = accounts.get_user_by_email(db_session, "cli.senior@council.example")
    assert user.role is Role.SENIOR_OFFICER
    from portal.auth.passwords import verify_password

    assert verify_password(user.password_hash, PASSWORD)
    again = runner.invoke(
        args=["create-staff", "--email", "cli.senior@council.example", "--name", "Again"],
    )
    assert again.exit_code == 1
    assert "already an account" in again.output


def test_create_staff_command_refuses_a_short_password(app, db_session):
    result = app.test_cli_runner().invoke(
        args=["create-staff", "--email", "short@council.example", "--name", "S", "--password-stdin"],
        input="short\n",
    )
    assert result.exit_code == 1
    assert accounts.get_user_by_email(db_session, "short@council.example") is None


def test_create_staff_command_emails_a_link_on_the_public_address(app, db_session, outbox):
    result = app.test_cli_runner().invoke(
        args=["create-staff", "--email", "linked@council.example", "--name", "Linked", "--role", "admin"]
    )
    assert result.exit_code == 0, result.output
    [invite] = outbox()
    body = invite.get_body(preferencelist=("plain",)).get_content()
    assert f"{app.config['BASE_URL']}/password-reset/" in body
