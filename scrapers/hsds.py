"""Open Referral HSDS 3.0 JSON in Co-Act's profile → normalised records.

A document is a JSON array of ``organization`` objects with their services
embedded (compiled ``organization.json``), a page object whose ``contents`` is
such an array, or one organisation. HSDS has one text per field, so the caller
says which language the texts are in. Every object is validated against the
official per-object schemas (``coact/data/hsds/schema``) and then mapped as
the profile says (README "Importing and exporting HSDS"); every problem is a
:class:`RecordError` naming the record (its id, else its position), the JSON
path of the field, and what is wrong. Nothing here touches the database.

The ids of nested HSDS objects (identifiers, contacts, phones, locations,
addresses, languages, schedules, service areas, attributes and their terms),
and the few HSDS values Co-Act has no field for (location name, region
name), go into ``hsds_ids`` so that ``export-hsds`` gives them back unchanged.
"""

from __future__ import annotations

import copy
import json
import math
import re
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from jsonschema import Draft7Validator, FormatChecker
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from coact import reference
from coact.config import PROJECT_ROOT
from coact.models.directory import AREA_COUNTY, AREA_MUNICIPALITY, AREA_NATIONWIDE
from scrapers.records import AreaRecord, OrganizationRecord, RecordError, ServiceRecord

SOURCE = "hsds"
HSDS_DIR = PROJECT_ROOT / "coact" / "data" / "hsds"
SCHEMA_DIR = HSDS_DIR / "schema"

#: Structured keys of an HSDS schedule kept in ``Service.schedule_rules``, in export order.
SCHEDULE_RULE_KEYS = (
    "valid_from",
    "valid_to",
    "dtstart",
    "until",
    "count",
    "wkst",
    "freq",
    "interval",
    "byday",
    "byweekno",
    "bymonthday",
    "byyearday",
    "opens_at",
    "closes_at",
)
_CODELIST = re.compile(
    r"/codelist/[^/]+/(?P<list>kunta|hyvinvointialue)_[^/]*/code/(?P<code>[0-9]+)/?$"
)
_BUSINESS_ID = re.compile(r"^[0-9]{7}-[0-9]$")


@cache
def profile() -> dict:
    """The constants of Co-Act's HSDS profile (code lists, nationwide area, id namespace)."""
    return json.loads((HSDS_DIR / "profile.json").read_text(encoding="utf-8"))


def id_namespace() -> uuid.UUID:
    return uuid.UUID(profile()["id_namespace"])


# -- schema validation ------------------------------------------------------------


@cache
def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append(
            (path.name, Resource.from_contents(contents, default_specification=DRAFT7))
        )
    return Registry().with_resources(resources)


_formats = FormatChecker(formats=())


@_formats.checks("uuid", raises=ValueError)
def _is_uuid(value) -> bool:
    return not isinstance(value, str) or str(uuid.UUID(value)) == value.lower()


@_formats.checks("email")
def _is_email(value) -> bool:
    return (
        not isinstance(value, str) or re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value) is not None
    )


@_formats.checks("uri")
def _is_uri(value) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme and (parts.netloc or parts.scheme in ("mailto", "tel", "urn")))


@_formats.checks("date-time", raises=ValueError)
def _is_date_time(value) -> bool:
    return not isinstance(value, str) or parse_datetime(value) is not None


@cache
def _validator(schema_name: str) -> Draft7Validator:
    schema = _registry().contents(schema_name)
    return Draft7Validator(schema, registry=_registry(), format_checker=_formats)


def schema_errors(obj, record: str) -> list[RecordError]:
    """An organisation object checked against ``organization.json`` and each embedded
    service against ``service.json`` (the per-object organisation schema has no
    ``services``, so they are checked one by one)."""
    errors = [
        _schema_error(e, record, "") for e in _validator("organization.json").iter_errors(obj)
    ]
    services = obj.get("services") if isinstance(obj, dict) else None
    if services is not None and not isinstance(services, list):
        errors.append(RecordError(record, "services", "is not an array"))
    elif services:
        for i, service in enumerate(services):
            errors += [
                _schema_error(e, record, f"services[{i}]")
                for e in _validator("service.json").iter_errors(service)
            ]
    return sorted(errors, key=lambda e: (e.field, e.message))


def validate_organization(obj) -> list[str]:
    """Schema problems of one organisation object as text (empty when valid)."""
    return [f"{e.field}: {e.message}" for e in schema_errors(obj, str(_get_id(obj)))]


def _schema_error(error: ValidationError, record: str, prefix: str) -> RecordError:
    path = _path(prefix, error.absolute_path)
    message = error.message
    if error.validator == "required":
        missing = re.match(r"'([^']+)'", error.message)
        if missing:
            path = _path(path, [missing.group(1)])
            message = "required field is missing"
    elif error.validator == "format":
        message = f"{error.instance!r} is not a valid {error.validator_value}"
    elif error.validator == "type":
        message = f"{error.instance!r} is not of type {error.validator_value!r}"
    return RecordError(record, path or "(record)", message)


def _path(prefix: str, parts: Iterable) -> str:
    path = prefix
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


# -- documents -----------------------------------------------------------------------


def load(text: str | bytes) -> tuple[object, list[RecordError]]:
    """Decode JSON; a syntax error is one RecordError saying where."""
    try:
        return json.loads(text), []
    except json.JSONDecodeError as exc:
        return None, [
            RecordError(
                "(file)", f"line {exc.lineno} column {exc.colno}", f"not valid JSON: {exc.msg}"
            )
        ]
    except UnicodeDecodeError as exc:
        return None, [RecordError("(file)", "(file)", f"not UTF-8 text: {exc.reason}")]


def organizations_in(document) -> tuple[list, list[RecordError]]:
    """The organisation objects of a document (array, page with ``contents``, or one)."""
    if isinstance(document, list):
        return document, []
    if isinstance(document, dict) and "contents" in document:
        contents = document["contents"]
        if isinstance(contents, list):
            return contents, []
        return [], [RecordError("(file)", "contents", "is not an array of organizations")]
    if isinstance(document, dict) and "id" in document and "name" in document:
        return [document], []
    return [], [
        RecordError(
            "(file)",
            "(file)",
            "expected an array of organization objects, a page object with 'contents', "
            "or one organization object",
        )
    ]


def parse_document(
    document, *, lang: str, source: str = SOURCE
) -> tuple[list[OrganizationRecord], list[RecordError]]:
    """Every organisation of a decoded document, and every error found in it."""
    objects, errors = organizations_in(document)
    records: list[OrganizationRecord] = []
    ids: dict[str, str] = {}
    service_ids: dict[str, str] = {}
    for position, obj in enumerate(objects):
        record, record_errors = parse_organization(obj, lang=lang, position=position, source=source)
        errors += record_errors
        if record is None:
            continue
        where = _record_label(obj, position)
        if record.source_id in ids:
            errors.append(RecordError(where, "id", f"also used by {ids[record.source_id]}"))
            continue
        ids[record.source_id] = f"item {position}"
        repeated = False
        for i, service in enumerate(record.services):
            if service.source_id in service_ids:
                errors.append(
                    RecordError(
                        where,
                        f"services[{i}].id",
                        f"also used in {service_ids[service.source_id]}",
                    )
                )
                repeated = True
            service_ids[service.source_id] = f"{where} services[{i}]"
        if not repeated:
            records.append(record)
    return records, errors


def parse_text(
    text: str | bytes, *, lang: str, source: str = SOURCE
) -> tuple[list[OrganizationRecord], list[RecordError]]:
    document, errors = load(text)
    if errors:
        return [], errors
    return parse_document(document, lang=lang, source=source)


def parse_file(path: Path, *, lang: str) -> tuple[list[OrganizationRecord], list[RecordError]]:
    return parse_text(Path(path).read_bytes(), lang=lang)


def language_of_file(path: Path) -> str | None:
    """The language a file name says (``directory.sv.json`` → ``sv``), or None."""
    parts = Path(path).name.split(".")
    if len(parts) >= 3 and parts[-1].lower() == "json":
        return reference.normalise_language_code(parts[-2])
    return None


def files_in(path: Path) -> list[Path]:
    """A file, or the ``*.json`` files of a directory in name order."""
    path = Path(path)
    return sorted(p for p in path.glob("*.json") if p.is_file()) if path.is_dir() else [path]


# -- one organisation ------------------------------------------------------------------


def parse_organization(
    obj, *, lang: str, position: int = 0, source: str = SOURCE
) -> tuple[OrganizationRecord | None, list[RecordError]]:
    """Map one organisation object (with embedded services) to a record."""
    where = _record_label(obj, position)
    if not isinstance(obj, dict):
        return None, [RecordError(f"item {position}", "(record)", "is not an object")]
    errors = schema_errors(obj, where)
    if errors:
        return None, errors
    mapper = _Mapper(where, lang)
    record = mapper.organization(obj, source)
    return (None, mapper.errors) if mapper.errors else (record, [])


def _get_id(obj) -> object:
    return obj.get("id") if isinstance(obj, dict) else None


def _record_label(obj, position: int) -> str:
    value = _get_id(obj)
    return value if isinstance(value, str) and value else f"item {position}"


class _Mapper:
    """Turns one schema-valid organisation into a record, collecting errors."""

    def __init__(self, record: str, lang: str) -> None:
        self.record = record
        self.lang = lang
        self.errors: list[RecordError] = []

    def error(self, path: str, message: str) -> None:
        self.errors.append(RecordError(self.record, path, message))

    def text(self, value) -> dict[str, str]:
        value = (value or "").strip() if isinstance(value, str) else ""
        return {self.lang: value} if value else {}

    def organization(self, obj: dict, source: str) -> OrganizationRecord:
        hsds_ids: dict = {}
        record = OrganizationRecord(
            source=source,
            source_id=obj["id"],
            public_id=obj["id"],
            name=self.text(obj.get("name")),
            description=self.text(obj.get("description")),
            alternate_names=[obj["alternate_name"].strip()]
            if _str(obj.get("alternate_name"))
            else [],
            email=_str(obj.get("email")),
            website=_str(obj.get("website")),
            hsds_ids=hsds_ids,
        )
        if not record.name:
            self.error("name", "is empty")
        self._identifiers(obj, record, hsds_ids)
        self._contact(obj, record, hsds_ids)
        phones = obj.get("phones") or []
        if phones:
            record.phone = _str(phones[0].get("number"))
            hsds_ids["phone"] = phones[0]["id"]
        self._address(obj, record, hsds_ids)
        for i, service in enumerate(obj.get("services") or []):
            mapped = self.service(service, f"services[{i}]", obj["id"])
            if mapped is not None:
                record.services.append(mapped)
        statuses = [s.status for s in record.services]
        record.status = "inactive" if statuses and "active" not in statuses else "active"
        return record

    def _identifiers(self, obj: dict, record: OrganizationRecord, hsds_ids: dict) -> None:
        scheme = profile()["business_id"]
        for i, identifier in enumerate(obj.get("organization_identifiers") or []):
            if (
                identifier.get("identifier_scheme") != scheme["identifier_scheme"]
                and identifier.get("identifier_type") != scheme["identifier_type"]
            ):
                continue
            value = (identifier.get("identifier") or "").strip()
            if not _BUSINESS_ID.match(value):
                self.error(
                    f"organization_identifiers[{i}].identifier",
                    f"{value!r} is not a Finnish business id (1234567-8)",
                )
                continue
            record.business_id = value
            hsds_ids["identifier"] = identifier["id"]
            return

    def _contact(self, obj: dict, record: OrganizationRecord, hsds_ids: dict) -> None:
        contacts = obj.get("contacts") or []
        if not contacts:
            return
        contact = contacts[0]
        hsds_ids["contact"] = contact["id"]
        record.contact_name = _str(contact.get("name"))
        record.contact_title = self.text(contact.get("title"))
        record.contact_email = _str(contact.get("email"))
        phones = contact.get("phones") or []
        if phones:
            record.contact_phone = _str(phones[0].get("number"))
            hsds_ids["contact_phone"] = phones[0]["id"]

    def _address(self, obj: dict, record: OrganizationRecord, hsds_ids: dict) -> None:
        locations = obj.get("locations") or []
        physical = [loc for loc in locations if loc.get("location_type") == "physical"]
        location = next(
            (loc for loc in physical + locations if loc.get("addresses")),
            physical[0] if physical else None,
        )
        if location is None:
            return
        hsds_ids["location"] = location["id"]
        if _str(location.get("name")):
            hsds_ids["location_name"] = self.text(location["name"])
        addresses = location.get("addresses") or []
        address = next(
            (a for a in addresses if a.get("address_type") == "physical"),
            addresses[0] if addresses else None,
        )
        if address is None:
            return
        hsds_ids["address"] = address["id"]
        record.street_address = _str(address.get("address_1"))
        record.postal_code = _str(address.get("postal_code"))
        record.city = _str(address.get("city"))
        if _str(address.get("state_province")):
            hsds_ids["state_province"] = self.text(address["state_province"])
        if record.city:
            found = reference.municipality_by_name(record.city)
            record.municipality_code = found.code if found else None

    def service(self, obj: dict, path: str, organization_id: str) -> ServiceRecord | None:
        if obj.get("organization_id") not in (None, organization_id):
            self.error(f"{path}.organization_id", "is not the id of the organization it is in")
        hsds_ids: dict = {}
        service = ServiceRecord(
            source_id=obj["id"],
            public_id=obj["id"],
            name=self.text(obj.get("name")),
            description=self.text(obj.get("description")),
            eligibility=self.text(obj.get("eligibility_description")),
            interpretation_text=self.text(obj.get("interpretation_services")),
            email=_str(obj.get("email")),
            url=_str(obj.get("url")),
            status=obj["status"],
            hsds_ids=hsds_ids,
        )
        if not service.name:
            self.error(f"{path}.name", "is empty")
        if obj.get("last_modified"):
            service.source_modified_at = parse_datetime(obj["last_modified"])
        service.minimum_age = self._age(obj, path, "minimum_age")
        service.maximum_age = self._age(obj, path, "maximum_age")
        self._languages(obj, path, service, hsds_ids)
        self._schedules(obj, service, hsds_ids)
        self._areas(obj, path, service)
        self._attributes(obj, path, service, hsds_ids)
        return service

    def _age(self, obj: dict, path: str, name: str) -> int | None:
        value = obj.get(name)
        if value is None:
            return None
        if not math.isfinite(value) or value != int(value) or value < 0:
            self.error(f"{path}.{name}", f"{value!r} is not an age in whole years")
            return None
        return int(value)

    def _languages(self, obj: dict, path: str, service: ServiceRecord, hsds_ids: dict) -> None:
        kept = []
        for i, language in enumerate(obj.get("languages") or []):
            raw = language.get("code")
            if not _str(raw):
                self.error(f"{path}.languages[{i}].code", "missing (an ISO 639 code is required)")
                continue
            code = reference.normalise_language_code(raw)
            if code is None:
                self.error(f"{path}.languages[{i}].code", f"unknown language code {raw!r}")
                continue
            if code not in service.languages:
                service.languages.append(code)
                kept.append({"code": code, "id": language["id"]})
        if kept:
            hsds_ids["languages"] = kept

    def _schedules(self, obj: dict, service: ServiceRecord, hsds_ids: dict) -> None:
        schedules = obj.get("schedules") or []
        if not schedules:
            return
        descriptions = []
        for schedule in schedules:
            service.schedule_rules.append(
                {key: schedule[key] for key in SCHEDULE_RULE_KEYS if schedule.get(key) is not None}
            )
            if _str(schedule.get("description")):
                descriptions.append(schedule["description"].strip())
        service.schedule = self.text("\n".join(descriptions))
        hsds_ids["schedules"] = [schedule["id"] for schedule in schedules]

    def _areas(self, obj: dict, path: str, service: ServiceRecord) -> None:
        nationwide = profile()["nationwide"]
        nationwide_names = {name.casefold() for name in nationwide["name"].values()}
        for i, area in enumerate(obj.get("service_areas") or []):
            where = f"{path}.service_areas[{i}]"
            uri = _str(area.get("uri")) or ""
            name = _str(area.get("name")) or ""
            match = _CODELIST.search(uri)
            found: AreaRecord | None = None
            if match and match["list"] == "kunta":
                code = match["code"].zfill(3)
                if reference.municipality(code) is None:
                    self.error(f"{where}.uri", f"unknown municipality code {match['code']!r}")
                    continue
                found = AreaRecord(AREA_MUNICIPALITY, code, area["id"])
            elif match:
                code = match["code"].zfill(2)
                if code not in reference.counties():
                    self.error(
                        f"{where}.uri", f"unknown wellbeing services county code {match['code']!r}"
                    )
                    continue
                found = AreaRecord(AREA_COUNTY, code, area["id"])
            elif area.get("extent") == nationwide["extent"] or name.casefold() in nationwide_names:
                found = AreaRecord(AREA_NATIONWIDE, "FI", area["id"])
            elif not uri and reference.municipality_by_name(name):
                found = AreaRecord(
                    AREA_MUNICIPALITY, reference.municipality_by_name(name).code, area["id"]
                )
            else:
                self.error(
                    where,
                    f"not a municipality or county code list URI, nor all of Finland "
                    f"(uri {uri!r}, name {name!r})",
                )
                continue
            if found not in service.areas:
                service.areas.append(found)

    def _attributes(self, obj: dict, path: str, service: ServiceRecord, hsds_ids: dict) -> None:
        kept = []
        for i, attribute in enumerate(obj.get("attributes") or []):
            term = attribute.get("taxonomy_term")
            if not isinstance(term, dict):
                continue
            taxonomy = term.get("taxonomy")
            raw = _str(term.get("code")) or ""
            where = f"{path}.attributes[{i}].taxonomy_term.code"
            if taxonomy == reference.INTERPRETER_LANGUAGE:
                code = reference.normalise_language_code(raw)
                if code is None:
                    self.error(where, f"unknown language code {raw!r} in {taxonomy}")
                    continue
                target = service.interpreter_languages
            elif taxonomy in (reference.THEME, reference.TARGET_GROUP, reference.FEATURE):
                code = raw
                if code not in reference.terms(taxonomy):
                    self.error(where, f"unknown code {raw!r} in {taxonomy}")
                    continue
                target = {
                    reference.THEME: service.themes,
                    reference.TARGET_GROUP: service.target_groups,
                }.get(taxonomy)
                if target is None:
                    if not isinstance(getattr(service, code, None), bool):
                        self.error(where, f"{code!r} in {taxonomy} has no Co-Act field")
                        continue
                    setattr(service, code, True)
            else:
                continue
            if target is not None and code not in target:
                target.append(code)
            kept.append(
                {"taxonomy": taxonomy, "code": code, "id": attribute["id"], "term_id": term["id"]}
            )
        if kept:
            hsds_ids["attributes"] = kept


def _str(value) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def parse_datetime(value: str) -> datetime | None:
    """An ISO 8601 date-time with an offset (``Z`` or ``+02:00``) as aware UTC, else None."""
    try:
        parsed = datetime.fromisoformat(value.strip())
    except (ValueError, AttributeError):
        return None
    if parsed.tzinfo is None:
        return None
    return parsed.astimezone(UTC)


_TEXT_FIELDS = ("name", "description", "contact_title")
_SERVICE_TEXT_FIELDS = ("name", "description", "schedule", "eligibility", "interpretation_text")


def merge_languages(
    files: Iterable[tuple[str, Iterable[OrganizationRecord]]],
) -> list[OrganizationRecord]:
    """One record per id from language files of the same ids, texts merged.

    Other fields come from the first file that has the record (the profile
    says they agree). A record (or service) only in a later file is placed
    before the next one the files share, so the files' order survives.
    """
    merged: dict[str, OrganizationRecord] = {}
    order: list[str] = []
    for _lang, records in files:
        records = list(records)
        for index, record in enumerate(records):
            base = merged.get(record.source_id)
            if base is None:
                merged[record.source_id] = copy.deepcopy(record)
                _insert(order, record.source_id, [r.source_id for r in records[index + 1 :]])
                continue
            _merge_texts(base, record, _TEXT_FIELDS)
            base.alternate_names += [
                n for n in record.alternate_names if n not in base.alternate_names
            ]
            base.hsds_ids = _merge_ids(base.hsds_ids, record.hsds_ids)
            services = {s.source_id: s for s in base.services}
            service_order = [s.source_id for s in base.services]
            for i, service in enumerate(record.services):
                if service.source_id in services:
                    target = services[service.source_id]
                    _merge_texts(target, service, _SERVICE_TEXT_FIELDS)
                    target.hsds_ids = _merge_ids(target.hsds_ids, service.hsds_ids)
                else:
                    services[service.source_id] = copy.deepcopy(service)
                    later = [s.source_id for s in record.services[i + 1 :]]
                    _insert(service_order, service.source_id, later)
            base.services = [services[sid] for sid in service_order]
    return [merged[source_id] for source_id in order]


def _insert(order: list[str], new: str, following: list[str]) -> None:
    """Put ``new`` before the first of ``following`` already in ``order``, else last."""
    positions = {value: i for i, value in enumerate(order)}
    index = next((positions[f] for f in following if f in positions), len(order))
    order.insert(index, new)


def _merge_texts(base, other, names: Iterable[str]) -> None:
    for name in names:
        texts = dict(getattr(base, name))
        for lang, text in getattr(other, name).items():
            texts.setdefault(lang, text)
        setattr(base, name, texts)


def _merge_ids(base: dict, other: dict) -> dict:
    merged = dict(base)
    for key, value in other.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**value, **merged[key]}
        else:
            merged.setdefault(key, value)
    return merged
