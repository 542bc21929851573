"""Group visit rules: planning (also recurring), the NGO's answer, and follow-up.

Times are stored in UTC; recurrences are computed in Finnish local time, so a
visit on the first Tuesday at 17:00 stays at 17:00 across daylight-saving changes.
"""

from __future__ import annotations

import calendar
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload

from coact import audit, mail
from coact.auth import permissions
from coact.extensions import db
from coact.models import Organization, User, utcnow
from coact.models.visits import (
    VISIT_CANCELLED,
    VISIT_CONFIRMED,
    VISIT_OTHER_TIME_PROPOSED,
    VISIT_PLANNED,
    GroupVisit,
)
from coact.profiles.forms import parse_language_codes
from coact.referrals.notifications import PRIVACY_LINE, organization_contacts
from coact.referrals.personal_data import IDENTITY_CODE_REFUSED, identity_codes

LOCAL_TZ = ZoneInfo("Europe/Helsinki")
REPEAT_NONE = "none"
REPEAT_WEEKLY = "weekly"
REPEAT_MONTHLY = "monthly"
REPEATS = (REPEAT_NONE, REPEAT_WEEKLY, REPEAT_MONTHLY)
MAX_OCCURRENCES = 12
TEXT_MAX_LENGTH = 1000
_RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

STATUS_LABELS = {
    VISIT_PLANNED: _l("Waiting for the organisation's answer"),
    VISIT_CONFIRMED: _l("Confirmed"),
    VISIT_OTHER_TIME_PROPOSED: _l("The organisation proposed another time"),
    VISIT_CANCELLED: _l("Cancelled"),
}
REPEAT_LABELS = {
    REPEAT_NONE: _l("Once"),
    REPEAT_WEEKLY: _l("Every week on the same weekday"),
    REPEAT_MONTHLY: _l("Every month on the same weekday (for example the first Tuesday)"),
}


class VisitError(Exception):
    """A rule stops the change; ``str(error)`` is the message for the user."""


def _check_text(text: str | None) -> str:
    text = (text or "").strip()
    if len(text) > TEXT_MAX_LENGTH:
        raise VisitError(
            _("The text is too long (at most %(num)d characters).", num=TEXT_MAX_LENGTH)
        )
    if identity_codes(text):
        raise VisitError(str(IDENTITY_CODE_REFUSED))
    return text


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` (1–4, or -1 for the last) ``weekday`` of a month."""
    days = [
        d
        for d in calendar.Calendar().itermonthdates(year, month)
        if d.month == month and d.weekday() == weekday
    ]
    return days[-1] if nth == -1 else days[nth - 1]


def occurrences(first: datetime, repeat: str, count: int) -> tuple[list[datetime], str | None]:
    """Start times (UTC) of ``count`` occurrences from ``first``, and the RRULE value.

    Monthly visits keep the weekday and its place in the month (the first Tuesday);
    a date in the month's last week means the last such weekday.
    """
    if repeat == REPEAT_NONE or count == 1:
        return [first], None
    local = first.astimezone(LOCAL_TZ)
    day_code = _RRULE_DAYS[local.weekday()]
    if repeat == REPEAT_WEEKLY:
        dates = [local.date() + timedelta(weeks=i) for i in range(count)]
        rule = f"FREQ=WEEKLY;BYDAY={day_code};COUNT={count}"
    else:
        nth = (local.day - 1) // 7 + 1
        if nth == 5:
            nth = -1
        dates = []
        year, month = local.year, local.month
        for _i in range(count):
            dates.append(_nth_weekday(year, month, local.weekday(), nth))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        rule = f"FREQ=MONTHLY;BYDAY={nth}{day_code};COUNT={count}"
    starts = [
        datetime.combine(d, local.timetz().replace(tzinfo=None), tzinfo=LOCAL_TZ).astimezone(UTC)
        for d in dates
    ]
    return starts, rule


@dataclass
class VisitPlan:
    organization: Organization
    starts_at: datetime
    participants: int
    duration_minutes: int = 90
    languages: list[str] | None = None
    interpreter_needed: bool = False
    meeting_point: str = ""
    pickup_requested: bool = False
    notes: str = ""
    repeat: str = REPEAT_NONE
    count: int = 1


def plan_visit(worker: User, plan: VisitPlan, *, now: datetime | None = None) -> list[GroupVisit]:
    """Plan one visit, or a series; the organisation is asked to confirm each one."""
    now = now or utcnow()
    if worker.team_id is None:
        raise VisitError(_("Only members of a KOTO team can plan group visits."))
    if not plan.organization.is_active:
        raise VisitError(_("This organisation is not active."))
    if plan.starts_at <= now:
        raise VisitError(_("The visit must be in the future."))
    if not 1 <= plan.participants <= 200:
        raise VisitError(_("Give the number of participants (1–200)."))
    if not 15 <= plan.duration_minutes <= 8 * 60:
        raise VisitError(_("The duration must be between 15 minutes and 8 hours."))
    if plan.repeat not in REPEATS or not 1 <= plan.count <= MAX_OCCURRENCES:
        raise VisitError(_("A series can have 1–%(num)d visits.", num=MAX_OCCURRENCES))
    languages, unknown = parse_language_codes(" ".join(plan.languages or []))
    if unknown:
        raise VisitError(_("Unknown language code: %(code)s", code=", ".join(unknown)))
    meeting_point = _check_text(plan.meeting_point)
    if len(meeting_point) > 300:
        raise VisitError(_("The meeting point is too long."))
    notes = _check_text(plan.notes)
    starts, rule = occurrences(plan.starts_at, plan.repeat, plan.count)
    series_id = str(uuid.uuid4()) if len(starts) > 1 else None
    visits = []
    for start in starts:
        visit = GroupVisit(
            series_id=series_id,
            series_rule=rule,
            team_id=worker.team_id,
            county_code=worker.county_code,
            organization=plan.organization,
            created_by=worker,
            status=VISIT_PLANNED,
            starts_at=start,
            duration_minutes=plan.duration_minutes,
            participants=plan.participants,
            languages=languages,
            interpreter_needed=plan.interpreter_needed,
            meeting_point=meeting_point,
            pickup_requested=plan.pickup_requested,
            notes=notes,
            created_at=now,
            updated_at=now,
        )
        db.session.add(visit)
        visits.append(visit)
    db.session.flush()
    for visit in visits:
        audit.record("visit.plan", "group_visit", visit.public_id, user=worker)
    _notify(
        organization_contacts(plan.organization),
        _l("A group visit was planned"),
        _l("A KOTO team would like to visit your organisation with a group of clients."),
        visits[0],
    )
    return visits


def _notify(recipients: list[str], subject, text, visit: GroupVisit) -> None:
    mail.queue(
        mail.compose(
            recipients, subject, [text, PRIVACY_LINE], "visits.detail", public_id=visit.public_id
        )
    )


def _planner(visit: GroupVisit) -> list[str]:
    return [visit.created_by.email] if visit.created_by and visit.created_by.active else []


def _upcoming_in_series(visit: GroupVisit, now: datetime) -> list[GroupVisit]:
    """``visit`` and the later visits of its series still waiting for an answer."""
    if visit.series_id is None:
        return [visit]
    return list(
        db.session.scalars(
            db.select(GroupVisit)
            .where(
                GroupVisit.series_id == visit.series_id,
                GroupVisit.starts_at >= visit.starts_at,
                GroupVisit.starts_at > now,
                GroupVisit.status == VISIT_PLANNED,
            )
            .order_by(GroupVisit.starts_at)
        )
    )


def confirm_visit(
    visit: GroupVisit, user: User, *, whole_series: bool = False, now: datetime | None = None
) -> list[GroupVisit]:
    """The organisation confirms (this and, if asked, the later planned visits of the series)."""
    now = now or utcnow()
    if visit.status != VISIT_PLANNED:
        raise VisitError(_("Only a visit waiting for an answer can be confirmed."))
    if visit.starts_at <= now:
        raise VisitError(_("The visit is already in the past."))
    targets = _upcoming_in_series(visit, now) if whole_series else [visit]
    for target in targets:
        target.status = VISIT_CONFIRMED
        target.revision += 1
        target.updated_at = now
        audit.record("visit.confirm", "group_visit", target.public_id, user=user)
    _notify(
        _planner(visit),
        _l("A group visit was confirmed"),
        _l("The organisation confirmed your group visit."),
        visit,
    )
    db.session.flush()
    return targets


def propose_other_time(
    visit: GroupVisit,
    user: User,
    starts_at: datetime,
    message: str = "",
    *,
    now: datetime | None = None,
) -> None:
    now = now or utcnow()
    if visit.status not in (VISIT_PLANNED, VISIT_CONFIRMED):
        raise VisitError(_("Another time can be proposed only for a planned or confirmed visit."))
    if starts_at <= now:
        raise VisitError(_("The proposed time must be in the future."))
    visit.ngo_message = _check_text(message) or None
    visit.proposed_starts_at = starts_at
    visit.status = VISIT_OTHER_TIME_PROPOSED
    visit.revision += 1
    visit.updated_at = now
    audit.record(
        "visit.propose", "group_visit", visit.public_id, {"starts_at": starts_at}, user=user
    )
    _notify(
        _planner(visit),
        _l("Another time was proposed for a group visit"),
        _l("The organisation proposed another time for your group visit."),
        visit,
    )
    db.session.flush()


def accept_proposal(visit: GroupVisit, worker: User, *, now: datetime | None = None) -> None:
    now = now or utcnow()
    if visit.status != VISIT_OTHER_TIME_PROPOSED or visit.proposed_starts_at is None:
        raise VisitError(_("There is no proposed time to accept."))
    if visit.proposed_starts_at <= now:
        raise VisitError(_("The proposed time is already in the past."))
    visit.starts_at = visit.proposed_starts_at
    visit.proposed_starts_at = None
    visit.status = VISIT_CONFIRMED
    visit.revision += 1
    visit.updated_at = now
    audit.record("visit.accept_proposal", "group_visit", visit.public_id, user=worker)
    _notify(
        organization_contacts(visit.organization),
        _l("A group visit was confirmed"),
        _l("The KOTO team accepted the time you proposed for the group visit."),
        visit,
    )
    db.session.flush()


def cancel_visit(
    visit: GroupVisit, user: User, *, by_team: bool, message: str = "", now: datetime | None = None
) -> None:
    now = now or utcnow()
    if visit.status == VISIT_CANCELLED:
        raise VisitError(_("The visit is already cancelled."))
    if visit.starts_at <= now:
        raise VisitError(_("A visit in the past cannot be cancelled."))
    message = _check_text(message)
    if not by_team and message:
        visit.ngo_message = message
    visit.status = VISIT_CANCELLED
    visit.revision += 1
    visit.updated_at = now
    audit.record("visit.cancel", "group_visit", visit.public_id, user=user)
    recipients = organization_contacts(visit.organization) if by_team else _planner(visit)
    _notify(
        recipients, _l("A group visit was cancelled"), _l("A group visit was cancelled."), visit
    )
    db.session.flush()


def record_feedback(
    visit: GroupVisit,
    user: User,
    *,
    by_team: bool,
    attendance: int | None,
    feedback: str,
    now: datetime | None = None,
) -> None:
    """After the visit: how many came, and a short feedback from each side."""
    now = now or utcnow()
    if visit.status != VISIT_CONFIRMED or visit.starts_at > now:
        raise VisitError(_("Feedback can be given after a confirmed visit has started."))
    if attendance is not None and not 0 <= attendance <= 500:
        raise VisitError(_("Give the number of people who came (0–500)."))
    feedback = _check_text(feedback)
    if attendance is not None:
        visit.attendance = attendance
    if by_team:
        visit.team_feedback = feedback or visit.team_feedback
    else:
        visit.ngo_feedback = feedback or visit.ngo_feedback
    visit.updated_at = now
    audit.record("visit.feedback", "group_visit", visit.public_id, user=user)
    db.session.flush()


def visible_visits(user: User) -> list[GroupVisit]:
    """A team's visits, visits to an NGO editor's organisations, or a county's visits."""
    query = db.select(GroupVisit).options(
        selectinload(GroupVisit.organization), selectinload(GroupVisit.team)
    )
    if permissions.is_koto_worker(user) and user.team_id is not None:
        query = query.where(
            GroupVisit.team_id == user.team_id, GroupVisit.county_code == user.county_code
        )
    elif permissions.is_ngo_editor(user):
        query = query.where(GroupVisit.organization_id.in_([o.id for o in user.organizations]))
    elif permissions.is_coordinator(user):
        query = query.where(GroupVisit.county_code == user.county_code)
    else:
        return []
    return list(db.session.scalars(query.order_by(GroupVisit.starts_at, GroupVisit.id)))
