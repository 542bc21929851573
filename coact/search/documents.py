"""From database rows to index documents: one document per active activity.

Everything matching needs is in the document, so ranking never touches the
database; names and reasons shown to people are read from the database again
for the few results on the page (the database is the source of truth).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from coact.models import (
    AREA_COUNTY,
    AREA_MUNICIPALITY,
    AREA_NATIONWIDE,
    STATUS_ACTIVE,
    Organization,
    Service,
    ServiceArea,
    ServiceInterpreterLanguage,
    ServiceLanguage,
    ServiceTargetGroup,
    ServiceTheme,
)
from coact.reference import county_of
from coact.search.analysis import ANALYSED_LANGUAGES, NAME_FIELD, analyse_for_fields, name_terms
from coact.search.mentions import Mentions, find_groups, find_mentions
from coact.search.thesaurus import thesaurus

#: Flags in the ``flags`` keyword field.
FLAG_ONLINE = "online"
FLAG_NATIONWIDE = "nationwide"
FLAG_ESCORT = "escort"
FLAG_REFERRALS = "referrals"
NO_AGE = -1
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def day_number(value: datetime) -> int:
    return (value.astimezone(UTC) - _EPOCH).days


def _record_date(obj: Service | Organization) -> datetime | None:
    """When the record was last changed: the source's time while the record is as the
    source gave it (imports), else our own; ``last_verified_at`` when later."""
    dates = [obj.last_verified_at]
    if (
        obj.source_modified_at
        and obj.fetched_at
        and obj.updated_at
        and obj.updated_at <= obj.fetched_at
    ):
        dates.append(obj.source_modified_at)
    else:
        dates.append(obj.updated_at or obj.created_at)
    return max((d for d in dates if d is not None), default=None)


def profile_date(service: Service) -> datetime | None:
    """The date behind "not updated since …": the activity's, or the organisation's
    confirmation that its profile is up to date, whichever is later."""
    dates = [_record_date(service), service.organization.last_verified_at]
    return max((d for d in dates if d is not None), default=None)


def is_indexed(service: Service) -> bool:
    """Only active activities of active organisations are ever offered."""
    return service.is_active and service.organization.is_active


@dataclass(frozen=True)
class Profile:
    """What matching knows about an activity: its declared fields, completed from its
    own words where those are silent (see :mod:`coact.search.mentions`)."""

    languages: frozenset[str]
    interpreters: frozenset[str]
    municipalities: tuple[str, ...]
    counties: tuple[str, ...]
    nationwide: bool
    online: bool
    target_groups: frozenset[str]
    minimum_age: int | None
    maximum_age: int | None

    def facts(self) -> dict:
        """What the index stores of the profile, to explain results without recomputing."""
        return {
            "lang": sorted(self.languages),
            "interp": sorted(self.interpreters),
            "muni": list(self.municipalities),
            "county": list(self.counties),
            "nationwide": self.nationwide,
            "online": self.online,
            "tg": sorted(self.target_groups),
            "minage": self.minimum_age,
            "maxage": self.maximum_age,
        }

    @classmethod
    def from_facts(cls, facts: dict) -> Profile:
        return cls(
            languages=frozenset(facts["lang"]),
            interpreters=frozenset(facts["interp"]),
            municipalities=tuple(facts["muni"]),
            counties=tuple(facts["county"]),
            nationwide=bool(facts["nationwide"]),
            online=bool(facts["online"]),
            target_groups=frozenset(facts["tg"]),
            minimum_age=facts["minage"],
            maximum_age=facts["maxage"],
        )


def _service_text(service: Service) -> str:
    parts = []
    for values in (service.name, service.description, service.eligibility, service.schedule):
        parts.extend(v for v in (values or {}).values() if v)
    return "\n".join(parts)


def _organization_mentions(org: Organization) -> Mentions:
    text = "\n".join(v for v in (org.description or {}).values() if v)
    return find_mentions(text) if text else Mentions()


def profile_of(service: Service, organization_mentions: Mentions | None = None) -> Profile:
    """Languages from the profile plus those its texts name ("toimintaa arabiaksi");
    interpreter languages likewise; places as declared, else as its text or its
    organisation's text names them, else the organisation's home municipality;
    target groups and ages as declared, else as its name and text say.
    ``organization_mentions`` saves reading the organisation's text again."""
    return build_profile(service, organization_mentions)


def build_profile(service: Service, organization_mentions: Mentions | None = None) -> Profile:
    own = find_mentions(_service_text(service))
    interpretation = find_mentions("\n".join((service.interpretation_text or {}).values()))
    org = organization_mentions or _organization_mentions(service.organization)
    languages = {row.code for row in service.language_rows} | own.languages
    if not languages:
        languages |= org.languages
    interpreters = {row.code for row in service.interpreter_rows} | own.interpreters
    interpreters |= interpretation.languages | interpretation.interpreters
    municipalities = {a.code for a in service.areas if a.kind == AREA_MUNICIPALITY}
    counties = {a.code for a in service.areas if a.kind == AREA_COUNTY}
    nationwide = any(a.kind == AREA_NATIONWIDE for a in service.areas)
    if not municipalities and not counties and not nationwide:
        for found in (own, org):
            if found.municipalities or found.counties or found.nationwide:
                municipalities |= found.municipalities
                counties |= found.counties
                nationwide = found.nationwide
                break
    if not municipalities and not counties and not nationwide and not service.online:
        home = service.organization.municipality_code
        if home:
            municipalities.add(home)
    counties.update(c for c in (county_of(m) for m in municipalities) if c)
    target_groups = {row.code for row in service.target_group_rows}
    minimum_age, maximum_age = service.minimum_age, service.maximum_age
    if not target_groups and minimum_age is None and maximum_age is None:
        description = "\n".join(
            v
            for values in (service.description, service.eligibility)
            for v in (values or {}).values()
            if v
        )
        groups = find_groups(" ".join((service.name or {}).values()), description)
        target_groups = groups.groups
        minimum_age, maximum_age = groups.minimum_age, groups.maximum_age
    return Profile(
        languages=frozenset(languages),
        interpreters=frozenset(interpreters - languages),
        municipalities=tuple(sorted(municipalities)),
        counties=tuple(sorted(counties)),
        nationwide=nationwide,
        online=bool(service.online),
        target_groups=frozenset(target_groups),
        minimum_age=minimum_age,
        maximum_age=maximum_age,
    )


def _own_texts(service: Service) -> Iterator[tuple[str, str | None, int]]:
    """The activity's own words (names count three times)."""
    for lang, text in (service.name or {}).items():
        yield text, lang, 3
    for values in (service.description, service.eligibility, service.interpretation_text):
        for lang, text in (values or {}).items():
            yield text, lang, 1


def _organization_names(service: Service) -> str:
    """The organisation's names, so a search by name finds its activities. Its
    description is left out: it tells about all its activities, and would make
    each of them match every need the organisation works on."""
    org = service.organization
    return " ".join([*(org.name or {}).values(), *(org.alternate_names or [])])


def build_document(service: Service, organization_mentions: Mentions | None = None) -> dict:
    """The index document of one active activity."""
    org = service.organization
    own = list(_own_texts(service))
    inferred: set[str] = set()

    def infer_themes(tokens: list[str], field: str) -> None:
        languages = (field,) if field in ANALYSED_LANGUAGES else ANALYSED_LANGUAGES
        inferred.update(m.theme for m in thesaurus().matches(tokens, languages=languages))

    fields = analyse_for_fields(own, infer_themes)
    fields[NAME_FIELD] = name_terms(_organization_names(service))
    profile = profile_of(service, organization_mentions)
    flags = [
        flag
        for flag, on in (
            (FLAG_ONLINE, profile.online),
            (FLAG_NATIONWIDE, profile.nationwide),
            (FLAG_ESCORT, service.can_escort),
            (FLAG_REFERRALS, service.accepts_referrals),
        )
        if on
    ]
    updated = profile_date(service)
    facts = profile.facts()
    themes = sorted({row.code for row in service.theme_rows})
    facts["themes"] = themes
    facts["updated"] = updated.isoformat() if updated else None
    doc = {
        "facts": facts,
        "key": f"s{service.id}",
        "org_key": f"o{org.id}",
        "org": org.id,
        "sid": service.id,
        "lang": " ".join(sorted(profile.languages)),
        "interp": " ".join(sorted(profile.interpreters)),
        "theme": " ".join(themes),
        "ttheme": " ".join(sorted(inferred)),
        "tg": " ".join(sorted(profile.target_groups)),
        "muni": " ".join(profile.municipalities),
        "county": " ".join(profile.counties),
        "flags": " ".join(flags),
        "minage": profile.minimum_age if profile.minimum_age is not None else NO_AGE,
        "maxage": profile.maximum_age if profile.maximum_age is not None else NO_AGE,
        "updated": day_number(updated) if updated else 0,
    }
    doc.update(fields)
    return {k: v for k, v in doc.items() if v != ""}


@dataclass
class _Code:
    code: str


@dataclass
class _Area:
    kind: str
    code: str


_ORG_COLUMNS = (
    "id",
    "name",
    "alternate_names",
    "description",
    "status",
    "municipality_code",
    "last_verified_at",
    "updated_at",
)
_SERVICE_COLUMNS = (
    "id",
    "organization_id",
    "name",
    "description",
    "schedule",
    "eligibility",
    "interpretation_text",
    "minimum_age",
    "maximum_age",
    "accepts_referrals",
    "can_escort",
    "online",
    "status",
    "last_verified_at",
    "updated_at",
    "created_at",
    "source_modified_at",
    "fetched_at",
)
_CODE_TABLES = (
    ("language_rows", ServiceLanguage),
    ("interpreter_rows", ServiceInterpreterLanguage),
    ("theme_rows", ServiceTheme),
    ("target_group_rows", ServiceTargetGroup),
)


class OrganizationData:
    """An organisation as indexing reads it: plain attributes named as on the model,
    read with a few Core queries (a rebuild reads the whole directory)."""

    def __init__(self, **values) -> None:
        self.__dict__.update(values)
        self.services: list[ServiceData] = []

    @property
    def is_active(self) -> bool:
        return self.status == STATUS_ACTIVE


class ServiceData:
    """An activity as indexing reads it (see :class:`OrganizationData`)."""

    def __init__(self, organization: OrganizationData, **values) -> None:
        self.__dict__.update(values)
        self.organization = organization
        self.language_rows: list[_Code] = []
        self.interpreter_rows: list[_Code] = []
        self.theme_rows: list[_Code] = []
        self.target_group_rows: list[_Code] = []
        self.areas: list[_Area] = []

    @property
    def is_active(self) -> bool:
        return self.status == STATUS_ACTIVE


def organizations_by_id(session: Session, org_ids: Iterable[int]) -> dict[int, OrganizationData]:
    """Organisations with their activities and the activities' codes and areas."""
    ids = sorted(set(org_ids))
    found: dict[int, OrganizationData] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        org_columns = [getattr(Organization, name) for name in _ORG_COLUMNS]
        for row in session.execute(select(*org_columns).where(Organization.id.in_(chunk))):
            found[row.id] = OrganizationData(**row._asdict())
        services: dict[int, ServiceData] = {}
        service_columns = [getattr(Service, name) for name in _SERVICE_COLUMNS]
        for row in session.execute(
            select(*service_columns).where(Service.organization_id.in_(chunk)).order_by(Service.id)
        ):
            org = found.get(row.organization_id)
            if org is not None:
                service = ServiceData(org, **row._asdict())
                org.services.append(service)
                services[service.id] = service
        service_ids = list(services)
        for attribute, table in _CODE_TABLES:
            for row in session.execute(
                select(table.service_id, table.code)
                .where(table.service_id.in_(service_ids))
                .order_by(table.service_id, table.code)
            ):
                getattr(services[row.service_id], attribute).append(_Code(row.code))
        for row in session.execute(
            select(ServiceArea.service_id, ServiceArea.kind, ServiceArea.code)
            .where(ServiceArea.service_id.in_(service_ids))
            .order_by(ServiceArea.id)
        ):
            services[row.service_id].areas.append(_Area(row.kind, row.code))
    return found


def services_by_id(session: Session, service_ids: Iterable[int]) -> dict[int, Service]:
    """Activities and their organisations, for the names and flags results show (the
    profile facts behind the reasons are stored in the index)."""
    ids = sorted(set(service_ids))
    if not ids:
        return {}
    rows = session.scalars(
        select(Service).where(Service.id.in_(ids)).options(joinedload(Service.organization))
    )
    return {service.id: service for service in rows}


def documents_for(org: OrganizationData) -> list[dict]:
    services = [s for s in org.services if is_indexed(s)]
    if not services:
        return []
    mentions = _organization_mentions(org)
    return [build_document(s, mentions) for s in services]


def iter_all_organizations(session: Session, batch: int = 500) -> Iterator[OrganizationData]:
    """Every organisation, in id order, loaded in batches (the full rebuild)."""
    last = 0
    while True:
        ids = session.scalars(
            select(Organization.id)
            .where(Organization.id > last)
            .order_by(Organization.id)
            .limit(batch)
        ).all()
        if not ids:
            return
        orgs = organizations_by_id(session, ids)
        for org_id in ids:
            if org_id in orgs:
                yield orgs[org_id]
        last = ids[-1]
