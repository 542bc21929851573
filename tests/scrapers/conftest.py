"""Recorded responses (tests/fixtures/<source>/) and an HTTP client that never waits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scrapers.http import HttpClient

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CONTACT = "https://coact.example.org/"
USER_AGENT = f"Co-Act-importer/test (+{CONTACT}; NGO directory for integration work)"


def fixture_path(source: str, name: str) -> Path:
    return FIXTURES / source / name


def fixture_json(source: str, name: str):
    return json.loads(fixture_path(source, name).read_text(encoding="utf-8"))


def fixture_bytes(source: str, name: str) -> bytes:
    return fixture_path(source, name).read_bytes()


class FakeClock:
    """A monotonic clock that only moves when the client sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def make_client(clock: FakeClock, cache_dir: Path | None = None, **kw) -> HttpClient:
    return HttpClient(
        user_agent=USER_AGENT, cache_dir=cache_dir, clock=clock, sleep=clock.sleep, **kw
    )


@pytest.fixture
def http(clock, tmp_path) -> HttpClient:
    client = make_client(clock, tmp_path / "cache")
    yield client
    client.close()


def allow_robots(requests_mock, *origins: str) -> None:
    """The hosts have no robots.txt (404), which allows everything (RFC 9309)."""
    for origin in origins:
        requests_mock.get(f"{origin}/robots.txt", status_code=404)
