"""The needs thesaurus: free text in fi/sv/en → theme codes."""

from __future__ import annotations

import json

import pytest

from coact.reference import themes
from coact.search.analysis import words
from coact.search.thesaurus import THESAURUS_PATH, Thesaurus, thesaurus


def found(text: str) -> set[str]:
    return {m.theme for m in thesaurus().matches(words(text), fuzzy=True)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mielenterveys", {"mental_health"}),
        ("mielenterveyden tukea", {"mental_health"}),
        ("mielenterveyspalvelut", {"mental_health"}),
        ("suomen kielen kurssi", {"finnish_language"}),
        ("kielikahvila", {"finnish_language"}),
        ("oleskelulupahakemuksen täyttäminen", {"residence_permit_help"}),
        ("läksyapua", {"homework_help"}),
        ("ruoka-apua", {"food_aid"}),
        ("psykisk hälsa", {"mental_health"}),
        ("läxhjälp", {"homework_help"}),
        ("help with finding an apartment", {"housing_advice"}),
        ("debt advice", {"financial_advice"}),
        ("naisten vertaistukiryhmä", {"peer_support"}),
        ("mental health and loneliness", {"mental_health"}),
    ],
)
def test_needs_are_recognised(text, expected):
    assert found(text) == expected


def test_phrase_words_must_be_whole_or_strong_parts():
    # "liikuntaryhmä" is an exercise group, not a "naisten ryhmä"
    assert found("naisten liikuntaryhmä") == {"sports_leisure"}


def test_generic_words_only_count_alone():
    assert found("neuvonta") == {"everyday_guidance"}
    assert found("perheenyhdistäminen neuvonta") == {"residence_permit_help"}


def test_a_typo_still_finds_the_need():
    assert found("läksyaapu") == {"homework_help"}


def test_words_of_other_languages_do_not_collide():
    assert found("and or not") == set()


def test_every_theme_has_words_in_fi_sv_and_en():
    raw = json.loads(THESAURUS_PATH.read_text(encoding="utf-8"))
    assert set(raw["themes"]) == set(themes())
    for code, by_lang in raw["themes"].items():
        for lang in ("fi", "sv", "en"):
            assert by_lang.get(lang), f"{code} has no {lang} words"


def test_unknown_theme_codes_are_refused():
    with pytest.raises(ValueError, match="unknown theme"):
        Thesaurus({"themes": {"no_such_theme": {"fi": ["sana"]}}})
