"""Lähellä.fi activities of one NGO, read with the NGO's own management login.

Lähellä.fi has no public read API (scrapers/README.md). The closest real
path is the management backend ``hallinta.lahella.fi`` that the NGO's own
account uses: ``GET /v1/activities?groups[0]=<group id>`` pages with
``limit``/``skip`` while ``hasMore``. The operator passes the NGO's session
cookies (never stored), or a saved copy of that JSON (``--file``). The
activities are attached to an organisation already in Co-Act, whose current
organisation fields the importer passes in ``extra["organization"]`` so that
they are left as they are. Listings of long-term support and hobby activities
also reach PTV (``scrapers.ptv``) when the NGO has a business id.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from scrapers import mappings
from scrapers.base import Page, Scraper, ScraperConfigError, register
from scrapers.fields import (
    WEEKDAYS,
    RecordWarning,
    codes_union,
    municipality_code,
    plain_text,
    texts,
    unique_areas,
)
from scrapers.http import FetchError, PayloadError
from scrapers.records import AreaRecord, OrganizationRecord, RecordError, ServiceRecord

BASE_URL = "https://hallinta.lahella.fi"
PAGE_SIZE = 100
MAX_PAGES = 200
_AGE_RANGE = re.compile(r"^ageGroup/range:(\d+)-(\d+)$")
_TEXT_LANGUAGES = ("fi", "sv", "en")


@register
class LahellaScraper(Scraper):
    name = "lahella"

    def configure(self) -> None:
        opts = self.options
        if len(opts.organizations) != 1:
            raise ScraperConfigError(
                "Lähellä.fi needs exactly one --organization: the NGO's group id on Lähellä.fi."
            )
        self.group_id = opts.organizations[0]
        if not re.match(r"^[\w.:-]{1,100}$", self.group_id):
            raise ScraperConfigError(f"{self.group_id!r} does not look like a Lähellä.fi group id.")
        if opts.file is None and not opts.token:
            raise ScraperConfigError(
                "Lähellä.fi has no public API: give the NGO's own session cookies "
                "(COACT_LAHELLA_TOKEN) or a saved activities JSON file (--file)."
            )
        organization = opts.extra.get("organization")
        if not isinstance(organization, OrganizationRecord):
            raise ScraperConfigError(
                "Lähellä.fi activities are added to an organisation already in Co-Act (--into)."
            )
        self.organization = organization
        self.base_url = opts.extra.get("base_url", BASE_URL)

    # --- fetch -------------------------------------------------------------

    def fetch(self) -> Iterator[Page]:
        if self.options.file is not None:
            yield self._from_file()
            return
        http = self.require_http()
        url = f"{self.base_url}/v1/activities"
        headers = {"Cookie": self.options.token or "", "Origin": self.base_url}
        items: list[dict] = []
        skip = 0
        for _ in range(MAX_PAGES):
            params = {
                "groups[0]": self.group_id,
                "links[groups]": "true",
                "total": "true",
                "limit": PAGE_SIZE,
                "skip": skip,
                "text": "",
            }
            try:
                data, fetched = http.get_json(url, params=params, headers=headers)
                if not isinstance(data, dict) or not isinstance(data.get("items"), list):
                    raise PayloadError(fetched.url, "expected an object with items and hasMore")
            except FetchError as exc:
                message = exc.message
                if exc.status in (401, 403):
                    message += (
                        "; the Lähellä.fi login has expired, log in again and copy the cookies"
                    )
                yield Page(exc.url, error=RecordError(self.group_id, "", message))
                return
            items.extend(data["items"])
            if not data.get("hasMore"):
                break
            skip += PAGE_SIZE
        yield Page(url, {"items": items})

    def _from_file(self) -> Page:
        path = self.options.file
        assert path is not None
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError) as exc:
            return Page(str(path), error=RecordError(str(path), "", f"cannot read the JSON: {exc}"))
        if isinstance(data, list):
            data = {"items": data}
        if not isinstance(data, dict) or not isinstance(data.get("items"), list):
            return Page(
                str(path),
                error=RecordError(str(path), "", "expected the JSON of /v1/activities (items)"),
            )
        return Page(str(path), data)

    # --- parse -------------------------------------------------------------

    def parse(self, page: Page) -> Iterator[OrganizationRecord | RecordError]:
        org = self.organization
        record = replace(org, services=[])
        problems: list[RecordError] = []
        for i, item in enumerate(page.data.get("items") or []):
            service = self._activity(item, f"items[{i}]", problems)
            if service is not None:
                record.services.append(service)
        yield from problems
        yield record

    def _activity(self, item: Any, where: str, problems: list[RecordError]) -> ServiceRecord | None:
        if not isinstance(item, dict) or not item.get("_key"):
            problems.append(RecordError(where, "_key", "the activity has no _key"))
            return None
        key = str(item["_key"])
        traits = item.get("traits")
        if not isinstance(traits, dict):
            problems.append(RecordError(key, "traits", "missing"))
            return None
        translations = traits.get("translations") or {}
        by_lang = {
            lang: translations.get(lang) or {}
            for lang in _TEXT_LANGUAGES
            if isinstance(translations.get(lang), dict)
        }
        name = texts({lang: t.get("name") for lang, t in by_lang.items()})
        if not name:
            problems.append(
                RecordError(key, "traits.translations.fi.name", "the activity has no name")
            )
            return None
        description = texts(
            {lang: t.get("description") or t.get("summary") for lang, t in by_lang.items()}
        )
        table = mappings.source("lahella")
        themes: list[str] = []
        kind = traits.get("type")
        if kind is not None:
            themes = codes_union(
                themes, self._lookup(table["types"], kind, key, "traits.type", problems)
            )
        for field in ("theme", "format"):
            for j, code in enumerate(traits.get(field) or []):
                found = self._lookup(
                    table[f"{field}s"], code, key, f"traits.{field}[{j}]", problems
                )
                themes = codes_union(themes, found)
        groups, min_age, max_age, demographic_themes = _demographics(
            traits.get("demographic") or [], key, table, problems
        )
        channels = [c for c in traits.get("channels") or [] if isinstance(c, dict)]
        return ServiceRecord(
            source_id=key,
            name=name,
            description=description,
            schedule=_schedule_text(channels),
            schedule_rules=_schedule_rules(channels),
            languages=_languages(traits.get("locale") or [], key, table, problems),
            themes=codes_union(themes, demographic_themes),
            target_groups=groups,
            minimum_age=min_age,
            maximum_age=max_age,
            areas=_areas(traits.get("region") or [], key, table, problems),
            online=any(t in ("online", "hybrid") for c in channels for t in (c.get("type") or [])),
            email=_contact(traits, channels, "email"),
            url=_contact(traits, channels, "www"),
            status=_status(item),
            source_url=f"{self.base_url}/v1/activities/{key}",
        )

    @staticmethod
    def _lookup(
        table: dict, code: Any, key: str, field: str, problems: list[RecordError]
    ) -> list[str]:
        if code in table:
            return table[code]
        problems.append(RecordWarning(key, field, f"unknown Lähellä.fi code {code!r} ignored"))
        return []


def _demographics(values: list, key: str, table: dict, problems: list[RecordError]):
    """Target groups, age limits and gender themes from ``traits.demographic``."""
    ranges: list[tuple[int, int]] = []
    groups: list[str] = []
    themes: list[str] = []
    for j, value in enumerate(values):
        match = _AGE_RANGE.match(str(value))
        if match:
            ranges.append((int(match.group(1)), int(match.group(2))))
        elif value in table["genders"]:
            groups = codes_union(groups, table["genders"][value]["target_groups"])
            themes = codes_union(themes, table["genders"][value]["themes"])
        else:
            problems.append(
                RecordWarning(key, f"traits.demographic[{j}]", f"unknown value {value!r} ignored")
            )
    min_age = max_age = None
    if ranges:
        low = min(r[0] for r in ranges)
        high = max(r[1] for r in ranges)
        min_age = low or None
        max_age = high if high < 99 else None
        adults = any(r[0] <= 30 and r[1] >= 64 for r in ranges)
        if not adults:
            for rule in table["age_target_groups"]:
                start, end = rule.get("from", 0), rule.get("to", 200)
                if any(r[0] <= end and r[1] >= start for r in ranges):
                    groups = codes_union(groups, [rule["target_group"]])
    return groups, min_age, max_age, themes


def _languages(values: list, key: str, table: dict, problems: list[RecordError]) -> list[str]:
    codes: list[str] = []
    for j, value in enumerate(values):
        if value not in table["locales"]:
            problems.append(
                RecordWarning(key, f"traits.locale[{j}]", f"unknown language {value!r} ignored")
            )
        elif table["locales"][value]:
            codes = codes_union(codes, [table["locales"][value]])
    return codes


def _areas(values: list, key: str, table: dict, problems: list[RecordError]) -> list[AreaRecord]:
    """``city/FI/<name>`` and ``state/FI/<region>``; no region means all of Finland."""
    if not values:
        return [AreaRecord("nationwide", "FI")]
    areas: list[AreaRecord] = []
    for j, value in enumerate(values):
        kind, _, name = str(value).partition("/FI/")
        if kind == "city":
            code = table["merged_cities"].get(name) or municipality_code(name)
            if code:
                areas.append(AreaRecord("municipality", code))
                continue
        elif kind == "state" and name in table["states"]:
            areas.extend(AreaRecord("county", c) for c in table["states"][name])
            continue
        problems.append(
            RecordWarning(key, f"traits.region[{j}]", f"unknown place {value!r} ignored")
        )
    return unique_areas(areas)


def _schedule_rules(channels: list[dict]) -> list[dict]:
    rules: list[dict] = []
    for channel in channels:
        for event in channel.get("events") or []:
            recurrence = (event or {}).get("recurrence") or {}
            if recurrence.get("period") != "P1W":
                continue
            end = recurrence.get("end")
            if isinstance(end, int | float) and end < datetime.now(UTC).timestamp() * 1000:
                continue
            for times in recurrence.get("daySpecificTimes") or []:
                day = times.get("weekday")
                if not isinstance(day, int) or not 1 <= day <= 7:
                    continue
                rule = {
                    "freq": "WEEKLY",
                    "byday": WEEKDAYS[day - 1],
                    "opens_at": times.get("startTime") or "",
                    "closes_at": times.get("endTime") or "",
                }
                if rule not in rules:
                    rules.append(rule)
    return rules


def _schedule_text(channels: list[dict]) -> dict[str, str]:
    """Each place's summary ("sunnuntaisin klo 11–12 Lauttasaaren koululla") per language."""
    parts: dict[str, list[str]] = {}
    for channel in channels:
        for lang, values in (channel.get("translations") or {}).items():
            if lang in _TEXT_LANGUAGES and isinstance(values, dict):
                text = plain_text(values.get("summary"))
                if text and text not in parts.setdefault(lang, []):
                    parts[lang].append(text)
    return {lang: "\n".join(values) for lang, values in parts.items() if values}


def _contact(traits: dict, channels: list[dict], kind: str) -> str | None:
    for contact in traits.get("contacts") or []:
        if isinstance(contact, dict) and contact.get("type") == kind and contact.get("value"):
            return str(contact["value"]).strip()
    field = "registrationEmail" if kind == "email" else "registrationUrl"
    for channel in channels:
        if channel.get(field):
            return str(channel[field]).strip()
    return None


def _status(item: dict) -> str:
    """``published`` is active; drafts and listings past their visibility window are not."""
    status = item.get("status")
    if status == "published":
        return "active"
    if status is None:
        visibility = (item.get("tags") or {}).get("visibility") or {}
        now_ms = datetime.now(UTC).timestamp() * 1000
        end, start = visibility.get("end"), visibility.get("start")
        if (not end or end > now_ms) and (not start or start <= now_ms):
            return "active"
    return "inactive"
