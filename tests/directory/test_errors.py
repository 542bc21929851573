"""Error responses: pages in the user's language, JSON under /api/."""

import pytest
from flask import Blueprint, abort

from tests.directory.conftest import element, html_lang, visible_text


@pytest.fixture
def app_config():
    # let unexpected exceptions become 500 responses, as in production
    return {"PROPAGATE_EXCEPTIONS": False}


@pytest.fixture
def failing(app):
    """Pages and API routes that fail in each way."""
    pages = Blueprint("failing", __name__)

    @pages.get("/<lang>/test/forbidden")
    def forbidden():
        abort(403)

    @pages.get("/<lang>/test/bad")
    def bad():
        abort(400)

    @pages.get("/<lang>/test/explained")
    def explained():
        abort(404, description="That referral was closed.")

    @pages.get("/<lang>/test/crash")
    def crash():
        raise RuntimeError("boom")

    @pages.get("/api/v1/test/thing")
    def api_thing():
        return {"ok": True}

    @pages.get("/api/v1/test/forbidden")
    def api_forbidden():
        abort(403)

    @pages.get("/api/v1/test/crash")
    def api_crash():
        raise RuntimeError("boom")

    app.register_blueprint(pages)
    app.logger.disabled = True


PAGES = [
    ("/fi/no-such-page", 404, "fi", "Sivua ei löytynyt"),
    ("/sv/no-such-page", 404, "sv", "Sidan hittades inte"),
    ("/en/no-such-page", 404, "en", "Page not found"),
    ("/sv/test/forbidden", 403, "sv", "Åtkomst nekad"),
    ("/fi/test/bad", 400, "fi", "Pyyntö ei ollut kelvollinen"),
    ("/en/test/crash", 500, "en", "Something went wrong"),
    ("/fi/test/crash", 500, "fi", "Jokin meni vikaan"),
]


@pytest.mark.parametrize(("path", "status", "locale", "title"), PAGES)
def test_error_pages_in_the_language_of_the_address(client, failing, path, status, locale, title):
    response = client.get(path)
    html = response.get_data(as_text=True)
    assert response.status_code == status
    assert response.mimetype == "text/html"
    assert html_lang(html)[0] == locale
    assert element(html, "h1").text == title
    assert "boom" not in html


@pytest.mark.parametrize("path", ["/no-such-page", "/robots.txt", "/a/b/c"])
def test_unmatched_address_without_locale_uses_the_browser_language(client, path):
    response = client.get(path, headers={"Accept-Language": "sv"})
    assert response.status_code == 404
    assert html_lang(response.get_data(as_text=True))[0] == "sv"


def test_locale_without_slash_goes_to_the_home_page(client):
    response = client.get("/sv")
    assert response.status_code == 308
    assert response.headers["Location"] == "/sv/"


def test_method_not_allowed_page_keeps_the_allow_header(client):
    response = client.post("/en/organizations")
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]
    assert element(response.get_data(as_text=True), "h1").text == "Request not allowed"


def test_description_given_to_abort_is_shown(client, failing):
    html = client.get("/en/test/explained").get_data(as_text=True)
    assert "That referral was closed." in visible_text(html)


def test_forbidden_page_offers_login_to_anonymous_visitors(app, client, failing):
    if "auth.login" not in app.view_functions:
        pytest.skip("log-in page not installed")
    html = client.get("/en/test/forbidden").get_data(as_text=True)
    main = html.split('<main id="main"', 1)[1]
    with app.test_request_context("/en/"):
        assert element(main, "a", href=app.url_for("auth.login", lang="en")).text == "Log in"


def test_expired_form_gets_its_own_message(app, client):
    app.config["WTF_CSRF_ENABLED"] = True
    pages = Blueprint("forms", __name__)

    @pages.post("/<lang>/test/form")
    def form():
        return "stored"

    app.register_blueprint(pages)
    response = client.post("/sv/test/form", data={"name": "x"})
    assert response.status_code == 400
    assert element(response.get_data(as_text=True), "h1").text == "Formuläret har gått ut"


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [
        ("get", "/api/v1/no-such-thing", 404, "not_found"),
        ("post", "/api/v1/test/thing", 405, "method_not_allowed"),
        ("get", "/api/v1/test/forbidden", 403, "forbidden"),
        ("get", "/api/v1/test/crash", 500, "internal_error"),
    ],
)
def test_api_errors_are_json(client, failing, method, path, status, code):
    response = getattr(client, method)(path)
    assert response.status_code == status
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    assert "boom" not in response.get_data(as_text=True)


def test_api_error_message_follows_accept_language(client):
    response = client.get("/api/v1/no-such-thing", headers={"Accept-Language": "fi"})
    assert response.get_json()["error"]["message"].startswith("Tässä osoitteessa ei ole sivua")
