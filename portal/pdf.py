"""Turning a self-contained HTML document into a PDF with WeasyPrint.

The HTML carries its own styles, so nothing is fetched while the PDF is made:
every address the HTML names is refused, on this site or anywhere. WeasyPrint
is imported only when a PDF is made, so the rest of the portal runs on a
machine without Pango.
"""

from __future__ import annotations

import logging
from typing import Any

PDF_MEDIA_TYPE = "application/pdf"


def _refusing_fetcher() -> Any:
    from weasyprint.urls import URLFetcher

    class RefuseEverything(URLFetcher):  # type: ignore[misc]
        """Fetch nothing: no web addresses, no files, no data addresses."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            raise ValueError(f"This document does not load {url[:80]!r}")

    return RefuseEverything()


def _quiet_progress_logs() -> None:
    """WeasyPrint and fontTools log every step at INFO; only their warnings are worth keeping."""
    for name in ("weasyprint.progress", "fontTools"):
        logging.getLogger(name).setLevel(logging.WARNING)


def html_to_pdf(html: str) -> bytes:
    """The PDF of one self-contained HTML document."""
    _quiet_progress_logs()
    from weasyprint import HTML

    document = HTML(string=html, base_url=None, url_fetcher=_refusing_fetcher())
    pdf: bytes = document.write_pdf()
    return pdf
