"""Finding an address by postcode on the application, with typing it by hand always there as the way out."""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Any

import pytest
from bs4 import BeautifulSoup

from portal.auth.roles import Role
from tests.address_server import ELM_ROAD, HIGH_STREET, ROSE_COURT, PlacesServer, Reply, places_server, results
from tests.integration.apply_evidence_helpers import sent_for
from tests.integration.apply_helpers import answer, start
from tests.integration.apply_sections_helpers import add_address, facts, parts, start_section, text_of, years_ago

KEY = "integration-key-51c2"
NOT_FOUND = "We could not find addresses for that postcode. Enter the address yourself."


@pytest.fixture
def lookup(app: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[PlacesServer]:
    """The app's address lookup pointed at a local OS Places server for this test only."""
    with places_server() as server:
        monkeypatch.setitem(app.config, "ADDRESS_LOOKUP_URL", server.base_url)
        monkeypatch.setitem(app.config, "ADDRESS_LOOKUP_KEY", KEY)
        yield server


def soup_of(client: Any, path: str) -> BeautifulSoup:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def plain(page: BeautifulSoup) -> str:
    return " ".join(html.unescape(page.get_text(" ", strip=True)).split())


def notice(page: BeautifulSoup) -> str:
    """The words of the inset that says no addresses were found (empty when there is none)."""
    inset = page.select_one(".govuk-inset-text")
    return " ".join(html.unescape(inset.get_text()).split()) if inset is not None else ""


def link(page: BeautifulSoup, text: str) -> str:
    found = page.find("a", string=lambda value: value is not None and value.strip() == text)
    assert found is not None, f"no link {text!r}"
    return str(found["href"])


def radio_for(page: BeautifulSoup, words: str) -> str:
    """The value of the radio whose label begins with these words."""
    for label in page.select("label.govuk-radios__label"):
        if label.get_text(strip=True).startswith(words):
            radio = page.find("input", id=label["for"])
            assert radio is not None
            return str(radio["value"])
    raise AssertionError(f"no address {words!r}")


def test_finding_the_address_saves_it_as_the_address_page_would_and_moves_on(sign_in_as, db_session, lookup):
    lookup.reply = Reply(body=results(ELM_ROAD, ROSE_COURT, HIGH_STREET))
    client = start(sign_in_as)
    manual = start_section(client, "addresses")
    assert manual.endswith("/apply/addresses/new/address")
    find = link(soup_of(client, manual), "Find the address by postcode")
    assert find == "/apply/addresses/new/find-address"
    page = soup_of(client, find)
    assert page.h1.get_text(strip=True) == "What is your address?"
    assert page.find("input", attrs={"name": "postcode", "autocomplete": "postal-code"}) is not None
    assert link(page, "Enter the address yourself") == manual
    assert lookup.requests == []
    chosen = f"{find}?postcode=ex1+1aa"
    page = soup_of(client, chosen)
    assert lookup.queries() == [{"postcode": ["EX11AA"], "key": [KEY]}]
    text = plain(page)
    assert "Select the address" in page.h1.get_text() and "3 addresses found for EX1 1AA." in text
    assert "4 Elm Road, Exampletown, EX1 1AA" in text
    assert "Flat 2, Rose Court, 10 St John's Road, Stoke-on-Trent, EX1 1AA" in text
    assert link(page, "My address is not listed") == manual
    nxt = answer(client, chosen, {"postcode": "EX1 1AA", "address": radio_for(page, "Flat 2, Rose Court")})
    saved = facts(db_session, client)["addresses"]
    assert len(saved) == 1
    assert nxt.endswith(f"/apply/addresses/{saved[0]['id']}/moved-in")
    assert {key: saved[0][key] for key in ("line_1", "line_2", "town", "postcode")} == {
        "line_1": "Flat 2, Rose Court",
        "line_2": "10 St John's Road",
        "town": "Stoke-on-Trent",
        "postcode": "EX1 1AA",
    }
    assert "Flat 2, Rose Court" in text_of(client, nxt)


def test_finding_again_for_an_address_already_given_changes_it_and_goes_on(sign_in_as, db_session, lookup):
    client = start(sign_in_as)
    add_address(client, start_section(client, "addresses"), "1 Old Lane", years_ago(7))
    address_id = facts(db_session, client)["addresses"][0]["id"]
    page = soup_of(client, f"/apply/addresses/{address_id}/address?change=1")
    find = link(page, "Find the address by postcode")
    assert find == f"/apply/addresses/{address_id}/find-address?change=1"
    lookup.reply = Reply(body=results(ELM_ROAD, HIGH_STREET))
    page = soup_of(client, f"/apply/addresses/{address_id}/find-address?postcode=EX11AA&change=1")
    assert link(page, "My address is not listed") == f"/apply/addresses/{address_id}/address?change=1"
    path = f"/apply/addresses/{address_id}/find-address?postcode=EX11AA&change=1"
    nxt = answer(client, path, {"postcode": "EX1 1AA", "address": radio_for(page, "12A High Street")})
    assert nxt.endswith("/apply/addresses/work-in-area?change=1")  # the first question with no answer
    saved = facts(db_session, client)["addresses"]
    assert len(saved) == 1 and saved[0]["id"] == address_id
    assert (saved[0]["line_1"], saved[0]["line_2"], saved[0]["town"]) == (
        "12A High Street",
        "Little Hampton",
        "Newcastle upon Tyne",
    )
    assert saved[0]["moved_in"] == years_ago(7).isoformat()


def test_a_postcode_with_no_addresses_offers_typing_it(sign_in_as, db_session, lookup):
    lookup.reply = Reply(body=results())
    client = start(sign_in_as)
    page = soup_of(client, "/apply/addresses/new/find-address?postcode=EX99+9ZZ")
    assert notice(page) == NOT_FOUND
    assert link(page, "Enter the address yourself") == "/apply/addresses/new/address"
    assert page.find("input", attrs={"name": "postcode"})["value"] == "EX99 9ZZ"
    assert not page.select("input[type=radio]")
    assert facts(db_session, client)["addresses"] == []


@pytest.mark.parametrize("reply", [Reply(status=500, body={"error": {}}), Reply(body=b"not json")])
def test_when_the_lookup_is_unavailable_the_page_says_so_kindly(sign_in_as, db_session, lookup, reply, caplog):
    lookup.reply = reply
    client = start(sign_in_as)
    response = client.get("/apply/addresses/new/find-address?postcode=EX1+1AA")
    assert response.status_code == 200
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert notice(page) == NOT_FOUND
    assert link(page, "Enter the address yourself") == "/apply/addresses/new/address"
    assert KEY not in response.get_data(as_text=True)
    assert "Address lookup unavailable" in caplog.text and KEY not in caplog.text
    path = "/apply/addresses/new/find-address?postcode=EX1+1AA"
    lookup.reply = Reply(body=results(ELM_ROAD))
    page = soup_of(client, path)
    form = {"postcode": "EX1 1AA", "address": radio_for(page, "4 Elm Road"), "csrf_token": client.csrf_token(path)}
    lookup.reply = reply  # the lookup stops answering between showing the list and choosing
    response = client.post(path, data=form)
    assert response.status_code == 200 and notice(BeautifulSoup(response.data, "html.parser")) == NOT_FOUND
    assert facts(db_session, client)["addresses"] == []


def test_mistakes_are_explained(sign_in_as, db_session, lookup):
    lookup.reply = Reply(body=results(ELM_ROAD))
    client = start(sign_in_as)
    page = soup_of(client, "/apply/addresses/new/find-address?postcode=ABC")
    assert "Enter a real postcode, like SW1A 1AA" in page.select_one(".govuk-error-summary").get_text()
    page = soup_of(client, "/apply/addresses/new/find-address?postcode=")
    assert "Enter the postcode" in page.select_one(".govuk-error-summary").get_text()
    assert lookup.requests == []
    path = "/apply/addresses/new/find-address?postcode=EX1+1AA"
    response = client.post_form(path, {"postcode": "EX1 1AA"})
    assert response.status_code == 200
    summary = BeautifulSoup(response.data, "html.parser").select_one(".govuk-error-summary")
    assert "Select the address, or choose My address is not listed" in summary.get_text()
    response = client.post_form(path, {"postcode": "EX1 1AA", "address": "made-up"})
    assert response.status_code == 200
    response = client.post(path, data={"postcode": "EX1 1AA", "address": radio_for(soup_of(client, path), "4 Elm")})
    assert response.status_code == 400  # no CSRF token
    assert facts(db_session, client)["addresses"] == []


def test_without_a_lookup_the_page_sends_people_to_type_the_address(sign_in_as, app, monkeypatch):
    monkeypatch.setitem(app.config, "ADDRESS_LOOKUP_URL", "")
    client = start(sign_in_as)
    assert "Find the address by postcode" not in text_of(client, "/apply/addresses/new/address")
    response = client.get("/apply/addresses/new/find-address?postcode=EX1+1AA")
    assert response.status_code == 302 and response.headers["Location"].endswith("/apply/addresses/new/address")
    response = client.get("/apply/addresses/new/find-address?change=1")
    assert response.headers["Location"].endswith("/apply/addresses/new/address?change=1")


def test_a_wrong_lookup_address_switches_the_lookup_off_and_typing_still_works(sign_in_as, app, monkeypatch, caplog):
    monkeypatch.setitem(app.config, "ADDRESS_LOOKUP_URL", "ftp://places.example")
    monkeypatch.setitem(app.config, "ADDRESS_LOOKUP_KEY", KEY)
    client = start(sign_in_as)
    assert "Find the address by postcode" not in text_of(client, "/apply/addresses/new/address")
    response = client.get("/apply/addresses/new/find-address?postcode=EX1+1AA")
    assert response.status_code == 302 and response.headers["Location"].endswith("/apply/addresses/new/address")
    assert "ADDRESS_LOOKUP_URL is not usable" in caplog.text and KEY not in caplog.text


def test_the_link_is_only_on_the_address_page(sign_in_as, db_session, lookup):
    client = start(sign_in_as)
    nxt = answer(
        client,
        start_section(client, "addresses"),
        {"line_1": "4 Elm Road", "line_2": "", "town": "Exampletown", "postcode": "EX1 1AA"},
    )
    assert nxt.endswith("/moved-in")
    assert "Find the address by postcode" not in text_of(client, nxt)
    answer(client, nxt, {"moved_in": parts(years_ago(7))})
    assert "Find the address by postcode" not in text_of(client, "/apply/about-you/date-of-birth")


def test_nobody_can_use_another_applicants_address(sign_in_as, db_session, lookup):
    lookup.reply = Reply(body=results(ELM_ROAD))
    owner = start(sign_in_as)
    add_address(owner, start_section(owner, "addresses"), "1 Old Lane", years_ago(7))
    address_id = facts(db_session, owner)["addresses"][0]["id"]
    other = start(sign_in_as)
    path = f"/apply/addresses/{address_id}/find-address"
    assert other.get(path).status_code == 404
    assert other.get(f"{path}?postcode=EX1+1AA").status_code == 404
    own = "/apply/addresses/new/find-address?postcode=EX1+1AA"
    token = other.csrf_token(own)
    value = radio_for(soup_of(other, own), "4 Elm Road")
    response = other.post(path, data={"postcode": "EX1 1AA", "address": value, "csrf_token": token})
    assert response.status_code == 404
    assert facts(db_session, owner)["addresses"][0]["line_1"] == "1 Old Lane"
    assert other.get("/apply/addresses/a999999/find-address").status_code == 404


def test_only_an_applicant_with_a_draft_can_find_an_address(app, sign_in_as, db_session, lookup):
    no_application = sign_in_as(Role.APPLICANT)
    assert no_application.get("/apply/addresses/new/find-address").status_code == 404
    sent, _application = sent_for(sign_in_as, db_session)
    assert sent.get("/apply/addresses/new/find-address?postcode=EX1+1AA").status_code == 404
    assert sign_in_as(Role.OFFICER).get("/apply/addresses/new/find-address").status_code == 403
    response = app.test_client().get("/apply/addresses/new/find-address")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]
    assert lookup.requests == []
