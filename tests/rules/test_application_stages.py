"""The stages of an application and the moves allowed between them."""

from __future__ import annotations

import pytest

from portal.rules.application.stages import ALLOWED, NEXT_STEPS, STAGES, can_move

DESIGN = {
    "draft": {"submitted", "closed"},
    "submitted": {"awaiting_evidence", "being_assessed", "closed"},
    "awaiting_evidence": {"being_assessed", "closed"},
    "being_assessed": {"awaiting_evidence", "decided", "active", "closed"},
    "decided": {"active", "closed", "under_review"},
    "active": {"under_review", "suspended", "closed", "being_assessed"},
    "under_review": {"decided", "active", "closed"},
    "suspended": {"active", "closed"},
    "closed": {"under_review"},
}


@pytest.mark.parametrize("from_stage", STAGES)
@pytest.mark.parametrize("to_stage", STAGES)
def test_exactly_the_moves_in_the_design_are_allowed(from_stage, to_stage):
    assert can_move(from_stage, to_stage) is (to_stage in DESIGN[from_stage])


def test_the_table_covers_every_stage_and_names_only_stages():
    assert set(ALLOWED) == set(STAGES) == set(DESIGN)
    assert all(targets <= set(STAGES) for targets in ALLOWED.values())


@pytest.mark.parametrize("stage", [s for s in STAGES if s != "closed"])
def test_every_stage_but_closed_can_be_closed(stage):
    assert can_move(stage, "closed")


def test_a_closed_application_moves_only_to_a_review_and_nothing_stays_where_it_is():
    assert [stage for stage in STAGES if can_move("closed", stage)] == ["under_review"]
    assert not any(can_move(stage, stage) for stage in STAGES)


def test_every_stage_can_be_reached_from_a_draft():
    reached, waiting = {"draft"}, ["draft"]
    while waiting:
        for target in ALLOWED[waiting.pop()]:
            if target not in reached:
                reached.add(target)
                waiting.append(target)
    assert reached == set(STAGES)


@pytest.mark.parametrize(("from_stage", "to_stage"), [("draft", "unknown"), ("unknown", "closed"), ("", "draft")])
def test_unknown_stages_cannot_move(from_stage, to_stage):
    assert can_move(from_stage, to_stage) is False


def test_each_stage_says_what_happens_next_in_a_whole_sentence():
    assert list(NEXT_STEPS) == list(STAGES)
    texts = [NEXT_STEPS[stage].text() for stage in STAGES]
    assert len(set(texts)) == len(STAGES)
    for text in texts:
        assert text[0].isupper() and text.endswith(".") and "%(" not in text and "Scheme rule" not in text
