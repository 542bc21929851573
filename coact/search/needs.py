"""Need understanding: a worker's free text and chosen needs → units to match.

A *unit* is one need. The thesaurus turns words and phrases into theme units
("suomen kielen kurssi" → finnish_language), which match an activity that
declares the theme or whose own text names it; each chosen ``theme`` is a
theme unit too. Remaining words that carry meaning become word units, matched
in the activity's text in every language field. Words that only describe the
client or the request ("asiakas tarvitsee apua") are dropped, as are place
names when a municipality is given. The query text is never parsed as Whoosh
query syntax: quotes, colons, ``AND``, ``*`` and brackets are just characters.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache

from coact.reference import DATA_DIR, municipality_by_name
from coact.search.analysis import NAME_FIELD, TEXT_FIELDS, analyzer, is_stopword, normalise, words
from coact.search.mentions import AMBIGUOUS, language_of_word
from coact.search.rules import NO_LIMIT
from coact.search.thesaurus import STRONG_PART, thesaurus

#: Words of a query looked at; the rest of a very long text is ignored.
MAX_QUERY_WORDS = 64
THEME_UNIT_WEIGHT = 1.0
WORD_UNIT_WEIGHT = 0.6


@dataclass
class Unit:
    """One need: theme codes and/or text terms, any of which satisfies it."""

    label: str
    weight: float
    themes: tuple[str, ...] = ()
    #: (field, term, how much of the query word the term stands for)
    terms: list[tuple[str, str, float]] = field(default_factory=list)
    #: Chosen in the form (``theme`` parameter) rather than found in the text.
    chosen: bool = False

    @property
    def is_theme(self) -> bool:
        return bool(self.themes)


@dataclass
class Needs:
    units: list[Unit]
    #: The query words looked at (normalised), for display.
    words: list[str]
    #: Languages and a municipality the text names ("somaliksi Espoossa").
    languages: list[str] = field(default_factory=list)
    municipality: str | None = None
    #: The client's gender and age span as the text says ("45-vuotiaalle naiselle").
    gender: str | None = None
    ages: tuple[int, int] | None = None

    @property
    def theme_codes(self) -> list[str]:
        return [code for unit in self.units for code in unit.themes]

    @property
    def empty(self) -> bool:
        return not self.units


def _word_terms(word: str) -> list[tuple[str, str, float]]:
    terms: dict[tuple[str, str], float] = {}
    for name in TEXT_FIELDS:
        for term in analyzer(name).word_terms(word):
            for field_name in (name, NAME_FIELD):
                key = (field_name, term.text)
                terms[key] = max(terms.get(key, 0.0), term.weight)
    return [(f, t, w) for (f, t), w in terms.items()]


def understand(text: str, chosen_themes: list[str]) -> Needs:
    """The units of a request: chosen themes, thesaurus themes found in ``text``,
    then the meaningful words left over. Words naming a language or a
    municipality are not needs: they are returned apart."""
    tokens = words(text)[:MAX_QUERY_WORDS]
    units: dict[str, Unit] = {}
    for code in chosen_themes:
        units[f"theme:{code}"] = Unit(
            label=code, weight=THEME_UNIT_WEIGHT, themes=(code,), chosen=True
        )
    covered: set[int] = set()
    for match in thesaurus().matches(tokens, fuzzy=True):
        key = f"theme:{match.theme}"
        unit = units.setdefault(
            key, Unit(label=match.theme, weight=THEME_UNIT_WEIGHT, themes=(match.theme,))
        )
        covered.update(range(match.start, match.end))
        if match.end - match.start == 1:  # a phrase's words alone are not the need
            unit.terms.extend(
                (f, t, w)
                for f, t, w in _word_terms(tokens[match.start])
                if w >= STRONG_PART and (f, t, w) not in unit.terms
            )
    named_languages: list[str] = []
    named_municipality: str | None = None
    for position, word in enumerate(tokens):
        if position in covered or len(word) < 2 or word.isdigit():
            continue
        language = language_of_word(word)
        if language:
            if language != AMBIGUOUS and language not in named_languages:
                named_languages.append(language)
            continue
        place = municipality_by_name(_base(word))
        if place:
            named_municipality = named_municipality or place.code
            continue
        if is_stopword(word) or thesaurus().is_filler(word):
            continue
        terms = _word_terms(word)
        if not terms:
            continue
        key = f"word:{word}"
        if key not in units:
            units[key] = Unit(label=word, weight=WORD_UNIT_WEIGHT, terms=terms)
    gender, ages = _client_words(text, tokens)
    return Needs(
        units=list(units.values()),
        words=tokens,
        languages=named_languages,
        municipality=named_municipality,
        gender=gender,
        ages=ages,
    )


_AGE = re.compile(
    r"\b(\d{1,3})\s*-?\s*(?:v\b|v\.|vuotia\w*|vuotta|år\b|åring\w*|-?year-?olds?|years?\s+old)",
    re.IGNORECASE,
)


@cache
def _client_word_lists() -> tuple[dict[str, str], dict[str, tuple[int, int]]]:
    raw = json.loads((DATA_DIR / "matching.json").read_text(encoding="utf-8"))["client_words"]
    genders = {normalise(w): g for g, ws in raw["gender"].items() for w in ws}
    ages = {
        normalise(w): (v["ages"][0], v["ages"][1] if v["ages"][1] is not None else NO_LIMIT)
        for v in raw["ages"].values()
        for w in v["words"]
    }
    return genders, ages


def _client_words(text: str, tokens: list[str]) -> tuple[str | None, tuple[int, int] | None]:
    """The gender and age span the worker's words give the client, if any."""
    genders, spans = _client_word_lists()
    gender = None
    span = None
    for token in tokens:
        forms = {token} | {t.text for t in analyzer("fi").word_terms(token) if t.weight >= 1.0}
        for form in forms:
            gender = gender or genders.get(form)
            span = span or spans.get(form)
    match = _AGE.search(text or "")
    if match and int(match.group(1)) <= 120:
        age = int(match.group(1))
        span = (age, age)
    return gender, span


def _base(word: str) -> str:
    """A word's Finnish base form when Voikko knows it ("Helsingissä" → helsinki)."""
    for term in analyzer("fi").word_terms(word):
        if term.weight >= 1.0:
            return term.text
    return word
