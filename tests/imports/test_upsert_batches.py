"""The upsert compares a batch with plain snapshots of the stored rows and
builds ORM objects only for records that change something: what that must
not change about the results."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from coact.extensions import db
from coact.imports.upsert import import_records
from coact.models import DirectoryChange, Organization, Service
from scrapers.records import OrganizationRecord, ServiceRecord
from tests.imports.conftest import make_record

SOURCE = "testsource"
pytestmark = pytest.mark.usefixtures("app")


def run(records, **options):
    result = import_records(records, source=SOURCE, commit_batch=db.session.commit, **options)
    db.session.expire_all()
    return result


def org_by_source_id(source_id: str) -> Organization:
    return db.session.scalar(select(Organization).filter_by(source=SOURCE, source_id=source_id))


def changed_organization_ids(after: int) -> set[int]:
    return set(
        db.session.scalars(
            select(DirectoryChange.organization_id).where(DirectoryChange.id > after)
        )
    )


def last_change_id() -> int:
    return db.session.scalar(select(DirectoryChange.id).order_by(DirectoryChange.id.desc())) or 0


def test_two_records_of_one_organisation_in_a_batch_apply_in_order():
    run([make_record(1)])
    org = org_by_source_id("org-1")
    alias = OrganizationRecord(
        source=SOURCE,
        source_id="alias-1",
        public_id=org.public_id,
        name=dict(org.name),
        description={"fi": "Toisen listauksen kuvaus"},
        municipality_code="837",
        city="Tampere",
    )

    result = run([alias, make_record(1)], batch_size=2)

    assert [item.outcome for item in result.items] == ["updated", "updated"]
    assert "description.fi" in result.items[1].changes
    assert org_by_source_id("org-1").description == {"fi": "Kuvaus 1"}


def test_a_service_moving_to_another_organisation_changes_both():
    run([make_record(1), make_record(2)])
    old_owner, new_owner = org_by_source_id("org-1"), org_by_source_id("org-2")
    moved = make_record(1).services[0]
    giver = make_record(1, services=0)
    taker = make_record(2)
    taker.services.append(moved)
    after = last_change_id()

    result = run([taker, giver], batch_size=1)

    assert result.items[0].changes == [f"services[{moved.source_id}].organization"]
    assert result.items[1].outcome == "unchanged"
    service = db.session.scalar(select(Service).filter_by(source_id=moved.source_id))
    assert service.organization_id == new_owner.id
    assert changed_organization_ids(after) == {old_owner.id, new_owner.id}


def test_a_service_back_in_the_listing_loses_its_vanished_flag():
    records = [make_record(n) for n in range(5)] + [make_record(9, services=2)]
    run(records, full_source=True)
    run(records[:-1] + [make_record(9, services=1)], full_source=True)
    gone = db.session.scalar(select(Service).filter_by(source_id="org-9-service-1"))
    assert gone.review_flag == "vanished"

    result = run(records, full_source=True)

    assert db.session.get(Service, gone.id).review_flag is None
    assert result.items[-1].changes == ["services[org-9-service-1].review_flag"]
    assert [item.changes for item in result.items[:-1]] == [[]] * 5


def test_an_unchanged_rerun_leaves_every_row_and_the_change_log_alone():
    records = [make_record(n, services=2) for n in range(4)]
    records[0].services.append(
        ServiceRecord(source_id="extra", name={"fi": "Lisä"}, schedule_rules=[{"freq": "WEEKLY"}])
    )
    run(records, batch_size=3)
    stamps = {o.id: o.updated_at for o in db.session.scalars(select(Organization))}
    after = last_change_id()

    result = run(records, batch_size=3)

    assert (result.unchanged, result.updated, result.created) == (4, 0, 0)
    assert {o.id: o.updated_at for o in db.session.scalars(select(Organization))} == stamps
    assert changed_organization_ids(after) == set()
