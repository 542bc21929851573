"""Group visits as an iCalendar file (RFC 5545), written by hand: it is small.

Times are written in UTC (``…Z``), which every calendar understands, so no
VTIMEZONE block is needed. Lines end in CRLF and are folded at 75 octets; text
values escape backslashes, semicolons, commas and newlines (RFC 5545 §3.1, §3.3.11).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from flask_babel import gettext as _

from coact.mail import absolute_url
from coact.models.visits import VISIT_CANCELLED, VISIT_CONFIRMED, GroupVisit
from coact.reference import language_name

PRODID = "-//Co-Act//Group visits//EN"
_STATUS = {VISIT_CONFIRMED: "CONFIRMED", VISIT_CANCELLED: "CANCELLED"}


def escape_text(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Split a content line into chunks of at most 75 octets, never inside a character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts: list[str] = []
    current = b""
    limit = 75
    for char in line:
        size = len(char.encode("utf-8"))
        if len(current) + size > limit:
            parts.append(current.decode("utf-8"))
            current = b""
            limit = 74  # continuation lines start with a space
        current += char.encode("utf-8")
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def _utc(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _description(visit: GroupVisit, locale: str) -> str:
    lines = [_("Participants: %(num)d", num=visit.participants)]
    if visit.languages:
        names = ", ".join(language_name(code, locale) for code in visit.languages)
        lines.append(_("Languages: %(languages)s", languages=names))
    if visit.interpreter_needed:
        lines.append(_("An interpreter is needed."))
    if visit.pickup_requested:
        lines.append(_("The organisation is asked to pick the group up."))
    if visit.notes:
        lines.append(visit.notes)
    return "\n".join(lines)


def _event(visit: GroupVisit, locale: str, stamp: datetime) -> list[str]:
    org = visit.organization.display_name(locale)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{visit.public_id}@coact",
        f"DTSTAMP:{_utc(stamp)}",
        f"DTSTART:{_utc(visit.starts_at)}",
        f"DTEND:{_utc(visit.ends_at)}",
        f"SEQUENCE:{visit.revision}",
        f"LAST-MODIFIED:{_utc(visit.updated_at)}",
        f"STATUS:{_STATUS.get(visit.status, 'TENTATIVE')}",
        "SUMMARY:" + escape_text(_("Group visit: %(organization)s", organization=org)),
        "DESCRIPTION:" + escape_text(_description(visit, locale)),
        "URL:" + absolute_url("visits.detail", public_id=visit.public_id, lang=locale),
    ]
    if visit.meeting_point:
        lines.append("LOCATION:" + escape_text(visit.meeting_point))
    lines.append("END:VEVENT")
    return lines


def calendar(visits: Iterable[GroupVisit], locale: str, *, now: datetime) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    for visit in visits:
        lines.extend(_event(visit, locale, now))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
