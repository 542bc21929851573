"""The whole client-work loop in real Chromium, with CSRF protection on:
matching → refer → consent → send; the NGO accepts, arranges a meeting, completes."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from flask_babel import force_locale
from playwright.sync_api import Page, expect

from coact.extensions import db
from coact.models import AREA_MUNICIPALITY
from coact.referrals.lifecycle import STATUS_LABELS
from tests.factories import DEFAULT_PASSWORD, make_organization, make_service, make_team, make_user

pytestmark = pytest.mark.browser

#: axe-core rule tags for WCAG 2.0 and 2.1, levels A and AA.
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CLIENT_NAME = "Amina Testinen"
CLIENT_PHONE = "040 765 4321"


@pytest.fixture
def app_config():
    return {"WTF_CSRF_ENABLED": True}


def _label(status: str) -> str:
    with force_locale("fi"):
        return str(STATUS_LABELS[status])


def _assert_accessible(page: Page) -> None:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    assert not results.response["violations"], results.generate_report()


def _log_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/fi/login")
    page.fill("#email", email)
    page.fill("#password", DEFAULT_PASSWORD)
    page.click("main form button[type=submit]")
    expect(page.locator("main")).to_be_visible()


@pytest.fixture
def people(app):
    org = make_organization(
        name={"fi": "Kielikahvila ry"}, contact_email="kahvila@example.org", municipality_code="092"
    )
    make_service(
        org,
        name={"fi": "Suomen kielen keskustelukerho"},
        description={"fi": "Harjoittele suomen kieltä keskustellen. Tukea myös darin kielellä."},
        languages=("fi", "prs"),
        themes=("finnish_language",),
        accepts_referrals=True,
        areas=((AREA_MUNICIPALITY, "092"),),
    )
    team = make_team("Vantaan KOTO", county_code="04")
    koto = make_user("koto_worker", team_id=team.id, county_code="04", name="Kaisa Koto")
    ngo = make_user("ngo_editor", organizations=[org], name="Noora NGO")
    db.session.commit()
    return koto, ngo


def test_referral_loop(live_server, browser, people):
    koto, ngo = people
    worker = browser.new_context(locale="fi-FI").new_page()
    _log_in(worker, live_server, koto.email)

    # Matching page → Refer.
    worker.goto(f"{live_server}/fi/koto/match?q=suomen+kieli&lang=prs&municipality=092")
    refer = worker.locator("a[href*='/referrals/new']").first
    expect(refer).to_be_visible()
    refer.click()
    expect(worker.locator("#need_text")).to_have_value("suomen kieli")
    expect(worker.locator("input[name=languages][value=prs]")).to_be_checked()
    _assert_accessible(worker)
    worker.click("main form button[type=submit]")

    # Draft → consent.
    expect(worker.locator("#referral-status")).to_have_text(_label("draft"))
    worker.click("a[href$='/consent']")
    _assert_accessible(worker)
    for item in ("name", "phone", "preferred_language"):
        worker.check(f"input[name=data_items][value={item}]")
    worker.fill("#name", CLIENT_NAME)
    worker.fill("#phone", CLIENT_PHONE)
    worker.select_option("#preferred_language", "prs")
    worker.check("input[name=method][value=oral_interpreter]")
    worker.select_option("#interpreter_language", "prs")
    worker.check("#told_refusal_is_free")
    worker.check("#client_agreed")
    worker.click("main form button[type=submit]")
    expect(worker.locator("#client-data")).to_contain_text(CLIENT_NAME)

    # Send.
    worker.click("form[action$='/status/send'] button[type=submit]")
    expect(worker.locator("#referral-status")).to_have_text(_label("sent"))
    referral_url = worker.url

    # The NGO: inbox → contact details → accept → meeting → completed.
    editor = browser.new_context(locale="fi-FI").new_page()
    _log_in(editor, live_server, ngo.email)
    editor.goto(f"{live_server}/fi/referrals/inbox")
    _assert_accessible(editor)
    editor.click("main table a[href*='/referrals/']")
    expect(editor.locator("#client-data")).to_contain_text(CLIENT_NAME)
    expect(editor.locator("#client-data")).to_contain_text(CLIENT_PHONE)
    _assert_accessible(editor)
    editor.click("form[action$='/status/accept'] button[type=submit]")
    expect(editor.locator("#referral-status")).to_have_text(_label("accepted"))

    day = (datetime.now(UTC) + timedelta(days=3)).date().isoformat()
    editor.fill("#arrange_meeting-day", day)
    editor.fill("#arrange_meeting-at", "17:30")
    editor.fill("#arrange_meeting-place", "Myyrmäen kirjasto, aula")
    editor.click("form[action$='/status/arrange_meeting'] button[type=submit]")
    expect(editor.locator("#referral-status")).to_have_text(_label("meeting_arranged"))
    expect(editor.locator("#meeting")).to_contain_text("Myyrmäen kirjasto")

    editor.click("form[action$='/status/complete'] button[type=submit]")
    expect(editor.locator("#referral-status")).to_have_text(_label("completed"))
    # After completion the NGO no longer sees the contact details.
    expect(editor.locator("#client-data")).to_have_count(0)
    expect(editor.locator("#timeline li")).to_have_count(6)

    # The worker sees the outcome and who did what.
    worker.goto(referral_url)
    expect(worker.locator("#referral-status")).to_have_text(_label("completed"))
    expect(worker.locator("#timeline")).to_contain_text("Noora NGO")
    expect(worker.locator("#timeline")).to_contain_text(re.compile("Kaisa Koto"))


def test_group_visit_and_advance_notice_pages(live_server, browser, people):
    koto, ngo = people
    worker = browser.new_context(locale="fi-FI").new_page()
    _log_in(worker, live_server, koto.email)
    worker.goto(f"{live_server}/fi/visits/plan")
    _assert_accessible(worker)
    worker.select_option("#organization", label="Kielikahvila ry")
    worker.fill("#day", (datetime.now(UTC) + timedelta(days=14)).date().isoformat())
    worker.fill("#at", "17:00")
    worker.fill("#participants", "9")
    worker.check("input[name=languages][value=prs]")
    worker.check("input[name=repeat][value=monthly]")
    worker.fill("#count", "3")
    worker.click("main form button[type=submit]")
    expect(worker.locator("#visit-status")).to_be_visible()
    _assert_accessible(worker)

    worker.goto(f"{live_server}/fi/notices/new")
    _assert_accessible(worker)
    worker.select_option("#organization", label="Kielikahvila ry")
    worker.fill("#expected_count", "10")
    worker.fill("#period_end", (datetime.now(UTC) + timedelta(days=30)).date().isoformat())
    worker.fill("#message", "Ali Hassan tulee, puh. 040 123 4567")
    worker.click("main form button[type=submit]")
    expect(worker.locator("#confirm_anonymous")).to_be_visible()
    _assert_accessible(worker)
    worker.fill("#message", "Noin 10 daria puhuvaa naista Vantaalla maaliskuussa")
    worker.click("main form button[type=submit]")
    expect(worker.locator("#notices li")).to_have_count(1)

    editor = browser.new_context(locale="fi-FI").new_page()
    _log_in(editor, live_server, ngo.email)
    editor.goto(f"{live_server}/fi/visits/")
    _assert_accessible(editor)
    editor.click("main table a[href*='/visits/']")
    editor.click("form[action$='/confirm'] button[type=submit]")
    with force_locale("fi"):
        from coact.visits.services import STATUS_LABELS as VISIT_LABELS

        confirmed = str(VISIT_LABELS["confirmed"])
    expect(editor.locator("#visit-status")).to_have_text(confirmed)
    editor.goto(f"{live_server}/fi/notices/")
    expect(editor.locator("#notices")).to_contain_text("daria puhuvaa")
