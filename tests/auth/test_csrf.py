"""CSRF protection is on in production; the other tests turn it off for brevity."""

import re

import pytest

from coact.extensions import db
from coact.models import ROLE_ADMIN
from tests.factories import make_user
from tests.profiles.html_forms import form_data


@pytest.fixture
def app_config():
    return {"WTF_CSRF_ENABLED": True}


def test_login_and_logout_need_the_form_token(app, client):
    make_user(ROLE_ADMIN, email="admin@example.org")
    db.session.commit()

    without = client.post("/fi/login", data={"email": "admin@example.org", "password": "password"})
    assert without.status_code == 400
    with client.session_transaction() as session:
        assert "_user_id" not in session

    data = form_data(client.get("/fi/login").get_data(as_text=True))
    assert re.fullmatch(r"[\w.-]+", data["csrf_token"])
    data.update(email="admin@example.org", password="password")
    assert client.post("/fi/login", data=data).status_code == 302

    assert client.post("/fi/logout").status_code == 400
    assert client.get("/fi/account").status_code == 200


def test_profile_edit_needs_the_form_token(app, client, login_as):
    from tests.factories import make_organization

    org = make_organization()
    login_as(ROLE_ADMIN)
    page = client.get(f"/fi/manage/organizations/{org.public_id}/edit").get_data(as_text=True)
    data = form_data(page)
    data.pop("csrf_token")
    data["name__fi"] = "Changed"
    response = client.post(f"/fi/manage/organizations/{org.public_id}/edit", data=data)
    assert response.status_code == 400
    db.session.expire_all()
    assert org.name["fi"] != "Changed"
