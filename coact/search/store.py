"""The index folder of one node: generations, the ``CURRENT`` pointer, locks, sync state.

Layout under ``COACT_INDEX_DIR``::

    CURRENT                 name of the generation searches use
    gen-<time>-<random>/    a Whoosh index, plus
        coact-sync.json     the change-log watermark and gaps it has caught up to
        coact-writer.lock   held by the one process writing this generation

A rebuild writes a new generation beside the current one and swaps ``CURRENT``
with an atomic rename, so searches never see a half-built index. Every process
of the node shares the folder; only the holder of a generation's writer lock
writes to it, so Whoosh's own lock is never contended and no user meets a
``LockError``.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import secrets
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.analysis import SpaceSeparatedTokenizer
from whoosh.columns import NumericColumn
from whoosh.fields import COLUMN, ID, KEYWORD, STORED, TEXT, Schema

from coact.search.analysis import NAME_FIELD, TEXT_FIELDS, analysis_signature
from coact.search.thesaurus import thesaurus_signature

CURRENT = "CURRENT"
SYNC_FILE = "coact-sync.json"
WRITER_LOCK = "coact-writer.lock"
BUILD_LOCK = "coact-build.lock"
#: Bump when the schema or the meaning of a field changes.
SCHEMA_VERSION = 5
KEYWORD_FIELDS = ("lang", "interp", "theme", "ttheme", "tg", "muni", "county", "flags")
NUMBER_COLUMNS = ("org", "sid", "minage", "maxage", "updated")


def build_schema() -> Schema:
    """Texts are analysed before Whoosh sees them (``coact.search.analysis``), so the
    text fields only split on spaces. Stored: the key and the profile facts the
    reasons are written from (languages, places, groups as the index saw them)."""
    fields = {
        "key": ID(stored=True, unique=True),
        "org_key": ID(),
        "facts": STORED(),
    }
    for name in (*TEXT_FIELDS, NAME_FIELD):
        fields[name] = TEXT(analyzer=SpaceSeparatedTokenizer(), phrase=False)
    for name in KEYWORD_FIELDS:
        fields[name] = KEYWORD(lowercase=False, commas=False, scorable=False)
    for name in NUMBER_COLUMNS:
        fields[name] = COLUMN(NumericColumn("q", default=0))
    return Schema(**fields)


def index_signature() -> str:
    """What a generation was built with; a mismatch makes the node rebuild."""
    return f"schema={SCHEMA_VERSION};{analysis_signature()};thesaurus={thesaurus_signature()}"


@dataclass
class SyncState:
    """How far a generation has caught up with the ``directory_change`` log.

    ``watermark`` is the highest change id applied. ``gaps`` are ranges of ids
    below it that were missing when it moved: on PostgreSQL a transaction may
    commit a lower id after a higher one is visible, so gaps are re-read until
    they show up or expire (a rolled-back transaction leaves one for good).
    """

    watermark: int = 0
    #: [[first id, last id, unix time first seen], …]
    gaps: list[list[float]] = field(default_factory=list)
    signature: str = ""
    built_at: str = ""

    def gap_ids_condition(self) -> list[tuple[int, int]]:
        return [(int(lo), int(hi)) for lo, hi, _ in self.gaps]

    def advance(self, seen_ids: list[int], now: float, gap_seconds: float) -> None:
        """Move past ``seen_ids`` (sorted), remember new gaps, forget old ones."""
        seen = set(seen_ids)
        gaps: list[list[float]] = []
        for lo, hi, first in self.gaps:
            if now - first > gap_seconds:
                continue
            gaps.extend(_split_range(int(lo), int(hi), seen, first))
        top = max([self.watermark, *seen_ids])
        gaps.extend(_split_range(self.watermark + 1, top, seen, now))
        self.gaps = _merge(gaps)[-1000:]
        self.watermark = top


def _split_range(lo: int, hi: int, seen: set[int], first: float) -> list[list[float]]:
    out: list[list[float]] = []
    start = lo
    inside = sorted(i for i in seen if lo <= i <= hi)
    for i in inside:
        if i > start:
            out.append([start, i - 1, first])
        start = i + 1
    if start <= hi:
        out.append([start, hi, first])
    return out


def _merge(ranges: list[list[float]]) -> list[list[float]]:
    merged: list[list[float]] = []
    for lo, hi, first in sorted(ranges):
        if merged and lo <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], hi)
            merged[-1][2] = min(merged[-1][2], first)
        else:
            merged.append([lo, hi, first])
    return merged


class LockBusy(Exception):
    """Another process holds the lock."""


@contextlib.contextmanager
def file_lock(path: Path, *, blocking: bool, timeout: float = 30.0) -> Iterator[None]:
    """An exclusive ``flock`` on ``path`` (released by the OS if the process dies)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+")  # noqa: SIM115 (held open while locked)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if not blocking or time.monotonic() > deadline:
                    raise LockBusy(str(path)) from None
                time.sleep(0.02)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    finally:
        handle.close()


class IndexStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    # Generations ------------------------------------------------------------

    def current_name(self) -> str | None:
        try:
            name = (self.root / CURRENT).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        return name if name and (self.root / name).is_dir() else None

    def path(self, name: str) -> Path:
        return self.root / name

    def new_generation(self) -> str:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        name = f"gen-{stamp}-{secrets.token_hex(3)}"
        path = self.root / name
        path.mkdir(parents=True)
        whoosh_index.create_in(str(path), build_schema())
        return name

    def open(self, name: str) -> whoosh_index.Index:
        return whoosh_index.open_dir(str(self.root / name))

    def swap(self, name: str) -> None:
        """Point ``CURRENT`` at ``name`` atomically (rename over the old pointer)."""
        tmp = self.root / f".{CURRENT}.{os.getpid()}.{secrets.token_hex(3)}"
        tmp.write_text(name, encoding="utf-8")
        os.replace(tmp, self.root / CURRENT)

    def remove_old(self, keep: set[str]) -> list[str]:
        """Delete generations not in ``keep``; the caller keeps the one just replaced,
        so searches still reading it finish."""
        removed = []
        for path in self.root.glob("gen-*"):
            if path.name not in keep and path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path.name)
        return removed

    def generations(self) -> list[str]:
        return sorted(p.name for p in self.root.glob("gen-*") if p.is_dir())

    # Locks and state --------------------------------------------------------

    def writer_lock(self, name: str, *, blocking: bool, timeout: float = 30.0):
        return file_lock(self.root / name / WRITER_LOCK, blocking=blocking, timeout=timeout)

    def build_lock(self, *, blocking: bool, timeout: float = 300.0):
        return file_lock(self.root / BUILD_LOCK, blocking=blocking, timeout=timeout)

    def read_state(self, name: str) -> SyncState:
        try:
            raw = json.loads((self.root / name / SYNC_FILE).read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return SyncState()
        return SyncState(
            watermark=int(raw.get("watermark", 0)),
            gaps=[list(g) for g in raw.get("gaps", [])],
            signature=raw.get("signature", ""),
            built_at=raw.get("built_at", ""),
        )

    def write_state(self, name: str, state: SyncState) -> None:
        """Written after the index commit it describes: a crash in between only
        makes the next catch-up redo work (re-indexing an organisation is idempotent)."""
        path = self.root / name / SYNC_FILE
        tmp = path.with_name(f".{SYNC_FILE}.{os.getpid()}")
        tmp.write_text(
            json.dumps(
                {
                    "watermark": state.watermark,
                    "gaps": state.gaps,
                    "signature": state.signature,
                    "built_at": state.built_at,
                }
            ),
            encoding="utf-8",
        )
        os.replace(tmp, path)
