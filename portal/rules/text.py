"""Translatable explanation sentences, without depending on any web framework.

Messages are marked with ``N_`` so Babel extracts them; the portal translates
them when it shows them, the command line prints them in English.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

Translate = Callable[[str], str]


def N_(message: str) -> str:  # noqa: N802  (the conventional name for a no-op marker)
    """Mark a message for translation without translating it now."""
    return message


RULE_CITATION = N_("Scheme rule %(rule)s.")


@dataclass(frozen=True)
class Sentence:
    """One plain-English sentence explaining a decision, citing the rule it comes from (if ``rule`` is set)."""

    message: str
    rule: str
    params: Mapping[str, object] = field(default_factory=dict)

    def text(self, translate: Translate = N_) -> str:
        body = translate(self.message) % dict(self.params) if self.params else translate(self.message)
        if not self.rule:
            return body
        return f"{body} {translate(RULE_CITATION) % {'rule': self.rule}}"
