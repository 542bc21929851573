"""Need understanding: what a worker's description becomes."""

from __future__ import annotations

from coact.search.needs import understand
from coact.search.params import MatchQuery
from coact.search.services import client_of
from tests.search.conftest import org_ids


def units(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(u.label, u.themes) for u in understand(text, []).units]


def test_describing_words_are_not_needs():
    assert units("Asiakas tarvitsee apua oleskelulupahakemuksen kanssa") == [
        ("residence_permit_help", ("residence_permit_help",))
    ]


def test_unknown_words_are_needs_of_their_own():
    assert units("origami") == [("origami", ())]


def test_chosen_themes_come_first():
    needs = understand("kielikahvila", ["food_aid"])
    assert [u.themes for u in needs.units] == [("food_aid",), ("finnish_language",)]
    assert needs.units[0].chosen


def test_languages_and_places_are_who_and_where():
    needs = understand("läksyapua somaliksi Espoossa", [])
    assert needs.languages == ["so"]
    assert needs.municipality == "049"
    assert [u.themes for u in needs.units] == [("homework_help",)]


def test_gender_and_age_words_describe_the_client():
    needs = understand("mielenterveyttä tukevaa toimintaa nuorelle miehelle", [])
    assert needs.gender == "men"
    assert needs.ages == (13, 29)
    assert [u.themes for u in needs.units] == [("mental_health",)]
    assert understand("työnhakuvalmennus 45-vuotiaalle naiselle", []).ages == (45, 45)


def test_the_form_and_the_words_together():
    needs = understand("harrastus nuorelle", [])
    client = client_of(MatchQuery(target_group="men"), needs)
    assert client.gender() == "men"
    assert client.ages() == (18, 29)  # men are adults; "nuori" narrows it
    family = client_of(
        MatchQuery(target_group="families"), understand("vammaisen lapsen perhe", [])
    )
    assert family.ages() is None  # the child's age is not the family's


def test_a_said_age_filters_like_a_target_group(activity, search):
    teens = activity("Nuorten ryhmä", themes=["employment_jobseeking"], target_groups=["youth"])
    adults = activity("Työnhakuryhmä", themes=["employment_jobseeking"])
    assert org_ids(search(q="työnhakuvalmennus 45-vuotiaalle")) == [adults.organization.public_id]
    assert teens.organization.public_id in org_ids(search(q="työnhakuvalmennus nuorelle"))
