"""The search engine of one app process: a long-lived searcher kept in step.

Before a search, at most every ``SEARCH_SYNC_INTERVAL`` seconds, the process
checks two things: whether ``CURRENT`` points at another generation (a
``reindex`` swapped one in) and whether the change log has rows the index has
not applied. Pending changes are applied by whichever process takes the
generation's writer lock first, without waiting: a search never waits for
another process's writer, it answers from the last committed state and sees the
change on its next check. A process applies at most
``SEARCH_CATCHUP_ORGANIZATIONS`` organisations in the request and leaves a
large backlog (a big import) to a background thread, so no search stalls.

Searches in one process take turns (Whoosh readers are not meant to be shared
between threads); gunicorn's sync workers run one request at a time anyway.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from flask import Flask, current_app

from coact.extensions import db
from coact.search.ranking import bm25_idf
from coact.search.segments import SegmentData, segment_key
from coact.search.store import IndexStore, LockBusy, index_signature
from coact.search.sync import DEFAULT_GAP_SECONDS, catch_up_locked, ensure_current

log = logging.getLogger(__name__)
EXTENSION = "coact.search"


class SearchUnavailable(Exception):
    """The index is being built for the first time by another process."""


@dataclass
class _Segment:
    reader: object
    data: SegmentData
    deleted: frozenset[int]


class Snapshot:
    """One searcher state: its segments with cached arrays, and BM25 statistics."""

    def __init__(self, searcher, caches: dict[str, SegmentData]) -> None:
        self.searcher = searcher
        self._segments: list[_Segment] = []
        for reader, _offset in searcher.reader().leaf_readers():
            if reader.segment() is None:  # an empty index has one empty reader
                continue
            key = segment_key(reader)
            data = caches.get(key)
            if data is None:
                data = SegmentData(reader)
                caches[key] = data
            segment = reader.segment()
            deleted = frozenset(segment.deleted_docs()) if segment.has_deletions() else frozenset()
            self._segments.append(_Segment(reader, data, deleted))
        self.doc_count = max(searcher.doc_count_all(), 1)
        self._df: dict[tuple[str, str], int] = {}
        self._avg: dict[str, float] = {}

    def segments(self):
        for seg in self._segments:
            yield seg.reader, seg.data, seg.deleted

    def doc_frequency(self, fieldname: str, term: str) -> int:
        key = (fieldname, term)
        found = self._df.get(key)
        if found is None:
            found = self.searcher.doc_frequency(fieldname, term)
            self._df[key] = found
        return found

    def idf(self, fieldname: str, term: str) -> float:
        return bm25_idf(self.doc_count, self.doc_frequency(fieldname, term))

    def average_length(self, fieldname: str) -> float:
        found = self._avg.get(fieldname)
        if found is None:
            found = max(self.searcher.reader().field_length(fieldname) / self.doc_count, 1.0)
            self._avg[fieldname] = found
        return found


def _setting(app: Flask, name: str, default):
    """App config (tests), else the ``COACT_<NAME>`` environment variable, else the default."""
    if name in app.config:
        return app.config[name]
    return os.environ.get(f"COACT_{name}", default)


class SearchEngine:
    def __init__(self, app: Flask) -> None:
        settings = app.config["COACT"]
        self.store = IndexStore(Path(settings.index_dir))
        self.sync_interval = float(_setting(app, "SEARCH_SYNC_INTERVAL", 0.5))
        self.gap_seconds = float(_setting(app, "SEARCH_CHANGE_GAP_SECONDS", DEFAULT_GAP_SECONDS))
        self.catchup_limit = int(_setting(app, "SEARCH_CATCHUP_ORGANIZATIONS", 200))
        self.build_timeout = float(_setting(app, "SEARCH_BUILD_TIMEOUT", 300))
        self._app = app
        self._lock = threading.RLock()
        self._name: str | None = None
        self._ix = None
        self._searcher = None
        self._snapshot: Snapshot | None = None
        self._caches: dict[str, SegmentData] = {}
        self._checked_at = 0.0
        self._background: threading.Thread | None = None
        self._rebuild: threading.Thread | None = None

    # Public -------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        """The state to search now: caught up if it was time to check."""
        with self._lock:
            now = time.monotonic()
            if self._snapshot is None or now - self._checked_at >= self.sync_interval:
                self._checked_at = now
                self._sync()
            assert self._snapshot is not None
            return self._snapshot

    def search_lock(self) -> threading.RLock:
        return self._lock

    def sync_now(self) -> None:
        """Check and apply changes immediately (tests, CLI)."""
        with self._lock:
            self._checked_at = time.monotonic()
            self._sync(background=False)

    def close(self) -> None:
        with self._lock:
            self._close_searcher()

    # Internals ----------------------------------------------------------------

    def _sync(self, background: bool = True) -> None:
        engine = db.engine
        name = self.store.current_name()
        if name is None:
            try:
                name = ensure_current(engine, self.store, timeout=self.build_timeout)
            except LockBusy as exc:
                raise SearchUnavailable("The search index is being built") from exc
        elif self.store.read_state(name).signature != index_signature():
            # Analysis or thesaurus changed: rebuild beside it, keep answering meanwhile.
            self._start_rebuild()
        if name != self._name:
            self._open(name)
        self._catch_up(engine, background=background)
        self._refresh()

    def _catch_up(self, engine, *, background: bool) -> None:
        if self._background is not None and self._background.is_alive():
            return
        limit = self.catchup_limit if background else None
        try:
            with self.store.writer_lock(self._name, blocking=False):
                result = catch_up_locked(
                    engine,
                    self.store,
                    self._name,
                    gap_seconds=self.gap_seconds,
                    max_organizations=limit,
                )
        except LockBusy:
            return  # another process is writing; its commit shows up on refresh
        except FileNotFoundError:
            return  # the generation was replaced and removed meanwhile
        if result.remaining and background:
            self._start_background()

    def _start_background(self) -> None:
        app = self._app
        name = self._name

        def run() -> None:
            with app.app_context():
                try:
                    with self.store.writer_lock(name, blocking=True, timeout=60):
                        catch_up_locked(db.engine, self.store, name, gap_seconds=self.gap_seconds)
                except (LockBusy, FileNotFoundError):
                    pass
                except Exception:
                    log.exception("Search index catch-up failed")
                finally:
                    db.session.remove()

        self._background = threading.Thread(target=run, name="coact-search-catch-up", daemon=True)
        self._background.start()

    def _start_rebuild(self) -> None:
        if self._rebuild is not None and self._rebuild.is_alive():
            return
        app = self._app

        def run() -> None:
            with app.app_context():
                try:
                    ensure_current(db.engine, self.store, timeout=0)
                except LockBusy:
                    pass  # another process is building it
                except Exception:
                    log.exception("Rebuilding the search index failed")
                finally:
                    db.session.remove()

        self._rebuild = threading.Thread(target=run, name="coact-search-rebuild", daemon=True)
        self._rebuild.start()

    def _open(self, name: str) -> None:
        self._close_searcher()
        self._ix = self.store.open(name)
        self._name = name
        self._caches = {}
        self._searcher = self._ix.searcher()
        self._snapshot = Snapshot(self._searcher, self._caches)

    def _refresh(self) -> None:
        reader = self._searcher.reader()
        if self._ix.latest_generation() == reader.generation() and self._snapshot is not None:
            return
        # A new searcher, not Searcher.refresh(): refresh reuses the readers of
        # unchanged segments with their old deletions (and fails on an empty
        # index). Our per-segment caches survive either way.
        self._searcher.close()
        searcher = self._ix.searcher()
        if searcher is not self._searcher or self._snapshot is None:
            self._searcher = searcher
            live = {
                segment_key(r)
                for r, _ in searcher.reader().leaf_readers()
                if r.segment() is not None
            }
            for key in list(self._caches):
                if key not in live:
                    del self._caches[key]
            self._snapshot = Snapshot(searcher, self._caches)

    def _close_searcher(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
        self._searcher = None
        self._snapshot = None
        self._ix = None


def get_engine(app: Flask | None = None) -> SearchEngine:
    app = app or current_app._get_current_object()
    engine = app.extensions.get(EXTENSION)
    if engine is None:
        engine = SearchEngine(app)
        app.extensions[EXTENSION] = engine
    return engine


def today_number() -> int:
    from coact.search.documents import day_number

    return day_number(datetime.now(UTC))
