"""The committed message template holds every text in the code, so no text escapes translation."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
KEYWORDS = ["-k", "_l", "-k", "lazy_gettext", "-k", "lazy_ngettext:1,2", "-k", "N_"]


def message_ids(path: Path) -> set[object]:
    with path.open("rb") as f:
        return {message.id for message in read_po(f) if message.id}


def test_messages_pot_is_up_to_date(tmp_path):
    fresh = tmp_path / "messages.pot"
    pybabel = str(Path(sys.executable).with_name("pybabel"))
    command = [
        pybabel,
        "extract",
        "-F",
        "babel.cfg",
        *KEYWORDS,
        "-o",
        str(fresh),
        "--no-location",
        "--omit-header",
        ".",
    ]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)  # noqa: S603  (fixed arguments)
    committed = message_ids(ROOT / "translations" / "messages.pot")
    extracted = message_ids(fresh)
    assert extracted - committed == set(), "New texts are not in messages.pot: run make translations-update"
    assert committed - extracted == set(), (
        "messages.pot has texts the code no longer uses: run make translations-update"
    )
    assert "We will use it for this website, emails and letters." in extracted  # a template using {% do %}
