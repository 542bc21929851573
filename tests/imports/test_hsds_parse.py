"""Reading HSDS 3.0 JSON in the Co-Act profile into normalised records."""

from __future__ import annotations

import copy
from datetime import UTC, datetime

import pytest

from scrapers import hsds
from tests.imports.conftest import example_document, hsds_organization


def parse(document, lang="fi"):
    return hsds.parse_document(document, lang=lang)


def only_error(document, lang="fi"):
    records, errors = parse(document, lang)
    assert records == [] and len(errors) == 1, errors
    return errors[0]


def test_example_maps_every_profile_field(example_path):
    records, errors = hsds.parse_file(example_path, lang="fi")
    assert errors == []
    (org,) = records
    assert org.source == "hsds"
    assert org.source_id == org.public_id == "a5def07c-4ae3-56e0-8aac-b4680f6c1e09"
    assert org.name == {"fi": "Esimerkkilän Monikulttuurinen Naisyhdistys ry"}
    assert org.description["fi"].startswith("Vapaaehtoisvoimin")
    assert org.business_id == "1234567-8"
    assert (org.email, org.website) == ("info@example.org", "https://example.org")
    assert (org.street_address, org.postal_code, org.city) == (
        "Esimerkkikatu 1",
        "33100",
        "Tampere",
    )
    assert org.municipality_code == "837"
    assert org.contact_name == "Aino Esimerkki"
    assert org.contact_title == {"fi": "Yhteyshenkilö"}
    assert org.contact_email == "aino@example.org"
    assert org.phone == "+358 40 123 4567"
    assert org.status == "active"
    assert org.hsds_ids["identifier"] == "ce208649-12bf-5297-95cb-e6e171cade64"
    assert org.hsds_ids["location_name"] == {"fi": "Kohtaamispaikka Esimerkki"}

    (service,) = org.services
    assert service.source_id == service.public_id == "372f5132-9e4b-55a5-bf74-88524ddf25fa"
    assert service.name == {"fi": "Naisten vertaistukiryhmä"}
    assert service.status == "active"
    assert service.source_modified_at == datetime(2026, 10, 1, 12, 0, tzinfo=UTC)
    assert service.languages == ["fi", "ar", "so"]
    assert service.interpreter_languages == ["prs", "kmr"]
    assert service.themes == ["peer_support", "women_groups"]
    assert service.target_groups == ["women"]
    assert service.can_escort and service.accepts_referrals and not service.online
    assert [(a.kind, a.code, a.hsds_id) for a in service.areas] == [
        ("municipality", "837", "ffb60d0c-8a09-57ad-99aa-9535f37c82e3")
    ]
    assert service.schedule == {"fi": "Keskiviikkoisin klo 17.30–19.30"}
    assert service.schedule_rules == [
        {"freq": "WEEKLY", "byday": "WE", "opens_at": "17:30", "closes_at": "19:30"}
    ]
    assert service.interpretation_text == {"fi": "Vapaaehtoisia tulkkeja: dari, kurmandži"}
    assert [item["code"] for item in service.hsds_ids["languages"]] == ["fi", "ar", "so"]


def test_texts_are_in_the_language_given():
    (record,), _ = parse(example_document(), lang="sv")
    assert set(record.name) == {"sv"}
    assert set(record.services[0].description) == {"sv"}


def test_page_object_and_single_object_are_read():
    page = {"total_items": 1, "contents": example_document()}
    assert len(parse(page)[0]) == 1
    assert len(parse(example_document()[0])[0]) == 1


def test_language_aliases_are_stored_as_639_3():
    org = hsds_organization()
    languages = org["services"][0]["languages"]
    languages[0]["code"] = "ku"
    languages[1]["code"] = "fa-AF"
    (record,), errors = parse([org])
    assert errors == []
    assert record.services[0].languages == ["kmr", "prs", "so"]


def test_service_areas_county_and_nationwide():
    org = hsds_organization()
    org["services"][0]["service_areas"] = [
        {
            "id": "9b6f0a51-2c38-4c5e-9d43-6b8f0c61a001",
            "name": "Pirkanmaa",
            "uri": "http://uri.suomi.fi/codelist/jhs/hyvinvointialue_1_20230101/code/08",
        },
        {
            "id": "9b6f0a51-2c38-4c5e-9d43-6b8f0c61a002",
            "name": "Koko Suomi",
            "extent_type": "text",
            "extent": "FI",
        },
        {
            "id": "9b6f0a51-2c38-4c5e-9d43-6b8f0c61a003",
            "name": "Turku",
            "uri": "http://uri.suomi.fi/codelist/jhs/kunta_1_20240101/code/853",
        },
    ]
    (record,), errors = parse([org])
    assert errors == []
    assert [(a.kind, a.code) for a in record.services[0].areas] == [
        ("county", "08"),
        ("nationwide", "FI"),
        ("municipality", "853"),
    ]


def test_organisation_is_inactive_when_no_service_is_active():
    org = hsds_organization()
    org["services"][0]["status"] = "temporarily closed"
    (record,), _ = parse([org])
    assert record.status == "inactive"
    assert record.services[0].status == "temporarily closed"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (
            lambda o: o["services"][0]["languages"][1].update(code="xx"),
            "services[0].languages[1].code",
            "unknown language code 'xx'",
        ),
        (
            lambda o: o["services"][0]["service_areas"][0].update(
                uri="http://uri.suomi.fi/codelist/jhs/kunta_1_20250101/code/999"
            ),
            "services[0].service_areas[0].uri",
            "unknown municipality code '999'",
        ),
        (
            lambda o: o["services"][0]["attributes"][0]["taxonomy_term"].update(code="astrology"),
            "services[0].attributes[0].taxonomy_term.code",
            "unknown code 'astrology' in coact-theme",
        ),
        (
            lambda o: o["services"][0]["attributes"][5]["taxonomy_term"].update(code="zz"),
            "services[0].attributes[5].taxonomy_term.code",
            "unknown language code 'zz'",
        ),
        (lambda o: o.pop("name"), "name", "required field is missing"),
        (lambda o: o["services"][0].pop("name"), "services[0].name", "required field is missing"),
        (
            lambda o: o["services"][0].update(status="paused"),
            "services[0].status",
            "'paused' is not one of",
        ),
        (lambda o: o.update(website="example.org"), "website", "is not a valid uri"),
        (
            lambda o: o["services"][0].update(minimum_age=7.5),
            "services[0].minimum_age",
            "not an age",
        ),
        (
            lambda o: o["services"][0].update(
                organization_id="4c0e3a5e-7f4b-4b43-9f11-2a1c8d0d9b10"
            ),
            "services[0].organization_id",
            "not the id of the organization",
        ),
        (
            lambda o: o["organization_identifiers"][0].update(identifier="12345678"),
            "organization_identifiers[0].identifier",
            "not a Finnish business id",
        ),
        (
            lambda o: o["services"][0]["service_areas"][0].update(uri="", name="Atlantis"),
            "services[0].service_areas[0]",
            "not a municipality or county",
        ),
    ],
)
def test_errors_name_the_record_and_field(change, field, message):
    org = hsds_organization()
    change(org)
    error = only_error([org])
    assert error.record == org["id"]
    assert error.field == field
    assert message in error.message


def test_record_without_id_is_named_by_position():
    org = hsds_organization()
    del org["id"]
    records, errors = parse([hsds_organization(), org])
    assert len(records) == 1
    assert errors[0].record == "item 1" and errors[0].field == "id"


def test_invalid_json_says_where():
    records, errors = hsds.parse_text('[{"id": "x",}]', lang="fi")
    assert records == []
    assert errors[0].field == "line 1 column 13"
    assert errors[0].message.startswith("not valid JSON")


def test_unexpected_shape_is_an_error():
    error = only_error({"hello": "world"})
    assert "expected an array of organization objects" in error.message


def test_repeated_ids_in_one_document_are_errors():
    org = hsds_organization()
    records, errors = parse([org, copy.deepcopy(org)])
    assert len(records) == 1
    assert errors[0].record == org["id"] and "also used by item 0" in errors[0].message


def test_language_merge_keeps_file_order():
    a, b, c = (hsds_organization(f"Org {x}") for x in "abc")
    fi, _ = parse([a, b])
    sv, _ = parse([a, c, b], lang="sv")
    merged = hsds.merge_languages([("fi", fi), ("sv", sv)])
    assert [r.source_id for r in merged] == [a["id"], c["id"], b["id"]]
    assert merged[0].name == {"fi": "Org a", "sv": "Org a"}
    assert merged[1].name == {"sv": "Org c"}


def test_file_language_comes_from_its_name(tmp_path):
    assert hsds.language_of_file(tmp_path / "directory.sv.json") == "sv"
    assert hsds.language_of_file(tmp_path / "directory.json") is None
