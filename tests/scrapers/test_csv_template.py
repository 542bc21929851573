"""The CSV template: localized headers, one row per activity, errors by row and column."""

from __future__ import annotations

import csv
import io

import pytest

from scrapers.base import ScrapeOptions, ScraperConfigError
from scrapers.csv_template import (
    TEMPLATE_LANGUAGES,
    CsvTemplateScraper,
    columns,
    template_csv,
)
from scrapers.fields import RecordWarning
from scrapers.records import AreaRecord, OrganizationRecord, RecordError
from tests.scrapers.conftest import allow_robots, fixture_bytes, fixture_path


def parse_bytes(content: bytes, filename: str = "upload.csv"):
    scraper = CsvTemplateScraper(ScrapeOptions(extra={"content": content, "filename": filename}))
    return scraper, list(scraper.records())


def records(items) -> list[OrganizationRecord]:
    return [i for i in items if isinstance(i, OrganizationRecord)]


def test_every_column_has_a_header_and_help_in_fi_sv_en():
    keys = [c.key for c in columns()]
    assert len(keys) == len(set(keys))
    for lang in TEMPLATE_LANGUAGES:
        headers = [c.headers[lang] for c in columns()]
        assert all(headers) and len(headers) == len(set(headers)), lang
        assert all(c.help[lang] for c in columns())


@pytest.mark.parametrize("lang", TEMPLATE_LANGUAGES)
def test_the_template_has_the_headers_of_its_language_and_excel_friendly_encoding(lang):
    content = template_csv(lang)
    assert content.startswith(b"\xef\xbb\xbf")
    delimiter = "," if lang == "en" else ";"
    header = next(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=delimiter))
    assert header == [c.headers[lang] for c in columns()]
    scraper, items = parse_bytes(content)
    assert items == [] and scraper.complete


def test_rows_become_organisations_with_their_activities():
    scraper, items = parse_bytes(fixture_bytes("csv", "activities.fi.csv"), "activities.fi.csv")
    assert scraper.complete
    assert [i for i in items if isinstance(i, RecordError)] == []
    koto, friends = records(items)
    assert koto.source == "csv" and koto.source_id == "4567890-1"
    assert koto.name == {"fi": "Vaasan Kotoutumisyhdistys ry", "sv": "Vasa integrationsförening rf"}
    assert koto.website == "https://vaasankoto.example.org"
    assert koto.municipality_code == "905"
    homework, errands = koto.services
    assert homework.source_id == "4567890-1/laksykerho"
    assert homework.name == {"fi": "Läksykerho", "sv": "Läxklubb"}
    assert homework.themes == ["homework_help", "children_activities"]
    assert homework.languages == ["fi", "sv", "ar"]
    assert homework.areas == [AreaRecord("municipality", "905"), AreaRecord("municipality", "499")]
    assert homework.accepts_referrals and not homework.online
    assert (homework.minimum_age, homework.maximum_age) == (7, 15)
    assert homework.source_url == "activities.fi.csv#row=2"
    assert errands.languages == ["fi", "so", "prs"]
    assert errands.interpreter_languages == ["so", "prs"]
    assert errands.themes == ["escort_interpreting", "everyday_guidance"]
    assert errands.areas == [AreaRecord("county", "17")]
    assert errands.can_escort
    assert friends.source_id == "ystavapiiri"
    assert friends.services[0].areas == [AreaRecord("nationwide", "FI")]
    assert friends.services[0].online


def test_problems_name_the_row_and_the_column_as_written_in_the_file():
    scraper, items = parse_bytes(fixture_bytes("csv", "with_errors.sv.csv"))
    problems = [(i.record, i.field, type(i).__name__) for i in items if isinstance(i, RecordError)]
    assert ("row 3", "Verksamhetens namn (finska)", "RecordError") in problems
    assert ("row 4", "Kommuner", "RecordError") in problems
    assert ("row 5", "Teman", "RecordWarning") in problems
    assert ("row 5", "Verksamhetens språk", "RecordWarning") in problems
    assert ("row 5", "Lägsta ålder", "RecordWarning") in problems
    assert ("row 5", "Verksamhetens e-post", "RecordWarning") in problems
    (org,) = records(items)
    assert [s.name["fi"] for s in org.services] == ["Läksykerho", "Kokkikerho"]
    assert org.services[1].themes == ["culture_arts"]
    assert not scraper.complete


def test_machine_names_work_as_headers_and_commas_as_separators():
    content = (
        b"organization_name_en,activity_name_en,languages,municipalities,accepts_referrals\n"
        b'Helsinki Club,Chess,"en, fi",91,yes\n'
    )
    _, items = parse_bytes(content)
    (org,) = records(items)
    service = org.services[0]
    assert service.languages == ["en", "fi"]
    assert service.areas == [AreaRecord("municipality", "091")]
    assert service.accepts_referrals


def test_excel_csv_in_windows_1252_is_read():
    content = "Järjestön nimi (suomi);Toiminnan nimi (suomi)\nPääyhdistys;Kävelyryhmä\n".encode(
        "cp1252"
    )
    _, items = parse_bytes(content)
    assert records(items)[0].services[0].name == {"fi": "Kävelyryhmä"}


def test_the_same_activity_twice_is_an_error_on_the_second_row():
    content = b"organization_name_fi;activity_name_fi\nYhdistys;Kerho\nYhdistys;Kerho\n"
    _, items = parse_bytes(content)
    errors = [i for i in items if type(i) is RecordError]
    assert [(e.record, e.field) for e in errors] == [("row 3", "activity_id")]
    assert "row 2" in errors[0].message


def test_a_file_that_is_not_the_template_is_one_clear_error():
    _, items = parse_bytes(b"name,email\nA,a@example.org\n")
    (error,) = items
    assert "is this the Co-Act template" in error.message


def test_unknown_columns_are_reported_and_ignored():
    content = "organization_name_fi;activity_name_fi;Kengännumero\nYhdistys;Kerho;42\n".encode()
    _, items = parse_bytes(content)
    assert [(i.record, i.field) for i in items if isinstance(i, RecordWarning)] == [
        ("row 1", "Kengännumero")
    ]
    assert records(items)[0].services[0].name == {"fi": "Kerho"}


def test_a_file_and_a_url_are_read(requests_mock, http):
    path = fixture_path("csv", "activities.fi.csv")
    from_file = list(CsvTemplateScraper(ScrapeOptions(file=path)).records())
    allow_robots(requests_mock, "https://files.example.org")
    requests_mock.get("https://files.example.org/a.csv", content=path.read_bytes())
    from_url = list(
        CsvTemplateScraper(ScrapeOptions(url="https://files.example.org/a.csv"), http).records()
    )
    assert [r.source_id for r in records(from_file)] == [r.source_id for r in records(from_url)]


def test_exactly_one_input_is_needed():
    with pytest.raises(ScraperConfigError, match="exactly one"):
        CsvTemplateScraper(ScrapeOptions())
