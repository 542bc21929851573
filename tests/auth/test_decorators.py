"""The permission decorators and loaders, on routes added for the test."""

import pytest

from coact.auth import permissions
from coact.extensions import db
from coact.models import ROLE_ADMIN, ROLE_COORDINATOR, ROLE_KOTO_WORKER, ROLE_NGO_EDITOR
from tests.factories import make_organization


@pytest.fixture
def app(app):
    @permissions.roles_required(ROLE_COORDINATOR, ROLE_ADMIN)
    def imports_page():
        return "imports"

    @permissions.login_required
    def api_thing():
        return {"ok": True}

    @permissions.permission_required(permissions.can_manage_users)
    def users_page():
        return "users"

    def org_page(public_id):
        return permissions.get_organization_for_edit(public_id).public_id

    app.add_url_rule("/<lang>/test-imports", view_func=imports_page)
    app.add_url_rule("/api/v1/test-thing", view_func=api_thing)
    app.add_url_rule("/<lang>/test-users", view_func=users_page)
    app.add_url_rule("/<lang>/test-org/<public_id>", view_func=org_page)
    return app


def test_roles_required(client, login_as):
    assert client.get("/fi/test-imports").status_code == 302
    login_as(ROLE_KOTO_WORKER)
    assert client.get("/fi/test-imports").status_code == 403
    login_as(ROLE_COORDINATOR)
    assert client.get("/fi/test-imports").get_data(as_text=True) == "imports"


def test_api_gets_json_401_instead_of_a_redirect(client, login_as):
    response = client.get("/api/v1/test-thing")
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == "login_required"
    login_as(ROLE_NGO_EDITOR)
    assert client.get("/api/v1/test-thing").get_json() == {"ok": True}


def test_permission_required(client, login_as):
    login_as(ROLE_COORDINATOR)
    assert client.get("/fi/test-users").status_code == 403
    login_as(ROLE_ADMIN)
    assert client.get("/fi/test-users").status_code == 200


def test_loader_is_login_then_404_then_403(client, login_as):
    org = make_organization()
    db.session.commit()
    assert client.get(f"/fi/test-org/{org.public_id}").status_code == 302
    assert client.get("/fi/test-org/missing").status_code == 302
    login_as(ROLE_NGO_EDITOR)
    assert client.get("/fi/test-org/missing").status_code == 404
    assert client.get(f"/fi/test-org/{org.public_id}").status_code == 403
    login_as(ROLE_NGO_EDITOR, organizations=[org])
    assert client.get(f"/fi/test-org/{org.public_id}").status_code == 200
