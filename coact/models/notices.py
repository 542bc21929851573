"""Advance notices: a KOTO team tells NGOs, in aggregate, whom it expects to refer."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coact.extensions import db
from coact.models.base import PublicIdMixin, StringList, TimestampMixin, UTCDateTime
from coact.models.directory import Organization
from coact.models.users import Team, User


class AdvanceNotice(PublicIdMixin, TimestampMixin, db.Model):
    """Addressed to one organisation, or to every NGO of ``theme`` serving the county."""

    __tablename__ = "advance_notice"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int | None] = mapped_column(
        ForeignKey("team.id", ondelete="SET NULL"), index=True
    )
    county_code: Mapped[str] = mapped_column(String(2), index=True)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), index=True
    )
    theme: Mapped[str | None] = mapped_column(String(40), index=True)
    expected_count: Mapped[int] = mapped_column(Integer)
    languages: Mapped[list[str]] = mapped_column(StringList, default=list)
    themes: Mapped[list[str]] = mapped_column(StringList, default=list)
    target_groups: Mapped[list[str]] = mapped_column(StringList, default=list)
    municipality_code: Mapped[str | None] = mapped_column(String(3))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date, index=True)
    message: Mapped[str] = mapped_column(Text, default="")
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    organization: Mapped[Organization | None] = relationship()
    team: Mapped[Team | None] = relationship()
    created_by: Mapped[User | None] = relationship()
