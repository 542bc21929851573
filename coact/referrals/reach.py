"""Which organisations serve a wellbeing services county (optionally with a theme).

Used where a KOTO worker picks an organisation without coming from the matching
page, and to address an advance notice to every NGO of a theme in the county.
"""

from __future__ import annotations

from coact.extensions import db
from coact.models import (
    AREA_COUNTY,
    AREA_MUNICIPALITY,
    AREA_NATIONWIDE,
    STATUS_ACTIVE,
    Organization,
    Service,
    ServiceTheme,
)
from coact.reference import county_of


def serves_county(service: Service, county_code: str) -> bool:
    for area in service.areas:
        if area.kind == AREA_NATIONWIDE:
            return True
        if area.kind == AREA_COUNTY and area.code == county_code:
            return True
        if area.kind == AREA_MUNICIPALITY and county_of(area.code) == county_code:
            return True
    return False


def organizations_serving(county_code: str, theme: str | None = None) -> list[Organization]:
    """Active organisations with an active activity in ``county_code`` (and ``theme``)."""
    query = (
        db.select(Service)
        .join(Service.organization)
        .where(Service.status == STATUS_ACTIVE, Organization.status == STATUS_ACTIVE)
    )
    if theme:
        query = query.where(
            Service.id.in_(db.select(ServiceTheme.service_id).where(ServiceTheme.code == theme))
        )
    found: dict[int, Organization] = {}
    for service in db.session.scalars(query):
        if service.organization_id not in found and serves_county(service, county_code):
            found[service.organization_id] = service.organization
    return sorted(found.values(), key=lambda o: (o.sort_name, o.id))
