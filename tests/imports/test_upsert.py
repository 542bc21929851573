"""The one upsert routine: matching, hand edits, vanished records, duplicates,
dry runs and batches that survive a crash."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from coact.extensions import db
from coact.imports import services
from coact.imports.upsert import ImportRefused, import_records
from coact.models import AuditLog, DirectoryChange, Organization, Service
from coact.models.imports import (
    DIFF_ACCEPTED,
    DIFF_DISMISSED,
    DIFF_PENDING,
    DUPLICATE_PENDING,
    RUN_FAILED,
    RUN_FINISHED,
    RUN_FINISHED_WITH_ERRORS,
    DuplicateCandidate,
    ImportItemError,
    ImportRun,
    SourceDiff,
)
from scrapers.records import AreaRecord, RecordError
from tests.factories import make_organization, make_user
from tests.imports.conftest import make_record

SOURCE = "testsource"
pytestmark = pytest.mark.usefixtures("app")


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def org_by_source_id(source_id: str) -> Organization:
    return db.session.scalar(select(Organization).filter_by(source=SOURCE, source_id=source_id))


def run(records, **options):
    options.setdefault("source", SOURCE)
    result = import_records(records, commit_batch=db.session.commit, **options)
    db.session.expire_all()
    return result


def test_creates_organisations_and_services():
    result = run([make_record(1, services=2), make_record(2)])
    assert (result.created, result.updated, result.unchanged) == (2, 0, 0)
    org = org_by_source_id("org-1")
    assert org.name == {"fi": "Yhdistys 1", "sv": "Förening 1"}
    assert org.sort_name == "yhdistys 1"
    assert [s.source_id for s in org.services] == ["org-1-service-0", "org-1-service-1"]
    assert sorted(org.services[0].languages) == ["ar", "fi"]
    assert org.services[0].themes == ["peer_support"]
    assert org.services[0].municipality_codes == ["837"]
    assert len(org.public_id) == 36 and org.fetched_at is not None
    stored_run = db.session.get(ImportRun, result.run_id)
    assert (stored_run.status, stored_run.created, stored_run.dry_run) == (RUN_FINISHED, 2, False)


def test_second_import_changes_nothing():
    run([make_record(1), make_record(2)])
    before = {o.source_id: o.updated_at for o in db.session.scalars(select(Organization))}
    services_before = {s.source_id: s.updated_at for s in db.session.scalars(select(Service))}
    changes_before = count(DirectoryChange)

    result = run([make_record(1), make_record(2)])

    assert (result.created, result.updated, result.unchanged, result.flagged) == (0, 0, 2, 0)
    assert {o.source_id: o.updated_at for o in db.session.scalars(select(Organization))} == before
    assert {
        s.source_id: s.updated_at for s in db.session.scalars(select(Service))
    } == services_before
    assert count(Organization) == 2 and count(Service) == 2
    assert count(DirectoryChange) == changes_before


def test_changed_fields_are_written_and_listed():
    run([make_record(1)])
    before = org_by_source_id("org-1").updated_at
    changed = make_record(1, description={"fi": "Uusi kuvaus"}, email="uusi@example.org")
    changed.services[0].themes = ["peer_support", "women_groups"]
    changed.services[0].areas = [AreaRecord("county", "08")]

    result = run([changed])

    assert result.updated == 1
    assert set(result.items[0].changes) == {
        "description.fi",
        "email",
        "services[org-1-service-0].themes",
        "services[org-1-service-0].areas",
    }
    org = org_by_source_id("org-1")
    assert org.description == {"fi": "Uusi kuvaus"} and org.email == "uusi@example.org"
    assert sorted(org.services[0].themes) == ["peer_support", "women_groups"]
    assert [(a.kind, a.code) for a in org.services[0].areas] == [("county", "08")]
    assert org.updated_at > before


def test_second_language_only_touches_its_texts():
    run([make_record(1)], lang=None)
    english = make_record(1, name={"en": "Association 1"}, description={})
    english.services[0].name = {"en": "Activity"}
    english.email = "from-english@example.org"

    run([english], lang="en")

    org = org_by_source_id("org-1")
    assert org.name == {"fi": "Yhdistys 1", "sv": "Förening 1", "en": "Association 1"}
    assert org.description == {"fi": "Kuvaus 1"}
    assert org.services[0].name == {"fi": "Toiminta 1.0", "en": "Activity"}
    assert org.email == "from-english@example.org"


def test_record_is_matched_by_public_id_across_sources():
    org = make_organization(name={"fi": "Käsin tehty"})
    db.session.commit()
    record = make_record(1, public_id=org.public_id, name={"fi": "Käsin tehty"})
    record.description = org.description
    record.municipality_code, record.city, record.email = "091", None, org.email

    result = run([record])

    assert count(Organization) == 1
    assert result.items[0].public_id == org.public_id
    stored = db.session.get(Organization, org.id)
    assert stored.source == "manual" and len(stored.services) == 1


def test_hand_edited_field_is_kept_and_the_difference_waits():
    run([make_record(1)])
    org = org_by_source_id("org-1")
    org.description = {"fi": "Käsin kirjoitettu"}
    org.mark_manual("description")
    db.session.commit()

    result = run([make_record(1, description={"fi": "Lähteen uusi teksti"})])

    assert result.flagged == 1 and result.items[0].diffs == ["description.fi"]
    org = org_by_source_id("org-1")
    assert org.description == {"fi": "Käsin kirjoitettu"}
    (diff,) = db.session.scalars(select(SourceDiff)).all()
    assert (diff.entity, diff.field, diff.lang, diff.source_value, diff.status) == (
        "organization",
        "description",
        "fi",
        "Lähteen uusi teksti",
        DIFF_PENDING,
    )
    assert services.current_value(diff) == "Käsin kirjoitettu"

    again = run([make_record(1, description={"fi": "Lähteen uusi teksti"})])
    assert again.unchanged == 1 and count(SourceDiff) == 1


def test_manual_mark_for_one_language_leaves_the_others_to_the_source():
    run([make_record(1)])
    org = org_by_source_id("org-1")
    org.name = {"fi": "Oma nimi", "sv": "Förening 1"}
    org.mark_manual("name.fi")
    db.session.commit()

    run([make_record(1, name={"fi": "Lähteen nimi", "sv": "Ny förening"})])

    assert org_by_source_id("org-1").name == {"fi": "Oma nimi", "sv": "Ny förening"}
    assert [(d.field, d.lang) for d in db.session.scalars(select(SourceDiff))] == [("name", "fi")]


def test_service_field_edited_by_hand_gets_a_diff():
    run([make_record(1)])
    service = org_by_source_id("org-1").services[0]
    service.languages = ["fi", "so"]
    service.mark_manual("languages")
    db.session.commit()

    run([make_record(1)])

    (diff,) = db.session.scalars(select(SourceDiff)).all()
    assert (diff.entity, diff.field, diff.source_value) == ("service", "languages", ["ar", "fi"])
    assert sorted(db.session.get(Service, service.id).languages) == ["fi", "so"]


def test_accepting_a_diff_takes_the_source_value():
    run([make_record(1)])
    org = org_by_source_id("org-1")
    org.description = {"fi": "Käsin"}
    org.mark_manual("description")
    user = make_user("admin")
    db.session.commit()
    run([make_record(1, description={"fi": "Lähteestä"})])
    diff = db.session.scalars(select(SourceDiff)).one()

    services.accept_source_diff(diff, user)
    db.session.commit()

    org = org_by_source_id("org-1")
    assert org.description == {"fi": "Lähteestä"}
    assert "description" not in org.manual_fields
    assert diff.status == DIFF_ACCEPTED and diff.decided_by_id == user.id
    audit = db.session.scalars(select(AuditLog).filter_by(action="import.diff_accepted")).one()
    assert audit.details["description.fi"] == {"old": "Käsin", "new": "Lähteestä"}
    with pytest.raises(services.DecisionError):
        services.dismiss_source_diff(diff, user)


def test_accepting_one_language_keeps_the_others_protected():
    run([make_record(1)])
    org = org_by_source_id("org-1")
    org.name = {"fi": "Oma", "sv": "Egen"}
    org.mark_manual("name")
    db.session.commit()
    run([make_record(1, name={"fi": "Lähde", "sv": "Källa"})])
    fi_diff = db.session.scalars(select(SourceDiff).filter_by(lang="fi")).one()

    services.accept_source_diff(fi_diff, make_user("admin"))
    db.session.commit()

    org = org_by_source_id("org-1")
    assert org.name == {"fi": "Lähde", "sv": "Egen"}
    assert org.manual_fields == ["name.sv"]


def test_dismissed_value_is_not_proposed_again_but_a_new_one_is():
    run([make_record(1)])
    org = org_by_source_id("org-1")
    org.email = "oma@example.org"
    org.mark_manual("email")
    db.session.commit()
    run([make_record(1, email="lahde@example.org")])
    diff = db.session.scalars(select(SourceDiff)).one()
    services.dismiss_source_diff(diff, make_user("admin"))
    db.session.commit()

    run([make_record(1, email="lahde@example.org")])
    assert count(SourceDiff) == 1 and diff.status == DIFF_DISMISSED

    run([make_record(1, email="uusin@example.org")])
    pending = services.pending_source_diffs()
    assert [d.source_value for d in pending] == ["uusin@example.org"]
    assert org_by_source_id("org-1").email == "oma@example.org"


def test_pending_diff_goes_when_the_source_agrees_again():
    run([make_record(1)])
    org = org_by_source_id("org-1")
    org.email = "oma@example.org"
    org.mark_manual("email")
    db.session.commit()
    run([make_record(1, email="lahde@example.org")])
    assert count(SourceDiff) == 1

    run([make_record(1, email="oma@example.org")])

    assert count(SourceDiff) == 0


def test_record_made_in_the_app_is_never_overwritten():
    org = make_organization(name={"fi": "Käsin tehty"}, description={"fi": "Oma kuvaus"})
    db.session.commit()
    record = make_record(1, public_id=org.public_id, name={"fi": "Käsin tehty"})
    record.description = {"fi": "Vieras kuvaus"}

    run([record])

    stored = db.session.get(Organization, org.id)
    assert stored.description == {"fi": "Oma kuvaus"}
    assert {(d.field, d.lang) for d in services.pending_source_diffs()} >= {("description", "fi")}


def test_vanished_records_are_flagged_not_deleted():
    run([make_record(n) for n in range(5)], full_source=True)

    result = run([make_record(n) for n in range(4)], full_source=True)

    gone = org_by_source_id("org-4")
    assert gone.review_flag == "vanished" and count(Organization) == 5
    assert result.vanished == [gone.public_id] and result.flagged == 1

    back = run([make_record(n) for n in range(5)], full_source=True)
    assert org_by_source_id("org-4").review_flag is None
    assert back.updated == 1 and "review_flag" in back.items[4].changes


def test_vanished_services_of_seen_organisations_are_flagged():
    run([make_record(n) for n in range(5)] + [make_record(9, services=2)], full_source=True)

    run([make_record(n) for n in range(5)] + [make_record(9, services=1)], full_source=True)

    flagged_services = db.session.scalars(select(Service).filter_by(review_flag="vanished")).all()
    assert [s.source_id for s in flagged_services] == ["org-9-service-1"]
    assert count(Service) == 7


def test_more_than_a_fifth_vanishing_is_refused():
    run([make_record(n) for n in range(5)], full_source=True)

    result = run([make_record(n) for n in range(3)], full_source=True)

    assert result.vanish_refused and "2 of 5 organisations" in result.vanish_refused
    assert count(Organization) == 5
    assert not db.session.scalars(
        select(Organization).where(Organization.review_flag.is_not(None))
    ).all()
    stored_run = db.session.get(ImportRun, result.run_id)
    assert stored_run.status == RUN_FINISHED_WITH_ERRORS
    assert "more than 20%" in stored_run.item_errors[0].message

    forced = run([make_record(n) for n in range(3)], full_source=True, force_vanish=True)
    assert len(forced.vanished) == 2


def test_empty_fetch_flags_nothing():
    run([make_record(n) for n in range(3)], full_source=True)

    result = run([], full_source=True)

    assert "no records" in result.vanish_refused
    assert not db.session.scalars(select(Organization).filter_by(review_flag="vanished")).all()


def test_full_source_can_be_decided_after_reading():
    run([make_record(n) for n in range(5)])
    complete = []
    result = run([make_record(n) for n in range(4)], full_source=lambda: bool(complete))
    assert result.vanished == []
    complete.append(True)
    result = run([make_record(n) for n in range(4)], full_source=lambda: bool(complete))
    assert len(result.vanished) == 1


@pytest.mark.parametrize(
    ("existing", "incoming", "reason"),
    [
        (
            {"business_id": "1234567-8"},
            {"business_id": "1234567-8", "municipality_code": "091"},
            "business_id",
        ),
        (
            {"name": {"fi": "Esimerkkiyhdistys ry"}, "municipality_code": "837"},
            {"name": {"sv": "x", "fi": "esimerkkiyhdistys  RY"}},
            "name_municipality",
        ),
        (
            {"website": "https://www.esimerkki.example.org/"},
            {"website": "http://esimerkki.example.org"},
            "website",
        ),
    ],
)
def test_possible_duplicate_is_flagged_not_created(existing, incoming, reason):
    other = make_organization(**existing)
    db.session.commit()

    result = run([make_record(1, **incoming)])

    assert count(Organization) == 1 and result.flagged == 1
    item = result.items[0]
    assert (item.duplicate_of, item.duplicate_reason) == (other.public_id, reason)
    candidate = db.session.scalars(select(DuplicateCandidate)).one()
    assert (candidate.organization_id, candidate.reason, candidate.status) == (
        other.id,
        reason,
        DUPLICATE_PENDING,
    )
    assert db.session.get(Organization, other.id).review_flag == "duplicate"

    again = run([make_record(1, **incoming)])
    assert again.unchanged == 1 and count(DuplicateCandidate) == 1


def test_same_source_records_are_not_duplicates_of_each_other():
    run([make_record(1, business_id="1234567-8"), make_record(2, business_id="1234567-8")])
    assert count(Organization) == 2 and count(DuplicateCandidate) == 0


def test_confirmed_duplicate_is_skipped_from_then_on():
    other = make_organization(business_id="1234567-8")
    db.session.commit()
    run([make_record(1, business_id="1234567-8")])
    candidate = services.pending_duplicates()[0]

    services.confirm_duplicate(candidate, make_user("coordinator"))
    db.session.commit()

    assert db.session.get(Organization, other.id).review_flag is None
    result = run([make_record(1, business_id="1234567-8")])
    assert result.unchanged == 1 and count(Organization) == 1


def test_rejected_duplicate_is_created():
    make_organization(business_id="1234567-8")
    db.session.commit()
    run([make_record(1, business_id="1234567-8")])
    candidate = services.pending_duplicates()[0]

    created = services.reject_duplicate(candidate, make_user("admin"))
    db.session.commit()

    assert count(Organization) == 2
    assert created.source == SOURCE and created.source_id == "org-1"
    assert len(created.services) == 1
    result = run([make_record(1, business_id="1234567-8")])
    assert result.unchanged == 1


def test_dry_run_writes_nothing_but_reports():
    run([make_record(1)])
    changed = make_record(1, email="uusi@example.org")
    other = make_organization(business_id="7654321-0")
    db.session.commit()
    rows_before = (count(Organization), count(Service), count(DirectoryChange))

    result = run([changed, make_record(2), make_record(3, business_id="7654321-0")], dry_run=True)

    assert (result.created, result.updated, result.flagged) == (1, 1, 1)
    assert result.items[0].changes == ["email"]
    assert result.items[2].duplicate_of == other.public_id
    assert (count(Organization), count(Service), count(DirectoryChange)) == rows_before
    assert count(DuplicateCandidate) == 0
    assert org_by_source_id("org-1").email is None
    assert db.session.get(ImportRun, result.run_id).dry_run is True


def test_crash_keeps_finished_batches_and_rerun_resumes():
    records = [make_record(n) for n in range(5)]

    def crashing():
        yield from records[:2]
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        run(crashing(), batch_size=2)

    assert count(Organization) == 2
    failed = db.session.scalars(select(ImportRun)).one()
    assert failed.status == RUN_FAILED and "power cut" in failed.message
    assert failed.created == 2

    result = run(records, batch_size=2)
    assert (result.created, result.unchanged) == (3, 2)
    assert count(Organization) == 5 and count(Service) == 5


def test_ctrl_c_in_a_batch_rolls_that_batch_back():
    records = [make_record(n) for n in range(4)]

    def interrupted():
        yield from records[:2]
        yield records[2]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run(interrupted(), batch_size=2)

    assert count(Organization) == 2
    assert db.session.scalars(select(ImportRun)).one().status == RUN_FAILED


def test_bad_records_are_skipped_with_errors_naming_record_and_field():
    bad = make_record(2)
    bad.services[0].languages = ["xx"]
    bad.services[0].areas = [AreaRecord("municipality", "999")]

    result = run([make_record(1), bad, RecordError("org-3", "name", "could not read")])

    assert (result.created, result.errors) == (1, 2)
    fields = {(e.record, e.field) for e in result.record_errors}
    assert {
        ("org-2", "services[0].languages[0]"),
        ("org-2", "services[0].areas[0]"),
        ("org-3", "name"),
    } <= fields
    assert count(ImportItemError) == 3
    assert db.session.get(ImportRun, result.run_id).status == RUN_FINISHED_WITH_ERRORS


def test_unknown_language_option_is_refused():
    with pytest.raises(ImportRefused):
        import_records([], source=SOURCE, lang="klingon")


def test_repeated_record_in_one_run_is_an_error():
    result = run([make_record(1), make_record(1)])
    assert (result.created, result.errors) == (1, 1)
    assert result.record_errors[0].message == "appears twice in this import"


def test_accepting_a_service_areas_diff_replaces_the_areas():
    run([make_record(1)])
    service = org_by_source_id("org-1").services[0]
    service.areas = []
    service.mark_manual("areas")
    db.session.commit()
    moved = make_record(1)
    moved.services[0].areas = [AreaRecord("municipality", "837"), AreaRecord("county", "08")]
    run([moved])
    diff = db.session.scalars(select(SourceDiff)).one()
    assert diff.source_value == [
        {"kind": "county", "code": "08"},
        {"kind": "municipality", "code": "837"},
    ]
    assert services.current_value(diff) == []

    services.accept_source_diff(diff, make_user("admin"))
    db.session.commit()

    stored = db.session.get(Service, service.id)
    assert sorted((a.kind, a.code) for a in stored.areas) == [
        ("county", "08"),
        ("municipality", "837"),
    ]
    assert stored.manual_fields == []


def test_duplicate_candidate_gathers_the_language_files():
    make_organization(business_id="1234567-8")
    db.session.commit()
    run([make_record(1, business_id="1234567-8", name={"fi": "Nimi"})], lang="fi")
    swedish = make_record(1, business_id="1234567-8", name={"sv": "Namn"}, description={})
    run([swedish], lang="sv")

    candidate = services.pending_duplicates()[0]
    assert candidate.record["name"] == {"fi": "Nimi", "sv": "Namn"}
    assert candidate.lang == "fi,sv"
    created = services.reject_duplicate(candidate, make_user("admin"))
    assert created.name == {"fi": "Nimi", "sv": "Namn"}
