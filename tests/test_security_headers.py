"""Every page carries the security headers, whichever feature serves it."""

import pytest

from coact.extensions import db
from coact.security import CONTENT_SECURITY_POLICY
from tests.factories import make_service

EXPECTED = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def assert_secure(client, path):
    with client.get(path) as response:  # static files stay open until closed
        for name, value in EXPECTED.items():
            assert response.headers.get(name) == value, f"{path}: {name}"


def get_paths(app) -> list[str]:
    """Every GET route that needs no argument (the locale filled in as ``fi``)."""
    paths = []
    for rule in app.url_map.iter_rules():
        if "GET" in (rule.methods or ()) and rule.arguments <= {"lang"}:
            paths.append(rule.rule.replace("<lang>", "fi"))
    return sorted(set(paths))


def test_csp_allows_no_inline_script_or_style():
    policy = dict(part.strip().split(" ", 1) for part in CONTENT_SECURITY_POLICY.split(";"))
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY


def test_every_get_route_without_arguments_sends_the_headers(app, client):
    paths = get_paths(app)
    assert "/" in paths and "/fi/organizations" in paths
    for path in paths:
        assert_secure(client, path)


def test_record_pages_static_files_and_errors_send_the_headers(client):
    service = make_service()
    db.session.commit()
    for path in (
        f"/sv/organizations/{service.organization.public_id}",
        f"/en/activities/{service.public_id}",
        "/static/coact.css",
        "/en/organizations/no-such-id",
        "/api/v1/no-such-thing",
        "/en/organizations?municipality=999",
    ):
        assert_secure(client, path)


@pytest.mark.parametrize("path", ["/fi/", "/fi/organizations"])
def test_pages_have_no_inline_script_or_style(client, path):
    html = client.get(path).get_data(as_text=True)
    assert "style=" not in html
    assert "<script>" not in html and "<script " not in html.replace(
        '<script type="application/ld+json">', ""
    )
