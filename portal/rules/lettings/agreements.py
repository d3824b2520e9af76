"""Nomination agreements: how many of a housing association's lets are owed to the council (stub)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AgreementProgress:
    percent_owed: int
    lets_reported: int
    nominations_housed: int
    owed: int  # lets owed to the council's nominees (rounded up)
    short_by: int  # 0 when the landlord has met the agreement
    percent_achieved: int | None  # None when no lets were reported


def progress(percent_owed: int, lets_reported: int, nominations_housed: int) -> AgreementProgress:
    raise NotImplementedError
