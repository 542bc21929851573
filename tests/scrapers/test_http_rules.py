"""The shared HTTP rules: who we say we are, robots.txt, retries, rate limit, cache."""

from __future__ import annotations

import pytest
import requests

from scrapers.http import FetchError, PayloadError, RobotsDisallowed, user_agent
from tests.scrapers.conftest import USER_AGENT, allow_robots, fixture_bytes, make_client

SITE = "https://api.example.org"


def test_user_agent_names_the_service_and_a_contact_url():
    agent = user_agent("https://coact.example.org/")
    assert agent.startswith("Co-Act-importer/")
    assert "(+https://coact.example.org/;" in agent


def test_every_request_identifies_itself_and_has_a_timeout(requests_mock, http):
    allow_robots(requests_mock, SITE)
    requests_mock.get(f"{SITE}/items", json={"ok": True})
    data, _ = http.get_json(f"{SITE}/items")
    assert data == {"ok": True}
    for request in requests_mock.request_history:
        assert request.headers["User-Agent"] == USER_AGENT
        assert request.timeout == (10.0, 60.0)
    assert requests_mock.request_history[-1].headers["Accept"] == "application/json"


def test_robots_txt_disallow_is_obeyed_without_fetching_the_page(requests_mock, http):
    requests_mock.get(f"{SITE}/robots.txt", text="User-agent: *\nDisallow: /private\n")
    private = requests_mock.get(f"{SITE}/private/list", json={})
    requests_mock.get(f"{SITE}/public/list", json={"fine": 1})
    with pytest.raises(RobotsDisallowed, match="does not allow Co-Act-importer"):
        http.get(f"{SITE}/private/list")
    assert not private.called
    assert http.get_json(f"{SITE}/public/list")[0] == {"fine": 1}


def test_robots_txt_rules_for_our_product_token_apply(requests_mock, http):
    requests_mock.get(
        f"{SITE}/robots.txt",
        text="User-agent: Co-Act-importer\nDisallow: /\n\nUser-agent: *\nAllow: /\n",
    )
    with pytest.raises(RobotsDisallowed):
        http.get(f"{SITE}/anything")


def test_robots_txt_is_read_once_per_host(requests_mock, http):
    robots = requests_mock.get(f"{SITE}/robots.txt", status_code=404)
    requests_mock.get(f"{SITE}/a", json=1)
    requests_mock.get(f"{SITE}/b", json=2)
    http.get(f"{SITE}/a")
    http.get(f"{SITE}/b")
    assert robots.call_count == 1


def test_unreachable_robots_txt_means_nothing_is_fetched(requests_mock, clock):
    http = make_client(clock, max_retries=1)
    requests_mock.get(f"{SITE}/robots.txt", status_code=503)
    page = requests_mock.get(f"{SITE}/a", json=1)
    with pytest.raises(RobotsDisallowed, match="robots.txt"):
        http.get(f"{SITE}/a")
    assert not page.called


def test_429_waits_as_long_as_retry_after_says(requests_mock, http, clock):
    allow_robots(requests_mock, SITE)
    requests_mock.get(
        f"{SITE}/list",
        [
            {"status_code": 429, "headers": {"Retry-After": "7"}},
            {"json": {"page": 1}},
        ],
    )
    assert http.get_json(f"{SITE}/list")[0] == {"page": 1}
    assert 7 in clock.sleeps
    assert http.stats["retries"] == 1


def test_500_is_retried_with_backoff_then_succeeds(requests_mock, http, clock):
    allow_robots(requests_mock, SITE)
    requests_mock.get(
        f"{SITE}/list",
        [{"status_code": 500}, {"status_code": 502}, {"json": {"page": 1}}],
    )
    assert http.get_json(f"{SITE}/list")[0] == {"page": 1}
    backoffs = [s for s in clock.sleeps if s >= 2]
    assert backoffs == [2.0, 4.0]


def test_network_errors_are_retried(requests_mock, http):
    allow_robots(requests_mock, SITE)
    requests_mock.get(
        f"{SITE}/list", [{"exc": requests.exceptions.ConnectTimeout}, {"json": [1, 2]}]
    )
    assert http.get_json(f"{SITE}/list")[0] == [1, 2]


def test_persistent_500_gives_up_with_a_clear_error(requests_mock, clock):
    http = make_client(clock, max_retries=2)
    allow_robots(requests_mock, SITE)
    page = requests_mock.get(f"{SITE}/list", status_code=500)
    with pytest.raises(FetchError, match=r"gave up after 3 attempts \(HTTP 500\)") as caught:
        http.get(f"{SITE}/list")
    assert page.call_count == 3
    assert caught.value.status == 500


def test_a_retry_after_longer_than_we_wait_gives_up_at_once(requests_mock, http, clock):
    allow_robots(requests_mock, SITE)
    page = requests_mock.get(f"{SITE}/list", status_code=503, headers={"Retry-After": "3600"})
    with pytest.raises(FetchError, match="asked to wait 3600 s"):
        http.get(f"{SITE}/list")
    assert page.call_count == 1


def test_client_errors_are_not_retried_and_keep_the_servers_explanation(requests_mock, http):
    allow_robots(requests_mock, SITE)
    page = requests_mock.get(
        f"{SITE}/bad", status_code=400, content=fixture_bytes("ptv", "bad_request.json")
    )
    with pytest.raises(FetchError, match="HTTP 400.*must match the regular expression"):
        http.get(f"{SITE}/bad")
    assert page.call_count == 1


def test_etag_makes_an_unchanged_page_a_cheap_304(requests_mock, http):
    allow_robots(requests_mock, SITE)
    requests_mock.get(
        f"{SITE}/list",
        [
            {"json": {"items": [1]}, "headers": {"ETag": '"v1"'}},
            {"status_code": 304, "headers": {"ETag": '"v1"'}},
        ],
    )
    first = http.get(f"{SITE}/list")
    second = http.get(f"{SITE}/list")
    assert not first.from_cache
    assert second.from_cache and second.json() == {"items": [1]}
    assert requests_mock.request_history[-1].headers["If-None-Match"] == '"v1"'
    assert http.stats["not_modified"] == 1


def test_last_modified_is_sent_back_as_if_modified_since(requests_mock, http):
    allow_robots(requests_mock, SITE)
    stamp = "Wed, 01 Oct 2025 10:00:00 GMT"
    requests_mock.get(
        f"{SITE}/list",
        [{"json": [1], "headers": {"Last-Modified": stamp}}, {"status_code": 304}],
    )
    http.get(f"{SITE}/list")
    assert http.get(f"{SITE}/list").json() == [1]
    assert requests_mock.request_history[-1].headers["If-Modified-Since"] == stamp


def test_the_cache_is_per_credential(requests_mock, http):
    allow_robots(requests_mock, SITE)
    requests_mock.get(f"{SITE}/mine", json={"who": "a"}, headers={"ETag": '"a"'})
    http.get(f"{SITE}/mine", headers={"Cookie": "AUTH_TOKEN_x=a"})
    http.get(f"{SITE}/mine", headers={"Cookie": "AUTH_TOKEN_x=b"})
    assert "If-None-Match" not in requests_mock.request_history[-1].headers


def test_requests_to_one_host_are_spaced_but_other_hosts_need_not_wait(requests_mock, clock):
    http = make_client(clock, min_interval=2.0)
    other = "https://other.example.org"
    allow_robots(requests_mock, SITE, other)
    requests_mock.get(f"{SITE}/a", json=1)
    requests_mock.get(f"{other}/a", json=1)
    http.get(f"{SITE}/a")
    assert clock.sleeps == [2.0]  # after robots.txt
    http.get(f"{other}/a")
    assert clock.sleeps == [2.0, 2.0]  # the other host: only after its robots.txt
    clock.now += 10
    http.get(f"{SITE}/a")
    assert clock.sleeps == [2.0, 2.0]


def test_crawl_delay_in_robots_txt_lengthens_the_interval(requests_mock, clock):
    http = make_client(clock, min_interval=1.0)
    requests_mock.get(f"{SITE}/robots.txt", text="User-agent: *\nCrawl-delay: 5\n")
    requests_mock.get(f"{SITE}/a", json=1)
    http.get(f"{SITE}/a")
    http.get(f"{SITE}/a")
    assert clock.sleeps == [5.0, 5.0]


@pytest.mark.parametrize(
    ("body", "content_type", "message"),
    [
        (
            fixture_bytes("ptv", "maintenance.html"),
            "text/html",
            "expected JSON but the server sent HTML",
        ),
        (fixture_bytes("ptv", "truncated.json"), "application/json", "not valid JSON"),
        (b"", "application/json", "empty"),
    ],
)
def test_malformed_bodies_say_what_came_instead(requests_mock, http, body, content_type, message):
    allow_robots(requests_mock, SITE)
    requests_mock.get(f"{SITE}/list", content=body, headers={"Content-Type": content_type})
    with pytest.raises(PayloadError, match=message):
        http.get_json(f"{SITE}/list")
