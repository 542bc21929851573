"""The base layout: lang and dir, language switcher, navigation by role, flash messages."""

import pytest
from flask import Blueprint, flash, render_template_string

from coact.models import ROLE_ADMIN, ROLE_COORDINATOR, ROLE_KOTO_WORKER, ROLE_NGO_EDITOR
from coact.navigation import EVERYONE, NAV_ITEMS, NavItem
from tests.directory.conftest import LOCALES, element, elements, html_lang


def switcher_links(html: str) -> dict[str, dict]:
    nav = html.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    return {a.attrs["hreflang"]: {**a.attrs, "text": a.text} for a in elements(nav, "a")}


def menu(html: str) -> list[str]:
    if 'class="site-nav"' not in html:
        return []
    nav = html.split('class="site-nav"', 1)[1].split("</nav>", 1)[0]
    return [a.text for a in elements(nav, "a")] + [b.text for b in elements(nav, "button")]


@pytest.mark.parametrize("locale", LOCALES)
def test_html_lang_and_dir_follow_the_locale(client, locale):
    html = client.get(f"/{locale}/organizations").get_data(as_text=True)
    assert html_lang(html) == (locale, "ltr")
    assert element(html, "a", class_="skip-link").attrs["href"] == "#main"
    assert element(html, "main").attrs["id"] == "main"


def test_right_to_left_locale_sets_dir_rtl(client, monkeypatch):
    import coact.i18n

    monkeypatch.setattr(coact.i18n, "text_direction", lambda locale: "rtl")
    html = client.get("/en/").get_data(as_text=True)
    assert html_lang(html) == ("en", "rtl")


def test_language_switcher_links_to_the_same_page_with_the_same_query(client):
    html = client.get("/fi/organizations?lang=ar&municipality=091&page=1").get_data(as_text=True)
    links = switcher_links(html)

    assert list(links) == ["fi", "sv", "en"]
    assert links["sv"]["href"] == "/sv/organizations?lang=ar&municipality=091&page=1"
    assert links["en"]["href"] == "/en/organizations?lang=ar&municipality=091&page=1"
    assert {code: link["text"] for code, link in links.items()} == {
        "fi": "Suomi",
        "sv": "Svenska",
        "en": "English",
    }
    assert all(link["lang"] == code for code, link in links.items())
    assert links["fi"]["aria-current"] == "true"
    assert "aria-current" not in links["sv"]
    nav = element(html, "nav", class_="language-switcher")
    assert nav.attrs["aria-label"] == "Kieli"
    alternates = {
        link.attrs["hreflang"]: link.attrs["href"]
        for link in elements(html, "link", rel="alternate")
    }
    assert alternates == {"sv": links["sv"]["href"], "en": links["en"]["href"]}


def test_language_switcher_on_a_record_page_keeps_the_record(client, org_with_activity):
    org, _ = org_with_activity
    html = client.get(f"/sv/organizations/{org.public_id}").get_data(as_text=True)
    assert switcher_links(html)["fi"]["href"] == f"/fi/organizations/{org.public_id}"


def test_language_switcher_on_an_unmatched_address_goes_to_each_home(client):
    html = client.get("/en/no-such-page").get_data(as_text=True)
    assert {code: link["href"] for code, link in switcher_links(html).items()} == {
        "fi": "/fi/",
        "sv": "/sv/",
        "en": "/en/",
    }


@pytest.fixture
def staff_pages(app):
    """Register stand-ins for the staff endpoints the menu knows, as optional features do."""
    for item in NAV_ITEMS:
        if item.endpoint not in app.view_functions:
            app.add_url_rule(f"/<lang>/test/{item.endpoint}", item.endpoint, lambda: "stand-in")


EXPECTED_MENUS = {
    None: ["Organisations", "Search", "Log in"],
    ROLE_NGO_EDITOR: [
        "Organisations",
        "Search",
        "My organisations",
        "Referrals",
        "Advance notices",
        "Visits",
        "Referral statistics",
        "My account",
        "Log out",
    ],
    ROLE_KOTO_WORKER: [
        "Organisations",
        "Search",
        "Find an activity for a client",
        "Referrals",
        "Advance notices",
        "Visits",
        "My account",
        "Log out",
    ],
    ROLE_COORDINATOR: [
        "Organisations",
        "Search",
        "Find an activity for a client",
        "Advance notices",
        "Visits",
        "Referral statistics",
        "Referral audit log",
        "Imports",
        "My account",
        "Log out",
    ],
    ROLE_ADMIN: [
        "Organisations",
        "Search",
        "Find an activity for a client",
        "My organisations",
        "Referral audit log",
        "Imports",
        "Users",
        "KOTO teams",
        "My account",
        "Log out",
    ],
}


@pytest.mark.parametrize("role", list(EXPECTED_MENUS))
def test_menu_shows_registered_pages_for_the_role(client, login_as, staff_pages, role):
    if role:
        login_as(role)
    html = client.get("/en/").get_data(as_text=True)
    assert menu(html) == EXPECTED_MENUS[role]


def test_menu_leaves_out_features_that_are_not_installed(client, monkeypatch):
    import coact.navigation

    missing = NavItem("gardening.plots", "Allotments", (EVERYONE,))
    monkeypatch.setattr(coact.navigation, "NAV_ITEMS", (*NAV_ITEMS, missing))
    html = client.get("/en/").get_data(as_text=True)
    assert "Allotments" not in menu(html)
    assert "Organisations" in menu(html)


def test_current_page_is_marked_in_the_menu(client):
    html = client.get("/en/organizations").get_data(as_text=True)
    nav = html.split('class="site-nav"', 1)[1].split("</nav>", 1)[0]
    assert element(nav, "a", **{"aria-current": "page"}).text == "Organisations"


def test_post_only_menu_item_is_a_form_with_csrf_token(app, client, login_as):
    if "auth.logout" not in app.view_functions:
        pytest.skip("log-out page not installed")
    login_as(ROLE_NGO_EDITOR)
    html = client.get("/en/").get_data(as_text=True)
    nav = html.split('class="site-nav"', 1)[1].split("</nav>", 1)[0]
    form = element(nav, "form")
    assert form.attrs["method"] == "post"
    with app.test_request_context("/en/"):
        assert form.attrs["action"] == app.url_for("auth.logout", lang="en")
    assert element(nav, "input", name="csrf_token").attrs["type"] == "hidden"


def test_flash_messages_say_their_kind_in_words(app, client):
    blueprint = Blueprint("flashing", __name__)

    @blueprint.get("/<lang>/flash-test")
    def page():
        flash("Saved the profile.", "success")
        flash("The address was wrong.", "error")
        return render_template_string('{% extends "base.html" %}{% block title %}T{% endblock %}')

    app.register_blueprint(blueprint)
    html = client.get("/fi/flash-test").get_data(as_text=True)
    success = element(html, "div", class_="flash flash--success")
    error = element(html, "div", class_="flash flash--error")
    assert success.attrs["role"] == "status"
    assert success.text == "Valmis: Saved the profile."
    assert error.attrs["role"] == "alert"
    assert error.text == "Virhe: The address was wrong."
