"""Running a registered source (``scrapers/``) through the one upsert routine.

One batch, one transaction per fetched page (PTV: one organisation with its
services; a feed: one page), so an interrupted run keeps what it finished and
a rerun continues without duplicates. Only the activities of organisations
the run actually read can be flagged vanished, and only when every page was
read and understood.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from flask import current_app

from coact.extensions import db
from coact.imports.upsert import (
    DEFAULT_BATCH_SIZE,
    ORGANIZATION_FIELDS,
    ImportResult,
    RecordImport,
    stored_value,
)
from coact.models import Organization
from scrapers.base import Item, ScrapeOptions, Scraper, ScraperConfigError, get_scraper
from scrapers.http import HttpClient, user_agent
from scrapers.records import OrganizationRecord

CACHE_FOLDER = "import-cache"


def http_client(*, use_cache: bool = True) -> HttpClient:
    """The polite HTTP client: our User-Agent with the service's public URL as contact."""
    settings = current_app.config["COACT"]
    cache_dir = Path(current_app.instance_path) / CACHE_FOLDER if use_cache else None
    return HttpClient(
        user_agent=user_agent(settings.public_url.rstrip("/") + "/"),
        cache_dir=cache_dir,
    )


def build_scraper(name: str, options: ScrapeOptions, http: HttpClient | None = None) -> Scraper:
    """The scraper of source ``name``; :class:`ScraperConfigError` says what is missing."""
    return get_scraper(name)(options, http)


def organization_as_record(public_id: str, *, source: str, source_id: str) -> OrganizationRecord:
    """An organisation already in Co-Act, as a record carrying its current values.

    Used to attach a source's activities (Lähellä.fi) to it: the upsert finds
    it by public id and, since every field equals what is stored, leaves the
    organisation itself as it is.
    """
    org = db.session.scalar(db.select(Organization).filter_by(public_id=public_id))
    if org is None:
        raise ScraperConfigError(f"No organisation with the id {public_id!r} in Co-Act.")
    values: dict[str, Any] = {name: stored_value(org, name) for name in ORGANIZATION_FIELDS}
    return OrganizationRecord(
        source=source,
        source_id=source_id,
        public_id=org.public_id,
        source_url=org.source_url,
        source_modified_at=org.source_modified_at,
        **values,
    )


def run_source(
    scraper: Scraper,
    *,
    dry_run: bool = False,
    force_vanish: bool = False,
    commit: bool = True,
    user=None,
    on_batch: Callable[[list[Item]], None] | None = None,
    batches: Iterable[list[Item]] | None = None,
) -> ImportResult:
    """Fetch, parse and upsert everything ``scraper`` yields; return the run's report.

    ``commit``: commit after every batch (the CLI). A request passes False and
    commits once at its end. ``batches`` lets a caller that already parsed the
    listing (the CSV upload page) feed them instead of fetching again.
    """
    job = RecordImport(
        source=scraper.name,
        lang=scraper.text_languages(),
        dry_run=dry_run,
        full_source=lambda: scraper.complete,
        force_vanish=force_vanish,
        commit_batch=db.session.commit if commit else None,
        user=user,
    )
    try:
        for batch in batches if batches is not None else scraper.batches():
            for start in range(0, max(len(batch), 1), DEFAULT_BATCH_SIZE):
                job.add_batch(batch[start : start + DEFAULT_BATCH_SIZE])
            if on_batch is not None:
                on_batch(batch)
        job.scope = scraper.scope()
        return job.finish()
    except BaseException as exc:
        job.fail(exc)
        raise
