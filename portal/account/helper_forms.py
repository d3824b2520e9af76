"""Forms and words for the people helping an applicant: how to invite, their email, what they can do, until when.

Each question to the applicant is its own page. Seeing the application is
always part of the help, so the only choices are helping with it and bidding.
The words say what each person may do and why an agreement ended, in the
page's language.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask_babel import format_time
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import EmailField, SelectChoice, SelectMultipleField, SubmitField
from wtforms.validators import Email, InputRequired, Length, StopValidation

from portal.apply.fields import ChoiceField
from portal.auth.roles import OFFICER_ROLES
from portal.data import lettings_clock
from portal.data.consent_changes import ActivityLine, HelperRow
from portal.forms import PortalForm
from portal.options.question_forms import LeaveDateField
from portal.rules.support.scopes import LONGEST_CONSENT_DAYS, Scope
from portal.support.activity_words import words_for
from portal.templating import show_date
from portal.widgets import CheckboxesInput, SubmitInput, TextInput

EMAIL_FORMAT = _l("Enter an email address in the correct format, like name@example.com")


def _stripped(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


#: The end dates offered, in months, before "a date you choose".
MONTH_CHOICES = ("3", "6", "12")


class HowForm(PortalForm):
    how = ChoiceField(
        _l("How do you want to invite them?"),
        [("email", _l("Send them an email")), ("code", _l("Give them a code"))],
        required=_l("Select how you want to invite them"),
        hints={
            "email": _l("We email them a link. It works for 14 days."),
            "code": _l("We show you a code to give them, face to face or on the phone. It works once, for 14 days."),
        },
    )
    submit = SubmitField(_l("Continue"), widget=SubmitInput())


class HelperEmailForm(PortalForm):
    email = EmailField(
        _l("What is their work email address?"),
        description=_l("Use the email address they sign in with. We will send the invitation to it."),
        widget=TextInput(),
        filters=[_stripped],
        validators=[
            InputRequired(_l("Enter their email address")),
            Length(max=254, message=EMAIL_FORMAT),
            Email(message=EMAIL_FORMAT),
        ],
    )
    submit = SubmitField(_l("Continue"), widget=SubmitInput())


class ScopeForm(PortalForm):
    can = SelectMultipleField(
        _l("What can they do for you?"),
        description=_l(
            "They can always see your application, its decisions and letters, your documents and your bids. "
            "Choose anything else they can do. You can choose none."
        ),
        choices=[
            SelectChoice("help", _l("Help with my application and documents")),
            SelectChoice("bid", _l("Bid for homes for me")),
        ],
        validate_choice=False,
        widget=CheckboxesInput(),
    )
    submit = SubmitField(_l("Continue"), widget=SubmitInput())

    def chosen(self) -> tuple[bool, bool]:
        values = set(self.can.data or [])
        return "help" in values, "bid" in values


class EndDateField(LeaveDateField):
    """A day after today and within the longest a consent may last; only asked when "a date" is chosen."""

    def __init__(self, label: Any = None, **kwargs: Any) -> None:
        super().__init__(label, today=dt.date.today(), days_before=-1, days_after=LONGEST_CONSENT_DAYS, **kwargs)

    def pre_validate(self, form: Any) -> None:
        if form.until.data != "date":
            self.date = None
            raise StopValidation()
        now = lettings_clock.today()
        self.earliest = now + dt.timedelta(days=1)
        self.latest = now + dt.timedelta(days=LONGEST_CONSENT_DAYS)
        super().pre_validate(form)


class UntilForm(PortalForm):
    until = ChoiceField(
        _l("Until when can they help you?"),
        [
            ("3", _l("3 months")),
            ("6", _l("6 months")),
            ("12", _l("12 months")),
            ("date", _l("Until a date I choose")),
        ],
        required=_l("Select how long they can help you"),
        divider_before="date",
        description=_l("You can end their help sooner, at any time."),
    )
    on_date = EndDateField(
        _l("Date their help ends"),
        description=_l("This must be within the next 12 months. For example, 27 3 2027"),
        messages={
            "required": _l("Enter the date their help ends"),
            "no_day": _l("The date their help ends must include a day"),
            "no_month": _l("The date their help ends must include a month"),
            "no_year": _l("The date their help ends must include a year"),
            "not_real": _l("The date their help ends must be a real date"),
            "too_early": _l("The date their help ends must be in the future"),
            "too_late": _l("The date their help ends must be within the next 12 months"),
        },
    )
    submit = SubmitField(_l("Continue"), widget=SubmitInput())


class ConfirmForm(PortalForm):
    """A button that does one thing: send the invitation, save, end access, cancel."""

    submit = SubmitField(_l("Continue"), widget=SubmitInput())


class RequestAnswerForm(PortalForm):
    answer = ChoiceField(
        _l("Do you want them to help you?"),
        [("yes", _l("Yes, I agree")), ("no", _l("No"))],
        required=_l("Select yes if you want them to help you"),
    )
    submit = SubmitField(_l("Continue"), widget=SubmitInput())


# Words ------------------------------------------------------------------------------------------------------------

YOU_CAN = {
    Scope.VIEW: _l("See your application, its decisions and letters, your documents and your bids"),
    Scope.HELP: _l("Help with your application and documents"),
    Scope.BID: _l("Bid for homes for you"),
}
#: The same, said to the support worker.
WORKER_CAN = {
    Scope.VIEW: _l("see their application and bids"),
    Scope.HELP: _l("help with their application and documents"),
    Scope.BID: _l("bid for homes for them"),
}
#: A support worker's own changes to an agreement, as the applicant reads them on their activity page.
CONSENT_WORDS = {
    "consent.accepted": _l("accepted your invitation to help you"),
    "consent.ended_by_worker": _l("stopped helping you"),
}


def you_can(scopes: Any) -> list[Any]:
    """What the applicant lets someone do, in words. Lazy, so an email says it in its reader's language."""
    return [YOU_CAN[scope] for scope in Scope if scope in scopes]


def worker_can(scopes: Any) -> list[Any]:
    """What a worker may do, in words said to them. Lazy, like ``you_can``."""
    return [WORKER_CAN[scope] for scope in Scope if scope in scopes]


def _why_ended(row: HelperRow, applicant_id: int) -> tuple[str, Any]:
    """Why an agreement is over, and the day it ended."""
    consent = row.consent
    by_you = consent.ended_by_id == applicant_id
    by_them = consent.ended_by_id is not None and consent.ended_by_id == consent.worker_id
    if consent.status == "active":
        return _("It came to its end date."), consent.expires_on
    if consent.status == "invited":
        return _("The invitation was not used in time."), consent.code_expires_at
    reasons = {
        ("declined", True): _("You said no to their request."),
        ("declined", False): _("They said no to your invitation."),
        ("revoked", True): _("You ended their access."),
        ("revoked", False): _("They stopped helping you."),
        ("cancelled", True): _("You cancelled the invitation."),
    }
    if consent.status == "cancelled" and not by_you:
        why = _("They took back their request.") if by_them else _("A newer agreement with them took its place.")
    else:
        why = reasons.get((consent.status, by_you), _("It has ended."))
    return why, consent.ended_at


def _who(row: HelperRow) -> str:
    if row.worker is not None:
        return row.worker.full_name
    if row.consent.invite_email:
        return _("Invitation to %(email)s", email=row.consent.invite_email)
    return _("Invitation by code")


def group(rows: list[HelperRow], applicant_id: int, today_: dt.date, now: dt.datetime) -> dict[str, list[Any]]:
    """The applicant's agreements as the list page shows them: helping now, invited, asking, and ended."""
    groups: dict[str, list[Any]] = {"now": [], "invited": [], "requested": [], "ended": []}
    for row in rows:
        consent = row.consent
        item = {
            "id": consent.id,
            "row": row,
            "who": _who(row),
            "organisation": row.organisation.name if row.organisation else None,
            "can": you_can(consent.scopes),
            "until": consent.expires_on,
        }
        if consent.status == "active" and consent.expires_on >= today_:
            item["paused"] = row.profile is None or not row.profile.is_approved
            groups["now"].append(item)
        elif consent.status == "invited" and consent.code_expires_at and consent.code_expires_at > now:
            groups["invited"].append(item)
        elif consent.status == "requested":
            groups["requested"].append(item)
        else:
            item["why"], item["ended_on"] = _why_ended(row, applicant_id)
            groups["ended"].append(item)
    return groups


def activity_line(line: ActivityLine) -> dict[str, str]:
    """One thing done for the applicant: when, who (and where they work) and what."""
    event, actor = line.event, line.actor
    if actor is None:
        who = _("Someone who no longer has an account")
    elif actor.role in OFFICER_ROLES:
        who = _("A council officer: %(name)s", name=actor.full_name)
    elif line.organisation is not None:
        who = _("%(name)s, %(organisation)s", name=actor.full_name, organisation=line.organisation.name)
    else:
        who = actor.full_name
    when = _("%(date)s at %(time)s", date=show_date(event.occurred_at), time=format_time(event.occurred_at, "HH:mm"))
    what = CONSENT_WORDS.get(event.action)
    return {"when": when, "who": who, "what": str(what) if what else words_for(event.action, event.details)}
