"""What each stage of an application is called, and what happens next, in words for applicants."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

STAGE_NAMES = {
    "draft": _l("Not sent yet"),
    "submitted": _l("Sent"),
    "awaiting_evidence": _l("Waiting for evidence"),
    "being_assessed": _l("Being checked"),
    "decided": _l("Decided"),
    "under_review": _l("Being reviewed"),
    "active": _l("On the register"),
    "suspended": _l("On hold"),
    "closed": _l("Closed"),
}
STAGE_TAGS = {
    "draft": "govuk-tag--grey",
    "submitted": "govuk-tag--blue",
    "awaiting_evidence": "govuk-tag--yellow",
    "being_assessed": "govuk-tag--light-blue",
    "decided": "govuk-tag--purple",
    "under_review": "govuk-tag--orange",
    "active": "govuk-tag--green",
    "suspended": "govuk-tag--red",
    "closed": "govuk-tag--grey",
}
NEXT_STEPS = {
    "draft": _l("Finish each section and send your application."),
    "submitted": _l("Send us the evidence we ask for. An officer will then check your application."),
    "awaiting_evidence": _l(
        "We are waiting for some evidence from you. Send it as soon as you can. If you cannot get something, contact us and we will help."
    ),
    "being_assessed": _l(
        "An officer is checking your application and evidence. We will write to you with our decision."
    ),
    "decided": _l("We have made a decision. Read it below. If you do not agree, you can ask us to look at it again."),
    "under_review": _l(
        "A senior officer who did not make the first decision is looking at it again. We will write to you with the outcome."
    ),
    "active": _l("You are on the housing register. You can bid for homes that suit your household."),
    "suspended": _l("Your application is on hold. The decision below says why and what you can do."),
    "closed": _l("Your application is closed. You can start a new application at any time."),
}
