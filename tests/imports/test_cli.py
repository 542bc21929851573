"""The commands: import-hsds, export-hsds, load-demo."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from coact.extensions import db
from coact.imports.services import DEMO_DIR
from coact.models import Organization, Service
from coact.models.imports import ImportRun, SourceDiff
from tests.factories import make_organization
from tests.imports.conftest import EXAMPLE, hsds_organization, write_json


def count(model) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model))


def test_import_then_import_again(runner):
    first = runner.invoke(args=["import-hsds", str(EXAMPLE)])
    assert first.exit_code == 0, first.output
    assert "created 1, updated 0, unchanged 0, flagged 0, errors 0." in first.output

    second = runner.invoke(args=["import-hsds", str(EXAMPLE)])
    assert "created 0, updated 0, unchanged 1" in second.output
    assert count(Organization) == 1 and count(Service) == 1
    assert count(ImportRun) == 2


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda o: o["services"][0]["languages"][0].update(code="xx"),
            "services[0].languages[0].code: unknown language code 'xx'",
        ),
        (
            lambda o: o["services"][0]["service_areas"][0].update(
                uri="http://uri.suomi.fi/codelist/jhs/kunta_1_20250101/code/999"
            ),
            "services[0].service_areas[0].uri: unknown municipality code '999'",
        ),
        (lambda o: o.pop("name"), "name: required field is missing"),
        (
            lambda o: o["services"][0]["attributes"][1]["taxonomy_term"].update(code="nope"),
            "services[0].attributes[1].taxonomy_term.code: unknown code 'nope' in coact-theme",
        ),
    ],
)
def test_a_malformed_record_imports_nothing(runner, tmp_path, change, expected):
    good = hsds_organization("Hyvä")
    bad = hsds_organization("Huono")
    change(bad)
    path = write_json(tmp_path / "directory.json", [good, bad])

    result = runner.invoke(args=["import-hsds", str(path)])

    assert result.exit_code == 1
    assert f"{path}: {bad['id']}: {expected}" in result.output
    assert "Nothing was imported" in result.output
    assert count(Organization) == 0 and count(ImportRun) == 0


def test_invalid_json_imports_nothing_and_says_where(runner, tmp_path):
    good = write_json(tmp_path / "a.json", [hsds_organization()])
    broken = tmp_path / "b.json"
    broken.write_text('[{"id": ', encoding="utf-8")

    result = runner.invoke(args=["import-hsds", str(tmp_path)])

    assert result.exit_code == 1
    assert f"{broken}: (file): line 1 column 9: not valid JSON" in result.output
    assert str(good) not in result.output
    assert count(Organization) == 0


def test_dry_run_reports_and_writes_nothing(runner):
    result = runner.invoke(args=["import-hsds", str(EXAMPLE), "--dry-run"])
    assert result.exit_code == 0
    assert "would be created: a5def07c-4ae3-56e0-8aac-b4680f6c1e09" in result.output
    assert "Dry run, nothing written" in result.output
    assert count(Organization) == 0


def test_language_from_file_names_and_option(runner, tmp_path):
    org = hsds_organization("Suomeksi")
    write_json(tmp_path / "directory.fi.json", [org])
    write_json(tmp_path / "directory.sv.json", [{**org, "name": "På svenska"}])

    result = runner.invoke(args=["import-hsds", str(tmp_path)])
    assert result.exit_code == 0, result.output
    stored = db.session.scalars(select(Organization)).one()
    assert stored.name == {"fi": "Suomeksi", "sv": "På svenska"}

    clash = runner.invoke(args=["import-hsds", str(tmp_path / "directory.sv.json"), "--lang", "en"])
    assert clash.exit_code == 1
    assert "the file name says 'sv' but --lang says 'en'" in clash.output


def test_hand_edits_are_reported(runner, tmp_path):
    runner.invoke(args=["import-hsds", str(EXAMPLE)])
    org = db.session.scalars(select(Organization)).one()
    org.email = "oma@example.org"
    org.mark_manual("email")
    db.session.commit()
    changed = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    changed[0]["email"] = "uusi@example.org"

    result = runner.invoke(args=["import-hsds", str(write_json(tmp_path / "x.json", changed))])

    assert "the source disagrees with hand edits of email" in result.output
    assert count(SourceDiff) == 1


def test_export_writes_one_valid_file_per_language(runner, tmp_path):
    runner.invoke(args=["import-hsds", str(EXAMPLE)])

    result = runner.invoke(args=["export-hsds", str(tmp_path / "out"), "--lang", "fi"])

    assert result.exit_code == 0, result.output
    written = tmp_path / "out" / "directory.fi.json"
    assert written.read_text(encoding="utf-8") == EXAMPLE.read_text(encoding="utf-8")
    assert not (tmp_path / "out" / "directory.sv.json").exists()


def test_export_refuses_an_unknown_language(runner, tmp_path):
    result = runner.invoke(args=["export-hsds", str(tmp_path), "--lang", "xx-yy"])
    assert result.exit_code != 0 and "not a language code" in result.output


def test_load_demo_into_an_empty_directory(runner):
    result = runner.invoke(args=["load-demo"])
    assert result.exit_code == 0, result.output
    assert "Loaded the demo directory" in result.output
    assert count(Organization) == 16
    db.session.expire_all()
    inactive = db.session.scalars(select(Organization).filter_by(status="inactive")).all()
    assert len(inactive) == 1
    swedish_only = [o for o in db.session.scalars(select(Organization)) if set(o.name) == {"sv"}]
    assert len(swedish_only) == 1


def test_load_demo_leaves_a_directory_alone(runner):
    make_organization()
    db.session.commit()
    result = runner.invoke(args=["load-demo"])
    assert "left it alone" in result.output
    assert count(Organization) == 1


def test_demo_files_have_the_same_ids():
    ids = {
        lang: {o["id"] for o in json.loads((DEMO_DIR / f"directory.{lang}.json").read_text())}
        for lang in ("fi", "sv", "en")
    }
    assert len(ids["fi"] | ids["sv"] | ids["en"]) == 16
    assert ids["sv"] - ids["fi"] and ids["en"] - ids["fi"]


def test_full_source_refusal_is_reported(runner, tmp_path):
    orgs = [hsds_organization(f"Yhdistys {n}") for n in range(3)]
    runner.invoke(args=["import-hsds", str(write_json(tmp_path / "all.json", orgs))])

    result = runner.invoke(
        args=["import-hsds", str(write_json(tmp_path / "one.json", orgs[:1])), "--full-source"]
    )

    assert result.exit_code == 1
    assert "2 of 3 organisations would be flagged as vanished" in result.output
    assert count(Organization) == 3


def test_possible_duplicate_is_reported(runner):
    existing = make_organization(business_id="1234567-8")
    db.session.commit()

    result = runner.invoke(args=["import-hsds", str(EXAMPLE)])

    assert f"possible duplicate of {existing.public_id} (same business id)" in result.output
    assert count(Organization) == 1
