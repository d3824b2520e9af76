"""The question pages of the application: one question a page, saved as soon as it is answered."""

from __future__ import annotations

from typing import Any

from flask import abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from portal.apply import address_lookup_views, flow
from portal.apply.asks import YES_NO, YesNoAsk
from portal.apply.fields import ChoiceField
from portal.apply.routes import bp
from portal.apply.sections import NEW, Section, Step, context_for, step_before
from portal.auth.acting import for_applicant
from portal.data import applications as data
from portal.data.application_models import Application
from portal.extensions import db
from portal.options.question_forms import form_with
from portal.rules.support.scopes import Scope


def wants_change() -> bool:
    return request.args.get("change") == "1"


def back_url(application: Application, current: Step) -> str:
    if wants_change():
        return flow.check_url(current.section)
    before = step_before(current.section, data.facts_of(application), flow.area(), flow.today(), current)
    return flow.step_url(before) if before is not None else url_for("apply.index")


def exit_this_page(application: Application, section: Section) -> bool:
    return section.key == "safety" or application.section("safety").get("domestic_abuse") == "yes"


def render_question(application: Application, step: Step, form: Any, context: Any, heading: str) -> str:
    assert step.ask is not None
    return render_template(
        step.ask.template,
        form=form,
        ask=step.ask,
        field=form[step.ask.key] if step.ask.key in form else None,
        title=heading,
        caption=flow.caption(step.section, context),
        hint=context.fill(step.ask.hint),
        back_url=back_url(application, step),
        exit_this_page=exit_this_page(application, step.section),
        find_url=address_lookup_views.find_url(step),
    )


@bp.route("/<section>/<slug>", methods=["GET", "POST"])
@for_applicant(read=Scope.HELP)
def question(section: str, slug: str) -> Any:
    chosen = flow.section_by_slug(section)
    ask = chosen.ask(slug)
    if ask is None:
        abort(404)
    application = flow.current_draft()
    context = context_for(chosen, data.facts_of(application), flow.area(), flow.today())
    if not ask.when(context):
        return redirect(flow.onward(chosen, application, change=wants_change()))
    form = form_with(ask.fields(context))
    checked = form() if request.method == "POST" else form(data=ask.read(context.known))
    if checked.validate_on_submit():
        flow.save_answers(application, chosen, ask.write(checked))
        db.commit()
        return redirect(flow.onward(chosen, application, change=wants_change()))
    return render_question(application, Step(chosen, ask), checked, context, context.fill(ask.question))


@bp.route("/<section>/<item>/<slug>", methods=["GET", "POST"])
@for_applicant(read=Scope.HELP)
def item_question(section: str, item: str, slug: str) -> Any:
    chosen = flow.section_by_slug(section)
    ask = chosen.item_ask(slug)
    if ask is None or chosen.items is None:
        abort(404)
    application = flow.current_draft()
    facts = data.facts_of(application)
    if item == NEW:
        if not chosen.items.can_add or ask is not chosen.items.pages[0]:
            abort(404)
        known: dict[str, Any] = {}
        step = Step(chosen, ask, NEW, "new")
    else:
        flow.item_record(application, chosen, item)
        known = dict(flow.item_facts(application, item))
        step = Step(chosen, ask, item)
    context = context_for(chosen, facts, flow.area(), flow.today(), known)
    if item != NEW and not ask.when(context):
        return redirect(flow.onward(chosen, application, change=wants_change()))
    form = form_with(ask.fields(context))
    checked = form() if request.method == "POST" else form(data=ask.read(known))
    if checked.validate_on_submit():
        record = flow.new_item(application, chosen) if item == NEW else flow.item_record(application, chosen, item)
        flow.save_item_answers(application, chosen, record, ask.write(checked))
        db.commit()
        return redirect(flow.onward(chosen, application, change=wants_change()))
    return render_question(application, step, checked, context, context.fill(ask.question))


@bp.route("/<section>/another", methods=["GET", "POST"])
@for_applicant(read=Scope.HELP)
def another(section: str) -> Any:
    chosen = flow.section_by_slug(section)
    if chosen.items is None or chosen.items.another is None:
        abort(404)
    application = flow.current_draft()
    ask: YesNoAsk = chosen.items.another
    context = context_for(chosen, data.facts_of(application), flow.area(), flow.today())
    form = form_with(ask.fields(context))
    checked = form()
    if checked.validate_on_submit():
        if checked[ask.key].data == "yes":
            data.set_section_answers(application, chosen.key, {}, remove=(chosen.items.done_key,))
            db.commit()
            return redirect(flow.step_url(Step(chosen, chosen.items.pages[0], NEW, "new"), change=wants_change()))
        data.set_section_answers(application, chosen.key, {chosen.items.done_key: True})
        db.commit()
        return redirect(flow.onward(chosen, application, change=wants_change()))
    return render_question(
        application, Step(chosen, ask, None, "another"), checked, context, context.fill(ask.question)
    )


@bp.route("/<section>/<item>/remove", methods=["GET", "POST"])
@for_applicant(read=Scope.HELP)
def remove_item(section: str, item: str) -> Any:
    chosen = flow.section_by_slug(section)
    if chosen.items is None or not chosen.items.can_add:
        abort(404)
    application = flow.current_draft()
    record = flow.item_record(application, chosen, item)
    known = flow.item_facts(application, item)
    context = context_for(chosen, data.facts_of(application), flow.area(), flow.today(), known)
    heading = context.fill(chosen.items.remove_question)
    form_class = form_with(
        {"confirm": ChoiceField(heading, YES_NO, required=_("Select yes if you want to remove this"))}
    )
    form = form_class()
    if form.validate_on_submit():
        if form.confirm.data == "yes":
            flow.remove_item(application, chosen, record)
            db.commit()
        return redirect(flow.check_url(chosen))
    return render_template(
        "portal/apply/questions/choice.html",
        form=form,
        ask=YesNoAsk("confirm", heading, heading),
        field=form.confirm,
        title=heading,
        caption=flow.caption(chosen, context),
        back_url=flow.check_url(chosen),
        exit_this_page=exit_this_page(application, chosen),
    )


@bp.get("/<section>/")
@for_applicant(read=Scope.HELP)
def section_start(section: str) -> Response:
    chosen = flow.section_by_slug(section)
    application = flow.current_draft()
    return redirect(flow.onward(chosen, application, change=False))
