"""The multilingual needs thesaurus: words and phrases → theme codes.

``coact/data/thesaurus.json`` lists, per theme code of ``taxonomy.json`` and per
language (fi, sv, en), words and phrases that name the need, including common
inflected and compound forms (which matter when Voikko is missing). Entries
are analysed with the same analysers as the index, so "mielenterveyden" in a
query or a description meets the entry "mielenterveys".

The same matcher turns a KOTO worker's free text into theme codes and infers
the themes an activity's own text talks about at indexing time (half of the
real profiles declare none).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from coact.reference import DATA_DIR, themes
from coact.search.analysis import (
    ANALYSED_LANGUAGES,
    analyzer,
    finnish_mode,
    is_stopword,
    normalise,
    words,
)

THESAURUS_PATH = DATA_DIR / "thesaurus.json"
#: A word's term names a one-word entry when it stands for at least this much
#: of the word (see ``analysis.Term.weight``).
MIN_PART = 0.2
#: A phrase's words must be whole words or parts at least this strong.
STRONG_PART = 0.5
#: Shortest query word looked up with a typo allowed.
FUZZY_MIN_LENGTH = 6
#: Shortest Finnish stem matched as a prefix when Voikko is missing.
MIN_PREFIX = 6
#: Shorter Swedish/English stems only match the entry's exact word.
MIN_STEM = 4


@dataclass(frozen=True)
class Entry:
    theme: str
    language: str
    #: Per entry word: the set of terms any of which names it.
    words: tuple[frozenset[str], ...]
    #: Per entry word: normalised surface and stem, for prefix matching without Voikko.
    prefixes: tuple[str, ...]
    text: str
    generic: bool = False


@dataclass(frozen=True)
class Match:
    theme: str
    start: int
    end: int
    language: str
    text: str
    generic: bool = False


def _raw() -> dict:
    return json.loads(THESAURUS_PATH.read_text(encoding="utf-8"))


@cache
def thesaurus_signature() -> str:
    """Changes with the thesaurus file and the analysis, so indexes rebuild."""
    digest = hashlib.sha256(THESAURUS_PATH.read_bytes()).hexdigest()[:12]
    return f"{digest}-{finnish_mode()}"


class Thesaurus:
    def __init__(self, raw: dict) -> None:
        known = set(themes())
        unknown = set(raw["themes"]) - known
        if unknown:
            raise ValueError(f"thesaurus.json names unknown theme codes: {sorted(unknown)}")
        self.entries: list[Entry] = []
        self.filler: dict[str, frozenset[str]] = {}
        self._by_first: dict[str, dict[str, list[Entry]]] = {
            lang: defaultdict(list) for lang in ANALYSED_LANGUAGES
        }
        self._prefix_entries: list[Entry] = []
        for lang in ANALYSED_LANGUAGES:
            self.filler[lang] = frozenset(
                term.text
                for word in raw.get("filler", {}).get(lang, [])
                for term in analyzer(lang).word_terms(normalise(word))
                if term.weight >= 1.0
            ) | frozenset(normalise(w) for w in raw.get("filler", {}).get(lang, []))
        generic = {normalise(p) for p in raw.get("generic", [])}
        self._surfaces: dict[str, list[tuple[str, Entry]]] = defaultdict(list)
        for code, by_lang in raw["themes"].items():
            for lang, phrases in by_lang.items():
                if lang not in ANALYSED_LANGUAGES:
                    continue
                for phrase in phrases:
                    entry = self._entry(code, lang, phrase, normalise(phrase) in generic)
                    if entry is None:
                        continue
                    self.entries.append(entry)
                    for term in entry.words[0]:
                        self._by_first[lang][term].append(entry)
                    if lang == "fi" and len(entry.words) == 1:
                        self._prefix_entries.append(entry)
                    if len(entry.words) == 1 and len(entry.prefixes[0]) >= FUZZY_MIN_LENGTH:
                        surface = entry.prefixes[0]
                        self._surfaces[surface[0]].append((surface, entry))

    @staticmethod
    def _entry(code: str, lang: str, phrase: str, generic: bool = False) -> Entry | None:
        tokens = words(phrase)
        if not tokens:
            return None
        entry_words = []
        prefixes = []
        for token in tokens:
            terms = frozenset(t.text for t in analyzer(lang).word_terms(token) if t.weight >= 1.0)
            if not terms:  # a stopword inside a phrase: it is not required
                continue
            entry_words.append(terms)
            prefixes.append(token)
        if not entry_words:
            return None
        return Entry(code, lang, tuple(entry_words), tuple(prefixes), phrase, generic)

    def is_filler(self, word: str) -> bool:
        return any(
            word in self.filler[lang]
            or any(
                t.text in self.filler[lang]
                for t in analyzer(lang).word_terms(word)
                if t.weight >= 1.0
            )
            for lang in ANALYSED_LANGUAGES
        )

    def matches(
        self,
        tokens: Sequence[str],
        *,
        fuzzy: bool = False,
        languages: Sequence[str] = ANALYSED_LANGUAGES,
    ) -> list[Match]:
        """Every entry found in the word sequence ``tokens`` (normalised words).

        Within one word the entry naming most of it wins ("mielenterveyspalvelut"
        is mental health, not the health of its part "terveyspalvelu"); a phrase
        beats the single words inside it, and its words must be whole words or
        strong parts ("naisten liikuntaryhmä" is not "naisten ryhmä"). Generic
        entries ("neuvonta", "advice") count only when nothing more specific is
        found. ``fuzzy`` (queries) also accepts a one-letter typo of a one-word entry.
        """
        found: dict[tuple[str, int, int], Match] = {}
        single: dict[int, list[tuple[float, Match]]] = defaultdict(list)
        for lang in languages:
            az = analyzer(lang)
            # Stopwords drop out of both entries and text, so phrases match across them.
            positions = []
            weights = []
            strong = []
            for index, token in enumerate(tokens):
                if is_stopword(token):
                    continue
                term_weights, strong_terms = az.word_weights(token, STRONG_PART)
                if term_weights:
                    positions.append(index)
                    weights.append(term_weights)
                    strong.append(strong_terms)
            by_first = self._by_first[lang]
            for k, terms in enumerate(weights):
                i = positions[k]
                candidates: list[Entry] = []
                for term in terms:
                    candidates.extend(by_first.get(term, ()))
                for entry in candidates:
                    n = len(entry.words)
                    if n == 1:
                        weight = max((terms[t] for t in entry.words[0] if t in terms), default=0)
                        if lang != "fi" and min(map(len, entry.words[0])) < MIN_STEM:
                            # short Snowball stems collide across languages ("and" ← andlig)
                            weight = weight if tokens[i] == entry.prefixes[0] else 0
                        if weight >= MIN_PART:
                            single[i].append((weight, _match(entry, i, i + 1)))
                    elif k + n <= len(weights) and all(
                        entry.words[j] & strong[k + j] for j in range(n)
                    ):
                        end = positions[k + n - 1] + 1
                        found.setdefault((entry.theme, i, end), _match(entry, i, end))
                    elif all(words_ & terms.keys() for words_ in entry.words):
                        single[i].append((1.0, _match(entry, i, i + 1)))
        if finnish_mode() != "voikko" and "fi" in languages:
            for i, token in enumerate(tokens):
                for entry in self._prefix_entries:
                    stem = next(iter(entry.words[0]))
                    surface = entry.prefixes[0]
                    if (len(stem) >= MIN_PREFIX and token.startswith(stem)) or (
                        len(surface) >= MIN_PREFIX and token.startswith(surface)
                    ):
                        single[i].append((len(surface) / len(token), _match(entry, i, i + 1)))
        if fuzzy:
            matched = {p for m in found.values() for p in range(m.start, m.end)} | set(single)
            for i, token in enumerate(tokens):
                if i not in matched and len(token) >= FUZZY_MIN_LENGTH and not is_stopword(token):
                    for entry in self._near(token):
                        single[i].append((0.9, _match(entry, i, i + 1)))
        for i, scored in single.items():
            best = max(weight for weight, _ in scored)
            for weight, match in scored:
                if weight >= best - 0.05:
                    found.setdefault((match.theme, i, i + 1), match)
        kept = _longest(list(found.values()))
        if any(not m.generic for m in kept):
            kept = [m for m in kept if not m.generic]
        return kept

    def _near(self, token: str) -> list[Entry]:
        """One-word entries within a typo of ``token`` ("läksyaapu" → läksyapu)."""
        limit = 1 if len(token) < 9 else 2
        return [
            entry
            for surface, entry in self._surfaces.get(token[0], ())
            if abs(len(surface) - len(token)) <= limit and _distance(surface, token, limit) <= limit
        ]

    def themes_in(self, text: str, language: str | None = None) -> set[str]:
        """Theme codes the text names (for indexing an activity's own words), with
        the entries of the text's language when it is known (fi, sv or en)."""
        languages = (language,) if language in ANALYSED_LANGUAGES else ANALYSED_LANGUAGES
        return {m.theme for m in self.matches(words(text), languages=languages)}


def _match(entry: Entry, start: int, end: int) -> Match:
    return Match(entry.theme, start, end, entry.language, entry.text, entry.generic)


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance with transpositions, giving up above ``limit``."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _longest(found: list[Match]) -> list[Match]:
    """Drop a match lying inside a longer one ("psykisk hälsa" is not also "hälsa")."""
    kept = []
    for m in found:
        inside = any(
            o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start)
            for o in found
        )
        if not inside:
            kept.append(m)
    return sorted(kept, key=lambda m: (m.start, m.end, m.theme))


@cache
def thesaurus() -> Thesaurus:
    return Thesaurus(_raw())
