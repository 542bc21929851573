"""The one interface every source implements, and the registry that finds them.

A scraper fetches a source's listing page by page and turns each page into
normalised records (:mod:`scrapers.records`). It never touches the database:
``coact.imports`` writes what it yields. Adding a source means adding one
module in this package whose class is decorated with :func:`register`.
"""

from __future__ import annotations

import importlib
import pkgutil
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from scrapers.fields import RecordWarning
from scrapers.http import HttpClient
from scrapers.records import OrganizationRecord, RecordError


class ScraperConfigError(ValueError):
    """The options do not say what to fetch (e.g. PTV without an organisation or municipality)."""


@dataclass(frozen=True)
class ScrapeOptions:
    """What to fetch. Each source uses the options that make sense for it."""

    municipalities: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    url: str | None = None
    file: Path | None = None
    #: Language of the texts (single-language sources such as HSDS feeds).
    lang: str | None = None
    #: Stop after this many organisations (previews, tests).
    limit: int | None = None
    #: A credential the operator passes (Lähellä.fi management token); never stored.
    token: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Page:
    """One fetched unit of a listing: a decoded payload, or the error that stopped it."""

    url: str
    data: Any = None
    error: RecordError | None = None
    #: True when the server said 304 and the cached body was used.
    from_cache: bool = False


Item = OrganizationRecord | RecordError


class Scraper(ABC):
    """Fetch a listing, parse it into records.

    ``complete`` tells the importer, after the records are consumed, whether
    every page of the listing was read and every record in it understood
    (warnings aside). Only then may it flag records it did not see as vanished.
    """

    #: Registry key and the ``source`` of the records (``ptv``, ``lahella`` …).
    name: ClassVar[str]

    def __init__(self, options: ScrapeOptions, http: HttpClient | None = None) -> None:
        self.options = options
        self.http = http
        self.complete = True
        self.seen: list[str] = []
        self.configure()

    def configure(self) -> None:  # noqa: B027 (optional hook)
        """Check the options; raise :class:`ScraperConfigError` with a clear message."""

    @abstractmethod
    def fetch(self) -> Iterator[Page]:
        """Yield the listing page by page (a failed page carries its error)."""

    @abstractmethod
    def parse(self, page: Page) -> Iterator[Item]:
        """Turn one page into organisation records, or errors naming record and field."""

    def text_languages(self) -> str | None:
        """The language of the texts when a source has one per run (HSDS); None: all."""
        return None

    def scope(self) -> dict[str, Any]:
        """What the run covered, so that only activities of the organisations it read
        can be judged vanished (a run for one municipality says nothing of others)."""
        return {"organizations": list(self.seen)}

    def batches(self) -> Iterator[list[Item]]:
        """Fetch and parse, one list of items per fetched page; errors are items, never raised."""
        count = 0
        for page in self.fetch():
            if page.error is not None:
                self.complete = False
                yield [page.error]
                continue
            batch: list[Item] = []
            for item in self.parse(page):
                if isinstance(item, RecordError) and not isinstance(item, RecordWarning):
                    self.complete = False
                if isinstance(item, OrganizationRecord):
                    count += 1
                    if self.options.limit is not None and count > self.options.limit:
                        self.complete = False
                        yield batch
                        return
                    self.seen.append(item.source_id)
                batch.append(item)
            yield batch

    def records(self) -> Iterator[Item]:
        for batch in self.batches():
            yield from batch

    def require_http(self) -> HttpClient:
        if self.http is None:
            raise ScraperConfigError(f"The {self.name} importer needs an HTTP client.")
        return self.http


_REGISTRY: dict[str, type[Scraper]] = {}


def register(cls: type[Scraper]) -> type[Scraper]:
    """Class decorator: make a source available to ``flask --app coact import NAME``."""
    if cls.name in _REGISTRY and _REGISTRY[cls.name] is not cls:
        raise RuntimeError(f"Two scrapers are registered as {cls.name!r}.")
    _REGISTRY[cls.name] = cls
    return cls


def _load_sources() -> None:
    import scrapers

    for module in pkgutil.iter_modules(scrapers.__path__):
        if not module.name.startswith("_"):
            importlib.import_module(f"scrapers.{module.name}")


def available() -> dict[str, type[Scraper]]:
    """Every registered source by name, sorted."""
    _load_sources()
    return dict(sorted(_REGISTRY.items()))


def get_scraper(name: str) -> type[Scraper]:
    sources = available()
    if name not in sources:
        raise ScraperConfigError(f"Unknown source {name!r}; choose one of: {', '.join(sources)}.")
    return sources[name]
