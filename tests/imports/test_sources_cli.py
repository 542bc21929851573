"""``flask --app coact import SOURCE`` end to end: recorded responses in, directory out."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

import coact.imports.sources_cli as sources_cli
from coact.extensions import db
from coact.models import DirectoryChange, Organization, Service
from coact.models.imports import (
    DIFF_PENDING,
    FLAG_DUPLICATE,
    FLAG_VANISHED,
    RUN_FAILED,
    RUN_FINISHED,
    RUN_FINISHED_WITH_ERRORS,
    DuplicateCandidate,
    ImportItemError,
    ImportRun,
    SourceDiff,
)
from scrapers.lahella import BASE_URL as LAHELLA
from scrapers.ptv import BASE_URL
from tests.factories import make_organization
from tests.scrapers.conftest import fixture_bytes, fixture_json, fixture_path

API = BASE_URL.rstrip("/")
ORG = "6f1c2b9a-3d4e-4f50-8a61-7b8c9d0e1f21"
ORG2 = "7a2d3c4b-5e6f-4071-8293-a4b5c6d7e8f9"
S1, S2, S3 = (f"a1b2c3d4-1111-4222-8333-94445556660{n}" for n in (1, 2, 3))


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch):
    """The real HTTP client, except that its polite pauses take no time in tests."""
    real = sources_cli.http_client

    def client(**kw):
        http = real(**kw)
        http.sleep = lambda seconds: None
        return http

    monkeypatch.setattr(sources_cli, "http_client", client)


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def run(runner, *args):
    return runner.invoke(args=["import", *args], catch_exceptions=True)


def mock_ptv_org(requests_mock, org_id=ORG, organization=None, page1=None, page2=None, **org_kw):
    requests_mock.get("https://api.palvelutietovaranto.suomi.fi/robots.txt", status_code=404)
    if org_kw:
        requests_mock.get(f"{API}/Organization/{org_id}", **org_kw)
    else:
        requests_mock.get(
            f"{API}/Organization/{org_id}",
            json=organization or fixture_json("ptv", "organization.json"),
        )
    requests_mock.get(
        f"{API}/Service/list/organization?organizationId={org_id}&page=1",
        json=page1 or fixture_json("ptv", "services_page1.json"),
    )
    requests_mock.get(
        f"{API}/Service/list/organization?organizationId={org_id}&page=2",
        json=page2 or fixture_json("ptv", "services_page2.json"),
    )
    requests_mock.get(
        f"{API}/ServiceChannel/list/organization?organizationId={org_id}&page=1",
        json=fixture_json("ptv", "channels.json"),
    )


def second_organization():
    """Another NGO in PTV: the fixture with new ids, name and business id."""
    org = fixture_json("ptv", "organization.json")
    org["id"] = ORG2
    org["businessCode"] = "8765432-1"
    org["organizationNames"] = [{"language": "fi", "value": "Nokian Ystävät ry", "type": "Name"}]
    org["webPages"] = []
    page = fixture_json("ptv", "services_page2.json")
    page["pageCount"] = page["pageNumber"] = 1
    page["itemList"][0]["id"] = "b1b2c3d4-1111-4222-8333-944455566609"
    return org, page


def mock_second_organization(requests_mock, **services_kw):
    org, page = second_organization()
    requests_mock.get(f"{API}/Organization/{ORG2}", json=org)
    requests_mock.get(
        f"{API}/Service/list/organization?organizationId={ORG2}&page=1",
        **(services_kw or {"json": page}),
    )
    requests_mock.get(
        f"{API}/ServiceChannel/list/organization?organizationId={ORG2}&page=1",
        json={"pageNumber": 1, "pageSize": 100, "pageCount": 1, "itemList": []},
    )


def ptv_org() -> Organization:
    return db.session.scalars(select(Organization).filter_by(source="ptv", source_id=ORG)).one()


def test_ptv_import_creates_the_organisation_and_a_second_run_changes_nothing(
    app, runner, requests_mock
):
    mock_ptv_org(requests_mock)
    first = run(runner, "ptv", "--organization", ORG)
    assert first.exit_code == 0, first.output
    assert "created 1, updated 0, unchanged 0" in first.output
    org = ptv_org()
    assert org.name["sv"] == "Tammerfors flerspråkiga vardagsrum rf"
    assert sorted(s.source_id for s in org.services) == [S1, S2, S3]
    assert {s.source for s in org.services} == {"ptv"}
    changes = count(DirectoryChange)
    assert changes >= 1  # the search index learns of the import like of a manual edit

    second = run(runner, "ptv", "--organization", ORG)
    assert second.exit_code == 0, second.output
    assert "created 0, updated 0, unchanged 1, flagged 0, errors 0" in second.output
    assert count(DirectoryChange) == changes
    assert count(Service) == 3
    runs = db.session.scalars(select(ImportRun).order_by(ImportRun.id)).all()
    assert [(r.source, r.status, r.created, r.unchanged) for r in runs] == [
        ("ptv", RUN_FINISHED, 1, 0),
        ("ptv", RUN_FINISHED, 0, 1),
    ]
    assert all(r.finished_at for r in runs)


def test_an_unchanged_listing_costs_only_304s(app, runner, requests_mock):
    requests_mock.get("https://api.palvelutietovaranto.suomi.fi/robots.txt", status_code=404)
    for path, name in (
        (f"Organization/{ORG}", "organization.json"),
        (f"Service/list/organization?organizationId={ORG}&page=1", "services_page1.json"),
        (f"Service/list/organization?organizationId={ORG}&page=2", "services_page2.json"),
        (f"ServiceChannel/list/organization?organizationId={ORG}&page=1", "channels.json"),
    ):
        requests_mock.get(
            f"{API}/{path}",
            [
                {"content": fixture_bytes("ptv", name), "headers": {"ETag": f'"{name}"'}},
                {"status_code": 304},
            ],
        )
    assert run(runner, "ptv", "--organization", ORG).exit_code == 0
    second = run(runner, "ptv", "--organization", ORG)
    assert "4 unchanged (304)" in second.output
    assert "unchanged 1" in second.output


def test_hand_edits_are_never_overwritten_and_the_source_value_waits(app, runner, requests_mock):
    mock_ptv_org(requests_mock)
    assert run(runner, "ptv", "--organization", ORG).exit_code == 0
    service = db.session.scalars(select(Service).filter_by(source_id=S1)).one()
    service.description = {**service.description, "fi": "Käsin korjattu kuvaus."}
    service.mark_manual("description.fi")
    db.session.commit()

    page1 = fixture_json("ptv", "services_page1.json")
    page1["itemList"][0]["serviceDescriptions"][1]["value"] = "PTV:n uusi kuvaus."
    requests_mock.reset_mock()
    mock_ptv_org(requests_mock, page1=page1)
    result = run(runner, "ptv", "--organization", ORG)
    assert result.exit_code == 0, result.output
    assert "the source disagrees with hand edits" in result.output
    db.session.expire_all()
    service = db.session.scalars(select(Service).filter_by(source_id=S1)).one()
    assert service.description["fi"] == "Käsin korjattu kuvaus."
    diff = db.session.scalars(select(SourceDiff)).one()
    assert (diff.field, diff.lang, diff.status) == ("description", "fi", DIFF_PENDING)
    assert diff.source_value == "PTV:n uusi kuvaus."


def test_an_activity_the_source_no_longer_lists_is_flagged_not_deleted(app, runner, requests_mock):
    mock_ptv_org(requests_mock)
    assert run(runner, "ptv", "--organization", ORG).exit_code == 0
    page1 = fixture_json("ptv", "services_page1.json")
    page1["pageCount"] = 1
    mock_ptv_org(requests_mock, page1=page1)

    refused = run(runner, "ptv", "--organization", ORG)
    assert "1 of 3 activities would be flagged" in refused.output
    assert db.session.scalars(select(Service).filter_by(source_id=S3)).one().review_flag is None

    forced = run(runner, "ptv", "--organization", ORG, "--force")
    assert forced.exit_code == 0, forced.output
    db.session.expire_all()
    gone = db.session.scalars(select(Service).filter_by(source_id=S3)).one()
    assert gone.review_flag == FLAG_VANISHED
    assert count(Service) == 3


def test_nothing_is_flagged_vanished_when_a_page_failed(app, runner, requests_mock):
    mock_ptv_org(requests_mock)
    assert run(runner, "ptv", "--organization", ORG).exit_code == 0
    mock_ptv_org(requests_mock, org_id=ORG)
    requests_mock.get(
        f"{API}/Service/list/organization?organizationId={ORG}&page=2",
        content=fixture_bytes("ptv", "maintenance.html"),
        headers={"Content-Type": "text/html"},
    )
    result = run(runner, "ptv", "--organization", ORG, "--force")
    assert "expected JSON but the server sent HTML" in result.output
    assert "nothing was flagged as vanished" in result.output
    assert not db.session.scalars(select(Service).where(Service.review_flag.is_not(None))).all()


def test_an_organisation_already_in_the_directory_is_flagged_as_a_duplicate(
    app, runner, requests_mock
):
    existing = make_organization(
        name={"fi": "Olohuone ry"}, business_id="2345678-9", source="manual"
    )
    db.session.commit()
    mock_ptv_org(requests_mock)
    result = run(runner, "ptv", "--organization", ORG)
    assert result.exit_code == 0, result.output
    assert "possible duplicate" in result.output
    assert count(Organization) == 1
    candidate = db.session.scalars(select(DuplicateCandidate)).one()
    assert (candidate.source, candidate.source_id, candidate.reason) == ("ptv", ORG, "business_id")
    db.session.expire_all()
    assert db.session.get(Organization, existing.id).review_flag == FLAG_DUPLICATE


def test_dry_run_prints_what_would_happen_and_writes_nothing(app, runner, requests_mock):
    mock_ptv_org(requests_mock)
    result = run(runner, "ptv", "--organization", ORG, "--dry-run")
    assert result.exit_code == 0, result.output
    assert f"would be created: {ORG} Tampereen Monikielinen Olohuone ry" in result.output
    assert "Dry run, nothing written" in result.output
    assert (count(Organization), count(Service), count(DirectoryChange)) == (0, 0, 0)
    (import_run,) = db.session.scalars(select(ImportRun)).all()
    assert import_run.dry_run and import_run.created == 1


def test_a_crash_midway_keeps_finished_pages_and_a_rerun_continues(app, runner, requests_mock):
    mock_ptv_org(requests_mock)

    def crash(request, context):
        raise RuntimeError("simulated crash")

    mock_second_organization(requests_mock, json=crash)
    crashed = run(runner, "ptv", "--organization", ORG, "--organization", ORG2)
    assert isinstance(crashed.exception, RuntimeError)
    db.session.rollback()
    assert count(Organization) == 1 and ptv_org().name["fi"].startswith("Tampereen")
    failed = db.session.scalars(select(ImportRun)).one()
    assert failed.status == RUN_FAILED and "simulated crash" in failed.message
    assert failed.created == 1

    mock_second_organization(requests_mock)
    rerun = run(runner, "ptv", "--organization", ORG, "--organization", ORG2)
    assert rerun.exit_code == 0, rerun.output
    assert "created 1, updated 0, unchanged 1" in rerun.output
    assert count(Organization) == 2 and count(Service) == 4


def test_a_malformed_record_is_an_error_and_the_others_are_imported(app, runner, requests_mock):
    mock_ptv_org(requests_mock)
    mock_ptv_org(
        requests_mock,
        org_id=ORG2,
        content=b"<html><body>Service unavailable</body></html>",
        headers={"Content-Type": "text/html"},
    )
    result = run(runner, "ptv", "--organization", ORG2, "--organization", ORG)
    assert result.exit_code == 0, result.output
    assert f"{ORG2}: : expected JSON but the server sent HTML" in result.output
    assert count(Organization) == 1
    import_run = db.session.scalars(select(ImportRun)).one()
    assert import_run.status == RUN_FINISHED_WITH_ERRORS and import_run.errors == 1
    error = db.session.scalars(select(ImportItemError)).one()
    assert error.record == ORG2 and "HTML" in error.message


def test_the_csv_template_imports_from_a_file(app, runner):
    result = run(runner, "csv", "--file", str(fixture_path("csv", "activities.fi.csv")))
    assert result.exit_code == 0, result.output
    assert "created 2" in result.output
    assert count(Organization) == 2 and count(Service) == 3
    again = run(runner, "csv", "--file", str(fixture_path("csv", "activities.fi.csv")))
    assert "created 0, updated 0, unchanged 2" in again.output


def test_csv_rows_with_problems_are_named_and_skipped(app, runner):
    result = run(runner, "csv", "--file", str(fixture_path("csv", "with_errors.sv.csv")))
    assert result.exit_code == 0, result.output
    assert "row 3: Verksamhetens namn (finska): the activity has no name" in result.output
    assert "row 4: Kommuner: unknown municipality 'Atlantis'" in result.output
    assert count(Service) == 2
    assert db.session.scalars(select(ImportRun)).one().status == RUN_FINISHED_WITH_ERRORS


def test_lahella_activities_join_an_organisation_already_in_co_act(
    app, runner, requests_mock, monkeypatch
):
    org = make_organization(name={"fi": "Olohuone ry"}, website="https://olohuone.example.org")
    db.session.commit()
    monkeypatch.setenv(sources_cli.LAHELLA_TOKEN_ENV, "AUTH_TOKEN_x=secret")
    requests_mock.get(f"{LAHELLA}/robots.txt", status_code=404)
    requests_mock.get(
        f"{LAHELLA}/v1/activities?skip=0", json=fixture_json("lahella", "activities_page1.json")
    )
    requests_mock.get(
        f"{LAHELLA}/v1/activities?skip=100", json=fixture_json("lahella", "activities_page2.json")
    )
    args = ("lahella", "--organization", "ryhma-olohuone", "--into", org.public_id)
    result = run(runner, *args)
    assert result.exit_code == 0, result.output
    assert "secret" not in result.output
    db.session.expire_all()
    org = db.session.get(Organization, org.id)
    assert org.name == {"fi": "Olohuone ry"} and org.source == "manual"
    assert sorted(s.source_id for s in org.services) == ["1001", "1002", "1003"]
    assert {s.source for s in org.services} == {"lahella"}
    assert count(SourceDiff) == 0
    assert "unchanged 1" in run(runner, *args).output


def test_lahella_needs_the_organisation_it_belongs_to(app, runner):
    result = run(runner, "lahella", "--organization", "ryhma-olohuone")
    assert result.exit_code == 2
    assert "--into" in result.output


def test_an_hsds_feed_imports_page_by_page(app, runner, requests_mock):
    feed = "https://hsds.example.org/api"
    requests_mock.get("https://hsds.example.org/robots.txt", status_code=404)
    requests_mock.get(
        f"{feed}/organizations?page=1", json=fixture_json("hsds_feed", "organizations_page1.json")
    )
    requests_mock.get(
        f"{feed}/organizations?page=2", json=fixture_json("hsds_feed", "organizations_page2.json")
    )
    result = run(runner, "hsds-feed", "--url", feed, "--lang", "fi")
    assert result.exit_code == 0, result.output
    assert count(Organization) == 2
    assert db.session.scalars(select(ImportRun)).one().lang == "fi"


def test_an_unknown_source_lists_the_known_ones(app, runner):
    result = run(runner, "facebook")
    assert result.exit_code == 2
    assert "csv, hsds-feed, lahella, ptv" in result.output


def test_limit_stops_early_and_flags_nothing(app, runner, requests_mock):
    mock_ptv_org(requests_mock)
    mock_second_organization(requests_mock)
    result = run(runner, "ptv", "--organization", ORG, "--organization", ORG2, "--limit", "1")
    assert result.exit_code == 0, result.output
    assert count(Organization) == 1
    assert "nothing was flagged as vanished" in result.output
