"""A man sleeping on the streets applies on a 320px wide phone.

Mark has nowhere to stay, so he is never asked about the rooms where he lives
or about being told to leave. He fills in the medical form, says he left the
armed forces and was in care, owes some rent and was evicted once. He leaves
the optional equality questions, sends the application, and sends a PDF and
a photo as evidence.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, expect

from tests.browser.apply_walk import (
    APPLY,
    born,
    date_parts,
    sample_files,
    section,
    send_application,
    send_evidence,
    signed_in_walk,
    start_application,
    task_status,
    years_ago,
)
from tests.browser.conftest import NARROW, LiveServer, unique_email

pytestmark = pytest.mark.browser

ABOUT_MARK = [
    ("date-of-birth", born(44)),
    ("sex", "male"),
    ("ni-number", ""),
    ("phone", ""),
    ("interpreter", "no"),
]
ON_THE_STREETS = [("home-type", "rough_sleeping"), ("nowhere-tonight", "yes")]
ADDRESSES = [
    ("address", {"line_1": "Doorway, 2 Market Square", "line_2": "", "town": "Exampletown", "postcode": "EX1 1AA"}),
    ("moved-in", date_parts(years_ago(0, 240))),
    ("in-area", "yes"),
    ("another", {"lived_before": "yes"}),
    ("address", {"line_1": "14 Park Lane", "line_2": "", "town": "Exampletown", "postcode": "EX4 7PL"}),
    ("moved-in", date_parts(years_ago(7))),
    ("in-area", "yes"),
    ("work-in-area", "no"),
    ("family-in-area", "yes"),
    ("family-since", date_parts(years_ago(20))),
    ("care-move", "no"),
]
HEALTH = [
    ("health-problem", "yes"),
    ("health-details", "I have depression and a bad knee. Sleeping outside makes both worse."),
    ("mobility", "steps_hard"),
    ("own-room", "no"),
    ("overnight-carer", "no"),
    ("medical-form", "yes"),
    ("medical-condition", "Depression, and arthritis in my left knee."),
    ("medical-effect", "The cold makes my knee worse and I cannot sleep."),
    ("medical-professionals", ""),
]
SAFETY = [
    ("domestic-abuse", "no"),
    ("harassment", "no"),
    ("care-leaver", "yes"),
    ("armed-forces", "left"),
    ("forces-discharge-date", date_parts(years_ago(6))),
    ("support-worker", "yes"),
    (
        "support-details",
        {"support_name": "Priya Shah", "support_organisation": "Exampletown Outreach", "support_contact": ""},
    ),
]
TENANCY = [
    ("rent-arrears", "yes"),
    ("arrears-amount", "350"),
    ("arrears-plan", "yes"),
    ("evicted", "yes"),
    ("eviction-details", "I lost my flat on Park Lane after I lost my job."),
    ("antisocial", "no"),
]


def test_man_sleeping_rough_applies_on_a_phone_without_being_asked_about_rooms(
    live_server: LiveServer, new_context: Callable[..., BrowserContext], tmp_path: Path
) -> None:
    page = new_context(viewport=NARROW).new_page()
    walk = signed_in_walk(page, live_server, unique_email("ellis"), "Mark Ellis")
    start_application(walk)

    about = section(walk, "about-you", ABOUT_MARK)
    assert about["National Insurance number"] == "" and about["Phone number"] == ""
    household = section(walk, "household", [("anyone-else", "no")])  # a man alone is not asked about pregnancy
    assert household == {"Anyone else in your household": "No"}
    home = section(walk, "current-home", ON_THE_STREETS)
    assert home == {
        "Where you live now": "Sleeping on the streets",
        "Somewhere safe to stay tonight": "No, I do not have anywhere safe to stay tonight",
    }
    for never_asked in ("bedrooms", "living-rooms", "shares-facilities", "disrepair", "must-leave"):
        assert f"{APPLY}current-home/{never_asked}" not in walk.seen, never_asked
    section(walk, "addresses", ADDRESSES)
    section(walk, "immigration", [("immigration-status", "british_irish"), ("lived-in-uk-2-years", "yes")])
    section(walk, "money", [("income", "0"), ("take-home-pay", "0"), ("savings", "0"), ("owns-property", "no")])
    health = section(walk, "health", HEALTH)
    assert health["Getting around"] == "Yes, someone finds steps or stairs hard"
    assert health["Health workers who know about it"] == ""
    safety = section(walk, "safety", SAFETY, exit_this_page=True)
    assert safety["Support worker's details"] == "Priya Shah\nExampletown Outreach"
    tenancy = section(walk, "tenancy", TENANCY)
    assert tenancy["Amount of rent owed"] == "£350"

    # The equality questions are optional: he can send without them.
    assert task_status(page, "equality") == "Not yet started"
    expect(page.locator("main")).to_contain_text("You have finished 9 of 10 sections.")
    result = send_application(walk, ("Mark Ellis", "Doorway, 2 Market Square", "Priya Shah", "£350"))
    # Sleeping outside is not itself a need the scheme gives a band for (an officer decides the homelessness duty),
    # so the provisional result says not yet, and the Housing Options team is asked to get in touch.
    assert (result["qualifies"], result["bedrooms"], result["band"]) == (
        "Probably not: see the reasons below",
        "1",
        "No band",
    )
    assert "We have asked the Housing Options team to get in touch about help with homelessness." in result["reasons"]
    assert (
        "We do not look at bedrooms or overcrowding for the kind of place where you are staying now."
        in result["reasons"]
    )

    walk.click(page.locator("main a.govuk-button"))  # Send your evidence
    titles = page.locator("main .govuk-summary-card__title").all_inner_texts()
    assert "Proof of service in the Armed Forces" in titles and "Proof that you have left care" in titles
    assert "A statement of the rent you owe" in titles and "Letters about health problems" in titles
    files = sample_files(tmp_path)
    send_evidence(walk, "Proof of identity for Mark Ellis", files["pdf"])
    send_evidence(walk, "Proof of service in the Armed Forces", files["photo"])
