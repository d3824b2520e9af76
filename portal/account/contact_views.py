"""How an applicant wants us to contact them: interpreter, formats, letters, calls and another email address.

``/account/contact`` lists every answer with a Change link; each question is
its own page, which saves and comes back to the list. Only the applicant may
change these (not someone helping them). Every page has Exit this page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape
from werkzeug.wrappers import Response

from portal.account import contact_forms as forms
from portal.account.routes import bp
from portal.auth.access import applicant_required
from portal.auth.acting import current_user_record
from portal.data.contact_prefs import preferences_for, save_preferences
from portal.data.support_models import ContactPreferences
from portal.extensions import db
from portal.i18n import LANGUAGES, current_locale_code
from portal.notify import has_email

Prefs = ContactPreferences | None


@dataclass(frozen=True)
class Question:
    """One question page: its form, template, title, how to fill it from the preferences and what it saves."""

    form: type[forms.PortalForm]
    template: str
    title: Any
    read: Callable[[Prefs], dict[str, Any]]
    write: Callable[[Any], dict[str, Any]]


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else ("yes" if value else "no")


QUESTIONS = {
    "interpreter": Question(
        forms.InterpreterForm,
        "interpreter.html",
        _l("Do you need an interpreter when we talk to you?"),
        lambda p: {
            "needed": _yes_no(bool(p.interpreter_language)) if p else None,
            "language": p and p.interpreter_language,
        },
        lambda f: {"interpreter_language": f.language.cleaned if f.needed.data == "yes" else None},
    ),
    "formats": Question(
        forms.FormatsForm,
        "formats.html",
        _l("Do you need our letters and documents in another format?"),
        lambda p: {
            "formats": [*(p.formats or []), *([forms.OTHER] if p.format_other else [])] if p else [],
            "other": p and p.format_other,
        },
        lambda f: {
            "formats": f.chosen(),
            "format_other": f.other.cleaned if forms.OTHER in (f.formats.data or []) else None,
        },
    ),
    "letters": Question(
        forms.LettersForm,
        "letters.html",
        _l("Where should we post letters to you?"),
        lambda p: {"letters": p and p.letters, "address": p and p.letter_address},
        lambda f: {
            "letters": f.letters.data,
            "letter_address": f.address.cleaned if f.letters.data == "other" else None,
        },
    ),
    "calls": Question(
        forms.CallsForm,
        "calls.html",
        _l("Phone calls"),
        lambda p: {"safe_call_times": p and p.safe_call_times, "no_voicemail": bool(p and p.no_voicemail)},
        lambda f: {"safe_call_times": f.safe_call_times.cleaned, "no_voicemail": f.no_voicemail.data},
    ),
    "email": Question(
        forms.EmailForm,
        "email.html",
        _l("Which email address should we use?"),
        lambda p: {
            "which": ("other" if p.alternative_email else "own") if p else None,
            "email": p and p.alternative_email,
        },
        lambda f: {"alternative_email": f.email.data if f.which.data == "other" else None},
    ),
    "helper-emails": Question(
        forms.HelperEmailsForm,
        "helper_emails.html",
        _l("Do you want an email when someone helping you does something for you?"),
        lambda p: {"wanted": _yes_no(p.email_helper_activity) if p else None},
        lambda f: {"email_helper_activity": f.wanted.data == "yes"},
    ),
}


def _change(question: str, hidden: str) -> dict[str, Any]:
    href = (
        url_for("account.language")
        if question == "language"
        else url_for("account.contact_question", question=question)
    )
    return {"items": [{"href": href, "text": _("Change"), "visuallyHiddenText": hidden}]}


def _lines(text: str) -> Markup:
    """Text shown with each line on its own line (the text is escaped)."""
    return Markup("<br>").join(escape(text).split("\n"))


def summary_rows(preferences: Prefs, sign_in_email: str | None) -> list[dict[str, Any]]:
    """Each answer in words, for the summary list, with its Change link."""
    code = current_locale_code()
    language = next((found.native_name for found in LANGUAGES if found.code == code), code)
    p = preferences
    formats = [str(forms.FORMAT_NAMES[found]) for found in (p.formats if p else []) if found in forms.FORMAT_NAMES]
    if p and p.format_other:
        formats.append(p.format_other)
    letters = str(forms.LETTER_NAMES[p.letters if p else "home"])
    calls = [_("Safe times to call: %(times)s", times=p.safe_call_times) if p and p.safe_call_times else _("Any time")]
    if p and p.no_voicemail:
        calls.append(_("Do not leave voicemail messages"))
    if p and p.alternative_email:
        email = p.alternative_email
    else:
        email = _("The email address you sign in with: %(email)s", email=sign_in_email) if sign_in_email else _("None")
    rows = [
        ("language", _("Language for our website and emails"), language),
        ("interpreter", _("Interpreter"), p.interpreter_language if p and p.interpreter_language else _("Not needed")),
        ("formats", _("Other formats"), "\n".join(formats) or _("None")),
        ("letters", _("Letters"), letters + (f"\n{p.letter_address}" if p and p.letters == "other" else "")),
        ("calls", _("Phone calls"), "\n".join(calls)),
        ("email", _("Email address for our emails"), email),
        (
            "helper-emails",
            _("Emails about what people helping you do"),
            _("Yes") if not p or p.email_helper_activity else _("No"),
        ),
    ]
    return [
        {"key": {"text": label}, "value": {"html": _lines(value)}, "actions": _change(question, label)}
        for question, label, value in rows
    ]


@bp.get("/account/contact")
@applicant_required
def contact() -> str:
    user = current_user_record()
    preferences = preferences_for(db.session, user.id)
    return render_template(
        "portal/account/contact/summary.html",
        title=_("How we contact you"),
        rows=summary_rows(preferences, user.email if has_email(user) else None),
        back_url=url_for("account.dashboard"),
        exit_this_page=True,
    )


@bp.route("/account/contact/<question>", methods=["GET", "POST"])
@applicant_required
def contact_question(question: str) -> str | Response:
    found = QUESTIONS.get(question)
    if found is None:
        abort(404)
    user = current_user_record()
    form = found.form(data=found.read(preferences_for(db.session, user.id)))
    if form.validate_on_submit():
        save_preferences(db.session, user, actor=user, **found.write(form))
        db.commit()
        flash(_("We have saved how we contact you."), "success")
        return redirect(url_for("account.contact"))
    return render_template(
        f"portal/account/contact/{found.template}",
        title=str(found.title),
        form=form,
        back_url=url_for("account.contact"),
        exit_this_page=True,
    )
