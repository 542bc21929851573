"""Referral rules: creating, moving through the lifecycle, consent, and reading client data.

Every function checks its rule, changes the objects, writes the timeline event and
the audit row, queues notifications and flushes; none commits. A broken rule raises
:class:`ReferralError` before anything is changed, with a message for the user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from coact import audit
from coact.auth import permissions
from coact.extensions import db
from coact.models import Organization, Service, User, utcnow
from coact.models.referrals import (
    CLIENT_DATA_ITEMS,
    CLOSED_STATUSES,
    CONSENT_METHODS,
    CONSENT_ORAL_INTERPRETER,
    DATA_EMAIL,
    DATA_LANGUAGE,
    DATA_NEEDS,
    DATA_PHONE,
    NGO_ACTIVE_STATUSES,
    STATUS_CANCELLED,
    STATUS_DRAFT,
    STATUS_SENT,
    Referral,
    ReferralClientData,
    ReferralConsent,
    ReferralEvent,
)
from coact.profiles.forms import parse_language_codes
from coact.reference import municipality, normalise_language_code, themes
from coact.referrals import notifications
from coact.referrals.lifecycle import (
    REASON_CONSENT_WITHDRAWN,
    RECIPIENT,
    STATUS_LABELS,
    TRANSITIONS,
)
from coact.referrals.personal_data import IDENTITY_CODE_REFUSED, identity_codes

#: Consent is valid this long unless the worker records another end date.
DEFAULT_CONSENT_DAYS = 90
MAX_CONSENT_DAYS = 365
#: Version of the information text the worker gives the client (templates/referrals/consent.html).
CONSENT_NOTICE_VERSION = "2026-1"
NOTE_MAX_LENGTH = 1000
NEED_MAX_LENGTH = 2000
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[\d\s()-]{5,25}$")


class ReferralError(Exception):
    """A rule stops the change; ``str(error)`` is the message for the user."""


def _refuse_identity_codes(text: str | None) -> None:
    if text and identity_codes(text):
        raise ReferralError(str(IDENTITY_CODE_REFUSED))


def _event(
    referral: Referral,
    actor: User | None,
    action: str,
    now: datetime,
    *,
    from_status: str | None = None,
    to_status: str | None = None,
    reason: str | None = None,
    note: str | None = None,
) -> ReferralEvent:
    event = ReferralEvent(
        action=action,
        at=now,
        actor=actor,
        from_status=from_status,
        to_status=to_status,
        reason=reason,
        note=note or None,
    )
    referral.events.append(event)
    return event


# --- Creating ----------------------------------------------------------------


def create_referral(
    worker: User,
    organization: Organization,
    *,
    service: Service | None = None,
    need_text: str = "",
    theme_codes: list[str] | None = None,
    languages: list[str] | None = None,
    municipality_code: str | None = None,
    now: datetime | None = None,
) -> Referral:
    """A draft referral holding only the anonymous need, in the worker's county and team."""
    now = now or utcnow()
    if not organization.is_active:
        raise ReferralError(_("This organisation is not active and cannot receive referrals."))
    if service is not None and service.organization_id != organization.id:
        raise ReferralError(_("The activity does not belong to the chosen organisation."))
    need_text = (need_text or "").strip()
    if len(need_text) > NEED_MAX_LENGTH:
        raise ReferralError(_("The description of the need is too long."))
    _refuse_identity_codes(need_text)
    unknown_themes = [c for c in theme_codes or [] if c not in themes()]
    if unknown_themes:
        raise ReferralError(_("Unknown theme: %(codes)s", codes=", ".join(unknown_themes)))
    codes, unknown = parse_language_codes(" ".join(languages or []))
    if unknown:
        raise ReferralError(_("Unknown language code: %(code)s", code=", ".join(unknown)))
    if municipality_code and municipality(municipality_code) is None:
        raise ReferralError(_("Unknown municipality code: %(code)s", code=municipality_code))

    referral = Referral(
        status=STATUS_DRAFT,
        organization=organization,
        service=service,
        county_code=worker.county_code,
        team_id=worker.team_id,
        created_by=worker,
        need_text=need_text,
        themes=list(dict.fromkeys(theme_codes or [])),
        languages=codes,
        municipality_code=municipality_code or None,
        created_at=now,
        updated_at=now,
    )
    db.session.add(referral)
    _event(referral, worker, "status", now, to_status=STATUS_DRAFT)
    db.session.flush()
    audit.record(
        "referral.create",
        "referral",
        referral.public_id,
        {"organization": organization.public_id},
        user=worker,
    )
    return referral


# --- The lifecycle -----------------------------------------------------------


def change_status(
    referral: Referral,
    action: str,
    actor: User,
    *,
    reason: str | None = None,
    note: str | None = None,
    meeting_at: datetime | None = None,
    meeting_place: str | None = None,
    now: datetime | None = None,
) -> ReferralEvent:
    """Apply ``action`` (a key of ``lifecycle.TRANSITIONS``) if the status allows it.

    Whether ``actor`` is on the side that makes the action is a permission, checked
    by the view; this checks the status, the reason and the meeting details.
    """
    now = now or utcnow()
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise ReferralError(_("Unknown action."))
    if referral.status not in transition.from_statuses:
        raise ReferralError(
            _(
                "This cannot be done now: the referral's status is “%(status)s”.",
                status=STATUS_LABELS[referral.status],
            )
        )
    note = (note or "").strip()
    if len(note) > NOTE_MAX_LENGTH:
        raise ReferralError(
            _("The note is too long (at most %(num)d characters).", num=NOTE_MAX_LENGTH)
        )
    _refuse_identity_codes(note)
    if transition.reasons:
        if reason not in transition.reasons:
            raise ReferralError(_("Choose a reason."))
        if reason == "other" and not note:
            raise ReferralError(_("Explain the reason in the note."))
    else:
        reason = None
    if action == "arrange_meeting":
        meeting_place = (meeting_place or "").strip()
        if meeting_at is None or not meeting_place:
            raise ReferralError(_("Give the date, time and place of the meeting."))
        if len(meeting_place) > 300:
            raise ReferralError(_("The place is too long."))
        _refuse_identity_codes(meeting_place)
        referral.meeting_at = meeting_at
        referral.meeting_place = meeting_place

    previous = referral.status
    referral.status = transition.to_status
    referral.updated_at = now
    if reason:
        referral.status_reason = reason
    if transition.to_status == STATUS_SENT:
        referral.sent_at = now
    if transition.to_status in CLOSED_STATUSES:
        referral.closed_at = now
    event = _event(
        referral,
        actor,
        "status",
        now,
        from_status=previous,
        to_status=transition.to_status,
        reason=reason,
        note=note,
    )
    db.session.flush()
    audit.record(
        "referral.status",
        "referral",
        referral.public_id,
        {"from": previous, "to": transition.to_status, "reason": reason},
        user=actor,
    )
    if transition.to_status == STATUS_SENT:
        notifications.new_referral(referral)
    elif transition.side == RECIPIENT:
        notifications.status_changed_for_requester(referral)
    elif previous != STATUS_DRAFT:
        notifications.status_changed_for_recipient(referral)
    return event


# --- Consent and client data -------------------------------------------------


@dataclass
class ConsentInput:
    """What the worker records; ``values`` maps data items to the client's data."""

    data_items: list[str]
    values: dict[str, str]
    purpose: str
    method: str
    told_refusal_is_free: bool
    explicit_for_needs: bool = False
    interpreter_language: str | None = None
    notice_language: str | None = None
    given_at: datetime | None = None
    valid_until: datetime | None = None


def _clean_client_values(consent: ConsentInput) -> dict[str, str]:
    """Only the items consented to, each present and well-formed."""
    items = [i for i in CLIENT_DATA_ITEMS if i in consent.data_items]
    if not items or len(items) != len(set(consent.data_items)):
        raise ReferralError(_("Choose which data the client agreed to share."))
    values: dict[str, str] = {}
    for item in items:
        value = (consent.values.get(item) or "").strip()
        if not value:
            raise ReferralError(_("Fill in every data item the client agreed to share."))
        values[item] = value
    if DATA_EMAIL in values and not _EMAIL.match(values[DATA_EMAIL]):
        raise ReferralError(_("The e-mail address is not valid."))
    if DATA_PHONE in values and not _PHONE.match(values[DATA_PHONE]):
        raise ReferralError(_("The phone number is not valid."))
    if DATA_LANGUAGE in values:
        code = normalise_language_code(values[DATA_LANGUAGE])
        if code is None:
            raise ReferralError(_("Unknown language code: %(code)s", code=values[DATA_LANGUAGE]))
        values[DATA_LANGUAGE] = code
    if DATA_NEEDS in values:
        if len(values[DATA_NEEDS]) > NOTE_MAX_LENGTH:
            raise ReferralError(_("The description of needs is too long."))
        _refuse_identity_codes(values[DATA_NEEDS])
        if not consent.explicit_for_needs:
            raise ReferralError(
                _(
                    "Sharing a description of needs requires the client's explicit consent, "
                    "because it may reveal health or other sensitive matters."
                )
            )
    if len(values.get("name", "")) > 200 or len(values.get(DATA_EMAIL, "")) > 255:
        raise ReferralError(_("A value is too long."))
    return values


def record_consent(
    referral: Referral, worker: User, consent: ConsentInput, *, now: datetime | None = None
) -> ReferralConsent:
    """Record the client's consent for this referral's organisation and store the data."""
    now = now or utcnow()
    if referral.is_closed:
        raise ReferralError(_("The referral is closed; consent can no longer be recorded."))
    if referral.current_consent(now) is not None:
        raise ReferralError(
            _("A valid consent is already recorded. Withdraw it first to record a new one.")
        )
    if not consent.told_refusal_is_free:
        raise ReferralError(
            _("Confirm that the client was told that refusing does not affect their services.")
        )
    if consent.method not in CONSENT_METHODS:
        raise ReferralError(_("Choose how the consent was given."))
    interpreter_language = None
    if consent.method == CONSENT_ORAL_INTERPRETER:
        interpreter_language = normalise_language_code(consent.interpreter_language or "")
        if interpreter_language is None:
            raise ReferralError(_("Give the language the interpreter used."))
    purpose = (consent.purpose or "").strip()
    if not purpose or len(purpose) > 500:
        raise ReferralError(_("Describe the purpose of the consent (at most 500 characters)."))
    _refuse_identity_codes(purpose)
    given_at = consent.given_at or now
    if given_at > now + timedelta(minutes=5):
        raise ReferralError(_("The consent cannot have been given in the future."))
    valid_until = consent.valid_until or now + timedelta(days=DEFAULT_CONSENT_DAYS)
    if valid_until <= now:
        raise ReferralError(_("The consent must be valid until a future date."))
    if valid_until > now + timedelta(days=MAX_CONSENT_DAYS):
        raise ReferralError(
            _("A consent can be valid for at most %(num)d days.", num=MAX_CONSENT_DAYS)
        )
    values = _clean_client_values(consent)

    record = ReferralConsent(
        organization_id=referral.organization_id,
        purpose=purpose,
        data_items=list(values),
        method=consent.method,
        interpreter_language=interpreter_language,
        told_refusal_is_free=True,
        explicit_for_needs=bool(consent.explicit_for_needs and DATA_NEEDS in values),
        notice_version=CONSENT_NOTICE_VERSION,
        notice_language=normalise_language_code(consent.notice_language or ""),
        given_at=given_at,
        valid_until=valid_until,
        recorded_at=now,
        recorded_by_id=worker.id,
    )
    referral.consents.append(record)
    if referral.client_data is not None:
        referral.client_data = None
        db.session.flush()
    referral.client_data = ReferralClientData(**values)
    referral.personal_data_erased_at = None
    referral.updated_at = now
    _event(referral, worker, "consent_recorded", now)
    db.session.flush()
    audit.record(
        "referral.consent.record",
        "referral",
        referral.public_id,
        {"items": list(values), "method": consent.method, "valid_until": valid_until},
        user=worker,
    )
    return record


def erase_personal_data(referral: Referral, now: datetime) -> bool:
    """Delete the handed-over data and the free texts that may name the client."""
    had_data = referral.client_data is not None
    referral.client_data = None
    referral.meeting_place = None
    for event in referral.events:
        event.note = None
    referral.personal_data_erased_at = now
    return had_data


def withdraw_consent(
    referral: Referral, worker: User, *, now: datetime | None = None
) -> ReferralConsent:
    """The client withdrew consent: the NGO loses access now and the data is erased.

    An open referral the NGO has already seen is cancelled, as the client asked
    that it no longer be processed; a draft stays, and may be sent anonymously.
    """
    now = now or utcnow()
    consent = referral.withdrawable_consent()
    if consent is None:
        raise ReferralError(_("There is no consent to withdraw."))
    consent.withdrawn_at = now
    consent.withdrawn_by_id = worker.id
    erase_personal_data(referral, now)
    referral.updated_at = now
    _event(referral, worker, "consent_withdrawn", now)
    previous = referral.status
    if previous in NGO_ACTIVE_STATUSES:
        referral.status = STATUS_CANCELLED
        referral.status_reason = REASON_CONSENT_WITHDRAWN
        referral.closed_at = now
        _event(
            referral,
            worker,
            "status",
            now,
            from_status=previous,
            to_status=STATUS_CANCELLED,
            reason=REASON_CONSENT_WITHDRAWN,
        )
        notifications.status_changed_for_recipient(referral)
    db.session.flush()
    audit.record(
        "referral.consent.withdraw",
        "referral",
        referral.public_id,
        {"status_before": previous, "status": referral.status},
        user=worker,
    )
    return consent


def client_data_for(user: User, referral: Referral, *, now: datetime | None = None):
    """The client's data if ``user`` may see it now, with the read written to the audit log."""
    now = now or utcnow()
    if not permissions.can_see_client_data(user, referral, now):
        return None
    data = referral.client_data
    side = "requester" if permissions.is_referral_requester(user, referral) else "recipient"
    audit.record(
        "referral.personal_data.view",
        "referral",
        referral.public_id,
        {"side": side, "items": [i for i in CLIENT_DATA_ITEMS if getattr(data, i)]},
        user=user,
    )
    return data


# --- Lists -------------------------------------------------------------------


def referrals_received(user: User, *, closed: bool = False) -> list[Referral]:
    """Referrals sent to the organisations ``user`` edits: open ones, or closed ones."""
    org_ids = [o.id for o in user.organizations]
    if not org_ids:
        return []
    status_filter = (
        Referral.status.in_(CLOSED_STATUSES) if closed else Referral.status.in_(NGO_ACTIVE_STATUSES)
    )
    query = (
        db.select(Referral)
        .where(Referral.organization_id.in_(org_ids), status_filter)
        .options(selectinload(Referral.team), selectinload(Referral.created_by))
        .order_by(Referral.sent_at.desc(), Referral.id.desc())
    )
    return list(db.session.scalars(query))


def referrals_made(user: User, *, status: str | None = None) -> list[Referral]:
    """Referrals of ``user`` and their team, in their county, newest first."""
    mine = Referral.created_by_id == user.id
    scope = mine | (Referral.team_id == user.team_id) if user.team_id is not None else mine
    query = (
        db.select(Referral)
        .where(Referral.county_code == user.county_code, scope)
        .options(selectinload(Referral.organization), selectinload(Referral.service))
    )
    if status:
        query = query.where(Referral.status == status)
    return list(db.session.scalars(query.order_by(Referral.created_at.desc(), Referral.id.desc())))


def send_reminders(*, now: datetime | None = None, after_days: int = 7) -> int:
    """Remind organisations of referrals unanswered for ``after_days`` (again weekly)."""
    now = now or utcnow()
    cutoff = now - timedelta(days=after_days)
    due = db.session.scalars(
        db.select(Referral).where(
            Referral.status == STATUS_SENT,
            Referral.sent_at <= cutoff,
            (Referral.last_reminder_at.is_(None)) | (Referral.last_reminder_at <= cutoff),
        )
    ).all()
    for referral in due:
        notifications.reminder(referral)
        referral.last_reminder_at = now
    db.session.flush()
    return len(due)
