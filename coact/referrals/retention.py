"""Storage limitation: erase client personal data on schedule, keep anonymous statistics.

Run daily (``flask --app coact purge``). The clock is a parameter so the rule can be
tested at any date. Referral rows, their statuses, timestamps and codes stay for
statistics; the consent rows stay as PII-free proof that consent was asked
(GDPR Art. 7(1)).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app

from coact import audit
from coact.extensions import db
from coact.models import utcnow
from coact.models.referrals import Referral, ReferralConsent, ReferralEvent
from coact.referrals.services import erase_personal_data


@dataclass(frozen=True)
class PurgeResult:
    expired_consents: int
    closed_referrals: int


def purge_personal_data(*, now: datetime | None = None, days: int | None = None) -> PurgeResult:
    """Expire consents whose time is up, and erase the personal data of referrals
    closed more than ``days`` (default ``COACT_RETENTION_DAYS``) ago."""
    now = now or utcnow()
    if days is None:
        days = current_app.config["COACT"].retention_days
    if days < 0:
        raise ValueError("days must not be negative")

    expired = db.session.scalars(
        db.select(ReferralConsent).where(
            ReferralConsent.withdrawn_at.is_(None),
            ReferralConsent.expired_at.is_(None),
            ReferralConsent.valid_until <= now,
        )
    ).all()
    for consent in expired:
        consent.expired_at = now
        referral = consent.referral
        if referral.current_consent(now) is None:
            erase_personal_data(referral, now)
        referral.events.append(ReferralEvent(action="consent_expired", at=now))
        audit.record("referral.consent.expire", "referral", referral.public_id, user=None)

    cutoff = now - timedelta(days=days)
    closed = db.session.scalars(
        db.select(Referral).where(
            Referral.closed_at <= cutoff, Referral.personal_data_erased_at.is_(None)
        )
    ).all()
    for referral in closed:
        erase_personal_data(referral, now)
        referral.events.append(ReferralEvent(action="data_erased", at=now))
        audit.record("referral.personal_data.erase", "referral", referral.public_id, user=None)
    db.session.flush()
    return PurgeResult(expired_consents=len(expired), closed_referrals=len(closed))
