"""What texts say about languages, places and target groups."""

from __future__ import annotations

import pytest

from coact.search.mentions import AMBIGUOUS, find_groups, find_mentions, language_of_word


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("arabiaksi", "ar"),
        ("somalinkieliselle", "so"),
        ("venäjänkielisille", "ru"),
        ("dariksi", "prs"),
        ("soraniksi", "ckb"),
        ("arabic", "ar"),
        ("somaliska", "so"),
        ("arabisktalande", "ar"),
        ("kurdiksi", AMBIGUOUS),
        ("kielikahvila", None),
        ("venäläinen", None),
    ],
)
def test_language_words(word, code):
    assert language_of_word(word) == code


def test_languages_and_interpreters_in_text():
    found = find_mentions(
        "Keskustelu käydään suomeksi. Ohjaajamme puhuvat suomen ja somalin kieltä. "
        "Vapaaehtoiset tulkit auttavat arabiaksi ja dariksi."
    )
    assert found.languages == {"fi", "so"}
    assert found.interpreters == {"ar", "prs"}


def test_a_demonym_is_not_a_language():
    assert find_mentions("Luemme venäläistä kirjallisuutta suomennoksina.").languages == set()


def test_kurdish_is_resolved_by_the_dialect_named():
    assert find_mentions("Toimintaa kurdiksi (sorani).").languages == {"ckb"}
    assert find_mentions("Toimintaa kurdiksi.").languages == set()


def test_swedish_and_english_phrasing():
    assert find_mentions("Verksamheten sker på svenska och arabiska.").languages == {"sv", "ar"}
    assert find_mentions("Sessions are in English and Arabic.").languages == {"en", "ar"}
    assert find_mentions("Somali-speaking volunteers.").languages == {"so"}


def test_places_in_text():
    found = find_mentions("Toimimme Tampereella ja koko Pirkanmaalla.")
    assert found.municipalities == {"837"}
    assert found.counties == {"08"}
    assert find_mentions("Toimintaa verkossa koko Suomessa.").nationwide
    assert find_mentions("Käymme salolla marjassa.").municipalities == set()


@pytest.mark.parametrize(
    ("name", "text", "groups", "ages"),
    [
        ("Naisten vertaistukipiiri", "Puhumme luottamuksellisesti.", {"women"}, (None, None)),
        ("Vertaisryhmä", "Ryhmä on tarkoitettu vain naisille.", {"women"}, (None, None)),
        ("Club", "For men only.", {"men"}, (None, None)),
        ("Kerho", "Kerho on tarkoitettu 7–12-vuotiaille lapsille.", {"children"}, (7, 12)),
        ("Group", "For young people aged 16-29.", {"youth"}, (16, 29)),
        ("Kerho", "Toiminta on tarkoitettu yli 65-vuotiaille.", set(), (65, None)),
        ("Perhekahvila", "Lapset tulevat vanhempansa kanssa.", {"families"}, (None, None)),
        (
            "Kielikahvila",
            "Kaikki ovat tervetulleita. Lasten kanssa voi tulla.",
            set(),
            (None, None),
        ),
    ],
)
def test_target_groups_in_text(name, text, groups, ages):
    found = find_groups(name, text)
    assert found.groups == groups
    assert (found.minimum_age, found.maximum_age) == ages
