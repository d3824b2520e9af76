"""Property alerts: saving the search on the homes page, the list of saved searches, stopping one, and
``flask homes send-alerts`` emailing each new matching home once, in the person's language."""

from __future__ import annotations

from sqlalchemy import select

from portal.auth.roles import Role
from portal.data.letting_models import AlertSent, SavedSearch
from tests.integration.homes_helpers import main_text, signed_in_household, soup_of
from tests.integration.lettings_helpers import a_cycle, an_advert


def save(client, **filters):
    data = {key: value for key, value in filters.items()}
    return client.post_form("/homes/alerts", data, token_from="/homes/")


def searches_of(db_session, user):
    db_session.expire_all()
    return list(db_session.scalars(select(SavedSearch).where(SavedSearch.user_id == user.id).order_by(SavedSearch.id)))


def send_alerts(app):
    return app.test_cli_runner().invoke(args=["homes", "send-alerts"])


def test_a_search_is_saved_once_and_listed_in_words(app, db_session, make_user):
    client, _household = signed_in_household(app, db_session, make_user)
    response = save(client, tenure=["social_rent", "castle"], area="Popley", min_bedrooms="2", max_weekly_rent="150")
    assert response.headers["Location"] == "/homes/alerts"
    text = main_text(client, "/homes/alerts")
    assert "Search saved. We will email you when a new home matches it." in text
    for shown in ("Renting or buying Social rent", "Area Popley", "Bedrooms 2 or more bedrooms", "£150 a week"):
        assert shown in text, shown
    [search] = searches_of(db_session, client.user)
    assert search.filters["tenure"] == ["social_rent"] and search.filters["area"] == "Popley"
    save(client, area="Popley", tenure="social_rent", max_weekly_rent="150.00", min_bedrooms="2")
    assert "You had already saved this search." in main_text(client, "/homes/alerts")
    assert len(searches_of(db_session, client.user)) == 1
    link = soup_of(client.get("/homes/alerts")).select_one(".govuk-summary-card__actions a")["href"]
    assert link.startswith("/homes/?") and "area=Popley" in link and "tenure=social_rent" in link


def test_stopping_a_search(app, db_session, make_user):
    client, _household = signed_in_household(app, db_session, make_user)
    save(client, area="Popley")
    [search] = searches_of(db_session, client.user)
    other, _other = signed_in_household(app, db_session, make_user)
    assert other.post_form(f"/homes/alerts/{search.id}/delete", {}, token_from="/homes/").status_code == 404
    assert len(searches_of(db_session, client.user)) == 1
    response = client.post_form(f"/homes/alerts/{search.id}/delete", {}, token_from="/homes/alerts")
    assert response.headers["Location"] == "/homes/alerts"
    text = main_text(client, "/homes/alerts")
    assert "We will not email you about that search any more." in text and "You have not saved any searches" in text
    assert searches_of(db_session, client.user) == []


def test_alerts_are_for_applicants(client, sign_in_as):
    assert client.get("/homes/alerts").headers["Location"].startswith("/sign-in")
    assert sign_in_as(Role.OFFICER).get("/homes/alerts").status_code == 403


def test_send_alerts_emails_each_new_matching_home_once(app, db_session, make_user, outbox):
    cycle = a_cycle(db_session)
    seen_already = an_advert(db_session, cycle=cycle, area="Popley")
    client, _household = signed_in_household(app, db_session, make_user)
    save(client, area="Popley")
    new_home = an_advert(db_session, cycle=cycle, area="Popley", address_line_1="9 New Road")
    an_advert(db_session, cycle=cycle, area="Oakridge")
    an_advert(db_session, status="ready", cycle=a_cycle(db_session, status="planned"), area="Popley")
    result = send_alerts(app)
    assert result.exit_code == 0, result.output
    assert "Sent 1 property alert email." in result.output
    [message] = outbox()
    assert message["To"] == client.user.email
    assert message["Subject"] == "A new home matches your saved search"
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "9 New Road, Popley" in body and "£110 a week" in body
    assert f"/homes/{new_home.reference}" in body and "/homes/alerts" in body
    assert f"/homes/{seen_already.reference}" not in body
    [search] = searches_of(db_session, client.user)
    sent = set(db_session.scalars(select(AlertSent.advert_id).where(AlertSent.saved_search_id == search.id)))
    assert new_home.id in sent
    again = send_alerts(app)
    assert "Sent 0 property alert emails." in again.output
    assert len(outbox()) == 1


def test_alerts_are_written_in_the_persons_language(app, db_session, make_user, outbox):
    cycle = a_cycle(db_session)
    client, _household = signed_in_household(app, db_session, make_user)
    client.user.preferred_locale = "pl"
    db_session.flush()
    save(client, area="Popley")
    an_advert(db_session, cycle=cycle, area="Popley")
    assert send_alerts(app).exit_code == 0
    [message] = outbox()
    body = message.get_body(preferencelist=("plain",)).get_content()
    # Dates follow the language's own month names, so the whole email was written in Polish.
    polish_months = (
        "stycznia",
        "lutego",
        "marca",
        "kwietnia",
        "maja",
        "czerwca",
        "lipca",
        "sierpnia",
        "września",
        "października",
        "listopada",
        "grudnia",
    )
    assert any(month in body for month in polish_months)
