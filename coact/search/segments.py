"""Per-segment arrays and posting caches, read once per Whoosh segment.

A segment never changes once written (only its deletions do), so everything
read from it is cached under its id: a commit costs only the new segment, and
a long-lived searcher answers from plain Python structures instead of Whoosh's
per-posting matcher machinery, which costs microseconds a posting.

Attributes become small integers (languages, counties, target groups and flags
as bit masks, bits from process-wide registries); keyword terms become cached
frozensets of docnums, so tiers are set algebra done in C; a text term becomes
a cached {docnum: BM25 saturation} dict, read once.
"""

from __future__ import annotations

import sys
from array import array
from collections import OrderedDict
from collections.abc import Sequence

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher
from whoosh.util.numeric import byte_to_length
from whoosh.util.numlists import delta_decode

from coact.search.documents import NO_AGE
from coact.search.rules import NO_LIMIT, activity_ages, activity_genders

#: Cached (document, saturation) pairs per segment, all terms together.
SATURATION_CACHE_ENTRIES = 3_000_000
#: BM25 parameters (Lucene's defaults).
K1 = 1.2
B = 0.75


class BitRegistry:
    """Stable bit numbers for codes within this process."""

    def __init__(self) -> None:
        self._bits: dict[str, int] = {}

    def bit(self, code: str) -> int:
        found = self._bits.get(code)
        if found is None:
            found = 1 << len(self._bits)
            self._bits[code] = found
        return found

    def mask(self, codes) -> int:
        value = 0
        for code in codes:
            value |= self.bit(code)
        return value


LANGUAGE_BITS = BitRegistry()
COUNTY_BITS = BitRegistry()
FLAG_BITS = BitRegistry()
TARGET_BITS = BitRegistry()
_BIT_FIELDS = {
    "lang": LANGUAGE_BITS,
    "interp": LANGUAGE_BITS,
    "county": COUNTY_BITS,
    "flags": FLAG_BITS,
    "tg": TARGET_BITS,
}
_LENGTH_TABLE = [byte_to_length(i) for i in range(256)]


def _raw_matcher(reader, fieldname: str, text: str):
    """The undeleted-and-deleted postings of a term (deletions are applied later)."""
    tbytes = reader.schema[fieldname].to_bytes(text)
    terms = reader._terms  # the segment's terms reader
    if (fieldname, tbytes) not in terms:
        return None
    return terms.matcher(fieldname, tbytes, reader.schema[fieldname].format)


def read_postings(reader, fieldname: str, text: str) -> tuple[Sequence[int], Sequence[float]]:
    """All (docnums, weights) of a term in one segment reader, block by block."""
    matcher = _raw_matcher(reader, fieldname, text)
    if matcher is None:
        return (), ()
    ids: list[int] = []
    weights: list[float] = []
    if isinstance(matcher, W3LeafMatcher):
        while not matcher._atend:
            if matcher._data is None:
                matcher._read_data()
            block_ids = matcher._data[0]
            ids.extend(delta_decode(block_ids))
            matcher._read_weights()
            weights.extend(matcher._weights)
            if matcher._lastblock:
                break
            matcher._goto(matcher._nextoffset)
    else:
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            matcher.next()
    return ids, weights


def _numbers(reader, fieldname: str) -> list[int]:
    """A numeric column as a list, read in one go."""
    n = reader.doc_count_all()
    if not reader.has_column(fieldname):
        return [0] * n
    column = reader.column_reader(fieldname, translate=False)
    try:
        size = column._fixedlen
        raw = column._dbfile.get(column._basepos, column._count * size)
        values = array(column._typecode)
        values.frombytes(raw)
        if sys.byteorder == "little":
            values.byteswap()
        out = values.tolist()
    except AttributeError:  # another column implementation: read item by item
        out = list(column)
    if len(out) < n:
        out.extend([column._default if hasattr(column, "_default") else 0] * (n - len(out)))
    return out[:n]


def _lengths(reader, fieldname: str) -> list[int]:
    n = reader.doc_count_all()
    perdoc = reader._perdoc
    lenfield = f"_{fieldname}_len"
    if not perdoc.has_column(lenfield):
        return [0] * n
    column = perdoc.column_reader(lenfield, LENGTHS_COLUMN)
    try:
        raw = column._dbfile.get(column._basepos, column._count)
        out = [_LENGTH_TABLE[b] for b in raw]
    except AttributeError:
        out = [_LENGTH_TABLE[b] for b in column]
    if len(out) < n:
        out.extend([0] * (n - len(out)))
    return out


class SegmentData:
    """Everything the ranking needs from one segment, as plain lists."""

    def __init__(self, reader) -> None:
        n = reader.doc_count_all()
        self.size = n
        self.org = _numbers(reader, "org")
        self.sid = _numbers(reader, "sid")
        self.updated = _numbers(reader, "updated")
        self.masks: dict[str, list[int]] = {}
        for fieldname, registry in _BIT_FIELDS.items():
            masks = [0] * n
            for btext in reader.lexicon(fieldname):
                code = btext.decode("utf-8")
                bit = registry.bit(code)
                ids, _ = read_postings(reader, fieldname, code)
                for doc in ids:
                    masks[doc] |= bit
            self.masks[fieldname] = masks
        self.genders, self.age_lo, self.age_hi = self._target_arrays(reader, n)
        self.all_docs = frozenset(range(n))
        self._keyword: dict[tuple[str, str], frozenset[int]] = {}
        self._saturation: OrderedDict[tuple[str, str], dict[int, float]] = OrderedDict()
        self._cached_entries = 0
        self._lengths: dict[str, list[int]] = {}
        self._stale: tuple[int, frozenset[int]] = (-1, frozenset())
        self._unfit: dict[tuple[int, int, int], frozenset[int]] = {}
        self._org_docs: dict[int, list[int]] | None = None

    def _target_arrays(self, reader, n: int):
        minage = _numbers(reader, "minage")
        maxage = _numbers(reader, "maxage")
        groups: list[list[str]] = [[] for _ in range(n)]
        for btext in reader.lexicon("tg"):
            code = btext.decode("utf-8")
            for doc in read_postings(reader, "tg", code)[0]:
                groups[doc].append(code)
        genders = [0] * n
        lows = [0] * n
        highs = [NO_LIMIT] * n
        self.age_limited = [False] * n
        for doc in range(n):
            mn = minage[doc] if minage[doc] != NO_AGE else None
            mx = maxage[doc] if maxage[doc] != NO_AGE else None
            if groups[doc] or mn is not None or mx is not None:
                genders[doc] = TARGET_BITS.mask(activity_genders(groups[doc]))
                lows[doc], highs[doc] = activity_ages(groups[doc], mn, mx)
                self.age_limited[doc] = lows[doc] > 0 or highs[doc] < NO_LIMIT
        return genders, lows, highs

    def keyword_docs(self, reader, fieldname: str, code: str) -> frozenset[int]:
        key = (fieldname, code)
        found = self._keyword.get(key)
        if found is None:
            found = frozenset(read_postings(reader, fieldname, code)[0])
            self._keyword[key] = found
        return found

    def union(self, reader, fieldname: str, codes) -> frozenset[int]:
        found: frozenset[int] = frozenset()
        for code in codes:
            found = found | self.keyword_docs(reader, fieldname, code)
        return found

    def saturation(
        self, reader, fieldname: str, term: str, average_length: float
    ) -> dict[int, float]:
        """docnum → BM25 term-frequency saturation in (0, 1] (k1, b as in Lucene),
        computed once per term and kept, least recently used dropped first."""
        key = (fieldname, term)
        found = self._saturation.get(key)
        if found is not None:
            self._saturation.move_to_end(key)
            return found
        ids, tfs = read_postings(reader, fieldname, term)
        lengths = self.lengths(reader, fieldname)
        k_const = K1 * (1 - B)
        k_len = K1 * B / average_length
        found = {
            doc: tf / (tf + k_const + k_len * lengths[doc])
            for doc, tf in zip(ids, tfs, strict=True)
        }
        self._saturation[key] = found
        self._cached_entries += len(found)
        while self._cached_entries > SATURATION_CACHE_ENTRIES and len(self._saturation) > 1:
            _, dropped = self._saturation.popitem(last=False)
            self._cached_entries -= len(dropped)
        return found

    def lengths(self, reader, fieldname: str) -> list[int]:
        found = self._lengths.get(fieldname)
        if found is None:
            found = _lengths(reader, fieldname)
            self._lengths[fieldname] = found
        return found

    def stale_docs(self, fresh_since: int) -> frozenset[int]:
        """Documents last updated before day ``fresh_since`` (0 = date unknown: fresh)."""
        if self._stale[0] != fresh_since:
            updated = self.updated
            self._stale = (
                fresh_since,
                frozenset(d for d in range(self.size) if 0 < updated[d] < fresh_since),
            )
        return self._stale[1]

    def unfit_docs(self, gender_bit: int, age_lo: int, age_hi: int) -> frozenset[int]:
        """Documents whose target group excludes a client of this gender and age span."""
        key = (gender_bit, age_lo, age_hi)
        found = self._unfit.get(key)
        if found is None:
            genders, lows, highs = self.genders, self.age_lo, self.age_hi
            found = frozenset(
                d
                for d in range(self.size)
                if (gender_bit and genders[d] and not genders[d] & gender_bit)
                or lows[d] > age_hi
                or highs[d] < age_lo
            )
            self._unfit[key] = found
        return found

    def docs_of(self, org_id: int) -> list[int]:
        if self._org_docs is None:
            index: dict[int, list[int]] = {}
            for doc, org in enumerate(self.org):
                index.setdefault(org, []).append(doc)
            self._org_docs = index
        return self._org_docs.get(org_id, [])


def segment_key(reader) -> str:
    return reader.segment().segment_id()
