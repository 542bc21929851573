"""Group visit pages: the list, planning, the NGO's answer, follow-up and calendars."""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from coact.auth import permissions
from coact.auth.permissions import deny_by_default, permission_required
from coact.extensions import db
from coact.models import Organization, utcnow
from coact.models.visits import (
    VISIT_CANCELLED,
    VISIT_CONFIRMED,
    VISIT_OTHER_TIME_PROPOSED,
    VISIT_PLANNED,
    GroupVisit,
)
from coact.referrals.reach import organizations_serving
from coact.referrals.template_context import template_helpers
from coact.visits import ical, services
from coact.visits.forms import (
    ConfirmVisitForm,
    FeedbackForm,
    MessageForm,
    PlanVisitForm,
    ProposeTimeForm,
)

visits_bp = Blueprint("visits", __name__, url_prefix="/<lang>/visits")
deny_by_default(visits_bp, permissions.can_view_visits)
visits_bp.context_processor(template_helpers)


def _locale() -> str:
    return str(get_locale())


@visits_bp.get("/", endpoint="list")
def list_visits():
    now = utcnow()
    visits = services.visible_visits(current_user)
    return render_template(
        "visits/list.html",
        upcoming=[v for v in visits if v.ends_at >= now],
        past=[v for v in reversed(visits) if v.ends_at < now],
        can_plan=permissions.can_plan_visits(current_user),
        can_see_statistics=permissions.can_view_referral_statistics(current_user),
        can_read_audit_log=permissions.can_read_referral_audit_log(current_user),
        status_labels=services.STATUS_LABELS,
    )


@visits_bp.route("/plan", methods=["GET", "POST"])
@permission_required(permissions.can_plan_visits)
def plan():
    locale = _locale()
    organizations = organizations_serving(current_user.county_code)
    form = PlanVisitForm()
    languages = request.form.getlist("languages") if request.method == "POST" else []
    form.set_choices(locale, organizations, languages)
    if request.method == "GET":
        form.organization.data = request.args.get("organization", "")
        return render_template("visits/plan.html", form=form, findings=None)
    findings = form.personal_data_findings()
    error = None
    if form.validate():
        org = db.session.scalar(db.select(Organization).filter_by(public_id=form.organization.data))
        plan = services.VisitPlan(
            organization=org,
            starts_at=form.starts_at(),
            participants=form.participants.data,
            duration_minutes=form.duration_minutes.data,
            languages=form.language_codes(),
            interpreter_needed=form.interpreter_needed.data,
            meeting_point=form.meeting_point.data or "",
            pickup_requested=form.pickup_requested.data,
            notes=form.notes.data or "",
            repeat=form.repeat.data,
            count=form.count.data if form.repeat.data != services.REPEAT_NONE else 1,
        )
        try:
            visits = services.plan_visit(current_user, plan)
        except services.VisitError as exc:
            error = str(exc)
        else:
            flash(
                _(
                    "The visit was planned (%(num)d dates). The organisation is asked to confirm.",
                    num=len(visits),
                ),
                "success",
            )
            return redirect(url_for(".detail", public_id=visits[0].public_id))
    return render_template("visits/plan.html", form=form, findings=findings, error=error), 400


def _render_detail(
    visit, *, status: int = 200, error: str | None = None, forms: dict | None = None
):
    now = utcnow()
    forms = forms or {}
    manage = permissions.can_manage_visit(current_user, visit)
    answer = permissions.can_answer_visit(current_user, visit)
    future = visit.starts_at > now
    series = []
    if visit.series_id:
        series = db.session.scalars(
            db.select(GroupVisit)
            .where(GroupVisit.series_id == visit.series_id)
            .order_by(GroupVisit.starts_at)
        ).all()
    return (
        render_template(
            "visits/detail.html",
            visit=visit,
            series=series,
            status_labels=services.STATUS_LABELS,
            can_confirm=answer and future and visit.status == VISIT_PLANNED,
            can_propose=answer and future and visit.status in (VISIT_PLANNED, VISIT_CONFIRMED),
            can_accept_proposal=manage and visit.status == VISIT_OTHER_TIME_PROPOSED,
            can_cancel=(manage or answer) and future and visit.status != VISIT_CANCELLED,
            can_feedback=(manage or answer) and not future and visit.status == VISIT_CONFIRMED,
            by_team=manage,
            confirm_form=forms.get("confirm") or ConfirmVisitForm(prefix="confirm"),
            propose_form=forms.get("propose") or ProposeTimeForm(prefix="propose"),
            accept_form=MessageForm(prefix="accept"),
            cancel_form=forms.get("cancel") or MessageForm(prefix="cancel"),
            feedback_form=forms.get("feedback") or FeedbackForm(prefix="feedback"),
            error=error,
        ),
        status,
    )


@visits_bp.get("/<public_id>")
def detail(public_id: str):
    return _render_detail(permissions.get_visit_for_view(public_id))


def _visit_for(public_id: str, check) -> GroupVisit:
    visit = permissions.get_visit_for_view(public_id)
    if not check(current_user, visit):
        abort(403)
    return visit


def _done(visit, message: str):
    flash(message, "success")
    return redirect(url_for(".detail", public_id=visit.public_id))


@visits_bp.post("/<public_id>/confirm")
def confirm(public_id: str):
    visit = _visit_for(public_id, permissions.can_answer_visit)
    form = ConfirmVisitForm(prefix="confirm")
    if not form.validate():
        return _render_detail(visit, status=400, forms={"confirm": form})
    try:
        confirmed = services.confirm_visit(visit, current_user, whole_series=form.whole_series.data)
    except services.VisitError as exc:
        return _render_detail(visit, status=409, error=str(exc))
    return _done(visit, _("Confirmed (%(num)d dates).", num=len(confirmed)))


@visits_bp.post("/<public_id>/propose")
def propose(public_id: str):
    visit = _visit_for(public_id, permissions.can_answer_visit)
    form = ProposeTimeForm(prefix="propose")
    if not form.validate():
        return _render_detail(visit, status=400, forms={"propose": form})
    try:
        services.propose_other_time(visit, current_user, form.starts_at(), form.message.data)
    except services.VisitError as exc:
        return _render_detail(visit, status=409, error=str(exc))
    return _done(visit, _("Your proposal was sent to the KOTO team."))


@visits_bp.post("/<public_id>/accept-proposal")
def accept_proposal(public_id: str):
    visit = _visit_for(public_id, permissions.can_manage_visit)
    if not MessageForm(prefix="accept").validate():
        abort(400)
    try:
        services.accept_proposal(visit, current_user)
    except services.VisitError as exc:
        return _render_detail(visit, status=409, error=str(exc))
    return _done(visit, _("The new time was accepted and the visit is confirmed."))


def _can_manage_or_answer(user, visit) -> bool:
    return permissions.can_manage_visit(user, visit) or permissions.can_answer_visit(user, visit)


@visits_bp.post("/<public_id>/cancel")
def cancel(public_id: str):
    visit = _visit_for(public_id, _can_manage_or_answer)
    form = MessageForm(prefix="cancel")
    if not form.validate():
        return _render_detail(visit, status=400, forms={"cancel": form})
    try:
        services.cancel_visit(
            visit,
            current_user,
            by_team=permissions.can_manage_visit(current_user, visit),
            message=form.message.data,
        )
    except services.VisitError as exc:
        return _render_detail(visit, status=409, error=str(exc))
    return _done(visit, _("The visit was cancelled."))


@visits_bp.post("/<public_id>/feedback")
def feedback(public_id: str):
    visit = _visit_for(public_id, _can_manage_or_answer)
    form = FeedbackForm(prefix="feedback")
    if not form.validate():
        return _render_detail(visit, status=400, forms={"feedback": form})
    try:
        services.record_feedback(
            visit,
            current_user,
            by_team=permissions.can_manage_visit(current_user, visit),
            attendance=form.attendance.data,
            feedback=form.feedback.data or "",
        )
    except services.VisitError as exc:
        return _render_detail(visit, status=409, error=str(exc))
    return _done(visit, _("Thank you, the feedback was saved."))


def _ics(visits, filename: str) -> Response:
    body = ical.calendar(visits, _locale(), now=utcnow())
    return Response(
        body,
        mimetype="text/calendar",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@visits_bp.get("/<public_id>/calendar.ics")
def ics(public_id: str):
    return _ics([permissions.get_visit_for_view(public_id)], "coact-visit.ics")


@visits_bp.get("/calendar.ics")
def calendar():
    """Every visit the user can see, for importing into a calendar."""
    return _ics(services.visible_visits(current_user), "coact-visits.ics")
