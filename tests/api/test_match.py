"""GET /api/v1/match: the response format, parameter checks, and robustness."""

from __future__ import annotations

import pytest

from tests.search.conftest import HELSINKI


def test_response_format(activity, search):
    service = activity("Kielikahvila", languages=["ar"], themes=["finnish_language"])
    body = search(q="kielikahvila", lang="ar", municipality=HELSINKI, locale="en")
    assert body["total"] == 1
    assert body["limit"] == 10 and body["offset"] == 0
    assert body["needs"] == ["finnish_language"]
    (result,) = body["results"]
    assert result["organization"]["id"] == service.organization.public_id
    assert result["organization"]["name"] == service.organization.name["fi"]
    assert isinstance(result["score"], float)
    assert result["warnings"] == []
    (found,) = result["services"]
    assert found["id"] == service.public_id
    assert found["name"] == "Kielikahvila"
    assert "In Arabic" in found["reasons"]
    assert found["match"]["language"] == "ar"
    assert found["match"]["place_tier"] == "municipality"


def test_languages_may_be_repeated_or_comma_separated(activity, search):
    activity("Kielikahvila", languages=["so"])
    repeated = search(q="kielikahvila", lang=["ar", "so"])
    joined = search(q="kielikahvila", lang="ar,so")
    assert repeated["results"][0]["services"][0]["match"]["language"] == "so"
    assert repeated == joined


def test_language_aliases_are_accepted(activity, search):
    activity("Kielikahvila", languages=["kmr"])
    body = search(q="kielikahvila", lang="ku")
    assert body["results"][0]["services"][0]["match"]["language_tier"] == "client_language"


def test_limit_default_and_maximum(activity, search):
    for i in range(12):
        activity(f"Kielikahvila {i}")
    assert len(search(q="kielikahvila")["results"]) == 10
    assert len(search(q="kielikahvila", limit=50)["results"]) == 12


@pytest.mark.parametrize(
    ("params", "code", "parameter"),
    [
        ({"lang": "xx"}, "invalid_language", "lang"),
        ({"lang": "not a language"}, "invalid_language", "lang"),
        ({"lang": ["ar"] * 11 + ["so"]}, "too_many_languages", "lang"),
        ({"municipality": "999"}, "invalid_municipality", "municipality"),
        ({"municipality": "Helsinki"}, "invalid_municipality", "municipality"),
        ({"target_group": "aliens"}, "invalid_target_group", "target_group"),
        ({"theme": "nonsense"}, "invalid_theme", "theme"),
        ({"limit": "0"}, "invalid_limit", "limit"),
        ({"limit": "51"}, "invalid_limit", "limit"),
        ({"limit": "ten"}, "invalid_limit", "limit"),
        ({"offset": "-1"}, "invalid_offset", "offset"),
        ({"offset": "1e9"}, "invalid_offset", "offset"),
        ({"q": "x" * 10_001}, "query_too_long", "q"),
        ({"locale": "de"}, "invalid_locale", "locale"),
    ],
)
def test_invalid_parameters_give_400_with_a_code(search, params, code, parameter):
    body = search(expect=400, **params)
    assert body["error"]["code"] == code
    assert body["error"]["parameter"] == parameter
    assert body["error"]["message"]


def test_error_messages_follow_the_locale(search):
    body = search(expect=400, municipality="999", locale="fi")
    assert body["error"]["message"].startswith("Tuntematon kuntakoodi")


NASTY = [
    '"',
    '""',
    "'",
    "a:b",
    "title:kielikahvila",
    "AND",
    "OR OR OR",
    "NOT",
    "kielikahvila AND NOT",
    "*",
    "kieli*",
    "?",
    "(",
    ")",
    "((kielikahvila",
    "[a TO z]",
    "{}",
    "\\",
    "~2",
    "^3",
    "kielikahvila^100",
    "a" * 10_000,
    "kielikahvila " * 900,
    "😀🙏🏽👩‍👩‍👧",
    "مساعدة في الواجبات المنزلية",
    "помощь с домашним заданием",
    "ትምህርት",
    "\u200b\u200e\u202e",
    "\x00\x01\x02",
    "%00",
    "<script>alert(1)</script>",
    "'; DROP TABLE organization; --",
    "ﬁnnish ｃｏｕｒｓｅ",
    "-" * 50,
    "   ",
    "",
]


@pytest.mark.parametrize("q", NASTY, ids=range(len(NASTY)))
def test_any_query_text_gives_results_or_400(activity, client, q):
    activity("Kielikahvila", languages=["ar"])
    response = client.get("/api/v1/match", query_string={"q": q, "lang": "ar"})
    assert response.status_code in (200, 400)
    body = response.get_json()
    if response.status_code == 200:
        assert isinstance(body["total"], int)
    else:
        assert body["error"]["code"] == "query_too_long"


@pytest.mark.parametrize(
    "raw",
    [
        "lang=%ZZ",
        "municipality=%00",
        "q=%FF%FE",
        "limit=",
        "offset=",
        "theme=&theme=",
        "lang=&lang=",
        "q=a&q=b",
        "limit=5&limit=500",
        "target_group=",
    ],
)
def test_odd_query_strings_never_fail(client, raw):
    response = client.get(f"/api/v1/match?{raw}")
    assert response.status_code in (200, 400)
    assert response.is_json
