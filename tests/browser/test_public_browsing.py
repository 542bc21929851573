"""A visitor browses the public directory in a real browser, without logging in."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from coact.extensions import db
from tests.factories import make_organization, make_service

pytestmark = pytest.mark.browser

#: axe-core rule tags for WCAG 2.0 and 2.1, levels A and AA.
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def directory(app):
    arabic = make_organization(
        name={"fi": "Monikulttuurinen yhdistys Silta", "sv": "Mångkulturella föreningen Bron"},
        description={"fi": "Silta tukee kotoutumista.", "sv": "Bron stöder integration."},
        contact_name="Aisha Mohamed",
        contact_email="aisha@example.org",
        city="Helsinki",
    )
    make_service(
        arabic,
        name={"fi": "Kielikahvila", "sv": "Språkcafé"},
        languages=["ar", "fi"],
        themes=["finnish_language"],
    )
    finnish = make_organization(name={"fi": "Suomenkielinen kerho ry"})
    make_service(finnish, languages=["fi"])
    db.session.commit()
    return arabic


def assert_accessible(page: Page) -> None:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    violations = results.response["violations"]
    assert not violations, results.generate_report()


def test_visitor_switches_to_swedish_filters_by_language_and_opens_an_organisation(
    page: Page, live_server: str, directory
):
    page.goto(f"{live_server}/")
    expect(page).to_have_url(f"{live_server}/fi/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Löydä kotoutumista tukevaa toimintaa"
    )
    expect(page.locator("html")).to_have_attribute("lang", "fi")
    assert_accessible(page)

    page.get_by_role("navigation", name="Kieli").get_by_role("link", name="Svenska").click()
    expect(page).to_have_url(f"{live_server}/sv/")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Hitta verksamhet som stöder integration"
    )

    page.get_by_role("link", name="Bläddra bland alla organisationer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Organisationer")
    expect(page.get_by_role("heading", name="2 organisationer hittades")).to_be_visible()

    page.get_by_label("Verksamhetens språk").select_option(label="arabiska")
    page.get_by_role("button", name="Visa organisationer").click()
    expect(page).to_have_url(
        f"{live_server}/sv/organizations?q=&municipality=&lang=ar&theme=&target_group="
    )
    expect(page.get_by_role("heading", name="1 organisation hittades")).to_be_visible()
    expect(page.get_by_role("link", name="Suomenkielinen kerho ry")).to_have_count(0)
    expect(page.get_by_label("Verksamhetens språk")).to_have_value("ar")
    assert_accessible(page)

    page.get_by_role("link", name="Mångkulturella föreningen Bron").click()
    expect(page).to_have_url(f"{live_server}/sv/organizations/{directory.public_id}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mångkulturella föreningen Bron")
    expect(page.get_by_text("Bron stöder integration.")).to_be_visible()
    expect(page.get_by_role("heading", name="Kontaktuppgifter")).to_be_visible()
    expect(page.get_by_role("link", name="aisha@example.org")).to_be_visible()
    expect(page.get_by_role("link", name="Språkcafé")).to_be_visible()
    assert_accessible(page)


def test_invalid_filter_is_explained_and_accessible(page: Page, live_server: str, directory):
    page.goto(f"{live_server}/en/organizations?municipality=999")
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("“999” is not a municipality code.")
    summary.get_by_role("link").click()
    expect(page.get_by_label("Municipality")).to_be_focused()
    assert_accessible(page)


def test_error_page_is_accessible(page: Page, live_server: str, app):
    response = page.goto(f"{live_server}/sv/no-such-page")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Sidan hittades inte")
    assert_accessible(page)


def test_keyboard_user_can_skip_to_the_content(page: Page, live_server: str, app):
    page.goto(f"{live_server}/en/organizations")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server}/en/organizations#main")
