import pytest

from coact.auth.services import SESSION_FINGERPRINT_KEY
from coact.extensions import db
from coact.models import ROLE_ADMIN, ROLE_KOTO_WORKER, ROLE_NGO_EDITOR, AuditLog, User
from tests.factories import make_organization, make_user

WRONG = "Sähköpostiosoite tai salasana on väärin."


def _login(client, email, password="password", lang="fi", **extra):
    return client.post(f"/{lang}/login", data={"email": email, "password": password, **extra})


def test_login_page_has_labelled_fields(client):
    page = client.get("/fi/login")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert 'for="email"' in html and 'for="password"' in html
    assert 'autocomplete="current-password"' in html


def test_login_starts_session_and_records_last_login(app, client):
    org = make_organization()
    user = make_user(ROLE_NGO_EDITOR, organizations=[org], email="editor@example.org")
    db.session.commit()
    with client.session_transaction() as session:
        session["left_over"] = "from before"

    response = _login(client, "Editor@Example.org ")

    assert response.status_code == 302
    assert response.location == "/fi/manage/"
    with client.session_transaction() as session:
        assert session["_user_id"] == str(user.id)
        assert "left_over" not in session
        assert session[SESSION_FINGERPRINT_KEY]
    db.session.expire_all()
    assert db.session.get(User, user.id).last_login_at is not None
    assert db.session.scalar(db.select(AuditLog).filter_by(action="user.login")).user_id == user.id
    assert client.get("/fi/manage/").status_code == 200


def test_wrong_password_and_unknown_email_get_the_same_message(app, client):
    make_user(ROLE_ADMIN, email="admin@example.org")
    db.session.commit()

    wrong_password = _login(client, "admin@example.org", "not-the-password")
    unknown_email = _login(client, "nobody@example.org", "not-the-password")

    for response in (wrong_password, unknown_email):
        assert response.status_code == 422
        assert WRONG in response.get_data(as_text=True)
    with client.session_transaction() as session:
        assert "_user_id" not in session


def test_wrong_password_message_in_swedish(app, client):
    make_user(ROLE_ADMIN, email="admin@example.org")
    db.session.commit()
    response = _login(client, "admin@example.org", "nope", lang="sv")
    assert "E-postadressen eller lösenordet är fel." in response.get_data(as_text=True)


def test_deactivated_user_cannot_log_in_and_is_logged_out(app, client, login_as):
    user = login_as(ROLE_ADMIN)
    assert client.get("/fi/account").status_code == 200
    user.active = False
    db.session.commit()

    assert client.get("/fi/account").status_code == 302
    assert _login(client, user.email).status_code == 422


def test_next_is_followed_only_within_the_site(app, client):
    make_user(ROLE_ADMIN, email="admin@example.org")
    db.session.commit()
    inside = _login(client, "admin@example.org", next="/fi/account")
    assert inside.location == "/fi/account"
    client.post("/fi/logout")
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        outside = _login(client, "admin@example.org", next=target)
        assert outside.location == "/fi/manage/"
        client.post("/fi/logout")


def test_login_lands_in_the_users_own_language(app, client):
    make_user(ROLE_KOTO_WORKER, email="worker@example.org", locale="sv")
    db.session.commit()
    response = _login(client, "worker@example.org")
    assert response.location.startswith("/sv/")


def test_anonymous_user_is_sent_to_login_with_next(client):
    response = client.get("/fi/account")
    assert response.status_code == 302
    assert response.location.startswith("/fi/login?next=")
    assert "account" in response.location
    login_page = client.get(response.location)
    assert "Kirjaudu sisään nähdäksesi tämän sivun." in login_page.get_data(as_text=True)


def test_logout_is_post_only_and_clears_the_session(app, client, login_as):
    login_as(ROLE_ADMIN)
    assert client.get("/fi/logout").status_code == 405
    response = client.post("/fi/logout")
    assert response.status_code == 302
    with client.session_transaction() as session:
        assert "_user_id" not in session
        assert SESSION_FINGERPRINT_KEY not in session
    assert client.get("/fi/account").status_code == 302


@pytest.fixture
def app_config():
    return {"LOGIN_MAX_FAILURES_PER_ACCOUNT": 3, "LOGIN_MAX_FAILURES_PER_IP": 10}


def test_repeated_failures_lock_the_account_even_for_the_right_password(app, client):
    make_user(ROLE_ADMIN, email="admin@example.org")
    db.session.commit()
    for _ in range(3):
        assert _login(client, "admin@example.org", "guess").status_code == 422

    blocked = _login(client, "admin@example.org", "password")

    assert blocked.status_code == 429
    assert "Liian monta epäonnistunutta yritystä" in blocked.get_data(as_text=True)
    with client.session_transaction() as session:
        assert "_user_id" not in session


def test_failures_from_one_address_are_limited_across_accounts(app, client):
    for n in range(10):
        _login(client, f"guess{n}@example.org", "guess")
    make_user(ROLE_ADMIN, email="admin@example.org")
    db.session.commit()
    assert _login(client, "admin@example.org").status_code == 429
