"""The stages of an application to the register, the moves allowed between them, and what happens next.

Any stage but ``closed`` can move to ``closed``. The only move out of ``closed``
is to ``under_review``, when the applicant asks for a review of the decision that
closed it (the data layer checks there is such a decision and the time to ask has
not passed); otherwise someone whose application is closed applies again. An
officer's determination moves an application from ``being_assessed`` to
``active`` (joins the register) or ``closed`` (not eligible, or does not qualify). The data
layer's ``move_to`` is the one place that changes a stage, and it asks ``can_move``.
"""

from __future__ import annotations

from portal.rules.text import N_, Sentence

STAGES = (
    "draft",
    "submitted",
    "awaiting_evidence",
    "being_assessed",
    "decided",
    "under_review",
    "active",
    "suspended",
    "closed",
)

ALLOWED: dict[str, frozenset[str]] = {
    "draft": frozenset({"submitted", "closed"}),
    "submitted": frozenset({"awaiting_evidence", "being_assessed", "closed"}),
    "awaiting_evidence": frozenset({"being_assessed", "closed"}),
    "being_assessed": frozenset({"awaiting_evidence", "decided", "active", "closed"}),
    "decided": frozenset({"active", "closed", "under_review"}),
    "active": frozenset({"under_review", "suspended", "closed", "being_assessed"}),
    "under_review": frozenset({"decided", "active", "closed"}),
    "suspended": frozenset({"active", "closed"}),
    "closed": frozenset({"under_review"}),
}

#: What happens next, for the applicant, at each stage.
NEXT_STEPS: dict[str, Sentence] = {
    "draft": Sentence(
        N_(
            "You have not sent your application yet. You can come back to it at any time, and send it when it is ready."
        ),
        "",
    ),
    "submitted": Sentence(
        N_("We have your application. An officer will look at it and tell you if we need anything else."), ""
    ),
    "awaiting_evidence": Sentence(
        N_(
            "We need some documents from you before we can go on. You can see the list of documents and send them to us online."
        ),
        "",
    ),
    "being_assessed": Sentence(
        N_("An officer is checking your application and your documents. We will write to you when we have decided."),
        "",
    ),
    "decided": Sentence(
        N_(
            "We have made a decision and written to you about it. If you think it is wrong, you can ask us to look "
            "at it again."
        ),
        "",
    ),
    "under_review": Sentence(
        N_("We are looking at our decision again, as you asked. We will write to you when we have finished."), ""
    ),
    "active": Sentence(N_("You are on the housing register. You can now bid for homes that suit your household."), ""),
    "suspended": Sentence(
        N_(
            "Your application is on hold for now, so you cannot bid for homes. We will write to you to say why "
            "and what you can do."
        ),
        "",
    ),
    "closed": Sentence(
        N_("Your application is closed. If things change, you can apply again at any time."),
        "",
    ),
}


def can_move(from_stage: str, to_stage: str) -> bool:
    """Whether an application may move from one stage to another (never to the same stage)."""
    return to_stage in ALLOWED.get(from_stage, frozenset())
