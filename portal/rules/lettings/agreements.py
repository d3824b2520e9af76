"""Nomination agreements: how many of a housing association's lets are owed to the council's nominees.

A landlord agrees to let a share (``percent_owed``) of the homes it lets in a
period to households the council nominates. The lets owed are that share of
the lets the landlord reports, rounded up to a whole home, worked out exactly.
"""

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
    """Lets owed (``ceil(percent x lets / 100)``), how many short, and the share achieved (rounded down).

    Raises ``ValueError`` for a negative count or a percentage outside 0 to 100.
    """
    if not 0 <= percent_owed <= 100:
        raise ValueError(f"The percentage owed must be from 0 to 100, not {percent_owed}.")
    if lets_reported < 0 or nominations_housed < 0:
        raise ValueError("Lets reported and nominations housed cannot be negative.")
    owed = -(-percent_owed * lets_reported // 100)
    achieved = nominations_housed * 100 // lets_reported if lets_reported else None
    return AgreementProgress(
        percent_owed=percent_owed,
        lets_reported=lets_reported,
        nominations_housed=nominations_housed,
        owed=owed,
        short_by=max(0, owed - nominations_housed),
        percent_achieved=achieved,
    )
