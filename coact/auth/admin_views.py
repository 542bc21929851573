"""Administrators' pages for accounts and KOTO teams."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_login import current_user

from coact.auth import permissions, services
from coact.auth.forms import TeamForm, UserForm
from coact.extensions import db
from coact.i18n import get_locale
from coact.models import ROLES, Team, User
from coact.reference import counties

accounts_bp = Blueprint("accounts", __name__, url_prefix="/<lang>/manage")
permissions.deny_by_default(accounts_bp, permissions.can_manage_users)

INVALID_FORM = 422
PER_PAGE = 100


def _county_choices(locale: str) -> list[tuple[str, str]]:
    return sorted(
        ((c.code, c.label(locale)) for c in counties().values()), key=lambda i: i[1].casefold()
    )


def _teams() -> list[Team]:
    return list(db.session.scalars(db.select(Team).order_by(Team.county_code, Team.name)))


def _team_label(team: Team, locale: str) -> str:
    county = counties().get(team.county_code)
    return f"{team.name} ({county.label(locale) if county else team.county_code})"


def _user_form(locale: str, blank: bool = False) -> UserForm:
    form = UserForm(formdata=None) if blank else UserForm()
    form.role.choices = [(role, services.role_label(role)) for role in ROLES]
    form.county_code.choices = [("", _("No county"))] + _county_choices(locale)
    form.team.choices = [("", _("No team"))] + [
        (str(t.id), _team_label(t, locale)) for t in _teams()
    ]
    return form


def _user_rows(page, locale: str) -> list[dict]:
    rows = []
    for user in page.items:
        county = counties().get(user.county_code or "")
        rows.append(
            {
                "id": user.id,
                "email": user.email,
                "name": user.name,
                "role": services.role_label(user.role),
                "county": county.label(locale) if county else None,
                "team": user.team.name if user.team else None,
                "organizations": len(user.organizations),
                "active": user.active,
                "last_login_at": format_date(user.last_login_at, "medium")
                if user.last_login_at
                else None,
            }
        )
    return rows


def _users_page(form: UserForm, status: int = 200, link: str | None = None, linked=None):
    locale = get_locale()
    query = db.select(User).order_by(User.email)
    search = request.args.get("q", "").strip()
    if search:
        query = query.where(User.email.contains(search.lower()))
    page = db.paginate(
        query, page=request.args.get("page", 1, type=int), per_page=PER_PAGE, error_out=False
    )
    return (
        render_template(
            "staff/users.html",
            form=form,
            users=_user_rows(page, locale),
            page=page,
            search=search,
            link=link,
            linked=linked,
        ),
        status,
    )


@accounts_bp.route("/users", methods=["GET", "POST"])
def users():
    """All accounts, and a form to create one; a new account gets a one-time link."""
    locale = get_locale()
    form = _user_form(locale)
    if request.method == "GET":
        return _users_page(form)
    if form.validate_on_submit():
        try:
            team = services.find_team(form.team.data) if form.team.data else None
            user = services.create_user(
                form.email.data,
                form.role.data,
                name=form.name.data or "",
                county_code=form.county_code.data or None,
                team=team,
            )
        except services.AccountError as exc:
            getattr(form, exc.field or "email", form.email).errors.append(str(exc.message))
        else:
            link = url_for(
                "auth.set_password", token=services.password_link_token(user), _external=True
            )
            return _users_page(_user_form(locale, blank=True), link=link, linked=user)
    return _users_page(form, INVALID_FORM)


@accounts_bp.route("/users/<int:user_id>/link", methods=["POST"])
def new_link(user_id: int):
    """A new one-time password-setting link, for a new user or one who forgot."""
    user = permissions.get_user_for_management(user_id)
    link = url_for("auth.set_password", token=services.password_link_token(user), _external=True)
    services.record_link_issued(user)
    return _users_page(_user_form(get_locale(), blank=True), link=link, linked=user)


@accounts_bp.route("/users/<int:user_id>/active", methods=["POST"])
def set_active(user_id: int):
    user = permissions.get_user_for_management(user_id)
    active = request.form.get("active") == "1"
    if not active and user.id == current_user.id:
        flash(_("You cannot deactivate your own account."), "error")
        return redirect(url_for("accounts.users"))
    services.set_active(user, active)
    flash(
        _("%(email)s can log in again.", email=user.email)
        if active
        else _("%(email)s can no longer log in.", email=user.email),
        "success",
    )
    return redirect(url_for("accounts.users"))


@accounts_bp.route("/teams", methods=["GET", "POST"])
def teams():
    locale = get_locale()
    form = TeamForm()
    form.county_code.choices = [("", _("Choose a county"))] + _county_choices(locale)
    status = 200
    if form.validate_on_submit():
        try:
            team = services.create_team(form.name.data, form.county_code.data)
        except services.AccountError as exc:
            getattr(form, exc.field or "name", form.name).errors.append(str(exc.message))
            status = INVALID_FORM
        else:
            flash(_("The team %(name)s was created.", name=team.name), "success")
            return redirect(url_for("accounts.teams"))
    elif request.method == "POST":
        status = INVALID_FORM
    rows = [
        {
            "id": t.id,
            "name": t.name,
            "county": _team_label(t, locale),
            "members": len(t.members),
        }
        for t in _teams()
    ]
    return render_template("staff/teams.html", form=form, teams=rows), status
