"""Each result says why it matched, in the user's language."""

from __future__ import annotations

import pytest

from tests.search.conftest import ESPOO, HELSINKI, KIRKKONUMMI, TAMPERE

EXPECTED = {
    "fi": {
        "need": "Tarve: Mielenterveys ja hyvinvointi",
        "language": "Kieli: arabia",
        "place": "Paikka: Helsinki",
        "interpreters": "Vapaaehtoiset tulkit: somali",
        "escort": "Vapaaehtoinen voi lähteä asiakkaan saattajaksi",
    },
    "sv": {
        "need": "Behov: Psykisk hälsa och välmående",
        "language": "Språk: arabiska",
        "place": "Plats: Helsingfors",
        "interpreters": "Frivilliga tolkar: somaliska",
        "escort": "En frivillig kan ledsaga klienten",
    },
    "en": {
        "need": "Need: Mental health and wellbeing",
        "language": "In Arabic",
        "place": "In Helsinki",
        "interpreters": "Volunteer interpreters: Somali",
        "escort": "A volunteer can escort the client",
    },
}


@pytest.mark.parametrize("locale", ["fi", "sv", "en"])
def test_reasons_in_the_ui_language(activity, search, locale):
    activity(
        "Keskusteluryhmä",
        languages=["ar"],
        interpreter_languages=["so"],
        themes=["mental_health"],
        can_escort=True,
    )
    body = search(q="mielenterveys", lang=["ar"], municipality=HELSINKI, locale=locale)
    reasons = body["results"][0]["services"][0]["reasons"]
    for text in EXPECTED[locale].values():
        assert text in reasons
    assert body["results"][0]["reasons"] == reasons


def test_accept_language_chooses_the_locale(activity, client):
    activity("Keskusteluryhmä", languages=["ar"], themes=["mental_health"])
    response = client.get(
        "/api/v1/match?q=mielenterveys&lang=ar", headers={"Accept-Language": "sv,en;q=0.5"}
    )
    assert "Språk: arabiska" in response.get_json()["results"][0]["reasons"]


@pytest.mark.parametrize(
    ("locale", "county", "outside", "stale", "wrong"),
    [
        (
            "fi",
            "Asiakkaan hyvinvointialueella (Länsi-Uudenmaan hyvinvointialue)",
            "Asiakkaan alueen ulkopuolella: Tampere",
            "Ei päivitetty",
            "Ei millään asiakkaan kielistä (toimintakieli: venäjä)",
        ),
        (
            "sv",
            "I klientens välfärdsområde (Västra Nylands välfärdsområde)",
            "Utanför klientens område: Tammerfors",
            "Inte uppdaterad sedan",
            "Inte på något av klientens språk (verksamhetsspråk: ryska)",
        ),
    ],
)
def test_warnings_and_places_in_the_ui_language(
    activity, search, locale, county, outside, stale, wrong
):
    activity("Läksykerho", languages=["so"], municipality=KIRKKONUMMI)
    activity("Läksykerho", languages=["so"], municipality=TAMPERE, updated_days_ago=400)
    activity("Läksykerho", languages=["ru"], municipality=ESPOO)
    body = search(q="läksyapu", lang=["so"], municipality=ESPOO, locale=locale)
    results = body["results"]
    assert county in results[0]["reasons"]
    assert any(w == outside for w in results[1]["warnings"])
    assert any(w.startswith(stale) for w in results[1]["warnings"])
    assert wrong in results[2]["warnings"]


def test_word_needs_are_named(activity, search):
    activity("Origamikerho", "Taitellaan origameja paperista.")
    body = search(q="origami", locale="en")
    assert any("origami" in reason for reason in body["results"][0]["reasons"])
