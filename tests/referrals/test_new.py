"""Starting a referral: from the matching page's query, or by choosing an organisation."""

from __future__ import annotations

import re

from coact.extensions import db
from coact.models import AREA_COUNTY
from coact.models.referrals import Referral
from tests.factories import make_organization, make_service


def _referrals() -> list[Referral]:
    return db.session.scalars(db.select(Referral)).all()


def test_query_from_the_matching_page_fills_the_form(client, world, login_as):
    login_as(world.koto)
    query = (
        f"organization={world.org.public_id}&service={world.service.public_id}"
        "&q=Finnish+practice&lang=prs&lang=ar&municipality=092&theme=finnish_language"
    )
    page = client.get(f"/en/referrals/new?{query}").get_data(as_text=True)
    assert "To: Language Café" in page
    assert re.search(r'id="need_text"[^>]*>\s*Finnish practice</textarea>', page)
    assert re.search(r'<input checked [^>]*name="languages" [^>]*value="prs"', page)
    assert re.search(r'<input checked [^>]*name="languages" [^>]*value="ar"', page)
    assert re.search(r'<input checked [^>]*name="themes" [^>]*value="finnish_language"', page)
    assert f'<option selected value="{world.service.public_id}">' in page
    assert '<option selected value="092">' in page


def test_without_a_query_the_worker_chooses_among_organisations_of_the_county(
    client, world, login_as
):
    elsewhere = make_organization(name={"fi": "Tampereen yhdistys"})
    make_service(elsewhere, areas=((AREA_COUNTY, "08"),))
    db.session.commit()
    login_as(world.koto)
    page = client.get("/en/referrals/new?q=kieli").get_data(as_text=True)
    assert world.org.public_id in page and world.other_org.public_id in page
    assert elsewhere.public_id not in page
    assert 'name="q" value="kieli"' in page


def test_creating_a_draft(client, world, login_as):
    login_as(world.teammate)
    response = client.post(
        "/en/referrals/new",
        data={
            "organization": world.org.public_id,
            "service": world.service.public_id,
            "need_text": "Wants to practise Finnish",
            "themes": ["finnish_language"],
            "languages": ["prs"],
            "languages_other": "ti",
            "municipality": "092",
        },
    )
    assert response.status_code == 302
    [referral] = _referrals()
    assert (referral.status, referral.county_code, referral.team_id) == (
        "draft",
        "04",
        world.team.id,
    )
    assert referral.created_by_id == world.teammate.id
    assert referral.languages == ["prs", "ti"] and referral.service_id == world.service.id
    assert response.headers["Location"].endswith(f"/en/referrals/{referral.public_id}")


def test_a_name_in_the_need_asks_for_a_confirmation(client, world, login_as):
    login_as(world.koto)
    data = {"organization": world.org.public_id, "need_text": "Ali Hassan needs Finnish"}
    warned = client.post("/en/referrals/new", data=data)
    assert warned.status_code == 400
    assert "names: Ali Hassan" in warned.get_data(as_text=True)
    assert _referrals() == []
    assert (
        client.post("/en/referrals/new", data={**data, "confirm_anonymous": "y"}).status_code == 302
    )
    assert len(_referrals()) == 1


def test_an_identity_code_in_the_need_is_refused(client, world, login_as):
    login_as(world.koto)
    data = {
        "organization": world.org.public_id,
        "need_text": "Client 131052-308T",
        "confirm_anonymous": "y",
    }
    response = client.post("/en/referrals/new", data=data)
    assert response.status_code == 400
    assert "personal identity code" in response.get_data(as_text=True)
    assert _referrals() == []


def test_an_activity_of_another_organisation_is_refused(client, world, login_as):
    login_as(world.koto)
    response = client.post(
        "/en/referrals/new",
        data={"organization": world.other_org.public_id, "service": world.service.public_id},
    )
    assert response.status_code == 400
    assert _referrals() == []
