"""The purge erases personal data on schedule and keeps anonymous statistics (frozen clock)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from coact.extensions import db
from coact.models import AuditLog
from coact.models.referrals import ReferralClientData
from coact.referrals.retention import purge_personal_data
from tests.referrals.conftest import CLIENT, make_referral, reload

NOW = datetime(2031, 6, 1, 9, 0, tzinfo=UTC)


def _data_rows() -> int:
    return db.session.scalar(db.select(db.func.count()).select_from(ReferralClientData))


def test_closed_referrals_lose_personal_data_after_n_days(world):
    old = make_referral(world, status="completed", now=NOW - timedelta(days=30))
    recent = make_referral(world, status="completed", now=NOW - timedelta(days=5))
    old.events[-1].note = "Amina Testinen came with her sister"
    db.session.commit()

    result = purge_personal_data(now=NOW, days=20)
    db.session.commit()

    assert (result.closed_referrals, result.expired_consents) == (1, 0)
    old, recent = reload(old), reload(recent)
    assert old.client_data is None and old.meeting_place is None
    assert all(e.note is None for e in old.events)
    assert old.personal_data_erased_at == NOW
    assert recent.client_data.name == CLIENT["name"]
    # Anonymous statistics stay.
    assert (old.status, old.themes, old.languages, old.municipality_code) == (
        "completed",
        ["finnish_language"],
        ["prs", "fa"],
        "092",
    )
    assert old.events[-1].action == "data_erased"
    assert old.consents[0].data_items  # the PII-free proof of consent stays


def test_expired_consents_are_erased_even_on_open_referrals(world):
    expired = make_referral(world, status="accepted", now=NOW - timedelta(days=91))
    valid = make_referral(world, status="accepted", now=NOW - timedelta(days=89))

    result = purge_personal_data(now=NOW, days=90)
    db.session.commit()

    assert (result.expired_consents, result.closed_referrals) == (1, 0)
    expired, valid = reload(expired), reload(valid)
    assert expired.client_data is None and expired.consents[0].expired_at == NOW
    assert expired.status == "accepted"
    assert valid.client_data is not None and valid.consents[0].expired_at is None


def test_purge_twice_does_nothing_more(world):
    make_referral(world, status="declined", now=NOW - timedelta(days=30))
    assert purge_personal_data(now=NOW, days=20).closed_referrals == 1
    db.session.commit()
    again = purge_personal_data(now=NOW + timedelta(days=1), days=20)
    assert (again.closed_referrals, again.expired_consents) == (0, 0)


def test_purge_is_audited_as_the_system(world):
    closed = make_referral(world, status="no_show", now=NOW - timedelta(days=30))
    expired = make_referral(world, status="sent", now=NOW - timedelta(days=100))
    purge_personal_data(now=NOW, days=20)
    db.session.commit()
    entries = db.session.scalars(
        db.select(AuditLog).where(
            AuditLog.action.in_(["referral.personal_data.erase", "referral.consent.expire"]),
        )
    ).all()
    assert sorted((e.object_id, e.action, e.user_id) for e in entries) == sorted(
        [
            (closed.public_id, "referral.personal_data.erase", None),
            (expired.public_id, "referral.consent.expire", None),
        ]
    )
    assert _data_rows() == 0


def test_purge_command_with_days(runner, world):
    now = datetime.now(UTC)
    make_referral(world, status="completed", now=now - timedelta(days=10))
    make_referral(world, status="completed", now=now - timedelta(days=3))
    result = runner.invoke(args=["purge", "--days", "7"])
    assert result.exit_code == 0, result.output
    assert "closed referrals erased: 1" in result.output
    assert _data_rows() == 1


def test_purge_command_defaults_to_the_retention_setting(runner, world, app):
    now = datetime.now(UTC)
    make_referral(world, status="completed", now=now - timedelta(days=60))
    assert app.config["COACT"].retention_days == 90
    result = runner.invoke(args=["purge"])
    assert "closed referrals erased: 0" in result.output
    assert _data_rows() == 1
    assert runner.invoke(args=["purge", "--days", "-1"]).exit_code != 0
