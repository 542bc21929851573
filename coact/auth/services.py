"""Accounts: logging in and out, passwords, one-time links, creating users and teams.

Used by the web views and the ``flask users``/``flask teams`` commands alike, so
the rules (valid roles and counties, unique e-mails, who belongs where) hold
for both. Functions flush but never commit.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from datetime import timedelta

from flask import current_app, session
from flask_babel import lazy_gettext as _l
from flask_login import login_user, logout_user
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import func

from coact import audit
from coact.auth.passwords import (
    MIN_PASSWORD_LENGTH,
    dummy_verify,
    hash_password,
    needs_rehash,
    verify_password,
)
from coact.auth.throttle import login_throttle
from coact.extensions import db
from coact.models import (
    COUNTY_ROLES,
    ROLE_ADMIN,
    ROLE_COORDINATOR,
    ROLE_KOTO_WORKER,
    ROLE_NGO_EDITOR,
    ROLES,
    Organization,
    Team,
    User,
    utcnow,
)
from coact.profiles.validators import is_valid_email
from coact.reference import counties

ROLE_LABELS = {
    ROLE_ADMIN: _l("Administrator"),
    ROLE_NGO_EDITOR: _l("NGO editor"),
    ROLE_KOTO_WORKER: _l("KOTO worker"),
    ROLE_COORDINATOR: _l("NGO coordinator"),
}

#: How long a password-setting link works (it also stops working once used).
PASSWORD_LINK_MAX_AGE = timedelta(days=7)
#: Session key holding a fingerprint of the password hash: changing the
#: password (or deactivating the account) ends every other session.
SESSION_FINGERPRINT_KEY = "_auth"


class AccountError(ValueError):
    """A request about accounts that cannot be done; the message is for people."""

    def __init__(self, message, field: str | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field


class LoginThrottled(Exception):
    """Too many failed logins for this account or address; try again later."""


def role_label(role: str) -> str:
    return str(ROLE_LABELS.get(role, role))


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(
        db.select(User).where(func.lower(User.email) == normalise_email(email))
    )


# --- Sessions ----------------------------------------------------------------


def session_fingerprint(user: User) -> str:
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, user.password_hash.encode(), hashlib.sha256).hexdigest()[:32]


def session_is_current(user: User) -> bool:
    """False when the password changed since this session logged in."""
    return hmac.compare_digest(
        str(session.get(SESSION_FINGERPRINT_KEY, "")), session_fingerprint(user)
    )


def authenticate(email: str, password: str, ip: str) -> User | None:
    """The active user with this e-mail and password, else None (never says which was wrong).

    Raises :class:`LoginThrottled` after too many failures for the account or the
    address, without checking the password at all.
    """
    account = normalise_email(email)
    throttle = login_throttle()
    if throttle.is_blocked(account, ip):
        raise LoginThrottled()
    user = find_user_by_email(account)
    if user is None:
        dummy_verify(password)
    if user is None or not verify_password(user.password_hash, password) or not user.active:
        throttle.record_failure(account, ip)
        return None
    throttle.clear_account(account)
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


def log_in(user: User) -> None:
    """Start a fresh session for ``user`` (nothing from the anonymous session survives)."""
    session.clear()
    login_user(user)
    session[SESSION_FINGERPRINT_KEY] = session_fingerprint(user)
    user.last_login_at = utcnow()
    audit.record("user.login", "user", str(user.id), user=user)


def log_out() -> None:
    logout_user()
    session.clear()


# --- Passwords ---------------------------------------------------------------


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(
            _l("Use at least %(num)d characters.", num=MIN_PASSWORD_LENGTH), field="new_password"
        )


def set_password(user: User, password: str, *, action: str = "user.password_change") -> None:
    """Store a new password; other sessions of ``user`` end, this one continues."""
    check_new_password(password)
    user.password_hash = hash_password(password)
    if session.get("_user_id") == str(user.id):
        session[SESSION_FINGERPRINT_KEY] = session_fingerprint(user)
    audit.record(action, "user", str(user.id))
    db.session.flush()


def change_password(user: User, current_password: str, new_password: str) -> None:
    if not verify_password(user.password_hash, current_password):
        raise AccountError(_l("The current password is not right."), field="current_password")
    set_password(user, new_password)


def set_locale(user: User, locale: str | None) -> None:
    if locale and locale not in current_app.config["COACT"].locales:
        raise AccountError(_l("Choose one of the offered languages."), field="locale")
    if (user.locale or None) != (locale or None):
        audit.record(
            "user.update", "user", str(user.id), {"locale": {"old": user.locale, "new": locale}}
        )
        user.locale = locale or None
        db.session.flush()


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="coact-set-password")


def password_link_token(user: User) -> str:
    """A token for a one-time password-setting link: it stops working once used."""
    return _serializer().dumps({"u": user.id, "f": session_fingerprint(user)})


def record_link_issued(user: User) -> None:
    """Audit that someone was given a password-setting link for ``user``."""
    audit.record("user.password_link", "user", str(user.id))


def user_for_password_token(token: str) -> User | None:
    try:
        data = _serializer().loads(token, max_age=int(PASSWORD_LINK_MAX_AGE.total_seconds()))
    except (BadSignature, SignatureExpired):
        return None
    if not isinstance(data, dict):
        return None
    user = db.session.get(User, data.get("u")) if isinstance(data.get("u"), int) else None
    if user is None or not user.active:
        return None
    if not hmac.compare_digest(str(data.get("f", "")), session_fingerprint(user)):
        return None
    return user


# --- Users and teams ---------------------------------------------------------


def check_county(role: str, county_code: str | None) -> str | None:
    """The county code a user of ``role`` stores (None for roles without a county)."""
    county_code = (county_code or "").strip() or None
    if role in COUNTY_ROLES:
        if county_code is None:
            raise AccountError(
                _l("KOTO workers and coordinators need a wellbeing services county."),
                field="county_code",
            )
        if county_code not in counties():
            raise AccountError(
                _l("Unknown county code %(code)s.", code=county_code), field="county_code"
            )
        return county_code
    if county_code is not None:
        raise AccountError(
            _l("Only KOTO workers and coordinators belong to a county."), field="county_code"
        )
    return None


def validate_new_user(
    email: str,
    role: str,
    *,
    county_code: str | None = None,
    team: Team | None = None,
    organizations: Iterable[Organization] = (),
) -> tuple[str, str | None]:
    """The stored e-mail and county of a new user, or :class:`AccountError`."""
    email = normalise_email(email)
    if not is_valid_email(email):
        raise AccountError(_l("Enter an e-mail address such as name@example.org."), field="email")
    if find_user_by_email(email) is not None:
        raise AccountError(_l("A user with this e-mail address already exists."), field="email")
    if role not in ROLES:
        raise AccountError(
            _l("Unknown role %(role)s. Use one of: %(roles)s.", role=role, roles=", ".join(ROLES)),
            field="role",
        )
    county_code = check_county(role, county_code)
    if list(organizations) and role != ROLE_NGO_EDITOR:
        raise AccountError(
            _l("Only NGO editors are members of organisations."), field="organizations"
        )
    if team is not None and (role != ROLE_KOTO_WORKER or team.county_code != county_code):
        raise AccountError(
            _l("Only KOTO workers of the team's own county can be in a team."), field="team"
        )
    return email, county_code


def create_user(
    email: str,
    role: str,
    *,
    name: str = "",
    county_code: str | None = None,
    team: Team | None = None,
    organizations: Iterable[Organization] = (),
    password: str | None = None,
    locale: str | None = None,
) -> User:
    """A new active user. Without ``password`` the account can only be entered
    through a password-setting link (:func:`password_link_token`)."""
    organizations = list(organizations)
    email, county_code = validate_new_user(
        email, role, county_code=county_code, team=team, organizations=organizations
    )
    if password is not None:
        check_new_password(password)
    user = User(
        email=email,
        name=(name or "").strip(),
        role=role,
        county_code=county_code,
        team=team,
        locale=locale,
        active=True,
        password_hash=hash_password(
            password if password is not None else secrets.token_urlsafe(32)
        ),
    )
    user.organizations = organizations
    db.session.add(user)
    db.session.flush()
    audit.record(
        "user.create",
        "user",
        str(user.id),
        {
            "email": email,
            "role": role,
            "county_code": county_code,
            "team_id": team.id if team else None,
            "organizations": [o.public_id for o in organizations],
        },
    )
    return user


def add_editor(user: User, org: Organization) -> bool:
    """Make ``user`` an editor of ``org``; False when they already were."""
    if user.role != ROLE_NGO_EDITOR:
        raise AccountError(
            _l("%(email)s is not an NGO editor, so cannot edit organisations.", email=user.email),
            field="email",
        )
    if any(o.id == org.id for o in user.organizations):
        return False
    user.organizations.append(org)
    audit.record("user.add_organization", "user", str(user.id), {"organization": org.public_id})
    db.session.flush()
    return True


def remove_editor(user: User, org: Organization) -> bool:
    if not any(o.id == org.id for o in user.organizations):
        return False
    user.organizations = [o for o in user.organizations if o.id != org.id]
    audit.record("user.remove_organization", "user", str(user.id), {"organization": org.public_id})
    db.session.flush()
    return True


def set_active(user: User, active: bool) -> None:
    if user.active != active:
        user.active = active
        audit.record("user.activate" if active else "user.deactivate", "user", str(user.id))
        db.session.flush()


def find_team(reference: str) -> Team:
    """A team by id or by exact name; an error when none or several match."""
    reference = (reference or "").strip()
    if reference.isdigit():
        team = db.session.get(Team, int(reference))
        if team is not None:
            return team
    found = db.session.scalars(db.select(Team).where(Team.name == reference)).all()
    if not found:
        raise AccountError(_l("No team %(team)s.", team=reference), field="team")
    if len(found) > 1:
        raise AccountError(
            _l("Several teams are called %(team)s; give the team's number.", team=reference),
            field="team",
        )
    return found[0]


def create_team(name: str, county_code: str) -> Team:
    name = (name or "").strip()
    if not name:
        raise AccountError(_l("Give the team a name."), field="name")
    if county_code not in counties():
        raise AccountError(
            _l("Unknown county code %(code)s.", code=county_code), field="county_code"
        )
    team = Team(name=name, county_code=county_code)
    db.session.add(team)
    db.session.flush()
    audit.record("team.create", "team", str(team.id), {"name": name, "county_code": county_code})
    return team
