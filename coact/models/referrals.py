"""Referrals from a KOTO team to an NGO, the client's consent, and the handed-over data.

The referral itself is anonymous (need, themes, languages, municipality) and is kept
for statistics. Client personal data lives only in :class:`ReferralClientData`, one
row per referral, stored only after a consent is recorded and deleted on withdrawal,
expiry or the retention purge. Relationships point one way (no backrefs on
organisations or activities), so a referral never marks a directory record changed.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coact.extensions import db
from coact.models.base import PublicIdMixin, StringList, TimestampMixin, UTCDateTime, utcnow
from coact.models.directory import Organization, Service
from coact.models.users import Team, User

STATUS_DRAFT = "draft"
STATUS_SENT = "sent"
STATUS_ACCEPTED = "accepted"
STATUS_DECLINED = "declined"
STATUS_MEETING_ARRANGED = "meeting_arranged"
STATUS_COMPLETED = "completed"
STATUS_NO_SHOW = "no_show"
STATUS_CANCELLED = "cancelled"
STATUS_WITHDRAWN = "withdrawn"
REFERRAL_STATUSES = (
    STATUS_DRAFT,
    STATUS_SENT,
    STATUS_ACCEPTED,
    STATUS_DECLINED,
    STATUS_MEETING_ARRANGED,
    STATUS_COMPLETED,
    STATUS_NO_SHOW,
    STATUS_CANCELLED,
    STATUS_WITHDRAWN,
)
#: Statuses that end a referral; ``closed_at`` is set when one is reached.
CLOSED_STATUSES = (
    STATUS_DECLINED,
    STATUS_COMPLETED,
    STATUS_NO_SHOW,
    STATUS_CANCELLED,
    STATUS_WITHDRAWN,
)
#: Statuses in which the receiving NGO works on the referral and may see contact details.
NGO_ACTIVE_STATUSES = (STATUS_SENT, STATUS_ACCEPTED, STATUS_MEETING_ARRANGED)

#: Personal data items a consent may cover, in form order; each is a ReferralClientData column.
DATA_NAME = "name"
DATA_PHONE = "phone"
DATA_EMAIL = "email"
DATA_LANGUAGE = "preferred_language"
DATA_NEEDS = "needs_summary"
CLIENT_DATA_ITEMS = (DATA_NAME, DATA_PHONE, DATA_EMAIL, DATA_LANGUAGE, DATA_NEEDS)

CONSENT_ORAL = "oral"
CONSENT_ORAL_INTERPRETER = "oral_interpreter"
CONSENT_WRITTEN = "written"
CONSENT_METHODS = (CONSENT_ORAL, CONSENT_ORAL_INTERPRETER, CONSENT_WRITTEN)


class Referral(PublicIdMixin, TimestampMixin, db.Model):
    """One client referred by a KOTO worker to one organisation (FHIR ServiceRequest + Task)."""

    __tablename__ = "referral"

    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[str] = mapped_column(String(30), default=STATUS_DRAFT, index=True)
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="SET NULL"), index=True
    )
    service_id: Mapped[int | None] = mapped_column(
        ForeignKey("service.id", ondelete="SET NULL"), index=True
    )
    #: Wellbeing services county of the referring worker: counties never see each other's.
    county_code: Mapped[str] = mapped_column(String(2), index=True)
    team_id: Mapped[int | None] = mapped_column(
        ForeignKey("team.id", ondelete="SET NULL"), index=True
    )
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), index=True
    )
    #: The anonymous need as the worker described it for matching (no personal data).
    need_text: Mapped[str] = mapped_column(Text, default="")
    themes: Mapped[list[str]] = mapped_column(StringList, default=list)
    #: Client languages, ISO 639 codes.
    languages: Mapped[list[str]] = mapped_column(StringList, default=list)
    municipality_code: Mapped[str | None] = mapped_column(String(3))
    #: Code of the latest reason given with a decline, cancellation or no-show.
    status_reason: Mapped[str | None] = mapped_column(String(30))
    meeting_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: Free text, so erased with the personal data (it may be a client's address).
    meeting_place: Mapped[str | None] = mapped_column(String(300))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    last_reminder_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    personal_data_erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    organization: Mapped[Organization | None] = relationship()
    service: Mapped[Service | None] = relationship()
    team: Mapped[Team | None] = relationship()
    created_by: Mapped[User | None] = relationship()
    events: Mapped[list[ReferralEvent]] = relationship(
        back_populates="referral",
        cascade="all, delete-orphan",
        order_by="ReferralEvent.id",
    )
    consents: Mapped[list[ReferralConsent]] = relationship(
        back_populates="referral",
        cascade="all, delete-orphan",
        order_by="ReferralConsent.id",
    )
    client_data: Mapped[ReferralClientData | None] = relationship(
        back_populates="referral", cascade="all, delete-orphan", uselist=False
    )

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES

    def current_consent(self, now: datetime) -> ReferralConsent | None:
        """The consent in force at ``now``, if any."""
        return next((c for c in reversed(self.consents) if c.is_valid(now)), None)

    def withdrawable_consent(self) -> ReferralConsent | None:
        """The latest consent not withdrawn yet (in force, or expired but not purged)."""
        return next((c for c in reversed(self.consents) if c.withdrawn_at is None), None)

    def __repr__(self) -> str:
        return f"<Referral {self.public_id} {self.status}>"


class ReferralEvent(db.Model):
    """One step in a referral's timeline: a status change or a consent action."""

    __tablename__ = "referral_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    referral_id: Mapped[int] = mapped_column(
        ForeignKey("referral.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: None for the system (scheduled jobs).
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    #: "status", "consent_recorded", "consent_withdrawn", "consent_expired", "data_erased".
    action: Mapped[str] = mapped_column(String(30))
    from_status: Mapped[str | None] = mapped_column(String(30))
    to_status: Mapped[str | None] = mapped_column(String(30))
    reason: Mapped[str | None] = mapped_column(String(30))
    #: Free text may name the client, so it is erased with the personal data.
    note: Mapped[str | None] = mapped_column(Text)

    referral: Mapped[Referral] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()


class ReferralConsent(db.Model):
    """Evidence of the client's consent (GDPR Art. 7(1)); holds no personal data itself."""

    __tablename__ = "referral_consent"

    id: Mapped[int] = mapped_column(primary_key=True)
    referral_id: Mapped[int] = mapped_column(
        ForeignKey("referral.id", ondelete="CASCADE"), index=True
    )
    #: The one recipient this consent is for: consent is never bundled across NGOs.
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="SET NULL")
    )
    purpose: Mapped[str] = mapped_column(Text)
    data_items: Mapped[list[str]] = mapped_column(StringList, default=list)
    method: Mapped[str] = mapped_column(String(30))
    interpreter_language: Mapped[str | None] = mapped_column(String(10))
    #: The client was told that refusing does not affect their services (Recital 43).
    told_refusal_is_free: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Separate, explicit consent for a needs summary that may reveal health (Art. 9).
    explicit_for_needs: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Version and language of the information text the client was given.
    notice_version: Mapped[str] = mapped_column(String(20))
    notice_language: Mapped[str | None] = mapped_column(String(10))
    given_at: Mapped[datetime] = mapped_column(UTCDateTime)
    valid_until: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    recorded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    withdrawn_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    #: Set by the purge once the data of an expired consent has been erased.
    expired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    referral: Mapped[Referral] = relationship(back_populates="consents")
    organization: Mapped[Organization | None] = relationship()
    recorded_by: Mapped[User | None] = relationship(foreign_keys=[recorded_by_id])
    withdrawn_by: Mapped[User | None] = relationship(foreign_keys=[withdrawn_by_id])

    def is_valid(self, now: datetime) -> bool:
        return self.withdrawn_at is None and self.expired_at is None and now < self.valid_until

    def state(self, now: datetime) -> str:
        """``active``, ``withdrawn`` or ``expired``."""
        if self.withdrawn_at is not None:
            return "withdrawn"
        return "active" if self.is_valid(now) else "expired"


class ReferralClientData(db.Model):
    """The client's personal data handed over with consent; deleted, never blanked."""

    __tablename__ = "referral_client_data"

    referral_id: Mapped[int] = mapped_column(
        ForeignKey("referral.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(60))
    email: Mapped[str | None] = mapped_column(String(255))
    preferred_language: Mapped[str | None] = mapped_column(String(10))
    needs_summary: Mapped[str | None] = mapped_column(Text)

    referral: Mapped[Referral] = relationship(back_populates="client_data")
