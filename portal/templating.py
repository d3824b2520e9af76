"""Template globals: council branding, GOV.UK component texts in the current language."""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app, get_flashed_messages
from flask_babel import format_date
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from portal.auth.roles import OFFICER_ROLES, Role


def component_texts() -> dict[str, str]:
    """GOV.UK Frontend's built-in English texts, in the page's language."""
    return {
        "error_prefix": _("Error"),
        "error_summary_title": _("There is a problem"),
        "skip_link": _("Skip to main content"),
        "show_password": _("Show"),
        "hide_password": _("Hide"),
        "show_password_aria": _("Show password"),
        "hide_password_aria": _("Hide password"),
        "password_shown": _("Your password is visible"),
        "password_hidden": _("Your password is hidden"),
        "day": _("Day"),
        "month": _("Month"),
        "year": _("Year"),
        "menu": _("Menu"),
        "exit_this_page": _("Exit this page"),
        "exit_activated": _("Loading."),
        "exit_timed_out": _("Exit this page expired."),
        "exit_two_more": _("Shift, press 2 more times to exit."),
        "exit_one_more": _("Shift, press 1 more time to exit."),
        "important": _("Important"),
        "success": _("Success"),
    }


def error_summary_params(form: Any) -> dict[str, Any]:
    """The error summary for a form: each message links to its field."""
    items = []
    for field in form:
        for message in field.errors if isinstance(field.errors, list) else []:
            items.append({"text": message, "href": f"#{field.id}"})
            break
    return {"titleText": _("There is a problem"), "errorList": items}


def field_params(field: Any, **extra: Any) -> dict[str, Any]:
    """Parameters for a form field; the widgets in portal.widgets translate the rest."""
    return dict(extra)


def password_params(field: Any, **extra: Any) -> dict[str, Any]:
    texts = component_texts()
    params = field_params(field, **extra)
    params.update(
        {
            "showPasswordText": texts["show_password"],
            "hidePasswordText": texts["hide_password"],
            "showPasswordAriaLabelText": texts["show_password_aria"],
            "hidePasswordAriaLabelText": texts["hide_password_aria"],
            "passwordShownAnnouncementText": texts["password_shown"],
            "passwordHiddenAnnouncementText": texts["password_hidden"],
        }
    )
    return params


def notification_messages() -> list[dict[str, str]]:
    """Flashed messages as plain text for notification banners (never raw HTML)."""
    return [
        {"category": category, "text": str(message)} for category, message in get_flashed_messages(with_categories=True)
    ]


def officer_navigation() -> list[dict[str, Any]]:
    """The officer area's menu (English only, like the rest of the officer area)."""
    from flask import current_app, url_for

    items = [
        ("officer_review.dashboard", "Queues"),
        ("officer_review.search", "Search"),
        ("officer_review.duty", "Duty referrals"),
        ("officer_review.lettings", "Lettings"),
        ("officer_review.reviews", "Reviews"),
        ("officer_review.duplicates", "Duplicates"),
        ("officer_review.assisted_new", "Start an application"),
        ("officer_review.support_workers", "Support workers"),
    ]
    if current_user.role is Role.ADMIN:
        items.append(("officer_review.staff", "Staff accounts"))
    return [
        {"href": url_for(endpoint), "text": text} for endpoint, text in items if endpoint in current_app.view_functions
    ]


def navigation_items() -> list[dict[str, Any]]:
    from flask import request, url_for

    items: list[dict[str, Any]] = []
    if current_user.is_authenticated:
        if current_user.role in OFFICER_ROLES:
            items.extend(officer_navigation())
        elif current_user.role is Role.SUPPORT_WORKER:
            items.append({"href": url_for("support.dashboard"), "text": _("People you are helping")})
        else:
            items.append({"href": url_for("homes.index"), "text": _("Find a home")})
            items.append({"href": url_for("account.dashboard"), "text": _("Your account")})
    else:
        items.append({"href": url_for("homes.index"), "text": _("Find a home")})
        items.append({"href": url_for("account.sign_in"), "text": _("Sign in")})
    for item in items:
        item["active"] = request.path == item["href"]
    return items


def branding() -> dict[str, Any]:
    config = current_app.config
    return {
        "council_name": config["COUNCIL_NAME"],
        "service_name": config["SERVICE_NAME"] or _("Apply for social housing"),
        "council_logo": config["COUNCIL_LOGO"],
        "phase": config["PHASE"],
        "feedback_url": config["FEEDBACK_URL"],
    }


def template_context() -> dict[str, Any]:
    return {
        "brand": branding(),
        "govuk_texts": component_texts(),
        "idle_timeout_seconds": current_app.config["IDLE_TIMEOUT_SECONDS"],
        "idle_warning_seconds": current_app.config["IDLE_WARNING_SECONDS"],
    }


def init_templating(app: Flask) -> None:
    app.context_processor(template_context)
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.globals.update(
        error_summary_params=error_summary_params,
        field_params=field_params,
        password_params=password_params,
        notification_messages=notification_messages,
        navigation_items=navigation_items,
        csrf_token=generate_csrf,
    )
    app.jinja_env.filters["format_date"] = show_date


def show_date(value: Any, pattern: str = "d MMMM y") -> str:
    """A date, or the date of a moment, written out in the page's language: "3 April 2026"."""
    if value is None:
        return ""
    return str(format_date(value, pattern))
