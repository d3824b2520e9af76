"""Forms for duty referrals: passing an enquiry to the duty officer, and recording the advice (English only)."""

from __future__ import annotations

from wtforms import HiddenField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length

from portal.forms import PortalForm
from portal.widgets import SubmitInput, TextArea, TextInput

NOTE_LIMIT = 5000


def stripped(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


class DutyReferralForm(PortalForm):
    enquirer_name = StringField(
        "Who is asking",
        filters=[stripped],
        description="The name of the person who got in touch (the applicant, a relative, a support worker...).",
        widget=TextInput(),
        validators=[
            DataRequired("Enter the name of the person who got in touch"),
            Length(max=200, message="Enter a name of 200 characters or fewer"),
        ],
    )
    enquirer_contact = StringField(
        "How to reach them (optional)",
        filters=[stripped],
        description="A phone number or email address.",
        widget=TextInput(),
        validators=[Length(max=200, message="Enter contact details of 200 characters or fewer")],
    )
    reference = StringField(
        "Case reference (optional)",
        filters=[stripped],
        description="If the enquiry is about an application, its reference, like HR-7K3M9Q.",
        widget=TextInput(),
        validators=[Length(max=20, message="Enter a reference like HR-7K3M9Q")],
    )
    note = TextAreaField(
        "What the enquiry is about",
        filters=[stripped],
        description="What they asked, what you know so far, and why it needs the duty officer.",
        widget=TextArea(),
        validators=[
            DataRequired("Enter what the enquiry is about"),
            Length(max=NOTE_LIMIT, message=f"Enter {NOTE_LIMIT} characters or fewer"),
        ],
    )
    submit = SubmitField("Refer to the duty officer", widget=SubmitInput())


class TakeReferralForm(PortalForm):
    action = HiddenField(default="take")
    submit = SubmitField("Take this referral", widget=SubmitInput())


class AdviceForm(PortalForm):
    action = HiddenField(default="advise")
    advice = TextAreaField(
        "The advice you gave",
        filters=[stripped],
        description="What you told them, and anything you did or arranged.",
        widget=TextArea(),
        validators=[
            DataRequired("Enter the advice you gave"),
            Length(max=NOTE_LIMIT, message=f"Enter {NOTE_LIMIT} characters or fewer"),
        ],
    )
    submit = SubmitField("Record the advice", widget=SubmitInput())
