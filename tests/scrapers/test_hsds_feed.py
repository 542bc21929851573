"""An HSDS 3.0 feed read page by page (the HSDS OpenAPI ``Page`` envelope)."""

from __future__ import annotations

import pytest

from scrapers.base import ScrapeOptions, ScraperConfigError
from scrapers.hsds_feed import HsdsFeedScraper
from scrapers.records import OrganizationRecord, RecordError
from tests.scrapers.conftest import allow_robots, fixture_json

FEED = "https://hsds.example.org/api"


def scrape(http, url=FEED, lang="fi"):
    scraper = HsdsFeedScraper(ScrapeOptions(url=url, lang=lang), http)
    return scraper, list(scraper.records())


def test_every_page_of_the_feed_is_read(requests_mock, http):
    allow_robots(requests_mock, "https://hsds.example.org")
    requests_mock.get(
        f"{FEED}/organizations?page=1", json=fixture_json("hsds_feed", "organizations_page1.json")
    )
    requests_mock.get(
        f"{FEED}/organizations?page=2", json=fixture_json("hsds_feed", "organizations_page2.json")
    )
    scraper, items = scrape(http)
    names = [i.name["fi"] for i in items if isinstance(i, OrganizationRecord)]
    assert names == [
        "Esimerkkilän Monikulttuurinen Naisyhdistys ry",
        "Esimerkkilän Nuorisoyhdistys ry",
    ]
    assert all(i.source == "hsds-feed" for i in items)
    first = requests_mock.request_history[1]
    assert first.qs["full"] == ["true"] and first.qs["full_service"] == ["true"]
    assert first.qs["per_page"] == ["100"]
    assert scraper.complete
    assert scraper.text_languages() == "fi"


def test_a_page_that_is_not_an_hsds_page_stops_with_an_error(requests_mock, http):
    allow_robots(requests_mock, "https://hsds.example.org")
    requests_mock.get(
        f"{FEED}/organizations?page=1", json=fixture_json("hsds_feed", "organizations_page1.json")
    )
    requests_mock.get(f"{FEED}/organizations?page=2", json={"results": []})
    scraper, items = scrape(http)
    assert isinstance(items[-1], RecordError)
    assert items[-1].record == "(page 2)" and items[-1].field == "contents"
    assert not scraper.complete


def test_html_instead_of_json_is_an_error_for_that_page(requests_mock, http):
    allow_robots(requests_mock, "https://hsds.example.org")
    requests_mock.get(
        f"{FEED}/organizations?page=1",
        text="<!DOCTYPE html><p>Login</p>",
        headers={"Content-Type": "text/html; charset=utf-8"},
    )
    scraper, items = scrape(http)
    (error,) = items
    assert error.record == "(page 1)" and "HTML" in error.message
    assert not scraper.complete


def test_schema_errors_name_the_record_and_the_field(requests_mock, http):
    allow_robots(requests_mock, "https://hsds.example.org")
    page = fixture_json("hsds_feed", "organizations_page1.json")
    page["last_page"] = True
    page["contents"][0]["services"][0]["status"] = "maybe"
    requests_mock.get(f"{FEED}/organizations?page=1", json=page)
    scraper, items = scrape(http)
    (error,) = items
    assert error.record == page["contents"][0]["id"]
    assert "status" in error.field
    assert not scraper.complete


def test_one_json_document_is_read_once(requests_mock, http):
    allow_robots(requests_mock, "https://hsds.example.org")
    document = fixture_json("hsds_feed", "organizations_page2.json")["contents"]
    requests_mock.get("https://hsds.example.org/directory.fi.json", json=document)
    _, items = scrape(http, url="https://hsds.example.org/directory.fi.json")
    assert [i.name["fi"] for i in items] == ["Esimerkkilän Nuorisoyhdistys ry"]


@pytest.mark.parametrize(
    ("kw", "message"),
    [({"url": None, "lang": "fi"}, "needs --url"), ({"url": FEED, "lang": None}, "--lang")],
)
def test_options_are_checked(kw, message):
    with pytest.raises(ScraperConfigError, match=message):
        HsdsFeedScraper(ScrapeOptions(**kw))
