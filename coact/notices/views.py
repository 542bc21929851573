"""Advance notice pages: teams post them, NGOs and coordinators read them."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from coact.auth import permissions
from coact.auth.permissions import deny_by_default, permission_required
from coact.extensions import db
from coact.models import Organization
from coact.notices import services
from coact.notices.forms import TO_ORGANIZATION, NoticeForm
from coact.referrals.forms import ConfirmForm, local_today
from coact.referrals.reach import organizations_serving
from coact.referrals.statistics import suppress
from coact.referrals.template_context import template_helpers

notices_bp = Blueprint("notices", __name__, url_prefix="/<lang>/notices")
deny_by_default(notices_bp, permissions.can_view_notices)
notices_bp.context_processor(template_helpers)


@notices_bp.get("/", endpoint="list")
def list_notices():
    today = local_today()
    notices = services.visible_notices(current_user, today=today)
    is_ngo = permissions.is_ngo_editor(current_user)
    return render_template(
        "notices/list.html",
        notices=notices,
        today=today,
        is_ngo=is_ngo,
        # NGOs see small expected counts as "fewer than 5"; the posting team sees its own.
        shown_count=suppress if is_ngo else (lambda count: count),
        can_post=permissions.can_post_notices(current_user),
        can_manage=lambda notice: permissions.can_manage_notice(current_user, notice),
        withdraw_form=ConfirmForm(prefix="withdraw"),
    )


@notices_bp.route("/new", methods=["GET", "POST"])
@permission_required(permissions.can_post_notices)
def new():
    locale = str(get_locale())
    organizations = organizations_serving(current_user.county_code)
    form = NoticeForm()
    languages = request.form.getlist("languages") if request.method == "POST" else []
    form.set_choices(locale, organizations, current_user.county_code, languages)
    if request.method == "GET":
        form.organization.data = request.args.get("organization", "")
        form.period_start.data = local_today()
        return render_template("notices/new.html", form=form, findings=None)
    findings = form.personal_data_findings()
    error = None
    if form.validate():
        to_org = form.addressed_to.data == TO_ORGANIZATION
        org = (
            db.session.scalar(db.select(Organization).filter_by(public_id=form.organization.data))
            if to_org
            else None
        )
        try:
            services.post_notice(
                current_user,
                organization=org,
                theme=None if to_org else form.theme.data,
                expected_count=form.expected_count.data,
                period_start=form.period_start.data,
                period_end=form.period_end.data,
                languages=form.language_codes(),
                theme_codes=form.themes.data or [],
                target_group_codes=form.target_groups.data or [],
                municipality_code=form.municipality.data or None,
                message=form.message.data or "",
                today=local_today(),
            )
        except services.NoticeError as exc:
            error = str(exc)
        else:
            flash(_("The advance notice was sent."), "success")
            return redirect(url_for(".list"))
    return render_template("notices/new.html", form=form, findings=findings, error=error), 400


@notices_bp.post("/<public_id>/withdraw")
def withdraw(public_id: str):
    notice = permissions.get_notice_for_management(public_id)
    if not ConfirmForm(prefix="withdraw").validate():
        return redirect(url_for(".list"))
    try:
        services.withdraw_notice(notice, current_user)
    except services.NoticeError as exc:
        flash(str(exc), "error")
        return redirect(url_for(".list"))
    flash(_("The notice was withdrawn."), "success")
    return redirect(url_for(".list"))
