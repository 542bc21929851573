"""A small world for referral tests: two counties, teams, organisations and one user
of every role that the permission matrix names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from flask import current_app, g, url_for
from flask_babel import force_locale

from coact.extensions import db
from coact.models import AREA_MUNICIPALITY, Organization, Service, Team, User
from coact.models.referrals import Referral
from coact.referrals import services
from tests.factories import make_organization, make_service, make_team, make_user

#: Vantaa and Kerava (county 04); Tampere (county 08).
COUNTY = "04"
OTHER_COUNTY = "08"
VANTAA = "092"
TAMPERE = "837"

CLIENT = {
    "name": "Amina Testinen",
    "phone": "040 765 4321",
    "email": "amina.client@example.net",
    "preferred_language": "prs",
    "needs_summary": "Wants to practise Finnish conversation before job interviews.",
}


@dataclass
class World:
    org: Organization
    other_org: Organization
    service: Service
    team: Team
    other_team: Team
    koto: User
    teammate: User
    koto_other_team: User
    koto_other_county: User
    ngo: User
    ngo_other: User
    coordinator: User
    coordinator_other: User
    admin: User

    def users_by_role(self) -> dict[str, User | None]:
        """The seven roles of the permission matrix (plus another team of the same county)."""
        return {
            "anonymous": None,
            "ngo_receiving": self.ngo,
            "ngo_other": self.ngo_other,
            "koto_county": self.teammate,
            "koto_other_team": self.koto_other_team,
            "koto_other_county": self.koto_other_county,
            "coordinator": self.coordinator,
            "admin": self.admin,
        }


@pytest.fixture
def world(app) -> World:
    org = make_organization(
        name={"fi": "Kielikahvila ry", "en": "Language Café"},
        contact_email="contact@kielikahvila.example",
        municipality_code=VANTAA,
    )
    other_org = make_organization(name={"fi": "Toinen yhdistys"}, municipality_code=VANTAA)
    service = make_service(
        org,
        name={"fi": "Keskustelukerho"},
        languages=("fi", "prs"),
        themes=("finnish_language",),
        areas=((AREA_MUNICIPALITY, VANTAA),),
    )
    make_service(other_org, themes=("digital_skills",), areas=((AREA_MUNICIPALITY, VANTAA),))
    team = make_team("Vantaan KOTO", county_code=COUNTY)
    other_team = make_team("Keravan KOTO", county_code=COUNTY)
    tampere_team = make_team("Tampereen KOTO", county_code=OTHER_COUNTY)
    w = World(
        org=org,
        other_org=other_org,
        service=service,
        team=team,
        other_team=other_team,
        koto=make_user("koto_worker", team_id=team.id, county_code=COUNTY, name="Kaisa Koto"),
        teammate=make_user("koto_worker", team_id=team.id, county_code=COUNTY),
        koto_other_team=make_user("koto_worker", team_id=other_team.id, county_code=COUNTY),
        koto_other_county=make_user(
            "koto_worker", team_id=tampere_team.id, county_code=OTHER_COUNTY
        ),
        ngo=make_user("ngo_editor", organizations=[org], name="Noora NGO"),
        ngo_other=make_user("ngo_editor", organizations=[other_org]),
        coordinator=make_user("coordinator", county_code=COUNTY),
        coordinator_other=make_user("coordinator", county_code=OTHER_COUNTY),
        admin=make_user("admin"),
    )
    db.session.commit()
    return w


@pytest.fixture
def english(app):
    """Rule messages of services called outside a request, in English (the default
    locale is Finnish). Only for tests that make no requests: the locale is forced
    in the application context, which the test client's requests share."""
    with force_locale("en"):
        yield


def make_referral(world: World, *, status: str = "draft", consent: bool = True, now=None):
    """A referral of ``world.koto`` to ``world.org``, moved to ``status`` through the
    lifecycle, with the client's consent (all data items) unless ``consent=False``."""
    now = now or datetime.now(UTC)
    referral = services.create_referral(
        world.koto,
        world.org,
        service=world.service,
        need_text="Finnish conversation practice",
        theme_codes=["finnish_language"],
        languages=["prs", "fa"],
        municipality_code=VANTAA,
        now=now,
    )
    if consent:
        services.record_consent(referral, world.koto, consent_input(), now=now)
    path = {
        "draft": [],
        "sent": ["send"],
        "accepted": ["send", "accept"],
        "declined": ["send", "decline"],
        "meeting_arranged": ["send", "accept", "arrange_meeting"],
        "completed": ["send", "accept", "arrange_meeting", "complete"],
        "no_show": ["send", "accept", "arrange_meeting", "no_show"],
        "withdrawn": ["send", "withdraw"],
    }[status]
    for action in path:
        actor = world.koto if action in ("send", "withdraw") else world.ngo
        services.change_status(
            referral,
            action,
            actor,
            reason="no_capacity" if action == "decline" else None,
            meeting_at=now + timedelta(days=3),
            meeting_place="Kielikahvila, Myyrmäki",
            now=now,
        )
    db.session.commit()
    discard_queued_mail()
    return referral


def discard_queued_mail() -> None:
    """Mail queued by services called outside a request would otherwise be sent by
    the next test request (it shares the test's application context)."""
    g.pop("coact_mail_outbox", None)
    g.pop("after_commit", None)


def consent_input(**overrides) -> services.ConsentInput:
    values = {
        "data_items": list(CLIENT),
        "values": dict(CLIENT),
        "purpose": "Referral to Kielikahvila ry to arrange a first meeting.",
        "method": "oral_interpreter",
        "interpreter_language": "prs",
        "notice_language": "fi",
        "told_refusal_is_free": True,
        "explicit_for_needs": True,
    }
    values.update(overrides)
    return services.ConsentInput(**values)


def all_personal_values() -> list[str]:
    return [v for k, v in CLIENT.items() if k != "preferred_language"]


def reload(referral: Referral) -> Referral:
    db.session.expire_all()
    return db.session.get(Referral, referral.id)


def make_visit(world: World, *, days_ahead: int = 10, repeat: str = "none", count: int = 1):
    """A group visit of ``world.team`` to ``world.org`` at 17:00 Helsinki time."""
    from coact.visits import services as visit_services

    start = (datetime.now(UTC) + timedelta(days=days_ahead)).replace(
        hour=15, minute=0, second=0, microsecond=0
    )
    visits = visit_services.plan_visit(
        world.koto,
        visit_services.VisitPlan(
            organization=world.org,
            starts_at=start,
            participants=8,
            languages=["prs", "ar"],
            interpreter_needed=True,
            meeting_point="Myyrmäki station, main entrance",
            pickup_requested=True,
            notes="Bring the language café timetable",
            repeat=repeat,
            count=count,
        ),
    )
    db.session.commit()
    discard_queued_mail()
    return visits[0] if count == 1 else visits


def make_notice(world: World, **kw):
    from coact.notices import services as notice_services

    today = datetime.now(UTC).date()
    values = {
        "organization": world.org,
        "expected_count": 10,
        "period_start": today,
        "period_end": today + timedelta(days=30),
        "languages": ["prs"],
        "theme_codes": ["digital_skills"],
        "target_group_codes": ["women"],
        "municipality_code": VANTAA,
        "message": "About 10 Dari-speaking women needing digital skills support in Vantaa",
    }
    values.update(kw)
    notice = notice_services.post_notice(world.koto, **values)
    db.session.commit()
    discard_queued_mail()
    return notice


def url_for_rule(rule, objects: dict, lang: str = "en") -> str:
    """A concrete URL for ``rule``: ``objects`` maps a blueprint name to the object whose
    public id fills ``<public_id>``; ``<action>`` is ``accept``."""
    blueprint = rule.endpoint.split(".")[0]
    values = {"lang": lang}
    if "public_id" in rule.arguments:
        values["public_id"] = objects[blueprint].public_id
    if "action" in rule.arguments:
        values["action"] = "accept"
    with current_app.test_request_context():
        return url_for(rule.endpoint, **values)


FEATURE_BLUEPRINTS = ("referrals", "visits", "notices")


def feature_rules(app):
    return sorted(
        (r for r in app.url_map.iter_rules() if r.endpoint.split(".")[0] in FEATURE_BLUEPRINTS),
        key=lambda r: r.endpoint,
    )
