"""Keeping a node's index in step with the database (the source of truth).

Every flush that touches an organisation or activity writes a
``DirectoryChange`` row in the same transaction. A generation remembers the
highest change id it applied (its watermark) and re-reads the ids it saw
missing (gaps): PostgreSQL hands out ids when rows are inserted, not when they
commit, so a slow transaction can commit id 100 after id 101 was read. A gap
is re-read until its row appears or it is older than
``SEARCH_CHANGE_GAP_SECONDS`` (a rolled-back transaction never fills it).

Applying a change re-reads the organisation and replaces all its documents,
so applying one twice is harmless: the watermark is written after the index
commit, and a crash in between only repeats work.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial

from sqlalchemy import create_engine, func, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from coact.models import DirectoryChange, Organization, Service
from coact.search.documents import documents_for, iter_all_organizations, organizations_by_id
from coact.search.store import IndexStore, SyncState, index_signature

#: Changes read per catch-up round.
CHANGE_BATCH = 2000
#: Ids below the watermark looked at for gaps when a generation is built.
BUILD_GAP_WINDOW = 5000
DEFAULT_GAP_SECONDS = 900.0
#: A rebuild of at least this many activities analyses them in helper processes.
PARALLEL_MIN_ACTIVITIES = 3000
WORKER_BATCH = 200


@dataclass
class CatchUp:
    organizations: int = 0
    changes: int = 0
    #: More changes are waiting (``max_organizations`` was reached).
    remaining: bool = False


def _changes_after(session: Session, state: SyncState, limit: int) -> list[tuple[int, int]]:
    conditions = [DirectoryChange.id > state.watermark]
    conditions += [DirectoryChange.id.between(lo, hi) for lo, hi in state.gap_ids_condition()]
    rows = session.execute(
        select(DirectoryChange.id, DirectoryChange.organization_id)
        .where(or_(*conditions))
        .order_by(DirectoryChange.id)
        .limit(limit)
    ).all()
    return [(int(r[0]), int(r[1])) for r in rows]


def has_pending_changes(engine: Engine, store: IndexStore, name: str) -> bool:
    with Session(engine) as session:
        return bool(_changes_after(session, store.read_state(name), 1))


def _apply(session: Session, writer, org_ids: set[int]) -> None:
    orgs = organizations_by_id(session, org_ids)
    for org_id in sorted(org_ids):
        writer.delete_by_term("org_key", f"o{org_id}")
        org = orgs.get(org_id)
        if org is not None:
            for doc in documents_for(org):
                writer.add_document(**doc)
    session.expunge_all()


def catch_up_locked(
    engine: Engine,
    store: IndexStore,
    name: str,
    *,
    gap_seconds: float = DEFAULT_GAP_SECONDS,
    max_organizations: int | None = None,
) -> CatchUp:
    """Apply pending changes to generation ``name``. The caller holds its writer lock."""
    result = CatchUp()
    ix = store.open(name)
    try:
        with Session(engine) as session:
            while True:
                state = store.read_state(name)
                rows = _changes_after(session, state, CHANGE_BATCH)
                if not rows:
                    return result
                if max_organizations is not None:
                    budget = max_organizations - result.organizations
                    orgs_in_order: list[int] = []
                    kept = []
                    for change_id, org_id in rows:
                        if org_id not in orgs_in_order:
                            if len(orgs_in_order) >= budget:
                                result.remaining = True
                                break
                            orgs_in_order.append(org_id)
                        kept.append((change_id, org_id))
                    rows = kept
                if not rows:
                    return result
                org_ids = {org_id for _, org_id in rows}
                writer = ix.writer()
                try:
                    _apply(session, writer, org_ids)
                except BaseException:
                    writer.cancel()
                    raise
                writer.commit()
                state.advance([change_id for change_id, _ in rows], time.time(), gap_seconds)
                store.write_state(name, state)
                session.rollback()  # end the read transaction: the next round sees new commits
                result.organizations += len(org_ids)
                result.changes += len(rows)
                if result.remaining:
                    return result
    finally:
        ix.close()


def _watermark_now(session: Session) -> SyncState:
    """The change log position a build starts from, with the ids missing just below it."""
    top = session.scalar(select(func.max(DirectoryChange.id))) or 0
    state = SyncState(watermark=0)
    if top:
        recent = session.scalars(
            select(DirectoryChange.id)
            .where(DirectoryChange.id > max(0, top - BUILD_GAP_WINDOW))
            .order_by(DirectoryChange.id)
        ).all()
        state.watermark = max(0, top - BUILD_GAP_WINDOW)
        state.advance(list(recent), time.time(), DEFAULT_GAP_SECONDS)
    return state


_worker_engine: Engine | None = None


def _worker_documents(url: str, org_ids: list[int]) -> list[dict]:
    """Index documents of some organisations, in a helper process of a rebuild."""
    global _worker_engine
    if _worker_engine is None:
        import coact.models  # noqa: F401  (mappers configured in this process)

        _worker_engine = create_engine(url)
    with Session(_worker_engine) as session:
        orgs = organizations_by_id(session, org_ids)
        return [doc for org_id in org_ids if org_id in orgs for doc in documents_for(orgs[org_id])]


def _documents(engine: Engine, session: Session, workers: int):
    """Every index document; analysis runs in ``workers`` helper processes on a big
    directory while this process writes the index."""
    count = session.scalar(select(func.count()).select_from(Service)) or 0
    if workers <= 1 or count < PARALLEL_MIN_ACTIVITIES:
        for org in iter_all_organizations(session):
            yield from documents_for(org)
        return
    ids = session.scalars(select(Organization.id).order_by(Organization.id)).all()
    batches = [ids[i : i + WORKER_BATCH] for i in range(0, len(ids), WORKER_BATCH)]
    url = engine.url.render_as_string(hide_password=False)
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers) as pool:
        for docs in pool.imap(partial(_worker_documents, url), batches):
            yield from docs


def build_generation(
    engine: Engine,
    store: IndexStore,
    *,
    limitmb: int = 1024,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> str:
    """A new, complete generation (not yet current) from the database."""
    if workers is None:
        workers = min(4, os.cpu_count() or 1)
    name = store.new_generation()
    ix = store.open(name)
    try:
        with Session(engine) as session:
            state = _watermark_now(session)
            session.rollback()
            writer = ix.writer(procs=1, limitmb=limitmb)
            count = 0
            try:
                for doc in _documents(engine, session, workers):
                    writer.add_document(**doc)
                    count += 1
                    if progress and count % 1000 == 0:
                        progress(count)
            except BaseException:
                writer.cancel()
                raise
            writer.commit()
    finally:
        ix.close()
    state.signature = index_signature()
    state.built_at = datetime.now(UTC).isoformat(timespec="seconds")
    store.write_state(name, state)
    return name


def reindex(
    engine: Engine,
    store: IndexStore,
    *,
    gap_seconds: float = DEFAULT_GAP_SECONDS,
    progress: Callable[[int], None] | None = None,
) -> str:
    """Rebuild into a new generation, catch it up, swap it in, drop older ones.

    Searches keep using the old generation until the swap; the generation just
    replaced is kept so searches still reading it finish.
    """
    with store.build_lock(blocking=True, timeout=3600):
        name = build_generation(engine, store, progress=progress)
        with store.writer_lock(name, blocking=True):
            catch_up_locked(engine, store, name, gap_seconds=gap_seconds)
        previous = store.current_name()
        store.swap(name)
        with store.writer_lock(name, blocking=True):
            catch_up_locked(engine, store, name, gap_seconds=gap_seconds)
        store.remove_old(keep={name} | ({previous} if previous else set()))
    return name


def ensure_current(engine: Engine, store: IndexStore, *, timeout: float = 300.0) -> str:
    """The current generation's name, building the first one (or one for a changed
    analysis or thesaurus) when needed. Only one process of the node builds."""
    name = store.current_name()
    if name and store.read_state(name).signature == index_signature():
        return name
    with store.build_lock(blocking=True, timeout=timeout):
        name = store.current_name()
        if name and store.read_state(name).signature == index_signature():
            return name
        new = build_generation(engine, store)
        with store.writer_lock(new, blocking=True):
            catch_up_locked(engine, store, new)
        store.swap(new)
        store.remove_old(keep={new} | ({name} if name else set()))
        return new
