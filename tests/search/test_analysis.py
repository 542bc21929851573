"""Text analysis: Finnish compounds and inflections meet, with Voikko and without."""

from __future__ import annotations

import os

import pytest

from coact.search import analysis
from coact.search import thesaurus as thesaurus_module
from coact.search.analysis import analyzer, detect_language, finnish_mode, parse_wordbases, words

needs_voikko = pytest.mark.skipif(analysis.voikko() is None, reason="Voikko is not installed")


def fi_terms(text: str) -> set[str]:
    return {term.text for word in words(text) for term in analyzer("fi").word_terms(word)}


def _forget_analysis() -> None:
    analysis._voikko_handle.cache_clear()
    analysis.analyzer.cache_clear()
    thesaurus_module.thesaurus.cache_clear()
    thesaurus_module.thesaurus_signature.cache_clear()


@pytest.fixture
def without_voikko(monkeypatch):
    """Force the plain Snowball path, as on a machine without libvoikko."""
    monkeypatch.setenv("COACT_DISABLE_VOIKKO", "1")
    _forget_analysis()
    yield
    monkeypatch.delenv("COACT_DISABLE_VOIKKO")
    _forget_analysis()


def test_voikko_is_used_when_required():
    """CI sets COACT_REQUIRE_VOIKKO=1: there the Finnish analysis must be Voikko's."""
    if os.environ.get("COACT_REQUIRE_VOIKKO") != "1":
        pytest.skip("COACT_REQUIRE_VOIKKO is not set")
    assert finnish_mode() == "voikko"
    assert "mielenterveys" in fi_terms("mielenterveyden")


@needs_voikko
@pytest.mark.parametrize(
    ("query", "document"),
    [
        ("mielenterveys", "mielenterveyspalvelut"),
        ("mielenterveys", "mielenterveyden"),
        ("mielenterveyspalvelut", "mielenterveys"),
        ("suomen kielen kurssi", "suomenkielen opetus"),
        ("suomen kielen kurssi", "kielikahvila"),
        ("työnhakuun", "työnhaku"),
        ("ruoka-apua", "ruoka-apu"),
    ],
)
def test_finnish_compounds_and_inflections_meet(query, document):
    assert fi_terms(query) & fi_terms(document)


@needs_voikko
def test_compound_yields_its_parts_and_runs():
    terms = {t.text: t.weight for t in analyzer("fi").word_terms("mielenterveyspalvelut")}
    assert terms["mielenterveyspalvelu"] == 1.0
    assert {"mielenterveys", "terveyspalvelu", "palvelu", "mieli"} <= terms.keys()
    # The whole word weighs most, a long run more than a short part.
    assert terms["mielenterveys"] > terms["palvelu"]


def test_wordbases_parsing_attaches_derivations():
    assert parse_wordbases("+mielen(mieli)+terve(terve)+ys(+ys)+palvel(palvella)+u(+u)") == [
        ("mielen", "mieli"),
        ("terveys", "terveys"),
        ("palvelu", "palvelu"),
    ]
    assert parse_wordbases("+asumis(asua)+neuvo(neuvoa)+n+ta(+ta)") == [
        ("asumis", "asua"),
        ("neuvonta", "neuvonta"),
    ]


def test_without_voikko_plain_stemming_still_works(without_voikko):
    assert finnish_mode() == "snowball"
    assert fi_terms("kurssit") & fi_terms("kurssi")
    assert fi_terms("mielenterveys") == {"mielenterveys"}  # no compound splitting


def test_without_voikko_the_thesaurus_knows_common_forms(without_voikko):
    matches = thesaurus_module.thesaurus().matches(words("mielenterveyden tukea"))
    assert {m.theme for m in matches} == {"mental_health"}
    # Compounds starting with a known need still find it, by prefix.
    matches = thesaurus_module.thesaurus().matches(words("mielenterveyskuntoutujat"))
    assert {m.theme for m in matches} == {"mental_health"}


def test_swedish_and_english_are_stemmed():
    assert {t.text for t in analyzer("sv").word_terms("kurserna")} == {
        t.text for t in analyzer("sv").word_terms("kurser")
    }
    assert {t.text for t in analyzer("en").word_terms("courses")} == {
        t.text for t in analyzer("en").word_terms("course")
    }
    assert analyzer("en").word_terms("the") == ()


def test_other_languages_are_only_normalised():
    assert [t.text for t in analyzer("other").word_terms(words("مُساعَدة")[0])] == ["مساعدة"]


@pytest.mark.parametrize(
    ("text", "declared", "expected"),
    [
        ("Vi erbjuder språkcafé och läxhjälp för barn och unga.", "fi", "sv"),
        ("We offer a language cafe for everyone who is new in town.", "fi", "en"),
        ("Tarjoamme kielikahvilaa ja läksyapua lapsille ja nuorille.", "fi", "fi"),
        ("نقدم دروس اللغة العربية للأطفال", "fi", "other"),
        ("Kielikahvila", "sv", "sv"),
    ],
)
def test_language_of_a_text_is_detected_not_trusted(text, declared, expected):
    assert detect_language(text, declared) == expected


def test_search_works_end_to_end_without_voikko(without_voikko, activity, search):
    from tests.search.conftest import org_ids

    wanted = activity("Mielenterveyspalvelut maahanmuuttajille")
    activity("Jalkapallo")
    assert org_ids(search(q="mielenterveyden tukea")) == [wanted.organization.public_id]
    assert org_ids(search(q="mielenterveys")) == [wanted.organization.public_id]
