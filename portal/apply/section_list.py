"""Every section of the application, in the order of the task list."""

from __future__ import annotations

from portal.apply.questions import about_you, household
from portal.apply.sections import Section

SECTIONS: tuple[Section, ...] = (about_you.SECTION, household.SECTION)
