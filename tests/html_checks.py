"""Checks every HTML page the tests see: one h1, a title that begins with it, unique ids, lang set."""

from __future__ import annotations

from collections import Counter

from bs4 import BeautifulSoup

SHIPPED_LOCALES = {"en", "pl", "ro", "ar", "ur"}
RTL_LOCALES = {"ar", "ur"}


class PageProblem(AssertionError):
    pass


def _visible_text(element: object) -> str:
    return " ".join(element.get_text(" ", strip=True).split())  # type: ignore[attr-defined]


def check_page(html: str, url: str = "") -> BeautifulSoup:
    soup = BeautifulSoup(html, "html.parser")
    root = soup.find("html")
    if root is None:
        raise PageProblem(f"{url}: no <html> element")
    lang = root.get("lang")
    if lang not in SHIPPED_LOCALES:
        raise PageProblem(f"{url}: <html lang> is {lang!r}, not a shipped language")
    expected_dir = "rtl" if lang in RTL_LOCALES else "ltr"
    if root.get("dir") != expected_dir:
        raise PageProblem(f"{url}: <html dir> is {root.get('dir')!r}, expected {expected_dir!r}")
    headings = soup.find_all("h1")
    if len(headings) != 1:
        raise PageProblem(f"{url}: expected one <h1>, found {len(headings)}")
    heading = _visible_text(headings[0])
    title_tag = soup.find("title")
    title = _visible_text(title_tag) if title_tag else ""
    if not title.startswith(heading):
        prefix, _sep, rest = title.partition(" ")
        if not (prefix.endswith(":") and rest.startswith(heading)):
            raise PageProblem(f"{url}: <title> {title!r} does not begin with the <h1> {heading!r}")
    ids = Counter(tag["id"] for tag in soup.find_all(id=True))
    duplicates = sorted(name for name, count in ids.items() if count > 1)
    if duplicates:
        raise PageProblem(f"{url}: duplicate ids {duplicates}")
    return soup
