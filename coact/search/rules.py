"""The matching rules: language tiers, place tiers, target groups, staleness.

The ranking engine applies them to index arrays; the result pages apply the
same functions to database rows to say why. The facts they use (which
languages are fallbacks, what a target group means) live in
``coact/data/matching.json``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from coact.reference import DATA_DIR, county_of

#: Language tiers, best first.
LANG_OWN = 3
LANG_INTERPRETER = 2
LANG_FALLBACK = 1
LANG_NONE = 0
#: Place tiers, best first.
PLACE_MUNICIPALITY = 3
PLACE_COUNTY = 2
PLACE_REMOTE = 1  # online or nationwide
PLACE_ELSEWHERE = 0
NO_LIMIT = 10**4


@cache
def _data() -> dict:
    return json.loads((DATA_DIR / "matching.json").read_text(encoding="utf-8"))


def fallback_languages() -> frozenset[str]:
    return frozenset(_data()["fallback_languages"])


def stale_after() -> timedelta:
    return timedelta(days=int(_data()["stale_after_days"]))


def is_stale(updated: datetime | None, now: datetime | None = None) -> bool:
    if updated is None:
        return False
    return updated < (now or datetime.now(UTC)) - stale_after()


@dataclass(frozen=True)
class Client:
    """What the worker says about the client (all optional)."""

    languages: tuple[str, ...] = ()
    municipality: str | None = None
    target_group: str | None = None
    #: What the worker's own words add ("45-vuotiaalle naiselle"): a gender, and
    #: an age span that narrows the target group's.
    said_gender: str | None = None
    said_ages: tuple[int, int] | None = None

    @property
    def county(self) -> str | None:
        return county_of(self.municipality) if self.municipality else None

    @property
    def own_languages(self) -> tuple[str, ...]:
        """The client's languages other than the fallbacks; the fallbacks themselves
        when those are all the worker listed (a Finnish speaker gets Finnish first)."""
        own = tuple(code for code in self.languages if code not in fallback_languages())
        return own or self.languages

    @property
    def fallback_languages(self) -> tuple[str, ...]:
        own = set(self.own_languages)
        return tuple(code for code in self.languages if code not in own)

    def gender(self) -> str | None:
        group = _data()["client_groups"].get(self.target_group or "", {}).get("gender")
        return group or self.said_gender

    def ages(self) -> tuple[int, int] | None:
        ages = _data()["client_groups"].get(self.target_group or "", {}).get("ages")
        span = (ages[0] or 0, ages[1] if ages[1] is not None else NO_LIMIT) if ages else None
        if self.said_ages:
            if span is None:
                return self.said_ages
            narrowed = (max(span[0], self.said_ages[0]), min(span[1], self.said_ages[1]))
            if narrowed[0] <= narrowed[1]:
                return narrowed
        return span


def language_tier(
    client: Client, languages: Iterable[str], interpreters: Iterable[str]
) -> tuple[int, str | None]:
    """(tier, the client language that decided it). No client languages: all equal."""
    if not client.languages:
        return LANG_OWN, None
    languages = set(languages)
    interpreters = set(interpreters)
    for code in client.own_languages:
        if code in languages:
            return LANG_OWN, code
    for code in client.own_languages:
        if code in interpreters:
            return LANG_INTERPRETER, code
    for code in client.fallback_languages:
        if code in languages:
            return LANG_FALLBACK, code
    return LANG_NONE, None


def place_tier(
    client: Client,
    municipalities: Iterable[str],
    counties: Iterable[str],
    remote: bool,
) -> int:
    """Municipality, then county, then online or nationwide, then elsewhere."""
    if not client.municipality:
        return PLACE_MUNICIPALITY
    if client.municipality in set(municipalities):
        return PLACE_MUNICIPALITY
    if client.county and client.county in set(counties):
        return PLACE_COUNTY
    if remote:
        return PLACE_REMOTE
    return PLACE_ELSEWHERE


def activity_genders(target_groups: Iterable[str]) -> frozenset[str]:
    groups = _data()["activity_groups"]
    return frozenset(g["gender"] for t in target_groups if (g := groups.get(t)) and "gender" in g)


def activity_ages(
    target_groups: Iterable[str], minimum_age: int | None, maximum_age: int | None
) -> tuple[int, int]:
    """The ages an activity takes: its age groups' span (any age with a family
    group or none), narrowed by its own minimum and maximum age."""
    groups = _data()["activity_groups"]
    spans = []
    open_to_all = False
    for code in target_groups:
        group = groups.get(code) or {}
        if group.get("all_ages"):
            open_to_all = True
        elif group.get("ages"):
            lo, hi = group["ages"]
            spans.append((lo or 0, hi if hi is not None else NO_LIMIT))
    lo, hi = (0, NO_LIMIT)
    if spans and not open_to_all:
        lo, hi = min(s[0] for s in spans), max(s[1] for s in spans)
    if minimum_age is not None and minimum_age >= 0:
        lo = max(lo, minimum_age)
    if maximum_age is not None and maximum_age >= 0:
        hi = min(hi, maximum_age)
    return lo, hi


def target_group_fits(
    client: Client,
    target_groups: Iterable[str],
    minimum_age: int | None,
    maximum_age: int | None,
) -> bool:
    """A women-only group is not for a man, a children's club not for an adult."""
    target_groups = list(target_groups)
    gender = client.gender()
    genders = activity_genders(target_groups)
    if gender and genders and gender not in genders:
        return False
    ages = client.ages()
    if ages:
        lo, hi = activity_ages(target_groups, minimum_age, maximum_age)
        if lo > ages[1] or hi < ages[0]:
            return False
    return True
