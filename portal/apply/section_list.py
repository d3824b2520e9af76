"""Every section of the application, in the order of the task list."""

from __future__ import annotations

from portal.apply.questions import (
    about_you,
    addresses,
    current_home,
    equality,
    health,
    household,
    immigration,
    money,
    safety,
    tenancy,
)
from portal.apply.sections import Section

SECTIONS: tuple[Section, ...] = (
    about_you.SECTION,
    household.SECTION,
    current_home.SECTION,
    addresses.SECTION,
    immigration.SECTION,
    money.SECTION,
    health.SECTION,
    safety.SECTION,
    tenancy.SECTION,
    equality.SECTION,
)
