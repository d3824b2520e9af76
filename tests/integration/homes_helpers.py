"""Signed-in households and page helpers for the tests of the homes pages (/homes)."""

from __future__ import annotations

from typing import Any

from bs4 import BeautifulSoup
from flask import Flask
from sqlalchemy.orm import Session

from portal.data.accounts import get_user
from portal.data.application_models import Application
from tests.conftest import sign_in_client
from tests.integration.lettings_helpers import a_household


def signed_in_household(app: Flask, db_session: Session, make_user: Any, **options: Any) -> tuple[Any, Application]:
    """A household on the register (see ``a_household``) and a client signed in as its applicant."""
    application = a_household(db_session, make_user, **options)
    user = get_user(db_session, application.user_id)
    assert user is not None
    client = app.test_client()
    sign_in_client(client, user)
    client.user = user  # type: ignore[attr-defined]
    return client, application


def set_money(db_session: Session, application: Application, **answers: str) -> None:
    """Change the household's money answers (income, take_home_pay, savings, owns_property)."""
    money = dict(application.section("money"))
    money.update(answers)
    application.answers = {**application.answers, "money": money}
    db_session.flush()


def soup_of(response: Any) -> BeautifulSoup:
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def text_of(response: Any) -> str:
    return " ".join(soup_of(response).get_text(" ").split())


def main_text(client: Any, path: str, status: int = 200) -> str:
    response = client.get(path)
    assert response.status_code == status, (path, response.status_code)
    main = soup_of(response).find("main")
    return " ".join((main or soup_of(response)).get_text(" ").split())


def error_summary(response: Any) -> list[str]:
    summary = soup_of(response).select(".govuk-error-summary__list a")
    return [" ".join(link.get_text(" ").split()) for link in summary]
