"""The ``housing-register`` command's common rules (contracts, section 1), for afford and rank."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from portal.rules import cli
from portal.rules.cli import main, run

from .afford_rank_support import case_path

REPO = Path(__file__).resolve().parents[2]
RENT = {"product": "social_rent", "weekly_rent": 100, "net_monthly_income": 2000}
SHORTLIST = {"candidates": [{"ref": "A", "band": 2, "priority_date": "2024-01-01", "registration_date": "2023-01-01"}]}


def jsonl(*objects: object) -> str:
    return "".join((item if isinstance(item, str) else json.dumps(item)) + "\n" for item in objects)


def write(tmp_path: Path, text: str | bytes) -> str:
    path = tmp_path / "input.jsonl"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return str(path)


def run_main(capsys, *argv: str) -> tuple[int, list[dict], str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, [json.loads(line, parse_float=Decimal) for line in captured.out.splitlines()], captured.err


def program(*argv: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603  (runs this Python with fixed arguments)
        [sys.executable, "-m", "portal.rules.cli", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=REPO,
        timeout=120,
    )


def test_blank_and_white_space_lines_give_no_output(tmp_path, capsys):
    text = "\n   \n" + jsonl({"id": "a", **RENT}) + "\t \r\n\n" + jsonl({"id": "b", **RENT}) + "  "
    status, outputs, err = run_main(capsys, "afford", write(tmp_path, text))
    assert status == 0 and err == ""
    assert [output["id"] for output in outputs] == ["a", "b"]


def test_an_empty_file_gives_nothing_and_succeeds(tmp_path, capsys):
    assert run_main(capsys, "rank", write(tmp_path, "")) == (0, [], "")


MALFORMED = [
    ("{not json", None, "The line is not valid JSON"),
    ("[1, 2]", None, "The line must be a JSON object."),
    ('"just a string"', None, "The line must be a JSON object."),
    ({**RENT}, None, "id is required."),
    ({"id": "", **RENT}, None, 'id must be a non-empty string, not "".'),
    ({"id": 7, **RENT}, None, "id must be a non-empty string, not 7."),
    ({"id": "enum", **RENT, "product": "bungalow"}, "enum", "product must be one of"),
    ({"id": "neg", **RENT, "weekly_rent": -5}, "neg", "weekly_rent must be 0 or more, not -5."),
    (
        {"id": "neg2", **RENT, "housing_support_monthly": -0.01},
        "neg2",
        "housing_support_monthly must be 0 or more, not -0.01.",
    ),
    ({"id": "ovr", **RENT, "overrides": {"rent_ratio": 0.4}}, "ovr", "overrides has an unknown parameter: rent_ratio."),
    (
        {"id": "ovr2", **RENT, "overrides": {"mortgage_term_months": 0}},
        "ovr2",
        "overrides.mortgage_term_months must be",
    ),
    ({"id": "null", **RENT, "weekly_rent": None}, "null", "weekly_rent is required and must not be null."),
    ({"id": "bool", **RENT, "weekly_rent": True}, "bool", "weekly_rent must be a number, not true."),
    ({"id": "nan", "product": "social_rent", "weekly_rent": "NaN"}, "nan", 'weekly_rent must be a number, not "NaN".'),
    ('{"id": "nan2", "product": "social_rent", "weekly_rent": NaN}', "nan2", "weekly_rent must be a number, not NaN."),
    (
        {"id": "fh", "product": "first_homes", "market_value": 1, "gross_annual_income": 1, "savings": 1},
        "fh",
        "first_time_buyer is required.",
    ),
]


def test_malformed_afford_lines_give_errors_and_the_run_goes_on(tmp_path, capsys):
    lines = [line for line, _, _ in MALFORMED]
    text = jsonl({"id": "first", **RENT}, *lines, {"id": "last", **RENT})
    status, outputs, _ = run_main(capsys, "afford", write(tmp_path, text))
    assert status == 1
    assert len(outputs) == len(MALFORMED) + 2
    assert outputs[0]["id"] == "first" and "error" not in outputs[0]
    assert outputs[-1]["id"] == "last" and outputs[-1]["eligible"] is True
    for output, (_, identifier, message) in zip(outputs[1:-1], MALFORMED, strict=True):
        assert set(output) == {"id", "error"}
        assert output["id"] == identifier
        assert output["error"].startswith(message), output


def test_an_impossible_date_in_a_shortlist_is_malformed(tmp_path, capsys):
    bad = {"id": "bad", "candidates": [{**SHORTLIST["candidates"][0], "priority_date": "2023-02-29"}]}
    status, outputs, _ = run_main(capsys, "rank", write(tmp_path, jsonl(bad, {"id": "good", **SHORTLIST})))
    assert status == 1
    assert outputs[0] == {
        "id": "bad",
        "error": 'candidates[0].priority_date must be a date written YYYY-MM-DD, not "2023-02-29".',
    }
    assert outputs[1] == {"id": "good", "order": ["A"]}


def test_text_that_is_not_utf8_is_a_malformed_line(tmp_path, capsys):
    text = b'{"id": "caf\xe9"}\n' + jsonl({"id": "ok", **SHORTLIST}).encode()
    status, outputs, _ = run_main(capsys, "rank", write(tmp_path, text))
    assert status == 1
    assert outputs == [{"id": None, "error": "The line is not valid UTF-8 text."}, {"id": "ok", "order": ["A"]}]


def test_a_byte_order_mark_and_non_ascii_text_are_read(tmp_path, capsys):
    text = "\ufeff" + jsonl({"id": "café ✓", **SHORTLIST})
    status, outputs, _ = run_main(capsys, "rank", write(tmp_path, text))
    assert status == 0 and outputs == [{"id": "café ✓", "order": ["A"]}]


def test_success_exits_0_and_numbers_are_json_numbers(tmp_path, capsys):
    status = main(["afford", str(case_path("afford"))])
    out = capsys.readouterr().out
    assert status == 0
    assert '"monthly_cost": 1292.89' in out and '"ratio": 0.4486' in out and '"max_share_percent": 65' in out
    assert all(json.loads(line) for line in out.splitlines())


def test_an_unexpected_problem_is_reported_for_that_line_only(tmp_path, capsys, monkeypatch):
    def broken(data):
        if data["id"] == "boom":
            raise RuntimeError("a bug")
        return {"id": data["id"], "order": []}

    monkeypatch.setitem(cli.HANDLERS, "rank", lambda: broken)
    status, outputs, err = run_main(capsys, "rank", write(tmp_path, jsonl({"id": "boom"}, {"id": "fine"})))
    assert status == 1
    assert outputs == [{"id": "boom", "error": cli.UNEXPECTED}, {"id": "fine", "order": []}]
    assert "RuntimeError: a bug" in err


@pytest.mark.parametrize("argv", [["evaluate"], [], ["afford", "a", "b"], ["rank", "--no-such-option"]])
def test_usage_errors_exit_2_with_nothing_on_stdout(argv, capsys):
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "usage:" in captured.err


@pytest.mark.parametrize("command", ["afford", "rank"])
def test_a_file_that_cannot_be_read_exits_2(command, tmp_path, capsys):
    assert main([command, str(tmp_path / "missing.jsonl")]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "cannot read" in captured.err and "missing.jsonl" in captured.err
    assert main([command, str(tmp_path)]) == 2  # a folder
    assert capsys.readouterr().out == ""


def test_help_describes_the_commands(capsys):
    assert main(["--help"]) == 0
    text = capsys.readouterr().out
    assert all(name in text for name in ("assess", "afford", "rank"))
    assert main(["afford", "--help"]) == 0
    assert "standard input" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["rank", "-"], ["rank"]])
def test_reading_standard_input_in_process(argv, capsys, monkeypatch):
    stdin = io.TextIOWrapper(io.BytesIO(jsonl({"id": "s", **SHORTLIST}, "", "oops").encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    status, outputs, _ = run_main(capsys, *argv)
    assert status == 1
    assert outputs[0] == {"id": "s", "order": ["A"]} and outputs[1]["id"] is None and len(outputs) == 2


@pytest.mark.parametrize("argv", [["afford", "-"], ["afford"]])
def test_reading_standard_input_as_a_program(argv):
    finished = program(*argv, stdin=jsonl({"id": "x", **RENT}, "  ", {"id": "y", **RENT}))
    assert finished.returncode == 0, finished.stderr
    assert [json.loads(line)["id"] for line in finished.stdout.splitlines()] == ["x", "y"]


def test_usage_errors_as_a_program():
    unknown = program("evaluate")
    assert unknown.returncode == 2 and unknown.stdout == "" and unknown.stderr
    missing = program("rank", "/no/such/file.jsonl")
    assert missing.returncode == 2 and missing.stdout == "" and "cannot read" in missing.stderr
    malformed = program("rank", stdin="not json\n")
    assert malformed.returncode == 1
    assert json.loads(malformed.stdout)["id"] is None


def test_the_installed_console_script_works():
    script = Path(sys.executable).with_name("housing-register")
    assert script.exists(), "make install installs the housing-register console script into the virtual environment"
    finished = subprocess.run(  # noqa: S603  (runs this Python with fixed arguments)
        [str(script), "rank", str(case_path("rank"))], capture_output=True, text=True, check=False, timeout=120
    )
    assert finished.returncode == 0 and len(finished.stdout.splitlines()) == 2


def test_afford_and_rank_do_not_load_the_assess_code():
    code = (
        "import sys; from portal.rules.cli import main; "
        "main(['rank', '-']); sys.exit('portal.rules.contract.assess_io' in sys.modules)"
    )
    finished = subprocess.run(  # noqa: S603  (runs this Python with fixed arguments)
        [sys.executable, "-c", code], input="", capture_output=True, text=True, check=False, cwd=REPO, timeout=120
    )
    assert finished.returncode == 0, finished.stderr


def test_lines_are_answered_as_they_are_read():
    out = io.StringIO()
    seen: list[int] = []

    def lines():
        yield json.dumps({"id": "one", **SHORTLIST}).encode() + b"\n"
        seen.append(out.getvalue().count("\n"))  # the first answer is written before the second line is read
        yield b"\n"
        yield json.dumps({"id": "two", **SHORTLIST}).encode()

    assert run(lines(), cli.HANDLERS["rank"](), out) is True
    assert seen == [1]
    assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == ["one", "two"]
