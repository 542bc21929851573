"""Small conversions several sources share: texts, dates, languages, places."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser

from coact.reference import (
    counties,
    municipality,
    municipality_by_name,
    normalise_language_code,
)
from scrapers.records import AreaRecord, RecordError, Texts


@dataclass
class RecordWarning(RecordError):
    """A problem in part of a record that was left out; the rest of the record is imported.

    An importer treats it as an error of the record to show people, but it does
    not make the run incomplete (a dropped theme code is not a missing record).
    """


WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "tr"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "li":
            self.parts.append("\n- ")
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS and tag != "li":
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(value: str | None) -> str:
    """Text without markup: HTML paragraphs become lines, entities are decoded."""
    if not value:
        return ""
    if "<" not in value:
        text = html.unescape(value)
    else:
        parser = _TextExtractor()
        parser.feed(value)
        parser.close()
        text = "".join(parser.parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def texts(values: dict[str, str | None]) -> Texts:
    """Keep the languages that have text, under their stored language code."""
    result: Texts = {}
    for lang, value in values.items():
        code = normalise_language_code(lang) or lang
        clean = plain_text(value)
        if clean:
            result[code] = clean
    return result


def parse_datetime(value: str | int | float | None) -> datetime | None:
    """ISO 8601 text (naive means UTC) or epoch milliseconds, as an aware UTC datetime."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float):
        return datetime.fromtimestamp(value / 1000, tz=UTC)
    parsed = datetime.fromisoformat(value.strip())
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def language_codes(
    values: Iterable[str], record: str, field: str
) -> tuple[list[str], list[RecordError]]:
    """Stored language codes in order, without repeats; unknown ones are reported."""
    codes: list[str] = []
    problems: list[RecordError] = []
    for i, value in enumerate(values):
        code = normalise_language_code(str(value))
        if code is None:
            problems.append(
                RecordWarning(record, f"{field}[{i}]", f"unknown language code {value!r} ignored")
            )
        elif code not in codes:
            codes.append(code)
    return codes, problems


def municipality_code(value: str | int | None) -> str | None:
    """A Statistics Finland municipality code (zero-padded), or None if unknown."""
    if value is None:
        return None
    text = str(value).strip()
    if text.isdigit() and len(text) <= 3:
        text = text.zfill(3)
        return text if municipality(text) else None
    found = municipality_by_name(text)
    return found.code if found else None


def county_code(value: str | int | None) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    if text.isdigit() and len(text) <= 2:
        text = text.zfill(2)
        return text if text in counties() else None
    wanted = text.casefold()
    for county in counties().values():
        if any(name.casefold() == wanted for name in county.name.values()):
            return county.code
    return None


def unique_areas(areas: Iterable[AreaRecord]) -> list[AreaRecord]:
    """Areas without repeats; nationwide makes the others redundant."""
    result: list[AreaRecord] = []
    for area in areas:
        if area not in result:
            result.append(area)
    if any(a.kind == "nationwide" for a in result):
        return [AreaRecord("nationwide", "FI")]
    return result


def codes_union(*lists: Iterable[str]) -> list[str]:
    out: list[str] = []
    for values in lists:
        for value in values:
            if value not in out:
                out.append(value)
    return out
