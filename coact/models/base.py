"""Column types and mixins shared by the models."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import JSON, DateTime, String, TypeDecorator
from sqlalchemy.ext.mutable import MutableDict, MutableList
from sqlalchemy.orm import Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_public_id() -> str:
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on SQLite and PostgreSQL alike.

    SQLite drops the offset; this type stores UTC and always returns aware values,
    so comparisons never mix naive and aware datetimes.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None:
            if value.tzinfo is None:
                raise ValueError("naive datetime given; use coact.models.base.utcnow()")
            value = value.astimezone(UTC)
        return value

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


JSONDict = MutableDict.as_mutable(JSON)
#: A text per language code: ``{"fi": "...", "sv": "...", "ar": "..."}``.
MultilingualText = JSONDict
StringList = MutableList.as_mutable(JSON)


class PublicIdMixin:
    """A UUID that identifies the record in URLs, the API and HSDS exports."""

    public_id: Mapped[str] = mapped_column(
        String(36), unique=True, index=True, default=new_public_id
    )


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class ProvenanceMixin:
    """Where a record came from, and which fields people edited by hand.

    ``source`` is ``manual`` for records created in the app, else the importer's
    name (``hsds``, ``ptv``, ``lahella`` …) with the id the source uses. A field
    listed in ``manual_fields`` is never overwritten by an import.
    """

    source: Mapped[str] = mapped_column(String(40), default="manual", index=True)
    source_id: Mapped[str | None] = mapped_column(String(255), index=True)
    source_url: Mapped[str | None] = mapped_column(String(1000))
    fetched_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    source_modified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    manual_fields: Mapped[list[str]] = mapped_column(StringList, default=list)
    #: None, or why a person should look at this record: "vanished", "duplicate".
    review_flag: Mapped[str | None] = mapped_column(String(40))

    def mark_manual(self, *fields: str) -> None:
        for name in fields:
            if name not in self.manual_fields:
                self.manual_fields.append(name)
