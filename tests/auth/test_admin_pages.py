from coact.extensions import db
from coact.models import ROLE_ADMIN, ROLE_KOTO_WORKER, AuditLog, Team, User
from tests.factories import make_team, make_user


def _user(email):
    db.session.expire_all()
    return db.session.scalar(db.select(User).filter_by(email=email))


def test_admin_creates_a_koto_worker_and_gets_a_one_time_link(client, login_as):
    team = make_team("KOTO Vantaa", county_code="04")
    login_as(ROLE_ADMIN)
    response = client.post(
        "/fi/manage/users",
        data={
            "email": "Worker@Vantaa.fi",
            "role": ROLE_KOTO_WORKER,
            "county_code": "04",
            "team": str(team.id),
        },
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    link = html.split('class="one-time-link">', 1)[1].split("<", 1)[0]
    user = _user("worker@vantaa.fi")
    assert (user.role, user.county_code, user.team_id) == (ROLE_KOTO_WORKER, "04", team.id)
    client.post("/fi/logout")
    assert client.get(link.split("localhost", 1)[-1]).status_code == 200


def test_admin_form_errors_are_shown_and_nothing_is_created(client, login_as):
    team = make_team("KOTO Turku", county_code="05")
    login_as(ROLE_ADMIN)
    cases = [
        ({"email": "k@example.org", "role": ROLE_KOTO_WORKER}, "hyvinvointialue"),
        (
            {
                "email": "k@example.org",
                "role": ROLE_KOTO_WORKER,
                "county_code": "04",
                "team": str(team.id),
            },
            "oman hyvinvointialueen",
        ),
        (
            {"email": "k@example.org", "role": ROLE_ADMIN, "county_code": "04"},
            "Vain KOTO-työntekijät ja koordinaattorit",
        ),
        ({"email": "nope", "role": ROLE_ADMIN}, "Anna sähköpostiosoite"),
    ]
    for data, message in cases:
        response = client.post("/fi/manage/users", data=data)
        assert response.status_code == 422, data
        assert message in response.get_data(as_text=True), data
    assert _user("k@example.org") is None


def test_admin_deactivates_a_user_but_not_themselves(client, login_as):
    other = make_user(ROLE_KOTO_WORKER, email="other@example.org")
    admin = login_as(ROLE_ADMIN)
    client.post(f"/fi/manage/users/{other.id}/active", data={"active": "0"})
    assert _user("other@example.org").active is False
    assert (
        db.session.scalar(db.select(AuditLog).filter_by(action="user.deactivate")).user_id
        == admin.id
    )
    client.post(f"/fi/manage/users/{admin.id}/active", data={"active": "0"})
    assert _user(admin.email).active is True
    listing = client.get("/fi/manage/users?q=other").get_data(as_text=True)
    assert "other@example.org" in listing and admin.email not in listing.split("<tbody>", 1)[1]


def test_admin_creates_a_team(client, login_as):
    login_as(ROLE_ADMIN)
    assert (
        client.post("/fi/manage/teams", data={"name": "KOTO Oulu", "county_code": "19"}).status_code
        == 302
    )
    assert db.session.scalar(db.select(Team).filter_by(name="KOTO Oulu")).county_code == "19"
    bad = client.post("/fi/manage/teams", data={"name": "", "county_code": "19"})
    assert bad.status_code == 422
