"""Letters to applicants: decision letters in their language and in English, as HTML and PDF."""

from portal.letters.decision_letter import (
    issue_letters,
    letter_body,
    letter_for,
    letter_locales,
    pdf_filename,
    render_letter,
    send_decision_email,
)

__all__ = [
    "issue_letters",
    "letter_body",
    "letter_for",
    "letter_locales",
    "pdf_filename",
    "render_letter",
    "send_decision_email",
]
