"""An officer's determination of a case: pure rules, no web framework and no database.

- ``findings``: what officers find that the engine takes from them (a medical award, a hazard, a duty...);
- ``proposal``: what the rules propose for each field of the decision, each with its reasons;
- ``checklist``: the factors of the council's scheme an officer ticks before deciding;
- ``settle``: the officer's confirmations and overrides checked, giving the decision or the problems.

The data layer builds the case (``portal.rules.application.to_case.case_from_facts``), adds the history of
earlier decisions and the officer's findings (``apply_findings``), then calls ``propose`` and ``settle``.
"""

from portal.rules.determination.checklist import Factor, checklist_for
from portal.rules.determination.findings import (
    FINDING_FLAGS,
    MEDICAL_AWARDS,
    Findings,
    apply_findings,
    findings_from,
    findings_in,
    findings_to_mapping,
)
from portal.rules.determination.proposal import FIELD_LABELS, FIELDS, Proposal, ProposedField, propose
from portal.rules.determination.settle import Confirmation, Problem, Settled, settle

__all__ = [
    "FIELDS",
    "FIELD_LABELS",
    "FINDING_FLAGS",
    "MEDICAL_AWARDS",
    "Confirmation",
    "Factor",
    "Findings",
    "Problem",
    "Proposal",
    "ProposedField",
    "Settled",
    "apply_findings",
    "checklist_for",
    "findings_from",
    "findings_in",
    "findings_to_mapping",
    "propose",
    "settle",
]
