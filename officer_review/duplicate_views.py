"""Possible duplicate applications, for an officer to resolve.

A sensitive application appears to officers not named on it only as
"Restricted case" with its reference; they cannot resolve a flag on it.
A named officer's view of the side-by-side page is audited as a view of
the sensitive case.
"""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from officer_review.case_access import acting_officer
from officer_review.routes import bp
from officer_review.safeguarding_forms import DUPLICATE_RESOLUTIONS, ResolveDuplicateForm
from portal.auth.access import officer_required
from portal.data import cases
from portal.data import duplicates as duplicate_data
from portal.data.accounts import users_by_id
from portal.data.application_models import Application
from portal.data.models import User
from portal.data.safeguarding import CLAIMING_ROLES
from portal.extensions import db
from portal.rules.casework.kinds import DUPLICATE_MATCHES

SAVED = {
    "not_duplicate": "Saved: these applications are not duplicates",
    "duplicate": "Saved: these applications are duplicates",
}


def case_link(application_id: int) -> str | None:
    if "officer_review.case" in current_app.view_functions:
        return url_for("officer_review.case", application_id=application_id)
    return None


def shown(officer: User, application: Application) -> dict[str, Any]:
    """How one application of a pair is shown to this officer: in full, or only as a restricted reference."""
    sensitive = cases.is_sensitive(db.session, application.id)
    restricted = sensitive and not cases.is_named(db.session, application.id, officer.id)
    claim = None
    if restricted and officer.role in CLAIMING_ROLES:
        claim = url_for("officer_review.case_sensitive_claim", application_id=application.id)
    return {
        "id": application.id,
        "reference": application.reference,
        "restricted": restricted,
        "sensitive": sensitive,
        "name": None if restricted else application.applicant.full_name,
        "link": None if restricted else case_link(application.id),
        "claim": claim,
    }


@bp.get("/duplicates")
@officer_required
def duplicates() -> str:
    officer = acting_officer()
    pairs: dict[tuple[int, int], dict[str, Any]] = {}
    for flag in duplicate_data.open_duplicates(db.session):
        key = (flag.application_id, flag.other_application_id)
        if key not in pairs:
            first, second = duplicate_data.pair_of(db.session, flag)
            pairs[key] = {
                "flag": flag,
                "sides": [shown(officer, first), shown(officer, second)],
                "matches": [],
            }
        pairs[key]["matches"].append(DUPLICATE_MATCHES.get(flag.matched_on, flag.matched_on))
    return render_template("officer_review/duplicates/index.html", pairs=list(pairs.values()))


@bp.route("/duplicates/<int:flag_id>", methods=["GET", "POST"])
@officer_required
def duplicate(flag_id: int) -> str | Response:
    officer = acting_officer()
    flag = duplicate_data.duplicate_of(db.session, flag_id)
    if flag is None:
        abort(404)
    applications = duplicate_data.pair_of(db.session, flag)
    sides = [shown(officer, application) for application in applications]
    restricted = any(side["restricted"] for side in sides)
    if request.method == "POST" and restricted:
        abort(403)
    for side, application in zip(sides, applications, strict=True):
        if side["sensitive"] and not side["restricted"]:
            cases.record_sensitive_view(db.session, officer, application, request.path)
            db.commit()
    related = duplicate_data.flags_between(db.session, flag)
    waiting = [each for each in related if each.status == "open"]
    form = ResolveDuplicateForm()
    if waiting and form.validate_on_submit():
        for each in waiting:
            duplicate_data.resolve(
                db.session, each, officer=officer, status=form.status.data, note=form.note.data or ""
            )
        db.commit()
        flash(SAVED[form.status.data], "success")
        return redirect(url_for("officer_review.duplicates"))
    if request.method == "POST" and not waiting:
        return redirect(url_for("officer_review.duplicate", flag_id=flag.id))
    details = [
        None if side["restricted"] else duplicate_data.side_of(db.session, app)
        for side, app in zip(sides, applications, strict=True)
    ]
    return render_template(
        "officer_review/duplicates/pair.html",
        flag=flag,
        sides=sides,
        details=details,
        related=related,
        waiting=waiting,
        restricted=restricted,
        matches=DUPLICATE_MATCHES,
        resolutions=DUPLICATE_RESOLUTIONS,
        people=users_by_id(db.session, [each.resolved_by_id for each in related]),
        form=form,
    )
