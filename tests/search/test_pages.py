"""The public search page and the KOTO worker's matching page, in fi/sv/en."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from flask_babel import refresh

from tests.search.conftest import HELSINKI


def page(client, url: str):
    response = client.get(url)
    refresh()
    return response


@pytest.mark.parametrize(
    ("locale", "heading", "why"),
    [
        ("fi", "Hae toimintaa", "Miksi:"),
        ("sv", "Sök verksamhet", "Varför:"),
        ("en", "Search activities", "Why:"),
    ],
)
def test_public_search_page(client, activity, locale, heading, why):
    activity("Kielikahvila", languages=["ar"])
    response = page(client, f"/{locale}/search?q=kielikahvila&lang=ar&municipality={HELSINKI}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert f"<h1>{heading}</h1>" in html
    assert "Kielikahvila" in html
    assert why in html
    assert "/referrals/new" not in html


def test_public_page_without_a_query_shows_the_form_only(client):
    response = page(client, "/fi/search")
    assert response.status_code == 200
    assert 'name="q"' in response.get_data(as_text=True)
    assert "result-list" not in response.get_data(as_text=True)


def test_public_page_reports_bad_input_in_the_page_language(client):
    response = page(client, "/sv/search?municipality=999")
    assert response.status_code == 400
    assert "Okänd kommunkod" in response.get_data(as_text=True)
    response = page(client, "/fi/search?q=kahvila&page=0")
    assert response.status_code == 400
    assert "Sivunumero ei kelpaa." in response.get_data(as_text=True)


def test_public_page_pages(client, activity):
    for i in range(12):
        activity(f"Kielikahvila {i}")
    first = page(client, "/en/search?q=kielikahvila").get_data(as_text=True)
    assert 'rel="next"' in first
    second = page(client, "/en/search?q=kielikahvila&page=2")
    assert second.status_code == 200
    assert '<ol class="result-list" start="11">' in second.get_data(as_text=True)


def test_koto_page_needs_a_county_worker(client, login_as):
    assert page(client, "/fi/koto/match").status_code in (302, 401)
    login_as("ngo_editor")
    assert page(client, "/fi/koto/match").status_code == 403


@pytest.mark.parametrize("role", ["koto_worker", "coordinator", "admin"])
def test_koto_page_for_county_staff_and_admins(client, login_as, role):
    login_as(role)
    response = page(client, "/en/koto/match")
    assert response.status_code == 200
    assert "The client's needs in your own words" in response.get_data(as_text=True)


def test_koto_page_offers_a_referral_with_the_match_context(app, client, login_as, activity):
    service = activity("Kielikahvila", languages=["ar"])
    login_as("koto_worker")
    html = page(
        client,
        f"/fi/koto/match?q=kielikahvila&lang=ar&municipality={HELSINKI}&theme=finnish_language",
    ).get_data(as_text=True)
    assert "referrals.new" in app.view_functions
    start = html.index('href="/fi/referrals/new?')
    link = html[start + 6 : html.index('"', start + 6)].replace("&amp;", "&")
    args = parse_qs(urlparse(link).query)
    assert args["organization"] == [service.organization.public_id]
    assert args["service"] == [service.public_id]
    assert args["q"] == ["kielikahvila"]
    assert args["lang"] == ["ar"]
    assert args["municipality"] == [HELSINKI]
    assert args["theme"] == ["finnish_language"]


def test_coordinators_see_no_referral_action(client, login_as, activity):
    activity("Kielikahvila")
    login_as("coordinator")
    html = page(client, "/fi/koto/match?q=kielikahvila").get_data(as_text=True)
    assert "Kielikahvila" in html
    assert "/referrals/new" not in html
