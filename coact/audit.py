"""The audit trail: who changed what, and who read which personal data.

Callers pass what happened; this module fills in who (the logged-in user unless
told otherwise) and turns values into JSON so the row can always be stored.
Rows are added and flushed, never committed: they commit or roll back with the
change they describe.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from flask import has_request_context
from flask_login import current_user
from sqlalchemy import inspect

from coact.extensions import db
from coact.models import AuditLog, User


def _acting_user() -> User | None:
    if has_request_context() and getattr(current_user, "is_authenticated", False):
        return current_user._get_current_object()
    return None


def jsonable(value: Any) -> Any:
    """``value`` as JSON: datetimes as ISO text, sets and tuples as sorted lists."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted(jsonable(v) for v in value)
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


def record(
    action: str,
    object_type: str,
    object_id: str,
    details: dict | None = None,
    user: User | None = None,
) -> AuditLog:
    """Add one audit row; ``user`` defaults to the logged-in user (None: the system)."""
    actor = user if user is not None else _acting_user()
    entry = AuditLog(
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        details=jsonable(details or {}),
        user_id=actor.id if actor is not None else None,
    )
    db.session.add(entry)
    db.session.flush()
    return entry


def snapshot(obj: Any, fields: Iterable[str]) -> dict[str, Any]:
    """Copies of ``obj``'s values, taken before an edit, for :func:`diff`."""
    return {name: jsonable(getattr(obj, name)) for name in fields}


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """``{field: {"old": ..., "new": ...}}`` for the fields whose value differs."""
    return {
        name: {"old": before.get(name), "new": after.get(name)}
        for name in after
        if before.get(name) != after.get(name)
    }


def changes(obj: Any, fields: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Old/new of ``fields`` assigned on ``obj`` since it was loaded (before flush).

    Reads SQLAlchemy attribute history, so it sees assignments of new values;
    for values changed in place (a dict edited key by key) take a
    :func:`snapshot` first and use :func:`diff`.
    """
    state = inspect(obj)
    found: dict[str, dict[str, Any]] = {}
    for name in fields:
        history = state.attrs[name].history
        if not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else getattr(obj, name)
        if jsonable(old) != jsonable(new):
            found[name] = {"old": jsonable(old), "new": jsonable(new)}
    return found
