"""The benchmark results, the machine they ran on, and the Markdown report."""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
HTTP_THREADS = 2


@dataclass(frozen=True)
class Result:
    scenario: str
    path: str
    requests: int
    seconds: float
    latencies_ms: list[float]
    connections: int | None = None  # TCP connections opened, for the HTTP scenario

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, fraction: float) -> float:
        """Nearest-rank percentile of the latencies, in milliseconds."""
        ordered = sorted(self.latencies_ms)
        if not ordered:
            return 0.0
        rank = max(1, min(len(ordered), round(fraction * len(ordered) + 0.5)))
        return ordered[rank - 1]


# -- Building the app ---------------------------------------------------------


# -- Reporting ----------------------------------------------------------------


def _processor() -> str:
    name = platform.processor()
    if not name or name == platform.machine():
        try:
            for line in Path("/proc/cpuinfo").read_text().splitlines():
                if line.lower().startswith("model name"):
                    name = line.split(":", 1)[1].strip()
                    break
        except OSError:
            pass
    return name or platform.machine() or "unknown"


def _total_memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                kib = int(line.split()[1])
                return f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return "unknown"


def load_average() -> str:
    try:
        return ", ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def machine_description() -> list[tuple[str, str]]:
    return [
        ("Platform", platform.platform()),
        ("Processor", f"{_processor()} ({os.cpu_count()} logical CPUs)"),
        ("Memory", _total_memory()),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
    ]


def command_line(argv: list[str]) -> str:
    """The command as typed from the repository root: ``.venv/bin/python -m benchmarks.run``."""
    python = Path(sys.executable)
    try:
        shown = str(python.relative_to(Path.cwd()))
    except ValueError:
        shown = str(python)
    return shlex.join([shown, "-m", "benchmarks.run", *argv])


def _connection_note(results: list[Result]) -> str:
    for result in results:
        if result.connections is None:
            continue
        if result.connections >= result.requests:
            return (
                " on a new TCP connection per request (the server closes the connection "
                "after each response), so connection set-up is included"
            )
        return f" over {result.connections} kept-alive connections"
    return ""


def render_markdown(results: list[Result], when: datetime, command: str, options: argparse.Namespace, load: str) -> str:
    lines = [
        "# Benchmarks",
        "",
        "Page throughput of the portal and the speed of the rules engine, measured by "
        "`benchmarks/run.py` and `benchmarks/rules.py`. Run `make bench` to measure again; "
        "it replaces this file.",
        "",
        f"- Date: {when.strftime('%Y-%m-%d %H:%M')} UTC",
    ]
    lines += [f"- {label}: {value}" for label, value in machine_description()]
    lines += [
        f"- Load average (1, 5, 15 minutes) at the start: {load}",
        f"- Command: `{command}` (from the repository root; `make bench` runs the same)",
        "",
        "## Pages",
        "",
        "| Scenario | Page | Requests | Requests/second | p50 (ms) | p95 (ms) |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for result in results:
        lines.append(
            f"| {result.scenario} | `{result.path}` | {result.requests} | "
            f"{result.per_second:,.0f} | {result.percentile(0.50):.2f} | "
            f"{result.percentile(0.95):.2f} |"
        )
    lines += [
        "",
        "## What was measured",
        "",
        "- The app is built with `portal.app.create_app()` and the testing configuration "
        "(rate limits off), on a fresh SQLite database in a temporary folder made by the "
        "migrations and seeded with the demo accounts.",
        f"- In-process: Flask's test client, {options.warmup} warm-up requests, then "
        f"{options.requests} timed requests per page, one after another. This is the cost "
        "of the app itself: routing, sessions, templates and security headers, with no network.",
        f"- HTTP: the app served by Werkzeug's threaded server on 127.0.0.1, and "
        f"{HTTP_THREADS} client threads sending {options.http_requests} requests in all with "
        f"`http.client`{_connection_note(results)}. Server and clients share one Python "
        "process. Production runs several gunicorn workers instead, so these figures do not "
        "measure production capacity.",
        "- Signed in: the demo applicant signs in through the real form (with its CSRF token), "
        "then `/account` is fetched; each request loads the account from the database.",
        "- Latency is the time for one request, from sending it to reading the whole response. "
        "p50 and p95 are the median and the 95th percentile. Requests/second is timed requests "
        "divided by the wall-clock time of the timed loop.",
        "- The numbers are for comparing changes on the same machine; other work on the machine "
        "(see the load average above) slows them down. No test asserts on them.",
        "",
    ]
    return "\n".join(lines)


def print_results(results: list[Result]) -> None:
    print(f"{'Scenario':<30} {'Page':<12} {'Requests':>8} {'Req/s':>9} {'p50 ms':>8} {'p95 ms':>8}")
    for r in results:
        print(
            f"{r.scenario:<30} {r.path:<12} {r.requests:>8} {r.per_second:>9,.0f} "
            f"{r.percentile(0.50):>8.2f} {r.percentile(0.95):>8.2f}"
        )
