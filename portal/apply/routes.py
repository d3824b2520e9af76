"""Applying to the housing register, at /apply: the task list, the questions, sending, evidence and status."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("apply", __name__, url_prefix="/apply")

# Each journey adds its views to this blueprint.
from portal.apply import (  # noqa: E402, F401
    changes_views,
    evidence_views,
    questions_views,
    status_views,
    submit_views,
    task_list_views,
)
