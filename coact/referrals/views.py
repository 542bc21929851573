"""Referral pages: the KOTO worker's list and new referral, the NGO inbox, the referral
with its timeline, consent, the audit log and anonymous statistics.

Every page needs a login; each view asks ``coact.auth.permissions`` for the finer
rule. Pages are never cached (``no-store``): some show client personal data.
"""

from __future__ import annotations

import csv
import io
from datetime import time, timedelta

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from coact.auth import permissions
from coact.auth.permissions import deny_by_default, permission_required
from coact.extensions import db
from coact.models import AuditLog, Organization, Service, User, utcnow
from coact.models.referrals import (
    CLIENT_DATA_ITEMS,
    REFERRAL_STATUSES,
    Referral,
)
from coact.profiles.forms import parse_language_codes
from coact.referrals import lifecycle, services
from coact.referrals.forms import (
    ACTION_FORMS,
    ConfirmForm,
    ConsentForm,
    NewReferralForm,
    end_of_local_day,
    local_today,
    to_utc,
)
from coact.referrals.reach import organizations_serving
from coact.referrals.statistics import referral_statistics
from coact.referrals.template_context import template_helpers

referrals_bp = Blueprint("referrals", __name__, url_prefix="/<lang>/referrals")
deny_by_default(referrals_bp)
referrals_bp.context_processor(template_helpers)

AUDIT_PAGE_SIZE = 100


@referrals_bp.after_request
def never_cache(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


def _locale() -> str:
    return str(get_locale())


def _labels() -> dict:
    """The label tables the referral templates use."""
    return {
        "status_labels": lifecycle.STATUS_LABELS,
        "action_labels": lifecycle.ACTION_LABELS,
        "reason_labels": lifecycle.REASON_LABELS,
        "event_labels": lifecycle.EVENT_LABELS,
        "data_item_labels": lifecycle.DATA_ITEM_LABELS,
        "method_labels": lifecycle.CONSENT_METHOD_LABELS,
        "consent_state_labels": lifecycle.CONSENT_STATE_LABELS,
    }


# --- KOTO workers ------------------------------------------------------------


@referrals_bp.get("/", endpoint="list")
@permission_required(permissions.can_refer)
def list_referrals():
    status = request.args.get("status") or None
    if status not in (None, *REFERRAL_STATUSES):
        abort(400)
    return render_template(
        "referrals/list.html",
        referrals=services.referrals_made(current_user, status=status),
        status=status,
        statuses=REFERRAL_STATUSES,
        **_labels(),
    )


def _organization_by_public_id(public_id: str | None) -> Organization | None:
    if not public_id:
        return None
    return db.session.scalar(db.select(Organization).filter_by(public_id=public_id))


def _language_codes(values: list[str]) -> list[str]:
    """Known ISO 639 codes among ``values`` (separated values allowed); others dropped."""
    return parse_language_codes(" ".join(values))[0]


@referrals_bp.route("/new", methods=["GET", "POST"])
@permission_required(permissions.can_refer)
def new():
    """A new draft from the matching page's query (organization, service, q, lang,
    municipality, theme) or from scratch; consent is recorded on the next page."""
    locale = _locale()
    args = request.args
    chosen = _organization_by_public_id(
        request.form.get("organization") if request.method == "POST" else args.get("organization")
    )
    if chosen is None:
        if request.method == "POST":
            abort(400)
        return render_template(
            "referrals/choose_organization.html",
            organizations=organizations_serving(current_user.county_code),
            carried={
                k: args.getlist(k) for k in ("q", "lang", "language", "municipality", "theme")
            },
        )
    if request.method == "POST":
        languages = _language_codes(request.form.getlist("languages"))
    else:
        languages = _language_codes([*args.getlist("lang"), *args.getlist("language")])
    form = NewReferralForm()
    form.set_choices(locale, [s for s in chosen.services if s.is_active], languages)
    if request.method == "GET":
        form.organization.data = chosen.public_id
        form.service.data = args.get("service", "")
        form.need_text.data = args.get("q", "")
        form.themes.data = [t for t in args.getlist("theme") if t]
        form.languages.data = languages
        form.municipality.data = args.get("municipality", "")
        return render_template("referrals/new.html", form=form, organization=chosen, findings=None)

    findings = form.personal_data_findings()
    error = None
    if form.validate():
        service = db.session.scalar(db.select(Service).filter_by(public_id=form.service.data))
        try:
            referral = services.create_referral(
                current_user,
                chosen,
                service=service if form.service.data else None,
                need_text=form.need_text.data or "",
                theme_codes=form.themes.data or [],
                languages=form.language_codes(),
                municipality_code=form.municipality.data or None,
            )
        except services.ReferralError as exc:
            error = str(exc)
        else:
            flash(
                _(
                    "The referral was saved as a draft. Record the client's consent next, "
                    "or send it without personal data."
                ),
                "success",
            )
            return redirect(url_for(".detail", public_id=referral.public_id))
    return (
        render_template(
            "referrals/new.html", form=form, organization=chosen, findings=findings, error=error
        ),
        400,
    )


@referrals_bp.get("/export.csv")
@permission_required(permissions.can_refer)
def export():
    """The team's referrals for its own reporting: codes and dates, no free text and
    no personal data."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "referral_id",
            "status",
            "status_reason",
            "organization_id",
            "organization",
            "activity_id",
            "themes",
            "languages",
            "municipality",
            "created_at",
            "sent_at",
            "closed_at",
            "consent_recorded",
        ]
    )
    locale = _locale()
    for r in services.referrals_made(current_user):
        writer.writerow(
            [
                r.public_id,
                r.status,
                r.status_reason or "",
                r.organization.public_id if r.organization else "",
                r.organization.display_name(locale) if r.organization else "",
                r.service.public_id if r.service else "",
                " ".join(r.themes),
                " ".join(r.languages),
                r.municipality_code or "",
                r.created_at.isoformat(),
                r.sent_at.isoformat() if r.sent_at else "",
                r.closed_at.isoformat() if r.closed_at else "",
                "yes" if r.consents else "no",
            ]
        )
    return Response(
        out.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=coact-referrals.csv"},
    )


# --- NGO editors -------------------------------------------------------------


@referrals_bp.get("/inbox")
def inbox():
    """Referrals to the user's organisations; KOTO workers have their own list."""
    if permissions.can_refer(current_user):
        return redirect(url_for(".list"))
    if not permissions.can_use_referral_inbox(current_user):
        abort(403)
    return render_template(
        "referrals/inbox.html",
        open_referrals=services.referrals_received(current_user),
        closed_referrals=services.referrals_received(current_user, closed=True),
        **_labels(),
    )


# --- One referral ------------------------------------------------------------


def _side(referral: Referral) -> str:
    if permissions.is_referral_requester(current_user, referral):
        return lifecycle.REQUESTER
    return lifecycle.RECIPIENT


def _render_detail(
    referral: Referral, *, status: int = 200, failed: tuple | None = None, error: str | None = None
):
    """The referral page; ``failed`` is (action, form) of a form that did not validate."""
    now = utcnow()
    side = _side(referral)
    action_forms = []
    for transition in lifecycle.actions_from(referral.status, side):
        if failed and failed[0] == transition.action:
            form = failed[1]
        else:
            form = ACTION_FORMS[transition.action](prefix=transition.action)
        action_forms.append((transition, form))
    consent = referral.current_consent(now)
    return (
        render_template(
            "referrals/detail.html",
            referral=referral,
            side=side,
            is_requester=side == lifecycle.REQUESTER,
            # An answer with an error rolls the request back, audit row included, so
            # it shows no personal data.
            client_data=(
                services.client_data_for(current_user, referral, now=now) if status < 400 else None
            ),
            client_data_withheld=status >= 400,
            client_data_items=CLIENT_DATA_ITEMS,
            consent=consent,
            consents=referral.consents if side == lifecycle.REQUESTER else [],
            can_record_consent=(
                permissions.can_manage_consent(current_user, referral)
                and consent is None
                and not referral.is_closed
            ),
            can_withdraw_consent=(
                permissions.can_manage_consent(current_user, referral)
                and referral.withdrawable_consent() is not None
            ),
            withdraw_form=ConfirmForm(prefix="withdraw_consent"),
            action_forms=action_forms,
            error=error,
            now=now,
            **_labels(),
        ),
        status,
    )


@referrals_bp.get("/<public_id>")
def detail(public_id: str):
    return _render_detail(permissions.get_referral_for_view(public_id))


@referrals_bp.post("/<public_id>/status/<action>")
def transition(public_id: str, action: str):
    referral = permissions.get_referral_for_view(public_id)
    if action not in lifecycle.TRANSITIONS:
        abort(404)
    if not permissions.can_act_on_referral(current_user, referral, action):
        abort(403)
    form = ACTION_FORMS[action](prefix=action)
    if not form.validate():
        return _render_detail(referral, status=400, failed=(action, form))
    extra = {}
    if action == "arrange_meeting":
        extra = {"meeting_at": form.meeting_at(), "meeting_place": form.place.data}
    try:
        services.change_status(
            referral,
            action,
            current_user,
            reason=getattr(form, "reason", None) and form.reason.data,
            note=form.note.data,
            **extra,
        )
    except services.ReferralError as exc:
        return _render_detail(referral, status=409, error=str(exc))
    flash(
        _("Status changed: %(status)s.", status=lifecycle.STATUS_LABELS[referral.status]),
        "success",
    )
    return redirect(url_for(".detail", public_id=referral.public_id))


@referrals_bp.route("/<public_id>/consent", methods=["GET", "POST"])
def consent(public_id: str):
    referral = permissions.get_referral_for_view(public_id)
    if not permissions.can_manage_consent(current_user, referral):
        abort(403)
    locale = _locale()
    form = ConsentForm()
    form.set_choices(locale, current_app.config["COACT"].locales, referral.languages)
    org_name = referral.organization.display_name(locale) if referral.organization else ""
    if request.method == "GET":
        activity = referral.service.display_name(locale) if referral.service else ""
        form.purpose.data = (
            _(
                "Referral to %(organization)s (%(activity)s) to arrange a first meeting.",
                organization=org_name,
                activity=activity,
            )
            if activity
            else _(
                "Referral to %(organization)s to arrange a first meeting.", organization=org_name
            )
        )
        form.given_on.data = local_today()
        form.valid_until.data = local_today() + timedelta(days=services.DEFAULT_CONSENT_DAYS)
        form.notice_language.data = locale
        if referral.languages:
            form.preferred_language.data = referral.languages[0]
        return render_template(
            "referrals/consent.html", referral=referral, form=form, org_name=org_name, **_labels()
        )
    error = None
    if form.validate():
        now = utcnow()
        given_on = form.given_on.data
        given_at = now if given_on == local_today() else to_utc(given_on, time(12, 0))
        data = services.ConsentInput(
            data_items=form.data_items.data,
            values={item: getattr(form, item).data or "" for item in CLIENT_DATA_ITEMS},
            purpose=form.purpose.data,
            method=form.method.data,
            told_refusal_is_free=form.told_refusal_is_free.data,
            explicit_for_needs=form.explicit_for_needs.data,
            interpreter_language=form.interpreter_language.data or None,
            notice_language=form.notice_language.data,
            given_at=given_at,
            valid_until=end_of_local_day(form.valid_until.data),
        )
        try:
            services.record_consent(referral, current_user, data, now=now)
        except services.ReferralError as exc:
            error = str(exc)
        else:
            flash(_("The consent was recorded."), "success")
            return redirect(url_for(".detail", public_id=referral.public_id))
    return (
        render_template(
            "referrals/consent.html",
            referral=referral,
            form=form,
            org_name=org_name,
            error=error,
            **_labels(),
        ),
        400,
    )


@referrals_bp.post("/<public_id>/consent/withdraw")
def withdraw_consent(public_id: str):
    referral = permissions.get_referral_for_view(public_id)
    if not permissions.can_manage_consent(current_user, referral):
        abort(403)
    form = ConfirmForm(prefix="withdraw_consent")
    if not form.validate():
        abort(400)
    try:
        services.withdraw_consent(referral, current_user)
    except services.ReferralError as exc:
        return _render_detail(referral, status=409, error=str(exc))
    flash(
        _(
            "The consent was withdrawn. The organisation can no longer see the client's data, "
            "and the data was erased."
        ),
        "success",
    )
    return redirect(url_for(".detail", public_id=referral.public_id))


# --- Coordinators and admins -------------------------------------------------


@referrals_bp.get("/audit")
@permission_required(permissions.can_read_referral_audit_log)
def audit_log():
    """Who did what with referrals and who read personal data: a coordinator sees
    their county, an admin every county. ``referral`` narrows it to one referral
    (for a client's request to see who handled their data)."""
    query = (
        db.select(AuditLog, Referral, User)
        .join(Referral, Referral.public_id == AuditLog.object_id)
        .outerjoin(User, User.id == AuditLog.user_id)
        .where(AuditLog.object_type == "referral")
    )
    if not permissions.is_admin(current_user):
        query = query.where(Referral.county_code == current_user.county_code)
    referral_id = (request.args.get("referral") or "").strip()
    if referral_id:
        query = query.where(Referral.public_id == referral_id)
    before = request.args.get("before", type=int)
    if before:
        query = query.where(AuditLog.id < before)
    rows = db.session.execute(query.order_by(AuditLog.id.desc()).limit(AUDIT_PAGE_SIZE + 1)).all()
    more = len(rows) > AUDIT_PAGE_SIZE
    rows = rows[:AUDIT_PAGE_SIZE]
    return render_template(
        "referrals/audit_log.html",
        rows=rows,
        referral_id=referral_id,
        older=rows[-1][0].id if more else None,
    )


@referrals_bp.get("/statistics")
@permission_required(permissions.can_view_referral_statistics)
def statistics():
    """Anonymous counts: a coordinator's county, or an NGO's own referrals."""
    if permissions.is_coordinator(current_user):
        breakdown = referral_statistics(county_codes=[current_user.county_code])
        scope = "county"
    else:
        breakdown = referral_statistics(organization_ids=[o.id for o in current_user.organizations])
        scope = "organization"
    return render_template("referrals/statistics.html", stats=breakdown, scope=scope, **_labels())
