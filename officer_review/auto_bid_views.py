"""Auto-bidding set up by an officer for a vulnerable applicant who cannot easily bid, with the reason (English only)."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response
from wtforms import SelectChoice, SelectMultipleField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length

from officer_review.case_access import acting_officer, case_header, open_case
from officer_review.routes import bp
from portal.auth.access import officer_required
from portal.data import accounts, auto_bids
from portal.data.letting_models import AutoBid
from portal.extensions import db
from portal.forms import PortalForm
from portal.options.question_forms import ChoiceField
from portal.rules.casework.kinds import FLAG_KINDS
from portal.rules.lettings.kinds import MOBILITY_CATEGORIES, PROPERTY_TYPES, TENURES
from portal.widgets import CheckboxesInput, SubmitInput, TextArea, TextInput

REASON_LIMIT = 2000
STEP_FREE_NAMES = {
    "none": "No step-free need: any home",
    "step_free": "Needs a home without steps (step-free or wheelchair homes)",
    "wheelchair": "Needs a home for someone who uses a wheelchair all the time",
}


def _choices(kinds: dict[str, str]) -> list[SelectChoice]:
    return [SelectChoice(key, name) for key, name in kinds.items()]


class CaseAutoBidForm(PortalForm):
    enabled = ChoiceField(
        "Auto-bidding",
        (("yes", "Bid for this household when each cycle opens"), ("no", "Do not bid for this household")),
        required="Select whether to bid for this household",
    )
    tenure = SelectMultipleField(
        "Kinds of home",
        description="None ticked means any kind.",
        choices=_choices(TENURES),
        validate_choice=False,
        widget=CheckboxesInput(),
    )
    property_type = SelectMultipleField(
        "Types of home",
        description="None ticked means any type.",
        choices=_choices(PROPERTY_TYPES),
        validate_choice=False,
        widget=CheckboxesInput(),
    )
    areas = StringField(
        "Areas (optional)",
        description="Separate areas with commas, like Brighton Hill, Popley. Leave empty for any area.",
        widget=TextInput(),
        validators=[Length(max=300, message="Areas must be 300 characters or fewer")],
    )
    step_free = ChoiceField(
        "Step-free need", tuple(STEP_FREE_NAMES.items()), required="Select the household's step-free need"
    )
    reason = TextAreaField(
        "Why are you setting this up for the household?",
        description="For example, the applicant cannot use the website and has no one to help them bid.",
        widget=TextArea(),
        validators=[
            DataRequired("Enter why you are setting up auto-bidding for this household"),
            Length(max=REASON_LIMIT, message=f"The reason must be {REASON_LIMIT} characters or fewer"),
        ],
    )
    submit = SubmitField("Save auto-bidding", widget=SubmitInput())


def _fill(form: CaseAutoBidForm, auto_bid: AutoBid | None) -> None:
    if auto_bid is None:
        return
    preferences = auto_bids.clean_preferences(auto_bid.preferences)
    form.enabled.data = "yes" if auto_bid.enabled else "no"
    form.tenure.data = preferences["tenure"]
    form.property_type.data = preferences["property_type"]
    form.areas.data = ", ".join(preferences["area"])
    form.step_free.data = auto_bids.step_free_need(preferences)


def describe(auto_bid: AutoBid) -> list[tuple[str, str]]:
    """The saved preferences in words, for the summary."""
    preferences = auto_bids.clean_preferences(auto_bid.preferences)

    def names(kinds: dict[str, str], keys: list[str], empty: str) -> str:
        return ", ".join(kinds[key] for key in keys) if keys else empty

    return [
        ("Kinds of home", names(TENURES, preferences["tenure"], "Any kind")),
        ("Types of home", names(PROPERTY_TYPES, preferences["property_type"], "Any type")),
        ("Areas", ", ".join(preferences["area"]) or "Any area"),
        ("Access", names(MOBILITY_CATEGORIES, preferences["mobility"], "Any home")),
    ]


@bp.route("/cases/<int:application_id>/auto-bid", methods=["GET", "POST"])
@officer_required
def case_auto_bid(application_id: int) -> str | Response:
    application = open_case(application_id)
    current = auto_bids.auto_bid_for(db.session, application.id)
    form = CaseAutoBidForm()
    if form.validate_on_submit():
        enabled = form.enabled.data == "yes"
        auto_bids.save_auto_bid(
            db.session,
            application,
            enabled=enabled,
            preferences={
                "tenure": form.tenure.data or [],
                "property_type": form.property_type.data or [],
                "area": [part.strip() for part in (form.areas.data or "").split(",") if part.strip()],
                "mobility": auto_bids.STEP_FREE_HOMES.get(form.step_free.data, []),
            },
            actor=acting_officer(),
            by_officer=True,
            reason=(form.reason.data or "").strip(),
        )
        db.commit()
        flash(
            "Auto-bidding is on for this household." if enabled else "Auto-bidding is off for this household.",
            "success",
        )
        return redirect(url_for("officer_review.case_auto_bid", application_id=application.id))
    if request.method == "GET":
        _fill(form, current)
    set_by = accounts.get_user(db.session, current.set_by_id) if current and current.set_by_id else None
    context: dict[str, Any] = {
        "current": current,
        "summary": describe(current) if current else [],
        "set_by": set_by,
    }
    return render_template(
        "officer_review/case/auto_bid.html",
        title="Auto-bidding",
        case=case_header(application),
        flag_labels=FLAG_KINDS,
        form=form,
        **context,
    )
