"""The directory as Open Referral HSDS 3.0 JSON in Co-Act's profile.

One file per language (HSDS has one text per field): ``directory.<lang>.json``
holds the organisations — active and inactive, as stored — that have a name
in that language, each with its services that have a name in it, and only
that language's texts. A record with no Finnish, Swedish or English name at
all goes into the Finnish file under the name it has, so that no record is
left out. Importing the files with ``import-hsds`` gives the same directory,
and exporting again gives the same bytes.

Ids of nested objects come back as imported (``hsds_ids``); objects Co-Act
made itself get stable UUIDs derived from the record's public id, so repeated
exports do not churn.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from coact import reference
from coact.extensions import db
from coact.models.directory import (
    AREA_COUNTY,
    AREA_MUNICIPALITY,
    Organization,
    Service,
)
from scrapers.hsds import SCHEDULE_RULE_KEYS, id_namespace, profile

#: The languages a full export writes, one file each.
EXPORT_LANGUAGES = reference.FALLBACK_ORDER


def export_file_name(lang: str) -> str:
    return f"directory.{lang}.json"


def dumps(data) -> str:
    """The exact text written to files (one-space indent, UTF-8, no trailing newline)."""
    return json.dumps(data, ensure_ascii=False, indent=1)


def export_documents(langs: Iterable[str] = EXPORT_LANGUAGES) -> dict[str, list[dict]]:
    """The content of each language's file."""
    organizations = _organizations()
    return {lang: directory_json(lang, organizations) for lang in langs}


def write_documents(directory: Path, documents: dict[str, list[dict]]) -> list[Path]:
    """Write each document as ``directory.<lang>.json``; return the paths written."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for lang, document in documents.items():
        path = directory / export_file_name(lang)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(dumps(document), encoding="utf-8")
        tmp.replace(path)
        written.append(path)
    return written


def write_export(directory: Path, langs: Iterable[str] = EXPORT_LANGUAGES) -> list[Path]:
    """Write ``directory.<lang>.json`` for each language; return the paths written."""
    return write_documents(directory, export_documents(langs))


def directory_json(lang: str, organizations: Iterable[Organization] | None = None) -> list[dict]:
    """The organisation objects of the ``lang`` file, services embedded."""
    if organizations is None:
        organizations = _organizations()
    return [
        organization_json(org, text_lang)
        for org in organizations
        if (text_lang := _text_language(org.name, lang)) is not None
    ]


def _organizations() -> list[Organization]:
    return list(
        db.session.scalars(
            select(Organization)
            .order_by(Organization.id)
            .options(
                selectinload(Organization.services).options(
                    selectinload(Service.language_rows),
                    selectinload(Service.interpreter_rows),
                    selectinload(Service.theme_rows),
                    selectinload(Service.target_group_rows),
                    selectinload(Service.areas),
                )
            )
        )
    )


def _text_language(names: dict, lang: str) -> str | None:
    """Which language's texts represent a record in the ``lang`` file, or None to leave it out."""
    if names.get(lang):
        return lang
    if lang == EXPORT_LANGUAGES[0] and not any(names.get(code) for code in EXPORT_LANGUAGES):
        return reference.picked_language(names, lang)
    return None


def _derived_id(*parts: str) -> str:
    return str(uuid.uuid5(id_namespace(), "/".join(parts)))


def organization_json(org: Organization, lang: str) -> dict:
    ids = org.hsds_ids or {}
    data: dict = {"id": org.public_id, "name": org.name.get(lang, "")}
    if org.alternate_names:
        data["alternate_name"] = "; ".join(org.alternate_names)
    data["description"] = (org.description or {}).get(lang, "")
    if org.email:
        data["email"] = org.email
    if org.website:
        data["website"] = org.website
    if org.business_id:
        data["organization_identifiers"] = [
            {
                "id": ids.get("identifier") or _derived_id(org.public_id, "identifier"),
                **profile()["business_id"],
                "identifier": org.business_id,
            }
        ]
    contact = _contact(org, lang, ids)
    if contact:
        data["contacts"] = [contact]
    if org.phone:
        data["phones"] = [
            {"id": ids.get("phone") or _derived_id(org.public_id, "phone"), "number": org.phone}
        ]
    location = _location(org, lang, ids)
    if location:
        data["locations"] = [location]
    data["services"] = [
        service_json(service, org, text_lang)
        for service in org.services
        if (text_lang := _text_language(service.name, lang)) is not None
    ]
    return data


def _contact(org: Organization, lang: str, ids: dict) -> dict | None:
    title = (org.contact_title or {}).get(lang)
    if not (org.contact_name or title or org.contact_email or org.contact_phone):
        return None
    contact: dict = {"id": ids.get("contact") or _derived_id(org.public_id, "contact")}
    if org.contact_name:
        contact["name"] = org.contact_name
    if title:
        contact["title"] = title
    if org.contact_email:
        contact["email"] = org.contact_email
    if org.contact_phone:
        contact["phones"] = [
            {
                "id": ids.get("contact_phone") or _derived_id(org.public_id, "contact_phone"),
                "number": org.contact_phone,
            }
        ]
    return contact


def _location(org: Organization, lang: str, ids: dict) -> dict | None:
    municipality = reference.municipality(org.municipality_code or "")
    if not (org.street_address or org.postal_code or org.city or municipality):
        return None
    location: dict = {
        "id": ids.get("location") or _derived_id(org.public_id, "location"),
        "location_type": "physical",
    }
    location_name = (ids.get("location_name") or {}).get(lang)
    if location_name:
        location["name"] = location_name
    region = (ids.get("state_province") or {}).get(lang)
    if not region and municipality:
        region = reference.counties()[municipality.county].label(lang)
    location["addresses"] = [
        {
            "id": ids.get("address") or _derived_id(org.public_id, "address"),
            "address_1": org.street_address or "",
            "city": org.city or (municipality.label(lang) if municipality else ""),
            "state_province": region or "",
            "postal_code": org.postal_code or "",
            "country": profile()["country"],
            "address_type": "physical",
        }
    ]
    return location


def service_json(service: Service, org: Organization, lang: str) -> dict:
    data: dict = {
        "id": service.public_id,
        "organization_id": org.public_id,
        "name": service.name.get(lang, ""),
    }
    if (service.description or {}).get(lang):
        data["description"] = service.description[lang]
    if service.url:
        data["url"] = service.url
    if service.email:
        data["email"] = service.email
    data["status"] = service.status
    data["last_modified"] = _timestamp(_last_modified(service))
    for key, texts in (
        ("interpretation_services", service.interpretation_text),
        ("eligibility_description", service.eligibility),
    ):
        if (texts or {}).get(lang):
            data[key] = texts[lang]
    for key in ("minimum_age", "maximum_age"):
        if getattr(service, key) is not None:
            data[key] = getattr(service, key)
    ids = service.hsds_ids or {}
    languages = _languages(service, ids)
    if languages:
        data["languages"] = languages
    schedules = _schedules(service, lang, ids)
    if schedules:
        data["schedules"] = schedules
    areas = [_area(service, area, lang) for area in service.areas]
    if areas:
        data["service_areas"] = areas
    attributes = _attributes(service, lang, ids)
    if attributes:
        data["attributes"] = attributes
    return data


def _last_modified(service: Service) -> datetime:
    """The source's time while the record is as the source gave it, else ours."""
    if (
        service.source_modified_at
        and service.fetched_at
        and service.updated_at
        and service.updated_at <= service.fetched_at
    ):
        return service.source_modified_at
    return service.updated_at or service.created_at


def _timestamp(value: datetime) -> str:
    value = value.astimezone(UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def _ordered(codes: Iterable[str], stored: list[dict], key=lambda item: item["code"]) -> list:
    """Codes in the order the source gave them, then new ones in their own order."""
    codes = list(codes)
    known = [key(item) for item in stored if key(item) in codes]
    return list(dict.fromkeys(known)) + [c for c in codes if c not in known]


def _languages(service: Service, ids: dict) -> list[dict]:
    stored = ids.get("languages") or []
    stored_ids = {item["code"]: item["id"] for item in stored}
    return [
        {
            "id": stored_ids.get(code) or _derived_id(service.public_id, "language", code),
            "code": code,
        }
        for code in _ordered(sorted(service.languages), stored)
    ]


def _schedules(service: Service, lang: str, ids: dict) -> list[dict]:
    rules = list(service.schedule_rules or [])
    text = (service.schedule or {}).get(lang, "")
    count = len(rules) or (1 if text else 0)
    if not count:
        return []
    lines = text.split("\n") if text else []
    descriptions = lines if len(lines) == count else [text] + [""] * (count - 1)
    stored_ids = list(ids.get("schedules") or [])
    schedules = []
    for i in range(count):
        rule = rules[i] if i < len(rules) else {}
        schedule: dict = {
            "id": stored_ids[i]
            if i < len(stored_ids)
            else _derived_id(service.public_id, "schedule", str(i))
        }
        schedule.update({key: rule[key] for key in SCHEDULE_RULE_KEYS if key in rule})
        if descriptions[i]:
            schedule["description"] = descriptions[i]
        schedules.append(schedule)
    return schedules


def _area(service: Service, area, lang: str) -> dict:
    area_id = area.hsds_id or _derived_id(service.public_id, "area", area.kind, area.code)
    settings = profile()
    if area.kind in (AREA_MUNICIPALITY, AREA_COUNTY):
        if area.kind == AREA_MUNICIPALITY:
            place, codelist = reference.municipality(area.code), settings["municipality_codelist"]
        else:
            place, codelist = reference.counties()[area.code], settings["county_codelist"]
        return {
            "id": area_id,
            "name": place.label(lang),
            "uri": settings["codelist_uri"].format(codelist=codelist, code=area.code),
        }
    nationwide = settings["nationwide"]
    return {
        "id": area_id,
        "name": reference.pick_text(nationwide["name"], lang),
        "extent_type": nationwide["extent_type"],
        "extent": nationwide["extent"],
    }


def _attributes(service: Service, lang: str, ids: dict) -> list[dict]:
    wanted = [(reference.THEME, code) for code in service.themes]
    wanted += [(reference.TARGET_GROUP, code) for code in service.target_groups]
    wanted += [
        (reference.FEATURE, code)
        for code in reference.features()
        if getattr(service, code, False) is True
    ]
    wanted += [(reference.INTERPRETER_LANGUAGE, code) for code in service.interpreter_languages]
    stored = ids.get("attributes") or []
    by_key = {(item["taxonomy"], item["code"]): item for item in stored}
    order = _ordered(_canonical(wanted), stored, key=lambda item: (item["taxonomy"], item["code"]))
    attributes = []
    for taxonomy, code in order:
        item = by_key.get((taxonomy, code), {})
        label = _term_label(taxonomy, code, lang)
        attributes.append(
            {
                "id": item.get("id") or _derived_id(service.public_id, "attribute", taxonomy, code),
                "taxonomy_term": {
                    "id": item.get("term_id") or _derived_id("taxonomy_term", taxonomy, code),
                    "code": code,
                    "name": label,
                    "description": label,
                    "taxonomy": taxonomy,
                },
            }
        )
    return attributes


def _canonical(wanted: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Themes, target groups and features in taxonomy order; languages by code."""

    def rank(item: tuple[str, str]) -> tuple:
        taxonomy, code = item
        if taxonomy == reference.INTERPRETER_LANGUAGE:
            return (3, 0, code)
        order = list(reference.terms(taxonomy))
        group = (reference.THEME, reference.TARGET_GROUP, reference.FEATURE).index(taxonomy)
        return (group, order.index(code) if code in order else len(order), code)

    return sorted(set(wanted), key=rank)


def _term_label(taxonomy: str, code: str, lang: str) -> str:
    if taxonomy == reference.INTERPRETER_LANGUAGE:
        return reference.language_name(code, lang)
    term = reference.terms(taxonomy).get(code)
    return term.label(lang) if term else code
