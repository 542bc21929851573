"""Logging in and out, setting a password from a one-time link, and the account page."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user

from coact.auth import services
from coact.auth.forms import ChangePasswordForm, LanguageForm, LoginForm, NewPasswordForm
from coact.auth.passwords import MIN_PASSWORD_LENGTH
from coact.auth.permissions import login_required
from coact.directory.presenters import local_text
from coact.i18n import get_locale
from coact.models import ROLE_ADMIN, ROLE_COORDINATOR, ROLE_KOTO_WORKER, ROLE_NGO_EDITOR
from coact.navigation import locale_name
from coact.reference import counties

auth_bp = Blueprint("auth", __name__, url_prefix="/<lang>")

#: Where each role starts after logging in: the first of these pages that exists.
LANDING_ENDPOINTS: dict[str, tuple[str, ...]] = {
    ROLE_ADMIN: ("profiles.mine",),
    ROLE_NGO_EDITOR: ("profiles.mine",),
    ROLE_KOTO_WORKER: ("search.match", "referrals.inbox"),
    ROLE_COORDINATOR: ("search.match", "imports.runs"),
}
INVALID_FORM = 422


def landing_url(user) -> str:
    lang = user.locale if user.locale in current_app.config["COACT"].locales else g.get("lang")
    for endpoint in (*LANDING_ENDPOINTS.get(user.role, ()), "auth.account"):
        if endpoint in current_app.view_functions:
            return url_for(endpoint, lang=lang)
    raise LookupError("auth.account is always registered")


def safe_next(target: str | None) -> str | None:
    """A path on this site to return to after login; anything else is ignored."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target


@auth_bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated and request.method == "GET":
        return redirect(safe_next(request.args.get("next")) or landing_url(current_user))
    form = LoginForm()
    if request.method == "GET":
        form.next.data = safe_next(request.args.get("next")) or ""
    error, status = None, 200
    if form.validate_on_submit():
        try:
            user = services.authenticate(
                form.email.data, form.password.data, request.remote_addr or "unknown"
            )
        except services.LoginThrottled:
            error = _("Too many failed attempts. Wait a few minutes and try again.")
            status = 429
        else:
            if user is not None:
                services.log_in(user)
                return redirect(safe_next(form.next.data) or landing_url(user))
            error = _("The e-mail address or the password is wrong.")
            status = INVALID_FORM
    elif request.method == "POST":
        status = INVALID_FORM
    return render_template("auth/login.html", form=form, error=error), status


@auth_bp.route("/logout", methods=["POST"])
def logout():
    services.log_out()
    flash(_("You have logged out."), "success")
    if "directory.home" in current_app.view_functions:
        return redirect(url_for("directory.home"))
    return redirect(url_for("auth.login"))


@auth_bp.route("/set-password/<token>", methods=["GET", "POST"])
def set_password(token: str):
    """The one-time link an administrator gives to a new user (or one who forgot)."""
    user = services.user_for_password_token(token)
    if user is None:
        return render_template("auth/link_invalid.html"), 404
    form = NewPasswordForm()
    if form.validate_on_submit():
        services.set_password(user, form.new_password.data, action="user.password_set")
        services.log_in(user)
        flash(_("Your password is set and you are logged in."), "success")
        return redirect(landing_url(user))
    status = INVALID_FORM if request.method == "POST" else 200
    return (
        render_template(
            "auth/set_password.html",
            form=form,
            user=user,
            min_password_length=MIN_PASSWORD_LENGTH,
        ),
        status,
    )


def _language_form(user) -> LanguageForm:
    form = LanguageForm(locale=user.locale or "")
    form.set_choices([(code, locale_name(code)) for code in current_app.config["COACT"].locales])
    return form


def _account_page(password_form=None, language_form=None, status: int = 200):
    user = current_user
    county = counties().get(user.county_code or "")
    locale = get_locale()
    return (
        render_template(
            "auth/account.html",
            user=user,
            role_label=services.role_label(user.role),
            county_name=county.label(locale) if county else None,
            team_name=user.team.name if user.team else None,
            organizations=[
                {"public_id": org.public_id, "name": local_text(org.name, locale)}
                for org in sorted(user.organizations, key=lambda o: o.sort_name)
            ],
            min_password_length=MIN_PASSWORD_LENGTH,
            password_form=password_form or ChangePasswordForm(formdata=None),
            language_form=language_form or _language_form(current_user),
        ),
        status,
    )


@auth_bp.route("/account")
@login_required
def account():
    return _account_page()


@auth_bp.route("/account/password", methods=["POST"])
@login_required
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            services.change_password(
                current_user, form.current_password.data, form.new_password.data
            )
        except services.AccountError as exc:
            getattr(form, exc.field or "current_password").errors.append(str(exc.message))
        else:
            flash(_("Your password has been changed."), "success")
            return redirect(url_for("auth.account"))
    return _account_page(password_form=form, status=INVALID_FORM)


@auth_bp.route("/account/language", methods=["POST"])
@login_required
def change_language():
    form = _language_form(current_user)
    if form.validate_on_submit():
        services.set_locale(current_user, form.locale.data or None)
        lang = current_user.locale or g.get("lang")
        with_locale = {"lang": lang} if lang else {}
        with force_locale(lang):
            flash(_("Your language has been saved."), "success")
        return redirect(url_for("auth.account", **with_locale))
    return _account_page(language_form=form, status=INVALID_FORM)
