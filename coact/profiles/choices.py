"""Options for the profile forms, built from the reference data in the UI locale.

Codes come from ``coact/data`` via :mod:`coact.reference`; this module only
turns them into (code, label) lists, so no form repeats a code.
"""

from __future__ import annotations

import json
from functools import cache

from babel.dates import get_day_names
from flask_babel import lazy_gettext as _l

from coact.models import ORGANIZATION_STATUSES, SERVICE_STATUSES
from coact.reference import (
    DATA_DIR,
    counties,
    language_name,
    municipalities,
    normalise_language_code,
    target_groups,
    text_direction,
    themes,
)

#: Text languages every profile form offers, whether or not texts exist yet.
BASE_TEXT_LANGUAGES = ("fi", "sv", "en")
#: HSDS weekday codes in calendar order (Monday first, as in Finland).
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

STATUS_LABELS = {
    "active": _l("Active"),
    "inactive": _l("Inactive"),
    "defunct": _l("Ended"),
    "temporarily closed": _l("Temporarily closed"),
}


@cache
def common_language_codes() -> tuple[str, ...]:
    """Languages offered as checkboxes (``coact/data/common_languages.json``)."""
    raw = json.loads((DATA_DIR / "common_languages.json").read_text(encoding="utf-8"))
    codes = tuple(raw["codes"])
    unknown = [code for code in codes if normalise_language_code(code) != code]
    if unknown:
        raise ValueError(f"common_languages.json has codes not in stored form: {unknown}")
    return codes


def _sort_key(label: str) -> str:
    return label.casefold()


def language_options(locale: str, extra: tuple[str, ...] | list[str] = ()) -> list[tuple[str, str]]:
    """(code, name) for the common languages plus ``extra`` codes, fi/sv/en first."""
    codes = list(dict.fromkeys([*common_language_codes(), *extra]))
    first = [c for c in BASE_TEXT_LANGUAGES if c in codes]
    rest = sorted(
        (c for c in codes if c not in first), key=lambda c: _sort_key(language_name(c, locale))
    )
    return [(code, language_name(code, locale)) for code in [*first, *rest]]


def text_language(code: str, locale: str) -> dict[str, str]:
    """What a template needs to label and mark up a text in language ``code``."""
    return {"code": code, "name": language_name(code, locale), "dir": text_direction(code)}


def municipality_options(locale: str) -> list[tuple[str, str]]:
    return sorted(
        ((m.code, m.label(locale)) for m in municipalities().values()),
        key=lambda item: _sort_key(item[1]),
    )


def county_options(locale: str) -> list[tuple[str, str]]:
    return sorted(
        ((c.code, c.label(locale)) for c in counties().values()), key=lambda i: _sort_key(i[1])
    )


def municipalities_by_county(locale: str) -> list[dict]:
    """Counties with their municipalities, for a grouped list of checkboxes."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for code, label in municipality_options(locale):
        groups.setdefault(municipalities()[code].county, []).append((code, label))
    return [
        {"code": code, "name": label, "municipalities": groups.get(code, [])}
        for code, label in county_options(locale)
        if groups.get(code)
    ]


def theme_options(locale: str) -> list[tuple[str, str]]:
    return [(t.code, t.label(locale)) for t in themes().values()]


def target_group_options(locale: str) -> list[tuple[str, str]]:
    return [(t.code, t.label(locale)) for t in target_groups().values()]


def organization_status_options() -> list[tuple[str, str]]:
    return [(s, STATUS_LABELS[s]) for s in ORGANIZATION_STATUSES]


def service_status_options() -> list[tuple[str, str]]:
    return [(s, STATUS_LABELS[s]) for s in SERVICE_STATUSES]


def weekday_options(locale: str) -> list[tuple[str, str]]:
    names = get_day_names("abbreviated", locale=locale)
    return [(code, names[index]) for index, code in enumerate(WEEKDAYS)]
