"""PTV open API v11, read from recorded responses shaped as PTV documents them."""

from __future__ import annotations

import copy
from datetime import UTC, datetime

import pytest

from scrapers.base import ScrapeOptions, ScraperConfigError
from scrapers.fields import RecordWarning
from scrapers.ptv import BASE_URL, PtvScraper
from scrapers.records import AreaRecord, OrganizationRecord, RecordError
from tests.scrapers.conftest import allow_robots, fixture_bytes, fixture_json

API = BASE_URL.rstrip("/")
ORG = "6f1c2b9a-3d4e-4f50-8a61-7b8c9d0e1f21"
S1, S2, S3 = (f"a1b2c3d4-1111-4222-8333-94445556660{n}" for n in (1, 2, 3))


def mock_organization(requests_mock, page2=None, organization=None, **page2_kw):
    allow_robots(requests_mock, "https://api.palvelutietovaranto.suomi.fi")
    requests_mock.get(
        f"{API}/Organization/{ORG}", json=organization or fixture_json("ptv", "organization.json")
    )
    requests_mock.get(
        f"{API}/Service/list/organization?organizationId={ORG}&page=1",
        json=fixture_json("ptv", "services_page1.json"),
    )
    requests_mock.get(
        f"{API}/Service/list/organization?organizationId={ORG}&page=2",
        **(page2_kw or {"json": page2 or fixture_json("ptv", "services_page2.json")}),
    )
    requests_mock.get(
        f"{API}/ServiceChannel/list/organization?organizationId={ORG}&page=1",
        json=fixture_json("ptv", "channels.json"),
    )


def scrape(http, **options) -> tuple[PtvScraper, list]:
    scraper = PtvScraper(ScrapeOptions(**options), http)
    return scraper, list(scraper.records())


def only_record(items) -> OrganizationRecord:
    records = [i for i in items if isinstance(i, OrganizationRecord)]
    assert len(records) == 1, items
    return records[0]


def test_an_organisation_with_its_services_and_channels(requests_mock, http):
    mock_organization(requests_mock)
    scraper, items = scrape(http, organizations=(ORG,))
    org = only_record(items)
    assert scraper.complete
    assert org.source == "ptv" and org.source_id == ORG
    assert org.name == {
        "fi": "Tampereen Monikielinen Olohuone ry",
        "sv": "Tammerfors flerspråkiga vardagsrum rf",
        "en": "Tampere Multilingual Living Room",
    }
    assert org.alternate_names == ["Olohuone"]
    assert org.description["fi"].startswith("Yhdistys järjestää kielikahviloita")
    assert (
        org.description["en"] == "A shared living room for newcomers and locals in central Tampere."
    )
    assert org.business_id == "2345678-9"
    assert (org.street_address, org.postal_code, org.city) == ("Hämeenkatu 10", "33100", "Tampere")
    assert org.municipality_code == "837"
    assert org.email == "info@olohuone.example.org"
    assert org.phone == "+358 401234567"
    assert org.website == "https://olohuone.example.org"
    assert org.source_modified_at == datetime(2025, 9, 12, 8, 30, 15, 123456, tzinfo=UTC)
    assert [s.source_id for s in org.services] == [S1, S2, S3]


def test_services_map_texts_languages_areas_themes_and_hours(requests_mock, http):
    mock_organization(requests_mock)
    _, items = scrape(http, organizations=(ORG,))
    s1, s2, s3 = only_record(items).services
    assert s1.name["sv"] == "Diskussionsgrupp på finska"
    assert s1.description["fi"].endswith("vapaaehtoisia ohjaajia.")
    assert s1.description["en"] == "Practise Finnish in a relaxed group."
    assert s1.eligibility == {"fi": "Avoin kaikille maahan muuttaneille."}
    assert s1.languages == ["fi", "ar", "so"]
    assert s1.themes == ["finnish_language"]
    assert s1.target_groups == []
    assert s1.areas == [AreaRecord("municipality", "837"), AreaRecord("municipality", "536")]
    assert s1.schedule_rules == [
        {"freq": "WEEKLY", "byday": day, "opens_at": "10:00", "closes_at": "16:00"}
        for day in ("MO", "TU", "WE")
    ]
    assert s1.schedule == {"fi": "Avoinna arkisin", "en": "Open on weekdays"}
    assert s1.email == "olohuone@olohuone.example.org"
    assert s1.url == "https://olohuone.example.org/kerhot"
    assert not s1.online

    assert s2.themes == ["peer_support", "volunteering"]
    assert s2.target_groups == ["seniors"]
    assert s2.areas == [AreaRecord("municipality", "837"), AreaRecord("municipality", "980")]
    assert {"freq": "WEEKLY", "byday": "TU", "opens_at": "17:00", "closes_at": "19:00"} in (
        s2.schedule_rules
    )
    # A connection changed later than the service: PTV does not move "modified" for it.
    assert s2.source_modified_at == datetime(2025, 10, 2, 12, 0, tzinfo=UTC)

    assert s3.areas == [AreaRecord("nationwide", "FI")]
    assert s3.online
    assert s3.url == "https://chat.olohuone.example.org"
    assert s3.email == "chat@olohuone.example.org"
    assert s3.themes == ["everyday_guidance"]
    assert s3.source_url == f"{BASE_URL}Service/{S3}"


def test_the_second_page_of_services_is_read(requests_mock, http):
    mock_organization(requests_mock)
    scrape(http, organizations=(ORG,))
    pages = [r.qs.get("page") for r in requests_mock.request_history if "/Service/list/" in r.url]
    assert pages == [["1"], ["2"]]


def test_an_organisation_by_business_id(requests_mock, http):
    mock_organization(requests_mock)
    requests_mock.get(
        f"{API}/Organization/businesscode/2345678-9", json=fixture_json("ptv", "businesscode.json")
    )
    _, items = scrape(http, organizations=("2345678-9",))
    assert only_record(items).source_id == ORG


def test_a_municipality_gives_its_ngos_and_not_the_municipalitys_own_services(requests_mock, http):
    allow_robots(requests_mock, "https://api.palvelutietovaranto.suomi.fi")
    requests_mock.get(
        f"{API}/Service/list/area/Municipality/code/837?page=1",
        json=fixture_json("ptv", "municipality_837_services.json"),
    )
    orgs = requests_mock.get(
        f"{API}/Organization/list", json=fixture_json("ptv", "organizations_list.json")
    )
    channels = requests_mock.get(
        f"{API}/ServiceChannel/list", json=fixture_json("ptv", "channels_list.json")
    )
    scraper, items = scrape(http, municipalities=("Tampere",))
    org = only_record(items)
    assert org.name["fi"] == "Tampereen Monikielinen Olohuone ry"
    assert [s.source_id for s in org.services] == [S1, S2]
    assert orgs.last_request.qs["guids"][0].count(",") == 1
    assert channels.last_request.qs["guids"] == ["c0ffee00-aaaa-4bbb-8ccc-ddddeeee0001"]
    assert scraper.scope() == {"organizations": [ORG]}


@pytest.mark.parametrize(
    ("response", "message"),
    [
        (
            {
                "content": fixture_bytes("ptv", "maintenance.html"),
                "headers": {"Content-Type": "text/html"},
            },
            "expected JSON but the server sent HTML",
        ),
        (
            {
                "content": fixture_bytes("ptv", "truncated.json"),
                "headers": {"Content-Type": "application/json"},
            },
            "not valid JSON",
        ),
        ({"json": {"unexpected": []}}, "expected a PTV page object"),
        ({"status_code": 404, "json": {"errorMessage": "Not found"}}, "HTTP 404"),
    ],
)
def test_a_malformed_page_is_an_error_for_that_organisation(requests_mock, http, response, message):
    mock_organization(requests_mock, **response)
    scraper, items = scrape(http, organizations=(ORG,))
    assert not any(isinstance(i, OrganizationRecord) for i in items)
    (error,) = items
    assert isinstance(error, RecordError) and error.record == ORG
    assert message in error.message
    assert not scraper.complete


def test_one_broken_organisation_does_not_stop_the_next(requests_mock, http):
    mock_organization(requests_mock)
    other = "11111111-2222-4333-8444-555555555555"
    requests_mock.get(f"{API}/Organization/{other}", status_code=500)
    http.max_retries = 1
    scraper, items = scrape(http, organizations=(other, ORG))
    assert isinstance(items[0], RecordError) and items[0].record == other
    assert "gave up after 2 attempts (HTTP 500)" in items[0].message
    assert only_record(items).source_id == ORG
    assert not scraper.complete


def test_429_and_500_are_retried_and_the_import_goes_on(requests_mock, http, clock):
    mock_organization(
        requests_mock,
        response_list=[
            {"status_code": 429, "headers": {"Retry-After": "3"}},
            {"status_code": 500},
            {"json": fixture_json("ptv", "services_page2.json")},
        ],
    )
    scraper, items = scrape(http, organizations=(ORG,))
    assert len(only_record(items).services) == 3
    assert scraper.complete
    assert 3 in clock.sleeps


def test_unknown_codes_are_reported_and_the_rest_is_kept(requests_mock, http):
    page2 = fixture_json("ptv", "services_page2.json")
    service = page2["itemList"][0]
    service["languages"] = ["fi", "xx"]
    service["areaType"] = "LimitedType"
    service["areas"] = [{"type": "Municipality", "code": "999", "name": None, "municipalities": []}]
    mock_organization(requests_mock, page2=page2)
    scraper, items = scrape(http, organizations=(ORG,))
    warnings = [i for i in items if isinstance(i, RecordWarning)]
    assert {(w.record, w.field) for w in warnings} == {
        (S3, "languages[1]"),
        (S3, "areas[0].municipalities[0].code"),
    }
    assert "'xx'" in warnings[0].message or "'xx'" in warnings[1].message
    s3 = only_record(items).services[2]
    assert s3.languages == ["fi"] and s3.areas == []
    assert scraper.complete


def test_a_service_without_a_name_is_an_error_naming_it(requests_mock, http):
    page2 = fixture_json("ptv", "services_page2.json")
    page2["itemList"][0]["serviceNames"] = []
    mock_organization(requests_mock, page2=page2)
    scraper, items = scrape(http, organizations=(ORG,))
    errors = [i for i in items if isinstance(i, RecordError)]
    assert [(e.record, e.field) for e in errors] == [(S3, "serviceNames")]
    assert len(only_record(items).services) == 2
    assert not scraper.complete


def test_an_organisation_without_a_name_is_an_error(requests_mock, http):
    organization = copy.deepcopy(fixture_json("ptv", "organization.json"))
    organization["organizationNames"] = []
    mock_organization(requests_mock, organization=organization)
    _, items = scrape(http, organizations=(ORG,))
    assert [(i.record, i.field) for i in items] == [(ORG, "organizationNames")]


def test_withdrawn_organisations_and_services_become_inactive(requests_mock, http):
    organization = fixture_json("ptv", "organization.json")
    organization["publishingStatus"] = "Withdrawn"
    page2 = fixture_json("ptv", "services_page2.json")
    page2["itemList"][0]["publishingStatus"] = "Archived"
    mock_organization(requests_mock, organization=organization, page2=page2)
    _, items = scrape(http, organizations=(ORG,))
    org = only_record(items)
    assert org.status == "inactive"
    assert [s.status for s in org.services] == ["active", "active", "inactive"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({}, "needs --organization"),
        ({"organizations": ("not-an-id",)}, "neither a PTV organisation id"),
        ({"municipalities": ("Atlantis",)}, "not a Finnish municipality"),
    ],
)
def test_options_are_checked(options, message):
    with pytest.raises(ScraperConfigError, match=message):
        PtvScraper(ScrapeOptions(**options))
