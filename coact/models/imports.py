"""What imports did and what they left for people to decide.

An :class:`ImportRun` is one run of one source, with counts and the
per-record errors (:class:`ImportItemError`). When a source disagrees with a
field someone edited by hand, the source's value waits as a
:class:`SourceDiff` for a person to accept or dismiss. A record that looks
like an organisation already in the directory from another source is not
created twice: it waits as a :class:`DuplicateCandidate` pointing at the
existing organisation.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coact.extensions import db
from coact.models.base import JSON, UTCDateTime, utcnow
from coact.models.directory import Organization, Service

RUN_RUNNING = "running"
RUN_FINISHED = "finished"
#: Finished, but some records were skipped or the vanished step was refused.
RUN_FINISHED_WITH_ERRORS = "finished_with_errors"
#: Stopped by an exception or Ctrl-C; the batches committed before it are kept.
RUN_FAILED = "failed"
RUN_STATUSES = (RUN_RUNNING, RUN_FINISHED, RUN_FINISHED_WITH_ERRORS, RUN_FAILED)

DIFF_PENDING = "pending"
DIFF_ACCEPTED = "accepted"
DIFF_DISMISSED = "dismissed"
DIFF_STATUSES = (DIFF_PENDING, DIFF_ACCEPTED, DIFF_DISMISSED)

DUPLICATE_PENDING = "pending"
#: A person agreed it is the existing organisation; later imports of it are skipped.
DUPLICATE_CONFIRMED = "confirmed"
#: A person said it is a different organisation; it was created.
DUPLICATE_REJECTED = "rejected"
DUPLICATE_STATUSES = (DUPLICATE_PENDING, DUPLICATE_CONFIRMED, DUPLICATE_REJECTED)

#: Why a record looks like an existing organisation.
DUPLICATE_REASONS = ("business_id", "name_municipality", "website")

FLAG_VANISHED = "vanished"
FLAG_DUPLICATE = "duplicate"


class ImportRun(db.Model):
    __tablename__ = "import_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(40), index=True)
    #: Languages of the texts imported ("fi", or "fi,sv,en"); None when the
    #: records carried every language.
    lang: Mapped[str | None] = mapped_column(String(40))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(24), default=RUN_RUNNING, index=True)
    dry_run: Mapped[bool] = mapped_column(Boolean, default=False)
    full_source: Mapped[bool] = mapped_column(Boolean, default=False)
    created: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    flagged: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    #: Why the run failed, in words (the exception), or None.
    message: Mapped[str | None] = mapped_column(Text)
    started_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), index=True
    )

    item_errors: Mapped[list[ImportItemError]] = relationship(
        back_populates="run", cascade="all, delete-orphan", order_by="ImportItemError.id"
    )

    def __repr__(self) -> str:
        return f"<ImportRun {self.id} {self.source} {self.status}>"


class ImportItemError(db.Model):
    """One record of a run that was not written, and why (record and field named)."""

    __tablename__ = "import_item_error"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("import_run.id", ondelete="CASCADE"), index=True)
    #: The source id, or a position such as "item 3".
    record: Mapped[str] = mapped_column(String(255))
    #: Dotted path of the field ("services[0].languages[1].code"), or "" for the record.
    field: Mapped[str] = mapped_column(String(255), default="")
    message: Mapped[str] = mapped_column(Text)

    run: Mapped[ImportRun] = relationship(back_populates="item_errors")

    def __str__(self) -> str:
        return f"{self.record}: {self.field}: {self.message}"


class SourceDiff(db.Model):
    """The source now says something else about a field a person edited by hand.

    One row per (record, field, language, source value): a dismissed value is
    never proposed again, a newer source value replaces a pending one.
    """

    __tablename__ = "source_diff"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: "organization" or "service".
    entity: Mapped[str] = mapped_column(String(20))
    #: The organisation, also for a service's diff (lists and permissions go by it).
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), index=True
    )
    service_id: Mapped[int | None] = mapped_column(
        ForeignKey("service.id", ondelete="CASCADE"), index=True
    )
    #: The model attribute ("description", "languages", "areas" …).
    field: Mapped[str] = mapped_column(String(60))
    #: For a multilingual field, the language of the text; else None.
    lang: Mapped[str | None] = mapped_column(String(12))
    source: Mapped[str] = mapped_column(String(40))
    #: The source's value in the stored form: text, list of codes, areas as
    #: [{"kind": ..., "code": ...}], number, boolean or null.
    source_value: Mapped[object] = mapped_column(JSON, nullable=True)
    status: Mapped[str] = mapped_column(String(12), default=DIFF_PENDING, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    run_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_run.id", ondelete="SET NULL"), index=True
    )

    organization: Mapped[Organization] = relationship()
    service: Mapped[Service | None] = relationship()

    @property
    def target(self) -> Organization | Service:
        return self.service if self.entity == "service" else self.organization

    def __repr__(self) -> str:
        return f"<SourceDiff {self.entity} {self.field} {self.lang or ''} {self.status}>"


class DuplicateCandidate(db.Model):
    """A source record that looks like an organisation already in the directory.

    The record is kept here (``record``, the normalised record as JSON) instead
    of being created, and the existing organisation gets ``review_flag =
    "duplicate"``. A person confirms (same organisation: later imports of this
    source id are skipped) or rejects (a different one: it is created).
    """

    __tablename__ = "duplicate_candidate"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(40), index=True)
    source_id: Mapped[str] = mapped_column(String(255), index=True)
    #: The organisation already in the directory that this record resembles.
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), index=True
    )
    #: "business_id", "name_municipality" or "website".
    reason: Mapped[str] = mapped_column(String(30))
    record: Mapped[dict] = mapped_column(JSON)
    #: Languages of the record's texts, as given to the import (see ImportRun.lang).
    lang: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(12), default=DUPLICATE_PENDING, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    run_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_run.id", ondelete="SET NULL"), index=True
    )

    organization: Mapped[Organization] = relationship()

    def __repr__(self) -> str:
        return f"<DuplicateCandidate {self.source}:{self.source_id} ~ {self.organization_id}>"
