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
from sqlalchemy.orm import Session, joinedload, selectinload

from coact.models import AREA_COUNTY, AREA_MUNICIPALITY, AREA_NATIONWIDE, Organization, Service
from coact.reference import county_of
from coact.search.analysis import NAME_FIELD, analyse_for_fields, detect_language, name_terms
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


_ORG_MENTIONS: dict[tuple, Mentions] = {}


def _organization_mentions(org: Organization) -> Mentions:
    key = (org.id, org.updated_at)
    found = _ORG_MENTIONS.get(key) if org.id is not None else None
    if found is None:
        text = "\n".join(v for v in (org.description or {}).values() if v)
        found = find_mentions(text) if text else Mentions()
        if org.id is not None:
            if len(_ORG_MENTIONS) >= _PROFILE_CACHE_LIMIT:
                _ORG_MENTIONS.clear()
            _ORG_MENTIONS[key] = found
    return found


_PROFILE_CACHE: dict[tuple, Profile] = {}
_PROFILE_CACHE_LIMIT = 20_000


def profile_of(service: Service) -> Profile:
    """:func:`build_profile`, remembered until the activity or its organisation changes."""
    key = (service.id, service.updated_at, service.organization.id, service.organization.updated_at)
    found = _PROFILE_CACHE.get(key) if service.id is not None else None
    if found is None:
        found = build_profile(service)
        if service.id is not None:
            if len(_PROFILE_CACHE) >= _PROFILE_CACHE_LIMIT:
                _PROFILE_CACHE.clear()
            _PROFILE_CACHE[key] = found
    return found


def build_profile(service: Service) -> Profile:
    """Languages from the profile plus those its texts name ("toimintaa arabiaksi");
    interpreter languages likewise; places as declared, else as its text or its
    organisation's text names them, else the organisation's home municipality."""
    own = find_mentions(_service_text(service))
    interpretation = find_mentions("\n".join((service.interpretation_text or {}).values()))
    org = _organization_mentions(service.organization)
    languages = set(service.languages) | own.languages
    if not languages:
        languages |= org.languages
    interpreters = set(service.interpreter_languages) | own.interpreters
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
    target_groups = set(service.target_groups)
    minimum_age, maximum_age = service.minimum_age, service.maximum_age
    if not target_groups and minimum_age is None and maximum_age is None:
        description = "\n".join(
            v for values in (service.description, service.eligibility) for v in (values or {}).values() if v
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


def build_document(service: Service) -> dict:
    """The index document of one active activity."""
    org = service.organization
    own = list(_own_texts(service))
    fields = analyse_for_fields(own)
    fields[NAME_FIELD] = name_terms(_organization_names(service))
    inferred = set()
    for text, lang, _repeat in own:
        if text and text.strip():
            inferred |= thesaurus().themes_in(text, detect_language(text, lang))
    profile = profile_of(service)
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
    facts["themes"] = sorted(set(service.themes))
    facts["updated"] = updated.isoformat() if updated else None
    doc = {
        "facts": facts,
        "key": f"s{service.id}",
        "org_key": f"o{org.id}",
        "org": org.id,
        "sid": service.id,
        "lang": " ".join(sorted(profile.languages)),
        "interp": " ".join(sorted(profile.interpreters)),
        "theme": " ".join(sorted(set(service.themes))),
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


def _load_options():
    return (
        selectinload(Organization.services).selectinload(Service.language_rows),
        selectinload(Organization.services).selectinload(Service.interpreter_rows),
        selectinload(Organization.services).selectinload(Service.theme_rows),
        selectinload(Organization.services).selectinload(Service.target_group_rows),
        selectinload(Organization.services).selectinload(Service.areas),
    )


def organizations_by_id(session: Session, org_ids: Iterable[int]) -> dict[int, Organization]:
    ids = sorted(set(org_ids))
    found: dict[int, Organization] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = session.scalars(
            select(Organization).where(Organization.id.in_(chunk)).options(*_load_options())
        )
        found.update({org.id: org for org in rows})
    return found


def services_by_id(session: Session, service_ids: Iterable[int]) -> dict[int, Service]:
    """Activities and their organisations, for the names and flags results show (the
    profile facts behind the reasons are stored in the index)."""
    ids = sorted(set(service_ids))
    if not ids:
        return {}
    rows = session.scalars(
        select(Service)
        .where(Service.id.in_(ids))
        .options(joinedload(Service.organization))
    )
    return {service.id: service for service in rows}


def documents_for(org: Organization) -> list[dict]:
    return [build_document(s) for s in org.services if is_indexed(s)]


def iter_all_organizations(session: Session, batch: int = 500) -> Iterator[Organization]:
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
        session.expunge_all()
