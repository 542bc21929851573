"""The Imports pages: who sees them, runs and errors, answering the sources, CSV."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import func, select

from coact.extensions import db
from coact.imports.upsert import import_records
from coact.models import Organization, Service
from coact.models.imports import (
    DIFF_ACCEPTED,
    DIFF_DISMISSED,
    DUPLICATE_REJECTED,
    FLAG_VANISHED,
    DuplicateCandidate,
    ImportRun,
    SourceDiff,
)
from scrapers.csv_template import columns
from scrapers.records import RecordError
from tests.factories import make_organization
from tests.imports.conftest import make_record
from tests.scrapers.conftest import fixture_bytes


def page(client, path: str, lang: str = "en"):
    return client.get(f"/{lang}/imports{path}")


def imported(**fields) -> Organization:
    """An organisation imported from "testsource", with one activity."""
    import_records([make_record(1, **fields)], source="testsource")
    db.session.commit()
    return db.session.scalars(select(Organization).filter_by(source_id="org-1")).one()


def diff_on(org: Organization) -> SourceDiff:
    """Someone edits the description by hand; the source then says something else."""
    org.description = {"fi": "Käsin kirjoitettu."}
    org.mark_manual("description")
    db.session.commit()
    import_records(
        [make_record(1, description={"fi": "Lähteen uusi kuvaus."})], source="testsource"
    )
    db.session.commit()
    return db.session.scalars(select(SourceDiff)).one()


@pytest.mark.parametrize(
    ("role", "status"),
    [("coordinator", 200), ("admin", 200), ("ngo_editor", 403), ("koto_worker", 403)],
)
def test_only_coordinators_and_admins_see_the_runs(client, login_as, role, status):
    login_as(role)
    assert page(client, "/").status_code == status
    assert page(client, "/flagged").status_code == status
    assert page(client, "/csv").status_code == status


def test_the_public_is_asked_to_log_in(client):
    response = page(client, "/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_runs_list_and_run_detail_name_record_and_field(app, client, login_as):
    import_records(
        [make_record(1), RecordError("row 7", "Teemat", "unknown theme 'cooking' ignored")],
        source="csv",
    )
    db.session.commit()
    run = db.session.scalars(select(ImportRun)).one()
    login_as("coordinator")
    listing = page(client, "/", "fi").get_data(as_text=True)
    assert f"/fi/imports/runs/{run.id}" in listing
    assert "CSV" in listing
    detail = page(client, f"/runs/{run.id}").get_data(as_text=True)
    assert "row 7" in detail and "Teemat" in detail and "unknown theme" in detail


def test_a_missing_run_is_404(client, login_as):
    login_as("admin")
    assert page(client, "/runs/999").status_code == 404


def test_an_ngo_editor_answers_for_their_own_organisation(app, client, login_as):
    org = imported()
    diff = diff_on(org)
    login_as("ngo_editor", organizations=[org])
    listing = page(client, "/changes").get_data(as_text=True)
    assert "Lähteen uusi kuvaus." in listing and "Käsin kirjoitettu." in listing
    response = client.post(f"/en/imports/changes/{diff.id}", data={"decision": "accept"})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(SourceDiff, diff.id).status == DIFF_ACCEPTED
    assert db.session.get(Organization, org.id).description["fi"] == "Lähteen uusi kuvaus."


def test_other_organisations_editors_neither_see_nor_answer(app, client, login_as):
    org = imported()
    diff = diff_on(org)
    login_as("ngo_editor", organizations=[make_organization()])
    assert "Lähteen uusi kuvaus." not in page(client, "/changes").get_data(as_text=True)
    assert (
        client.post(f"/en/imports/changes/{diff.id}", data={"decision": "accept"}).status_code
        == 403
    )
    assert db.session.get(SourceDiff, diff.id).status != DIFF_ACCEPTED


def test_a_coordinator_keeps_the_hand_edited_value(app, client, login_as):
    org = imported()
    diff = diff_on(org)
    login_as("coordinator")
    assert (
        client.post(f"/en/imports/changes/{diff.id}", data={"decision": "dismiss"}).status_code
        == 302
    )
    db.session.expire_all()
    assert db.session.get(SourceDiff, diff.id).status == DIFF_DISMISSED
    assert db.session.get(Organization, org.id).description["fi"] == "Käsin kirjoitettu."


def test_a_decision_must_be_accept_or_dismiss(app, client, login_as):
    diff = diff_on(imported())
    login_as("admin")
    assert (
        client.post(f"/en/imports/changes/{diff.id}", data={"decision": "maybe"}).status_code == 400
    )


def test_flagged_duplicates_and_vanished_records_can_be_answered(app, client, login_as):
    make_organization(name={"fi": "Käsin lisätty ry"}, business_id="1234567-8", source="manual")
    db.session.commit()
    import_records([make_record(2, business_id="1234567-8")], source="testsource")
    org = imported()
    service = org.services[0]
    service.review_flag = FLAG_VANISHED
    db.session.commit()
    login_as("coordinator")
    body = page(client, "/flagged").get_data(as_text=True)
    assert "Yhdistys 2" in body and "Käsin lisätty ry" in body
    assert "Toiminta 1.0" in body

    candidate = db.session.scalars(select(DuplicateCandidate)).one()
    response = client.post(f"/en/imports/duplicates/{candidate.id}", data={"decision": "reject"})
    assert response.status_code == 302
    response = client.post(f"/en/imports/flagged/service/{service.public_id}")
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(DuplicateCandidate, candidate.id).status == DUPLICATE_REJECTED
    assert db.session.scalar(select(func.count()).select_from(Organization)) == 3
    assert db.session.get(Service, service.id).review_flag is None


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_csv_template_downloads_in_three_languages_without_login(client, lang):
    response = client.get(f"/fi/imports/template/{lang}.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert f"co-act-template.{lang}.csv" in response.headers["Content-Disposition"]
    text = response.get_data().decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(text), delimiter="," if lang == "en" else ";"))
    assert header == [c.headers[lang] for c in columns()]


def test_there_is_no_template_in_other_languages(client):
    assert client.get("/fi/imports/template/de.csv").status_code == 404


def test_a_coordinator_uploads_a_csv_and_sees_the_run(app, client, login_as):
    login_as("coordinator")
    data = {"file": (io.BytesIO(fixture_bytes("csv", "with_errors.sv.csv")), "lista.csv")}
    response = client.post("/en/imports/csv", data=data, content_type="multipart/form-data")
    assert response.status_code == 302
    run = db.session.scalars(select(ImportRun)).one()
    assert response.headers["Location"].endswith(f"/en/imports/runs/{run.id}")
    assert run.source == "csv" and run.created == 1
    assert db.session.scalar(select(func.count()).select_from(Service)) == 2
    detail = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "row 4" in detail and "Kommuner" in detail and "Atlantis" in detail


def test_only_checking_a_csv_writes_nothing(app, client, login_as):
    login_as("admin")
    data = {
        "file": (io.BytesIO(fixture_bytes("csv", "activities.fi.csv")), "lista.csv"),
        "dry_run": "y",
    }
    response = client.post("/en/imports/csv", data=data, content_type="multipart/form-data")
    assert response.status_code == 302
    assert db.session.scalar(select(func.count()).select_from(Organization)) == 0
    assert db.session.scalars(select(ImportRun)).one().dry_run


def test_an_upload_without_a_csv_file_is_refused_with_a_message(client, login_as):
    login_as("coordinator")
    data = {"file": (io.BytesIO(b"%PDF-1.7"), "lista.pdf")}
    response = client.post("/en/imports/csv", data=data, content_type="multipart/form-data")
    assert response.status_code == 422
    assert "Choose a .csv file." in response.get_data(as_text=True)


def test_ngo_editors_cannot_upload(client, login_as):
    login_as("ngo_editor")
    data = {"file": (io.BytesIO(fixture_bytes("csv", "activities.fi.csv")), "lista.csv")}
    response = client.post("/en/imports/csv", data=data, content_type="multipart/form-data")
    assert response.status_code == 403
