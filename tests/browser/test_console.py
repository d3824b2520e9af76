"""Pages load without console errors, script errors or Content-Security-Policy violations."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, ConsoleMessage, Page

from portal.demo import DEMO_PASSWORD
from tests.browser.conftest import LiveServer, sign_in

pytestmark = pytest.mark.browser

# Runs before any page script (added through DevTools, so the CSP does not apply to it).
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(
    event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') +
    ' (' + (event.sourceFile || '') + ':' + event.lineNumber + ')');
});
"""


class ProblemRecorder:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.problems: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))
        page.on(
            "requestfailed",
            lambda request: self.problems.append(f"request failed: {request.url} {request.failure}"),
        )
        page.on(
            "response",
            lambda response: (
                self.problems.append(f"{response.status} for {response.url}") if response.status >= 400 else None
            ),
        )

    def _console(self, message: ConsoleMessage) -> None:
        if message.type in {"error", "warning"}:
            self.problems.append(f"console {message.type}: {message.text} ({message.location})")

    def check(self, where: str) -> None:
        # Module scripts have run by the load event; a short pause lets late messages arrive.
        self.page.wait_for_timeout(100)
        violations = self.page.evaluate("() => window.__cspViolations || []")
        problems = self.problems + [f"CSP violation: {v}" for v in violations]
        self.problems = []
        assert not problems, f"{where}:\n" + "\n".join(problems)


@pytest.fixture
def recording_page(new_context: Callable[..., BrowserContext]) -> tuple[Page, ProblemRecorder]:
    context = new_context()
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()
    return page, ProblemRecorder(page)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_public_pages_have_no_console_errors(
    live_server: LiveServer, recording_page: tuple[Page, ProblemRecorder], language: str
) -> None:
    page, recorder = recording_page
    for path in ["/", "/sign-in", "/register", "/password-reset"]:
        page.goto(live_server(f"{path}?lang={language}"))
        recorder.check(f"{path} in {language}")


def test_signed_in_pages_have_no_console_errors(
    live_server: LiveServer, recording_page: tuple[Page, ProblemRecorder]
) -> None:
    page, recorder = recording_page
    sign_in(page, live_server, "applicant@example.org", DEMO_PASSWORD)
    recorder.check("/account after signing in")
    page.goto(live_server("/account/language"))
    recorder.check("/account/language")


def test_csp_recorder_notices_a_violation(
    live_server: LiveServer, recording_page: tuple[Page, ProblemRecorder]
) -> None:
    """The CSP check above can fail: an inline style attribute is reported."""
    page, recorder = recording_page
    page.goto(live_server("/?lang=en"))
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = '1'; document.body.append(s); }")
    with pytest.raises(AssertionError, match="CSP violation|Content Security Policy"):
        recorder.check("a page with an inline script added")
