"""Advance notices: anonymous, identity codes blocked, names and phones confirmed,
addressed to one NGO or to the NGOs of a theme in the county, small counts hidden."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from coact.extensions import db
from coact.models import AREA_COUNTY
from coact.models.notices import AdvanceNotice
from coact.notices import services
from tests.factories import make_organization, make_service, make_user
from tests.referrals.conftest import make_notice


def _count() -> int:
    return db.session.scalar(db.select(db.func.count(AdvanceNotice.id)))


def _form(world, **overrides) -> dict:
    today = datetime.now(UTC).date()
    data = {
        "addressed_to": "organization",
        "organization": world.org.public_id,
        "expected_count": "10",
        "period_start": today.isoformat(),
        "period_end": (today + timedelta(days=30)).isoformat(),
        "languages": ["prs"],
        "themes": ["digital_skills"],
        "target_groups": ["women"],
        "municipality": "245",
        "message": "About 10 Dari-speaking women needing digital skills support in Kerava in March",
    }
    data.update(overrides)
    return data


def test_an_aggregate_notice_is_posted(client, world, login_as):
    login_as(world.koto)
    response = client.post("/en/notices/new", data=_form(world))
    assert response.status_code == 302
    notice = db.session.scalars(db.select(AdvanceNotice)).one()
    assert (notice.expected_count, notice.languages, notice.municipality_code) == (
        10,
        ["prs"],
        "245",
    )
    login_as(world.ngo)
    page = client.get("/en/notices/").get_data(as_text=True)
    assert "About 10 clients" in page and "Dari-speaking women" in page


def test_identity_code_blocks_the_notice(client, world, login_as):
    login_as(world.koto)
    data = _form(world, message="Client 131052-308T needs help", confirm_anonymous="y")
    response = client.post("/en/notices/new", data=data)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "personal identity code" in page
    assert _count() == 0


def test_names_and_phones_need_a_confirmation(client, world, login_as):
    login_as(world.koto)
    data = _form(world, message="Ali Hassan will come, phone 040 123 4567")
    response = client.post("/en/notices/new", data=data)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Ali Hassan" in page and "040 123 4567" in page
    assert "I checked the text" in page
    assert _count() == 0
    confirmed = client.post("/en/notices/new", data={**data, "confirm_anonymous": "y"})
    assert confirmed.status_code == 302
    assert _count() == 1


def test_small_counts_are_hidden_from_ngos_but_not_from_the_team(client, world, login_as):
    make_notice(world, expected_count=3)
    login_as(world.ngo)
    page = client.get("/en/notices/").get_data(as_text=True)
    assert "Fewer than 5 clients" in page and "About 3" not in page
    login_as(world.koto)
    assert "About 3 clients" in client.get("/en/notices/").get_data(as_text=True)


def test_theme_notice_reaches_the_ngos_of_the_theme_in_the_county(client, world, login_as):
    # other_org runs digital skills in Vantaa (county 04); a Tampere NGO of the same theme
    # and an NGO serving the whole county with another theme.
    tampere_org = make_organization(name={"fi": "Tampereen digitukijat"})
    make_service(tampere_org, themes=("digital_skills",), areas=((AREA_COUNTY, "08"),))
    tampere_editor = make_user("ngo_editor", organizations=[tampere_org])
    make_notice(world, organization=None, theme="digital_skills")
    login_as(world.ngo_other)
    assert "Organisations of the theme: Digital skills" in client.get("/en/notices/").get_data(
        as_text=True
    )
    for user in (world.ngo, tampere_editor):
        login_as(user)
        assert "No advance notices." in client.get("/en/notices/").get_data(as_text=True)


def test_withdrawn_notice_disappears_for_ngos(client, world, login_as):
    notice = make_notice(world)
    login_as(world.teammate)
    assert client.post(f"/en/notices/{notice.public_id}/withdraw").status_code == 302
    login_as(world.ngo)
    assert "No advance notices." in client.get("/en/notices/").get_data(as_text=True)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"organization": None}, "one organisation or to one theme"),
        ({"theme": "digital_skills"}, "one organisation or to one theme"),
        ({"expected_count": 0}, "expected number"),
        ({"municipality_code": "837"}, "municipality of your wellbeing services county"),
        ({"period_end": datetime(2020, 1, 1).date()}, "period must end"),
    ],
)
def test_notice_rules(world, overrides, message, english):
    with pytest.raises(services.NoticeError, match=message):
        make_notice(world, **overrides)
