"""An NGO editor logs in and updates a profile in a real browser."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from coact.extensions import db
from coact.models import ROLE_NGO_EDITOR, Organization, Service
from tests.factories import make_organization, make_service, make_user

pytestmark = pytest.mark.browser

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def assert_accessible(page: Page) -> None:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    assert not results.response["violations"], results.generate_report()


@pytest.fixture
def profile(app):
    org = make_organization(name={"fi": "Silta ry", "ar": "جمعية الجسر"})
    service = make_service(org, name={"fi": "Kielikahvila"}, languages=["fi", "ar"])
    make_user(ROLE_NGO_EDITOR, email="silta@example.org", organizations=[org])
    db.session.commit()
    return org, service


def test_editor_updates_organisation_and_activity(page: Page, live_server: str, profile):
    org, service = profile
    page.goto(f"{live_server}/fi/login")
    assert_accessible(page)
    page.get_by_label("Sähköpostiosoite").fill("silta@example.org")
    page.get_by_label("Salasana").fill("password")
    page.get_by_role("button", name="Kirjaudu sisään").click()
    expect(page).to_have_url(f"{live_server}/fi/manage/")
    page.get_by_role("link", name="Silta ry").click()
    page.get_by_role("link", name="Muokkaa järjestön tietoja").click()
    assert_accessible(page)
    expect(page.locator('input[name="name__ar"]')).to_have_attribute("dir", "rtl")

    page.get_by_label("Lisää kieli").fill("so")
    page.get_by_role("button", name="Lisää kentät tälle kielelle").click()
    page.locator('input[name="name__so"]').fill("Ururka Buundada")
    page.get_by_label("Puhelinnumero").fill("09 123 4567")
    page.get_by_role("button", name="Tallenna muutokset").click()
    expect(page.get_by_text("Muutokset tallennettiin.")).to_be_visible()

    page.get_by_role("link", name="Kielikahvila").click()
    assert_accessible(page)
    page.get_by_role("group", name="Kielet, joilla toimintaa järjestetään").get_by_label(
        "somali"
    ).check()
    page.get_by_label("Muut kielet").fill("xx9")
    page.get_by_role("button", name="Tallenna muutokset").click()
    expect(page.get_by_text("Tuntematon kielikoodi: xx9.").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Muut kielet").fill("tr")
    page.get_by_role("button", name="Tallenna muutokset").click()
    expect(page.get_by_text("Muutokset tallennettiin.")).to_be_visible()

    db.session.expire_all()
    stored_org = db.session.get(Organization, org.id)
    assert stored_org.name["so"] == "Ururka Buundada"
    assert sorted(stored_org.manual_fields) == ["name", "phone"]
    stored_service = db.session.get(Service, service.id)
    assert sorted(stored_service.languages) == ["ar", "fi", "so", "tr"]
    assert stored_service.manual_fields == ["languages"]
