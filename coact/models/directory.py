"""The directory: organisations and their activities (HSDS services)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.ext.associationproxy import AssociationProxy, association_proxy
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coact.extensions import db
from coact.models.base import (
    JSON,
    JSONDict,
    MultilingualText,
    ProvenanceMixin,
    PublicIdMixin,
    StringList,
    TimestampMixin,
    UTCDateTime,
)
from coact.reference import pick_text

STATUS_ACTIVE = "active"
#: HSDS service statuses; only ``active`` is offered in matching.
SERVICE_STATUSES = ("active", "inactive", "defunct", "temporarily closed")
ORGANIZATION_STATUSES = ("active", "inactive")

AREA_MUNICIPALITY = "municipality"
AREA_COUNTY = "county"
AREA_NATIONWIDE = "nationwide"
AREA_KINDS = (AREA_MUNICIPALITY, AREA_COUNTY, AREA_NATIONWIDE)


class Organization(PublicIdMixin, TimestampMixin, ProvenanceMixin, db.Model):
    __tablename__ = "organization"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[dict] = mapped_column(MultilingualText, default=dict)
    #: Lower-cased display name for ordering lists; kept in step by ``set_sort_name``.
    sort_name: Mapped[str] = mapped_column(String(300), default="", index=True)
    alternate_names: Mapped[list[str]] = mapped_column(StringList, default=list)
    description: Mapped[dict] = mapped_column(MultilingualText, default=dict)
    business_id: Mapped[str | None] = mapped_column(String(20), index=True)
    website: Mapped[str | None] = mapped_column(String(500))
    email: Mapped[str | None] = mapped_column(String(255))
    phone: Mapped[str | None] = mapped_column(String(60))
    street_address: Mapped[str | None] = mapped_column(String(255))
    postal_code: Mapped[str | None] = mapped_column(String(10))
    city: Mapped[str | None] = mapped_column(String(100))
    #: Home municipality, Statistics Finland 3-digit code.
    municipality_code: Mapped[str | None] = mapped_column(String(3), index=True)
    contact_name: Mapped[str | None] = mapped_column(String(200))
    contact_title: Mapped[dict] = mapped_column(MultilingualText, default=dict)
    contact_email: Mapped[str | None] = mapped_column(String(255))
    contact_phone: Mapped[str | None] = mapped_column(String(60))
    status: Mapped[str] = mapped_column(String(20), default=STATUS_ACTIVE, index=True)
    last_verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: Ids of nested HSDS objects (contacts, phones, locations …) kept for round trips.
    hsds_ids: Mapped[dict] = mapped_column(JSONDict, default=dict)

    services: Mapped[list[Service]] = relationship(
        back_populates="organization",
        cascade="all, delete-orphan",
        order_by="Service.id",
    )

    def display_name(self, locale: str) -> str:
        return pick_text(self.name, locale)

    def set_sort_name(self) -> None:
        self.sort_name = pick_text(self.name, "fi").casefold()[:300]

    @property
    def is_active(self) -> bool:
        return self.status == STATUS_ACTIVE

    def __repr__(self) -> str:
        return f"<Organization {self.public_id} {pick_text(self.name, 'fi')!r}>"


class Service(PublicIdMixin, TimestampMixin, ProvenanceMixin, db.Model):
    """An activity an organisation runs (HSDS ``service``)."""

    __tablename__ = "service"

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[dict] = mapped_column(MultilingualText, default=dict)
    description: Mapped[dict] = mapped_column(MultilingualText, default=dict)
    #: Opening times in words ("Tiistaisin klo 17–19"), per language.
    schedule: Mapped[dict] = mapped_column(MultilingualText, default=dict)
    #: Structured recurrences where known: [{"freq": "WEEKLY", "byday": "TU",
    #: "opens_at": "17:00", "closes_at": "19:00"}].
    schedule_rules: Mapped[list] = mapped_column(JSON, default=list)
    eligibility: Mapped[dict] = mapped_column(MultilingualText, default=dict)
    interpretation_text: Mapped[dict] = mapped_column(MultilingualText, default=dict)
    minimum_age: Mapped[int | None] = mapped_column(Integer)
    maximum_age: Mapped[int | None] = mapped_column(Integer)
    accepts_referrals: Mapped[bool] = mapped_column(Boolean, default=False)
    can_escort: Mapped[bool] = mapped_column(Boolean, default=False)
    online: Mapped[bool] = mapped_column(Boolean, default=False)
    email: Mapped[str | None] = mapped_column(String(255))
    url: Mapped[str | None] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(20), default=STATUS_ACTIVE, index=True)
    last_verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    hsds_ids: Mapped[dict] = mapped_column(JSONDict, default=dict)

    organization: Mapped[Organization] = relationship(back_populates="services")
    language_rows: Mapped[list[ServiceLanguage]] = relationship(
        cascade="all, delete-orphan", order_by="ServiceLanguage.code"
    )
    interpreter_rows: Mapped[list[ServiceInterpreterLanguage]] = relationship(
        cascade="all, delete-orphan", order_by="ServiceInterpreterLanguage.code"
    )
    theme_rows: Mapped[list[ServiceTheme]] = relationship(cascade="all, delete-orphan")
    target_group_rows: Mapped[list[ServiceTargetGroup]] = relationship(cascade="all, delete-orphan")
    areas: Mapped[list[ServiceArea]] = relationship(
        cascade="all, delete-orphan", order_by="ServiceArea.id"
    )

    #: Plain lists of codes; assigning a list replaces the rows.
    languages: AssociationProxy[list[str]] = association_proxy(
        "language_rows", "code", creator=lambda code: ServiceLanguage(code=code)
    )
    interpreter_languages: AssociationProxy[list[str]] = association_proxy(
        "interpreter_rows", "code", creator=lambda code: ServiceInterpreterLanguage(code=code)
    )
    themes: AssociationProxy[list[str]] = association_proxy(
        "theme_rows", "code", creator=lambda code: ServiceTheme(code=code)
    )
    target_groups: AssociationProxy[list[str]] = association_proxy(
        "target_group_rows", "code", creator=lambda code: ServiceTargetGroup(code=code)
    )

    def display_name(self, locale: str) -> str:
        return pick_text(self.name, locale)

    @property
    def is_active(self) -> bool:
        return self.status == STATUS_ACTIVE

    @property
    def municipality_codes(self) -> list[str]:
        return [a.code for a in self.areas if a.kind == AREA_MUNICIPALITY]

    @property
    def county_codes(self) -> list[str]:
        return [a.code for a in self.areas if a.kind == AREA_COUNTY]

    @property
    def nationwide(self) -> bool:
        return any(a.kind == AREA_NATIONWIDE for a in self.areas)

    def __repr__(self) -> str:
        return f"<Service {self.public_id} {pick_text(self.name, 'fi')!r}>"


class _CodeRow:
    """A row of one code attached to a service (languages, themes …)."""

    service_id: Mapped[int] = mapped_column(
        ForeignKey("service.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)


class ServiceLanguage(_CodeRow, db.Model):
    """A language the activity is run in (ISO 639-1, else 639-3)."""

    __tablename__ = "service_language"


class ServiceInterpreterLanguage(_CodeRow, db.Model):
    """A language volunteer interpreters of the activity speak."""

    __tablename__ = "service_interpreter_language"


class ServiceTheme(_CodeRow, db.Model):
    __tablename__ = "service_theme"


class ServiceTargetGroup(_CodeRow, db.Model):
    __tablename__ = "service_target_group"


class ServiceArea(db.Model):
    """Where an activity is offered: a municipality, a county, or all of Finland."""

    __tablename__ = "service_area"
    __table_args__ = (UniqueConstraint("service_id", "kind", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(
        ForeignKey("service.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    #: Municipality (3 digits) or county (2 digits) code; "FI" for nationwide.
    code: Mapped[str] = mapped_column(String(10), index=True)
    hsds_id: Mapped[str | None] = mapped_column(String(36))
