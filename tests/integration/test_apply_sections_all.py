"""Every section of the application, answered in task list order, shows as completed."""

from __future__ import annotations

from portal.apply.section_list import SECTIONS
from tests.integration.apply_helpers import start
from tests.integration.apply_sections_helpers import facts, text_of, walk_everything

ORDER = (
    "about_you",
    "household",
    "current_home",
    "addresses",
    "immigration",
    "money",
    "health",
    "safety",
    "tenancy",
    "equality",
)


def test_sections_are_in_task_list_order_and_only_equality_is_optional():
    assert tuple(section.key for section in SECTIONS) == ORDER
    assert [section.key for section in SECTIONS if section.optional] == ["equality"]


def test_a_new_application_has_nothing_completed(sign_in_as):
    client = start(sign_in_as)
    page = text_of(client, "/apply/")
    assert "You have finished 0 of 10 sections." in page
    assert "Completed" not in page


def test_walking_every_section_completes_them_all(sign_in_as, db_session):
    client = start(sign_in_as, full_name="Amina Rahman")
    walk_everything(client)
    page = text_of(client, "/apply/")
    assert "You have finished 10 of 10 sections." in page
    assert page.count("Completed") == len(SECTIONS)
    for section in SECTIONS:
        assert str(section.title) in page
    assert "In progress" not in page and "Not yet started" not in page
    assert "Check your answers and send your application" in page
    known = facts(db_session, client)
    assert set(known["answers"]) >= {"current_home", "addresses", "money", "health", "safety", "tenancy"}
    assert known["people"][0]["immigration_status"] == "british_irish"
    assert known["addresses"][0]["moved_out"] is None
