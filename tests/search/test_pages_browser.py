"""The search pages in a real browser: usable by keyboard, no WCAG 2.1 A/AA violations."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.browser.conftest import (  # noqa: F401  (browser fixtures shared with tests/browser)
    base_url,
    browser_context_args,
    browser_type_launch_args,
    live_server,
)
from tests.search.conftest import HELSINKI, app_config  # noqa: F401

pytestmark = pytest.mark.browser

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def assert_accessible(page: Page) -> None:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    assert not results.response["violations"], results.generate_report()


def test_public_search_by_keyboard(page: Page, live_server: str, activity):  # noqa: F811
    activity("Kielikahvila", "Keskustellaan suomeksi.", languages=["ar", "fi"])
    activity("Läksykerho", languages=["so"])
    page.goto(f"{live_server}/fi/search")
    assert_accessible(page)
    page.get_by_label("Mitä etsit?").fill("kielikahvila")
    page.get_by_label("Kunta", exact=True).select_option(HELSINKI)
    page.get_by_role("search").get_by_role("button").press("Enter")
    expect(page.get_by_role("heading", level=2, name="1 järjestö löytyi")).to_be_visible()
    expect(page.get_by_role("link", name="Kielikahvila")).to_be_visible()
    assert_accessible(page)


def test_koto_page_with_results_is_accessible(page: Page, live_server: str, activity, app):  # noqa: F811
    from coact.extensions import db
    from tests.factories import DEFAULT_PASSWORD, make_user

    activity("Kielikahvila", languages=["ar"], updated_days_ago=500)
    activity("Kielikahvila", languages=["ru"])
    user = make_user("koto_worker")
    db.session.commit()
    page.goto(f"{live_server}/en/login")
    page.fill("#email", user.email)
    page.fill("#password", DEFAULT_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    page.goto(f"{live_server}/en/koto/match?q=kielikahvila&lang=ar&municipality={HELSINKI}")
    expect(page.get_by_text("Not updated since", exact=False).first).to_be_visible()
    expect(page.get_by_role("link", name="Refer the client").first).to_be_visible()
    assert_accessible(page)
