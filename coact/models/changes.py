"""A change log of directory records, written in the same transaction as the change.

Search indexes in every process and on every node catch up from this table by
watermark, so the database stays the single source of truth.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, String, event
from sqlalchemy.orm import Mapped, Session, mapped_column

from coact.extensions import db
from coact.models.base import UTCDateTime, utcnow
from coact.models.directory import (
    Organization,
    Service,
    ServiceArea,
    ServiceInterpreterLanguage,
    ServiceLanguage,
    ServiceTargetGroup,
    ServiceTheme,
)

_SERVICE_CHILDREN = (
    ServiceArea,
    ServiceInterpreterLanguage,
    ServiceLanguage,
    ServiceTargetGroup,
    ServiceTheme,
)


class DirectoryChange(db.Model):
    __tablename__ = "directory_change"

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(db.Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    #: "organization" or "service".
    entity: Mapped[str] = mapped_column(String(20))
    #: Database id of the organisation (for services, their organisation's id too).
    organization_id: Mapped[int] = mapped_column(index=True)
    op: Mapped[str] = mapped_column(String(10))


def _changed_organization_ids(session: Session) -> dict[int | Organization, str]:
    changed: dict[int | Organization, str] = {}
    for obj, op in (
        *((o, "upsert") for o in session.new),
        *((o, "upsert") for o in session.dirty if session.is_modified(o)),
        *((o, "delete") for o in session.deleted),
    ):
        if isinstance(obj, Organization):
            obj.set_sort_name() if op == "upsert" else None
            key = obj.id if obj.id is not None else obj
            changed[key] = "delete" if op == "delete" else changed.get(key, "upsert")
        elif isinstance(obj, Service):
            org = obj.organization
            if org is not None:
                changed.setdefault(org.id if org.id is not None else org, "upsert")
            elif obj.organization_id is not None:
                changed.setdefault(obj.organization_id, "upsert")
        elif isinstance(obj, _SERVICE_CHILDREN) and obj.service_id is not None:
            service = session.get(Service, obj.service_id)
            if service is not None:
                changed.setdefault(service.organization_id, "upsert")
    return changed


@event.listens_for(Session, "before_flush")
def _record_directory_changes(session: Session, flush_context, instances) -> None:
    pending = session.info.setdefault("coact_changed_orgs", {})
    pending.update(_changed_organization_ids(session))


@event.listens_for(Session, "after_flush")
def _write_directory_changes(session: Session, flush_context) -> None:
    pending: dict = session.info.pop("coact_changed_orgs", {})
    rows = []
    for key, op in pending.items():
        org_id = key.id if isinstance(key, Organization) else key
        if org_id is None:
            continue
        rows.append({"entity": "organization", "organization_id": org_id, "op": op, "at": utcnow()})
    if rows:
        session.execute(DirectoryChange.__table__.insert(), rows)
