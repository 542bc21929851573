"""Nobody reaches an edit page without the right: walk every route of the editor."""

import pytest

from coact.extensions import db
from coact.models import ROLE_ADMIN, ROLE_COORDINATOR, ROLE_KOTO_WORKER, ROLE_NGO_EDITOR
from tests.factories import make_organization, make_service, make_user

PROTECTED_PREFIXES = ("profiles.", "accounts.")
ACCOUNT_ENDPOINTS = ("auth.account", "auth.change_password", "auth.change_language")


def _protected_rules(app):
    return [
        rule
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith(PROTECTED_PREFIXES) or rule.endpoint in ACCOUNT_ENDPOINTS
    ]


def _url(rule, org, service, user) -> str:
    values = {"lang": "fi"}
    for argument in rule.arguments - {"lang"}:
        if argument == "user_id":
            values[argument] = user.id
        elif argument == "public_id":
            values[argument] = (
                service.public_id if "/activities/<public_id>" in rule.rule else org.public_id
            )
        else:
            raise AssertionError(f"{rule.endpoint}: add an example for <{argument}>")
    return rule.build(values)[1]


def _requests(app, org, service, user):
    for rule in _protected_rules(app):
        url = _url(rule, org, service, user)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield rule.endpoint, method, url


@pytest.fixture
def directory(app):
    org = make_organization()
    service = make_service(org)
    other_user = make_user(ROLE_NGO_EDITOR, organizations=[org])
    db.session.commit()
    return org, service, other_user


def test_the_walk_covers_the_editor(app):
    endpoints = {rule.endpoint for rule in _protected_rules(app)}
    assert {
        "profiles.mine",
        "profiles.edit_organization",
        "profiles.edit_service",
        "profiles.new_service",
        "profiles.delete_service",
        "auth.account",
        "accounts.users",
    } <= endpoints


def test_anonymous_users_are_sent_to_login_everywhere(app, client, directory):
    org, service, user = directory
    before = (org.updated_at, service.updated_at, len(org.services))
    for endpoint, method, url in _requests(app, org, service, user):
        response = client.open(url, method=method, data={"name__fi": "Hacked"})
        assert response.status_code == 302, (endpoint, method)
        assert response.location.startswith("/fi/login"), (endpoint, method)
    db.session.expire_all()
    assert (org.updated_at, service.updated_at, len(org.services)) == before
    assert org.name != {"fi": "Hacked"}


def test_editor_of_another_organisation_is_refused(app, client, login_as, directory):
    org, service, user = directory
    own = make_organization()
    login_as(ROLE_NGO_EDITOR, organizations=[own])
    name_before = dict(org.name)
    for endpoint, method, url in _requests(app, org, service, user):
        if endpoint in ACCOUNT_ENDPOINTS or endpoint == "profiles.mine":
            continue
        response = client.open(url, method=method, data={"name__fi": "Hacked"})
        assert response.status_code == 403, (endpoint, method)
    db.session.expire_all()
    assert org.name == name_before
    assert len(org.services) == 1


def test_editor_list_shows_only_own_organisations(app, client, login_as, directory):
    org, _service, _user = directory
    own = make_organization(name={"fi": "Oma yhdistys"})
    login_as(ROLE_NGO_EDITOR, organizations=[own])
    html = client.get("/fi/manage/").get_data(as_text=True)
    assert "Oma yhdistys" in html
    assert org.public_id not in html


@pytest.mark.parametrize("role", [ROLE_KOTO_WORKER, ROLE_COORDINATOR])
def test_county_staff_cannot_use_the_editor(app, client, login_as, directory, role):
    org, service, user = directory
    login_as(role)
    for endpoint, method, url in _requests(app, org, service, user):
        if endpoint in ACCOUNT_ENDPOINTS:
            continue
        assert client.open(url, method=method).status_code == 403, (endpoint, method)


def test_admin_only_pages_refuse_editors_of_the_organisation(app, client, login_as, directory):
    org, service, user = directory
    login_as(user)
    for url in (
        "/fi/manage/organizations/new",
        f"/fi/manage/organizations/{org.public_id}/delete",
        f"/fi/manage/organizations/{org.public_id}/editors",
        "/fi/manage/users",
        "/fi/manage/teams",
    ):
        assert client.get(url).status_code == 403, url
    assert client.get(f"/fi/manage/organizations/{org.public_id}/edit").status_code == 200


def test_missing_records_are_404_for_those_who_may_edit(app, client, login_as):
    login_as(ROLE_ADMIN)
    assert client.get("/fi/manage/organizations/no-such-id/edit").status_code == 404
    assert client.get("/fi/manage/activities/no-such-id/edit").status_code == 404
