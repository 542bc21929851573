"""The referral lifecycle: allowed transitions, who makes them, and refusals that write nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from coact.extensions import db
from coact.models import AuditLog
from coact.models.referrals import REFERRAL_STATUSES, ReferralEvent
from coact.referrals import lifecycle, services
from tests.referrals.conftest import make_referral, reload

FHIR_TASK_STATUSES = {
    "draft",
    "requested",
    "accepted",
    "rejected",
    "cancelled",
    "in-progress",
    "on-hold",
    "failed",
    "completed",
    "entered-in-error",
}
FHIR_REQUEST_STATUSES = {"draft", "active", "on-hold", "revoked", "completed", "entered-in-error"}


def test_every_status_maps_to_fhir_codes():
    assert set(lifecycle.FHIR_STATUS) == set(REFERRAL_STATUSES)
    for request_status, task_status, _business in lifecycle.FHIR_STATUS.values():
        assert request_status in FHIR_REQUEST_STATUSES
        assert task_status in FHIR_TASK_STATUSES


def test_every_status_and_action_has_a_label():
    assert set(lifecycle.STATUS_LABELS) == set(REFERRAL_STATUSES)
    assert set(lifecycle.ACTION_LABELS) == set(lifecycle.TRANSITIONS)


def test_full_loop_records_a_timeline(world):
    referral = make_referral(world, status="completed")
    steps = [
        (e.from_status, e.to_status, e.actor_id) for e in referral.events if e.action == "status"
    ]
    assert steps == [
        (None, "draft", world.koto.id),
        ("draft", "sent", world.koto.id),
        ("sent", "accepted", world.ngo.id),
        ("accepted", "meeting_arranged", world.ngo.id),
        ("meeting_arranged", "completed", world.ngo.id),
    ]
    assert referral.closed_at is not None and referral.sent_at is not None
    assert referral.meeting_place == "Kielikahvila, Myyrmäki"
    actions = db.session.scalars(
        db.select(AuditLog.action).where(AuditLog.object_id == referral.public_id)
    ).all()
    assert actions.count("referral.status") == 4


@pytest.mark.parametrize(
    ("status", "action"),
    [
        ("draft", "accept"),
        ("sent", "complete"),
        ("sent", "send"),
        ("accepted", "decline"),
        ("completed", "withdraw"),
        ("declined", "accept"),
        ("withdrawn", "send"),
    ],
)
def test_illegal_transition_changes_nothing(world, status, action, english):
    referral = make_referral(world, status=status)
    events_before = db.session.scalar(db.select(db.func.count(ReferralEvent.id)))
    audit_before = db.session.scalar(db.select(db.func.count(AuditLog.id)))
    with pytest.raises(services.ReferralError, match="cannot be done now"):
        services.change_status(referral, action, world.ngo, reason="no_capacity")
    db.session.rollback()
    assert reload(referral).status == status
    assert db.session.scalar(db.select(db.func.count(ReferralEvent.id))) == events_before
    assert db.session.scalar(db.select(db.func.count(AuditLog.id))) == audit_before


def test_decline_needs_a_reason_and_other_needs_a_note(world, english):
    referral = make_referral(world, status="sent")
    with pytest.raises(services.ReferralError, match="Choose a reason"):
        services.change_status(referral, "decline", world.ngo)
    with pytest.raises(services.ReferralError, match="Explain the reason"):
        services.change_status(referral, "decline", world.ngo, reason="other")
    services.change_status(referral, "decline", world.ngo, reason="language", note="Only Finnish")
    assert referral.status == "declined" and referral.status_reason == "language"


def test_meeting_needs_time_and_place(world, english):
    referral = make_referral(world, status="accepted")
    with pytest.raises(services.ReferralError, match="date, time and place"):
        services.change_status(referral, "arrange_meeting", world.ngo, meeting_place="Here")
    at = datetime.now(UTC) + timedelta(days=2)
    services.change_status(
        referral, "arrange_meeting", world.ngo, meeting_at=at, meeting_place="Myyrmäki library"
    )
    services.change_status(
        referral, "arrange_meeting", world.ngo, meeting_at=at, meeting_place="Tikkurila library"
    )
    assert referral.status == "meeting_arranged"
    assert referral.meeting_place == "Tikkurila library"


def test_notes_refuse_identity_codes(world, english):
    referral = make_referral(world, status="sent")
    with pytest.raises(services.ReferralError, match="identity code"):
        services.change_status(referral, "accept", world.ngo, note="hetu 131052-308T")
    assert referral.status == "sent"


def test_ngo_moves_a_referral_through_the_pages(client, world, login_as):
    referral = make_referral(world, status="sent")
    login_as(world.ngo)
    url = f"/en/referrals/{referral.public_id}/status"
    assert client.post(f"{url}/accept").status_code == 302
    response = client.post(
        f"{url}/arrange_meeting",
        data={
            "arrange_meeting-day": "2031-03-04",
            "arrange_meeting-at": "17:30",
            "arrange_meeting-place": "Myyrmäki library",
        },
    )
    assert response.status_code == 302
    stored = reload(referral)
    assert stored.meeting_at == datetime(2031, 3, 4, 15, 30, tzinfo=UTC)  # 17:30 in Helsinki
    assert client.post(f"{url}/complete").status_code == 302
    page = client.get(f"/en/referrals/{referral.public_id}").get_data(as_text=True)
    assert "Completed" in page
    assert page.count("Noora NGO") >= 3  # the NGO's three steps in the timeline


def test_illegal_transition_over_http_is_a_localised_409(client, world, login_as):
    referral = make_referral(world, status="accepted")
    login_as(world.ngo)
    response = client.post(f"/fi/referrals/{referral.public_id}/status/complete")
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "Muutosta ei tehty" in page
    assert reload(referral).status == "accepted"


def test_wrong_side_cannot_act(client, world, login_as):
    referral = make_referral(world, status="sent")
    login_as(world.teammate)
    assert client.post(f"/en/referrals/{referral.public_id}/status/accept").status_code == 403
    login_as(world.ngo)
    assert client.post(f"/en/referrals/{referral.public_id}/status/withdraw").status_code == 403
    assert client.post(f"/en/referrals/{referral.public_id}/status/nonsense").status_code == 404
    assert reload(referral).status == "sent"


def test_teammate_can_withdraw_and_ngo_loses_the_contact_details(client, world, login_as):
    referral = make_referral(world, status="accepted")
    login_as(world.teammate)
    assert client.post(f"/en/referrals/{referral.public_id}/status/withdraw").status_code == 302
    assert reload(referral).status == "withdrawn"
    login_as(world.ngo)
    page = client.get(f"/en/referrals/{referral.public_id}").get_data(as_text=True)
    assert "Amina Testinen" not in page
    assert "Withdrawn by the referring worker" in page


def test_decline_form_without_reason_is_400_and_nothing_changes(client, world, login_as):
    referral = make_referral(world, status="sent")
    login_as(world.ngo)
    response = client.post(f"/en/referrals/{referral.public_id}/status/decline")
    assert response.status_code == 400
    assert "Choose a reason." in response.get_data(as_text=True)
    assert reload(referral).status == "sent"
