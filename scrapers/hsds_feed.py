"""An HSDS 3.0 feed over HTTP: the same JSON as an HSDS file, page by page.

``--url`` is either the base of an HSDS API (``…/organizations`` is read with
``full=true&full_service=true&page=N&per_page=…`` until ``last_page``, the
``Page`` envelope of the HSDS OpenAPI), or the address of one JSON document
(ending in ``.json``). Each page is parsed by :mod:`scrapers.hsds`, so a feed
and a file in Co-Act's profile give the same records.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from coact.reference import normalise_language_code
from scrapers import hsds
from scrapers.base import Page, Scraper, ScraperConfigError, register
from scrapers.http import FetchError
from scrapers.records import OrganizationRecord, RecordError

PER_PAGE = 100
MAX_PAGES = 1000


@register
class HsdsFeedScraper(Scraper):
    name = "hsds-feed"

    def configure(self) -> None:
        opts = self.options
        if not opts.url or urlsplit(opts.url).scheme not in ("http", "https"):
            raise ScraperConfigError("An HSDS feed needs --url with an http(s) address.")
        if not opts.lang or normalise_language_code(opts.lang) != opts.lang:
            raise ScraperConfigError(
                "HSDS has one text per field: say the language of the feed with --lang (fi, sv …)."
            )

    @property
    def lang(self) -> str:
        return self.options.lang or ""

    def text_languages(self) -> str | None:
        return self.lang

    def _pages_url(self) -> str | None:
        url = (self.options.url or "").rstrip("/")
        if urlsplit(url).path.endswith(".json"):
            return None
        return url if url.endswith("/organizations") else url + "/organizations"

    def fetch(self) -> Iterator[Page]:
        http = self.require_http()
        listing = self._pages_url()
        if listing is None:
            try:
                data, fetched = http.get_json(self.options.url or "")
            except FetchError as exc:
                yield Page(exc.url, error=RecordError("(feed)", "", exc.message))
                return
            yield Page(fetched.url, data, from_cache=fetched.from_cache)
            return
        for number in range(1, MAX_PAGES + 1):
            params = {"full": "true", "full_service": "true", "page": number, "per_page": PER_PAGE}
            try:
                data, fetched = http.get_json(listing, params=params)
            except FetchError as exc:
                yield Page(exc.url, error=RecordError(f"(page {number})", "", exc.message))
                return
            if not isinstance(data, dict) or not isinstance(data.get("contents"), list):
                yield Page(
                    fetched.url,
                    error=RecordError(
                        f"(page {number})", "contents", "expected an HSDS page object with contents"
                    ),
                )
                return
            yield Page(fetched.url, data, from_cache=fetched.from_cache)
            total = data.get("total_pages")
            if data.get("last_page") or data.get("empty") or not data["contents"]:
                return
            if isinstance(total, int) and number >= total:
                return

    def parse(self, page: Page) -> Iterator[OrganizationRecord | RecordError]:
        records, errors = hsds.parse_document(page.data, lang=self.lang, source=self.name)
        yield from errors
        yield from records
