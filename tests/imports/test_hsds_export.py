"""HSDS export: valid against the official schemas, and a faithful round trip."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from coact.extensions import db
from coact.imports import services
from coact.imports.hsds_export import directory_json, dumps, write_export
from coact.models import Organization, Service
from scrapers.hsds import validate_organization
from tests.factories import make_organization, make_service
from tests.imports.conftest import EXAMPLE, hsds_organization, write_json

pytestmark = pytest.mark.usefixtures("app")


def import_path(path, **options):
    files, result = services.import_hsds(path, commit_batch=db.session.commit, **options)
    assert files.errors == [], files.errors
    db.session.expire_all()
    return result


def test_example_comes_back_unchanged():
    import_path(EXAMPLE)
    assert dumps(directory_json("fi")) == EXAMPLE.read_text(encoding="utf-8")


def test_export_validates_against_the_schemas():
    import_path(services.DEMO_DIR)
    org = make_organization(
        name={"fi": "Käsin lisätty"},
        business_id="7654321-0",
        contact_name="Maija",
        contact_phone="+358 40 000 9999",
    )
    make_service(
        org,
        themes=["legal_advice"],
        interpreter_languages=["kmr"],
        can_escort=True,
        schedule={"fi": "Ma klo 9–11\nTi klo 9–11"},
    )
    db.session.commit()
    for lang in ("fi", "sv", "en"):
        document = directory_json(lang)
        assert document
        for organization in document:
            assert validate_organization(organization) == []


def test_export_import_export_is_byte_identical(tmp_path):
    org = make_organization(
        name={"fi": "Käsin lisätty", "en": "Added by hand"},
        municipality_code="853",
        street_address="Katu 2",
    )
    make_service(
        org,
        themes=["legal_advice", "housing_advice"],
        target_groups=["youth"],
        languages=["fi", "so"],
        areas=[("county", "05"), ("nationwide", "FI")],
        accepts_referrals=True,
        online=True,
        minimum_age=16,
        schedule={"fi": "Torstaisin"},
        schedule_rules=[{"freq": "WEEKLY", "byday": "TH"}],
    )
    db.session.commit()
    first = write_export(tmp_path / "first")
    for row in db.session.scalars(select(Organization)):
        db.session.delete(row)
    db.session.commit()
    assert db.session.scalars(select(Service)).all() == []

    import_path(tmp_path / "first")
    second = write_export(tmp_path / "second")

    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes()


def test_demo_directory_round_trips(tmp_path):
    import_path(services.DEMO_DIR)
    for path in write_export(tmp_path):
        assert path.read_bytes() == (services.DEMO_DIR / path.name).read_bytes()


def test_a_language_file_holds_the_records_named_in_it():
    only_sv = make_organization(name={"sv": "Bara svenska"}, description={"sv": "Text"})
    both = make_organization(name={"fi": "Molemmat", "sv": "Båda"}, description={"fi": "Kuvaus"})
    only_ar = make_organization(name={"ar": "جمعية"}, description={})
    db.session.commit()

    fi = {o["id"]: o for o in directory_json("fi")}
    sv = {o["id"]: o for o in directory_json("sv")}

    assert set(fi) == {both.public_id, only_ar.public_id}
    assert fi[only_ar.public_id]["name"] == "جمعية"
    assert set(sv) == {only_sv.public_id, both.public_id}
    assert sv[both.public_id]["name"] == "Båda" and sv[both.public_id]["description"] == ""


def test_second_language_file_merges_into_the_same_records(tmp_path):
    org = hsds_organization("Suomeksi")
    write_json(tmp_path / "fi.json", [org])
    swedish = json.loads(json.dumps(org))
    swedish["name"] = "På svenska"
    swedish["services"][0]["name"] = "Stödgrupp"
    swedish["services"][0]["description"] = "Beskrivning"
    write_json(tmp_path / "sv.json", [swedish])

    import_path(tmp_path / "fi.json", lang="fi")
    result = import_path(tmp_path / "sv.json", lang="sv")

    assert result.updated == 1 and result.created == 0
    stored = db.session.scalars(select(Organization)).one()
    assert stored.name == {"fi": "Suomeksi", "sv": "På svenska"}
    assert stored.services[0].name == {"fi": "Naisten vertaistukiryhmä", "sv": "Stödgrupp"}
    assert stored.description["fi"].startswith("Vapaaehtoisvoimin")
    assert [o["name"] for o in directory_json("sv")] == ["På svenska"]
    assert json.loads(dumps(directory_json("sv")))[0]["services"][0]["description"] == "Beskrivning"


def test_ids_of_nested_objects_survive():
    import_path(EXAMPLE)
    (org,) = directory_json("fi")
    original = json.loads(EXAMPLE.read_text(encoding="utf-8"))[0]
    assert (
        org["locations"][0]["addresses"][0]["id"] == original["locations"][0]["addresses"][0]["id"]
    )
    assert [a["id"] for a in org["services"][0]["attributes"]] == [
        a["id"] for a in original["services"][0]["attributes"]
    ]
