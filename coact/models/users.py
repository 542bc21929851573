"""People who log in, their roles and what they belong to."""

from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, Column, ForeignKey, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coact.extensions import db
from coact.models.base import TimestampMixin, UTCDateTime

ROLE_ADMIN = "admin"
ROLE_NGO_EDITOR = "ngo_editor"
ROLE_KOTO_WORKER = "koto_worker"
ROLE_COORDINATOR = "coordinator"
#: Everyone else is the public, who never logs in.
ROLES = (ROLE_ADMIN, ROLE_NGO_EDITOR, ROLE_KOTO_WORKER, ROLE_COORDINATOR)
#: Roles that belong to a wellbeing services county.
COUNTY_ROLES = (ROLE_KOTO_WORKER, ROLE_COORDINATOR)

organization_editors = Table(
    "organization_editor",
    db.metadata,
    Column("user_id", ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True),
    Column("organization_id", ForeignKey("organization.id", ondelete="CASCADE"), primary_key=True),
)


class Team(db.Model):
    """A KOTO team of one wellbeing services county."""

    __tablename__ = "team"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    county_code: Mapped[str] = mapped_column(String(2), index=True)

    members: Mapped[list[User]] = relationship(back_populates="team")


class User(UserMixin, TimestampMixin, db.Model):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(255), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), index=True)
    #: Wellbeing services county (2 digits) of KOTO workers and coordinators.
    county_code: Mapped[str | None] = mapped_column(String(2), index=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"), index=True)
    locale: Mapped[str | None] = mapped_column(String(10))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    team: Mapped[Team | None] = relationship(back_populates="members")
    organizations = relationship(
        "Organization", secondary=organization_editors, backref="editors", lazy="selectin"
    )

    @property
    def is_active(self) -> bool:  # Flask-Login
        return self.active

    def __repr__(self) -> str:
        return f"<User {self.email} {self.role}>"
