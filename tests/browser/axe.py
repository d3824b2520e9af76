"""Running axe-core in a Playwright page and failing on any violation.

The pages send a strict Content-Security-Policy, so axe cannot be added as a
<script> element. Evaluating its source through the DevTools protocol is not
subject to the page's CSP, so that is how it is injected.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE_PATH = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# Rules switched off, each with the reason. Keep this empty unless a rule fires
# on markup that GOV.UK Frontend itself prescribes.
DISABLED_RULES: dict[str, str] = {}


@cache
def axe_source() -> str:
    if not AXE_PATH.is_file():
        raise FileNotFoundError(f"axe-core is not installed at {AXE_PATH}: run `make install`")
    return AXE_PATH.read_text(encoding="utf-8")


def run_axe(page: Page) -> list[dict[str, Any]]:
    """Return axe's violations for the page as it is now."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    options = {
        "runOnly": {"type": "tag", "values": TAGS},
        "resultTypes": ["violations"],
        "rules": {rule: {"enabled": False} for rule in DISABLED_RULES},
    }
    return page.evaluate("async (options) => (await axe.run(document, options)).violations", options)


def format_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact')}): {violation['help']}\n    {violation.get('helpUrl', '')}"
        )
        for node in violation["nodes"]:
            target = " ".join(" >> ".join(part) if isinstance(part, list) else str(part) for part in node["target"])
            lines.append(f"    target: {target}")
            summary = (node.get("failureSummary") or "").replace("\n", " ").strip()
            if summary:
                lines.append(f"      {summary[:300]}")
    return "\n".join(lines)


def _prescribed_by_frontend(violation: dict[str, Any], page: Page) -> list[dict[str, Any]]:
    """The nodes of a violation left once GOV.UK Frontend's own conditional reveal markup is set aside.

    GOV.UK Frontend's radios and checkboxes with a conditional reveal put ``aria-expanded`` on the
    input, which axe's aria-allowed-attr rule reports. Only that attribute, on such an input, is set
    aside; anything else the rule finds still fails.
    """
    if violation["id"] != "aria-allowed-attr":
        return list(violation["nodes"])
    left = []
    for node in violation["nodes"]:
        summary = node.get("failureSummary") or ""
        selector = node["target"][-1] if node["target"] else ""
        is_reveal = bool(
            isinstance(selector, str)
            and page.evaluate(
                "(s) => { const e = document.querySelector(s); return !!e && e.matches("
                "'.govuk-radios__input[aria-controls], .govuk-checkboxes__input[aria-controls]'); }",
                selector,
            )
        )
        only_expanded = summary.count("aria-") == 1 and 'aria-expanded="' in summary
        if not (is_reveal and only_expanded):
            left.append(node)
    return left


def assert_no_axe_violations(page: Page, context: str = "") -> None:
    violations = []
    for violation in run_axe(page):
        nodes = _prescribed_by_frontend(violation, page)
        if nodes:
            violations.append({**violation, "nodes": nodes})
    if violations:
        where = context or page.url
        raise AssertionError(
            f"axe found {len(violations)} accessibility violation(s) on {where}:\n" + format_violations(violations)
        )
