"""Notes and the contact log of a case: add a note, record a contact, and read them all, newest first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from flask import flash, redirect, render_template, request, url_for

from officer_review.case_access import acting_officer, case_header, open_case
from officer_review.case_forms import DIRECTIONS, ContactForm, NoteForm
from officer_review.routes import bp
from portal.auth.access import officer_required
from portal.data import accounts
from portal.data import case_notes as notes_data
from portal.data.case_models import CaseNote
from portal.extensions import db
from portal.rules.casework.kinds import CONTACT_METHODS


def describe_notes(notes: Sequence[CaseNote]) -> list[dict[str, Any]]:
    """Each note or contact with who wrote it and a plain heading ("Phone call from the applicant")."""
    authors = accounts.users_by_id(db.session, (note.author_id for note in notes))
    described = []
    for note in notes:
        if note.kind == "contact":
            method = CONTACT_METHODS.get(note.method or "", "Contact")
            direction = DIRECTIONS.get(note.direction or "", "").lower()
            heading = f"{method}, {direction}" if direction else method
        else:
            heading = "Note"
        author = authors.get(note.author_id) if note.author_id else None
        described.append({"note": note, "heading": heading, "author": author.full_name if author else "Unknown"})
    return described


@bp.route("/cases/<int:application_id>/notes", methods=["GET", "POST"])
@officer_required
def case_notes(application_id: int) -> Any:
    application = open_case(application_id)
    action = request.form.get("action") if request.method == "POST" else None
    note_form = NoteForm() if action == "note" else NoteForm(formdata=None)
    contact_form = ContactForm() if action == "contact" else ContactForm(formdata=None)
    if request.method == "POST" and action not in ("note", "contact"):
        return redirect(url_for("officer_review.case_notes", application_id=application.id))
    failed = None
    if action == "note":
        if note_form.validate_on_submit():
            notes_data.add_note(
                db.session,
                application,
                author=acting_officer(),
                body=note_form.note.cleaned,
                occurred_on=dt.date.today(),
            )
            db.commit()
            flash("Note added.", "success")
            return redirect(url_for("officer_review.case_notes", application_id=application.id))
        failed = note_form
    elif action == "contact":
        if contact_form.validate_on_submit():
            notes_data.add_contact(
                db.session,
                application,
                author=acting_officer(),
                method=contact_form.method.data,
                direction=contact_form.direction.data,
                occurred_on=contact_form.occurred_on.date,
                body=contact_form.said.cleaned,
            )
            db.commit()
            flash("Contact recorded.", "success")
            return redirect(url_for("officer_review.case_notes", application_id=application.id))
        failed = contact_form
    page = render_template(
        "officer_review/case/notes.html",
        title="Notes and contacts",
        case=case_header(application),
        notes=describe_notes(notes_data.notes_for(db.session, application)),
        note_form=note_form,
        contact_form=contact_form,
        form=failed,
    )
    return (page, 400) if failed is not None else page
