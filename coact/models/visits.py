"""Group visits of a KOTO team's clients to an NGO: planned, answered, and followed up.

A visit holds no personal data: only counts, languages and practical arrangements.
Recurring visits are stored one row per occurrence sharing a ``series_id``, so each
occurrence is confirmed, moved and followed up on its own.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coact.extensions import db
from coact.models.base import PublicIdMixin, StringList, TimestampMixin, UTCDateTime
from coact.models.directory import Organization
from coact.models.users import Team, User

VISIT_PLANNED = "planned"
VISIT_CONFIRMED = "confirmed"
VISIT_OTHER_TIME_PROPOSED = "other_time_proposed"
VISIT_CANCELLED = "cancelled"
VISIT_STATUSES = (VISIT_PLANNED, VISIT_CONFIRMED, VISIT_OTHER_TIME_PROPOSED, VISIT_CANCELLED)


class GroupVisit(PublicIdMixin, TimestampMixin, db.Model):
    __tablename__ = "group_visit"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Shared by the occurrences of a recurring visit; None for a one-off visit.
    series_id: Mapped[str | None] = mapped_column(String(36), index=True)
    #: The recurrence rule of the series (RFC 5545 RRULE value), for display.
    series_rule: Mapped[str | None] = mapped_column(String(100))
    team_id: Mapped[int | None] = mapped_column(
        ForeignKey("team.id", ondelete="SET NULL"), index=True
    )
    county_code: Mapped[str] = mapped_column(String(2), index=True)
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), index=True
    )
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    status: Mapped[str] = mapped_column(String(30), default=VISIT_PLANNED, index=True)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=90)
    #: The NGO's counter-proposal while the status is ``other_time_proposed``.
    proposed_starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ngo_message: Mapped[str | None] = mapped_column(Text)
    participants: Mapped[int] = mapped_column(Integer)
    languages: Mapped[list[str]] = mapped_column(StringList, default=list)
    interpreter_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    meeting_point: Mapped[str] = mapped_column(String(300), default="")
    pickup_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    attendance: Mapped[int | None] = mapped_column(Integer)
    team_feedback: Mapped[str | None] = mapped_column(Text)
    ngo_feedback: Mapped[str | None] = mapped_column(Text)
    #: RFC 5545 SEQUENCE: raised whenever the time or status changes, so calendars update.
    revision: Mapped[int] = mapped_column(Integer, default=0)

    organization: Mapped[Organization] = relationship()
    team: Mapped[Team | None] = relationship()
    created_by: Mapped[User | None] = relationship()

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    def __repr__(self) -> str:
        return f"<GroupVisit {self.public_id} {self.status} {self.starts_at:%Y-%m-%d}>"
