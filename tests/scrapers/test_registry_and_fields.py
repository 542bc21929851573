"""The scraper registry, the mapping tables and the shared field conversions."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from scrapers import mappings
from scrapers.base import Page, ScrapeOptions, Scraper, ScraperConfigError, available, get_scraper
from scrapers.fields import county_code, municipality_code, parse_datetime, plain_text
from scrapers.records import OrganizationRecord

#: The Lähellä.fi trait values jkseppan/lahella-cli's schema.json lists.
LAHELLA_THEMES = [
    "ht_digi_teknologia",
    "ht_hyvinvointi",
    "ht_kansainvalisyys",
    "ht_kulttuuri",
    "ht_kadentaidot",
    "ht_luonto",
    "ht_maanpuolustus",
    "ht_pelastustoiminta",
    "ht_urheilu",
    "ht_uskonnot",
    "ht_vaikuttaminen",
]
LAHELLA_FORMATS = [
    "hm_esitykset",
    "hm_harrastukset",
    "hm_kohtaamispaikka",
    "hm_kylatoiminta",
    "hm_leirit",
    "hm_nayttelyt",
    "hm_oleskelu",
    "hm_oppaat",
    "hm_ryhmat",
    "hm_tilaisuudet",
]
LAHELLA_LOCALES = [
    "fi-FI",
    "sv",
    "en",
    "ar",
    "ku",
    "se-SE",
    "so-SO",
    "uk-UA",
    "et-EE",
    "ru-RU",
    "fisl",
]
LAHELLA_STATES = [
    "Ahvenanmaa",
    "Etelä-Karjala",
    "Etelä-Pohjanmaa",
    "Etelä-Savo",
    "Kainuu",
    "Kanta-Häme",
    "Keski-Pohjanmaa",
    "Keski-Suomi",
    "Kymenlaakso",
    "Lappi",
    "Pirkanmaa",
    "Pohjanmaa",
    "Pohjois-Karjala",
    "Pohjois-Pohjanmaa",
    "Pohjois-Savo",
    "Päijät-Häme",
    "Satakunta",
    "Uusimaa",
    "Varsinais-Suomi",
]


def test_every_source_is_registered_by_name():
    assert set(available()) == {"ptv", "lahella", "hsds-feed", "csv"}
    assert get_scraper("ptv").name == "ptv"


def test_an_unknown_source_lists_the_known_ones():
    with pytest.raises(ScraperConfigError, match="choose one of: csv, hsds-feed, lahella, ptv"):
        get_scraper("facebook")


def test_every_lahella_code_of_the_schema_is_mapped():
    table = mappings.source("lahella")
    assert sorted(table["themes"]) == sorted(LAHELLA_THEMES)
    assert sorted(table["formats"]) == sorted(LAHELLA_FORMATS)
    assert sorted(table["locales"]) == sorted(LAHELLA_LOCALES)
    assert sorted(table["states"]) == sorted(LAHELLA_STATES)
    for code in table["merged_cities"].values():
        assert municipality_code(code) == code


class _Listing(Scraper):
    name = "listing-for-test"

    def fetch(self):
        yield Page("one", [1, 2])
        yield Page("two", [3])

    def parse(self, page):
        for n in page.data:
            yield OrganizationRecord(source=self.name, source_id=str(n), name={"fi": f"Org {n}"})


def test_batches_follow_pages_and_limit_stops_early_without_claiming_completeness():
    scraper = _Listing(ScrapeOptions())
    assert [[r.source_id for r in batch] for batch in scraper.batches()] == [["1", "2"], ["3"]]
    assert scraper.complete and scraper.scope() == {"organizations": ["1", "2", "3"]}
    limited = _Listing(ScrapeOptions(limit=2))
    assert [r.source_id for r in limited.records()] == ["1", "2"]
    assert not limited.complete


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("91", "091"),
        ("091", "091"),
        ("Helsinki", "091"),
        ("Helsingfors", "091"),
        ("vaasa", "905"),
        ("999", None),
        ("Atlantis", None),
        (None, None),
    ],
)
def test_municipality_codes_from_codes_and_names(value, code):
    assert municipality_code(value) == code


@pytest.mark.parametrize(
    ("value", "code"),
    [("4", "04"), ("17", "17"), ("Pohjanmaan hyvinvointialue", "17"), ("99", None)],
)
def test_county_codes(value, code):
    assert county_code(value) == code


def test_plain_text_from_html():
    html = '<p dir="ltr">Tervetuloa &amp; <strong>mukaan</strong></p><ul><li>yksi</li><li>kaksi</li></ul>'
    assert plain_text(html) == "Tervetuloa & mukaan\n\n- yksi\n- kaksi"
    assert plain_text("  plain  text ") == "plain text"


def test_dates_in_every_form_sources_use():
    assert parse_datetime("2025-09-12T08:30:15.1234567") == datetime(
        2025, 9, 12, 8, 30, 15, 123456, tzinfo=UTC
    )
    assert parse_datetime("2020-02-06T10:55:23.538Z") == datetime(
        2020, 2, 6, 10, 55, 23, 538000, tzinfo=UTC
    )
    assert parse_datetime(1736899200000) == datetime(2025, 1, 15, tzinfo=UTC)
    assert parse_datetime(None) is None
