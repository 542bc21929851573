"""A CSV template a coordinator fills in a spreadsheet: one row per activity.

The organisation columns repeat on every row of the same organisation. Every
column has a machine key and localized headers (fi/sv/en) in
``coact/data/csv_template.json``; any of them is accepted as a header, so a
template downloaded in Swedish imports as well as one in Finnish. Errors name
the row (as the spreadsheet numbers it, header = row 1) and the column as
written in the file.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from babel import Locale

from coact.models.directory import SERVICE_STATUSES
from coact.reference import DATA_DIR, normalise_language_code, target_groups, themes
from scrapers.base import Page, Scraper, ScraperConfigError, register
from scrapers.fields import RecordWarning, county_code, municipality_code
from scrapers.http import FetchError
from scrapers.records import AreaRecord, OrganizationRecord, RecordError, ServiceRecord

TEMPLATE_LANGUAGES = ("fi", "sv", "en")
#: Excel in Finnish and Swedish locales opens ';'-separated files in columns.
DELIMITERS = {"fi": ";", "sv": ";", "en": ","}
BUSINESS_ID = re.compile(r"^\d{7}-\d$")
MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Column:
    key: str
    headers: dict[str, str]
    help: dict[str, str]


@cache
def _spec() -> dict[str, Any]:
    return json.loads((DATA_DIR / "csv_template.json").read_text(encoding="utf-8"))


def columns() -> list[Column]:
    """The template's columns in order."""
    return [Column(c["key"], c["headers"], c["help"]) for c in _spec()["columns"]]


def template_csv(lang: str) -> bytes:
    """The empty template with headers in ``lang`` (UTF-8 with BOM, so Excel reads ä and ö)."""
    if lang not in TEMPLATE_LANGUAGES:
        raise ValueError(f"no CSV template in {lang!r}")
    out = io.StringIO()
    writer = csv.writer(out, delimiter=DELIMITERS[lang], lineterminator="\r\n")
    writer.writerow([c.headers[lang] for c in columns()])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _fold(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", value).casefold().split())


@cache
def _header_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for column in columns():
        index[_fold(column.key)] = column.key
        for header in column.headers.values():
            index[_fold(header)] = column.key
    return index


@cache
def _term_index(kind: str) -> dict[str, str]:
    terms = themes() if kind == "themes" else target_groups()
    index: dict[str, str] = {}
    for term in terms.values():
        index[_fold(term.code)] = term.code
        for name in term.name.values():
            index[_fold(name)] = term.code
    return index


@cache
def _language_names() -> dict[str, str]:
    """Language names in fi/sv/en (CLDR) to codes, for people who write 'somali'."""
    names: dict[str, str] = {}
    for lang in TEMPLATE_LANGUAGES:
        for code, name in Locale.parse(lang).languages.items():
            stored = normalise_language_code(code)
            if stored:
                names.setdefault(_fold(name), stored)
    return names


def _language(value: str) -> str | None:
    return normalise_language_code(value) or _language_names().get(_fold(value))


def _split(value: str) -> list[str]:
    parts = [value]
    for separator in _spec()["list_separators"]:
        parts = [p for part in parts for p in part.split(separator)]
    return [p.strip() for p in parts if p.strip()]


def _slug(value: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def decode_csv(content: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 as Excel on Windows saves it."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


class _Row:
    """One data row with its line number and the file's own header names."""

    def __init__(self, number: int, values: dict[str, str], headers: dict[str, str]) -> None:
        self.number = number
        self.values = values
        self.headers = headers
        self.problems: list[RecordError] = []
        self.fatal = False

    @property
    def label(self) -> str:
        return f"row {self.number}"

    def get(self, key: str) -> str:
        return (self.values.get(key) or "").strip()

    def column(self, key: str) -> str:
        return self.headers.get(key, key)

    def error(self, key: str, message: str) -> None:
        self.fatal = True
        self.problems.append(RecordError(self.label, self.column(key), message))

    def warn(self, key: str, message: str) -> None:
        self.problems.append(RecordWarning(self.label, self.column(key), message))

    def texts(self, prefix: str) -> dict[str, str]:
        return {
            lang: self.get(f"{prefix}_{lang}")
            for lang in TEMPLATE_LANGUAGES
            if self.get(f"{prefix}_{lang}")
        }

    def flag(self, key: str) -> bool:
        value = _fold(self.get(key))
        if not value:
            return False
        if value in _spec()["true_values"]:
            return True
        if value not in _spec()["false_values"]:
            self.warn(key, f"{self.get(key)!r} is not yes or no; read as no")
        return False

    def age(self, key: str) -> int | None:
        value = self.get(key)
        if not value:
            return None
        if not value.isdigit() or int(value) > 120:
            self.warn(key, f"{value!r} is not an age in whole years; left empty")
            return None
        return int(value)

    def codes(self, key: str, kind: str) -> list[str]:
        found: list[str] = []
        for value in _split(self.get(key)):
            code = _language(value) if kind == "languages" else _term_index(kind).get(_fold(value))
            if code is None:
                self.warn(key, f"unknown {_KIND_WORDS[kind]} {value!r} ignored")
            elif code not in found:
                found.append(code)
        return found

    def email(self, key: str) -> str | None:
        value = self.get(key)
        if value and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", value):
            self.warn(key, f"{value!r} is not an e-mail address; left empty")
            return None
        return value or None

    def url(self, key: str) -> str | None:
        value = self.get(key)
        if value and not re.match(r"^https?://\S+$", value):
            if re.match(r"^[\w.-]+\.[a-z]{2,}(/\S*)?$", value, re.IGNORECASE):
                return "https://" + value
            self.warn(key, f"{value!r} is not a web address; left empty")
            return None
        return value or None


_KIND_WORDS = {"languages": "language", "themes": "theme", "target_groups": "target group"}


@register
class CsvTemplateScraper(Scraper):
    """The CSV template, from ``--file``, ``--url`` or an upload (``extra["content"]``)."""

    name = "csv"

    def configure(self) -> None:
        opts = self.options
        given = [x for x in (opts.file, opts.url, opts.extra.get("content")) if x]
        if len(given) != 1:
            raise ScraperConfigError("The CSV import needs exactly one of --file or --url.")

    @property
    def file_label(self) -> str:
        opts = self.options
        return str(opts.file or opts.url or opts.extra.get("filename", "upload"))

    def fetch(self) -> Iterator[Page]:
        opts = self.options
        if opts.extra.get("content") is not None:
            yield Page(opts.extra.get("filename", "upload"), opts.extra["content"])
        elif opts.file is not None:
            try:
                content = opts.file.read_bytes()
            except OSError as exc:
                yield Page(
                    str(opts.file),
                    error=RecordError(str(opts.file), "", f"cannot read the file: {exc.strerror}"),
                )
                return
            yield Page(str(opts.file), content)
        else:
            try:
                fetched = self.require_http().get(opts.url or "")
            except FetchError as exc:
                yield Page(exc.url, error=RecordError(exc.url, "", exc.message))
                return
            yield Page(fetched.url, fetched.content, from_cache=fetched.from_cache)

    def parse(self, page: Page) -> Iterator[OrganizationRecord | RecordError]:
        content = page.data if isinstance(page.data, bytes) else str(page.data or "").encode()
        if len(content) > MAX_BYTES:
            yield RecordError(
                page.url, "", f"the file is larger than {MAX_BYTES // 1024 // 1024} MB"
            )
            return
        text = decode_csv(content)
        if not text.strip():
            yield RecordError(page.url, "", "the file is empty")
            return
        try:
            dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
            delimiter = dialect.delimiter
        except csv.Error:
            delimiter = ","
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            header = next(reader)
        except (StopIteration, csv.Error) as exc:
            yield RecordError(page.url, "", f"the header row cannot be read: {exc}")
            return
        keys: list[str | None] = []
        headers: dict[str, str] = {}
        header_problems: list[RecordError] = []
        for i, name in enumerate(header):
            key = _header_index().get(_fold(name))
            if name.strip() and key is None:
                header_problems.append(RecordWarning("row 1", name, "unknown column ignored"))
            if key is not None and key in headers:
                header_problems.append(
                    RecordWarning("row 1", name, f"column repeats {headers[key]!r}; ignored")
                )
                key = None
            keys.append(key)
            if key:
                headers[key] = name.strip() or f"column {i + 1}"
        needed = [
            ("organization_name", "an organisation name"),
            ("activity_name", "an activity name"),
        ]
        for prefix, words in needed:
            if not any(f"{prefix}_{lang}" in headers for lang in TEMPLATE_LANGUAGES):
                yield RecordError(
                    page.url,
                    "",
                    f"no column for {words} in any language; is this the Co-Act template?",
                )
                return
        yield from header_problems
        organizations: dict[str, OrganizationRecord] = {}
        activity_rows: dict[tuple[str, str], int] = {}
        try:
            for number, values in enumerate(reader, start=2):
                if not any(v.strip() for v in values):
                    continue
                row = _Row(number, {k: v for k, v in zip(keys, values, strict=False) if k}, headers)
                if len(values) > len(keys):
                    row.warn("", f"{len(values) - len(keys)} cells beyond the last column ignored")
                org, service = self._row(row)
                if row.fatal or org is None or service is None:
                    yield from row.problems
                    continue
                key = (org.source_id, service.source_id)
                if key in activity_rows:
                    row.error(
                        "activity_id", f"the same activity is already on row {activity_rows[key]}"
                    )
                    yield from row.problems
                    continue
                activity_rows[key] = number
                existing = organizations.get(org.source_id)
                if existing is None:
                    organizations[org.source_id] = org
                    existing = org
                else:
                    _check_same_organization(existing, org, row)
                existing.services.append(service)
                yield from row.problems
        except csv.Error as exc:
            yield RecordError(
                f"row {reader.line_num}", "", f"the CSV cannot be read further: {exc}"
            )
        yield from organizations.values()

    def _row(self, row: _Row) -> tuple[OrganizationRecord | None, ServiceRecord | None]:
        org_name = row.texts("organization_name")
        if not org_name:
            row.error("organization_name_fi", "the organisation has no name in any language")
        activity_name = row.texts("activity_name")
        if not activity_name:
            row.error("activity_name_fi", "the activity has no name in any language")
        business_id = row.get("business_id") or None
        if business_id and not BUSINESS_ID.match(business_id):
            row.warn("business_id", f"{business_id!r} is not a business ID (1234567-8); left empty")
            business_id = None
        home = row.get("organization_municipality")
        home_code = municipality_code(home) if home else None
        if home and home_code is None:
            row.warn("organization_municipality", f"unknown municipality {home!r}; left empty")
        areas = self._areas(row)
        status = _fold(row.get("status")) or "active"
        if status not in SERVICE_STATUSES:
            row.warn("status", f"unknown status {row.get('status')!r}; read as active")
            status = "active"
        if row.fatal:
            return None, None
        first_name = next(iter(org_name.values()))
        org_id = row.get("organization_id") or business_id or f"name:{_slug(first_name)}"
        activity_id = row.get("activity_id") or _slug(next(iter(activity_name.values())))
        org = OrganizationRecord(
            source=self.name,
            source_id=org_id,
            name=org_name,
            business_id=business_id,
            website=row.url("organization_website"),
            email=row.email("organization_email"),
            phone=row.get("organization_phone") or None,
            municipality_code=home_code,
            source_url=f"{self.file_label}#row={row.number}",
        )
        service = ServiceRecord(
            source_id=f"{org_id}/{activity_id}",
            name=activity_name,
            description=row.texts("description"),
            schedule=row.texts("schedule"),
            languages=row.codes("languages", "languages"),
            interpreter_languages=row.codes("interpreter_languages", "languages"),
            themes=row.codes("themes", "themes"),
            target_groups=row.codes("target_groups", "target_groups"),
            areas=areas,
            online=row.flag("online"),
            accepts_referrals=row.flag("accepts_referrals"),
            can_escort=row.flag("can_escort"),
            minimum_age=row.age("minimum_age"),
            maximum_age=row.age("maximum_age"),
            email=row.email("activity_email"),
            url=row.url("activity_url"),
            status=status,
            source_url=f"{self.file_label}#row={row.number}",
        )
        return org, service

    def _areas(self, row: _Row) -> list[AreaRecord]:
        if row.flag("nationwide"):
            return [AreaRecord("nationwide", "FI")]
        areas: list[AreaRecord] = []
        for value in _split(row.get("municipalities")):
            code = municipality_code(value)
            if code is None:
                row.error("municipalities", f"unknown municipality {value!r}")
            elif AreaRecord("municipality", code) not in areas:
                areas.append(AreaRecord("municipality", code))
        for value in _split(row.get("counties")):
            code = county_code(value)
            if code is None:
                row.error("counties", f"unknown wellbeing services county {value!r}")
            elif AreaRecord("county", code) not in areas:
                areas.append(AreaRecord("county", code))
        return areas


def _check_same_organization(
    first: OrganizationRecord, other: OrganizationRecord, row: _Row
) -> None:
    """Organisation columns repeat; a row that says something else is reported, not applied."""
    for lang, text in other.name.items():
        if first.name.get(lang) and first.name[lang] != text:
            row.warn(
                f"organization_name_{lang}",
                "differs from the first row of this organisation; the first row is used",
            )
    for key, a, b in (
        ("business_id", first.business_id, other.business_id),
        ("organization_email", first.email, other.email),
        ("organization_website", first.website, other.website),
    ):
        if a and b and a != b:
            row.warn(key, "differs from the first row of this organisation; the first row is used")
