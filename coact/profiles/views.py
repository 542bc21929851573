"""Staff pages for keeping organisation and activity profiles up to date."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_login import current_user

from coact.auth import permissions
from coact.auth import services as accounts
from coact.auth.forms import EditorInviteForm
from coact.directory.presenters import local_text
from coact.extensions import db
from coact.i18n import get_locale
from coact.models import ROLE_NGO_EDITOR, Organization, Service
from coact.profiles import choices, services
from coact.profiles.forms import ADD_LANGUAGE, organization_form, service_form
from coact.reference import language_name, municipality

profiles_bp = Blueprint("profiles", __name__, url_prefix="/<lang>/manage")
permissions.deny_by_default(profiles_bp, permissions.can_use_profile_editor)

INVALID_FORM = 422
PER_PAGE = 50


def _date(at) -> str | None:
    return format_date(at, "medium") if at else None


def _organization_summary(org: Organization, locale: str) -> dict:
    place = municipality(org.municipality_code or "")
    return {
        "public_id": org.public_id,
        "name": local_text(org.name, locale),
        "municipality": place.label(locale) if place else None,
        "status": org.status,
        "status_label": choices.STATUS_LABELS.get(org.status, org.status),
        "last_verified_at": _date(org.last_verified_at),
        "updated_at": _date(org.updated_at),
        "source": org.source,
        "review_flag": org.review_flag,
    }


def _service_summary(service: Service, locale: str) -> dict:
    return {
        "public_id": service.public_id,
        "name": local_text(service.name, locale),
        "status": service.status,
        "status_label": choices.STATUS_LABELS.get(service.status, service.status),
        "languages": [language_name(code, locale) for code in service.languages],
        "updated_at": _date(service.updated_at),
        "last_verified_at": _date(service.last_verified_at),
    }


@profiles_bp.route("/")
def mine():
    """The organisations this user edits; admins see all, with a search box."""
    locale = get_locale()
    query = permissions.editable_organizations(current_user)
    is_admin = permissions.is_admin(current_user)
    search = request.args.get("q", "").strip() if is_admin else ""
    query = services.search_organizations(query, search)
    page = db.paginate(
        query, page=request.args.get("page", 1, type=int), per_page=PER_PAGE, error_out=False
    )
    return render_template(
        "staff/organizations.html",
        organizations=[_organization_summary(org, locale) for org in page.items],
        page=page,
        search=search,
        is_admin=is_admin,
        can_create=permissions.can_create_organization(current_user),
    )


def _language_entries(form, locale: str) -> list[dict]:
    return [
        {**choices.text_language(code, locale), "fields": form.text_fields(code)}
        for code in form.languages_shown
    ]


def _render_form(form, template: str, status: int = 200, **context):
    locale = get_locale()
    return (
        render_template(
            template,
            form=form,
            language_sections=_language_entries(form, locale),
            **context,
        ),
        status,
    )


def _handle_multilingual_post(build_form, template: str, save, **context):
    """Shared POST handling: add a language (re-render), or validate and save."""
    form = build_form(request.form)
    if request.form.get("action") == ADD_LANGUAGE or (form.add_language.data or "").strip():
        form.validate()
        if form.add_language.errors:
            return _render_form(form, template, INVALID_FORM, **context)
        code = form.added_language()
        if code is None:
            form.add_language.errors = [_("Type a language code first.")]
            return _render_form(form, template, INVALID_FORM, **context)
        formdata = request.form.copy()
        formdata["text_languages"] = ",".join([*form.languages_shown, code])
        formdata["add_language"] = ""
        form = build_form(formdata)
        flash(
            _(
                "Fields for %(language)s were added. Write the texts and save.",
                language=language_name(code, get_locale()),
            ),
            "info",
        )
        return _render_form(form, template, 200, **context)
    if form.validate():
        return save(form)
    return _render_form(form, template, INVALID_FORM, **context)


# --- Organisations -----------------------------------------------------------------


@profiles_bp.route("/organizations/<public_id>")
def organization(public_id: str):
    org = permissions.get_organization_for_edit(public_id)
    locale = get_locale()
    return render_template(
        "staff/organization.html",
        org=_organization_summary(org, locale),
        services=[_service_summary(s, locale) for s in org.services],
        editors=[{"id": u.id, "email": u.email, "name": u.name} for u in services.editors_of(org)],
        can_invite=permissions.can_invite_editor(current_user, org),
        can_delete=permissions.can_delete_organization(current_user, org),
    )


@profiles_bp.route("/organizations/<public_id>/edit", methods=["GET", "POST"])
def edit_organization(public_id: str):
    org = permissions.get_organization_for_edit(public_id)
    locale = get_locale()
    context = {"org": _organization_summary(org, locale), "creating": False}
    if request.method == "GET":
        return _render_form(
            organization_form(locale, org), "staff/organization_form.html", **context
        )

    def save(form):
        changed = services.update_organization(org, form.values())
        flash(_("The changes were saved.") if changed else _("Nothing was changed."), "success")
        return redirect(url_for("profiles.organization", public_id=org.public_id))

    return _handle_multilingual_post(
        lambda data: organization_form(locale, org, data),
        "staff/organization_form.html",
        save,
        **context,
    )


@profiles_bp.route("/organizations/new", methods=["GET", "POST"])
def new_organization():
    if not permissions.can_create_organization(current_user):
        abort(403)
    locale = get_locale()
    context = {"org": None, "creating": True}
    if request.method == "GET":
        return _render_form(organization_form(locale), "staff/organization_form.html", **context)

    def save(form):
        org = services.create_organization(form.values())
        flash(
            _("The organisation was created. You can now add its activities and editors."),
            "success",
        )
        return redirect(url_for("profiles.organization", public_id=org.public_id))

    return _handle_multilingual_post(
        lambda data: organization_form(locale, None, data),
        "staff/organization_form.html",
        save,
        **context,
    )


@profiles_bp.route("/organizations/<public_id>/confirm", methods=["POST"])
def confirm_organization(public_id: str):
    org = permissions.get_organization_for_edit(public_id)
    services.confirm_current(org)
    flash(_("Thank you. The information is marked as current today."), "success")
    return redirect(url_for("profiles.organization", public_id=org.public_id))


@profiles_bp.route("/organizations/<public_id>/delete", methods=["GET", "POST"])
def delete_organization(public_id: str):
    org = permissions.get_organization_for_edit(public_id)
    if not permissions.can_delete_organization(current_user, org):
        abort(403)
    if request.method == "POST":
        services.delete_organization(org)
        flash(_("The organisation was deleted."), "success")
        return redirect(url_for("profiles.mine"))
    locale = get_locale()
    return render_template(
        "staff/confirm_delete.html",
        heading=_("Delete the organisation?"),
        name=local_text(org.name, locale),
        explanation=_(
            "The organisation and its %(num)d activities are removed from the directory for good.",
            num=len(org.services),
        ),
        cancel_url=url_for("profiles.organization", public_id=org.public_id),
    )


@profiles_bp.route("/organizations/<public_id>/editors", methods=["GET", "POST"])
def editors(public_id: str):
    """An admin adds an editor: an existing NGO editor, or a new account with a one-time link."""
    org = permissions.get_organization_for_edit(public_id)
    if not permissions.can_invite_editor(current_user, org):
        abort(403)
    locale = get_locale()
    form = EditorInviteForm()
    status, link, invited = 200, None, None
    if form.validate_on_submit():
        try:
            existing = accounts.find_user_by_email(form.email.data)
            if existing is not None:
                added = accounts.add_editor(existing, org)
                flash(
                    _("%(email)s can now edit this organisation.", email=existing.email)
                    if added
                    else _("%(email)s already edits this organisation.", email=existing.email),
                    "success",
                )
                return redirect(url_for("profiles.editors", public_id=org.public_id))
            invited = accounts.create_user(
                form.email.data, ROLE_NGO_EDITOR, name=form.name.data or "", organizations=[org]
            )
            link = url_for(
                "auth.set_password", token=accounts.password_link_token(invited), _external=True
            )
            form = EditorInviteForm(formdata=None)
        except accounts.AccountError as exc:
            getattr(form, exc.field or "email", form.email).errors.append(str(exc.message))
            status = INVALID_FORM
    elif request.method == "POST":
        status = INVALID_FORM
    return (
        render_template(
            "staff/editors.html",
            org=_organization_summary(org, locale),
            editors=[
                {"id": u.id, "email": u.email, "name": u.name} for u in services.editors_of(org)
            ],
            form=form,
            link=link,
            invited=invited,
        ),
        status,
    )


@profiles_bp.route("/organizations/<public_id>/editors/<int:user_id>/remove", methods=["POST"])
def remove_editor(public_id: str, user_id: int):
    org = permissions.get_organization_for_edit(public_id)
    if not permissions.can_invite_editor(current_user, org):
        abort(403)
    user = permissions.get_user_for_management(user_id)
    if accounts.remove_editor(user, org):
        flash(_("%(email)s no longer edits this organisation.", email=user.email), "success")
    return redirect(url_for("profiles.editors", public_id=org.public_id))


# --- Activities ----------------------------------------------------------------------


def _service_context(org: Organization, locale: str, service: Service | None) -> dict:
    return {
        "org": _organization_summary(org, locale),
        "service": _service_summary(service, locale) if service is not None else None,
        "creating": service is None,
        "language_options": choices.language_options(locale),
        "theme_options": choices.theme_options(locale),
        "target_group_options": choices.target_group_options(locale),
        "county_options": choices.county_options(locale),
        "municipality_groups": choices.municipalities_by_county(locale),
    }


@profiles_bp.route("/organizations/<public_id>/activities/new", methods=["GET", "POST"])
def new_service(public_id: str):
    org = permissions.get_organization_for_edit(public_id)
    locale = get_locale()
    context = _service_context(org, locale, None)
    if request.method == "GET":
        return _render_form(service_form(locale), "staff/service_form.html", **context)

    def save(form):
        service = services.create_service(org, form.values())
        flash(_("The activity was added."), "success")
        return redirect(url_for("profiles.edit_service", public_id=service.public_id))

    return _handle_multilingual_post(
        lambda data: service_form(locale, None, data), "staff/service_form.html", save, **context
    )


@profiles_bp.route("/activities/<public_id>/edit", methods=["GET", "POST"])
def edit_service(public_id: str):
    service = permissions.get_service_for_edit(public_id)
    locale = get_locale()
    context = _service_context(service.organization, locale, service)
    if request.method == "GET":
        return _render_form(service_form(locale, service), "staff/service_form.html", **context)

    def save(form):
        changed = services.update_service(service, form.values())
        flash(_("The changes were saved.") if changed else _("Nothing was changed."), "success")
        return redirect(url_for("profiles.edit_service", public_id=service.public_id))

    return _handle_multilingual_post(
        lambda data: service_form(locale, service, data), "staff/service_form.html", save, **context
    )


@profiles_bp.route("/activities/<public_id>/confirm", methods=["POST"])
def confirm_service(public_id: str):
    service = permissions.get_service_for_edit(public_id)
    services.confirm_current(service)
    flash(_("Thank you. The information is marked as current today."), "success")
    return redirect(url_for("profiles.edit_service", public_id=service.public_id))


@profiles_bp.route("/activities/<public_id>/delete", methods=["GET", "POST"])
def delete_service(public_id: str):
    service = permissions.get_service_for_edit(public_id)
    org_public_id = service.organization.public_id
    if request.method == "POST":
        services.delete_service(service)
        flash(_("The activity was deleted."), "success")
        return redirect(url_for("profiles.organization", public_id=org_public_id))
    return render_template(
        "staff/confirm_delete.html",
        heading=_("Delete the activity?"),
        name=local_text(service.name, get_locale()),
        explanation=_("The activity is removed from the directory for good."),
        cancel_url=url_for("profiles.edit_service", public_id=service.public_id),
    )
