"""The organisation list: filters, text match, order, pagination and bad input."""

import pytest

from coact.extensions import db
from coact.models import AREA_COUNTY, AREA_MUNICIPALITY, AREA_NATIONWIDE
from tests.directory.conftest import LOCALES, element, elements, html_lang, visible_text
from tests.factories import make_organization, make_service


def listed(html: str) -> list[str]:
    """Names of the organisations on the page, in order."""
    return [h.text for h in elements(html, "h3", class_="result__title")]


def get_list(client, query: str = "", locale: str = "en"):
    response = client.get(f"/{locale}/organizations{query}")
    return response, response.get_data(as_text=True)


@pytest.mark.parametrize("locale", LOCALES)
def test_lists_active_organisations_by_name_in_the_locale(client, locale):
    make_organization(name={"fi": "Bravo ry", "sv": "Alfa rf"})
    make_organization(name={"fi": "Charlie ry"})
    make_organization(name={"fi": "Alfa ry", "sv": "Delta rf"})
    make_organization(name={"fi": "Aaa lopettanut"}, status="inactive")
    db.session.commit()

    response, html = get_list(client, locale=locale)

    assert response.status_code == 200
    assert html_lang(html) == (locale, "ltr")
    expected = {
        "sv": ["Alfa rf", "Charlie ry", "Delta rf"],
    }.get(locale, ["Alfa ry", "Bravo ry", "Charlie ry"])
    assert listed(html) == expected
    count = element(html, "h2", id="results-title").text
    assert count == {"fi": "3 järjestöä löytyi", "sv": "3 organisationer hittades"}.get(
        locale, "3 organisations found"
    )


def test_municipality_filter_follows_areas_county_nationwide_online_and_home(client):
    vantaa = "092"
    make_service(
        make_organization(name={"fi": "Suoraan Vantaalla"}), areas=[(AREA_MUNICIPALITY, vantaa)]
    )
    make_service(
        make_organization(name={"fi": "Koko hyvinvointialue"}), areas=[(AREA_COUNTY, "04")]
    )
    make_service(make_organization(name={"fi": "Koko Suomi"}), areas=[(AREA_NATIONWIDE, "FI")])
    make_service(make_organization(name={"fi": "Verkossa"}), areas=[], online=True)
    make_organization(name={"fi": "Kotikunta Vantaa"}, municipality_code=vantaa)
    make_service(
        make_organization(name={"fi": "Vain Espoossa"}), areas=[(AREA_MUNICIPALITY, "049")]
    )
    make_service(make_organization(name={"fi": "Toinen alue"}), areas=[(AREA_COUNTY, "03")])
    make_service(
        make_organization(name={"fi": "Lopetettu toiminta"}),
        areas=[(AREA_MUNICIPALITY, vantaa)],
        status="inactive",
    )
    db.session.commit()

    _, html = get_list(client, f"?municipality={vantaa}", "fi")

    assert sorted(listed(html)) == [
        "Koko Suomi",
        "Koko hyvinvointialue",
        "Kotikunta Vantaa",
        "Suoraan Vantaalla",
        "Verkossa",
    ]
    selected = [o for o in elements(html, "option") if "selected" in o.attrs]
    assert [o.text for o in selected] == ["Vantaa"]


def test_municipality_code_may_omit_leading_zeros(client):
    make_service(make_organization(name={"fi": "Vantaalla"}), areas=[(AREA_MUNICIPALITY, "092")])
    make_service(make_organization(name={"fi": "Muualla"}), areas=[(AREA_MUNICIPALITY, "837")])
    db.session.commit()
    _, html = get_list(client, "?municipality=92")
    assert listed(html) == ["Vantaalla"]


def test_language_filter_needs_an_active_activity_in_that_language(client):
    make_service(make_organization(name={"fi": "Arabiaksi"}), languages=["ar", "fi"])
    make_service(make_organization(name={"fi": "Suomeksi"}), languages=["fi"])
    make_service(make_organization(name={"fi": "Tauolla"}), languages=["ar"], status="inactive")
    make_service(make_organization(name={"fi": "Kurmandžiksi"}), languages=["kmr"])
    db.session.commit()

    _, html = get_list(client, "?lang=ar")
    assert listed(html) == ["Arabiaksi"]
    # "ku" is stored as Kurmanji (kmr)
    _, html = get_list(client, "?lang=ku")
    assert listed(html) == ["Kurmandžiksi"]


def test_theme_and_target_group_filters(client):
    make_service(
        make_organization(name={"fi": "Läksyt"}),
        themes=["homework_help"],
        target_groups=["children"],
    )
    make_service(
        make_organization(name={"fi": "Naisten kerho"}),
        themes=["women_groups", "peer_support"],
        target_groups=["women"],
    )
    make_service(make_organization(name={"fi": "Vertaiset"}), themes=["peer_support"])
    db.session.commit()

    _, html = get_list(client, "?theme=peer_support")
    assert listed(html) == ["Naisten kerho", "Vertaiset"]
    _, html = get_list(client, "?target_group=children")
    assert listed(html) == ["Läksyt"]


def test_filters_must_meet_in_one_activity(client):
    org = make_organization(name={"fi": "Kaksi toimintaa"})
    make_service(org, languages=["ar"], themes=["legal_advice"])
    make_service(org, languages=["fi"], themes=["homework_help"])
    both = make_organization(name={"fi": "Arabiaksi läksyjä"})
    make_service(both, languages=["ar"], themes=["homework_help"])
    db.session.commit()

    _, html = get_list(client, "?lang=ar&theme=homework_help")
    assert listed(html) == ["Arabiaksi läksyjä"]


def test_home_municipality_combines_with_activity_filters(client):
    home = make_organization(name={"fi": "Kotona Vantaalla"}, municipality_code="092")
    make_service(home, languages=["so"], areas=[(AREA_MUNICIPALITY, "837")])
    away = make_organization(name={"fi": "Tampereella"}, municipality_code="837")
    make_service(away, languages=["so"], areas=[(AREA_MUNICIPALITY, "837")])
    db.session.commit()

    _, html = get_list(client, "?municipality=092&lang=so")
    assert listed(html) == ["Kotona Vantaalla"]


def test_text_matches_any_name_case_insensitively(client):
    make_organization(name={"fi": "Monikulttuurinen Yhdistys Silta", "sv": "Bron"})
    make_organization(name={"fi": "Toinen"}, alternate_names=["SILTAKERHO"])
    make_organization(name={"fi": "Kolmas"})
    db.session.commit()

    _, html = get_list(client, "?q=silta")
    assert sorted(listed(html)) == ["Monikulttuurinen Yhdistys Silta", "Toinen"]
    _, html = get_list(client, "?q=BRON", "sv")
    assert listed(html) == ["Bron"]
    _, html = get_list(client, "?q=%C3%A4%C3%A4")  # "ää": nothing has it
    assert listed(html) == []
    assert "No organisation matches these filters" in visible_text(html)


def test_filter_choices_are_labelled_in_the_locale(client):
    make_service(make_organization(), languages=["ar", "uk"])
    make_service(make_organization(), languages=["fi"], status="inactive")
    db.session.commit()

    _, html = get_list(client, locale="sv")

    municipalities = options(html, "municipality")
    assert municipalities[0] == ("", "Alla kommuner")
    assert ("091", "Helsingfors") in municipalities
    names = [name for _, name in municipalities[1:]]
    assert names == sorted(names, key=str.casefold)
    assert options(html, "lang") == [("", "Alla språk"), ("ar", "arabiska"), ("uk", "ukrainska")]
    assert ("finnish_language", "Finska språket") in options(html, "theme")
    assert ("children", "Barn (0–12 år)") in options(html, "target_group")
    labels = [label.text for label in elements(html, "label")]
    assert labels == ["Namnet innehåller", "Kommun", "Verksamhetens språk", "Tema", "Målgrupp"]


def test_pagination_twenty_per_page_with_accessible_links(client):
    for number in range(45):
        make_organization(name={"fi": f"Yhdistys {number:02d}"})
    db.session.commit()

    _, first = get_list(client, "?q=yhdistys")
    assert len(listed(first)) == 20
    assert listed(first)[0] == "Yhdistys 00"

    response, second = get_list(client, "?q=yhdistys&page=2")
    assert response.status_code == 200
    assert listed(second)[0] == "Yhdistys 20"
    assert "Showing 21–40 of 45." in visible_text(second)
    nav = element(second, "nav", class_="pagination")
    assert nav.attrs["aria-label"] == "Pages"
    pager = second.split('class="pagination"', 1)[1].split("</nav>", 1)[0]
    current = element(pager, "a", **{"aria-current": "page"})
    assert current.text == "Page 2"
    assert current.attrs["href"] == "/en/organizations?q=yhdistys&page=2"
    assert element(second, "a", rel="prev").attrs["href"] == "/en/organizations?q=yhdistys&page=1"
    assert element(second, "a", rel="next").text == "Next page"

    _, third = get_list(client, "?q=yhdistys&page=3")
    assert len(listed(third)) == 5
    assert not elements(third, "a", rel="next")


def test_pagination_links_keep_a_language_filter_apart_from_the_locale(client):
    for _ in range(21):
        make_service(make_organization(), languages=["ar"])
    db.session.commit()
    _, html = get_list(client, "?lang=ar", "sv")
    assert element(html, "a", rel="next").attrs["href"] == "/sv/organizations?lang=ar&page=2"


INVALID = [
    (
        "?municipality=999",
        "municipality",
        {
            "fi": "”999” ei ole kuntakoodi. Valitse kunta luettelosta.",
            "sv": "”999” är inte en kommunkod. Välj en kommun i listan.",
            "en": "“999” is not a municipality code. Choose a municipality from the list.",
        },
    ),
    (
        "?lang=klingon",
        "lang",
        {
            "en": "“klingon” is not a language code. Choose a language from the list.",
        },
    ),
    (
        "?theme=knitting",
        "theme",
        {
            "en": "“knitting” is not a theme of this directory. Choose a theme from the list.",
        },
    ),
    (
        "?target_group=cats",
        "target_group",
        {
            "sv": "”cats” är inte en målgrupp i den här katalogen. Välj en målgrupp i listan.",
        },
    ),
    (
        "?page=abc",
        None,
        {
            "fi": "”abc” ei ole sivunumero. Sivut numeroidaan ykkösestä alkaen.",
            "en": "“abc” is not a page number. Pages are numbered from 1.",
        },
    ),
    ("?page=0", None, {"en": "“0” is not a page number. Pages are numbered from 1."}),
    ("?q=" + "x" * 201, "q", {"en": "The name to look for is too long: at most 200 characters."}),
]


@pytest.mark.parametrize(("query", "field", "messages"), INVALID)
def test_invalid_filter_values_get_a_clear_message(client, query, field, messages):
    make_organization(name={"fi": "Näkyisi muuten"})
    db.session.commit()
    for locale, message in messages.items():
        response, html = get_list(client, query, locale)
        assert response.status_code == 400
        summary = element(html, "div", class_="error-summary")
        assert summary.attrs["role"] == "alert"
        assert message in summary.text
        assert listed(html) == []
        if field:
            control = elements(html, "select", id=f"f-{field}") or elements(
                html, "input", id=f"f-{field}"
            )
            assert control[0].attrs["aria-invalid"] == "true"
            assert control[0].attrs["aria-describedby"] == f"f-{field}-error"
            assert message in element(html, "p", id=f"f-{field}-error").text
            assert element(summary_html(html), "a").attrs["href"] == f"#f-{field}"


def options(html: str, name: str) -> list[tuple[str, str]]:
    select = html.split(f'name="{name}"', 1)[1].split("</select>", 1)[0]
    return [(o.attrs["value"], o.text) for o in elements(select, "option")]


def summary_html(html: str) -> str:
    return html.split('class="error-summary"', 1)[1].split("</div>", 1)[0]


def test_page_past_the_last_says_how_many_pages_there_are(client):
    make_organization()
    db.session.commit()
    response, html = get_list(client, "?page=4", "sv")
    assert response.status_code == 400
    assert "Det finns ingen sida 4: resultaten ryms på 1 sida." in visible_text(html)
    response, html = get_list(client, "?page=2")
    assert "There is no page 2: the results fit on 1 page." in visible_text(html)


def test_empty_directory_lists_nothing_without_error(client):
    response, html = get_list(client, "?page=1")
    assert response.status_code == 200
    assert "0 organisations found" in visible_text(html)
