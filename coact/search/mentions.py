"""What a text says about languages and places, in Finnish, Swedish and English.

Profiles often say in words what their structured fields leave out ("Toimintaa
arabiaksi ja somaliksi", "vapaaehtoiset tulkit dariksi", "Toimimme
Tampereella"), and a worker's description names the client's language and
town ("läksyapua somaliksi Espoossa"). The index adds languages and places
found in an activity's text to the declared ones; need matching leaves such
words out of the need units, and the public search takes them as the
client's languages and municipality when the form leaves those empty.

Patterns are strict on purpose (a demonym such as "venäläinen kirjallisuus"
is not a language the activity is run in): Finnish translative (arabiaksi),
"-nkielinen" compounds, "X:n (ja Y:n) kielellä", "puhumme X:ää"; Swedish
"på arabiska", "arabisktalande"; English "in Arabic", "Arabic-speaking",
"speak Arabic". Languages in a sentence about interpreting are interpreter
languages.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache

from coact.reference import DATA_DIR, counties, municipalities
from coact.search.analysis import analyzer, normalise

_RAW_WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+|\n+")
_FI_LANGUAGE_SUFFIX = (
    r"(?:ksi|ks|n|nkiel\w*|n-kiel\w*|lai\w*|läi\w*|a|ä|aa|ää|lla|llä|lle|sta|stä)?"
)
_CONJUNCTIONS = frozenset({"ja", "tai", "sekä", "och", "eller", "samt", "and", "or", "&"})
_ONLINE = frozenset(
    {
        "verkossa",
        "etänä",
        "etäyhteydellä",
        "etäyhteyden",
        "online",
        "zoom",
        "zoomissa",
        "teams",
        "teamsissa",
        "distans",
        "videoyhteydellä",
        "remotely",
        "virtual",
        "virtuaalisesti",
    }
)
_NATIONWIDE_PHRASES = (
    ("koko", "suomessa"),
    ("koko", "suomen"),
    ("koko", "maassa"),
    ("koko", "maan"),
    ("hela", "finland"),
    ("all", "of", "finland"),
    ("across", "finland"),
)
_LOCATIVE = ("ssa", "ssä", "lla", "llä", "sta", "stä")
_NATIONWIDE_WORDS = frozenset(
    {"valtakunnallinen", "valtakunnallisesti", "rikstäckande", "nationwide"}
)


@dataclass
class Mentions:
    languages: set[str] = field(default_factory=set)
    interpreters: set[str] = field(default_factory=set)
    municipalities: set[str] = field(default_factory=set)
    counties: set[str] = field(default_factory=set)
    online: bool = False
    nationwide: bool = False


@cache
def _data() -> dict:
    return json.loads((DATA_DIR / "language_words.json").read_text(encoding="utf-8"))


#: What a word naming more than one language (Kurdish) stands for.
AMBIGUOUS = "*"


def _by_language() -> dict[str, dict[str, list[str]]]:
    data = _data()
    return {**data["languages"], AMBIGUOUS: data.get("ambiguous", {})}


@cache
def _fi_stem_codes() -> dict[str, str]:
    return {normalise(s): code for code, v in _by_language().items() for s in v.get("fi", [])}


@cache
def _finnish_pattern() -> re.Pattern:
    stems = sorted(_fi_stem_codes(), key=len, reverse=True)
    return re.compile(rf"^({'|'.join(map(re.escape, stems))}){_FI_LANGUAGE_SUFFIX}$")


@cache
def _names() -> dict[str, str]:
    """Swedish and English names and adjective stems → code."""
    out: dict[str, str] = {}
    for code, v in _by_language().items():
        for lang in ("sv", "en"):
            for name in v.get(lang, []):
                out[normalise(name)] = code
    return out


@cache
def _bare_names() -> dict[str, str]:
    """Names as written on their own, e.g. in "kurdiksi (sorani)"."""
    out = dict(_names())
    for stem, code in _fi_stem_codes().items():
        out.setdefault(stem, code)
    return out


@cache
def _interpreting_prefixes() -> tuple[str, ...]:
    return tuple(p for words in _data()["interpreting_words"].values() for p in words)


def language_of_word(word: str) -> str | None:
    """The language a single (normalised) word names, in any form: arabiaksi,
    venäjänkielisille, somalinkielinen, arabiska, arabisktalande, Arabic-speaking.
    :data:`AMBIGUOUS` for a word such as "kurdiksi"."""
    fi = _finnish_language(word)
    if fi:
        return fi[0]
    names = _names()
    if word in names:
        return names[word]
    for suffix in ("-speaking", "speaking", "talande", "språkig", "språkiga", "språkigt"):
        if word.endswith(suffix) and word[: -len(suffix)].rstrip("-") in names:
            return names[word[: -len(suffix)].rstrip("-")]
    for term in analyzer("fi").word_terms(word):  # compounds: somalinaiset, arabiankielisille
        if term.weight < 1.0 and term.text in _fi_stem_codes():
            return _fi_stem_codes()[term.text]
    return None


@cache
def _stem_starts() -> frozenset[str]:
    return frozenset(stem[:3] for stem in _fi_stem_codes())


def _finnish_language(word: str) -> tuple[str, str] | None:
    if word[:3] not in _stem_starts():
        return None
    match = _finnish_pattern().match(word)
    if not match:
        return None
    return _fi_stem_codes()[match.group(1)], word[len(match.group(1)) :]


def _languages_in_sentence(tokens: list[str]) -> set[str]:
    found = _languages_named(tokens)
    found.discard(AMBIGUOUS)
    return found


def _languages_named(tokens: list[str]) -> set[str]:
    found: set[str] = set()
    names = _names()
    for i, token in enumerate(tokens):
        if found and i > 0 and token in _bare_names() and _is_language_form(tokens[i - 1]):
            found.add(_bare_names()[token])  # "kurdiksi (sorani)", "på kurdiska (kurmanji)"
            continue
        fi = _finnish_language(token)
        if fi:
            code, suffix = fi
            if suffix in ("ksi", "ks") or suffix.startswith(("nkiel", "n-kiel")):
                found.add(code)
                continue
            if suffix == "n":
                j = i + 1
                while j < len(tokens) and (
                    tokens[j] in _CONJUNCTIONS
                    or (_finnish_language(tokens[j]) or ("", ""))[1] == "n"
                ):
                    j += 1
                if j < len(tokens) and tokens[j].startswith("kiel"):
                    found.add(code)
                continue
            if suffix in ("a", "ä", "aa", "ää") and any(
                t.startswith("puhu") for t in tokens[max(0, i - 3) : i]
            ):
                found.add(code)
                continue
        code = (
            language_of_word(token)
            if token.endswith(("speaking", "talande", "språkig", "språkiga"))
            else None
        )
        if code:
            found.add(code)
            continue
        if token in ("på", "in", "for", "för", "speak", "speaks", "talar", "talas", "spoken"):
            j = i + 1
            while j < len(tokens):
                if tokens[j] in names:
                    found.add(names[tokens[j]])
                elif tokens[j] not in _CONJUNCTIONS:
                    break
                j += 1
        if (
            token in names
            and i + 1 < len(tokens)
            and tokens[i + 1] in ("language", "languages", "speakers")
        ):
            found.add(names[token])
    return found


def _is_language_form(token: str) -> bool:
    fi = _finnish_language(token)
    return bool(fi and fi[1] in ("ksi", "ks")) or token in _names()


@cache
def _region_names() -> dict[str, str]:
    """Region names as written ("Pirkanmaa", "Birkaland") → county code."""
    out: dict[str, str] = {}
    for county in counties().values():
        for lang, name in county.name.items():
            first = name.split(" ")[0]
            if lang == "fi":
                for term in analyzer("fi").word_terms(normalise(first)):
                    if term.weight >= 1.0:
                        out[term.text] = county.code
                out[normalise(first).removesuffix("n")] = county.code
            elif lang == "sv":
                out[normalise(first).removesuffix("s")] = county.code
    for code in ("091",):  # Helsinki is a county of its own, named after the city
        out.pop(normalise(municipalities()[code].name["fi"]), None)
    return out


@cache
def _municipality_names() -> dict[str, str]:
    out: dict[str, str] = {}
    for m in municipalities().values():
        for name in m.name.values():
            out[normalise(name)] = m.code
    return out


def _place_of(raw: str) -> tuple[str | None, str | None]:
    """(municipality code, county code) named by a capitalised word."""
    word = normalise(raw)
    candidates = {word}
    candidates.update(t.text for t in analyzer("fi").word_terms(word) if t.weight >= 1.0)
    for suffix in ("ssa", "ssä", "lla", "llä", "sta", "stä", "lta", "ltä", "n"):
        if word.endswith(suffix):
            candidates.add(word[: -len(suffix)])
    munis = _municipality_names()
    regions = _region_names()
    for candidate in candidates:
        if candidate in munis:
            return munis[candidate], None
    for candidate in candidates:
        if candidate in regions:
            return None, regions[candidate]
    return None, None


def find_mentions(text: str) -> Mentions:
    """Languages, interpreter languages and places a text names."""
    out = Mentions()
    if not text:
        return out
    for sentence in _SENTENCE.split(text):
        raw = _RAW_WORD.findall(sentence)
        tokens = [t.casefold() for t in raw]
        languages = _languages_in_sentence(tokens)
        if any(t.startswith(_interpreting_prefixes()) for t in tokens):
            out.interpreters |= languages
        else:
            out.languages |= languages
        for position, (original, token) in enumerate(zip(raw, tokens, strict=True)):
            if token in _ONLINE:
                out.online = True
            if token in _NATIONWIDE_WORDS:
                out.nationwide = True
            if (
                original[:1].isupper()
                and not original.isupper()
                and (position > 0 or token.endswith(_LOCATIVE))
            ):
                municipality, county = _place_of(original)
                if municipality:
                    out.municipalities.add(municipality)
                elif county:
                    out.counties.add(county)
        joined = f" {' '.join(tokens)} "
        if any(f" {' '.join(phrase)} " in joined for phrase in _NATIONWIDE_PHRASES):
            out.nationwide = True
    return out


def language_words_in(words: list[str]) -> list[tuple[int, str]]:
    """(position, code) of the words of a query that name a language."""
    return [(i, code) for i, w in enumerate(words) if (code := language_of_word(w))]


_AGE_PATTERNS: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(r"(\d{1,2})\s*[–-]\s*(\d{1,2})\s*-?\s*(?:vuotia|v\.|år|year|yr)"), "range"),
    (re.compile(r"(?:ikäraja|i åldern|aged|ages|age)\s*(\d{1,2})\s*[–-]\s*(\d{1,2})"), "range"),
    (re.compile(r"(?:yli|över|over)\s*(\d{1,2})\s*-?\s*(?:vuotia|år|year)"), "min"),
    (re.compile(r"(?:aged|ages)\s*(\d{1,2})\s*(?:and over|\+|or over|or older)"), "min"),
    (re.compile(r"(?:alle|under)\s*(\d{1,2})\s*-?\s*(?:vuotia|år|year)"), "max"),
    (re.compile(r"(?:ikäraja|åldersgräns|age limit)\s*(\d{1,2})(?!\s*[–-]\s*\d)"), "min"),
)
_SHORT_SENTENCE = 5


@cache
def _group_words() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], frozenset[str]]:
    raw = json.loads((DATA_DIR / "matching.json").read_text(encoding="utf-8"))
    names = {g: tuple(normalise(w) for w in v["name"]) for g, v in raw["text_groups"].items()}
    fors = {g: tuple(normalise(w) for w in v["for"]) for g, v in raw["text_groups"].items()}
    return names, fors, frozenset(normalise(w) for w in raw["text_restricting"])


def _has_word(tokens: list[str], joined: str, word: str, prefix: bool) -> bool:
    if " " in word:
        return f" {word} " in joined
    if prefix and len(word) >= 5:
        return any(t.startswith(word) for t in tokens)
    return f" {word} " in joined


@dataclass
class GroupMentions:
    groups: set[str] = field(default_factory=set)
    minimum_age: int | None = None
    maximum_age: int | None = None


def find_groups(name: str, text: str) -> GroupMentions:
    """Target groups and ages an activity's name and text say it is for.

    A group counts when the name says so ("Naisten vertaistukipiiri") or a
    sentence restricts the activity to it ("Ryhmä on tarkoitettu vain
    naisille.", "For men only."); ages from "13–17-vuotiaille", "aged 13-17",
    "yli 65-vuotiaille". A family group makes children and youth groups moot.
    """
    out = GroupMentions()
    name_words, for_words, restricting = _group_words()
    tokens = [t.casefold() for t in _RAW_WORD.findall(name or "")]
    joined = f" {' '.join(tokens)} "
    for group, group_words in name_words.items():
        if any(_has_word(tokens, joined, w, prefix=True) for w in group_words):
            out.groups.add(group)
    for sentence in _SENTENCE.split(text or ""):
        tokens = [t.casefold() for t in _RAW_WORD.findall(sentence)]
        if not tokens:
            continue
        joined = f" {' '.join(tokens)} "
        restricted = len(tokens) <= _SHORT_SENTENCE or any(t in restricting for t in tokens)
        if restricted:
            for group, group_words in for_words.items():
                if any(_has_word(tokens, joined, w, prefix=False) for w in group_words):
                    out.groups.add(group)
        lowered = normalise(sentence)
        for pattern, kind in _AGE_PATTERNS:
            for match in pattern.finditer(lowered):
                numbers = [int(n) for n in match.groups()]
                if kind == "range" and numbers[0] <= numbers[1]:
                    out.minimum_age, out.maximum_age = numbers[0], numbers[1]
                elif kind == "min":
                    out.minimum_age = numbers[0]
                elif kind == "max":
                    out.maximum_age = max(0, numbers[0] - 1)
    if "families" in out.groups:
        out.groups -= {"children", "youth"}
    if {"women", "men"} <= out.groups:
        out.groups -= {"women", "men"}
    return out
