"""HTTP done politely, in one place for every source.

One ``requests`` session that names the service and a contact URL in its
User-Agent, timeouts on every call, retries with exponential backoff on 429
and 5xx that honour ``Retry-After``, a minimum interval between requests to
the same host (longer if robots.txt asks with ``Crawl-delay``), robots.txt
obeyed (fetched through the same session), and conditional requests
(``If-None-Match`` / ``If-Modified-Since``) against an on-disk cache so that an
unchanged listing costs a 304 instead of a download.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import requests

#: The product token robots.txt rules can name (``User-agent: Co-Act-importer``).
PRODUCT = "Co-Act-importer"
DEFAULT_TIMEOUT = (10.0, 60.0)
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
#: Request headers that change the answer, so they are part of the cache key (hashed).
_VARYING_HEADERS = ("authorization", "cookie", "x-api-key", "accept-language", "accept")


class FetchError(Exception):
    """A URL could not be fetched (after retries), or the source refused it."""

    def __init__(self, url: str, message: str, status: int | None = None) -> None:
        super().__init__(f"{message} ({url})")
        self.url = url
        self.message = message
        self.status = status


class RobotsDisallowed(FetchError):
    """robots.txt of the host does not allow us to fetch this URL."""


class PayloadError(FetchError):
    """The body is not what the source documents (HTML instead of JSON, broken JSON …)."""


def user_agent(contact_url: str) -> str:
    """``Co-Act-importer/0.1.0 (+https://…; NGO directory for integration work)``."""
    try:
        version = metadata.version("coact")
    except metadata.PackageNotFoundError:
        version = "dev"
    return f"{PRODUCT}/{version} (+{contact_url}; NGO directory for integration work)"


@dataclass
class Fetched:
    """A successful response (or the cached body a 304 confirmed)."""

    url: str
    status: int
    headers: Mapping[str, str]
    content: bytes
    from_cache: bool = False

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "") or ""

    @property
    def text(self) -> str:
        return self.content.decode("utf-8-sig", errors="replace")

    def json(self) -> Any:
        """The decoded JSON body, or a :class:`PayloadError` that says what came instead."""
        text = self.text
        stripped = text.lstrip()
        if not stripped:
            raise PayloadError(self.url, "the response body is empty, expected JSON", self.status)
        if "html" in self.content_type.lower() or stripped.startswith("<"):
            raise PayloadError(
                self.url,
                "expected JSON but the server sent HTML "
                f"({self.content_type or 'no content type'}; starts with {stripped[:40]!r})",
                self.status,
            )
        try:
            return json.loads(text)
        except ValueError as exc:
            detail = getattr(exc, "msg", str(exc))
            where = ""
            if hasattr(exc, "lineno"):
                where = f" at line {exc.lineno} column {exc.colno}"
            raise PayloadError(
                self.url, f"the response is not valid JSON ({detail}{where})", self.status
            ) from exc


@dataclass
class _HostState:
    last_request: float | None = None
    interval: float = 0.0
    robots: RobotFileParser | None = None
    robots_error: str | None = None


@dataclass
class HttpClient:
    """The shared HTTP rules. ``clock`` and ``sleep`` are injectable so tests need no waiting."""

    user_agent: str
    cache_dir: Path | None = None
    timeout: tuple[float, float] = DEFAULT_TIMEOUT
    #: Seconds between two requests to the same host.
    min_interval: float = 1.0
    max_retries: int = 4
    #: First backoff in seconds; doubles on each retry.
    backoff: float = 2.0
    #: Never wait longer than this for one retry; a longer Retry-After gives up.
    max_wait: float = 300.0
    respect_robots: bool = True
    headers: dict[str, str] = field(default_factory=dict)
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    session: requests.Session = field(default_factory=requests.Session)
    #: Counters for summaries and tests.
    stats: dict[str, int] = field(
        default_factory=lambda: {"requests": 0, "not_modified": 0, "retries": 0}
    )

    def __post_init__(self) -> None:
        self.session.headers["User-Agent"] = self.user_agent
        self.session.headers["Accept"] = "application/json"
        self.session.headers.update(self.headers)
        self._hosts: dict[str, _HostState] = {}
        if self.cache_dir is not None:
            self.cache_dir = Path(self.cache_dir)
            self.cache_dir.mkdir(parents=True, exist_ok=True)

    # --- public --------------------------------------------------------------

    def get(
        self,
        url: str,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Fetched:
        """GET ``url``: robots, rate limit, retries and the conditional cache applied."""
        full_url = requests.Request("GET", url, params=params).prepare().url or url
        self._check_robots(full_url)
        request_headers = dict(headers or {})
        key = self._cache_key(full_url, request_headers)
        cached = self._cache_read(key)
        if cached is not None:
            meta, _body = cached
            if meta.get("etag"):
                request_headers["If-None-Match"] = meta["etag"]
            if meta.get("last_modified"):
                request_headers["If-Modified-Since"] = meta["last_modified"]
        response = self._send(full_url, request_headers)
        if response.status_code == 304 and cached is not None:
            self.stats["not_modified"] += 1
            meta, body = cached
            return Fetched(full_url, 200, meta.get("headers", {}), body, from_cache=True)
        if not 200 <= response.status_code < 300:
            raise FetchError(full_url, _describe_failure(response), response.status_code)
        fetched = Fetched(
            response.url or full_url,
            response.status_code,
            dict(response.headers),
            response.content,
        )
        self._cache_write(key, fetched)
        return fetched

    def get_json(
        self,
        url: str,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> tuple[Any, Fetched]:
        fetched = self.get(url, params=params, headers=headers)
        return fetched.json(), fetched

    def close(self) -> None:
        self.session.close()

    # --- politeness ----------------------------------------------------------

    def _host(self, url: str) -> tuple[str, _HostState]:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._hosts:
            self._hosts[origin] = _HostState(interval=self.min_interval)
        return origin, self._hosts[origin]

    def _wait_turn(self, url: str) -> None:
        _origin, state = self._host(url)
        if state.last_request is not None:
            ready_at = state.last_request + state.interval
            now = self.clock()
            if now < ready_at:
                self.sleep(ready_at - now)
        state.last_request = self.clock()

    def _check_robots(self, url: str) -> None:
        if not self.respect_robots:
            return
        origin, state = self._host(url)
        if state.robots is None and state.robots_error is None:
            self._load_robots(origin, state)
        if state.robots_error is not None:
            raise RobotsDisallowed(url, state.robots_error)
        assert state.robots is not None
        if not state.robots.can_fetch(self.user_agent, url):
            raise RobotsDisallowed(url, f"robots.txt of {origin} does not allow {PRODUCT}")

    def _load_robots(self, origin: str, state: _HostState) -> None:
        """RFC 9309: a 4xx robots.txt allows everything; an unreachable one allows nothing."""
        robots_url = f"{origin}/robots.txt"
        parser = RobotFileParser(robots_url)
        try:
            response = self._send(robots_url, {}, accept="text/plain")
        except FetchError as exc:
            state.robots_error = f"robots.txt of {origin} could not be read: {exc.message}"
            return
        if 200 <= response.status_code < 300:
            parser.parse(response.content.decode("utf-8", errors="replace").splitlines())
            delay = parser.crawl_delay(self.user_agent)
            if delay:
                state.interval = max(state.interval, float(delay))
        elif 400 <= response.status_code < 500:
            parser.parse([])
        else:
            state.robots_error = (
                f"robots.txt of {origin} answered HTTP {response.status_code}; not fetching"
            )
            return
        state.robots = parser

    def _send(
        self, url: str, headers: Mapping[str, str], accept: str | None = None
    ) -> requests.Response:
        """One GET with retries; returns the last response that is not worth retrying."""
        request_headers = dict(headers)
        if accept:
            request_headers["Accept"] = accept
        last_problem = ""
        status: int | None = None
        for attempt in range(self.max_retries + 1):
            self._wait_turn(url)
            self.stats["requests"] += 1
            try:
                response = self.session.get(
                    url, headers=request_headers, timeout=self.timeout, allow_redirects=True
                )
            except (requests.ConnectionError, requests.Timeout) as exc:
                last_problem = f"network error: {type(exc).__name__}"
                wait = self.backoff * (2**attempt)
            else:
                if response.status_code not in RETRY_STATUSES:
                    return response
                status = response.status_code
                last_problem = f"HTTP {response.status_code}"
                asked = _retry_after_seconds(response.headers.get("Retry-After"))
                if asked is not None and asked > self.max_wait:
                    raise FetchError(
                        url,
                        f"HTTP {response.status_code}: the server asked to wait "
                        f"{asked:.0f} s, longer than the {self.max_wait:.0f} s we wait",
                        response.status_code,
                    )
                wait = asked if asked is not None else self.backoff * (2**attempt)
            if attempt == self.max_retries:
                break
            self.stats["retries"] += 1
            self.sleep(min(wait, self.max_wait))
        raise FetchError(
            url, f"gave up after {self.max_retries + 1} attempts ({last_problem})", status
        )

    # --- conditional cache ---------------------------------------------------

    def _cache_key(self, url: str, headers: Mapping[str, str]) -> str:
        varying = {k.lower(): v for k, v in {**self.session.headers, **headers}.items()}
        material = (
            url
            + "\n"
            + "\n".join(f"{name}:{varying[name]}" for name in _VARYING_HEADERS if name in varying)
        )
        return hashlib.sha256(material.encode("utf-8")).hexdigest()

    def _cache_read(self, key: str) -> tuple[dict, bytes] | None:
        if self.cache_dir is None:
            return None
        meta_path = self.cache_dir / f"{key}.json"
        body_path = self.cache_dir / f"{key}.body"
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            return meta, body_path.read_bytes()
        except (OSError, ValueError):
            return None

    def _cache_write(self, key: str, fetched: Fetched) -> None:
        if self.cache_dir is None:
            return
        etag = fetched.headers.get("ETag")
        last_modified = fetched.headers.get("Last-Modified")
        if not etag and not last_modified:
            return
        meta = {
            "url": fetched.url,
            "etag": etag,
            "last_modified": last_modified,
            "stored_at": datetime.now(UTC).isoformat(),
            "headers": {"Content-Type": fetched.content_type},
        }
        for suffix, data in ((".body", fetched.content), (".json", json.dumps(meta).encode())):
            target = self.cache_dir / f"{key}{suffix}"
            tmp = target.with_suffix(suffix + ".tmp")
            tmp.write_bytes(data)
            tmp.replace(target)


def _retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as seconds: a number, or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _describe_failure(response: requests.Response) -> str:
    reason = f"HTTP {response.status_code}"
    if response.reason:
        reason += f" {response.reason}"
    snippet = " ".join(response.text[:300].split()) if response.content else ""
    if snippet and "<" not in snippet[:1]:
        reason += f": {snippet}"
    return reason
