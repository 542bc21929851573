"""Group visits: planning (also monthly), the NGO's answer, follow-up and iCalendar."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from coact.extensions import db
from coact.models.visits import GroupVisit
from coact.visits import services
from coact.visits.ical import calendar, escape_text, fold
from tests.referrals.conftest import make_visit


def _reload(visit: GroupVisit) -> GroupVisit:
    db.session.expire_all()
    return db.session.get(GroupVisit, visit.id)


def test_first_tuesday_monthly_keeps_local_time_across_daylight_saving():
    first = datetime(2031, 3, 4, 15, 0, tzinfo=UTC)  # Tue 4 March 2031, 17:00 in Helsinki
    starts, rule = services.occurrences(first, services.REPEAT_MONTHLY, 3)
    assert rule == "FREQ=MONTHLY;BYDAY=1TU;COUNT=3"
    assert starts == [
        datetime(2031, 3, 4, 15, 0, tzinfo=UTC),
        datetime(2031, 4, 1, 14, 0, tzinfo=UTC),  # summer time: still 17:00 locally
        datetime(2031, 5, 6, 14, 0, tzinfo=UTC),
    ]


def test_a_date_in_the_fifth_week_means_the_last_weekday():
    first = datetime(2031, 1, 28, 10, 0, tzinfo=UTC)  # the last Tuesday of January
    starts, rule = services.occurrences(first, services.REPEAT_MONTHLY, 2)
    assert rule == "FREQ=MONTHLY;BYDAY=4TU;COUNT=2"
    starts, rule = services.occurrences(
        datetime(2031, 1, 30, 10, 0, tzinfo=UTC), services.REPEAT_MONTHLY, 2
    )
    assert rule == "FREQ=MONTHLY;BYDAY=-1TH;COUNT=2"
    assert starts[1].date() == datetime(2031, 2, 27).date()


def test_weekly_series():
    starts, rule = services.occurrences(
        datetime(2031, 1, 7, 10, 0, tzinfo=UTC), services.REPEAT_WEEKLY, 3
    )
    assert rule == "FREQ=WEEKLY;BYDAY=TU;COUNT=3"
    assert [s.day for s in starts] == [7, 14, 21]


def test_plan_confirm_propose_accept_and_feedback(world, english):
    visit = make_visit(world)
    assert visit.status == "planned" and visit.county_code == "04"
    new_time = visit.starts_at + timedelta(days=1)
    services.propose_other_time(visit, world.ngo, new_time, "We have a course that day")
    assert visit.status == "other_time_proposed"
    services.accept_proposal(visit, world.koto)
    assert visit.status == "confirmed" and visit.starts_at == new_time
    assert visit.revision == 2
    with pytest.raises(services.VisitError, match="after a confirmed visit"):
        services.record_feedback(visit, world.koto, by_team=True, attendance=7, feedback="Good")
    later = visit.starts_at + timedelta(hours=3)
    services.record_feedback(
        visit, world.koto, by_team=True, attendance=7, feedback="Good visit", now=later
    )
    services.record_feedback(
        visit, world.ngo, by_team=False, attendance=None, feedback="Welcome again", now=later
    )
    assert (visit.attendance, visit.team_feedback, visit.ngo_feedback) == (
        7,
        "Good visit",
        "Welcome again",
    )


def test_confirming_a_series(world):
    visits = make_visit(world, repeat=services.REPEAT_MONTHLY, count=4)
    assert len({v.series_id for v in visits}) == 1
    confirmed = services.confirm_visit(visits[1], world.ngo, whole_series=True)
    assert [v.id for v in confirmed] == [v.id for v in visits[1:]]
    assert _reload(visits[0]).status == "planned"


def test_identity_codes_are_refused_in_visit_texts(world, english):
    visit = make_visit(world)
    with pytest.raises(services.VisitError, match="identity code"):
        services.cancel_visit(visit, world.ngo, by_team=False, message="131052-308T")
    assert visit.status == "planned"


def test_plan_through_the_form(client, world, login_as):
    login_as(world.koto)
    day = (datetime.now(UTC) + timedelta(days=20)).date()
    data = {
        "organization": world.org.public_id,
        "day": day.isoformat(),
        "at": "17:00",
        "duration_minutes": "90",
        "participants": "12",
        "languages": ["ar", "prs"],
        "interpreter_needed": "y",
        "meeting_point": "Tikkurila station",
        "pickup_requested": "y",
        "notes": "Please call Ali Hassan at 040 123 4567",
        "repeat": "monthly",
        "count": "3",
    }
    warned = client.post("/en/visits/plan", data=data)
    assert warned.status_code == 400
    assert "Check the text for personal data" in warned.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(GroupVisit.id))) == 0
    response = client.post("/en/visits/plan", data={**data, "notes": "Bring the timetable"})
    assert response.status_code == 302
    visits = db.session.scalars(db.select(GroupVisit).order_by(GroupVisit.starts_at)).all()
    assert len(visits) == 3 and visits[0].pickup_requested and visits[0].participants == 12
    assert visits[0].series_rule.startswith("FREQ=MONTHLY")


def test_ngo_answers_through_the_page(client, world, login_as):
    visit = make_visit(world)
    login_as(world.ngo)
    page = client.get(f"/en/visits/{visit.public_id}").get_data(as_text=True)
    assert "Confirm the visit" in page and "Propose another time" in page
    assert client.post(f"/en/visits/{visit.public_id}/confirm").status_code == 302
    assert _reload(visit).status == "confirmed"
    login_as(world.koto)
    page = client.get(f"/en/visits/{visit.public_id}").get_data(as_text=True)
    assert "Confirmed" in page and "Confirm the visit" not in page


def _unfold(text: str) -> list[str]:
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def test_icalendar_follows_rfc_5545(client, world, login_as):
    visit = make_visit(world)
    visit.notes = "Tuo mukaan: kalenteri, kynä; ja hyvä mieli\nKiitos! " + "ä" * 80
    db.session.commit()
    login_as(world.ngo)
    response = client.get(f"/fi/visits/{visit.public_id}/calendar.ics")
    assert response.mimetype == "text/calendar"
    raw = response.get_data(as_text=True)
    assert all(len(line.encode()) <= 75 for line in raw.split("\r\n"))
    lines = _unfold(raw)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    stack = []
    for line in lines:
        name, _, value = line.partition(":")
        if name == "BEGIN":
            stack.append(value)
        elif name == "END":
            assert stack.pop() == value
    assert stack == []
    props = dict(line.split(":", 1) for line in lines if not line.startswith(("BEGIN", "END")))
    assert props["VERSION"] == "2.0" and props["PRODID"]
    assert props["UID"] == f"{visit.public_id}@coact"
    start = visit.starts_at.strftime("%Y%m%dT%H%M%SZ")
    assert props["DTSTART"] == start and props["DTSTAMP"].endswith("Z")
    assert props["STATUS"] == "TENTATIVE"
    assert props["LOCATION"] == "Myyrmäki station\\, main entrance"
    assert "kalenteri\\, kynä\\; ja hyvä mieli\\nKiitos!" in props["DESCRIPTION"]
    assert props["SUMMARY"].startswith("Ryhmävierailu: ")


def test_calendar_feed_holds_every_visible_visit(client, world, login_as):
    make_visit(world, repeat=services.REPEAT_WEEKLY, count=3)
    login_as(world.coordinator)
    raw = client.get("/en/visits/calendar.ics").get_data(as_text=True)
    assert raw.count("BEGIN:VEVENT") == 3
    login_as(world.coordinator_other)
    raw = client.get("/en/visits/calendar.ics").get_data(as_text=True)
    assert "BEGIN:VEVENT" not in raw


def test_escape_and_fold():
    assert escape_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"
    line = "DESCRIPTION:" + "é" * 100
    parts = fold(line).split("\r\n")
    assert [len(part.encode()) for part in parts] == [74, 75, 65]  # never split "é"
    assert parts[0] + "".join(p[1:] for p in parts[1:]) == line
    assert calendar([], "en", now=datetime(2031, 1, 1, tzinfo=UTC)).endswith("END:VCALENDAR\r\n")
