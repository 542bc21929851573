"""Ranking: which activities match a request, and in what order their organisations come.

Each matching activity gets a key, compared left to right (README "Matching
and search"):

1. serves one of the client's languages (never below one that does not);
2. is in the client's municipality, county, online or nationwide (other
   regions only after everything that fits);
3. fresh (updated within 12 months) before stale;
4. language tier: the client's own language, volunteer interpreters for it,
   Finnish/English when the worker listed them;
5. place tier: municipality, county, online/nationwide;
6. target-group fit: made for the client's group, open to all, then limited to
   groups or ages the client is not known to belong to;
7. need coverage: the weighted share of the needs it meets;
8. text relevance (BM25) as the last tie-breaker.

Target groups are a hard filter. An organisation's key is that of its best
activity; it appears once, with all its matching activities.

How (SEARCH-NOTES "Design that wins", adapted): the first five parts are
*tiers*. Per segment, the candidates and every tier are frozensets of
docnums built from cached keyword docsets, so the tier split is set algebra in
C. Tiers are visited best first and stop once the requested page is full;
only documents of the visited tiers are scored in Python. The total counts
organisations over all candidates, again with set operations.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field

from coact.search.analysis import NAME_FIELD
from coact.search.needs import Needs, Unit
from coact.search.rules import (
    LANG_FALLBACK,
    LANG_INTERPRETER,
    LANG_NONE,
    LANG_OWN,
    NO_LIMIT,
    PLACE_COUNTY,
    PLACE_ELSEWHERE,
    PLACE_MUNICIPALITY,
    PLACE_REMOTE,
    Client,
)
from coact.search.segments import K1, TARGET_BITS

#: How strongly a theme only found in an activity's own text counts (declared: 1).
INFERRED_THEME = 0.85
#: A word found in more than this share of activities does not make an activity
#: a candidate by itself (it still counts for those found by other words).
COMMON_WORD_SHARE = 0.25
#: How much a common word counts towards need coverage, relative to others.
COMMON_WORD_WEIGHT = 0.25
#: Target-group fit: made for the client's group; open to everyone; limited to
#: groups or ages the client may not belong to (unknown).
GROUP_NAMED = 2
GROUP_OPEN = 1
GROUP_UNKNOWN = 0
REMOTE_FLAGS = ("online", "nationwide")
#: A word found only in the organisation's name counts this much.
NAME_MATCH = 0.6


@dataclass
class DocHit:
    service_id: int
    key: tuple
    #: Per unit index: strength in (0, 1].
    matched: dict[int, float] = field(default_factory=dict)
    lang_tier: int = LANG_OWN
    place_tier: int = PLACE_MUNICIPALITY
    stale: bool = False
    coverage: float = 1.0
    #: The profile facts stored with the document (see ``documents.Profile.facts``).
    facts: dict = field(default_factory=dict)
    #: Its own words or themes matched, not only its organisation's name.
    own_match: bool = True


@dataclass
class OrgHit:
    org_id: int
    key: tuple
    docs: list[DocHit]

    @property
    def score(self) -> float:
        """A number that sorts like the ranking: tiers in the integer part, need
        coverage in the fraction."""
        serves, placed, fresh, lang, place, group, coverage, _ = self.key
        tier = ((((serves * 2 + placed) * 2 + fresh) * 4 + lang) * 4 + place) * 3 + group
        return round(tier + min(coverage, 0.999), 4)


@dataclass
class Ranking:
    total: int
    hits: list[OrgHit]


@dataclass(frozen=True)
class Plan:
    """A request turned into what every segment needs."""

    needs: Needs
    client: Client
    gender_bit: int
    age_lo: int
    age_hi: int
    fresh_since: int  # day number
    #: The client's own target group, and whether their age is known.
    group_bit: int
    knows_age: bool

    @classmethod
    def make(cls, needs: Needs, client: Client, fresh_since: int) -> Plan:
        ages = client.ages() or (0, NO_LIMIT)
        gender = client.gender()
        return cls(
            needs=needs,
            client=client,
            gender_bit=TARGET_BITS.bit(gender) if gender else 0,
            age_lo=ages[0],
            age_hi=ages[1],
            fresh_since=fresh_since,
            group_bit=TARGET_BITS.bit(client.target_group) if client.target_group else 0,
            knows_age=client.ages() is not None,
        )


@dataclass
class _Term:
    field: str
    text: str
    weight: float
    idf: float


@dataclass
class _Unit:
    weight: float
    themes: tuple[str, ...]
    terms: list[_Term]
    generates: bool


def _prepare(units: list[Unit], snapshot) -> list[_Unit]:
    """Units with the terms the index has, weights, and which ones find candidates."""
    prepared = []
    for unit in units:
        terms = []
        common = True
        for fieldname, text, weight in unit.terms:
            frequency = snapshot.doc_frequency(fieldname, text)
            if frequency:
                terms.append(_Term(fieldname, text, weight, snapshot.idf(fieldname, text)))
                if frequency <= COMMON_WORD_SHARE * snapshot.doc_count:
                    common = False
        weight = unit.weight
        if not unit.is_theme and common:
            weight *= COMMON_WORD_WEIGHT
        prepared.append(_Unit(weight, unit.themes, terms, generates=unit.is_theme or not common))
    if any(u.themes for u in prepared):
        for unit in prepared:  # a request naming needs is met by meeting one of them
            unit.generates = bool(unit.themes)
    elif not any(u.generates for u in prepared):
        for unit in prepared:  # only common words: they are all there is
            unit.generates = True
    return prepared


class _SegmentView:
    """One segment's candidates and tier sets for one request."""

    def __init__(self, plan: Plan, units: list[_Unit], snapshot, reader, seg, deleted) -> None:
        self.reader = reader
        self.seg = seg
        self.units = units
        self.snapshot = snapshot
        client = plan.client
        unfit = seg.unfit_docs(plan.gender_bit, plan.age_lo, plan.age_hi)
        if units:
            found: set[int] = set()
            for unit in units:
                if not unit.generates:
                    continue
                for code in unit.themes:
                    found |= seg.keyword_docs(reader, "theme", code)
                    found |= seg.keyword_docs(reader, "ttheme", code)
                for term in unit.terms:
                    found.update(self._saturation(term))
            candidates = frozenset(found)
        else:
            candidates = seg.all_docs
        self.candidates = candidates - deleted - unfit

        if client.languages:
            own = seg.union(reader, "lang", client.own_languages)
            interpreted = seg.union(reader, "interp", client.own_languages)
            fallback = seg.union(reader, "lang", client.fallback_languages)
            c = self.candidates
            l3 = c & own
            l2 = (c & interpreted) - l3
            l1 = (c & fallback) - l3 - l2
            self.languages = {
                LANG_OWN: l3,
                LANG_INTERPRETER: l2,
                LANG_FALLBACK: l1,
                LANG_NONE: c - l3 - l2 - l1,
            }
        else:
            self.languages = {LANG_OWN: self.candidates}
        if client.municipality:
            c = self.candidates
            p3 = c & seg.keyword_docs(reader, "muni", client.municipality)
            p2 = (c & seg.keyword_docs(reader, "county", client.county or "")) - p3
            p1 = (c & seg.union(reader, "flags", REMOTE_FLAGS)) - p3 - p2
            self.places = {
                PLACE_MUNICIPALITY: p3,
                PLACE_COUNTY: p2,
                PLACE_REMOTE: p1,
                PLACE_ELSEWHERE: c - p3 - p2 - p1,
            }
        else:
            self.places = {PLACE_MUNICIPALITY: self.candidates}
        stale = seg.stale_docs(plan.fresh_since)
        self.fresh = {1: self.candidates - stale, 0: self.candidates & stale}

    def _saturation(self, term: _Term) -> dict[int, float]:
        return self.seg.saturation(
            self.reader, term.field, term.text, self.snapshot.average_length(term.field)
        )

    def tier(self, lang: int, place: int, fresh: int) -> frozenset[int]:
        languages = self.languages.get(lang)
        places = self.places.get(place)
        if not languages or not places:
            return frozenset()
        return languages & places & self.fresh[fresh]

    def score(self, doc: int) -> tuple[float, float, dict[int, float], bool]:
        """(coverage, relevance, per-unit strengths, whether the activity's own
        words or themes matched rather than only its organisation's name)."""
        seg, reader = self.seg, self.reader
        met = 0.0
        relevance = 0.0
        own = False
        matched: dict[int, float] = {}
        for index, unit in enumerate(self.units):
            strength = 0.0
            for code in unit.themes:
                if doc in seg.keyword_docs(reader, "theme", code):
                    strength = 1.0
                    break
                if doc in seg.keyword_docs(reader, "ttheme", code):
                    strength = INFERRED_THEME
            if strength:
                own = True
            for term in unit.terms:
                saturation = self._saturation(term).get(doc)
                if saturation:
                    s = min(1.0, term.weight * saturation * (K1 + 1))
                    if term.field == NAME_FIELD:
                        s *= NAME_MATCH
                    relevance += s * term.idf
                    if s > strength:
                        strength = s
                        own = own or term.field != NAME_FIELD

            if strength:
                matched[index] = strength
                met += unit.weight * strength
        return met, relevance, matched, own

    def group_fit(self, plan: Plan, doc: int) -> int:
        groups = self.seg.masks["tg"][doc]
        if groups & plan.group_bit:
            return GROUP_NAMED
        if not groups and (plan.knows_age or not self.seg.age_limited[doc]):
            return GROUP_OPEN
        return GROUP_UNKNOWN


def _tiers(client: Client):
    """(lang, place, fresh) tiers in ranking order."""
    serving = (LANG_OWN, LANG_INTERPRETER, LANG_FALLBACK) if client.languages else (LANG_OWN,)
    placed = (
        (PLACE_MUNICIPALITY, PLACE_COUNTY, PLACE_REMOTE)
        if client.municipality
        else (PLACE_MUNICIPALITY,)
    )
    bands = [(serving, placed)]
    if client.municipality:
        bands.append((serving, (PLACE_ELSEWHERE,)))
    if client.languages:
        bands.append(((LANG_NONE,), placed))
        if client.municipality:
            bands.append(((LANG_NONE,), (PLACE_ELSEWHERE,)))
    for languages, places in bands:
        for fresh in (1, 0):
            for lang in languages:
                for place in places:
                    yield lang, place, fresh


def _doc_key(
    view: _SegmentView, plan: Plan, doc: int, lang: int, place: int, fresh: int, total_weight: float
):
    met, relevance, matched, own = view.score(doc) if view.units else (1.0, 0.0, {}, True)
    coverage = met / total_weight if view.units else 1.0
    key = (
        int(lang > LANG_NONE),
        int(place > PLACE_ELSEWHERE),
        fresh,
        lang,
        place,
        view.group_fit(plan, doc),
        round(coverage, 6),
        relevance,
    )
    return key, matched, coverage, own


def rank(plan: Plan, snapshot, *, limit: int, offset: int) -> Ranking:
    """Organisations for ``plan``, best first: ``total`` and the requested page."""
    units = _prepare(plan.needs.units, snapshot)
    total_weight = sum(u.weight for u in units) or 1.0
    views = [
        _SegmentView(plan, units, snapshot, reader, seg, deleted)
        for reader, seg, deleted in snapshot.segments()
    ]
    total = len({view.seg.org[doc] for view in views for doc in view.candidates})
    wanted = offset + limit
    ordered: list[tuple[int, tuple]] = []
    placed: set[int] = set()
    for lang, place, fresh in _tiers(plan.client):
        best: dict[int, tuple] = {}
        for view in views:
            org_of = view.seg.org
            for doc in view.tier(lang, place, fresh):
                org = org_of[doc]
                if org in placed:
                    continue
                key = _doc_key(view, plan, doc, lang, place, fresh, total_weight)[0]
                if org not in best or key > best[org]:
                    best[org] = key
        if best:
            ordered.extend(
                (org, key) for key, org in sorted(((k, o) for o, k in best.items()), key=_order)
            )
            placed.update(best)
        if len(ordered) >= wanted:
            break
    page = ordered[offset:wanted]
    return Ranking(
        total=total, hits=[_org_hit(org, key, views, plan, total_weight) for org, key in page]
    )


def _order(item: tuple) -> tuple:
    key, org = item
    return tuple(-x for x in key), org


def _org_hit(
    org: int, key: tuple, views: list[_SegmentView], plan: Plan, total_weight: float
) -> OrgHit:
    """The organisation with all its matching activities, best first."""
    docs: list[DocHit] = []
    for view in views:
        for doc in view.seg.docs_of(org):
            if doc not in view.candidates:
                continue
            lang = next(t for t, s in view.languages.items() if doc in s)
            place = next(p for p, s in view.places.items() if doc in s)
            fresh = 1 if doc in view.fresh[1] else 0
            doc_key, matched, coverage, own = _doc_key(
                view, plan, doc, lang, place, fresh, total_weight
            )
            docs.append(
                DocHit(
                    own_match=own,
                    service_id=view.seg.sid[doc],
                    key=doc_key,
                    matched=matched,
                    lang_tier=lang,
                    place_tier=place,
                    stale=not fresh,
                    coverage=coverage,
                    facts=view.reader.stored_fields(doc).get("facts") or {},
                )
            )
    if any(d.own_match for d in docs):  # a name match alone lists all activities
        docs = [d for d in docs if d.own_match]
    docs = heapq.nlargest(len(docs), docs, key=lambda d: (d.key, -d.service_id))
    return OrgHit(org, key, docs)


def bm25_idf(doc_count: int, doc_frequency: int) -> float:
    return math.log(1 + (doc_count - doc_frequency + 0.5) / (doc_frequency + 0.5))
