"""The ranking rules of README "Matching and search", one by one, through the API."""

from __future__ import annotations

from coact.extensions import db
from coact.models import Organization
from tests.search.conftest import ESPOO, HELSINKI, KIRKKONUMMI, TAMPERE, org_ids, service_names


def test_needs_found_in_text_and_declared_themes(activity, search):
    declared = activity("Ryhmä", "Tavataan viikoittain.", themes=["mental_health"])
    in_text = activity("Mielenterveyspalvelut maahanmuuttajille")
    inflected = activity("Tukea mielenterveyden ongelmiin")
    activity("Jalkapallo", "Pelataan futista.")
    body = search(q="mielenterveys")
    assert set(org_ids(body)) == {
        declared.organization.public_id,
        in_text.organization.public_id,
        inflected.organization.public_id,
    }
    assert body["total"] == 3
    assert body["needs"] == ["mental_health"]


def test_finnish_language_need_finds_courses_and_cafes(activity, search):
    activity("Suomenkielen opetus", "Opetusta aikuisille.")
    activity("Kielikahvila", "Keskustellaan rennosti.")
    activity("Ompelukerho", "Ommellaan vaatteita.")
    names = service_names(search(q="suomen kielen kurssi"))
    assert set(names) == {"Suomenkielen opetus", "Kielikahvila"}


def test_language_tiers(activity, search):
    fallback = activity("Kielikahvila suomeksi", languages=["fi"])
    interpreted = activity(
        "Kielikahvila tulkattuna", languages=["fi"], interpreter_languages=["ar"]
    )
    own = activity("Kielikahvila arabiaksi", languages=["ar"])
    other = activity("Kielikahvila venäjäksi", languages=["ru"])
    body = search(q="kielikahvila", lang=["ar", "fi"], municipality=HELSINKI)
    assert org_ids(body) == [
        own.organization.public_id,
        interpreted.organization.public_id,
        fallback.organization.public_id,
        other.organization.public_id,
    ]
    tiers = [r["services"][0]["match"]["language_tier"] for r in body["results"]]
    assert tiers == ["client_language", "interpreter", "fallback_language", "none"]


def test_finnish_counts_only_when_the_worker_lists_it(activity, search):
    finnish = activity("Kielikahvila suomeksi", languages=["fi"])
    body = search(q="kielikahvila", lang=["ar"], municipality=HELSINKI)
    assert org_ids(body) == [finnish.organization.public_id]
    assert body["results"][0]["services"][0]["match"]["language_tier"] == "none"
    assert body["results"][0]["warnings"]


def test_a_client_speaking_only_finnish_gets_finnish_first(activity, search):
    finnish = activity("Kielikahvila suomeksi", languages=["fi"])
    arabic = activity("Kielikahvila arabiaksi", languages=["ar"])
    body = search(q="kielikahvila", lang=["fi"], municipality=HELSINKI)
    assert org_ids(body) == [finnish.organization.public_id, arabic.organization.public_id]


def test_wrong_language_is_never_above_and_is_marked(activity, search):
    # Perfect place and freshness, wrong language ...
    wrong = activity("Kielikahvila", languages=["ru"], themes=["finnish_language"])
    # ... against the right language far away and stale.
    right = activity("Kielikahvila", languages=["so"], municipality=TAMPERE, updated_days_ago=800)
    body = search(q="kielikahvila", lang=["so"], municipality=HELSINKI, locale="en")
    assert org_ids(body) == [right.organization.public_id, wrong.organization.public_id]
    assert body["results"][0]["services"][0]["match"]["language_tier"] == "client_language"
    last = body["results"][1]
    assert any("Not in any of the client's languages" in w for w in last["warnings"])


def test_place_tiers(activity, search):
    elsewhere = activity("Läksykerho Tampere", languages=["so"], municipality=TAMPERE)
    online = activity("Läksykerho verkossa", languages=["so"], municipality=None, online=True)
    county = activity("Läksykerho Kirkkonummi", languages=["so"], municipality=KIRKKONUMMI)
    local = activity("Läksykerho Espoo", languages=["so"], municipality=ESPOO)
    body = search(q="läksykerho", lang=["so"], municipality=ESPOO, locale="en")
    assert org_ids(body) == [
        local.organization.public_id,
        county.organization.public_id,
        online.organization.public_id,
        elsewhere.organization.public_id,
    ]
    places = [r["services"][0]["match"]["place_tier"] for r in body["results"]]
    assert places == ["municipality", "county", "online", "elsewhere"]
    assert any("Outside the client's area" in w for w in body["results"][-1]["warnings"])


def test_nationwide_counts_as_remote(activity, search):
    national = activity("Kriisipuhelin", languages=["ar"], municipality=None, nationwide=True)
    body = search(q="kriisiapu", lang=["ar"], municipality=TAMPERE)
    assert org_ids(body) == [national.organization.public_id]
    assert body["results"][0]["services"][0]["match"]["place_tier"] == "nationwide"


def test_a_county_area_counts_for_the_county(activity, search):
    county_wide = activity("Velkaneuvonta", municipality=None, county="03")
    body = search(q="velkaneuvonta", municipality=ESPOO)
    assert org_ids(body) == [county_wide.organization.public_id]
    assert body["results"][0]["services"][0]["match"]["place_tier"] == "county"


def test_language_before_place(activity, search):
    interpreted_here = activity(
        "Vertaisryhmä", languages=["fi"], interpreter_languages=["so"], themes=["peer_support"]
    )
    own_in_county = activity(
        "Vertaisryhmä", languages=["so"], municipality=KIRKKONUMMI, themes=["peer_support"]
    )
    body = search(q="vertaistuki", lang=["so"], municipality=ESPOO)
    assert org_ids(body)[0] == own_in_county.organization.public_id
    assert interpreted_here.organization.public_id in org_ids(body)


def test_target_groups_are_a_hard_filter(activity, search):
    women = activity("Naisten ryhmä", target_groups=["women"], themes=["peer_support"])
    men = activity("Miesten ryhmä", target_groups=["men"], themes=["peer_support"])
    kids = activity("Lasten kerho", target_groups=["children"], themes=["peer_support"])
    open_to_all = activity("Vertaisryhmä", themes=["peer_support"])
    for_man = org_ids(search(q="vertaistuki", target_group="men"))
    assert set(for_man) == {men.organization.public_id, open_to_all.organization.public_id}
    assert for_man[0] == men.organization.public_id  # made for the client's group first
    for_child = org_ids(search(q="vertaistuki", target_group="children"))
    # A child's gender is not known: gender groups stay, after the fitting ones.
    assert for_child[:2] == [kids.organization.public_id, open_to_all.organization.public_id]
    assert set(for_child[2:]) == {women.organization.public_id, men.organization.public_id}
    everyone = set(org_ids(search(q="vertaistuki")))
    assert women.organization.public_id in everyone and len(everyone) == 4


def test_ages_and_text_restrictions(activity, search):
    teens = activity(
        "Nuorten ilta", "Toiminta on tarkoitettu 13–17-vuotiaille.", themes=["youth_activities"]
    )
    adults = activity("Aikuisten ilta", themes=["youth_activities"], minimum_age=30)
    women_only = activity(
        "Vertaispiiri", "Ryhmä on tarkoitettu vain naisille.", themes=["youth_activities"]
    )
    youth = set(org_ids(search(theme="youth_activities", target_group="youth")))
    assert teens.organization.public_id in youth
    assert adults.organization.public_id not in youth
    men = set(org_ids(search(theme="youth_activities", target_group="men")))
    assert women_only.organization.public_id not in men
    assert teens.organization.public_id not in men  # 13–17 is not an adult man


def test_inactive_never_appears(activity, search):
    closed = activity("Kielikahvila", status="inactive")
    inactive_org = activity("Kielikahvila")
    inactive_org.organization.status = "inactive"
    open_ = activity("Kielikahvila")
    db.session.commit()
    ids = org_ids(search(q="kielikahvila"))
    assert ids == [open_.organization.public_id]
    assert closed.organization.public_id not in ids


def test_stale_profiles_rank_lower_and_say_since_when(activity, search):
    stale = activity("Kielikahvila", languages=["ar"], updated_days_ago=500)
    fresh = activity("Kielikahvila", languages=["ar"])
    body = search(q="kielikahvila", lang=["ar"], municipality=HELSINKI, locale="en")
    assert org_ids(body) == [fresh.organization.public_id, stale.organization.public_id]
    assert body["results"][1]["services"][0]["match"]["stale"] is True
    assert any(w.startswith("Not updated since") for w in body["results"][1]["warnings"])
    assert not body["results"][0]["warnings"]


def test_verified_profile_is_fresh_again(activity, search):
    from coact.models import utcnow

    verified = activity("Kielikahvila", updated_days_ago=500)
    verified.organization.last_verified_at = utcnow()
    db.session.commit()
    body = search(q="kielikahvila")
    assert body["results"][0]["services"][0]["match"]["stale"] is False


def test_an_organisation_appears_once_with_its_activities(activity, search):
    first = activity("Kielikahvila maanantaisin", languages=["ar"])
    activity("Kielikahvila tiistaisin", languages=["fi"], org=first.organization)
    activity("Jalkapallo", org=first.organization)
    body = search(q="kielikahvila", lang=["ar"])
    assert body["total"] == 1
    assert len(body["results"]) == 1
    names = [s["name"] for s in body["results"][0]["services"]]
    assert names == ["Kielikahvila maanantaisin", "Kielikahvila tiistaisin"]


def test_paging(activity, search):
    created = [activity(f"Kielikahvila {i}") for i in range(5)]
    first = search(q="kielikahvila", limit=2)
    second = search(q="kielikahvila", limit=2, offset=2)
    third = search(q="kielikahvila", limit=2, offset=4)
    seen = org_ids(first) + org_ids(second) + org_ids(third)
    assert first["total"] == 5
    assert sorted(seen) == sorted(a.organization.public_id for a in created)


def test_languages_and_place_named_in_the_query(activity, search):
    """The public search takes "arabiaksi Tampereella" as the client's language and town."""
    wanted = activity("Läksykerho", languages=["ar"], municipality=TAMPERE)
    activity("Läksykerho", languages=["so"], municipality=HELSINKI)
    body = search(q="läksyapua arabiaksi Tampereella")
    assert org_ids(body)[0] == wanted.organization.public_id
    assert body["results"][0]["services"][0]["match"]["language_tier"] == "client_language"
    assert body["results"][0]["services"][0]["match"]["place_tier"] == "municipality"


def test_languages_said_only_in_the_description_count(activity, search):
    described = activity(
        "Keskusteluryhmä", "Toimintaa somaliksi.", languages=[], themes=["peer_support"]
    )
    body = search(q="vertaistuki", lang=["so"])
    assert org_ids(body) == [described.organization.public_id]
    assert body["results"][0]["services"][0]["match"]["language_tier"] == "client_language"


def test_no_needs_lists_by_language_and_place(activity, search):
    near = activity("Kerho", languages=["uk"], municipality=ESPOO)
    far = activity("Kerho", languages=["uk"], municipality=TAMPERE)
    body = search(lang=["uk"], municipality=ESPOO)
    assert org_ids(body) == [near.organization.public_id, far.organization.public_id]


def test_organisations_are_only_offered_when_active(activity, search):
    service = activity("Kielikahvila")
    org = db.session.get(Organization, service.organization_id)
    org.status = "inactive"
    db.session.commit()
    assert search(q="kielikahvila")["total"] == 0
