"""Finding an address by its postcode, with typing it by hand as the way out at every step.

When an address lookup is configured (``ADDRESS_LOOKUP_URL``), the address page
links here. The applicant gives a postcode, picks their address from a list,
and it is saved exactly as if they had typed it on the address page (the same
fields check and tidy it). If the lookup cannot answer or finds nothing, the
page says so and links to the address page. Without a lookup this page sends
people straight to the address page.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from typing import Any

from flask import abort, current_app, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from werkzeug.datastructures import MultiDict
from wtforms import SubmitField

from portal.addresses import AddressLookup, FoundAddress, LookupUnavailable, address_lookup
from portal.apply import flow, questions_views
from portal.apply.fields import ChoiceField, TextField
from portal.apply.questions.addresses import POSTCODE, address_question, tidy_postcode
from portal.apply.routes import bp
from portal.apply.sections import NEW, Section, Step, context_for
from portal.auth import acting
from portal.auth.acting import for_applicant
from portal.config import ConfigurationError
from portal.data import applications as data
from portal.extensions import db, limiter
from portal.forms import PortalForm
from portal.options.question_forms import form_with
from portal.rules.support.scopes import Scope
from portal.widgets import SubmitInput, TextInput

log = logging.getLogger(__name__)

SECTION_SLUG = "addresses"
ADDRESS_SLUG = "address"
POSTCODE_REQUIRED = _l("Enter the postcode")
POSTCODE_INVALID = _l("Enter a real postcode, like SW1A 1AA")


class PostcodeForm(PortalForm):
    """The postcode to look for. Sent by GET, so it has no CSRF token: it changes nothing."""

    postcode = TextField(
        _l("Postcode"),
        required=POSTCODE_REQUIRED,
        max_length=10,
        pattern=POSTCODE,
        invalid=POSTCODE_INVALID,
        normalise=tidy_postcode,
        description=_l("For example, SW1A 1AA"),
        widget=TextInput(),
    )


class ChooseForm(PortalForm):
    submit = SubmitField(_l("Save and continue"), widget=SubmitInput())


def find_url(step: Step) -> str | None:
    """The link to this page from the address page, or None on any other page or when there is no lookup."""
    if step.section.slug != SECTION_SLUG or step.ask is None or step.ask.slug != ADDRESS_SLUG:
        return None
    if step.item_id is None or configured_lookup() is None:
        return None
    return url_for("apply.find_address", item=step.item_id, **change_args())


def configured_lookup() -> AddressLookup | None:
    """The app's lookup; None when there is none, or when its settings are wrong (typing the address still works)."""
    try:
        return address_lookup(current_app)
    except ConfigurationError as error:
        log.error("Address lookup switched off: %s", error)
        return None


def change_args() -> dict[str, int]:
    return {"change": 1} if questions_views.wants_change() else {}


def key_of(found: FoundAddress) -> str:
    """A short value for the address's radio that stays the same however the list is ordered."""
    joined = "\n".join((found.line_1, found.line_2, found.town, found.postcode))
    return hashlib.sha256(joined.encode()).hexdigest()[:16]


def label_of(found: FoundAddress) -> str:
    return ", ".join(part for part in (found.line_1, found.line_2, found.town, found.postcode) if part)


def checked_postcode(text: str) -> str | None:
    tidied = tidy_postcode(text.strip())
    return tidied if POSTCODE.fullmatch(tidied) else None


class Page:
    """Everything the find-address pages need about the address being entered."""

    def __init__(self, item: str) -> None:
        self.section: Section = flow.section_by_slug(SECTION_SLUG)
        ask = self.section.item_ask(ADDRESS_SLUG)
        if ask is None or self.section.items is None:
            abort(404)
        self.ask = ask
        self.item = item
        self.application = flow.current_draft()
        if item == NEW:
            if not self.section.items.can_add:
                abort(404)
            known: Mapping[str, Any] = {}
        else:
            flow.item_record(self.application, self.section, item)  # 404 unless it is this applicant's address
            known = dict(flow.item_facts(self.application, item))
        self.context = context_for(self.section, data.facts_of(self.application), flow.area(), flow.today(), known)
        self.step = Step(self.section, ask, item, "new" if item == NEW else "page")
        self.manual_url = flow.step_url(self.step, change=questions_views.wants_change())
        self.start_url = url_for("apply.find_address", item=item, **change_args())

    def values(self, found: FoundAddress) -> dict[str, Any] | None:
        """What the address page would save for this address, or None if that page would not accept it."""
        formdata = MultiDict(
            {"line_1": found.line_1, "line_2": found.line_2, "town": found.town, "postcode": found.postcode}
        )
        form = form_with(self.ask.fields(self.context))(formdata=formdata, meta={"csrf": False})
        return self.ask.write(form) if form.validate() else None

    def usable(self, addresses: list[FoundAddress]) -> dict[str, FoundAddress]:
        """The addresses the address page would accept, by their radio value."""
        kept: dict[str, FoundAddress] = {}
        for found in addresses:
            if self.values(found) is not None:
                kept.setdefault(key_of(found), found)
        return kept

    def render(self, form: Any, *, back_url: str, title: str, **extra: Any) -> str:
        return render_template(
            "portal/apply/find_address.html",
            form=form,
            title=title,
            caption=flow.caption(self.section, self.context),
            back_url=back_url,
            manual_url=self.manual_url,
            start_url=self.start_url,
            change=questions_views.wants_change(),
            exit_this_page=questions_views.exit_this_page(self.application, self.section),
            **extra,
        )


def look_up(lookup: AddressLookup, postcode: str) -> list[FoundAddress]:
    """The addresses at the postcode; an empty list when the lookup cannot answer (it is logged, without the key)."""
    try:
        return lookup.find(postcode)
    except LookupUnavailable as error:
        log.warning("Address lookup unavailable: %s", error)
        return []


def choose_form(choices: Mapping[str, FoundAddress], postcode: str) -> type[ChooseForm]:
    field = ChoiceField(
        _l("Select the address"),
        [(key, label_of(found)) for key, found in choices.items()],
        required=_l("Select the address, or choose My address is not listed"),
        description=ngettext(
            "%(num)d address found for %(postcode)s.",
            "%(num)d addresses found for %(postcode)s.",
            len(choices),
            postcode=postcode,
        ),
    )
    return type("ChooseAddressForm", (ChooseForm,), {"address": field})


def render_choices(page: Page, form: Any, postcode: str) -> str:
    return page.render(form, back_url=page.start_url, title=str(_l("Select the address")), postcode=postcode)


def _per_user() -> str:
    return f"address-lookup:{acting.applicant_id()}"


@bp.route("/addresses/<item>/find-address", methods=["GET", "POST"])
@for_applicant(read=Scope.HELP)
@limiter.limit("60 per hour", key_func=_per_user)
def find_address(item: str) -> Any:
    page = Page(item)
    lookup = configured_lookup()
    if lookup is None:
        return redirect(page.manual_url)
    heading = address_question(page.context)
    if request.method == "POST":
        postcode = checked_postcode(request.form.get("postcode", ""))
        if postcode is None:
            return redirect(page.start_url)
        return choose(page, lookup, postcode)
    if "postcode" not in request.args:
        return page.render(PostcodeForm(formdata=None, meta={"csrf": False}), back_url=page.manual_url, title=heading)
    form = PostcodeForm(formdata=request.args, meta={"csrf": False})
    if not form.validate():
        return page.render(form, back_url=page.manual_url, title=heading)
    postcode = form.postcode.cleaned
    choices = page.usable(look_up(lookup, postcode))
    if not choices:
        return page.render(form, back_url=page.manual_url, title=heading, not_found=True)
    return render_choices(page, choose_form(choices, postcode)(formdata=None), postcode)


def choose(page: Page, lookup: AddressLookup, postcode: str) -> Any:
    """Save the address picked from the list, as the address page would, and go on.

    The list is found again, so only an address the lookup gives can be saved this way.
    """
    choices = page.usable(look_up(lookup, postcode))
    if not choices:
        form = PostcodeForm(formdata=MultiDict({"postcode": postcode}), meta={"csrf": False})
        return page.render(form, back_url=page.manual_url, title=address_question(page.context), not_found=True)
    form = choose_form(choices, postcode)()
    if not form.validate_on_submit():
        return render_choices(page, form, postcode)
    values = page.values(choices[form.address.data])
    assert values is not None  # only addresses the page accepts are offered
    record = (
        flow.new_item(page.application, page.section)
        if page.item == NEW
        else flow.item_record(page.application, page.section, page.item)
    )
    flow.save_item_answers(page.application, page.section, record, values)
    db.commit()
    return redirect(flow.onward(page.section, page.application, change=questions_views.wants_change()))
