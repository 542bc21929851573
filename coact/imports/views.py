"""The Imports pages: runs and their errors, what the sources now say about
hand-edited fields, records flagged for review, and the CSV template.

Coordinators and admins see everything here; an NGO editor sees and answers
"the source now says …" for their own organisations. The template download
is public (an NGO may fill it in and send it to its coordinator).
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from coact.auth import permissions
from coact.directory.presenters import local_text, schedule_from_rules
from coact.extensions import db
from coact.i18n import get_locale
from coact.imports import forms
from coact.imports import services as review
from coact.imports.sources import build_scraper, run_source
from coact.models import Organization, Service
from coact.models.imports import (
    DIFF_PENDING,
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
from coact.profiles.choices import STATUS_LABELS
from coact.reference import counties, language_name, municipality, target_groups, themes
from scrapers import csv_template
from scrapers.base import ScrapeOptions

imports_bp = Blueprint("imports", __name__, url_prefix="/<lang>/imports")

RUNS_PER_PAGE = 30
ERRORS_PER_PAGE = 100
INVALID_FORM = 422

SOURCE_LABELS = {
    "ptv": _l("Finnish Service Catalogue (PTV)"),
    "lahella": _l("Lähellä.fi"),
    "hsds-feed": _l("HSDS feed"),
    "hsds": _l("HSDS file"),
    "csv": _l("CSV template"),
    "demo": _l("Demo directory"),
}
RUN_STATUS = {
    RUN_RUNNING: (_l("Running or interrupted"), "info"),
    RUN_FINISHED: (_l("Finished"), "success"),
    RUN_FINISHED_WITH_ERRORS: (_l("Finished with errors"), "warning"),
    RUN_FAILED: (_l("Stopped"), "danger"),
}
FIELD_LABELS = {
    "name": _l("Name"),
    "description": _l("Description"),
    "alternate_names": _l("Other names"),
    "business_id": _l("Business ID"),
    "website": _l("Website"),
    "email": _l("E-mail"),
    "phone": _l("Phone"),
    "street_address": _l("Street address"),
    "postal_code": _l("Postal code"),
    "city": _l("City"),
    "municipality_code": _l("Home municipality"),
    "contact_name": _l("Contact person"),
    "contact_title": _l("Contact person's title"),
    "contact_email": _l("Contact person's e-mail"),
    "contact_phone": _l("Contact person's phone"),
    "status": _l("Status"),
    "schedule": _l("Schedule"),
    "schedule_rules": _l("Opening hours"),
    "eligibility": _l("Who can take part"),
    "interpretation_text": _l("Interpreting"),
    "languages": _l("Languages of the activity"),
    "interpreter_languages": _l("Volunteer interpreter languages"),
    "themes": _l("Themes"),
    "target_groups": _l("Target groups"),
    "areas": _l("Areas served"),
    "accepts_referrals": _l("Accepts referrals"),
    "can_escort": _l("Can escort"),
    "online": _l("Online"),
    "minimum_age": _l("Minimum age"),
    "maximum_age": _l("Maximum age"),
    "url": _l("Web page"),
}
DUPLICATE_REASONS = {
    "business_id": _l("the same business ID"),
    "name_municipality": _l("the same name in the same municipality"),
    "website": _l("the same website"),
}


def _when(at) -> str | None:
    return format_datetime(at, "short") if at else None


def _source_label(source: str) -> str:
    return str(SOURCE_LABELS.get(source, source))


def _run_summary(run: ImportRun) -> dict:
    label, kind = RUN_STATUS.get(run.status, (run.status, "neutral"))
    return {
        "id": run.id,
        "source": _source_label(run.source),
        "started_at": _when(run.started_at),
        "finished_at": _when(run.finished_at),
        "status": str(label),
        "status_kind": kind,
        "dry_run": run.dry_run,
        "counts": {
            "created": run.created,
            "updated": run.updated,
            "unchanged": run.unchanged,
            "flagged": run.flagged,
            "errors": run.errors,
        },
        "message": run.message,
        "lang": run.lang,
    }


# --- runs ---------------------------------------------------------------------


@imports_bp.route("/")
@permissions.permission_required(permissions.can_view_imports)
def runs():
    """Recent import runs, and what waits for people."""
    page = db.paginate(
        db.select(ImportRun).order_by(ImportRun.started_at.desc(), ImportRun.id.desc()),
        page=request.args.get("page", 1, type=int),
        per_page=RUNS_PER_PAGE,
        error_out=False,
    )
    vanished_orgs, vanished_services = review.flagged(FLAG_VANISHED)
    return render_template(
        "imports/runs.html",
        runs=[_run_summary(run) for run in page.items],
        page=page,
        pending_diffs=len(review.pending_source_diffs()),
        pending_duplicates=len(review.pending_duplicates()),
        vanished=len(vanished_orgs) + len(vanished_services),
        template_languages=csv_template.TEMPLATE_LANGUAGES,
        can_import_csv=permissions.can_import_csv(current_user),
    )


@imports_bp.route("/runs/<int:run_id>")
@permissions.permission_required(permissions.can_view_imports)
def run(run_id: int):
    """One run: its counts and every record it could not write, naming record and field."""
    import_run = db.get_or_404(ImportRun, run_id)
    errors = db.paginate(
        db.select(ImportItemError)
        .where(ImportItemError.run_id == run_id)
        .order_by(ImportItemError.id),
        page=request.args.get("page", 1, type=int),
        per_page=ERRORS_PER_PAGE,
        error_out=False,
    )
    return render_template(
        "imports/run.html",
        run=_run_summary(import_run),
        errors=[{"record": e.record, "field": e.field, "message": e.message} for e in errors.items],
        page=errors,
        total_errors=errors.total,
    )


# --- "the source now says …" ----------------------------------------------------


def _value_text(field: str, value, locale: str) -> str:
    if value is None or value == "" or value == []:
        return _("(empty)")
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if field in ("languages", "interpreter_languages"):
        return ", ".join(language_name(code, locale) for code in value)
    if field in ("themes", "target_groups"):
        terms = themes() if field == "themes" else target_groups()
        return ", ".join(terms[c].label(locale) if c in terms else c for c in value)
    if field == "areas":
        return ", ".join(_area_label(area, locale) for area in value)
    if field == "schedule_rules":
        return schedule_from_rules(value, locale) or _("(empty)")
    if field == "municipality_code":
        place = municipality(value)
        return place.label(locale) if place else str(value)
    if field == "status":
        return str(STATUS_LABELS.get(value, value))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _area_label(area: dict, locale: str) -> str:
    if area.get("kind") == "nationwide":
        return _("All of Finland")
    if area.get("kind") == "county":
        county = counties().get(area.get("code", ""))
        return county.label(locale) if county else area.get("code", "")
    place = municipality(area.get("code", ""))
    return place.label(locale) if place else area.get("code", "")


def _diff_entry(diff: SourceDiff, locale: str) -> dict:
    target = diff.target
    field_label = str(FIELD_LABELS.get(diff.field, diff.field))
    if diff.lang:
        field_label = f"{field_label} ({language_name(diff.lang, locale)})"
    return {
        "id": diff.id,
        "organization": local_text(diff.organization.name, locale),
        "organization_id": diff.organization.public_id,
        "activity": local_text(target.name, locale) if diff.entity == "service" else None,
        "field": field_label,
        "lang": diff.lang,
        "source": _source_label(diff.source),
        "current": _value_text(diff.field, review.current_value(diff), locale),
        "proposed": _value_text(diff.field, diff.source_value, locale),
        "created_at": _when(diff.created_at),
    }


def _visible_diffs() -> list[SourceDiff]:
    if permissions.can_view_imports(current_user):
        return review.pending_source_diffs()
    ids = [o.id for o in current_user.organizations]
    return review.pending_source_diffs(ids)


@imports_bp.route("/changes")
@permissions.permission_required(permissions.can_see_any_source_diffs)
def diffs():
    """What the sources now say about fields people edited by hand."""
    locale = get_locale()
    return render_template(
        "imports/diffs.html",
        diffs=[_diff_entry(diff, locale) for diff in _visible_diffs()],
        form=forms.DiffDecisionForm(),
        accept=forms.ACCEPT,
        dismiss=forms.DISMISS,
    )


@imports_bp.route("/changes/<int:diff_id>", methods=["POST"])
@permissions.login_required
def decide_diff(diff_id: int):
    diff = db.get_or_404(SourceDiff, diff_id)
    if not permissions.can_review_source_diffs(current_user, diff.organization):
        abort(403)
    form = forms.DiffDecisionForm()
    if not form.validate_on_submit():
        abort(400)
    if diff.status != DIFF_PENDING:
        flash(_("Someone already answered this change."), "warning")
        return redirect(url_for("imports.diffs"))
    if form.decision.data == forms.ACCEPT:
        review.accept_source_diff(diff, current_user)
        flash(_("The value from the source is now in the directory."), "success")
    else:
        review.dismiss_source_diff(diff, current_user)
        flash(_("The value in the directory was kept."), "success")
    return redirect(url_for("imports.diffs"))


# --- flagged records ------------------------------------------------------------


def _candidate_entry(candidate: DuplicateCandidate, locale: str) -> dict:
    record = candidate.record or {}
    return {
        "id": candidate.id,
        "source": _source_label(candidate.source),
        "source_id": candidate.source_id,
        "name": local_text(record.get("name") or {}, locale),
        "business_id": record.get("business_id"),
        "existing": local_text(candidate.organization.name, locale),
        "existing_id": candidate.organization.public_id,
        "reason": str(DUPLICATE_REASONS.get(candidate.reason, candidate.reason)),
        "created_at": _when(candidate.created_at),
    }


@imports_bp.route("/flagged")
@permissions.permission_required(permissions.can_view_imports)
def flagged():
    """Possible duplicates and records their source no longer lists."""
    locale = get_locale()
    organizations, services = review.flagged(FLAG_VANISHED)
    return render_template(
        "imports/flagged.html",
        duplicates=[_candidate_entry(c, locale) for c in review.pending_duplicates()],
        vanished_organizations=[
            {
                "public_id": o.public_id,
                "name": local_text(o.name, locale),
                "source": _source_label(o.source),
            }
            for o in organizations
        ],
        vanished_services=[
            {
                "public_id": s.public_id,
                "name": local_text(s.name, locale),
                "organization": local_text(s.organization.name, locale),
                "organization_id": s.organization.public_id,
                "source": _source_label(s.source),
            }
            for s in services
        ],
        duplicate_form=forms.DuplicateDecisionForm(),
        clear_form=forms.ClearFlagForm(),
        confirm=forms.CONFIRM,
        reject=forms.REJECT,
    )


@imports_bp.route("/duplicates/<int:candidate_id>", methods=["POST"])
@permissions.permission_required(permissions.can_view_imports)
def decide_duplicate(candidate_id: int):
    candidate = db.get_or_404(DuplicateCandidate, candidate_id)
    form = forms.DuplicateDecisionForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        if form.decision.data == forms.CONFIRM:
            review.confirm_duplicate(candidate, current_user)
            flash(
                _("Marked as the same organisation; the source's copy will be skipped."), "success"
            )
        else:
            review.reject_duplicate(candidate, current_user)
            flash(_("Marked as a different organisation and added to the directory."), "success")
    except review.DecisionError:
        flash(_("Someone already answered this."), "warning")
    return redirect(url_for("imports.flagged"))


@imports_bp.route("/flagged/<any(organization, service):kind>/<public_id>", methods=["POST"])
@permissions.permission_required(permissions.can_view_imports)
def clear_flag(kind: str, public_id: str):
    model = Organization if kind == "organization" else Service
    obj = db.first_or_404(db.select(model).filter_by(public_id=public_id))
    if not forms.ClearFlagForm().validate_on_submit():
        abort(400)
    review.clear_review_flag(obj, current_user)
    flash(_("The record is kept as it is."), "success")
    return redirect(url_for("imports.flagged"))


# --- the CSV template ---------------------------------------------------------------


@imports_bp.route("/template/<template_lang>.csv", endpoint="csv_template")
def csv_template_download(template_lang: str):
    """The empty CSV template with headers in fi, sv or en."""
    if template_lang not in csv_template.TEMPLATE_LANGUAGES:
        abort(404)
    filename = f"co-act-template.{template_lang}.csv"
    return Response(
        csv_template.template_csv(template_lang),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _column_help(locale: str) -> list[dict]:
    lang = locale if locale in csv_template.TEMPLATE_LANGUAGES else "en"
    return [
        {"key": c.key, "header": c.headers[lang], "help": c.help[lang]}
        for c in csv_template.columns()
    ]


def _term_list(locale: str) -> dict[str, list[tuple[str, str]]]:
    return {
        "themes": [(t.code, t.label(locale)) for t in themes().values()],
        "target_groups": [(t.code, t.label(locale)) for t in target_groups().values()],
    }


@imports_bp.route("/csv", methods=["GET", "POST"])
@permissions.permission_required(permissions.can_import_csv)
def csv_upload():
    """Upload a filled-in template: checked row by row, then imported like every source."""
    locale = get_locale()
    form = forms.CsvUploadForm()
    if form.validate_on_submit():
        upload = form.file.data
        content = upload.read(csv_template.MAX_BYTES + 1)
        if len(content) > csv_template.MAX_BYTES:
            form.file.errors.append(
                _("The file is larger than %(size)d MB.", size=csv_template.MAX_BYTES // 2**20)
            )
        else:
            options = ScrapeOptions(
                extra={"content": content, "filename": upload.filename or "upload.csv"}
            )
            scraper = build_scraper("csv", options)
            result = run_source(scraper, dry_run=form.dry_run.data, commit=False, user=current_user)
            flash(_("The file was read: %(summary)s", summary=_run_counts(result)), "success")
            return redirect(url_for("imports.run", run_id=result.run_id))
    status = INVALID_FORM if form.errors else 200
    return (
        render_template(
            "imports/csv_upload.html",
            form=form,
            columns=_column_help(locale),
            terms=_term_list(locale),
            template_languages=csv_template.TEMPLATE_LANGUAGES,
        ),
        status,
    )


def _run_counts(result) -> str:
    return _(
        "created %(created)d, updated %(updated)d, unchanged %(unchanged)d, "
        "flagged %(flagged)d, errors %(errors)d.",
        created=result.created,
        updated=result.updated,
        unchanged=result.unchanged,
        flagged=result.flagged,
        errors=result.errors,
    )
