"""The one upsert routine every importer uses.

:func:`import_records` (or :func:`import_pages`, one batch per fetched page)
writes normalised records (:mod:`scrapers.records`) into the directory:

- A record is matched by (source, source id), else by its public id (a second
  language file of the same ids, or a record created in the app and exported).
- Fields are compared, then set; only differences are written and listed, and
  ``updated_at`` moves only when something changed.
- A field someone edited by hand (listed in ``manual_fields`` as ``"name"`` for
  every language or ``"name.sv"`` for one; every field of a record created in
  the app) is never overwritten: the source's value waits as a
  :class:`~coact.models.imports.SourceDiff` to be accepted or dismissed.
- With ``lang`` given, only that language's texts are touched (merging a second
  language file); other fields may come from any language.
- Nothing is deleted. With ``full_source`` the records are the whole source (or
  the whole ``scope``): records of the source not seen are flagged
  ``"vanished"`` — refused when the fetch was empty or more than 20 % would go.
- A new record that looks like an organisation from another source or made by
  hand (same business id, same name in the same municipality, or same website)
  is not created twice: it waits as a
  :class:`~coact.models.imports.DuplicateCandidate`, and the existing
  organisation is flagged ``"duplicate"``.
- Records are written in batches; after each batch ``commit_batch`` is called
  (the CLI passes ``db.session.commit``), so a crash or Ctrl-C keeps the
  finished batches and a rerun continues where it stopped without duplicates.
- ``dry_run`` plans everything and writes nothing but the :class:`ImportRun`
  report.

Speed: a batch is compared with plain snapshots of the stored rows (a few
column queries, no ORM objects); ORM objects are built only for records that
change something, so reading an unchanged source again is reads and compares.
"""

from __future__ import annotations

import re
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from functools import cache
from itertools import islice
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from coact import reference
from coact.extensions import db
from coact.models.base import new_public_id, utcnow
from coact.models.directory import (
    AREA_COUNTY,
    AREA_MUNICIPALITY,
    AREA_NATIONWIDE,
    ORGANIZATION_STATUSES,
    SERVICE_STATUSES,
    Organization,
    Service,
    ServiceArea,
    ServiceInterpreterLanguage,
    ServiceLanguage,
    ServiceTargetGroup,
    ServiceTheme,
)
from coact.models.imports import (
    DIFF_PENDING,
    DUPLICATE_CONFIRMED,
    DUPLICATE_PENDING,
    FLAG_DUPLICATE,
    FLAG_VANISHED,
    RUN_FAILED,
    RUN_FINISHED,
    RUN_FINISHED_WITH_ERRORS,
    RUN_RUNNING,
    DuplicateCandidate,
    ImportItemError,
    ImportRun,
    SourceDiff,
)
from scrapers.records import AreaRecord, OrganizationRecord, RecordError, ServiceRecord

DEFAULT_BATCH_SIZE = 50
#: Flagging more than this share of a source as vanished needs ``force_vanish``.
MAX_VANISHED_SHARE = 0.2
MANUAL_SOURCE = "manual"

OUTCOME_CREATED = "created"
OUTCOME_UPDATED = "updated"
OUTCOME_UNCHANGED = "unchanged"
#: A person has to look: a possible duplicate, or the source disagrees with a hand edit.
OUTCOME_FLAGGED = "flagged"
OUTCOME_ERROR = "error"

TEXT, VALUE, CODES, AREAS, NAMES = "text", "value", "codes", "areas", "names"

#: Fields an import writes, by how they are compared and written.
ORGANIZATION_FIELDS: dict[str, str] = {
    "name": TEXT,
    "description": TEXT,
    "alternate_names": NAMES,
    "business_id": VALUE,
    "website": VALUE,
    "email": VALUE,
    "phone": VALUE,
    "street_address": VALUE,
    "postal_code": VALUE,
    "city": VALUE,
    "municipality_code": VALUE,
    "contact_name": VALUE,
    "contact_title": TEXT,
    "contact_email": VALUE,
    "contact_phone": VALUE,
    "status": VALUE,
}
SERVICE_FIELDS: dict[str, str] = {
    "name": TEXT,
    "description": TEXT,
    "schedule": TEXT,
    "schedule_rules": VALUE,
    "eligibility": TEXT,
    "interpretation_text": TEXT,
    "languages": CODES,
    "interpreter_languages": CODES,
    "themes": CODES,
    "target_groups": CODES,
    "areas": AREAS,
    "accepts_referrals": VALUE,
    "can_escort": VALUE,
    "online": VALUE,
    "minimum_age": VALUE,
    "maximum_age": VALUE,
    "email": VALUE,
    "url": VALUE,
    "status": VALUE,
}
#: Provenance kept in step with the source; nobody edits these by hand.
SYSTEM_FIELDS = ("source_url", "source_modified_at", "hsds_ids")

_CODE_ROWS = {
    "languages": ("language_rows", ServiceLanguage),
    "interpreter_languages": ("interpreter_rows", ServiceInterpreterLanguage),
    "themes": ("theme_rows", ServiceTheme),
    "target_groups": ("target_group_rows", ServiceTargetGroup),
}


class ImportRefused(ValueError):
    """The import cannot start (e.g. an unknown language)."""


@dataclass
class ItemOutcome:
    """What happened (or, in a dry run, would happen) to one organisation record."""

    record: str
    name: str
    outcome: str
    public_id: str | None = None
    #: Changed fields: "name.sv", "services[<source id>].themes", "services[<id>]" (new).
    changes: list[str] = field(default_factory=list)
    #: Fields whose source value waits as a SourceDiff (hand edits kept).
    diffs: list[str] = field(default_factory=list)
    #: Public id of the organisation this record may duplicate, and why.
    duplicate_of: str | None = None
    duplicate_reason: str | None = None


@dataclass
class ImportResult:
    run_id: int | None
    source: str
    dry_run: bool
    status: str = RUN_RUNNING
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    #: Records needing a person (duplicates, hand edits the source disagrees with)
    #: plus records flagged as vanished.
    flagged: int = 0
    errors: int = 0
    items: list[ItemOutcome] = field(default_factory=list)
    record_errors: list[RecordError] = field(default_factory=list)
    #: Public ids of organisations and services flagged (or, dry run, to be flagged) vanished.
    vanished: list[str] = field(default_factory=list)
    #: Why the vanished step was refused, or None.
    vanish_refused: str | None = None

    def count(self, outcome: str) -> None:
        name = _COUNTER[outcome]
        setattr(self, name, getattr(self, name) + 1)

    def summary(self) -> str:
        prefix = "Dry run, nothing written: would have " if self.dry_run else ""
        return (
            f"{prefix}created {self.created}, updated {self.updated}, unchanged "
            f"{self.unchanged}, flagged {self.flagged}, errors {self.errors}."
        )


_COUNTER = {
    OUTCOME_CREATED: "created",
    OUTCOME_UPDATED: "updated",
    OUTCOME_UNCHANGED: "unchanged",
    OUTCOME_FLAGGED: "flagged",
    OUTCOME_ERROR: "errors",
}

Item = OrganizationRecord | RecordError


def import_records(
    records: Iterable[Item],
    *,
    source: str,
    lang: str | Sequence[str] | None = None,
    dry_run: bool = False,
    full_source: bool | Callable[[], bool] = False,
    scope: Mapping[str, Sequence[str]] | None = None,
    force_vanish: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    commit_batch: Callable[[], None] | None = None,
    user=None,
) -> ImportResult:
    """Upsert ``records`` of ``source`` in batches of ``batch_size``; see the module doc.

    ``records`` may hold :class:`RecordError` items too (a scraper's parse
    errors): they are stored on the run and counted as errors.
    ``lang``: the language(s) of the records' texts; only those keys of the
    multilingual fields are touched. None: the records carry every language,
    and their texts replace the stored ones.
    ``full_source``: the records are everything the source (within ``scope``,
    e.g. ``{"municipalities": ["837"]}`` or ``{"organizations": [source ids]}``)
    has; a callable is asked after the records are consumed (a scraper knows
    only then whether every page was read).
    ``commit_batch``: called after each batch (and once at the start and end);
    without it the caller owns the one transaction.
    """
    job = RecordImport(
        source=source,
        lang=lang,
        dry_run=dry_run,
        full_source=full_source,
        scope=scope,
        force_vanish=force_vanish,
        commit_batch=commit_batch,
        user=user,
    )
    try:
        for batch in _chunks(records, batch_size):
            job.add_batch(batch)
        return job.finish()
    except BaseException as exc:
        job.fail(exc)
        raise


def import_pages(pages: Iterable[Iterable[Item]], **options) -> ImportResult:
    """Like :func:`import_records`, one batch (one transaction) per fetched page."""
    options.pop("batch_size", None)
    job = RecordImport(**options)
    try:
        for page in pages:
            job.add_batch(list(page))
        return job.finish()
    except BaseException as exc:
        job.fail(exc)
        raise


class RecordImport:
    """One run of one source, fed batch by batch (see :func:`import_records`)."""

    def __init__(
        self,
        *,
        source: str,
        lang: str | Sequence[str] | None = None,
        dry_run: bool = False,
        full_source: bool | Callable[[], bool] = False,
        scope: Mapping[str, Sequence[str]] | None = None,
        force_vanish: bool = False,
        commit_batch: Callable[[], None] | None = None,
        user=None,
    ) -> None:
        if not source or source == MANUAL_SOURCE:
            raise ImportRefused(f"{source!r} is not an import source name.")
        self.source = source
        self.langs = _languages(lang)
        self.dry_run = dry_run
        self.full_source = full_source
        self.scope = dict(scope or {})
        self.force_vanish = force_vanish
        self.commit_batch = commit_batch
        self.records_seen = 0
        self._seen_orgs: set[str] = set()
        #: Records the source had but that could not be read (not vanished).
        self._errored: set[str] = set()
        self._errored_counted: set[str] = set()
        self._seen_public_ids: set[str] = set()
        self._seen_services: set[str] = set()
        self._seen_service_public_ids: set[str] = set()
        self._touched_org_ids: set[int] = set()
        self._created: list[Organization] = []
        self._duplicates: _DuplicateIndex | None = None
        run = ImportRun(
            source=source,
            lang=",".join(self.langs) if self.langs else None,
            started_at=utcnow(),
            status=RUN_RUNNING,
            dry_run=dry_run,
            full_source=bool(full_source),
            started_by_id=getattr(user, "id", None),
            created=0,
            updated=0,
            unchanged=0,
            flagged=0,
            errors=0,
        )
        db.session.add(run)
        db.session.flush()
        self.run_id = run.id
        self.result = ImportResult(run_id=run.id, source=source, dry_run=dry_run)
        self._committed = _counts(self.result)
        self._commit()

    # -- batches ---------------------------------------------------------------

    def add_batch(self, items: Sequence[Item]) -> None:
        """Write one batch and commit it (when ``commit_batch`` was given)."""
        now = utcnow()
        run = self._run()
        records: list[OrganizationRecord] = []
        for item in items:
            if isinstance(item, RecordError):
                self._record_errors(run, [item])
                self._errored.add(item.record)
                if item.record not in self._errored_counted:
                    self._errored_counted.add(item.record)
                    self.result.items.append(ItemOutcome(item.record, "", OUTCOME_ERROR))
                    self.result.count(OUTCOME_ERROR)
            else:
                records.append(item)
        self.records_seen += len(records)
        checked = [(record, check_record(record)) for record in records]
        found = _Prefetch(self.source, records)
        self._find_unchanged([r for r, errors in checked if not errors], found)
        for record, errors in checked:
            outcome = self._upsert(record, errors, found, run, now)
            self.result.items.append(outcome)
            self.result.count(outcome.outcome)
        self._store_counts(run)
        db.session.flush()
        self._touched_org_ids.update(org.id for org in self._created)
        self._created.clear()
        self._commit()

    def finish(self) -> ImportResult:
        """Flag what vanished (full source only), close the run and return the report."""
        run = self._run()
        full = self.full_source() if callable(self.full_source) else self.full_source
        run.full_source = bool(full)
        if full:
            self._flag_vanished(run)
        run.status = (
            RUN_FINISHED_WITH_ERRORS
            if self.result.errors or self.result.vanish_refused
            else RUN_FINISHED
        )
        run.finished_at = utcnow()
        self.result.status = run.status
        self._store_counts(run)
        self._commit()
        return self.result

    def fail(self, exc: BaseException) -> None:
        """After an exception: keep the committed batches and mark the run failed."""
        self.result.status = RUN_FAILED
        if self.commit_batch is None:
            return
        db.session.rollback()
        run = db.session.get(ImportRun, self.run_id)
        if run is None:
            return
        for name, value in self._committed.items():
            setattr(run, name, value)
        run.status = RUN_FAILED
        run.finished_at = utcnow()
        run.message = (f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)[:2000]
        self.commit_batch()

    # -- one record ------------------------------------------------------------

    def _find_unchanged(self, records: Sequence[OrganizationRecord], found: _Prefetch) -> None:
        """Compare the batch with the stored snapshots and load ORM objects only
        for the records that will change something.

        An unchanged record (the usual case when a source is read again) then
        costs no ORM object, flush or write. Records that share a stored
        organisation or service are left to the ORM path, which sees each
        write of the batch as it happens.
        """
        matches = []
        org_uses: Counter[int] = Counter()
        service_uses: Counter[int] = Counter()
        for record in records:
            stored = found.organization(record)
            if stored is None:
                continue
            services = [found.service(stored, s) for s in record.services]
            org_uses[stored.id] += 1
            service_uses.update(s.id for s in services if s is not None)
            matches.append((record, stored, services))
        load_orgs: set[int] = set()
        load_services: set[int] = set()
        for record, stored, services in matches:
            ids = [s.id for s in services if s is not None]
            if (
                org_uses[stored.id] == 1
                and all(service_uses[i] == 1 for i in ids)
                and self._leaves_alone(stored, record, services, found)
            ):
                found.unchanged.add(id(record))
            else:
                # A service moving here leaves its old organisation: load that
                # too, so the change log lists both.
                load_orgs.add(stored.id)
                load_orgs.update(s.organization_id for s in services if s is not None)
                load_services.update(ids)
        found.load(load_orgs, load_services)

    def _leaves_alone(
        self,
        stored: _StoredOrganization,
        record: OrganizationRecord,
        services: Sequence[_StoredService | None],
        found: _Prefetch,
    ) -> bool:
        """Whether :meth:`_update` would find nothing to write, list or flag."""
        diffs = found.diffs.get(stored.id, [])
        if stored.review_flag == FLAG_VANISHED or any(d.status == DIFF_PENDING for d in diffs):
            return False
        plan = _plan(stored, record, ORGANIZATION_FIELDS, self.langs, self.source)
        if plan.changes or _new_diffs(diffs, "organization", None, plan):
            return False
        for service, service_record in zip(services, record.services, strict=True):
            if (
                service is None
                or service.organization_id != stored.id
                or service.review_flag == FLAG_VANISHED
            ):
                return False
            plan = _plan(service, service_record, SERVICE_FIELDS, self.langs, self.source)
            if plan.changes or _new_diffs(diffs, "service", service.id, plan):
                return False
        return True

    def _upsert(
        self,
        record: OrganizationRecord,
        errors: list[RecordError],
        found: _Prefetch,
        run: ImportRun,
        now: datetime,
    ) -> ItemOutcome:
        outcome = ItemOutcome(
            record=record.source_id or "?",
            name=reference.pick_text(record.name, "fi"),
            outcome=OUTCOME_UNCHANGED,
        )
        errors = errors + self._check_repeats(record)
        self._seen_orgs.add(record.source_id)
        if errors:
            self._record_errors(run, errors)
            outcome.outcome = OUTCOME_ERROR
            return outcome
        self._remember(record)
        stored = found.organization(record)
        if stored is None:
            return self._create_or_flag(record, found, run, now, outcome)
        self._touched_org_ids.add(stored.id)
        outcome.public_id = stored.public_id
        if id(record) not in found.unchanged:
            self._update(
                found.orm_organization(stored.id), stored, record, found, run, now, outcome
            )
        return outcome

    def _create_or_flag(
        self,
        record: OrganizationRecord,
        found: _Prefetch,
        run: ImportRun,
        now: datetime,
        outcome: ItemOutcome,
    ) -> ItemOutcome:
        candidate = found.candidates.get(record.source_id)
        if candidate is not None and candidate.status == DUPLICATE_CONFIRMED:
            outcome.duplicate_of = candidate.organization.public_id
            outcome.duplicate_reason = candidate.reason
            return outcome
        if candidate is not None and candidate.status == DUPLICATE_PENDING:
            outcome.duplicate_of = candidate.organization.public_id
            outcome.duplicate_reason = candidate.reason
            if self.langs is not None:
                record = _merge_texts(record_from_json(candidate.record), record, self.langs)
            stored = record_to_json(record)
            if candidate.record != stored:
                outcome.outcome = OUTCOME_FLAGGED
                if not self.dry_run:
                    candidate.record = stored
                    candidate.lang = _join_languages(candidate.lang, self.langs)
                    candidate.run_id = run.id
            return outcome
        if self._duplicates is None:
            self._duplicates = _DuplicateIndex(self.source)
        match = self._duplicates.find(record)
        if match is not None:
            existing, reason = match
            outcome.outcome = OUTCOME_FLAGGED
            outcome.duplicate_of = existing.public_id
            outcome.duplicate_reason = reason
            if not self.dry_run:
                db.session.add(
                    DuplicateCandidate(
                        source=self.source,
                        source_id=record.source_id,
                        organization=existing,
                        reason=reason,
                        record=record_to_json(record),
                        lang=",".join(self.langs) if self.langs else None,
                        status=DUPLICATE_PENDING,
                        created_at=now,
                        run_id=run.id,
                    )
                )
                if existing.review_flag is None:
                    existing.review_flag = FLAG_DUPLICATE
            return outcome
        outcome.outcome = OUTCOME_CREATED
        if self.dry_run:
            outcome.public_id = record.public_id
            return outcome
        org = create_organization(record, source=self.source, langs=self.langs, now=now)
        self._created.append(org)
        outcome.public_id = org.public_id
        return outcome

    def _update(
        self,
        org: Organization,
        stored: _StoredOrganization,
        record: OrganizationRecord,
        found: _Prefetch,
        run: ImportRun,
        now: datetime,
        outcome: ItemOutcome,
    ) -> None:
        diffs = found.diffs.get(org.id, [])
        plan = _plan(org, record, ORGANIZATION_FIELDS, self.langs, self.source)
        outcome.changes += plan.labels()
        new_diffs = _new_diffs(diffs, "organization", None, plan)
        outcome.diffs += [d.label for d in new_diffs]
        service_plans: list[tuple[Service | None, ServiceRecord, _Plan | None]] = []
        for service_record in record.services:
            prefix = f"services[{service_record.source_id}]"
            match = found.service(stored, service_record)
            service = None if match is None else found.orm_service(match.id)
            if service is None:
                service_plans.append((None, service_record, None))
                outcome.changes.append(prefix)
                continue
            service_plan = _plan(service, service_record, SERVICE_FIELDS, self.langs, self.source)
            if service.organization_id != org.id:
                service_plan.moved = True
            service_plans.append((service, service_record, service_plan))
            outcome.changes += [f"{prefix}.{label}" for label in service_plan.labels()]
            service_diffs = _new_diffs(diffs, "service", service.id, service_plan)
            new_diffs += service_diffs
            outcome.diffs += [f"{prefix}.{d.label}" for d in service_diffs]
        if outcome.changes:
            outcome.outcome = OUTCOME_UPDATED
        if outcome.diffs:
            outcome.outcome = OUTCOME_FLAGGED
        if self.dry_run:
            return

        org_changed = plan.apply(org)
        for service, service_record, service_plan in service_plans:
            if service is None:
                service = create_service(
                    service_record, source=self.source, langs=self.langs, now=now
                )
                org.services.append(service)
                org_changed = True
            elif service_plan.apply(service):
                if service_plan.moved:
                    service.organization = org
                service.updated_at = now
                service.fetched_at = now
                org_changed = True
            if service.review_flag == FLAG_VANISHED:
                service.review_flag = None
                outcome.changes.append(f"services[{service_record.source_id}].review_flag")
        if org_changed:
            org.updated_at = now
            org.fetched_at = now
        if org.review_flag == FLAG_VANISHED:
            org.review_flag = None
            outcome.changes.append("review_flag")
            if outcome.outcome == OUTCOME_UNCHANGED:
                outcome.outcome = OUTCOME_UPDATED
        _store_diffs(diffs, new_diffs, org, self.source, run, now)
        _drop_stale_diffs(diffs, plan, service_plans)

    # -- bookkeeping -------------------------------------------------------------

    def _check_repeats(self, record: OrganizationRecord) -> list[RecordError]:
        errors = []
        if record.source_id in self._seen_orgs:
            errors.append(RecordError(record.source_id, "id", "appears twice in this import"))
        if record.public_id and record.public_id in self._seen_public_ids:
            errors.append(
                RecordError(record.source_id, "public_id", "appears twice in this import")
            )
        for i, service in enumerate(record.services):
            if service.source_id in self._seen_services:
                errors.append(
                    RecordError(
                        record.source_id,
                        f"services[{i}].id",
                        f"{service.source_id} appears twice in this import",
                    )
                )
            if service.public_id and service.public_id in self._seen_service_public_ids:
                errors.append(
                    RecordError(
                        record.source_id,
                        f"services[{i}].public_id",
                        f"{service.public_id} appears twice in this import",
                    )
                )
        return errors

    def _remember(self, record: OrganizationRecord) -> None:
        if record.public_id:
            self._seen_public_ids.add(record.public_id)
        for service in record.services:
            self._seen_services.add(service.source_id)
            if service.public_id:
                self._seen_service_public_ids.add(service.public_id)

    def _record_errors(self, run: ImportRun, errors: Sequence[RecordError]) -> None:
        self.result.record_errors += errors
        db.session.add_all(
            ImportItemError(
                run_id=run.id,
                record=error.record[:255],
                field=error.field[:255],
                message=error.message,
            )
            for error in errors
        )

    def _flag_vanished(self, run: ImportRun) -> None:
        """Set difference on ids: only the rows that vanished become ORM objects."""
        if self.records_seen == 0:
            self._refuse_vanish(
                run, "the source returned no records; nothing was flagged as vanished"
            )
            return
        scope = [Organization.source == self.source]
        if self.scope.get("municipalities"):
            scope.append(Organization.municipality_code.in_(self.scope["municipalities"]))
        if self.scope.get("organizations"):
            scope.append(Organization.source_id.in_(self.scope["organizations"]))
        organizations = db.session.execute(
            select(Organization.id, Organization.source_id, Organization.review_flag)
            .where(*scope)
            .order_by(Organization.id)
        ).all()
        live_orgs = [o for o in organizations if o.review_flag != FLAG_VANISHED]
        seen = self._seen_orgs | self._errored
        gone_orgs = [o for o in live_orgs if o.source_id not in seen]
        # The service's source is checked here, not in SQL: with two
        # conditions on ``source`` PostgreSQL may pick a plan that rereads the
        # source index once per organisation.
        services = db.session.execute(
            select(
                Service.id,
                Service.organization_id,
                Service.source,
                Service.source_id,
                Service.review_flag,
            )
            .join(Organization, Service.organization_id == Organization.id)
            .where(*scope)
            .order_by(Organization.id, Service.id)
        ).all()
        live_services = [
            s
            for s in services
            if s.source == self.source
            and s.organization_id in self._touched_org_ids
            and s.review_flag != FLAG_VANISHED
        ]
        gone_services = [s for s in live_services if s.source_id not in self._seen_services]
        for gone, live, what in (
            (gone_orgs, live_orgs, "organisations"),
            (gone_services, live_services, "activities"),
        ):
            if live and len(gone) / len(live) > MAX_VANISHED_SHARE and not self.force_vanish:
                self._refuse_vanish(
                    run,
                    f"{len(gone)} of {len(live)} {what} would be flagged as vanished "
                    f"(more than {MAX_VANISHED_SHARE:.0%}); nothing was flagged. Check the "
                    "source, or run again with force.",
                )
                return
        for model, gone in ((Organization, gone_orgs), (Service, gone_services)):
            objects: dict[int, Organization | Service] = {}
            for chunk in _chunks([row.id for row in gone], _IN_CHUNK):
                objects.update(
                    (obj.id, obj)
                    for obj in db.session.scalars(select(model).where(model.id.in_(chunk)))
                )
            for row in gone:
                obj = objects[row.id]
                self.result.vanished.append(obj.public_id)
                if not self.dry_run:
                    obj.review_flag = FLAG_VANISHED
        self.result.flagged += len(gone_orgs) + len(gone_services)

    def _refuse_vanish(self, run: ImportRun, message: str) -> None:
        self.result.vanish_refused = message
        error = RecordError(self.source, "", message)
        self.result.record_errors.append(error)
        db.session.add(
            ImportItemError(run_id=run.id, record=error.record, field="", message=message)
        )

    def _run(self) -> ImportRun:
        return db.session.get(ImportRun, self.run_id)

    def _store_counts(self, run: ImportRun) -> None:
        for name, value in _counts(self.result).items():
            setattr(run, name, value)

    def _commit(self) -> None:
        db.session.flush()
        if self.commit_batch is not None:
            self.commit_batch()
            self._committed = _counts(self.result)


def _counts(result: ImportResult) -> dict[str, int]:
    return {name: getattr(result, name) for name in _COUNTER.values()}


# -- planning: compare, then set ---------------------------------------------------


@dataclass
class _Plan:
    """The differences between a stored object and a record."""

    #: (field, language or None, new value) to write.
    changes: list[tuple[str, str | None, object]] = field(default_factory=list)
    #: (field, language or None, source value) that a hand edit keeps out.
    diffs: list[tuple[str, str | None, object]] = field(default_factory=list)
    #: (field, language or None) compared in this run (other languages are left alone).
    compared: set[tuple[str, str | None]] = field(default_factory=set)
    moved: bool = False

    def labels(self) -> list[str]:
        labels = [_label(name, lang) for name, lang, _ in self.changes if name != "hsds_ids"]
        if any(name == "hsds_ids" for name, _, _ in self.changes):
            labels.append("hsds_ids")
        return labels + (["organization"] if self.moved else [])

    def apply(self, obj: Organization | Service) -> bool:
        for name, lang, value in self.changes:
            write_field(obj, name, lang, value)
        return bool(self.changes) or self.moved


def _label(name: str, lang: str | None) -> str:
    return f"{name}.{lang}" if lang else name


def _plan(
    obj: Organization | Service,
    record: OrganizationRecord | ServiceRecord,
    fields: Mapping[str, str],
    langs: tuple[str, ...] | None,
    source: str,
) -> _Plan:
    """Compare; provenance (``SYSTEM_FIELDS``) only follows the row's own source."""
    plan = _Plan()
    everything_manual = obj.source == MANUAL_SOURCE
    for name, kind in fields.items():
        current = stored_value(obj, name)
        new = _incoming(record, name, kind)
        if kind == TEXT:
            keys = langs if langs is not None else sorted(set(current) | set(new))
            for lang in keys:
                plan.compared.add((name, lang))
                old_text, new_text = current.get(lang), new.get(lang)
                if old_text == new_text:
                    continue
                if everything_manual or is_manual(obj, name, lang):
                    if new_text is not None:
                        plan.diffs.append((name, lang, new_text))
                else:
                    plan.changes.append((name, lang, new_text))
            continue
        if kind == NAMES and langs is not None:
            new = current + [n for n in new if n not in current]
        plan.compared.add((name, None))
        if kind == AREAS:
            if _area_keys(current) == _area_keys(new):
                if _area_ids_differ(obj, record.areas):
                    plan.changes.append((name, None, list(record.areas)))
                continue
            value = list(record.areas)
        elif current == new:
            continue
        else:
            value = new
        if everything_manual or is_manual(obj, name, None):
            plan.diffs.append((name, None, new))
        else:
            plan.changes.append((name, None, value))
    for name in SYSTEM_FIELDS if obj.source == source else ():
        current = getattr(obj, name)
        new = getattr(record, name)
        if name == "hsds_ids":
            current = dict(current or {})
            new = _deep_merge(current, new or {}) if langs is not None else dict(new or {})
        if current != new:
            plan.changes.append((name, None, new))
    return plan


def is_manual(obj: Organization | Service, name: str, lang: str | None = None) -> bool:
    """Whether a person edited ``name`` (in ``lang``) by hand, so imports keep out."""
    marks = obj.manual_fields or []
    return name in marks or (lang is not None and f"{name}.{lang}" in marks)


def stored_value(obj: Organization | Service, name: str):
    """The stored value of an importable field, in the form records use."""
    kind = _fields_of(obj)[name]
    value = getattr(obj, name)
    if kind == TEXT:
        return {lang: text for lang, text in (value or {}).items() if text}
    if kind == CODES:
        return sorted(set(value))
    if kind == AREAS:
        return _area_list(obj.areas)
    if kind == NAMES:
        return list(value or [])
    return value


def _fields_of(obj) -> dict[str, str]:
    return SERVICE_FIELDS if isinstance(obj, Service | _StoredService) else ORGANIZATION_FIELDS


def _incoming(record, name: str, kind: str):
    value = getattr(record, name)
    if kind == TEXT:
        return {lang: text for lang, text in (value or {}).items() if text}
    if kind == CODES:
        return sorted(set(value or []))
    if kind == AREAS:
        return _area_list(value or [])
    if kind == NAMES:
        return list(dict.fromkeys(value or []))
    if isinstance(value, str):
        return value or None
    return value


def _area_list(areas: Iterable[AreaRecord | ServiceArea | Mapping]) -> list[dict]:
    keys = sorted(_area_keys(areas))
    return [{"kind": kind, "code": code} for kind, code in keys]


def _area_keys(areas: Iterable) -> set[tuple[str, str]]:
    return {(a["kind"], a["code"]) if isinstance(a, Mapping) else (a.kind, a.code) for a in areas}


def _area_ids_differ(service: Service, areas: Sequence[AreaRecord]) -> bool:
    stored = {(a.kind, a.code): a.hsds_id for a in service.areas}
    return any(a.hsds_id and stored.get((a.kind, a.code)) != a.hsds_id for a in areas)


def _deep_merge(base: dict, update: dict) -> dict:
    merged = dict(base)
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


# -- writing -----------------------------------------------------------------------


def write_field(obj: Organization | Service, name: str, lang: str | None, value) -> None:
    """Set one importable field (one language of a text) in its stored form."""
    kind = _fields_of(obj).get(name, VALUE)
    if kind == TEXT:
        texts = dict(getattr(obj, name) or {})
        if value:
            texts[lang] = value
        else:
            texts.pop(lang, None)
        setattr(obj, name, texts)
    elif kind == CODES:
        _replace_codes(obj, name, value or [])
    elif kind == AREAS:
        _replace_areas(obj, value or [])
    elif name == "hsds_ids":
        obj.hsds_ids = dict(value or {})
    elif kind == NAMES:
        setattr(obj, name, list(value or []))
    else:
        setattr(obj, name, value)


def _replace_codes(service: Service, name: str, codes: Iterable[str]) -> None:
    attr, row_class = _CODE_ROWS[name]
    rows = getattr(service, attr)
    wanted = list(dict.fromkeys(codes))
    for row in list(rows):
        if row.code not in wanted:
            rows.remove(row)
    have = {row.code for row in rows}
    rows.extend(row_class(code=code) for code in wanted if code not in have)


def _replace_areas(service: Service, areas: Iterable[AreaRecord | Mapping]) -> None:
    wanted: dict[tuple[str, str], str | None] = {}
    for area in areas:
        if isinstance(area, Mapping):
            wanted[(area["kind"], area["code"])] = area.get("hsds_id")
        else:
            wanted[(area.kind, area.code)] = area.hsds_id
    for row in list(service.areas):
        if (row.kind, row.code) not in wanted:
            service.areas.remove(row)
    existing = {(row.kind, row.code): row for row in service.areas}
    for (kind, code), hsds_id in wanted.items():
        row = existing.get((kind, code))
        if row is None:
            service.areas.append(ServiceArea(kind=kind, code=code, hsds_id=hsds_id))
        elif hsds_id and row.hsds_id != hsds_id:
            row.hsds_id = hsds_id


def create_organization(
    record: OrganizationRecord,
    *,
    source: str,
    langs: tuple[str, ...] | None,
    now: datetime | None = None,
) -> Organization:
    """Add a new organisation (and its services) from ``record``; no matching, no checks."""
    now = now or utcnow()
    org = Organization(
        source=source,
        source_id=record.source_id,
        manual_fields=[],
        created_at=now,
        updated_at=now,
        fetched_at=now,
    )
    org.public_id = record.public_id or new_public_id()
    _fill(org, record, ORGANIZATION_FIELDS, langs)
    for service_record in record.services:
        org.services.append(create_service(service_record, source=source, langs=langs, now=now))
    db.session.add(org)
    return org


def create_service(
    record: ServiceRecord, *, source: str, langs: tuple[str, ...] | None, now: datetime
) -> Service:
    service = Service(
        source=source,
        source_id=record.source_id,
        manual_fields=[],
        created_at=now,
        updated_at=now,
        fetched_at=now,
    )
    service.public_id = record.public_id or new_public_id()
    _fill(service, record, SERVICE_FIELDS, langs)
    return service


def _fill(obj, record, fields: Mapping[str, str], langs: tuple[str, ...] | None) -> None:
    for name, kind in fields.items():
        value = _incoming(record, name, kind)
        if kind == TEXT:
            value = {k: v for k, v in value.items() if langs is None or k in langs}
            setattr(obj, name, value)
        elif kind == AREAS:
            _replace_areas(obj, record.areas)
        elif kind == CODES:
            _replace_codes(obj, name, value)
        else:
            setattr(obj, name, value)
    obj.source_url = record.source_url
    obj.source_modified_at = record.source_modified_at
    obj.hsds_ids = dict(record.hsds_ids or {})


# -- diffs ---------------------------------------------------------------------------


@dataclass
class _NewDiff:
    entity: str
    service_id: int | None
    field: str
    lang: str | None
    value: object
    #: The pending diff it replaces (the source changed its mind), or None.
    pending: SourceDiff | None

    @property
    def label(self) -> str:
        return _label(self.field, self.lang)


def _new_diffs(
    existing: Sequence[SourceDiff], entity: str, service_id: int | None, plan: _Plan
) -> list[_NewDiff]:
    """The plan's diffs that are news: never proposed with this value before."""
    found = []
    for name, lang, value in plan.diffs:
        stored = to_json_value(value)
        same_field = [
            d
            for d in existing
            if d.entity == entity
            and d.service_id == service_id
            and d.field == name
            and d.lang == lang
        ]
        if any(d.source_value == stored for d in same_field):
            continue
        pending = next((d for d in same_field if d.status == DIFF_PENDING), None)
        found.append(_NewDiff(entity, service_id, name, lang, stored, pending))
    return found


def _store_diffs(
    existing: list[SourceDiff],
    new_diffs: Sequence[_NewDiff],
    org: Organization,
    source: str,
    run: ImportRun,
    now: datetime,
) -> None:
    for new in new_diffs:
        if new.pending is not None:
            new.pending.source_value = new.value
            new.pending.created_at = now
            new.pending.run_id = run.id
            continue
        diff = SourceDiff(
            entity=new.entity,
            organization=org,
            service_id=new.service_id,
            field=new.field,
            lang=new.lang,
            source=source,
            source_value=new.value,
            status=DIFF_PENDING,
            created_at=now,
            run_id=run.id,
        )
        db.session.add(diff)
        existing.append(diff)


def _drop_stale_diffs(
    existing: Sequence[SourceDiff],
    plan: _Plan,
    service_plans: Sequence[tuple[Service | None, ServiceRecord, _Plan | None]],
) -> None:
    """Pending diffs the source no longer backs (it now agrees, or says nothing)."""
    plans = {("organization", None): plan}
    for service, _, service_plan in service_plans:
        if service is not None:
            plans[("service", service.id)] = service_plan
    for diff in existing:
        if diff.status != DIFF_PENDING or diff.id is None:
            continue
        current = plans.get((diff.entity, diff.service_id))
        if current is None or (diff.field, diff.lang) not in current.compared:
            continue
        still = any(
            (name, lang) == (diff.field, diff.lang) and to_json_value(value) == diff.source_value
            for name, lang, value in current.diffs
        )
        if not still:
            db.session.delete(diff)


def to_json_value(value):
    """A field value in the JSON form stored on a SourceDiff."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, list):
        return [to_json_value(v) for v in value]
    if isinstance(value, AreaRecord):
        return {"kind": value.kind, "code": value.code}
    return value


# -- lookups ------------------------------------------------------------------------


class _Stored:
    """A row as plain values: what :func:`_plan` compares against without
    building ORM objects (no JSON change tracking, no association proxies)."""

    id: int
    public_id: str
    source: str
    source_id: str | None
    manual_fields: list[str]
    review_flag: str | None

    def __init__(self, values: Mapping) -> None:
        self.__dict__.update(values)
        self.manual_fields = self.manual_fields or []


class _StoredOrganization(_Stored):
    pass


class _StoredService(_Stored):
    """Its code rows as lists of codes, its areas as records."""

    organization_id: int
    areas: list[AreaRecord]

    def __init__(self, values: Mapping) -> None:
        super().__init__(values)
        self.areas = []
        for name in _CODE_ROWS:
            setattr(self, name, [])


def _columns(model, fields: Mapping[str, str], *extra: str) -> list:
    names = [
        "id",
        *extra,
        "public_id",
        "source",
        "source_id",
        "manual_fields",
        "review_flag",
        *SYSTEM_FIELDS,
        *(name for name, kind in fields.items() if kind not in (CODES, AREAS)),
    ]
    return [getattr(model, name) for name in names]


_ORGANIZATION_COLUMNS = _columns(Organization, ORGANIZATION_FIELDS)
_SERVICE_COLUMNS = _columns(Service, SERVICE_FIELDS, "organization_id")


class _Prefetch:
    """The stored rows a batch needs, as plain snapshots, in a handful of queries.

    ORM objects (:meth:`load`) are built only for the records that change
    something; :meth:`orm_organization` and :meth:`orm_service` hand them out.
    """

    def __init__(self, source: str, records: Sequence[OrganizationRecord]) -> None:
        self.source = source
        ids = [r.source_id for r in records if r.source_id]
        self.by_source_id: dict[str, _StoredOrganization] = {}
        self.by_public_id: dict[str, _StoredOrganization] = {}
        if ids:
            for row in db.session.execute(
                select(*_ORGANIZATION_COLUMNS).where(
                    Organization.source == source, Organization.source_id.in_(ids)
                )
            ).mappings():
                self.by_source_id[row["source_id"]] = _StoredOrganization(row)
        public_ids = [
            r.public_id for r in records if r.public_id and r.source_id not in self.by_source_id
        ]
        if public_ids:
            for row in db.session.execute(
                select(*_ORGANIZATION_COLUMNS).where(Organization.public_id.in_(public_ids))
            ).mappings():
                self.by_public_id[row["public_id"]] = _StoredOrganization(row)
        org_ids = sorted({o.id for o in (*self.by_source_id.values(), *self.by_public_id.values())})
        #: Several only if a source id was stored twice; the service's own
        #: organisation's comes first, else the last one (by id).
        self.services_by_source_id: dict[str, list[_StoredService]] = {}
        self.services_by_public_id: dict[str, _StoredService] = {}
        self._stored_services: dict[int, _StoredService] = {}
        # By organisation id, not by the records' service ids: long lists of
        # strings in IN (…) make PostgreSQL's generic plans scan the table.
        for chunk in _chunks(org_ids, _IN_CHUNK):
            self._add_services(select(*_SERVICE_COLUMNS).where(Service.organization_id.in_(chunk)))
        elsewhere = [
            s
            for r in records
            if (org := self.organization(r)) is not None
            for s in r.services
            if self._own_service(org, s) is None
        ]
        source_ids = [s.source_id for s in elsewhere]
        public_ids = [s.public_id for s in elsewhere if s.public_id]
        for chunk in _chunks(source_ids, _IN_CHUNK):
            self._add_services(
                select(*_SERVICE_COLUMNS).where(
                    Service.source == source, Service.source_id.in_(chunk)
                )
            )
        for chunk in _chunks(public_ids, _IN_CHUNK):
            self._add_services(select(*_SERVICE_COLUMNS).where(Service.public_id.in_(chunk)))
        for services in self.services_by_source_id.values():
            services.sort(key=lambda service: service.id)
        _read_service_rows(self._stored_services)
        self.diffs: dict[int, list[SourceDiff]] = {}
        if org_ids:
            for diff in db.session.scalars(
                select(SourceDiff).where(SourceDiff.organization_id.in_(org_ids))
            ):
                self.diffs.setdefault(diff.organization_id, []).append(diff)
        self.candidates: dict[str, DuplicateCandidate] = {}
        if ids:
            for candidate in db.session.scalars(
                select(DuplicateCandidate)
                .where(DuplicateCandidate.source == source, DuplicateCandidate.source_id.in_(ids))
                .order_by(DuplicateCandidate.id)
            ):
                self.candidates[candidate.source_id] = candidate
        #: ``id()`` of the records found to change nothing (see RecordImport._find_unchanged).
        self.unchanged: set[int] = set()
        self._organizations: dict[int, Organization] = {}
        self._services: dict[int, Service] = {}

    def organization(self, record: OrganizationRecord) -> _StoredOrganization | None:
        return self.by_source_id.get(record.source_id) or (
            self.by_public_id.get(record.public_id) if record.public_id else None
        )

    def service(self, org: _StoredOrganization, record: ServiceRecord) -> _StoredService | None:
        """The organisation's own service by source id, then by public id; then
        one of another organisation (the record moves it)."""
        own = self._own_service(org, record)
        if own is not None:
            return own
        by_source_id = self.services_by_source_id.get(record.source_id)
        if by_source_id:
            return by_source_id[-1]
        return self.services_by_public_id.get(record.public_id) if record.public_id else None

    def _own_service(
        self, org: _StoredOrganization, record: ServiceRecord
    ) -> _StoredService | None:
        for service in self.services_by_source_id.get(record.source_id, []):
            if service.organization_id == org.id:
                return service
        if record.public_id:
            service = self.services_by_public_id.get(record.public_id)
            if service is not None and service.organization_id == org.id:
                return service
        return None

    def _add_services(self, query) -> None:
        for row in db.session.execute(query).mappings():
            if row["id"] in self._stored_services:
                continue
            service = self._stored_services[row["id"]] = _StoredService(row)
            if service.source == self.source:
                self.services_by_source_id.setdefault(service.source_id, []).append(service)
            self.services_by_public_id[service.public_id] = service

    def load(self, org_ids: Iterable[int], service_ids: Iterable[int]) -> None:
        """Build the ORM objects (with services and code rows) of these rows."""
        children = (
            selectinload(Service.language_rows),
            selectinload(Service.interpreter_rows),
            selectinload(Service.theme_rows),
            selectinload(Service.target_group_rows),
            selectinload(Service.areas),
        )
        for chunk in _chunks(sorted(org_ids), _IN_CHUNK):
            for org in db.session.scalars(
                select(Organization)
                .where(Organization.id.in_(chunk))
                .options(selectinload(Organization.services).options(*children))
            ):
                self._organizations[org.id] = org
                self._services.update((s.id, s) for s in org.services)
        missing = sorted(set(service_ids) - set(self._services))
        for chunk in _chunks(missing, _IN_CHUNK):
            for service in db.session.scalars(
                select(Service).where(Service.id.in_(chunk)).options(*children)
            ):
                self._services[service.id] = service

    def orm_organization(self, org_id: int) -> Organization:
        if org_id not in self._organizations:
            self.load([org_id], [])
        return self._organizations[org_id]

    def orm_service(self, service_id: int) -> Service:
        if service_id not in self._services:
            self.load([], [service_id])
        return self._services[service_id]


#: Ids per ``IN (…)`` list, well below SQLite's and PostgreSQL's parameter limits.
_IN_CHUNK = 500


def _read_service_rows(services: Mapping[int, _StoredService]) -> None:
    """Fill the snapshots' code lists and areas from their rows, one query per table."""
    for ids in _chunks(services, _IN_CHUNK):
        for name, (_, row_class) in _CODE_ROWS.items():
            for service_id, code in db.session.execute(
                select(row_class.service_id, row_class.code)
                .where(row_class.service_id.in_(ids))
                .order_by(row_class.code)
            ):
                getattr(services[service_id], name).append(code)
        for service_id, kind, code, hsds_id in db.session.execute(
            select(ServiceArea.service_id, ServiceArea.kind, ServiceArea.code, ServiceArea.hsds_id)
            .where(ServiceArea.service_id.in_(ids))
            .order_by(ServiceArea.id)
        ):
            services[service_id].areas.append(AreaRecord(kind, code, hsds_id))


class _DuplicateIndex:
    """Organisations from other sources (or made by hand) by business id, name
    in a municipality, and website, loaded once per run."""

    def __init__(self, source: str) -> None:
        self.by_business_id: dict[str, int] = {}
        self.by_name: dict[tuple[str, str], int] = {}
        self.by_website: dict[str, int] = {}
        rows = db.session.execute(
            select(
                Organization.id,
                Organization.name,
                Organization.municipality_code,
                Organization.business_id,
                Organization.website,
            )
            .where(Organization.source != source)
            .order_by(Organization.id)
        )
        for org_id, names, municipality_code, business_id, website in rows:
            if business_id:
                self.by_business_id.setdefault(business_key(business_id), org_id)
            if municipality_code:
                for name in (names or {}).values():
                    if name:
                        self.by_name.setdefault((name_key(name), municipality_code), org_id)
            key = website_key(website)
            if key:
                self.by_website.setdefault(key, org_id)

    def find(self, record: OrganizationRecord) -> tuple[Organization, str] | None:
        match: tuple[int, str] | None = None
        if record.business_id and business_key(record.business_id) in self.by_business_id:
            match = (self.by_business_id[business_key(record.business_id)], "business_id")
        if match is None and record.municipality_code:
            for name in record.name.values():
                key = (name_key(name), record.municipality_code)
                if name and key in self.by_name:
                    match = (self.by_name[key], "name_municipality")
                    break
        if match is None and website_key(record.website) in self.by_website:
            match = (self.by_website[website_key(record.website)], "website")
        if match is None:
            return None
        return db.session.get(Organization, match[0]), match[1]


def business_key(business_id: str) -> str:
    return re.sub(r"\s+", "", business_id).upper()


def name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def website_key(url: str | None) -> str | None:
    """Host without ``www.`` plus path, so http/https and a trailing slash do not matter."""
    if not url:
        return None
    parts = urlsplit(url if "//" in url else f"//{url}")
    host = (parts.hostname or "").lower().removeprefix("www.")
    if not host:
        return None
    return host + parts.path.rstrip("/")


# -- checking records -----------------------------------------------------------------


def check_record(record: OrganizationRecord, position: str | None = None) -> list[RecordError]:
    """What makes ``record`` unfit to write, each error naming the record and field."""
    rid = record.source_id or position or "?"
    errors: list[RecordError] = []

    def error(path: str, message: str) -> None:
        errors.append(RecordError(rid, path, message))

    if not record.source_id:
        error("id", "missing")
    elif len(record.source_id) > 255:
        error("id", "longer than 255 characters")
    if not record.source:
        error("source", "missing")
    if record.public_id and not _is_uuid(record.public_id):
        error("id", f"{record.public_id!r} is not a UUID")
    _check_fields(record, ORGANIZATION_FIELDS, Organization, "", error)
    if record.status not in ORGANIZATION_STATUSES:
        error("status", f"{record.status!r} is not one of {', '.join(ORGANIZATION_STATUSES)}")
    if record.municipality_code and not reference.municipality(record.municipality_code):
        error("municipality_code", f"unknown municipality code {record.municipality_code!r}")
    seen: set[str] = set()
    for i, service in enumerate(record.services):
        path = f"services[{i}]."
        if not service.source_id:
            error(path + "id", "missing")
        elif service.source_id in seen:
            error(path + "id", f"{service.source_id} appears twice in the organisation")
        seen.add(service.source_id)
        if service.public_id and not _is_uuid(service.public_id):
            error(path + "id", f"{service.public_id!r} is not a UUID")
        _check_fields(service, SERVICE_FIELDS, Service, path, error)
        _check_service(service, path, error)
    return errors


def _check_fields(record, fields, model, path: str, error) -> None:
    for name, kind in fields.items():
        value = getattr(record, name)
        if kind == TEXT:
            for lang, text in (value or {}).items():
                if not _is_language_code(lang):
                    error(f"{path}{name}.{lang}", f"{lang!r} is not a language code")
                elif not isinstance(text, str):
                    error(f"{path}{name}.{lang}", "is not text")
        elif kind == VALUE and isinstance(value, str):
            length = _max_length(model, name)
            if length and len(value) > length:
                error(path + name, f"longer than {length} characters")
    if not any(isinstance(t, str) and t.strip() for t in (record.name or {}).values()):
        error(path + "name", "missing (no text in any language)")


@cache
def _is_language_code(code: str) -> bool:
    return reference.normalise_language_code(code) == code


@cache
def _max_length(model, name: str) -> int | None:
    return getattr(model.__table__.c[name].type, "length", None)


def _check_service(service: ServiceRecord, path: str, error) -> None:
    if service.status not in SERVICE_STATUSES:
        error(path + "status", f"{service.status!r} is not one of {', '.join(SERVICE_STATUSES)}")
    for name in ("languages", "interpreter_languages"):
        for j, code in enumerate(getattr(service, name)):
            if reference.normalise_language_code(code) != code:
                error(f"{path}{name}[{j}]", f"{code!r} is not a known language code")
    for name, known in (
        ("themes", reference.themes()),
        ("target_groups", reference.target_groups()),
    ):
        for j, code in enumerate(getattr(service, name)):
            if code not in known:
                error(f"{path}{name}[{j}]", f"unknown code {code!r}")
    for j, area in enumerate(service.areas):
        problem = _area_problem(area)
        if problem:
            error(f"{path}areas[{j}]", problem)
    for name in ("minimum_age", "maximum_age"):
        age = getattr(service, name)
        if age is not None and (not isinstance(age, int) or isinstance(age, bool) or age < 0):
            error(path + name, f"{age!r} is not an age in whole years")
    if (
        isinstance(service.minimum_age, int)
        and isinstance(service.maximum_age, int)
        and service.minimum_age > service.maximum_age
    ):
        error(path + "maximum_age", "is below minimum_age")
    if not isinstance(service.schedule_rules, list) or not all(
        isinstance(rule, dict) for rule in service.schedule_rules
    ):
        error(path + "schedule_rules", "is not a list of rules")


def _area_problem(area: AreaRecord) -> str | None:
    if area.kind == AREA_MUNICIPALITY:
        return (
            None
            if reference.municipality(area.code)
            else f"unknown municipality code {area.code!r}"
        )
    if area.kind == AREA_COUNTY:
        return None if area.code in reference.counties() else f"unknown county code {area.code!r}"
    if area.kind == AREA_NATIONWIDE:
        return None if area.code == "FI" else f"nationwide area has code {area.code!r}, not 'FI'"
    return f"unknown area kind {area.kind!r}"


def _is_uuid(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value.lower()
    except (ValueError, AttributeError, TypeError):
        return False


def _languages(lang: str | Sequence[str] | None) -> tuple[str, ...] | None:
    if lang is None:
        return None
    langs = (lang,) if isinstance(lang, str) else tuple(lang)
    for code in langs:
        if reference.normalise_language_code(code) != code:
            raise ImportRefused(f"{code!r} is not a language code.")
    return langs


def _join_languages(stored: str | None, langs: tuple[str, ...] | None) -> str | None:
    if stored is None or langs is None:
        return None
    return ",".join(dict.fromkeys([*stored.split(","), *langs]))


def _merge_texts(
    old: OrganizationRecord, new: OrganizationRecord, langs: tuple[str, ...]
) -> OrganizationRecord:
    """``new`` with the texts of ``old`` in languages other than ``langs`` kept
    (a waiting duplicate candidate gathers every language file)."""

    def merged(before: dict, after: dict) -> dict:
        return {**{k: v for k, v in before.items() if k not in langs}, **after}

    result = replace(new, services=[replace(s) for s in new.services])
    for name, kind in ORGANIZATION_FIELDS.items():
        if kind == TEXT:
            setattr(result, name, merged(getattr(old, name), getattr(new, name)))
    old_services = {s.source_id: s for s in old.services}
    for service in result.services:
        before = old_services.get(service.source_id)
        for name, kind in SERVICE_FIELDS.items():
            if kind == TEXT and before is not None:
                setattr(service, name, merged(getattr(before, name), getattr(service, name)))
    result.services += [
        s for s in old.services if s.source_id not in {x.source_id for x in new.services}
    ]
    return result


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, max(size, 1))):
        yield batch


# -- records as JSON (duplicate candidates keep theirs) -----------------------------------


def record_to_json(record: OrganizationRecord) -> dict:
    """The record as plain JSON (datetimes as ISO 8601 strings)."""
    return _jsonable(asdict(record))


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def record_from_json(data: Mapping) -> OrganizationRecord:
    """The inverse of :func:`record_to_json`."""
    values = dict(data)
    values["source_modified_at"] = _datetime(values.get("source_modified_at"))
    services = []
    for raw in values.pop("services", []):
        service = dict(raw)
        service["source_modified_at"] = _datetime(service.get("source_modified_at"))
        service["areas"] = [AreaRecord(**area) for area in service.get("areas", [])]
        services.append(ServiceRecord(**service))
    return OrganizationRecord(**values, services=services)


def _datetime(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None
