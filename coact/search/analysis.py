"""Turning text into index terms, the same way for documents, queries and the thesaurus.

Finnish is analysed with Voikko when libvoikko and its Finnish dictionary are
installed: every word becomes its base forms, and a compound also yields its
parts and every run of neighbouring parts ("mielenterveyspalvelut" →
mielenterveyspalvelu, mielenterveys, terveyspalvelu, mieli, terveys, palvelu),
so a search for one finds the others. Without Voikko, Finnish falls back to
Snowball stemming and the app still works, with less recall (the thesaurus
lists common inflected and compound forms for that case). Swedish and English
use Snowball stemmers; other languages are only case-folded.

Analysis happens before Whoosh sees the text: fields hold space-separated,
already analysed terms. That keeps the index schema free of unpicklable
analysers and lets the index record which analysis built it
(:func:`analysis_signature`), so a node that gains or loses Voikko rebuilds.
"""

from __future__ import annotations

import os
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from whoosh.lang import stemmer_for_language, stopwords_for_language

#: The text fields of the index, one per analysis.
TEXT_FIELDS = ("fi", "sv", "en", "other")
#: The organisation's names, analysed every way (a name is in no one language).
NAME_FIELD = "orgname"
ANALYSED_LANGUAGES = ("fi", "sv", "en")

_WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_NON_LATIN = re.compile(r"[^\W\d_a-zA-Z\u00c0-\u024f]", re.UNICODE)
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
#: Longest word analysed; longer "words" (URLs squeezed together, noise) are cut.
MAX_WORD_LENGTH = 60
_CACHE_LIMIT = 200_000
_WORDBASE_SEGMENT = re.compile(r"\+([^+()]*)(?:\(([^()]*)\))?")


def normalise(text: str) -> str:
    """NFKC, case-folded, Arabic vowel marks and tatweel removed."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _ARABIC_MARKS.sub("", text)


def words(text: str) -> list[str]:
    """Normalised words, hyphenated compounds kept whole ("ruoka-apu")."""
    return [w[:MAX_WORD_LENGTH] for w in _WORD.findall(normalise(text or ""))]


@dataclass(frozen=True)
class Term:
    """One term a word yields, with how much of the word it stands for (0–1]."""

    text: str
    weight: float = 1.0


class Voikko:
    """A thread-safe, caching wrapper of ``libvoikko.Voikko('fi')``."""

    def __init__(self, handle) -> None:
        self._handle = handle
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[tuple[str, ...], ...]] = {}

    def analyses(self, word: str) -> tuple[tuple[str, ...], ...]:
        """Per analysis: the full base form, then the parts' surfaces and bases
        as returned by :func:`parse_wordbases` (flattened in pairs)."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        with self._lock:
            raw = self._handle.analyze(word)
        result = []
        for analysis in raw:
            base = (analysis.get("BASEFORM") or "").casefold().replace("=", "")
            if not base:
                continue
            parts = parse_wordbases(analysis.get("WORDBASES") or "")
            result.append((base, *[x for part in parts for x in part]))
        value = tuple(dict.fromkeys(result))
        if len(self._cache) > _CACHE_LIMIT:
            self._cache.clear()
        self._cache[word] = value
        return value


def parse_wordbases(wordbases: str) -> list[tuple[str, str]]:
    """Compound parts of a Voikko ``WORDBASES`` string as (surface, base) pairs.

    ``+mielen(mieli)+terve(terve)+ys(+ys)+palvel(palvella)+u(+u)`` gives
    (mielen, mieli), (terveys, terveys), (palvelu, palvelu): a segment whose
    base starts with ``+`` is a derivational suffix and belongs to the part
    before it, as do one- or two-letter bare segments followed by a suffix
    ("neuvo" + "n" + "ta"). The last part's surface is its base form.
    """
    segments = []
    for match in _WORDBASE_SEGMENT.finditer(wordbases):
        surface, base = match.group(1).casefold(), match.group(2)
        if surface:
            segments.append((surface, None if base is None else base.casefold()))
    parts: list[list[str]] = []  # [surface, base]
    for i, (surface, base) in enumerate(segments):
        is_suffix = base is not None and base.startswith("+")
        next_is_suffix = (
            i + 1 < len(segments)
            and segments[i + 1][1] is not None
            and segments[i + 1][1].startswith("+")
        )
        glue = base is None and len(surface) <= 2 and next_is_suffix
        if surface == "-":
            continue
        if parts and is_suffix:
            parts[-1][1] = parts[-1][0] + base[1:]
            parts[-1][0] += surface
        elif parts and glue:
            parts[-1][0] += surface
            parts[-1][1] = parts[-1][0]
        else:
            parts.append([surface, (base or surface).replace("=", "")])
    if parts:
        parts[-1][1] = parts[-1][0]
    return [(s, b) for s, b in parts if s]


@cache
def _voikko_handle():
    if os.environ.get("COACT_DISABLE_VOIKKO") == "1":
        return None
    try:
        import libvoikko

        return Voikko(libvoikko.Voikko("fi"))
    except Exception:  # library, binding or dictionary missing: plain stemming
        return None


def voikko() -> Voikko | None:
    """The shared Finnish analyser, or None when Voikko is not installed."""
    return _voikko_handle()


def finnish_mode() -> str:
    return "voikko" if voikko() is not None else "snowball"


def analysis_signature() -> str:
    """Names the analysis that builds the index; a change means a rebuild."""
    return f"fi={finnish_mode()};v3"


@cache
def _stemmer(lang: str):
    return stemmer_for_language(lang)


@cache
def stopwords(lang: str) -> frozenset[str]:
    if lang not in ANALYSED_LANGUAGES:
        return frozenset()
    return frozenset(normalise(w) for w in stopwords_for_language(lang))


@cache
def _all_stopwords() -> frozenset[str]:
    return frozenset().union(*(stopwords(lang) for lang in ANALYSED_LANGUAGES))


def is_stopword(word: str) -> bool:
    return word in _all_stopwords()


class Analyzer:
    """Terms for one index field. ``word_terms`` is cached per word."""

    def __init__(self, field: str) -> None:
        self.field = field
        self._cache: dict[str, tuple[Term, ...]] = {}
        self._weights: dict[tuple[str, float], tuple[dict[str, float], frozenset[str]]] = {}

    def word_terms(self, word: str) -> tuple[Term, ...]:
        cached = self._cache.get(word)
        if cached is None:
            cached = self._terms(word)
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
                self._weights.clear()
            self._cache[word] = cached
        return cached

    def word_weights(self, word: str, strong: float) -> tuple[dict[str, float], frozenset[str]]:
        """{term: weight} of a word, and its terms weighing at least ``strong`` (cached)."""
        key = (word, strong)
        found = self._weights.get(key)
        if found is None:
            terms = self.word_terms(word)
            found = (
                {t.text: t.weight for t in terms},
                frozenset(t.text for t in terms if t.weight >= strong),
            )
            self._weights[key] = found
        return found

    def _terms(self, word: str) -> tuple[Term, ...]:
        if self.field == "other":
            return (Term(word),)
        if word in stopwords(self.field):
            return ()
        if self.field == "fi":
            engine = voikko()
            if engine is not None:
                terms = _voikko_terms(engine, word)
                if terms:
                    return terms
        stemmed = _stemmer(self.field)(word)
        parts = word.split("-")
        if len(parts) > 1:
            out = {stemmed.replace("-", ""): 1.0}
            for part in parts:
                if len(part) > 2:
                    out.setdefault(_stemmer(self.field)(part), 0.5)
            return tuple(Term(t, w) for t, w in out.items())
        return (Term(stemmed),)

    def terms(self, text: str) -> list[str]:
        """All index terms of ``text`` in order (a word's several terms side by side)."""
        return [term.text for word in words(text) for term in self.word_terms(word)]


def _voikko_terms(engine: Voikko, word: str) -> tuple[Term, ...]:
    analyses = engine.analyses(word)
    if not analyses and "-" in word:
        out: dict[str, float] = {}
        pieces = [p for p in word.split("-") if p]
        for piece in pieces:
            for term in _voikko_terms(engine, piece) or (Term(piece),):
                out[term.text] = max(out.get(term.text, 0.0), term.weight * 0.6)
        joined = "".join(pieces)
        out[joined] = 1.0
        return tuple(Term(t, w) for t, w in out.items())
    out = {}
    for analysis in analyses:
        full = analysis[0].replace("-", "")
        out[full] = 1.0
        flat = analysis[1:]
        parts = [(flat[i], flat[i + 1]) for i in range(0, len(flat), 2)]
        if len(parts) < 2:
            continue
        length = max(len(full), 1)
        for i in range(len(parts)):
            for j in range(i, len(parts)):
                if i == 0 and j == len(parts) - 1:
                    continue
                run = "".join(s for s, _ in parts[i:j]) + parts[j][1]
                run = run.replace("-", "")
                if len(run) < 3 or run in stopwords("fi"):
                    continue
                weight = round(0.5 * min(1.0, len(run) / length) + (0.3 if j > i else 0.0), 3)
                if weight > out.get(run, 0.0):
                    out[run] = weight
    return tuple(Term(t, w) for t, w in out.items())


@cache
def analyzer(field: str) -> Analyzer:
    return Analyzer(field)


_FI_HINTS = frozenset(
    [
        "ja",
        "on",
        "ei",
        "että",
        "se",
        "tai",
        "kanssa",
        "myös",
        "sekä",
        "joka",
        "ovat",
        "oli",
        "kun",
        "mutta",
    ]
)
_SV_HINTS = frozenset(
    [
        "och",
        "är",
        "att",
        "det",
        "som",
        "en",
        "ett",
        "för",
        "med",
        "på",
        "av",
        "till",
        "den",
        "inte",
        "kan",
    ]
)
_EN_HINTS = frozenset(
    [
        "and",
        "the",
        "is",
        "are",
        "to",
        "of",
        "for",
        "with",
        "in",
        "on",
        "a",
        "an",
        "we",
        "you",
        "our",
        "can",
    ]
)


@cache
def _language_hints() -> dict[str, frozenset[str]]:
    return {
        "fi": _FI_HINTS | stopwords("fi"),
        "sv": _SV_HINTS | stopwords("sv"),
        "en": _EN_HINTS | stopwords("en"),
    }


def detect_language(text: str, declared: str | None = None) -> str:
    """The text field a text belongs in: fi, sv, en or other.

    Declared languages are not trusted blindly (imports label whole files with
    one language): a text of mostly non-Latin letters is ``other``, and a text
    whose function words are clearly Swedish, English or Finnish goes there.
    """
    declared = (declared or "").split("_")[0].split("-")[0].lower()
    sample = text[:2000]
    letters = len(_LETTER.findall(sample))
    if letters and len(_NON_LATIN.findall(sample)) / letters > 0.5:
        return "other"
    tokens = words(sample)
    if not tokens:
        return declared if declared in ANALYSED_LANGUAGES else "other"
    distinct = set(tokens)
    counts = {lang: len(distinct & hints) for lang, hints in _language_hints().items()}
    if any(ch in sample for ch in "åÅ"):
        counts["sv"] += 2
    best = max(counts, key=lambda k: counts[k])
    if declared in ANALYSED_LANGUAGES:
        if best != declared and counts[best] >= 2 and counts[best] > 2 * counts[declared]:
            return best
        return declared
    if declared:
        return "other" if counts[best] < 2 else best
    return best if counts[best] else "fi"


def analyse_for_fields(
    texts: Iterable[tuple[str, str | None, int]],
    each: Callable[[list[str], str], None] | None = None,
) -> dict[str, str]:
    """Index field values for (text, declared language, repeat) triples.

    ``repeat`` weights a text (names count three times) by repeating its terms;
    ``each(words, field)`` is called with every text's words and field, so the
    caller can look at them without analysing the text twice.
    """
    fields: dict[str, list[str]] = {name: [] for name in TEXT_FIELDS}
    for text, declared, repeat in texts:
        if not text or not text.strip():
            continue
        field = detect_language(text, declared)
        tokens = words(text)
        az = analyzer(field)
        terms = [term.text for word in tokens for term in az.word_terms(word)]
        for _ in range(max(1, repeat)):
            fields[field].extend(terms)
        if each is not None:
            each(tokens, field)
    return {name: " ".join(values) for name, values in fields.items() if values}


def name_terms(text: str) -> str:
    """Index value of the organisation-name field: every analysis's terms."""
    out: list[str] = []
    for word in words(text):
        seen: set[str] = set()
        for field in TEXT_FIELDS:
            for term in analyzer(field).word_terms(word):
                if term.text not in seen:
                    seen.add(term.text)
                    out.append(term.text)
    return " ".join(out)
