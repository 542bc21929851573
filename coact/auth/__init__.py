"""Logging in, sessions and permissions for staff (the public never logs in).

Importing this package registers the user loader with Flask-Login.
"""

from __future__ import annotations

from flask import flash, jsonify, redirect, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from coact.extensions import db, login_manager
from coact.models import User

login_manager.login_view = "auth.login"
login_manager.login_message = _l("Please log in to see this page.")
login_manager.login_message_category = "info"
login_manager.session_protection = "basic"


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """The logged-in user; a deactivated account or a changed password ends the session."""
    from coact.auth.services import session_is_current

    try:
        user = db.session.get(User, int(user_id))
    except (TypeError, ValueError):
        return None
    if user is None or not user.active or not session_is_current(user):
        return None
    return user


@login_manager.unauthorized_handler
def unauthorized():
    """API calls get a JSON 401; pages redirect to the login form."""
    if request.path.startswith("/api/"):
        response = jsonify(
            {"error": {"code": "login_required", "message": str(login_manager.login_message)}}
        )
        response.status_code = 401
        return response
    flash(str(login_manager.login_message), login_manager.login_message_category)
    return redirect(url_for(login_manager.login_view, next=_safe_next_path()))


def _safe_next_path() -> str | None:
    if current_user.is_authenticated or request.method != "GET":
        return None
    return request.full_path.rstrip("?")
