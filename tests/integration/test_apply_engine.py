"""The application's question pages: one a page, saved as you go, in order, with lists of people."""

from __future__ import annotations

from tests.integration.apply_helpers import answer, start


def test_about_you_walks_in_order_and_lands_on_check(sign_in_as):
    client = start(sign_in_as, full_name="Amina Rahman")
    assert client.get("/apply/about-you/").headers["Location"].endswith("/apply/about-you/date-of-birth")
    nxt = answer(client, "/apply/about-you/date-of-birth", {"date_of_birth": ["3", "4", "1990"]})
    assert nxt.endswith("/apply/about-you/sex")
    nxt = answer(client, "/apply/about-you/sex", {"sex": "female"})
    nxt = answer(client, nxt, {"ni_number": "qq 12 34 56 c"})
    nxt = answer(client, nxt, {"phone": ""})
    nxt = answer(client, nxt, {"interpreter": "yes"})
    assert nxt.endswith("/apply/about-you/interpreter-language")
    nxt = answer(client, nxt, {"interpreter_language": "Bengali"})
    assert nxt.endswith("/apply/about-you/check")
    page = client.get(nxt).get_data(as_text=True)
    assert "QQ123456C" in page and "Bengali" in page and "3 April 1990" in page
    nxt = answer(client, nxt, {"complete": "yes"})
    assert client.get("/apply/").get_data(as_text=True).count("Completed") >= 1


def test_household_adds_people_and_asks_again(sign_in_as):
    client = start(sign_in_as)
    nxt = answer(client, "/apply/household/anyone-else", {"anyone_else": "yes"})
    assert nxt.endswith("/apply/household/new/full-name")
    nxt = answer(client, nxt, {"full_name": "Omar Rahman"})
    assert "/apply/household/p" in nxt and nxt.endswith("/date-of-birth")
    nxt = answer(client, nxt, {"date_of_birth": ["1", "2", "2015"]})
    nxt = answer(client, nxt, {"sex": "male"})
    nxt = answer(client, nxt, {"relationship": "child"})
    nxt = answer(client, nxt, {"lives_with_you": "yes"})
    assert nxt.endswith("/apply/household/another")
    nxt = answer(client, nxt, {"add_another": "no"})
    assert nxt.endswith("/apply/household/check") or nxt.endswith("/pregnant")


def test_another_applicant_cannot_reach_people_or_addresses_by_guessing_ids(sign_in_as, db_session):
    from portal.data.applications import application_for

    owner = start(sign_in_as)
    nxt = answer(owner, "/apply/household/anyone-else", {"anyone_else": "yes"})
    nxt = answer(owner, nxt, {"full_name": "Omar Rahman"})
    person = nxt.split("/")[-2]
    address = answer(
        owner, "/apply/addresses/new/address", {"line_1": "1 Mill Lane", "town": "Exampleton", "postcode": "EX1 1AA"}
    )
    address_id = address.split("/")[-2]
    other = start(sign_in_as)
    for path in (
        f"/apply/household/{person}/full-name",
        f"/apply/household/{person}/remove",
        f"/apply/addresses/{address_id}/moved-in",
        f"/apply/addresses/{address_id}/remove",
    ):
        assert other.get(path).status_code == 404, path
        token = other.csrf_token("/apply/about-you/sex")
        assert other.post(path, data={"csrf_token": token, "full_name": "Changed", "confirm": "yes"}).status_code == 404
    db_session.expire_all()
    people = application_for(db_session, owner.user.id).people
    assert [p.full_name for p in people][1:] == ["Omar Rahman"]
    assert len(application_for(db_session, owner.user.id).addresses) == 1
