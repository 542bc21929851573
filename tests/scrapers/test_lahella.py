"""Lähellä.fi activities of one NGO, from the management API's recorded shape
(jkseppan/lahella-cli) or a saved copy of it."""

from __future__ import annotations

import json

import pytest

from scrapers.base import ScrapeOptions, ScraperConfigError
from scrapers.fields import RecordWarning
from scrapers.lahella import BASE_URL, LahellaScraper
from scrapers.records import AreaRecord, OrganizationRecord, RecordError
from tests.scrapers.conftest import allow_robots, fixture_json, fixture_path

GROUP = "ryhma-olohuone"
COOKIE = "AUTH_TOKEN_abc=secret-token; REFRESH_TOKEN_abc=refresh"
TARGET = OrganizationRecord(
    source="lahella",
    source_id=GROUP,
    name={"fi": "Tampereen Monikielinen Olohuone ry"},
    public_id="0b0f6a52-8c47-4f1e-9a43-6f0d1c2b3a4e",
    website="https://olohuone.example.org",
)


def options(**kw) -> ScrapeOptions:
    values = {"organizations": (GROUP,), "token": COOKIE, "extra": {"organization": TARGET}}
    values.update(kw)
    return ScrapeOptions(**values)


def mock_pages(requests_mock, page2=None):
    allow_robots(requests_mock, BASE_URL)
    url = f"{BASE_URL}/v1/activities"
    requests_mock.get(f"{url}?skip=0", json=fixture_json("lahella", "activities_page1.json"))
    requests_mock.get(
        f"{url}?skip=100", json=page2 or fixture_json("lahella", "activities_page2.json")
    )


def scrape(http, **kw):
    scraper = LahellaScraper(options(**kw), http)
    return scraper, list(scraper.records())


def the_record(items) -> OrganizationRecord:
    (record,) = [i for i in items if isinstance(i, OrganizationRecord)]
    return record


def test_pages_are_read_with_the_ngos_cookies_until_has_more_is_false(requests_mock, http):
    mock_pages(requests_mock)
    scraper, items = scrape(http)
    record = the_record(items)
    assert scraper.complete
    assert [s.source_id for s in record.services] == ["1001", "1002", "1003"]
    calls = [r for r in requests_mock.request_history if r.path == "/v1/activities"]
    assert [c.qs["skip"] for c in calls] == [["0"], ["100"]]
    assert calls[0].qs["groups[0]"] == [GROUP]
    assert calls[0].qs["limit"] == ["100"]
    assert all(c.headers["Cookie"] == COOKIE for c in calls)


def test_activities_are_added_to_the_organisation_already_in_co_act(requests_mock, http):
    mock_pages(requests_mock)
    _, items = scrape(http)
    record = the_record(items)
    assert record.public_id == TARGET.public_id
    assert record.name == TARGET.name and record.website == TARGET.website
    assert TARGET.services == []


def test_a_hobby_activity_is_mapped(requests_mock, http):
    mock_pages(requests_mock)
    _, items = scrape(http)
    cafe = the_record(items).services[0]
    assert cafe.name == {"fi": "Kielikahvila", "en": "Language café", "sv": "Språkcafé"}
    assert (
        cafe.description["fi"]
        == "Kielikahvila: tervetuloa mukaan!\n\n- maksuton\n- ei ilmoittautumista"
    )
    assert cafe.description["en"] == "Language café: welcome & join us!"
    assert cafe.description["sv"] == "Språkcafé"
    assert cafe.languages == ["fi", "en", "ar", "kmr"]
    assert cafe.themes == ["meeting_place"]
    assert cafe.target_groups == []
    assert (cafe.minimum_age, cafe.maximum_age) == (18, None)
    assert cafe.areas == [AreaRecord("municipality", "837"), AreaRecord("municipality", "536")]
    assert cafe.schedule_rules == [
        {"freq": "WEEKLY", "byday": "WE", "opens_at": "17:00", "closes_at": "19:00"}
    ]
    assert cafe.schedule == {
        "fi": "Keskiviikkoisin klo 17–19 Olohuoneessa",
        "en": "Wednesdays 5–7 pm",
    }
    assert cafe.email == "kahvila@olohuone.example.org"
    assert cafe.url == "https://olohuone.example.org/kielikahvila"
    assert cafe.status == "active"
    assert cafe.source_url == f"{BASE_URL}/v1/activities/1001"


def test_groups_regions_and_gender_become_target_groups_counties_and_themes(requests_mock, http):
    mock_pages(requests_mock)
    _, items = scrape(http)
    group, online = the_record(items).services[1:]
    assert group.themes == ["sports_leisure", "mental_health", "peer_support", "women_groups"]
    assert group.target_groups == ["women", "youth"]
    assert (group.minimum_age, group.maximum_age) == (18, 29)
    assert group.areas == [AreaRecord("county", "08")]
    assert group.languages == ["fi", "so"]  # Finnish sign language has no code here

    assert online.areas == [AreaRecord("nationwide", "FI")]
    assert online.online
    assert online.target_groups == ["youth"]
    assert online.languages == ["fi", "uk", "ru"]
    assert online.email == "tuki@olohuone.example.org"
    assert online.url == "https://olohuone.example.org/ilmoittaudu"
    assert online.status == "active"  # no status, but inside its visibility window


def test_drafts_and_expired_listings_are_inactive(requests_mock, http):
    page2 = fixture_json("lahella", "activities_page2.json")
    page2["items"][0]["tags"]["visibility"]["end"] = 1_600_000_000_000
    page1_draft = fixture_json("lahella", "activities_page1.json")
    page1_draft["items"][0]["status"] = "draft"
    allow_robots(requests_mock, BASE_URL)
    requests_mock.get(f"{BASE_URL}/v1/activities?skip=0", json=page1_draft)
    requests_mock.get(f"{BASE_URL}/v1/activities?skip=100", json=page2)
    _, items = scrape(http)
    assert [s.status for s in the_record(items).services] == ["inactive", "active", "inactive"]


def test_unknown_codes_are_reported_and_ignored(requests_mock, http):
    page2 = fixture_json("lahella", "activities_page2.json")
    traits = page2["items"][0]["traits"]
    traits["theme"] = ["ht_tuntematon"]
    traits["region"] = ["city/FI/Atlantis"]
    traits["locale"] = ["fi-FI", "xx-XX"]
    mock_pages(requests_mock, page2=page2)
    scraper, items = scrape(http)
    warnings = {(w.record, w.field) for w in items if isinstance(w, RecordWarning)}
    assert warnings == {
        ("1003", "traits.theme[0]"),
        ("1003", "traits.region[0]"),
        ("1003", "traits.locale[1]"),
    }
    service = the_record(items).services[2]
    assert service.areas == [] and service.languages == ["fi"]
    assert scraper.complete


def test_an_activity_without_a_name_is_an_error(requests_mock, http):
    page2 = fixture_json("lahella", "activities_page2.json")
    page2["items"][0]["traits"]["translations"] = {"fi": {"name": ""}}
    mock_pages(requests_mock, page2=page2)
    scraper, items = scrape(http)
    errors = [i for i in items if type(i) is RecordError]
    assert [(e.record, e.field) for e in errors] == [("1003", "traits.translations.fi.name")]
    assert len(the_record(items).services) == 2
    assert not scraper.complete


def test_an_expired_login_says_so(requests_mock, http):
    allow_robots(requests_mock, BASE_URL)
    requests_mock.get(f"{BASE_URL}/v1/activities", status_code=401)
    scraper, items = scrape(http)
    (error,) = items
    assert error.record == GROUP and "login has expired" in error.message
    assert not scraper.complete


def test_html_instead_of_json_is_an_error(requests_mock, http):
    allow_robots(requests_mock, BASE_URL)
    requests_mock.get(
        f"{BASE_URL}/v1/activities",
        text="<!doctype html><title>Kirjaudu</title>",
        headers={"Content-Type": "text/html"},
    )
    _, items = scrape(http)
    assert "HTML" in items[0].message


def test_a_saved_copy_of_the_listing_needs_no_login(tmp_path):
    saved = tmp_path / "activities.json"
    first = fixture_json("lahella", "activities_page1.json")
    saved.write_text(json.dumps(first["items"]), encoding="utf-8")
    scraper = LahellaScraper(options(token=None, file=saved))
    record = the_record(list(scraper.records()))
    assert [s.source_id for s in record.services] == ["1001", "1002"]


def test_a_broken_saved_copy_is_an_error(tmp_path):
    saved = tmp_path / "activities.json"
    saved.write_text("{not json", encoding="utf-8")
    items = list(LahellaScraper(options(token=None, file=saved)).records())
    assert "cannot read the JSON" in items[0].message


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"organizations": ()}, "exactly one --organization"),
        ({"token": None}, "no public API"),
        ({"extra": {}}, "already in Co-Act"),
    ],
)
def test_options_are_checked(kw, message):
    with pytest.raises(ScraperConfigError, match=message):
        LahellaScraper(options(**kw))


def test_the_fixture_file_is_the_documented_envelope():
    page = json.loads(fixture_path("lahella", "activities_page1.json").read_text("utf-8"))
    assert set(page) == {"items", "total", "hasMore"}
