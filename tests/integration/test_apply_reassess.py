"""The reassessment job: a task for each birthday that changes how many bedrooms a household needs."""

from __future__ import annotations

import datetime as dt

from portal.apply.reassess import create_birthday_tasks
from portal.data.changes import open_tasks
from portal.rules.scheme import load_scheme
from tests.integration.test_apply_changes_setup import TODAY, born, sent_application

SCHEME = load_scheme("default")


def test_a_boy_turning_10_next_to_a_younger_sister_makes_one_task(db_session, make_user):
    # Under 10, a boy and a girl share a room; from 10 they do not (the default scheme's bedroom rules).
    people = (("Sam Jones", born(10, 12), "male", "child"), ("Ava Jones", born(7, 100), "female", "child"))
    application = sent_application(db_session, make_user(), people)
    assert create_birthday_tasks(db_session, TODAY, 31, SCHEME) == 1
    [task] = open_tasks(db_session)
    assert (task.application_id, task.reason, task.due_on) == (
        application.id,
        "child_birthday",
        TODAY + dt.timedelta(12),
    )
    assert task.details == {"person_id": application.people[1].key, "age": 10, "need_before": 2, "need_after": 3}
    assert task.done_at is None


def test_running_the_job_again_makes_no_copies(db_session, make_user):
    people = (("Sam Jones", born(10, 3), "male", "child"), ("Ava Jones", born(7, 100), "female", "child"))
    sent_application(db_session, make_user(), people)
    assert create_birthday_tasks(db_session, TODAY, 31, SCHEME) == 1
    assert create_birthday_tasks(db_session, TODAY, 31, SCHEME) == 0
    assert create_birthday_tasks(db_session, TODAY + dt.timedelta(days=1), 31, SCHEME) == 0
    assert len(open_tasks(db_session)) == 1


def test_a_birthday_that_changes_nothing_makes_no_task(db_session, make_user):
    # Two brothers may always share, whatever their ages under 16.
    people = (("Sam Jones", born(10, 12), "male", "child"), ("Tom Jones", born(7, 20), "male", "child"))
    sent_application(db_session, make_user(), people)
    assert create_birthday_tasks(db_session, TODAY, 31, SCHEME) == 0
    assert open_tasks(db_session) == []


def test_a_birthday_after_the_window_waits_for_a_later_run(db_session, make_user):
    people = (("Sam Jones", born(10, 40), "male", "child"), ("Ava Jones", born(7, 100), "female", "child"))
    sent_application(db_session, make_user(), people)
    assert create_birthday_tasks(db_session, TODAY, 31, SCHEME) == 0
    assert create_birthday_tasks(db_session, TODAY + dt.timedelta(days=10), 31, SCHEME) == 1


def test_closed_applications_are_left_alone(db_session, make_user):
    people = (("Sam Jones", born(10, 12), "male", "child"), ("Ava Jones", born(7, 100), "female", "child"))
    sent_application(db_session, make_user(), people, stage="closed")
    assert create_birthday_tasks(db_session, TODAY, 31, SCHEME) == 0


def test_twins_turning_10_share_one_task(db_session, make_user):
    # A brother and sister of 9 share a room; each of them turning 10 means they no longer can.
    people = (("Sam Jones", born(10, 5), "male", "child"), ("Ava Jones", born(10, 5), "female", "child"))
    application = sent_application(db_session, make_user(), people)
    assert create_birthday_tasks(db_session, TODAY, 31, SCHEME) == 1
    [task] = open_tasks(db_session)
    assert task.details["person_id"] == application.people[1].key
    assert [person["person_id"] for person in task.details["people"]] == [p.key for p in application.people[1:3]]


def test_the_command_makes_the_tasks(app, db_session, make_user):
    people = (("Sam Jones", born(10, 12), "male", "child"), ("Ava Jones", born(7, 100), "female", "child"))
    sent_application(db_session, make_user(), people)
    result = app.test_cli_runner().invoke(args=["apply", "reassessment-tasks"])
    assert result.exit_code == 0, result.output
    assert "Made 1 new reassessment tasks." in result.output
    assert len(open_tasks(db_session)) == 1
    again = app.test_cli_runner().invoke(args=["apply", "reassessment-tasks", "--days-ahead", "60"])
    assert "Made 0 new reassessment tasks." in again.output
