"""The ``housing-register`` command: run the rules engine over JSON Lines (contracts, section 1).

    housing-register assess [FILE|-]    one household a line  -> one assessment a line
    housing-register afford [FILE|-]    one affordability case -> one result a line
    housing-register rank   [FILE|-]    one shortlist a line   -> its order

Input is UTF-8 JSON Lines, read as it streams; blank lines are skipped. Each
other line gives exactly one JSON object on standard output, in order. A line
that cannot be used gives ``{"id": ..., "error": "..."}`` and the run goes on.
Exit status: 0 when every line gave a result, 1 when any line was malformed,
2 for a usage error (unknown command, or a file that cannot be read).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from portal.rules.contract.afford_io import afford_line
from portal.rules.contract.fields import LineError, line_id, parse_json_line
from portal.rules.contract.output import dumps
from portal.rules.contract.rank_io import rank_line

PROGRAM = "housing-register"
LineHandler = Callable[[dict[str, Any]], dict[str, Any]]

UNEXPECTED = "This line could not be processed because of an unexpected problem in the program; please report it."
NOT_UTF8 = "The line is not valid UTF-8 text."
BYTE_ORDER_MARK = "\ufeff"


def _assess_handler() -> LineHandler:
    # Imported only when needed, so afford and rank never depend on the assess code.
    from portal.rules.contract.assess_io import assess_line

    return assess_line


HANDLERS: dict[str, Callable[[], LineHandler]] = {
    "assess": _assess_handler,
    "afford": lambda: afford_line,
    "rank": lambda: rank_line,
}

COMMAND_HELP = {
    "assess": "Assess households: eligibility, qualification, bedroom need, band, priority date, referrals.",
    "afford": "Check affordability: social rent, Affordable Rent, shared ownership and First Homes.",
    "rank": "Put the candidates on each shortlist in order: band, priority date, registration date, reference.",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROGRAM,
        description=(
            "Run the allocation rules engine over JSON Lines: one JSON object a line in, one result a line out. "
            'Blank lines are skipped. A line that cannot be used gives {"id": ..., "error": ...} and the run '
            "carries on."
        ),
        epilog="Exit status: 0 every line gave a result; 1 at least one line was malformed; 2 usage error.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, help_text in COMMAND_HELP.items():
        command = commands.add_parser(name, help=help_text, description=help_text)
        command.add_argument(
            "file",
            nargs="?",
            default="-",
            metavar="FILE",
            help="a UTF-8 JSON Lines file; '-' or nothing reads standard input",
        )
    return parser


def handle_line(text: str, handler: LineHandler) -> tuple[dict[str, Any], bool]:
    """The output object for one non-blank line, and whether it is a result (not an error)."""
    data: Any = None
    try:
        data = parse_json_line(text)
        return handler(data), True
    except LineError as error:
        return {"id": line_id(data), "error": str(error)}, False
    except Exception:  # a bug must not stop the run: report it for this line and go on
        traceback.print_exc(file=sys.stderr)
        return {"id": line_id(data), "error": UNEXPECTED}, False


def run(lines: Iterable[bytes], handler: LineHandler, out: TextIO) -> bool:
    """Process every line as it arrives; True when every non-blank line gave a result."""
    all_results = True
    for number, raw in enumerate(lines, start=1):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            output: dict[str, Any] = {"id": None, "error": NOT_UTF8}
            ok = False
        else:
            if number == 1:
                text = text.removeprefix(BYTE_ORDER_MARK)
            if not text.strip():
                continue
            output, ok = handle_line(text, handler)
        try:
            line = dumps(output)
        except (TypeError, ValueError):
            traceback.print_exc(file=sys.stderr)
            line, ok = dumps({"id": output.get("id"), "error": UNEXPECTED}), False
        out.write(line + "\n")
        all_results = all_results and ok
    return all_results


def _standard_input() -> Iterable[bytes]:
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return buffer
    return (line.encode("utf-8") for line in sys.stdin)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse has written the usage message (or --help)
        return stop.code if isinstance(stop.code, int) else 0 if stop.code is None else 2
    try:
        handler = HANDLERS[args.command]()
    except ImportError as error:
        print(f"{PROGRAM}: the {args.command} command is not available: {error}", file=sys.stderr)
        return 2
    if args.file == "-":
        return _run(_standard_input(), handler, "standard input")
    try:
        stream = open(args.file, "rb")  # closed by the with block below
    except OSError as error:
        print(f"{PROGRAM}: cannot read {args.file}: {error.strerror or error}.", file=sys.stderr)
        return 2
    with stream:
        return _run(stream, handler, args.file)


def _run(lines: Iterable[bytes], handler: LineHandler, source: str) -> int:
    try:
        return 0 if run(lines, handler, sys.stdout) else 1
    except BrokenPipeError:  # the reader went away (for example "| head"): stop quietly
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 1
    except OSError as error:
        print(f"{PROGRAM}: could not finish reading {source}: {error.strerror or error}.", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
