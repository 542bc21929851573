"""The normalised records every source is turned into.

One shape for all sources (HSDS files and feeds, PTV, Lähellä.fi, CSV), so
that one upsert routine in ``coact.imports`` writes them all. Text fields are
``{language code: text}``; codes are the project's own (theme and target-group
codes from taxonomy.json, Statistics Finland municipality/county codes, ISO 639
language codes as stored by ``coact.reference.normalise_language_code``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

Texts = dict[str, str]


@dataclass(frozen=True)
class AreaRecord:
    #: "municipality", "county" or "nationwide".
    kind: str
    #: 3-digit municipality code, 2-digit county code, or "FI".
    code: str
    #: The HSDS ``service_area.id`` to give back on export; not part of equality.
    hsds_id: str | None = field(default=None, compare=False)


@dataclass
class ServiceRecord:
    source_id: str
    name: Texts
    description: Texts = field(default_factory=dict)
    schedule: Texts = field(default_factory=dict)
    #: [{"freq": "WEEKLY", "byday": "TU", "opens_at": "17:00", "closes_at": "19:00"}]
    schedule_rules: list[dict] = field(default_factory=list)
    eligibility: Texts = field(default_factory=dict)
    interpretation_text: Texts = field(default_factory=dict)
    languages: list[str] = field(default_factory=list)
    interpreter_languages: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)
    areas: list[AreaRecord] = field(default_factory=list)
    accepts_referrals: bool = False
    can_escort: bool = False
    online: bool = False
    minimum_age: int | None = None
    maximum_age: int | None = None
    email: str | None = None
    url: str | None = None
    #: HSDS status: "active", "inactive", "defunct", "temporarily closed".
    status: str = "active"
    source_url: str | None = None
    source_modified_at: datetime | None = None
    #: The public UUID to keep (HSDS ``id``), or None to let the app assign one.
    public_id: str | None = None
    #: Ids of nested HSDS objects, kept for round trips.
    hsds_ids: dict = field(default_factory=dict)


@dataclass
class OrganizationRecord:
    #: The importer's name: "hsds", "ptv", "lahella", "csv" …
    source: str
    source_id: str
    name: Texts
    description: Texts = field(default_factory=dict)
    alternate_names: list[str] = field(default_factory=list)
    business_id: str | None = None
    website: str | None = None
    email: str | None = None
    phone: str | None = None
    street_address: str | None = None
    postal_code: str | None = None
    city: str | None = None
    municipality_code: str | None = None
    contact_name: str | None = None
    contact_title: Texts = field(default_factory=dict)
    contact_email: str | None = None
    contact_phone: str | None = None
    status: str = "active"
    services: list[ServiceRecord] = field(default_factory=list)
    source_url: str | None = None
    source_modified_at: datetime | None = None
    public_id: str | None = None
    hsds_ids: dict = field(default_factory=dict)


@dataclass
class RecordError:
    """A record that could not be turned into a normalised record."""

    #: Which record: the source id, or a position such as "item 3".
    record: str
    #: Which field, dotted ("services[0].languages[1].code").
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.record}: {self.field}: {self.message}"
