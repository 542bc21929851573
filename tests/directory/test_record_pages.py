"""Organisation and activity pages, their schema.org data, and records that are gone."""

import pytest

from coact.extensions import db
from tests.directory.conftest import LOCALES, element, elements, html_lang, json_ld, visible_text
from tests.factories import make_organization, make_service


def org_url(org, locale="en"):
    return f"/{locale}/organizations/{org.public_id}"


def activity_url(service, locale="en"):
    return f"/{locale}/activities/{service.public_id}"


ORG_TEXT = {
    "fi": ("Silta ry", "Yhteystiedot", "Toiminnanjohtaja", "Kielikahvila", "Kotikunta"),
    "sv": ("Bron rf", "Kontaktuppgifter", "Verksamhetsledare", "Språkcafé", "Hemkommun"),
    "en": (
        "Bridge association",
        "Contact",
        "Toiminnanjohtaja",
        "Language café",
        "Home municipality",
    ),
}


@pytest.mark.parametrize("locale", LOCALES)
def test_organization_page_in_each_locale(client, org_with_activity, locale):
    org, _service = org_with_activity
    make_service(org, name={"fi": "Lopetettu kerho"}, status="inactive")
    db.session.commit()

    response = client.get(org_url(org, locale))
    html = response.get_data(as_text=True)

    assert response.status_code == 200
    assert html_lang(html) == (locale, "ltr")
    name, contact, title, activity, home = ORG_TEXT[locale]
    assert element(html, "h1").text == name
    text = visible_text(html)
    for expected in (
        contact,
        title,
        activity,
        home,
        "Aisha Mohamed",
        "Mannerheimintie 1",
        "1234567-8",
    ):
        assert expected in text
    assert "Lopetettu kerho" not in text
    assert element(html, "a", href="mailto:aisha@example.org").text == "aisha@example.org"
    assert element(html, "a", href="tel:+358401234567").text == "+358 40 123 4567"
    assert element(html, "a", href="https://silta.example.org").attrs["rel"] == "noopener"


def test_texts_in_another_language_are_marked_with_it(client, org_with_activity):
    org, _ = org_with_activity
    html = client.get(org_url(org, "sv")).get_data(as_text=True)
    # Swedish page; the description exists in fi and en only, so the fi text is shown
    description = element(html, "div", class_="prose")
    assert description.text == "Silta tukee kotoutumista."
    assert description.attrs["lang"] == "fi"
    assert element(html, "h1").attrs.get("lang") is None

    html = client.get(org_url(org, "en")).get_data(as_text=True)
    assert element(html, "div", class_="prose").attrs.get("lang") is None
    assert [e.text for e in elements(html, "span", lang="fi")] == ["Toiminnanjohtaja"]


@pytest.mark.parametrize(
    ("locale", "date"),
    [("fi", "15. maaliskuuta 2026"), ("sv", "15 mars 2026"), ("en", "March 15, 2026")],
)
def test_last_updated_date_is_formatted_for_the_locale(client, locale, date):
    from datetime import UTC, datetime

    org = make_organization(updated_at=datetime(2026, 3, 15, 9, 0, tzinfo=UTC))
    db.session.commit()
    html = client.get(org_url(org, locale)).get_data(as_text=True)
    time = element(html, "time")
    assert time.text == date
    assert time.attrs["datetime"] == "2026-03-15"


def test_organization_json_ld(client, org_with_activity):
    org, _ = org_with_activity
    data = json_ld(client.get(org_url(org, "en")).get_data(as_text=True))

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Organization"
    assert data["@id"] == f"http://localhost/en/organizations/{org.public_id}"
    assert data["name"] == "Bridge association"
    assert data["description"] == "Bridge supports integration."
    assert data["url"] == "https://silta.example.org"
    assert data["email"] == org.email
    assert data["telephone"] == "+358 40 123 4567"
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Mannerheimintie 1",
        "postalCode": "00100",
        "addressLocality": "Helsinki",
        "addressCountry": "FI",
    }
    assert {"@type": "AdministrativeArea", "name": "Helsinki", "identifier": "091"} in data[
        "areaServed"
    ]
    contact = data["contactPoint"]
    assert contact["name"] == "Aisha Mohamed"
    assert contact["email"] == "aisha@example.org"
    assert [lang["alternateName"] for lang in contact["availableLanguage"]] == ["ar", "fi", "so"]
    assert contact["availableLanguage"][0] == {
        "@type": "Language",
        "name": "Arabic",
        "alternateName": "ar",
    }


def test_json_ld_cannot_break_out_of_its_script_element(client):
    org = make_organization(name={"fi": "</script><script>alert(1)</script>"})
    db.session.commit()
    html = client.get(org_url(org)).get_data(as_text=True)
    assert "<script>alert(1)" not in html
    assert json_ld(html)["name"] == "</script><script>alert(1)</script>"


ACTIVITY_TEXT = {
    "fi": [
        "Tiistaisin klo 17–19",
        "arabia somali suomi",
        "16–64-vuotiaat",
        "Vantaan ja Keravan hyvinvointialue",
        "Helsinki",
        "Verkossa",
        "Suomen kieli",
        "Naiset",
        "Kyllä, järjestöstä voidaan lähteä",
        "Tähän toimintaan ei oteta ohjauksia",
    ],
    "sv": [
        "Tiistaisin klo 17–19",
        "arabiska finska somaliska",
        "16–64 år",
        "Vanda och Kervo välfärdsområde",
        "Helsingfors",
        "På nätet",
        "Finska språket",
        "Kvinnor",
        "Ja, någon från organisationen kan följa med",
    ],
    "en": [
        "Tuesdays 5–7 pm",
        "Arabic Finnish Somali",
        "16–64 years",
        "Vantaa and Kerava wellbeing services county",
        "Helsinki",
        "Online",
        "Finnish language",
        "Women",
        "Everyone who wants to practise Finnish.",
        "This activity does not take referrals through Co-Act.",
    ],
}


@pytest.mark.parametrize("locale", LOCALES)
def test_activity_page_in_each_locale(client, org_with_activity, locale):
    org, service = org_with_activity
    response = client.get(activity_url(service, locale))
    html = response.get_data(as_text=True)

    assert response.status_code == 200
    assert html_lang(html) == (locale, "ltr")
    text = visible_text(html)
    for expected in ACTIVITY_TEXT[locale]:
        assert expected in text, expected
    organiser = element(html, "p", class_="record__place")
    assert ORG_TEXT[locale][0] in organiser.text


def test_activity_language_lists_name_each_language_in_the_ui_language(client, org_with_activity):
    _, service = org_with_activity
    html = client.get(activity_url(service, "en")).get_data(as_text=True)
    values = [d.attrs["value"] for d in elements(html, "data")]
    names = [d.text for d in elements(html, "data")]
    assert values == ["ar", "fi", "so", "ar", "prs"]
    assert names == ["Arabic", "Finnish", "Somali", "Arabic", "Dari"]


def test_activity_schedule_from_weekly_rules_when_no_text(client):
    service = make_service(
        schedule={},
        schedule_rules=[
            {"freq": "WEEKLY", "byday": "MO,WE", "opens_at": "15:00", "closes_at": "17:00"}
        ],
    )
    db.session.commit()
    assert "maanantai, keskiviikko 15:00–17:00" in visible_text(
        client.get(activity_url(service, "fi")).get_data(as_text=True)
    )
    assert "Monday, Wednesday 15:00–17:00" in visible_text(
        client.get(activity_url(service, "en")).get_data(as_text=True)
    )


@pytest.mark.parametrize(
    ("minimum", "maximum", "text"),
    [(None, None, "No age limits"), (18, None, "From 18 years"), (None, 12, "Up to 12 years")],
)
def test_age_limits_in_words(client, minimum, maximum, text):
    service = make_service(minimum_age=minimum, maximum_age=maximum)
    db.session.commit()
    assert text in visible_text(client.get(activity_url(service)).get_data(as_text=True))


def test_activity_json_ld(client, org_with_activity):
    org, service = org_with_activity
    data = json_ld(client.get(activity_url(service, "sv")).get_data(as_text=True))

    assert data["@type"] == "Service"
    assert data["@id"] == f"http://localhost/sv/activities/{service.public_id}"
    assert data["name"] == "Språkcafé"
    assert data["description"] == "Keskustelua suomeksi."
    assert data["url"] == data["@id"]
    assert data["provider"] == {
        "@type": "Organization",
        "@id": f"http://localhost/sv/organizations/{org.public_id}",
        "name": "Bron rf",
    }
    assert {"@type": "AdministrativeArea", "name": "Helsingfors", "identifier": "091"} in data[
        "areaServed"
    ]
    assert {
        "@type": "AdministrativeArea",
        "name": "Vanda och Kervo välfärdsområde",
        "identifier": "04",
    } in data["areaServed"]
    assert data["serviceType"] == ["Finska språket", "Mötesplatser och gemenskap"]
    channel = data["availableChannel"]
    assert channel["@type"] == "ServiceChannel"
    assert [lang["name"] for lang in channel["availableLanguage"]] == [
        "arabiska",
        "finska",
        "somaliska",
    ]
    assert channel["servicePhone"] == {
        "@type": "ContactPoint",
        "email": org.email,
        "telephone": "+358 40 123 4567",
    }
    assert channel["serviceLocation"]["address"]["streetAddress"] == "Mannerheimintie 1"


def test_unsafe_website_is_not_linked(client):
    org = make_organization(website="javascript:alert(1)")
    db.session.commit()
    html = client.get(org_url(org)).get_data(as_text=True)
    assert "javascript:" not in html


@pytest.mark.parametrize("locale", LOCALES)
def test_unknown_ids_are_not_found(client, locale):
    for path in ("organizations", "activities"):
        response = client.get(f"/{locale}/{path}/00000000-0000-0000-0000-000000000000")
        assert response.status_code == 404
        html = response.get_data(as_text=True)
        assert html_lang(html)[0] == locale
        assert element(html, "h1").text == {
            "fi": "Sivua ei löytynyt",
            "sv": "Sidan hittades inte",
        }.get(locale, "Page not found")


def test_inactive_organization_is_gone_for_the_public(client):
    org = make_organization(
        name={"fi": "Lopettanut ry"}, status="inactive", email="secret@example.org"
    )
    service = make_service(org, name={"fi": "Entinen kerho"})
    db.session.commit()

    response = client.get(org_url(org, "fi"))
    html = response.get_data(as_text=True)
    assert response.status_code == 404
    assert element(html, "h1").text == "Lopettanut ry"
    assert "Järjestö ei ole enää toiminnassa" in visible_text(html)
    assert "secret@example.org" not in html
    assert "application/ld+json" not in html

    response = client.get(activity_url(service, "en"))
    assert response.status_code == 404
    assert "This activity is no longer running" in visible_text(response.get_data(as_text=True))


@pytest.mark.parametrize(
    ("status", "message"),
    [
        ("inactive", "This activity is no longer running"),
        ("defunct", "This activity is no longer running"),
        ("temporarily closed", "This activity is temporarily closed."),
    ],
)
def test_activity_that_is_not_active_is_gone_for_the_public(client, status, message):
    service = make_service(name={"en": "Old club"}, status=status, email="club@example.org")
    db.session.commit()
    response = client.get(activity_url(service))
    html = response.get_data(as_text=True)
    assert response.status_code == 404
    assert element(html, "h1").text == "Old club"
    assert message in visible_text(html)
    assert "club@example.org" not in html
    link = element(html, "a", href=f"/en/organizations/{service.organization.public_id}")
    assert link.text.startswith("Other activities of")


def test_activity_own_email_and_website_come_before_the_organisations(client):
    org = make_organization(email="office@example.org", website="https://org.example.org")
    service = make_service(org, email="club@example.org", url="club.example.org/kerho")
    db.session.commit()
    html = client.get(activity_url(service)).get_data(as_text=True)
    aside = html.split('class="record__side"', 1)[1]
    assert element(aside, "a", href="mailto:club@example.org")
    assert element(aside, "a", href="https://club.example.org/kerho")
    assert "office@example.org" not in aside
    assert json_ld(html)["url"] == "https://club.example.org/kerho"
