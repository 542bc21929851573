"""Queries behind the public directory pages.

The public sees active organisations and their active activities only. Each
function loads everything its page shows, so templates never query.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from math import ceil

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import selectinload

from coact.extensions import db
from coact.models import (
    AREA_COUNTY,
    AREA_MUNICIPALITY,
    AREA_NATIONWIDE,
    STATUS_ACTIVE,
    Organization,
    Service,
    ServiceArea,
    ServiceLanguage,
    ServiceTargetGroup,
    ServiceTheme,
)
from coact.reference import county_of, pick_text

PER_PAGE = 20


@dataclass(frozen=True)
class OrganizationFilters:
    """Checked filter values (codes as in the URL, ``None`` for "any")."""

    q: str = ""
    municipality: str | None = None
    language: str | None = None
    theme: str | None = None
    target_group: str | None = None

    @property
    def any_set(self) -> bool:
        return bool(self.q or self.municipality or self.language or self.theme or self.target_group)


@dataclass
class ResultPage:
    """One page of results, with the attributes of Flask-SQLAlchemy's ``Pagination``
    that ``_macros.html``'s ``pagination`` uses."""

    items: list
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, ceil(self.total / self.per_page))

    @property
    def first(self) -> int:
        return 0 if not self.total else (self.page - 1) * self.per_page + 1

    @property
    def last(self) -> int:
        return min(self.total, self.page * self.per_page)

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def prev_num(self) -> int | None:
        return self.page - 1 if self.has_prev else None

    @property
    def next_num(self) -> int | None:
        return self.page + 1 if self.has_next else None

    def iter_pages(
        self, left_edge: int = 1, left_current: int = 2, right_current: int = 2, right_edge: int = 1
    ) -> Iterator[int | None]:
        """Page numbers to link, ``None`` where numbers are left out."""
        previous = 0
        for number in range(1, self.pages + 1):
            if (
                number <= left_edge
                or self.page - left_current <= number <= self.page + right_current
                or number > self.pages - right_edge
            ):
                if number - previous > 1:
                    yield None
                yield number
                previous = number


class PageOutOfRange(ValueError):
    def __init__(self, page: int, pages: int) -> None:
        super().__init__(f"page {page} of {pages}")
        self.page = page
        self.pages = pages


def _active_services(*conditions: ColumnElement[bool]) -> ColumnElement[bool]:
    return Organization.services.any(and_(Service.status == STATUS_ACTIVE, *conditions))


def _serves_municipality(code: str) -> ColumnElement[bool]:
    """An activity serves a municipality directly, through its county, nationwide or online."""
    area_conditions = [
        and_(ServiceArea.kind == AREA_MUNICIPALITY, ServiceArea.code == code),
        ServiceArea.kind == AREA_NATIONWIDE,
    ]
    county = county_of(code)
    if county:
        area_conditions.append(and_(ServiceArea.kind == AREA_COUNTY, ServiceArea.code == county))
    return or_(Service.online.is_(True), Service.areas.any(or_(*area_conditions)))


def _organization_condition(filters: OrganizationFilters) -> ColumnElement[bool] | None:
    """One activity must meet all activity filters; the municipality may also be
    the organisation's home municipality."""
    service_conditions = []
    if filters.language:
        service_conditions.append(
            Service.language_rows.any(ServiceLanguage.code == filters.language)
        )
    if filters.theme:
        service_conditions.append(Service.theme_rows.any(ServiceTheme.code == filters.theme))
    if filters.target_group:
        service_conditions.append(
            Service.target_group_rows.any(ServiceTargetGroup.code == filters.target_group)
        )
    if filters.municipality:
        at_home = Organization.municipality_code == filters.municipality
        serves = _serves_municipality(filters.municipality)
        if service_conditions:
            return or_(
                and_(at_home, _active_services(*service_conditions)),
                _active_services(*service_conditions, serves),
            )
        return or_(at_home, _active_services(serves))
    if service_conditions:
        return _active_services(*service_conditions)
    return None


def _name_matches(query: str, names: dict, alternate_names: list) -> bool:
    needle = query.casefold()
    return any(needle in (value or "").casefold() for value in (*names.values(), *alternate_names))


def list_organizations(
    filters: OrganizationFilters, locale: str, page: int = 1, per_page: int = PER_PAGE
) -> ResultPage:
    """Active organisations matching ``filters``, by name in ``locale``.

    Names are multilingual JSON, so the text match and the ordering happen here
    on (id, names) rows; only the page's organisations are loaded in full.
    Raises :class:`PageOutOfRange` for a page past the last one.
    """
    stmt = select(Organization.id, Organization.name, Organization.alternate_names).where(
        Organization.status == STATUS_ACTIVE
    )
    condition = _organization_condition(filters)
    if condition is not None:
        stmt = stmt.where(condition)
    rows = db.session.execute(stmt).all()
    if filters.q:
        rows = [r for r in rows if _name_matches(filters.q, r.name or {}, r.alternate_names or [])]
    rows.sort(key=lambda r: (pick_text(r.name, locale).casefold(), r.id))
    result = ResultPage(items=[], total=len(rows), page=page, per_page=per_page)
    if page > result.pages:
        raise PageOutOfRange(page, result.pages)
    ids = [r.id for r in rows[(page - 1) * per_page : page * per_page]]
    if ids:
        loaded = db.session.scalars(
            select(Organization)
            .where(Organization.id.in_(ids))
            .options(
                selectinload(Organization.services).selectinload(Service.language_rows),
            )
        ).all()
        by_id = {org.id: org for org in loaded}
        result.items = [by_id[i] for i in ids]
    return result


def directory_languages() -> list[str]:
    """Codes of the languages active activities of active organisations are run in."""
    stmt = (
        select(ServiceLanguage.code)
        .join(Service, Service.id == ServiceLanguage.service_id)
        .join(Organization, Organization.id == Service.organization_id)
        .where(Service.status == STATUS_ACTIVE, Organization.status == STATUS_ACTIVE)
        .distinct()
    )
    return list(db.session.scalars(stmt))


@dataclass(frozen=True)
class DirectorySize:
    organizations: int
    activities: int


def directory_size() -> DirectorySize:
    organizations = db.session.scalar(
        select(func.count(Organization.id)).where(Organization.status == STATUS_ACTIVE)
    )
    activities = db.session.scalar(
        select(func.count(Service.id))
        .join(Organization, Organization.id == Service.organization_id)
        .where(Service.status == STATUS_ACTIVE, Organization.status == STATUS_ACTIVE)
    )
    return DirectorySize(organizations or 0, activities or 0)


_SERVICE_DETAILS = (
    selectinload(Service.language_rows),
    selectinload(Service.interpreter_rows),
    selectinload(Service.theme_rows),
    selectinload(Service.target_group_rows),
    selectinload(Service.areas),
)


def get_organization(public_id: str) -> Organization | None:
    """The organisation with its activities, whatever its status (the page says
    when it is no longer active)."""
    return db.session.scalar(
        select(Organization)
        .where(Organization.public_id == public_id)
        .options(selectinload(Organization.services).options(*_SERVICE_DETAILS))
    )


def get_service(public_id: str) -> Service | None:
    return db.session.scalar(
        select(Service)
        .where(Service.public_id == public_id)
        .options(selectinload(Service.organization), *_SERVICE_DETAILS)
    )
