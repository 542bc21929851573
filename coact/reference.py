"""Reference data shipped with the app: themes, target groups, features,
municipalities and wellbeing services counties, language codes.

Each fact lives in one data file under ``coact/data/`` and is loaded once;
code asks this module instead of repeating codes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError

DATA_DIR = Path(__file__).resolve().parent / "data"

THEME = "coact-theme"
TARGET_GROUP = "coact-target-group"
FEATURE = "coact-feature"
INTERPRETER_LANGUAGE = "coact-interpreter-language"

#: ISO 639 codes stored as another code (PROFILE.md "language aliases").
LANGUAGE_ALIASES = {"ku": "kmr", "fa-af": "prs", "fa_af": "prs"}
_LANG_CODE = re.compile(r"^[a-z]{2,3}$")


@dataclass(frozen=True)
class Term:
    code: str
    name: dict[str, str]

    def label(self, locale: str) -> str:
        return pick_text(self.name, locale) or self.code


@dataclass(frozen=True)
class Municipality:
    code: str
    name: dict[str, str]
    county: str

    def label(self, locale: str) -> str:
        return pick_text(self.name, locale) or self.code


@dataclass(frozen=True)
class County:
    code: str
    name: dict[str, str]

    def label(self, locale: str) -> str:
        return pick_text(self.name, locale) or self.code


FALLBACK_ORDER = ("fi", "sv", "en")


def pick_text(values: dict[str, str] | None, locale: str | None) -> str:
    """The best text for ``locale``: requested → fi → sv → en → any other."""
    if not values:
        return ""
    candidates = []
    if locale:
        candidates.append(locale)
        if "_" in locale:
            candidates.append(locale.split("_", 1)[0])
    candidates.extend(FALLBACK_ORDER)
    for code in candidates:
        if values.get(code):
            return values[code]
    return next((v for v in values.values() if v), "")


def picked_language(values: dict[str, str] | None, locale: str | None) -> str | None:
    """The language code of the text :func:`pick_text` returns (for ``lang=`` attributes)."""
    if not values:
        return None
    text = pick_text(values, locale)
    return next((code for code, value in values.items() if value == text), None)


@cache
def _taxonomies() -> dict[str, dict[str, Term]]:
    raw = json.loads((DATA_DIR / "taxonomy.json").read_text(encoding="utf-8"))
    return {
        tax["id"]: {t["code"]: Term(t["code"], t["name"]) for t in tax["terms"]}
        for tax in raw["taxonomies"]
        if "terms" in tax
    }


def terms(taxonomy: str) -> dict[str, Term]:
    """Terms of one Co-Act taxonomy (``coact-theme`` …), in file order."""
    return _taxonomies()[taxonomy]


def themes() -> dict[str, Term]:
    return terms(THEME)


def target_groups() -> dict[str, Term]:
    return terms(TARGET_GROUP)


def features() -> dict[str, Term]:
    return terms(FEATURE)


@cache
def _areas() -> tuple[dict[str, Municipality], dict[str, County]]:
    raw = json.loads((DATA_DIR / "areas.json").read_text(encoding="utf-8"))
    counties = {c["code"]: County(c["code"], c["name"]) for c in raw["counties"]}
    municipalities = {
        m["code"]: Municipality(m["code"], m["name"], m["county"]) for m in raw["municipalities"]
    }
    return municipalities, counties


def municipalities() -> dict[str, Municipality]:
    return _areas()[0]


def counties() -> dict[str, County]:
    return _areas()[1]


def municipality(code: str) -> Municipality | None:
    return municipalities().get(code)


def county_of(municipality_code: str) -> str | None:
    found = municipalities().get(municipality_code)
    return found.county if found else None


def municipality_by_name(name: str) -> Municipality | None:
    """Find a municipality by its Finnish or Swedish name (case-insensitive)."""
    return _municipality_names().get(name.strip().casefold())


@cache
def _municipality_names() -> dict[str, Municipality]:
    names: dict[str, Municipality] = {}
    for m in municipalities().values():
        for value in m.name.values():
            names.setdefault(value.casefold(), m)
    return names


@cache
def _custom_language_names() -> dict[str, dict[str, str]]:
    raw = json.loads((DATA_DIR / "language_names.json").read_text(encoding="utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("_")}


@cache
def _babel_locale(locale: str) -> Locale:
    try:
        return Locale.parse(locale)
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def normalise_language_code(code: str) -> str | None:
    """The stored form of an ISO 639 code, or None when it is not a known language."""
    value = (code or "").strip().lower().replace("-", "_")
    value = LANGUAGE_ALIASES.get(value, value)
    if not _LANG_CODE.match(value):
        return None
    if value in _custom_language_names() or value in _babel_locale("en").languages:
        return value
    return None


def language_name(code: str, locale: str) -> str:
    """The name of language ``code`` in the UI ``locale`` (CLDR, or our own table)."""
    custom = _custom_language_names().get(code)
    if custom:
        return pick_text(custom, locale) if locale in custom else custom.get("en", code)
    name = _babel_locale(locale).languages.get(code) or _babel_locale("en").languages.get(code)
    return name or code


def text_direction(locale: str) -> str:
    return _babel_locale(locale).text_direction
