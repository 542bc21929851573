"""Import rules beyond the upsert itself: reading HSDS files, the demo
directory, and the decisions people make about what imports left them
(source diffs, duplicate candidates).

Like every service, these add and flush but never commit; the CLI commits
per batch, a request commits once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select

from coact import reference
from coact.config import PROJECT_ROOT
from coact.extensions import db
from coact.imports.upsert import (
    ImportResult,
    check_record,
    create_organization,
    import_records,
    record_from_json,
    stored_value,
    write_field,
)
from coact.models.audit import AuditLog
from coact.models.base import utcnow
from coact.models.directory import Organization, Service
from coact.models.imports import (
    DIFF_ACCEPTED,
    DIFF_DISMISSED,
    DIFF_PENDING,
    DUPLICATE_CONFIRMED,
    DUPLICATE_PENDING,
    DUPLICATE_REJECTED,
    FLAG_DUPLICATE,
    DuplicateCandidate,
    ImportRun,
    SourceDiff,
)
from scrapers import hsds
from scrapers.records import OrganizationRecord

DEMO_DIR = PROJECT_ROOT / "coact" / "data" / "demo"
DEMO_SOURCE = "demo"


class DecisionError(ValueError):
    """The diff or candidate was already decided."""


# -- reading HSDS files ---------------------------------------------------------------


@dataclass
class HsdsFiles:
    """What a file or directory of HSDS files holds, read and checked in full."""

    #: One record per id, texts of every language file merged.
    records: list[OrganizationRecord] = field(default_factory=list)
    #: The languages of the files read, in merge order.
    langs: tuple[str, ...] = ()
    files: list[Path] = field(default_factory=list)
    #: "<file>: <record id or position>: <field path>: <message>"
    errors: list[str] = field(default_factory=list)


def read_hsds(path: Path, *, lang: str | None = None) -> HsdsFiles:
    """Read ``path`` (a file, or every ``*.json`` in a directory) and check it all.

    A file's language is in its name (``directory.sv.json``), else ``lang``
    (default ``fi``); an explicit ``lang`` that contradicts a file name is an
    error. Language files with the same ids are merged into one record each.
    """
    result = HsdsFiles(files=hsds.files_in(path))
    if lang is not None and reference.normalise_language_code(lang) != lang:
        result.errors.append(f"--lang: {lang!r} is not a language code")
        return result
    if not result.files:
        result.errors.append(f"{path}: no .json files")
        return result
    by_lang: dict[str, list[OrganizationRecord]] = {}
    for file in result.files:
        file_lang = hsds.language_of_file(file)
        if lang is not None and file_lang is not None and file_lang != lang:
            result.errors.append(
                f"{file}: the file name says {file_lang!r} but --lang says {lang!r}"
            )
            continue
        text_lang = file_lang or lang or "fi"
        try:
            records, errors = hsds.parse_file(file, lang=text_lang)
        except OSError as exc:
            result.errors.append(f"{file}: {exc.strerror or exc}")
            continue
        for position, record in enumerate(records):
            errors += check_record(record, position=f"item {position}")
        result.errors += [f"{file}: {error}" for error in errors]
        by_lang.setdefault(text_lang, []).extend(records)
    result.langs = tuple(sorted(by_lang, key=_language_rank))
    duplicates = _repeated_ids(by_lang)
    result.errors += duplicates
    if not result.errors:
        result.records = hsds.merge_languages([(code, by_lang[code]) for code in result.langs])
    return result


def _language_rank(code: str) -> tuple[int, str]:
    order = reference.FALLBACK_ORDER
    return (order.index(code) if code in order else len(order), code)


def _repeated_ids(by_lang: dict[str, list[OrganizationRecord]]) -> list[str]:
    errors = []
    for code, records in by_lang.items():
        seen: set[str] = set()
        for record in records:
            if record.source_id in seen:
                errors.append(f"{code} files: {record.source_id}: id: appears in two files")
            seen.add(record.source_id)
    return errors


def import_hsds(
    path: Path,
    *,
    lang: str | None = None,
    dry_run: bool = False,
    full_source: bool = False,
    force_vanish: bool = False,
    source: str = hsds.SOURCE,
    commit_batch: Callable[[], None] | None = None,
    user=None,
) -> tuple[HsdsFiles, ImportResult | None]:
    """Read and check everything, then import it all, or nothing when anything is wrong."""
    files = read_hsds(path, lang=lang)
    if files.errors:
        return files, None
    result = import_records(
        files.records,
        source=source,
        lang=files.langs,
        dry_run=dry_run,
        full_source=full_source,
        force_vanish=force_vanish,
        commit_batch=commit_batch,
        user=user,
    )
    return files, result


# -- the demo directory ------------------------------------------------------------------


def directory_is_empty() -> bool:
    return not db.session.scalar(select(func.count()).select_from(Organization))


def load_demo(commit_batch: Callable[[], None] | None = None) -> ImportResult | None:
    """Import the fictional demo directory when the directory is empty; else None."""
    if not directory_is_empty():
        return None
    files, result = import_hsds(DEMO_DIR, source=DEMO_SOURCE, commit_batch=commit_batch)
    if files.errors:
        raise ValueError("The demo directory does not import:\n" + "\n".join(files.errors))
    return result


# -- source diffs -------------------------------------------------------------------------


def pending_source_diffs(organization_ids: Sequence[int] | None = None) -> list[SourceDiff]:
    """Pending diffs, oldest first, optionally of some organisations only."""
    query = select(SourceDiff).where(SourceDiff.status == DIFF_PENDING)
    if organization_ids is not None:
        query = query.where(SourceDiff.organization_id.in_(organization_ids))
    return list(db.session.scalars(query.order_by(SourceDiff.created_at, SourceDiff.id)))


def current_value(diff: SourceDiff):
    """What the directory says now, in the same form as ``diff.source_value``."""
    value = stored_value(diff.target, diff.field)
    if diff.lang is not None:
        return value.get(diff.lang)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def accept_source_diff(diff: SourceDiff, user) -> None:
    """Take the source's value; the field follows the source again from now on."""
    _check_pending(diff)
    target = diff.target
    old = current_value(diff)
    write_field(target, diff.field, diff.lang, diff.source_value)
    _unmark(target, diff.field, diff.lang)
    now = utcnow()
    target.updated_at = now
    if diff.entity == "service":
        diff.organization.updated_at = now
    _decide(diff, DIFF_ACCEPTED, user, now)
    _audit(user, "import.diff_accepted", target, diff, old)


def dismiss_source_diff(diff: SourceDiff, user) -> None:
    """Keep the hand-edited value; this source value is not proposed again."""
    _check_pending(diff)
    _decide(diff, DIFF_DISMISSED, user, utcnow())
    _audit(user, "import.diff_dismissed", diff.target, diff, current_value(diff))


def _check_pending(diff: SourceDiff) -> None:
    if diff.status != DIFF_PENDING:
        raise DecisionError(f"This change was already {diff.status}.")


def _unmark(target: Organization | Service, name: str, lang: str | None) -> None:
    """After accepting, only the accepted field (language) follows the source again."""
    marks = list(target.manual_fields or [])
    if lang is not None and name in marks:
        texts = getattr(target, name) or {}
        marks.remove(name)
        marks += [f"{name}.{code}" for code in texts if code != lang]
    marks = [m for m in marks if m not in (name, f"{name}.{lang}" if lang else name)]
    target.manual_fields = list(dict.fromkeys(marks))


def _decide(diff: SourceDiff, status: str, user, now) -> None:
    diff.status = status
    diff.decided_at = now
    diff.decided_by_id = getattr(user, "id", None)


def _audit(user, action: str, target, diff: SourceDiff, old) -> None:
    label = f"{diff.field}.{diff.lang}" if diff.lang else diff.field
    db.session.add(
        AuditLog(
            user_id=getattr(user, "id", None),
            action=action,
            object_type=diff.entity,
            object_id=target.public_id,
            details={label: {"old": old, "new": diff.source_value}, "source": diff.source},
        )
    )


# -- duplicate candidates ---------------------------------------------------------------------


def pending_duplicates() -> list[DuplicateCandidate]:
    return list(
        db.session.scalars(
            select(DuplicateCandidate)
            .where(DuplicateCandidate.status == DUPLICATE_PENDING)
            .order_by(DuplicateCandidate.created_at, DuplicateCandidate.id)
        )
    )


def confirm_duplicate(candidate: DuplicateCandidate, user) -> None:
    """It is the existing organisation: keep that one, skip this record from now on."""
    _decide_candidate(candidate, DUPLICATE_CONFIRMED, user)


def reject_duplicate(candidate: DuplicateCandidate, user) -> Organization:
    """It is a different organisation: create it from the stored record."""
    record = record_from_json(candidate.record)
    langs = tuple(candidate.lang.split(",")) if candidate.lang else None
    organization = create_organization(record, source=candidate.source, langs=langs)
    db.session.flush()
    _decide_candidate(candidate, DUPLICATE_REJECTED, user)
    return organization


def _decide_candidate(candidate: DuplicateCandidate, status: str, user) -> None:
    if candidate.status != DUPLICATE_PENDING:
        raise DecisionError(f"This candidate was already {candidate.status}.")
    candidate.status = status
    candidate.decided_at = utcnow()
    candidate.decided_by_id = getattr(user, "id", None)
    existing = candidate.organization
    db.session.flush()
    still_pending = db.session.scalar(
        select(func.count())
        .select_from(DuplicateCandidate)
        .where(
            DuplicateCandidate.organization_id == existing.id,
            DuplicateCandidate.status == DUPLICATE_PENDING,
        )
    )
    if not still_pending and existing.review_flag == FLAG_DUPLICATE:
        existing.review_flag = None
    db.session.add(
        AuditLog(
            user_id=getattr(user, "id", None),
            action=f"import.duplicate_{status}",
            object_type="organization",
            object_id=existing.public_id,
            details={"source": candidate.source, "source_id": candidate.source_id},
        )
    )


# -- runs and flags -----------------------------------------------------------------------------


def recent_runs(source: str | None = None, limit: int = 20) -> list[ImportRun]:
    query = select(ImportRun).order_by(ImportRun.started_at.desc(), ImportRun.id.desc())
    if source:
        query = query.where(ImportRun.source == source)
    return list(db.session.scalars(query.limit(limit)))


def flagged(flag: str) -> tuple[list[Organization], list[Service]]:
    """Organisations and services with ``review_flag == flag`` ("vanished", "duplicate")."""
    organizations = db.session.scalars(
        select(Organization)
        .where(Organization.review_flag == flag)
        .order_by(Organization.sort_name)
    )
    services = db.session.scalars(
        select(Service).where(Service.review_flag == flag).order_by(Service.id)
    )
    return list(organizations), list(services)


def clear_review_flag(obj: Organization | Service, user) -> None:
    """A person looked at a flagged record and keeps it as it is."""
    old = obj.review_flag
    obj.review_flag = None
    db.session.add(
        AuditLog(
            user_id=getattr(user, "id", None),
            action="import.flag_cleared",
            object_type="service" if isinstance(obj, Service) else "organization",
            object_id=obj.public_id,
            details={"review_flag": {"old": old, "new": None}},
        )
    )
