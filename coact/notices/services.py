"""Advance notice rules: a team tells NGOs, in aggregate, what kind of clients to expect.

A notice goes to one organisation or to every NGO with an activity of one theme in
the team's county. It carries counts and codes only; its free text refuses
identity codes, and the form asks for a second look when it seems to name someone.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload

from coact import audit, mail
from coact.auth import permissions
from coact.extensions import db
from coact.models import Organization, User, utcnow
from coact.models.notices import AdvanceNotice
from coact.profiles.forms import parse_language_codes
from coact.reference import municipality, target_groups, themes
from coact.referrals.notifications import PRIVACY_LINE, organization_contacts
from coact.referrals.personal_data import IDENTITY_CODE_REFUSED, identity_codes
from coact.referrals.reach import organizations_serving

MESSAGE_MAX_LENGTH = 1000
MAX_EXPECTED = 1000
#: Notices stay listed this long after their period has ended.
SHOWN_AFTER_END = timedelta(days=30)


class NoticeError(Exception):
    """A rule stops the change; ``str(error)`` is the message for the user."""


def post_notice(
    worker: User,
    *,
    organization: Organization | None = None,
    theme: str | None = None,
    expected_count: int,
    period_start: date,
    period_end: date,
    languages: list[str] | None = None,
    theme_codes: list[str] | None = None,
    target_group_codes: list[str] | None = None,
    municipality_code: str | None = None,
    message: str = "",
    today: date | None = None,
    now: datetime | None = None,
) -> AdvanceNotice:
    now = now or utcnow()
    today = today or now.date()
    if worker.team_id is None:
        raise NoticeError(_("Only members of a KOTO team can post advance notices."))
    if (organization is None) == (not theme):
        raise NoticeError(_("Address the notice to one organisation or to one theme."))
    if theme and theme not in themes():
        raise NoticeError(_("Unknown theme: %(codes)s", codes=theme))
    if organization is not None and not organization.is_active:
        raise NoticeError(_("This organisation is not active."))
    if not 1 <= expected_count <= MAX_EXPECTED:
        raise NoticeError(_("Give the expected number of clients (1–%(num)d).", num=MAX_EXPECTED))
    if period_end < period_start or period_end < today:
        raise NoticeError(_("The period must end on or after its start, and not in the past."))
    if period_end - period_start > timedelta(days=366):
        raise NoticeError(_("The period can be at most a year."))
    unknown = [c for c in theme_codes or [] if c not in themes()]
    unknown += [c for c in target_group_codes or [] if c not in target_groups()]
    if unknown:
        raise NoticeError(_("Unknown theme: %(codes)s", codes=", ".join(unknown)))
    codes, unknown = parse_language_codes(" ".join(languages or []))
    if unknown:
        raise NoticeError(_("Unknown language code: %(code)s", code=", ".join(unknown)))
    if municipality_code:
        found = municipality(municipality_code)
        if found is None or found.county != worker.county_code:
            raise NoticeError(_("Choose a municipality of your wellbeing services county."))
    message = (message or "").strip()
    if len(message) > MESSAGE_MAX_LENGTH:
        raise NoticeError(_("The message is too long."))
    if identity_codes(message):
        raise NoticeError(str(IDENTITY_CODE_REFUSED))
    notice = AdvanceNotice(
        team_id=worker.team_id,
        county_code=worker.county_code,
        created_by=worker,
        organization=organization,
        theme=theme or None,
        expected_count=expected_count,
        languages=codes,
        themes=list(dict.fromkeys(theme_codes or [])),
        target_groups=list(dict.fromkeys(target_group_codes or [])),
        municipality_code=municipality_code or None,
        period_start=period_start,
        period_end=period_end,
        message=message,
        created_at=now,
        updated_at=now,
    )
    db.session.add(notice)
    db.session.flush()
    audit.record("notice.post", "advance_notice", notice.public_id, user=worker)
    recipients = (
        [organization] if organization else organizations_serving(worker.county_code, theme)
    )
    mail.queue(
        mail.compose(
            [address for org in recipients for address in organization_contacts(org)],
            _l("Advance notice from a KOTO team"),
            [
                _l("A KOTO team tells in advance what kind of clients it expects to refer to you."),
                PRIVACY_LINE,
            ],
            "notices.list",
        )
    )
    return notice


def withdraw_notice(notice: AdvanceNotice, worker: User, *, now: datetime | None = None) -> None:
    if notice.withdrawn_at is not None:
        raise NoticeError(_("The notice has already been withdrawn."))
    notice.withdrawn_at = now or utcnow()
    audit.record("notice.withdraw", "advance_notice", notice.public_id, user=worker)
    db.session.flush()


def visible_notices(user: User, *, today: date) -> list[AdvanceNotice]:
    """A team's own notices, a county's (coordinators), or the current notices that
    reach an NGO editor's organisations (directly or through a theme)."""
    query = (
        db.select(AdvanceNotice)
        .options(selectinload(AdvanceNotice.organization), selectinload(AdvanceNotice.team))
        .order_by(AdvanceNotice.period_start.desc(), AdvanceNotice.id.desc())
    )
    if permissions.is_koto_worker(user):
        if user.team_id is None:
            return []
        return list(
            db.session.scalars(
                query.where(
                    AdvanceNotice.team_id == user.team_id,
                    AdvanceNotice.county_code == user.county_code,
                )
            )
        )
    if permissions.is_coordinator(user):
        return list(db.session.scalars(query.where(AdvanceNotice.county_code == user.county_code)))
    if not permissions.is_ngo_editor(user):
        return []
    own = {o.id for o in user.organizations}
    current = db.session.scalars(
        query.where(
            AdvanceNotice.withdrawn_at.is_(None),
            AdvanceNotice.period_end >= today - SHOWN_AFTER_END,
        )
    ).all()
    reached: dict[tuple[str, str], set[int]] = {}
    visible = []
    for notice in current:
        if notice.organization_id is not None:
            if notice.organization_id in own:
                visible.append(notice)
            continue
        key = (notice.county_code, notice.theme)
        if key not in reached:
            reached[key] = {o.id for o in organizations_serving(*key)}
        if reached[key] & own:
            visible.append(notice)
    return visible
