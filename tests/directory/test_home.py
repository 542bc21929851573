"""The root redirect and the home page in every locale."""

import pytest

from coact.extensions import db
from coact.reference import themes
from tests.directory.conftest import LOCALES, element, elements, html_lang, visible_text
from tests.factories import make_organization, make_service

HEADINGS = {
    "fi": "Löydä kotoutumista tukevaa toimintaa",
    "sv": "Hitta verksamhet som stöder integration",
    "en": "Find activities that support integration",
}


@pytest.mark.parametrize(
    ("accept", "expected"),
    [("sv-FI,sv;q=0.9,en;q=0.5", "/sv/"), ("en-GB", "/en/"), ("de, ru", "/fi/"), (None, "/fi/")],
)
def test_root_redirects_to_the_best_enabled_locale(client, accept, expected):
    headers = {"Accept-Language": accept} if accept else {}
    response = client.get("/", headers=headers)
    assert response.status_code == 302
    assert response.headers["Location"] == expected
    assert "Accept-Language" in response.headers["Vary"]


@pytest.mark.parametrize("locale", LOCALES)
def test_home_page_in_each_locale(client, locale):
    org = make_organization()
    make_service(org)
    make_service(org, status="inactive")
    make_organization(status="inactive")
    db.session.commit()

    response = client.get(f"/{locale}/")
    html = response.get_data(as_text=True)

    assert response.status_code == 200
    assert html_lang(html) == (locale, "ltr")
    assert element(html, "h1").text == HEADINGS[locale]
    text = visible_text(html)
    counts = {"fi": "1 järjestö, 1 toimintamuoto", "sv": "1 organisation, 1 verksamhet"}
    assert counts.get(locale, "1 organisation, 1 activity") in text


def test_home_search_box_goes_to_the_search_page(client):
    html = client.get("/en/").get_data(as_text=True)
    form = element(html, "form", role="search")
    assert form.attrs["method"] == "get"
    assert form.attrs["action"] == "/en/search"
    field = element(html, "input", name="q")
    assert element(html, "label", for_=field.attrs["id"]).text == "Search by name or keyword"


def test_home_links_to_browsing_by_every_theme(client):
    html = client.get("/sv/").get_data(as_text=True)
    theme_links = [a for a in elements(html, "a") if "theme=" in (a.attrs.get("href") or "")]
    assert len(theme_links) == len(themes())
    by_text = {a.text: a.attrs["href"] for a in theme_links}
    assert by_text["Finska språket"] == "/sv/search?theme=finnish_language"


def test_unknown_locale_is_not_found(client):
    response = client.get("/xx/", headers={"Accept-Language": "sv"})
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert html_lang(html)[0] == "sv"
    assert element(html, "h1").text == "Sidan hittades inte"
