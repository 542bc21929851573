"""Changing organisations and activities by hand.

Every change goes through :func:`apply_changes`: it sets only the values that
differ, marks exactly those fields as edited by hand (imports then leave them
alone), moves ``updated_at`` and writes one audit row with the old and new
values. Nothing is committed here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, or_

from coact import audit
from coact.extensions import db
from coact.models import (
    ROLE_NGO_EDITOR,
    Organization,
    Service,
    ServiceArea,
    ServiceInterpreterLanguage,
    ServiceLanguage,
    ServiceTargetGroup,
    ServiceTheme,
    User,
    utcnow,
)

#: Code lists of an activity, kept as rows: attribute -> (rows attribute, row class).
CODE_LISTS = {
    "languages": ("language_rows", ServiceLanguage),
    "interpreter_languages": ("interpreter_rows", ServiceInterpreterLanguage),
    "themes": ("theme_rows", ServiceTheme),
    "target_groups": ("target_group_rows", ServiceTargetGroup),
}


def current_value(obj: Any, attribute: str) -> Any:
    """The stored value of ``attribute`` in the form :func:`apply_changes` compares."""
    if isinstance(obj, Service) and attribute in CODE_LISTS:
        return sorted(getattr(obj, attribute))
    if isinstance(obj, Service) and attribute == "areas":
        return sorted([area.kind, area.code] for area in obj.areas)
    return audit.jsonable(getattr(obj, attribute))


def _comparable(attribute: str, value: Any) -> Any:
    if attribute in CODE_LISTS:
        return sorted(value)
    if attribute == "areas":
        return sorted([kind, code] for kind, code in value)
    return audit.jsonable(value)


def _set_code_list(service: Service, attribute: str, codes: Iterable[str]) -> None:
    """Replace the rows of one code list, keeping rows that stay (no delete + insert)."""
    rows_attribute, row_class = CODE_LISTS[attribute]
    rows = getattr(service, rows_attribute)
    wanted = set(codes)
    for row in [r for r in rows if r.code not in wanted]:
        rows.remove(row)
    present = {r.code for r in rows}
    for code in sorted(wanted - present):
        rows.append(row_class(code=code))


def _set_areas(service: Service, areas: Iterable[tuple[str, str]]) -> None:
    wanted = {(kind, code) for kind, code in areas}
    for area in [a for a in service.areas if (a.kind, a.code) not in wanted]:
        service.areas.remove(area)
    present = {(a.kind, a.code) for a in service.areas}
    for kind, code in sorted(wanted - present):
        service.areas.append(ServiceArea(kind=kind, code=code))


def _assign(obj: Any, attribute: str, value: Any) -> None:
    if isinstance(obj, Service) and attribute in CODE_LISTS:
        _set_code_list(obj, attribute, value)
    elif isinstance(obj, Service) and attribute == "areas":
        _set_areas(obj, value)
    elif isinstance(value, dict):
        setattr(obj, attribute, dict(value))
    elif isinstance(value, list):
        setattr(obj, attribute, list(value))
    else:
        setattr(obj, attribute, value)


def apply_changes(obj: Organization | Service, values: dict[str, Any]) -> dict[str, dict]:
    """Set the differing ``values`` on ``obj``; returns ``{field: {"old", "new"}}``."""
    changed: dict[str, dict] = {}
    for attribute, value in values.items():
        old = current_value(obj, attribute)
        new = _comparable(attribute, value)
        if old == new:
            continue
        _assign(obj, attribute, value)
        changed[attribute] = {"old": old, "new": new}
    return changed


def _object_type(obj: Organization | Service) -> str:
    return "organization" if isinstance(obj, Organization) else "service"


def _record_edit(obj: Organization | Service, changed: dict[str, dict]) -> None:
    obj.updated_at = utcnow()
    obj.mark_manual(*changed)
    if isinstance(obj, Service) and obj.organization is not None:
        obj.organization.updated_at = obj.updated_at
    db.session.flush()
    audit.record(f"{_object_type(obj)}.update", _object_type(obj), obj.public_id, changed)


def update_organization(org: Organization, values: dict[str, Any]) -> dict[str, dict]:
    """Save an edit; an empty result means nothing differed and nothing was written."""
    changed = apply_changes(org, values)
    if changed:
        _record_edit(org, changed)
    return changed


def update_service(service: Service, values: dict[str, Any]) -> dict[str, dict]:
    changed = apply_changes(service, values)
    if changed:
        _record_edit(service, changed)
    return changed


def confirm_current(obj: Organization | Service) -> None:
    """The editor says the information is up to date (``last_verified_at``)."""
    now = utcnow()
    old = audit.jsonable(obj.last_verified_at)
    obj.last_verified_at = now
    _record_edit(obj, {"last_verified_at": {"old": old, "new": audit.jsonable(now)}})


def create_organization(values: dict[str, Any]) -> Organization:
    org = Organization(source="manual")
    db.session.add(org)
    apply_changes(org, values)
    db.session.flush()
    audit.record("organization.create", "organization", org.public_id, _created(values))
    return org


def create_service(org: Organization, values: dict[str, Any]) -> Service:
    service = Service(source="manual")
    org.services.append(service)
    apply_changes(service, values)
    org.updated_at = utcnow()
    db.session.flush()
    audit.record(
        "service.create",
        "service",
        service.public_id,
        {"organization": org.public_id, **_created(values)},
    )
    return service


def _created(values: dict[str, Any]) -> dict[str, dict]:
    return {
        name: {"old": None, "new": _comparable(name, value)}
        for name, value in values.items()
        if value not in (None, "", [], {}, False)
    }


def delete_service(service: Service) -> None:
    org = service.organization
    audit.record(
        "service.delete",
        "service",
        service.public_id,
        {"organization": org.public_id, "name": dict(service.name or {})},
    )
    org.services.remove(service)
    org.updated_at = utcnow()
    db.session.flush()


def delete_organization(org: Organization) -> None:
    audit.record(
        "organization.delete",
        "organization",
        org.public_id,
        {"name": dict(org.name or {}), "services": [s.public_id for s in org.services]},
    )
    db.session.delete(org)
    db.session.flush()


def search_organizations(query, text: str | None):
    """``query`` narrowed to organisations whose name or business id contains ``text``."""
    text = (text or "").strip()
    if not text:
        return query
    pattern = f"%{text.casefold()}%"
    return query.where(
        or_(
            Organization.sort_name.like(pattern),
            func.lower(db.cast(Organization.name, db.String)).like(pattern),
            Organization.business_id.like(f"%{text}%"),
        )
    )


def editors_of(org: Organization) -> list[User]:
    return sorted(
        (u for u in getattr(org, "editors", []) if u.role == ROLE_NGO_EDITOR),
        key=lambda u: u.email,
    )
