"""Model factories for tests: sensible defaults, any column overridable.

Every factory adds and flushes (never commits), so a test decides when its data
is stored. Names and e-mails are unique per call so tests never collide.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from coact.auth.passwords import hash_password
from coact.extensions import db
from coact.models import (
    AREA_MUNICIPALITY,
    COUNTY_ROLES,
    STATUS_ACTIVE,
    Organization,
    Service,
    ServiceArea,
    Team,
    User,
)

DEFAULT_PASSWORD = "password"
DEFAULT_COUNTY = "04"


def _next() -> str:
    """A short unique tag (not a counter: this module may be imported under two names)."""
    return uuid.uuid4().hex[:8]


def make_organization(**kw: Any) -> Organization:
    """An active organisation in Helsinki with a Finnish name."""
    n = _next()
    values: dict[str, Any] = {
        "name": {"fi": f"Testiyhdistys {n}"},
        "description": {"fi": f"Testiyhdistyksen {n} kuvaus."},
        "status": STATUS_ACTIVE,
        "municipality_code": "091",
        "email": f"info{n}@example.org",
    }
    values.update(kw)
    org = Organization(**values)
    db.session.add(org)
    db.session.flush()
    return org


def make_service(
    org: Organization | None = None,
    *,
    languages: Iterable[str] = ("fi",),
    themes: Iterable[str] = (),
    target_groups: Iterable[str] = (),
    interpreter_languages: Iterable[str] = (),
    areas: Iterable[tuple[str, str]] = ((AREA_MUNICIPALITY, "091"),),
    **kw: Any,
) -> Service:
    """An active activity run in Finnish in Helsinki (a new organisation when none given)."""
    if org is None:
        org = make_organization()
    n = _next()
    values: dict[str, Any] = {
        "name": {"fi": f"Testitoiminta {n}"},
        "description": {"fi": f"Testitoiminnan {n} kuvaus."},
        "status": STATUS_ACTIVE,
    }
    values.update(kw)
    service = Service(organization=org, **values)
    service.languages = list(languages)
    service.themes = list(themes)
    service.target_groups = list(target_groups)
    service.interpreter_languages = list(interpreter_languages)
    service.areas = [ServiceArea(kind=kind, code=code) for kind, code in areas]
    db.session.add(service)
    db.session.flush()
    return service


def make_team(name: str | None = None, county_code: str = DEFAULT_COUNTY, **kw: Any) -> Team:
    team = Team(name=name or f"KOTO-tiimi {_next()}", county_code=county_code, **kw)
    db.session.add(team)
    db.session.flush()
    return team


def make_user(
    role: str,
    *,
    password: str = DEFAULT_PASSWORD,
    organizations: Iterable[Organization] = (),
    **kw: Any,
) -> User:
    """A user of ``role``; county roles get county 04 unless ``county_code`` is given."""
    n = _next()
    values: dict[str, Any] = {
        "email": f"user{n}@example.org",
        "name": f"Test User {n}",
        "role": role,
        "active": True,
    }
    if role in COUNTY_ROLES:
        values["county_code"] = DEFAULT_COUNTY
    values.update(kw)
    user = User(password_hash=hash_password(password), **values)
    user.organizations = list(organizations)
    db.session.add(user)
    db.session.flush()
    return user
