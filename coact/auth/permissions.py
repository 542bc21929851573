"""Who may do what: the one place where roles turn into permissions.

Views and services ask these named functions instead of comparing roles, so a
rule changes in one place. Every function takes the user first and is False
for anonymous users. Loaders such as :func:`get_organization_for_edit` answer
404 when the object does not exist and 403 when it may not be touched.
Sections for other features go at the end of this module.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import Blueprint, abort
from flask_login import current_user

from coact.extensions import db, login_manager
from coact.models import (
    COUNTY_ROLES,
    ROLE_ADMIN,
    ROLE_COORDINATOR,
    ROLE_KOTO_WORKER,
    ROLE_NGO_EDITOR,
    Organization,
    Service,
    User,
)
from coact.models.notices import AdvanceNotice
from coact.models.referrals import NGO_ACTIVE_STATUSES, STATUS_DRAFT, Referral
from coact.models.visits import GroupVisit
from coact.referrals.lifecycle import RECIPIENT, REQUESTER, TRANSITIONS

F = TypeVar("F", bound=Callable[..., Any])


def is_logged_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def has_role(user: Any, *roles: str) -> bool:
    return is_logged_in(user) and user.role in roles


def is_admin(user: Any) -> bool:
    return has_role(user, ROLE_ADMIN)


def is_ngo_editor(user: Any) -> bool:
    return has_role(user, ROLE_NGO_EDITOR)


def is_koto_worker(user: Any) -> bool:
    return has_role(user, ROLE_KOTO_WORKER) and bool(user.county_code)


def is_coordinator(user: Any) -> bool:
    return has_role(user, ROLE_COORDINATOR) and bool(user.county_code)


def is_county_staff(user: Any) -> bool:
    """KOTO workers and coordinators of a wellbeing services county."""
    return has_role(user, *COUNTY_ROLES) and bool(user.county_code)


def is_staff(user: Any) -> bool:
    """Anyone with an account: they may use the staff pages that fit their role."""
    return is_logged_in(user)


# --- Accounts ---------------------------------------------------------------


def can_manage_users(user: Any) -> bool:
    return is_admin(user)


def can_manage_teams(user: Any) -> bool:
    return is_admin(user)


# --- Directory: organisations and their activities --------------------------


def can_edit_organization(user: Any, org: Organization) -> bool:
    """Admins edit every organisation; NGO editors the ones they are members of."""
    if is_admin(user):
        return True
    return is_ngo_editor(user) and any(o.id == org.id for o in user.organizations)


def can_use_profile_editor(user: Any) -> bool:
    """The organisation editor is for NGO editors (their own organisations) and admins."""
    return is_admin(user) or is_ngo_editor(user)


def can_edit_any_organization(user: Any) -> bool:
    return is_admin(user) or (is_ngo_editor(user) and bool(user.organizations))


def can_create_organization(user: Any) -> bool:
    return is_admin(user)


def can_delete_organization(user: Any, org: Organization) -> bool:
    return is_admin(user)


def can_invite_editor(user: Any, org: Organization) -> bool:
    return is_admin(user)


def can_edit_service(user: Any, service: Service) -> bool:
    return can_edit_organization(user, service.organization)


def can_view_imports(user: Any) -> bool:
    """Coordinators and admins see import runs and records flagged for review."""
    return is_admin(user) or is_coordinator(user)


def editable_organizations(user: Any):
    """A select() of the organisations ``user`` may edit, by name (empty for others)."""
    query = db.select(Organization).order_by(Organization.sort_name, Organization.id)
    if is_admin(user):
        return query
    if is_ngo_editor(user):
        ids = [o.id for o in user.organizations]
        return query.where(Organization.id.in_(ids))
    return query.where(db.false())


# --- Decorators and loaders --------------------------------------------------


def login_required(view: F) -> F:
    """Anonymous users are sent to the login page (API: JSON 401)."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        if not is_logged_in(current_user):
            return login_manager.unauthorized()
        return view(*args, **kwargs)

    return wrapped  # type: ignore[return-value]


def roles_required(*roles: str) -> Callable[[F], F]:
    """Logged-in users of one of ``roles`` only: others get 403, anonymous users log in."""

    def decorator(view: F) -> F:
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not is_logged_in(current_user):
                return login_manager.unauthorized()
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorator


def permission_required(check: Callable[[Any], bool]) -> Callable[[F], F]:
    """Like :func:`roles_required`, with a named permission function."""

    def decorator(view: F) -> F:
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not is_logged_in(current_user):
                return login_manager.unauthorized()
            if not check(current_user):
                abort(403)
            return view(*args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorator


def deny_by_default(blueprint: Blueprint, check: Callable[[Any], bool] = is_staff) -> None:
    """Every view of ``blueprint`` needs a login and ``check(user)``; views add finer checks."""

    @blueprint.before_request
    def require_permission():
        if not is_logged_in(current_user):
            return login_manager.unauthorized()
        if not check(current_user):
            abort(403)
        return None


def _require_login() -> None:
    if not is_logged_in(current_user):
        abort(login_manager.unauthorized())


def _load_or_abort(model: type, public_id: str, check: Callable[[Any, Any], bool]):
    _require_login()
    obj = db.session.scalar(db.select(model).filter_by(public_id=public_id))
    if obj is None:
        abort(404)
    if not check(current_user, obj):
        abort(403)
    return obj


def get_organization_for_edit(public_id: str) -> Organization:
    """The organisation, if the current user may edit it: 404 if missing, 403 if not."""
    return _load_or_abort(Organization, public_id, can_edit_organization)


def get_service_for_edit(public_id: str) -> Service:
    """The activity, if the current user may edit its organisation: 404, else 403."""
    return _load_or_abort(Service, public_id, can_edit_service)


def get_user_for_management(user_id: int) -> User:
    _require_login()
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    if not can_manage_users(current_user):
        abort(403)
    return user


# --- Referrals, group visits and advance notices ------------------------------
# (section of the referrals feature: coact/referrals, coact/visits, coact/notices)
#
# Client personal data is seen only by the referring side (the worker who made the
# referral and their team, in their county) and by editors of the receiving
# organisation while the referral is open and the consent is valid. Coordinators
# read the audit log and anonymous statistics of their own county; admins read the
# audit log. Neither reads client data: they need not, to do their job.


def _member_of(user: Any, organization_id: int | None) -> bool:
    return organization_id is not None and any(o.id == organization_id for o in user.organizations)


def can_refer(user: Any) -> bool:
    return is_koto_worker(user)


def _in_team(user: Any, county_code: str, team_id: int | None) -> bool:
    """A KOTO worker of ``team_id`` working in ``county_code``."""
    return (
        is_koto_worker(user)
        and user.county_code == county_code
        and team_id is not None
        and user.team_id == team_id
    )


def is_referral_requester(user: Any, referral: Referral) -> bool:
    """The referring worker, or a member of their team, in the referral's county."""
    if _in_team(user, referral.county_code, referral.team_id):
        return True
    return (
        is_koto_worker(user)
        and user.county_code == referral.county_code
        and referral.created_by_id == user.id
    )


def is_referral_recipient(user: Any, referral: Referral) -> bool:
    """An editor of the receiving organisation, once the referral has been sent."""
    return (
        is_ngo_editor(user)
        and referral.status != STATUS_DRAFT
        and _member_of(user, referral.organization_id)
    )


def can_view_referral(user: Any, referral: Referral) -> bool:
    return is_referral_requester(user, referral) or is_referral_recipient(user, referral)


def can_act_on_referral(user: Any, referral: Referral, action: str) -> bool:
    """Whether ``user`` is on the side that makes ``action`` (the lifecycle decides when)."""
    side = TRANSITIONS[action].side
    if side == REQUESTER:
        return is_referral_requester(user, referral)
    return side == RECIPIENT and is_referral_recipient(user, referral)


def can_manage_consent(user: Any, referral: Referral) -> bool:
    """Consent is recorded and withdrawn by the referring side (the client tells them)."""
    return is_referral_requester(user, referral)


def can_see_client_data(user: Any, referral: Referral, now) -> bool:
    """The referring side while the data exists; the NGO only while it works on the
    referral under a valid consent."""
    if referral.client_data is None:
        return False
    if is_referral_requester(user, referral):
        return True
    return (
        is_referral_recipient(user, referral)
        and referral.status in NGO_ACTIVE_STATUSES
        and referral.current_consent(now) is not None
    )


def can_use_referral_inbox(user: Any) -> bool:
    return is_ngo_editor(user)


def can_read_referral_audit_log(user: Any) -> bool:
    """Coordinators (their county) and admins (all) read who accessed personal data."""
    return is_coordinator(user) or is_admin(user)


def can_view_referral_statistics(user: Any) -> bool:
    """Anonymous counts with small numbers suppressed: coordinators (county), NGOs (own)."""
    return is_coordinator(user) or is_ngo_editor(user)


def can_plan_visits(user: Any) -> bool:
    return is_koto_worker(user) and user.team_id is not None


def can_view_visits(user: Any) -> bool:
    return is_koto_worker(user) or is_ngo_editor(user) or is_coordinator(user)


def can_manage_visit(user: Any, visit: GroupVisit) -> bool:
    """The planning team changes, cancels and follows up its visits."""
    return _in_team(user, visit.county_code, visit.team_id)


def can_answer_visit(user: Any, visit: GroupVisit) -> bool:
    """Editors of the visited organisation confirm, propose another time, follow up."""
    return is_ngo_editor(user) and _member_of(user, visit.organization_id)


def can_view_visit(user: Any, visit: GroupVisit) -> bool:
    if is_coordinator(user) and user.county_code == visit.county_code:
        return True
    return can_manage_visit(user, visit) or can_answer_visit(user, visit)


def can_post_notices(user: Any) -> bool:
    return is_koto_worker(user) and user.team_id is not None


def can_view_notices(user: Any) -> bool:
    return is_koto_worker(user) or is_ngo_editor(user) or is_coordinator(user)


def can_manage_notice(user: Any, notice: AdvanceNotice) -> bool:
    return _in_team(user, notice.county_code, notice.team_id)


def get_referral_for_view(public_id: str) -> Referral:
    """The referral, if the current user is on either side of it: 404, else 403."""
    return _load_or_abort(Referral, public_id, can_view_referral)


def get_visit_for_view(public_id: str) -> GroupVisit:
    return _load_or_abort(GroupVisit, public_id, can_view_visit)


def get_notice_for_management(public_id: str) -> AdvanceNotice:
    return _load_or_abort(AdvanceNotice, public_id, can_manage_notice)


# --- Imports: answering what imports left for people ----------------------------
# (section of the importers: coact/imports/views.py)


def can_review_source_diffs(user: Any, org: Organization) -> bool:
    """Who answers "the source now says …" for ``org``: its own NGO editors,
    coordinators and admins (the people who keep the directory right)."""
    return can_view_imports(user) or can_edit_organization(user, org)


def can_see_any_source_diffs(user: Any) -> bool:
    return can_view_imports(user) or can_edit_any_organization(user)


def can_import_csv(user: Any) -> bool:
    """Uploading the CSV template writes many organisations at once: coordinators, admins."""
    return can_view_imports(user)


# --- Matching: finding activities for a client ---------------------------------
# (section of the search engineer: coact/search/views.py)


def can_match_clients(user: Any) -> bool:
    """The KOTO matching page (needs, client languages, referral actions): KOTO
    workers and coordinators of a county, and admins. The public search is open."""
    return is_admin(user) or is_county_staff(user)
