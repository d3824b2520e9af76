"""Measure how many pages a second the portal serves, and how quickly.

Run with ``make bench`` (or ``.venv/bin/python -m benchmarks.run``). The app is
built with the testing configuration on a fresh SQLite database in a temporary
folder, seeded with the demo accounts, and measured three ways:

(a) in-process with Flask's test client: ``/``, ``/sign-in`` and ``/?lang=ar``;
(b) over real HTTP on the loopback interface: ``/`` from two client threads;
(c) a signed-in page: ``/account`` for the demo applicant.

Every loop is bounded and every connection stays on 127.0.0.1. The results are
printed and written as Markdown to ``docs/benchmarks.md`` (or ``--output``).
Numbers are for comparing one change with another on the same machine; nothing
here asserts on timings.
"""

from __future__ import annotations

import argparse
import http.client
import logging
import re
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from benchmarks.applying import measure as measure_applying
from benchmarks.applying import report_lines as applying_report
from benchmarks.lettings import measure as measure_lettings
from benchmarks.lettings import report_lines as lettings_report
from benchmarks.officer import measure as measure_officer
from benchmarks.officer import report_lines as officer_report
from benchmarks.options import measure as measure_options
from benchmarks.options import report_lines as options_report
from benchmarks.report import (
    HTTP_THREADS,
    Result,
    command_line,
    load_average,
    machine_description,
    print_results,
    render_markdown,
)
from benchmarks.rules import measure as measure_rules
from benchmarks.rules import report_lines as rules_report

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CSRF_PATTERN = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')
IN_PROCESS_PATHS = ("/", "/sign-in", "/?lang=ar")
DEMO_APPLICANT = "applicant@example.org"


class BenchmarkError(RuntimeError):
    """A page did not answer as expected, so its timings would mean nothing."""


def build_app(workdir: Path) -> Flask:
    """The portal on a fresh, migrated and seeded SQLite database in ``workdir``."""
    from portal.app import create_app
    from portal.config import TestingConfig
    from portal.data.migrate import upgrade_database
    from portal.demo import seed_demo
    from portal.extensions import db

    database_url = f"sqlite:///{workdir / 'bench.sqlite3'}"
    settings: dict[str, Any] = {key: getattr(TestingConfig, key) for key in dir(TestingConfig) if key.isupper()}
    settings.update(
        DATABASE_URL=database_url,
        OUTBOX_DIR=str(workdir / "outbox"),
        UPLOAD_DIR=str(workdir / "uploads"),
        RATELIMIT_ENABLED=False,
    )
    (workdir / "outbox").mkdir()
    (workdir / "uploads").mkdir()
    app = create_app(settings)
    # The development server logs every request; that would dominate the timings.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    upgrade_database(database_url)
    with app.app_context():
        import datetime as dt

        from portal.demo import DEMO_PASSWORD
        from portal.demo_applications import seed_demo_applications
        from portal.options.council_config import current_scheme

        seed_demo(db.session)
        seed_demo_applications(db.session, current_scheme(), dt.date.today(), DEMO_PASSWORD)
        db.commit()
    return app


# -- Measuring ----------------------------------------------------------------


def _expect_ok(status: int, path: str) -> None:
    if status != 200:
        raise BenchmarkError(f"GET {path} answered {status}, not 200")


def time_requests(fetch: Callable[[], int], path: str, count: int) -> tuple[float, list[float]]:
    """Call ``fetch`` ``count`` times; return the total seconds and each latency in ms."""
    latencies: list[float] = []
    started = time.perf_counter()
    for _ in range(count):
        before = time.perf_counter()
        status = fetch()
        latencies.append((time.perf_counter() - before) * 1000)
        _expect_ok(status, path)
    return time.perf_counter() - started, latencies


def measure_client(client: FlaskClient, scenario: str, path: str, count: int, warmup: int) -> Result:
    def fetch() -> int:
        return client.get(path).status_code

    time_requests(fetch, path, warmup)
    seconds, latencies = time_requests(fetch, path, count)
    return Result(scenario, path, count, seconds, latencies)


def sign_in(client: FlaskClient, email: str, password: str) -> None:
    """Sign in through the real form, with the CSRF token from the page."""
    page = client.get("/sign-in")
    match = CSRF_PATTERN.search(page.get_data(as_text=True))
    if match is None:
        raise BenchmarkError("No CSRF token on /sign-in")
    response = client.post(
        "/sign-in",
        data={"csrf_token": match.group(1), "email": email, "password": password},
    )
    if response.status_code != 302:
        raise BenchmarkError(f"Signing in as {email} answered {response.status_code}")


class HttpWorker(threading.Thread):
    """One client thread: ``count`` GET requests on loopback, reusing the connection if kept."""

    def __init__(self, port: int, path: str, count: int, start_line: threading.Barrier) -> None:
        super().__init__(daemon=True)
        self.port = port
        self.path = path
        self.count = count
        self.start_line = start_line
        self.latencies: list[float] = []
        self.connections = 0
        self.error: BaseException | None = None

    def _connect(self) -> http.client.HTTPConnection:
        self.connections += 1
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)

    def run(self) -> None:
        connection = self._connect()
        try:
            self.start_line.wait(timeout=30)
            for _ in range(self.count):
                before = time.perf_counter()
                connection.request("GET", self.path)
                response = connection.getresponse()
                response.read()
                self.latencies.append((time.perf_counter() - before) * 1000)
                _expect_ok(response.status, self.path)
                if response.will_close and len(self.latencies) < self.count:
                    connection.close()
                    connection = self._connect()
        except BaseException as error:  # reported by the main thread
            self.error = error
        finally:
            connection.close()


def measure_http(app: Flask, path: str, count: int, warmup: int) -> Result:
    """Serve the app on 127.0.0.1 (a free port) and fetch ``path`` from two threads."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    serving = threading.Thread(target=server.serve_forever, daemon=True)
    serving.start()
    try:
        port = server.server_port
        per_thread = [count // HTTP_THREADS + (1 if i < count % HTTP_THREADS else 0) for i in range(HTTP_THREADS)]
        for rounds in ([max(1, warmup // HTTP_THREADS)] * HTTP_THREADS, per_thread):
            start_line = threading.Barrier(HTTP_THREADS + 1)
            workers = [HttpWorker(port, path, n, start_line) for n in rounds]
            for worker in workers:
                worker.start()
            start_line.wait(timeout=30)
            started = time.perf_counter()
            for worker in workers:
                worker.join(timeout=300)
            seconds = time.perf_counter() - started
            for worker in workers:
                if worker.is_alive():
                    raise BenchmarkError(f"An HTTP client thread for {path} did not finish")
                if worker.error is not None:
                    raise BenchmarkError(f"HTTP client for {path} failed: {worker.error!r}")
        latencies = [ms for worker in workers for ms in worker.latencies]
        scenario = f"HTTP, {HTTP_THREADS} client threads"
        connections = sum(worker.connections for worker in workers)
        return Result(scenario, path, len(latencies), seconds, latencies, connections)
    finally:
        server.shutdown()
        server.server_close()
        serving.join(timeout=10)


def run_benchmarks(requests: int, http_requests: int, warmup: int) -> tuple[list[Result], Any]:
    from portal.demo import DEMO_PASSWORD

    with tempfile.TemporaryDirectory(prefix="portal-bench-") as folder:
        app = build_app(Path(folder))
        results: list[Result] = []
        options = measure_options(app)
        applying = measure_applying(app)

        client = app.test_client()
        for path in IN_PROCESS_PATHS:
            results.append(measure_client(client, "In-process", path, requests, warmup))
            client.delete_cookie("portal_lang")  # ?lang=ar sets it; keep runs independent

        results.append(measure_http(app, "/", http_requests, warmup))

        applicant = app.test_client()
        sign_in(applicant, DEMO_APPLICANT, DEMO_PASSWORD)
        results.append(measure_client(applicant, "In-process, signed in", "/account", requests, warmup))
        officer = measure_officer(app)
        lettings = measure_lettings(app)

        app.extensions["database"].engine.dispose()
        return results, (options, applying, officer, lettings)


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run", description="Measure the portal's page throughput."
    )
    parser.add_argument(
        "--requests",
        type=positive,
        default=500,
        help="timed in-process requests per page (default 500)",
    )
    parser.add_argument(
        "--http-requests",
        type=positive,
        default=400,
        help="timed HTTP requests in all, shared by the client threads (default 400)",
    )
    parser.add_argument("--warmup", type=positive, default=50, help="untimed requests first (default 50)")
    parser.add_argument(
        "--households",
        type=positive,
        default=100_000,
        help="households in the generated register for the rules engine (default 100,000)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=PROJECT_ROOT / "docs" / "benchmarks.md",
        help="Markdown file to write, replacing it (default docs/benchmarks.md)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    options = parse_arguments(argv)
    when = datetime.now(UTC)
    load = load_average()
    results, (advice, applying, officer, lettings) = run_benchmarks(
        options.requests, options.http_requests, options.warmup
    )
    rules = measure_rules(households=options.households)
    command = command_line(argv)

    print()
    for label, value in machine_description():
        print(f"{label}: {value}")
    print(f"Load average at the start: {load}")
    print(f"Date: {when.strftime('%Y-%m-%d %H:%M')} UTC")
    print(f"Command: {command}")
    print()
    print_results(results)
    print()
    print("\n".join(rules_report(rules)))
    print("\n".join(options_report(advice)))
    print("\n".join(applying_report(applying)))
    print("\n".join(officer_report(officer)))
    print("\n".join(lettings_report(lettings)))

    output: Path = options.output
    output.parent.mkdir(parents=True, exist_ok=True)
    page_report = render_markdown(results, when, command, options, load)
    sections = (
        rules_report(rules)
        + options_report(advice)
        + applying_report(applying)
        + officer_report(officer)
        + lettings_report(lettings)
    )
    output.write_text(page_report + "\n" + "\n".join(sections), encoding="utf-8")
    print(f"\nWritten to {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
