"""PTV, the Finnish Service Catalogue (Palvelutietovaranto, suomi.fi), open API v11.

Reads organisations, their services and the service channels behind them,
with fi/sv/en texts, either for given organisations (PTV id or business id)
or for the NGOs (``organizationType == "Organization"``) that offer services
in given municipalities. Anonymous GETs only; see scrapers/README.md.
Lähellä.fi copies NGOs' long-term listings into PTV, so this is also how
Lähellä content reaches Co-Act.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from scrapers import mappings
from scrapers.base import Page, Scraper, ScraperConfigError, register
from scrapers.fields import (
    WEEKDAYS,
    RecordWarning,
    codes_union,
    county_code,
    language_codes,
    municipality_code,
    parse_datetime,
    plain_text,
    unique_areas,
)
from scrapers.http import FetchError, PayloadError
from scrapers.records import AreaRecord, OrganizationRecord, RecordError, ServiceRecord

BASE_URL = "https://api.palvelutietovaranto.suomi.fi/api/v11/"
#: ``organizationType`` of NGOs ("Järjestöt" in PTV's OrganizationTypeEnum).
NGO_TYPE = "Organization"
#: ``Organization/list?guids=`` and ``Service/list?guids=`` take at most 100 ids.
MAX_GUIDS = 100
#: A guard against a paging envelope that never ends.
MAX_PAGES = 500
BUSINESS_ID = re.compile(r"^\d{7}-\d$")
GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@register
class PtvScraper(Scraper):
    name = "ptv"

    def configure(self) -> None:
        opts = self.options
        if not opts.organizations and not opts.municipalities:
            raise ScraperConfigError(
                "PTV needs --organization (a PTV organisation id or a business id such as "
                "1234567-8) or --municipality (a municipality code such as 091)."
            )
        for ref in opts.organizations:
            if not (GUID.match(ref) or BUSINESS_ID.match(ref)):
                raise ScraperConfigError(
                    f"{ref!r} is neither a PTV organisation id (a UUID) nor a business id "
                    "(1234567-8)."
                )
        self.municipalities = []
        for value in opts.municipalities:
            code = municipality_code(value)
            if code is None:
                raise ScraperConfigError(f"{value!r} is not a Finnish municipality code or name.")
            self.municipalities.append(code)
        self.base_url = opts.extra.get("base_url", BASE_URL)

    # --- fetch -------------------------------------------------------------

    def fetch(self) -> Iterator[Page]:
        for ref in self.options.organizations:
            yield from self._fetch_organization(ref)
        for code in self.municipalities:
            yield from self._fetch_municipality(code)

    def _url(self, path: str) -> str:
        return self.base_url + path

    def _get(self, path: str, params: dict[str, Any] | None = None) -> Any:
        data, _fetched = self.require_http().get_json(self._url(path), params=params)
        return data

    def _paged(self, path: str, params: dict[str, Any] | None = None) -> list[dict]:
        """Every item of a ``{pageNumber, pageSize, pageCount, itemList}`` listing."""
        items: list[dict] = []
        page = 1
        while True:
            data = self._get(path, {**(params or {}), "page": page})
            if not isinstance(data, dict) or "itemList" not in data:
                raise PayloadError(
                    self._url(path),
                    "expected a PTV page object with pageNumber, pageCount and itemList",
                )
            batch = data.get("itemList") or []
            if not isinstance(batch, list):
                raise PayloadError(self._url(path), "itemList is not a list")
            items.extend(batch)
            page_count = data.get("pageCount") or 0
            if page >= page_count or page >= MAX_PAGES:
                return items
            page += 1

    def _list_by_guids(self, path: str, guids: list[str]) -> list[dict]:
        found: list[dict] = []
        for start in range(0, len(guids), MAX_GUIDS):
            chunk = guids[start : start + MAX_GUIDS]
            data = self._get(path, {"guids": ",".join(chunk)})
            if not isinstance(data, list):
                raise PayloadError(self._url(path), "expected a JSON array of objects")
            found.extend(item for item in data if isinstance(item, dict))
        return found

    def _fetch_organization(self, ref: str) -> Iterator[Page]:
        try:
            if BUSINESS_ID.match(ref):
                orgs = self._get(f"Organization/businesscode/{ref}")
                if not isinstance(orgs, list):
                    raise PayloadError(
                        self._url(f"Organization/businesscode/{ref}"),
                        "expected a JSON array of organisations",
                    )
            else:
                org = self._get(f"Organization/{ref}")
                if not isinstance(org, dict):
                    raise PayloadError(
                        self._url(f"Organization/{ref}"), "expected an organisation object"
                    )
                orgs = [org]
        except FetchError as exc:
            yield _error_page(exc, ref)
            return
        for org in orgs:
            org_id = str(org.get("id") or ref)
            try:
                services = self._paged("Service/list/organization", {"organizationId": org_id})
                channels = self._paged(
                    "ServiceChannel/list/organization", {"organizationId": org_id}
                )
            except FetchError as exc:
                yield _error_page(exc, org_id)
                continue
            yield Page(
                self._url(f"Organization/{org_id}"),
                {"organization": org, "services": services, "channels": channels},
            )

    def _fetch_municipality(self, code: str) -> Iterator[Page]:
        """NGOs with services in the municipality, each with those services and channels."""
        path = f"Service/list/area/Municipality/code/{code}"
        try:
            services = self._paged(path)
            by_org: dict[str, list[dict]] = {}
            for service in services:
                org_id = _responsible_organization(service)
                if org_id:
                    by_org.setdefault(org_id, []).append(service)
            orgs = self._list_by_guids("Organization/list", sorted(by_org))
            ngos = [o for o in orgs if o.get("organizationType") == NGO_TYPE]
            channel_ids = sorted(
                {
                    cid
                    for org in ngos
                    for service in by_org.get(str(org.get("id")), [])
                    for cid in _channel_ids(service)
                }
            )
            channels = self._list_by_guids("ServiceChannel/list", channel_ids)
        except FetchError as exc:
            yield _error_page(exc, f"municipality {code}")
            return
        for org in ngos:
            org_id = str(org.get("id"))
            yield Page(
                self._url(f"Organization/{org_id}"),
                {"organization": org, "services": by_org.get(org_id, []), "channels": channels},
            )

    # --- parse -------------------------------------------------------------

    def parse(self, page: Page) -> Iterator[OrganizationRecord | RecordError]:
        bundle = page.data or {}
        org = bundle.get("organization")
        if not isinstance(org, dict) or not org.get("id"):
            yield RecordError(page.url, "id", "the PTV organisation has no id")
            return
        org_id = str(org["id"])
        problems: list[RecordError] = []
        name = _localized(org.get("organizationNames"), kind="Name")
        if not name:
            yield RecordError(org_id, "organizationNames", "the organisation has no name")
            return
        channels = {
            str(c.get("id")): c for c in bundle.get("channels") or [] if isinstance(c, dict)
        }
        address = _address(org.get("addresses"))
        home = org.get("municipality") or {}
        home_code = municipality_code(home.get("code")) if home.get("code") else None
        if home.get("code") and home_code is None:
            problems.append(
                RecordWarning(
                    org_id, "municipality.code", f"unknown municipality code {home.get('code')!r}"
                )
            )
        record = OrganizationRecord(
            source=self.name,
            source_id=org_id,
            name=name,
            description=_description(org.get("organizationDescriptions")),
            alternate_names=list(
                _localized(org.get("organizationNames"), kind="AlternateName").values()
            ),
            business_id=org.get("businessCode") or None,
            website=_first(org.get("webPages"), "url"),
            email=_first(org.get("emails"), "value"),
            phone=_phone(org.get("phoneNumbers")),
            street_address=address.get("street"),
            postal_code=address.get("postal_code"),
            city=address.get("city"),
            municipality_code=home_code or address.get("municipality_code"),
            status="active"
            if org.get("publishingStatus", "Published") == "Published"
            else "inactive",
            source_url=self._url(f"Organization/{org_id}"),
            source_modified_at=_datetime(org.get("modified"), org_id, "modified", problems),
        )
        for i, service in enumerate(bundle.get("services") or []):
            parsed = self._service(service, channels, f"services[{i}]", problems)
            if parsed is not None:
                record.services.append(parsed)
        yield from problems
        yield record

    def _service(
        self,
        service: Any,
        channels: dict[str, dict],
        where: str,
        problems: list[RecordError],
    ) -> ServiceRecord | None:
        if not isinstance(service, dict) or not service.get("id"):
            problems.append(RecordError(where, "id", "the PTV service has no id"))
            return None
        sid = str(service["id"])
        name = _localized(service.get("serviceNames"), kind="Name")
        if not name:
            problems.append(RecordError(sid, "serviceNames", "the service has no name"))
            return None
        languages, language_problems = language_codes(
            service.get("languages") or [], sid, "languages"
        )
        problems.extend(language_problems)
        connections = [c for c in service.get("serviceChannels") or [] if isinstance(c, dict)]
        linked = [channels[cid] for cid in _channel_ids(service) if cid in channels]
        rules, schedule = _schedule(connections, linked)
        modified = [
            _datetime(service.get("modified"), sid, "modified", problems),
            *(
                _datetime(c.get("modified"), sid, "serviceChannels.modified", problems)
                for c in connections
            ),
        ]
        modified_at = max((m for m in modified if m is not None), default=None)
        return ServiceRecord(
            source_id=sid,
            name=name,
            description=_description(service.get("serviceDescriptions")),
            schedule=schedule,
            schedule_rules=rules,
            eligibility=_localized(service.get("requirements")),
            languages=languages,
            themes=_themes(service.get("serviceClasses")),
            target_groups=_target_groups(service.get("targetGroups")),
            areas=_areas(service, sid, problems),
            online=any(c.get("serviceChannelType") == "EChannel" for c in linked),
            email=_channel_value(linked, ("emails", "supportEmails"), "value"),
            url=_channel_value(linked, ("webPages",), "url"),
            status="active"
            if service.get("publishingStatus", "Published") == "Published"
            else "inactive",
            source_url=self._url(f"Service/{sid}"),
            source_modified_at=modified_at,
        )


def _error_page(exc: FetchError, record: str) -> Page:
    return Page(exc.url, error=RecordError(record, "", exc.message))


def _responsible_organization(service: dict) -> str | None:
    links = [o for o in service.get("organizations") or [] if isinstance(o, dict)]
    for role in ("Responsible", "Producer"):
        for link in links:
            org = link.get("organization") or {}
            if link.get("roleType") == role and org.get("id"):
                return str(org["id"])
    return None


def _channel_ids(service: dict) -> list[str]:
    ids = []
    for link in service.get("serviceChannels") or []:
        channel = (link or {}).get("serviceChannel") or {}
        if channel.get("id"):
            ids.append(str(channel["id"]))
    return ids


def _localized(items: Any, kind: str | None = None) -> dict[str, str]:
    """``[{language, value, type}]`` as ``{language: text}`` (first of each language)."""
    result: dict[str, str] = {}
    for item in items or []:
        if not isinstance(item, dict):
            continue
        if kind is not None and item.get("type") not in (kind, None):
            continue
        lang = item.get("language")
        text = plain_text(item.get("value"))
        if lang and text and lang not in result:
            result[lang] = text
    return result


def _description(items: Any) -> dict[str, str]:
    """The full description where given, else the summary, per language."""
    full = _localized(items, kind="Description")
    summary = _localized(items, kind="Summary")
    return {**summary, **full}


def _first(items: Any, key: str) -> str | None:
    for item in items or []:
        if isinstance(item, dict) and item.get(key):
            return str(item[key]).strip()
    return None


def _phone(items: Any) -> str | None:
    for item in items or []:
        if isinstance(item, dict) and item.get("number") and item.get("type", "Phone") == "Phone":
            prefix = (item.get("prefixNumber") or "").strip()
            return f"{prefix} {item['number'].strip()}".strip()
    return None


def _address(items: Any) -> dict[str, str | None]:
    """The visiting address, else the postal one, as street / postal code / city."""
    candidates = [a for a in items or [] if isinstance(a, dict) and a.get("streetAddress")]
    candidates.sort(key=lambda a: 0 if a.get("type") in ("Visiting", "Location") else 1)
    if not candidates:
        return {}
    street = candidates[0]["streetAddress"]
    names = _localized(street.get("street"))
    offices = _localized(street.get("postOffice"))
    street_name = names.get("fi") or next(iter(names.values()), "")
    number = (street.get("streetNumber") or "").strip()
    muni = street.get("municipality") or {}
    return {
        "street": f"{street_name} {number}".strip() or None,
        "postal_code": street.get("postalCode") or None,
        "city": (offices.get("fi") or next(iter(offices.values()), "")).title() or None,
        "municipality_code": municipality_code(muni.get("code")) if muni.get("code") else None,
    }


def _class_code(item: dict) -> str | None:
    code = item.get("code")
    if not code and item.get("uri"):
        code = str(item["uri"]).rsplit("/code/", 1)[-1]
    return str(code) if code else None


def _themes(classes: Any) -> list[str]:
    table = mappings.source("ptv")["service_classes"]
    found: list[str] = []
    for item in classes or []:
        code = _class_code(item) if isinstance(item, dict) else None
        while code:
            found = codes_union(found, table.get(code, []))
            code = code.rsplit(".", 1)[0] if "." in code else None
    return found


def _target_groups(groups: Any) -> list[str]:
    table = mappings.source("ptv")["target_groups"]
    found: list[str] = []
    for item in groups or []:
        code = _class_code(item) if isinstance(item, dict) else None
        if code:
            found = codes_union(found, table.get(code, []))
    return found


def _areas(service: dict, sid: str, problems: list[RecordError]) -> list[AreaRecord]:
    if str(service.get("areaType", "")).startswith("Nationwide"):
        return [AreaRecord("nationwide", "FI")]
    areas: list[AreaRecord] = []
    for i, area in enumerate(service.get("areas") or []):
        if not isinstance(area, dict):
            continue
        kind = area.get("type")
        if kind == "WellbeingServiceCounties" and area.get("code"):
            code = county_code(area["code"])
            if code:
                areas.append(AreaRecord("county", code))
                continue
        municipalities = area.get("municipalities") or []
        if kind == "Municipality" and area.get("code") and not municipalities:
            municipalities = [{"code": area["code"]}]
        for j, item in enumerate(municipalities):
            raw = (item or {}).get("code")
            code = municipality_code(raw)
            if code is None:
                problems.append(
                    RecordWarning(
                        sid,
                        f"areas[{i}].municipalities[{j}].code",
                        f"unknown municipality code {raw!r} ignored",
                    )
                )
            else:
                areas.append(AreaRecord("municipality", code))
    return unique_areas(areas)


def _day_range(start: str, end: str | None) -> list[str]:
    if start not in _DAYS:
        return []
    first = _DAYS.index(start)
    last = _DAYS.index(end) if end in _DAYS else first
    if last < first:
        last += 7
    return [WEEKDAYS[d % 7] for d in range(first, last + 1)]


def _schedule(connections: list[dict], channels: list[dict]) -> tuple[list[dict], dict]:
    """Weekly opening hours that are valid now, and their additional information as text."""
    rules: list[dict] = []
    notes: dict[str, list[str]] = {}
    hours = [h for c in connections for h in c.get("serviceHours") or []]
    hours += [h for c in channels for h in c.get("serviceHours") or []]
    for entry in hours:
        if not isinstance(entry, dict) or entry.get("serviceHourType") != "DaysOfTheWeek":
            continue
        if entry.get("isClosed") or entry.get("validForNow") is False:
            continue
        for lang, text in _localized(entry.get("additionalInformation")).items():
            if text not in notes.setdefault(lang, []):
                notes[lang].append(text)
        for opening in entry.get("openingHour") or []:
            for day in _day_range(opening.get("dayFrom", ""), opening.get("dayTo") or None):
                rule = {
                    "freq": "WEEKLY",
                    "byday": day,
                    "opens_at": (opening.get("from") or "")[:5],
                    "closes_at": (opening.get("to") or "")[:5],
                }
                if rule not in rules:
                    rules.append(rule)
    return rules, {lang: "; ".join(values) for lang, values in notes.items()}


def _channel_value(channels: list[dict], lists: tuple[str, ...], key: str) -> str | None:
    ordered = sorted(channels, key=lambda c: c.get("serviceChannelType") != "ServiceLocation")
    for channel in ordered:
        for list_name in lists:
            value = _first(channel.get(list_name), key)
            if value:
                return value
    return None


def _datetime(value: Any, record: str, field: str, problems: list[RecordError]):
    try:
        return parse_datetime(value)
    except (TypeError, ValueError):
        problems.append(RecordWarning(record, field, f"not a date and time: {value!r}"))
        return None
