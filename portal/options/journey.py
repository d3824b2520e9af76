"""The housing options questions, one a page, then the check answers page.

Answers are kept in the session (``portal.options.store``). Which questions
are asked, and in what order, comes from ``portal.rules.options.answers``;
how each is asked comes from ``portal.options.questions``.
"""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, redirect, render_template, request, session, url_for
from werkzeug.wrappers import Response

from portal.auth.access import public
from portal.options import store
from portal.options.answer_summary import summary_sections
from portal.options.council_config import current_council
from portal.options.question_forms import form_with
from portal.options.question_pages import CountPage, Page, PeoplePage, Wording, wording
from portal.options.questions import BY_KEY, BY_SLUG
from portal.options.routes import bp
from portal.rules.options import answers as rules

URGENT_SEEN = "housing_options_urgent_seen"
KEPT_PEOPLE = "housing_options_kept_people"
ABUSE_PURPOSES = ("domestic_abuse", "mens_domestic_abuse", "lgbt_abuse")
NOWHERE_PURPOSES = ("homelessness", "housing_advice", "rough_sleeping")


def question_url(key: str, *, change: bool = False) -> str:
    slug = BY_KEY[key].slug
    return url_for("options.question", slug=slug, change=1) if change else url_for("options.question", slug=slug)


def results_url() -> str:
    if "options.results" in current_app.view_functions:
        return url_for("options.results")
    return "/options/results"


def onward_url(answers: dict[str, Any]) -> str:
    """The next question that has no answer, or the check answers page when there is none."""
    key = rules.next_unanswered(answers)
    return question_url(key) if key else url_for("options.check_answers")


def previous_url(key: str, answers: dict[str, Any]) -> str:
    """The question asked before this one, or the start page."""
    asked = [other for other in rules.questions_to_ask(answers) if rules.QUESTION_ORDER.index(other) < position(key)]
    return question_url(asked[-1]) if asked else url_for("options.index")


def position(key: str) -> int:
    return rules.QUESTION_ORDER.index(key)


def kept_people() -> dict[str, Any]:
    return dict(session.get(KEPT_PEOPLE) or {})


def forget_journey() -> None:
    store.clear()
    session.pop(URGENT_SEEN, None)
    session.pop(KEPT_PEOPLE, None)


def redirect_elsewhere(key: str, answers: dict[str, Any], change: bool) -> Response | None:
    """Send people on when this question does not apply, or when an earlier question has no answer yet."""
    if not rules.applies(key, answers):
        later = [other for other in rules.questions_to_ask(answers) if position(other) > position(key)]
        return redirect(question_url(later[0], change=change) if later else onward_url(answers))
    first_gap = rules.next_unanswered(answers)
    if first_gap is not None and position(first_gap) < position(key):
        return redirect(question_url(first_gap))
    return None


def changes_for(page: Page, value: Any, answers: dict[str, Any]) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The answers to save, and those to take away. A new number of people asks about them again."""
    if isinstance(page, CountPage) and page.details is not None:
        details = page.details.key
        given = answers.get(details)
        if isinstance(given, list) and len(given) != value:
            kept = kept_people()
            kept[details] = given
            session[KEPT_PEOPLE] = kept
            return {page.key: value}, (details,)
    return {page.key: value}, ()


def after_saving(page: Page, answers: dict[str, Any], change: bool) -> str:
    if page.key in ("safe_tonight", "abuse") and "abuse" in answers:
        if rules.is_urgent_now(answers) and not session.get(URGENT_SEEN):
            return url_for("options.urgent_help")
    if change and isinstance(page, CountPage) and page.details is not None:
        if rules.applies(page.details.key, answers):
            return question_url(page.details.key, change=True)
    return onward_url(answers)


def heading_of(page: Page, answers: dict[str, Any], words: Wording) -> str:
    if isinstance(page, PeoplePage):
        return page.heading(answers)
    return words.fill(page.question)


@bp.route("/questions/<slug>", methods=["GET", "POST"])
@public
def question(slug: str) -> Any:
    page = BY_SLUG.get(slug)
    if page is None:
        abort(404)
    answers = store.answers()
    change = request.args.get("change") == "1"
    elsewhere = redirect_elsewhere(page.key, answers, change)
    if elsewhere is not None:
        return elsewhere
    words = wording()
    form_class = form_with(page.fields(words, answers))
    form = form_class() if request.method == "POST" else form_class(data=page.read(answers, kept_people()))
    if form.validate_on_submit():
        value = page.write(form)
        changes, remove = changes_for(page, value, answers)
        store.save(changes, remove=remove)
        updated = rules.without_unasked(store.answers())
        store.replace(updated)
        return redirect(after_saving(page, updated, change))
    back = (
        url_for("options.check_answers") if change and rules.is_complete(answers) else previous_url(page.key, answers)
    )
    return render_template(
        page.template,
        form=form,
        page=page,
        field=form[page.key] if page.key in form else None,
        people=page.people(form, answers) if isinstance(page, PeoplePage) else [],
        title=heading_of(page, answers, words),
        back_url=back,
        exit_this_page=page.key == "abuse" or answers.get("abuse") == "yes",
    )


@bp.get("/urgent-help")
@public
def urgent_help() -> str:
    answers = store.answers()
    session[URGENT_SEEN] = True
    purposes: tuple[str, ...] = ()
    if answers.get("abuse") == "yes":
        purposes += ABUSE_PURPOSES
    if answers.get("safe_tonight") == "no":
        purposes += NOWHERE_PURPOSES
    council = current_council()
    helplines = [line for purpose in purposes for line in council.helplines if line.purpose == purpose]
    return render_template(
        "portal/options/urgent_help.html",
        council=council,
        helplines=helplines,
        abuse=answers.get("abuse") == "yes",
        nowhere=answers.get("safe_tonight") == "no",
        continue_url=onward_url(answers),
        back_url=question_url("abuse") if "abuse" in answers else url_for("options.index"),
        exit_this_page=True,
    )


@bp.get("/check-answers")
@public
def check_answers() -> Any:
    answers = store.answers()
    gap = rules.next_unanswered(answers)
    if gap is not None:
        return redirect(question_url(gap))
    last = rules.questions_to_ask(answers)[-1]
    return render_template(
        "portal/options/check_answers.html",
        sections=summary_sections(answers, wording()),
        results_url=results_url(),
        back_url=question_url(last),
        exit_this_page=answers.get("abuse") == "yes",
    )


def journey_progress() -> dict[str, Any]:
    """For the start page: whether any question has an answer, and where to carry on."""
    answers = store.answers()
    return {
        "started": bool(answers),
        "continue_url": onward_url(answers),
        "start_url": question_url(rules.QUESTION_ORDER[0]),
    }


@bp.context_processor
def journey_helpers() -> dict[str, Any]:
    return {"journey_progress": journey_progress, "current_council": current_council}


@bp.post("/start-again")
@public
def start_again() -> Response:
    forget_journey()
    return redirect(question_url(rules.QUESTION_ORDER[0]))
