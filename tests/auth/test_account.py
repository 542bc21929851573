import pytest
from flask import g

from coact.auth import services
from coact.auth.passwords import verify_password
from coact.extensions import db
from coact.models import ROLE_ADMIN, ROLE_NGO_EDITOR, AuditLog, User


def test_account_page_shows_the_user(client, login_as):
    user = login_as(ROLE_NGO_EDITOR, name="Aino Editor")
    html = client.get("/fi/account").get_data(as_text=True)
    assert user.email in html and "Aino Editor" in html
    assert "Järjestön muokkaaja" in html


def test_change_password_keeps_this_session_and_ends_others(app, client, login_as):
    user = login_as(ROLE_ADMIN)
    other_device = app.test_client()
    with client.session_transaction() as mine, other_device.session_transaction() as theirs:
        theirs.update(dict(mine))
    assert other_device.get("/fi/account").status_code == 200

    response = client.post(
        "/fi/account/password",
        data={
            "current_password": "password",
            "new_password": "a much longer secret",
            "confirm_password": "a much longer secret",
        },
    )

    assert response.status_code == 302
    db.session.expire_all()
    assert verify_password(db.session.get(User, user.id).password_hash, "a much longer secret")
    assert client.get("/fi/account").status_code == 200
    g.pop("_login_user", None)  # the test's app context outlives requests
    assert other_device.get("/fi/account").status_code == 302
    assert db.session.scalar(db.select(AuditLog).filter_by(action="user.password_change"))


@pytest.mark.parametrize(
    ("current", "new", "confirm", "message"),
    [
        (
            "wrong",
            "a much longer secret",
            "a much longer secret",
            "Nykyinen salasana ei ole oikein.",
        ),
        ("password", "short", "short", "Käytä vähintään 10 merkkiä."),
        ("password", "a much longer secret", "something else!", "Salasanat eivät täsmää."),
    ],
)
def test_change_password_errors(app, client, login_as, current, new, confirm, message):
    user = login_as(ROLE_ADMIN)
    response = client.post(
        "/fi/account/password",
        data={"current_password": current, "new_password": new, "confirm_password": confirm},
    )
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    db.session.expire_all()
    assert verify_password(db.session.get(User, user.id).password_hash, "password")


def test_preferred_language_is_saved_and_used(app, client, login_as):
    user = login_as(ROLE_ADMIN)
    response = client.post("/fi/account/language", data={"locale": "sv"})
    assert response.status_code == 302
    assert response.location == "/sv/account"
    db.session.expire_all()
    assert db.session.get(User, user.id).locale == "sv"
    assert client.post("/fi/account/language", data={"locale": "xx"}).status_code == 422


def test_one_time_link_sets_password_once(app, client):
    user = services.create_user("new@example.org", ROLE_NGO_EDITOR)
    db.session.commit()
    with app.test_request_context():
        token = services.password_link_token(user)

    page = client.get(f"/fi/set-password/{token}")
    assert page.status_code == 200
    assert "new@example.org" in page.get_data(as_text=True)
    response = client.post(
        f"/fi/set-password/{token}",
        data={"new_password": "correct horse battery", "confirm_password": "correct horse battery"},
    )
    assert response.status_code == 302
    assert client.get("/fi/account").status_code == 200

    again = client.get(f"/fi/set-password/{token}")
    assert again.status_code == 404
    assert "Linkki ei toimi" in again.get_data(as_text=True)
    assert client.get("/fi/set-password/forged-token").status_code == 404
