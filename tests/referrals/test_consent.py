"""Consent first: without a valid consent no response carries the client's personal data,
and a withdrawal cuts the NGO's access at once and erases the data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import String, Text

from coact.extensions import db
from coact.models import AuditLog
from coact.models.referrals import ReferralClientData
from coact.referrals import services
from tests.referrals.conftest import (
    CLIENT,
    all_personal_values,
    consent_input,
    feature_rules,
    make_notice,
    make_referral,
    make_visit,
    reload,
    url_for_rule,
)


def _every_get_response(app, client, objects) -> dict[str, str]:
    """Body of every GET page of the feature (HTML, CSV, iCalendar) and of the JSON API."""
    bodies = {}
    rules = [r for r in feature_rules(app) if "GET" in r.methods]
    rules += [
        r
        for r in app.url_map.iter_rules()
        if r.rule.startswith("/api/") and "GET" in r.methods and not r.arguments
    ]
    for rule in rules:
        url = url_for_rule(rule, objects) if rule.arguments else rule.rule
        response = client.get(url)
        bodies[url] = response.get_data(as_text=True)
    return bodies


def _leaks(bodies: dict[str, str]) -> list[str]:
    return [
        f"{value!r} in {url}"
        for url, body in bodies.items()
        for value in all_personal_values()
        if value in body
    ]


def _objects(world, referral):
    return {"referrals": referral, "visits": make_visit(world), "notices": make_notice(world)}


def _personal_text_in_database() -> list[str]:
    """Client values found in any text column of any table."""
    found = []
    for table in db.metadata.sorted_tables:
        columns = [c for c in table.columns if isinstance(c.type, String | Text)]
        for row in db.session.execute(db.select(*columns)) if columns else []:
            for value in row:
                if isinstance(value, str) and any(v in value for v in all_personal_values()):
                    found.append(f"{table.name}: {value}")
    return found


ROLES_WITHOUT_ACCESS = (
    "ngo_other",
    "koto_other_team",
    "koto_other_county",
    "coordinator",
    "admin",
)


@pytest.mark.parametrize("role", ROLES_WITHOUT_ACCESS)
def test_only_the_two_sides_ever_see_personal_data(app, client, world, login_as, role):
    referral = make_referral(world, status="accepted")
    objects = _objects(world, referral)
    login_as(world.users_by_role()[role])
    assert _leaks(_every_get_response(app, client, objects)) == []


def test_the_receiving_ngo_sees_the_data_only_on_the_referral_page(app, client, world, login_as):
    referral = make_referral(world, status="accepted")
    objects = _objects(world, referral)
    login_as(world.ngo)
    bodies = _every_get_response(app, client, objects)
    leaking_pages = {url for url, body in bodies.items() if CLIENT["name"] in body}
    assert leaking_pages == {f"/en/referrals/{referral.public_id}"}


def test_no_consent_means_no_personal_data_anywhere(app, client, world, login_as):
    referral = make_referral(world, status="accepted", consent=False)
    # Even a stray data row without a consent (which the services never write) stays hidden.
    db.session.add(ReferralClientData(referral_id=referral.id, **CLIENT))
    db.session.commit()
    objects = _objects(world, referral)
    login_as(world.ngo)
    bodies = _every_get_response(app, client, objects)
    assert _leaks(bodies) == []
    assert "no valid consent" in bodies[f"/en/referrals/{referral.public_id}"]


def test_expired_consent_hides_the_data_before_the_purge(app, client, world, login_as):
    now = datetime.now(UTC)
    referral = make_referral(world, status="accepted", now=now - timedelta(days=100))
    assert referral.consents[0].valid_until < now
    objects = _objects(world, referral)
    login_as(world.ngo)
    assert _leaks(_every_get_response(app, client, objects)) == []
    login_as(world.koto)
    page = client.get(f"/en/referrals/{referral.public_id}").get_data(as_text=True)
    assert CLIENT["name"] in page  # the referring worker's own record, until the purge


def test_withdrawal_cuts_access_and_erases_the_data(app, client, world, login_as):
    referral = make_referral(world, status="meeting_arranged")
    login_as(world.ngo)
    assert CLIENT["phone"] in client.get(f"/en/referrals/{referral.public_id}").get_data(
        as_text=True
    )
    login_as(world.koto)
    response = client.post(f"/en/referrals/{referral.public_id}/consent/withdraw")
    assert response.status_code == 302

    stored = reload(referral)
    assert stored.client_data is None
    assert stored.status == "cancelled" and stored.status_reason == "consent_withdrawn"
    assert stored.consents[0].withdrawn_at is not None
    assert stored.consents[0].withdrawn_by_id == world.koto.id
    assert stored.meeting_place is None
    assert db.session.scalar(db.select(db.func.count()).select_from(ReferralClientData)) == 0
    assert _personal_text_in_database() == []

    login_as(world.ngo)
    objects = _objects(world, referral)
    bodies = _every_get_response(app, client, objects)
    assert _leaks(bodies) == []
    assert "The client withdrew consent" in bodies[f"/en/referrals/{referral.public_id}"]


def test_withdrawal_keeps_a_draft_that_can_go_out_anonymously(world):
    referral = make_referral(world, status="draft")
    services.withdraw_consent(referral, world.koto)
    assert referral.status == "draft" and referral.client_data is None
    services.change_status(referral, "send", world.koto)
    assert referral.status == "sent"


def test_a_new_consent_needs_the_old_one_withdrawn(world, english):
    referral = make_referral(world, status="sent")
    with pytest.raises(services.ReferralError, match="already recorded"):
        services.record_consent(referral, world.koto, consent_input())


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"told_refusal_is_free": False}, "refusing does not affect"),
        ({"explicit_for_needs": False}, "explicit consent"),
        ({"method": "oral_interpreter", "interpreter_language": None}, "interpreter"),
        ({"data_items": []}, "Choose which data"),
        ({"values": {**CLIENT, "phone": ""}}, "Fill in every data item"),
        ({"values": {**CLIENT, "email": "not-an-address"}}, "e-mail address"),
        ({"values": {**CLIENT, "needs_summary": "hetu 131052-308T"}}, "identity code"),
        ({"valid_until": datetime(2020, 1, 1, tzinfo=UTC)}, "future date"),
        ({"valid_until": datetime.now(UTC) + timedelta(days=400)}, "at most 365 days"),
    ],
)
def test_consent_rules(world, overrides, message, english):
    referral = make_referral(world, status="draft", consent=False)
    with pytest.raises(services.ReferralError, match=message):
        services.record_consent(referral, world.koto, consent_input(**overrides))
    assert referral.consents == [] and referral.client_data is None


def test_only_chosen_items_are_stored(world):
    referral = make_referral(world, status="draft", consent=False)
    consent = services.record_consent(
        referral,
        world.koto,
        consent_input(data_items=["name", "phone"], explicit_for_needs=False),
    )
    assert consent.data_items == ["name", "phone"]
    data = referral.client_data
    assert (data.name, data.phone, data.email, data.needs_summary) == (
        CLIENT["name"],
        CLIENT["phone"],
        None,
        None,
    )
    assert (consent.valid_until - consent.recorded_at).days == 90


def test_consent_form_records_who_how_and_until_when(client, world, login_as):
    referral = make_referral(world, status="draft", consent=False)
    login_as(world.koto)
    page = client.get(f"/en/referrals/{referral.public_id}/consent").get_data(as_text=True)
    assert "Referral to Language Café (Keskustelukerho)" in page
    response = client.post(
        f"/en/referrals/{referral.public_id}/consent",
        data={
            "data_items": ["name", "phone", "preferred_language"],
            "name": CLIENT["name"],
            "phone": CLIENT["phone"],
            "preferred_language": "prs",
            "purpose": "Referral to the language café",
            "method": "written",
            "notice_language": "fi",
            "given_on": datetime.now(UTC).date().isoformat(),
            "valid_until": (datetime.now(UTC).date() + timedelta(days=30)).isoformat(),
            "told_refusal_is_free": "y",
            "client_agreed": "y",
        },
    )
    assert response.status_code == 302
    consent = reload(referral).consents[0]
    assert consent.method == "written" and consent.recorded_by_id == world.koto.id
    assert consent.data_items == ["name", "phone", "preferred_language"]
    assert 29 <= (consent.valid_until - consent.recorded_at).days <= 31


def test_consent_form_without_the_clients_agreement_is_refused(client, world, login_as):
    referral = make_referral(world, status="draft", consent=False)
    login_as(world.koto)
    response = client.post(
        f"/en/referrals/{referral.public_id}/consent",
        data={"data_items": ["name"], "name": "X", "method": "oral", "purpose": "p"},
    )
    assert response.status_code == 400
    assert reload(referral).consents == []


def test_every_view_of_personal_data_is_audited(client, world, login_as):
    referral = make_referral(world, status="sent")
    login_as(world.ngo)
    client.get(f"/en/referrals/{referral.public_id}")
    client.get(f"/en/referrals/{referral.public_id}")
    login_as(world.teammate)
    client.get(f"/en/referrals/{referral.public_id}")
    views = db.session.scalars(
        db.select(AuditLog).where(
            AuditLog.action == "referral.personal_data.view",
            AuditLog.object_id == referral.public_id,
        )
    ).all()
    assert [(v.user_id, v.details["side"]) for v in views] == [
        (world.ngo.id, "recipient"),
        (world.ngo.id, "recipient"),
        (world.teammate.id, "requester"),
    ]
    assert all(CLIENT["name"] not in str(v.details) for v in views)


def test_pages_with_personal_data_are_not_cached(client, world, login_as):
    referral = make_referral(world, status="sent")
    login_as(world.ngo)
    response = client.get(f"/en/referrals/{referral.public_id}")
    assert response.headers["Cache-Control"] == "no-store"


def test_an_error_page_shows_no_personal_data(client, world, login_as):
    """An error answer rolls back, audit row included, so it must not show the data."""
    referral = make_referral(world, status="sent")
    login_as(world.ngo)
    response = client.post(f"/en/referrals/{referral.public_id}/status/decline")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert _leaks({"decline": page}) == []
    assert "Open the referral again" in page
