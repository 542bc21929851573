"""Editing profiles: only changed fields become manual, every edit is audited,
and invalid input shows a message next to the field and writes nothing."""

import pytest

from coact.extensions import db
from coact.models import ROLE_ADMIN, ROLE_NGO_EDITOR, AuditLog, Organization, Service
from tests.factories import make_organization, make_service
from tests.profiles.html_forms import form_data


def _audit_rows(action=None):
    query = db.select(AuditLog).order_by(AuditLog.id)
    if action:
        query = query.filter_by(action=action)
    return list(db.session.scalars(query))


def _reload(obj):
    db.session.expire_all()
    return db.session.get(type(obj), obj.id)


@pytest.fixture
def org(app):
    org = make_organization(
        name={"fi": "Monikulttuurinen yhdistys", "ar": "جمعية"},
        website="https://example.org",
        source="ptv",
        source_id="ptv-1",
    )
    db.session.commit()
    return org


@pytest.fixture
def editor(login_as, org):
    return login_as(ROLE_NGO_EDITOR, organizations=[org])


def _org_form(client, org):
    page = client.get(f"/fi/manage/organizations/{org.public_id}/edit")
    assert page.status_code == 200
    return form_data(page.get_data(as_text=True))


def test_form_offers_base_languages_and_those_with_texts(client, org, editor):
    data = _org_form(client, org)
    for code in ("fi", "sv", "en", "ar"):
        assert f"name__{code}" in data
    assert data["name__ar"] == "جمعية"
    page = client.get(f"/fi/manage/organizations/{org.public_id}/edit").get_data(as_text=True)
    assert 'lang="ar" dir="rtl"' in page


def test_edit_marks_exactly_the_changed_fields_manual(client, org, editor):
    before = org.updated_at
    data = _org_form(client, org)
    data.update({"name__sv": "Mångkulturella föreningen", "phone": "09 123 4567"})

    response = client.post(f"/fi/manage/organizations/{org.public_id}/edit", data=data)

    assert response.status_code == 302
    org = _reload(org)
    assert org.name == {
        "fi": "Monikulttuurinen yhdistys",
        "ar": "جمعية",
        "sv": "Mångkulturella föreningen",
    }
    assert org.phone == "09 123 4567"
    assert sorted(org.manual_fields) == ["name", "phone"]
    assert org.updated_at > before
    (row,) = _audit_rows("organization.update")
    assert row.user_id == editor.id and row.object_id == org.public_id
    assert row.details == {
        "name": {
            "old": {"fi": "Monikulttuurinen yhdistys", "ar": "جمعية"},
            "new": {
                "fi": "Monikulttuurinen yhdistys",
                "ar": "جمعية",
                "sv": "Mångkulturella föreningen",
            },
        },
        "phone": {"old": None, "new": "09 123 4567"},
    }


def test_saving_an_unchanged_form_writes_nothing(client, org, editor):
    before = org.updated_at
    response = client.post(
        f"/fi/manage/organizations/{org.public_id}/edit", data=_org_form(client, org)
    )
    assert response.status_code == 302
    assert "Mitään ei muutettu." in client.get(response.location).get_data(as_text=True)
    org = _reload(org)
    assert org.manual_fields == [] and org.updated_at == before
    assert _audit_rows("organization.update") == []


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"add_language": "xx1"}, "Tuntematon kielikoodi: xx1."),
        ({"add_language": "qqq"}, "Tuntematon kielikoodi: qqq."),
        ({"municipality_code": "999"}, "Valitse kunta luettelosta."),
        ({"name__fi": "", "name__ar": ""}, "Anna nimi vähintään yhdellä kielellä."),
        ({"business_id": "1234567-8"}, "Y-tunnus ei ole kelvollinen"),
        ({"business_id": "12345"}, "Anna Y-tunnus muodossa"),
        ({"website": "not a site"}, "Anna verkko-osoite"),
        ({"email": "info@"}, "Anna sähköpostiosoite"),
        ({"phone": "call me"}, "Anna puhelinnumero"),
        ({"postal_code": "1234"}, "viisinumeroinen"),
        ({"status": "deleted"}, "Valitse tila luettelosta."),
    ],
)
def test_invalid_input_is_explained_and_nothing_is_written(client, org, editor, changes, message):
    before = (dict(org.name), org.updated_at, org.municipality_code)
    data = _org_form(client, org)
    data.update({"description__fi": "Uusi kuvaus", **changes})

    response = client.post(f"/fi/manage/organizations/{org.public_id}/edit", data=data)

    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert message in html
    assert 'aria-invalid="true"' in html
    org = _reload(org)
    assert (org.name, org.updated_at, org.municipality_code) == before
    assert "Uusi kuvaus" not in org.description.values()
    assert org.manual_fields == []
    assert _audit_rows() == []


def test_contact_details_are_stored_in_normal_form(client, org, editor):
    data = _org_form(client, org)
    data.update({"website": "yhdistys.fi", "business_id": "112038-9", "municipality_code": "092"})
    assert (
        client.post(f"/fi/manage/organizations/{org.public_id}/edit", data=data).status_code == 302
    )
    org = _reload(org)
    assert (org.website, org.business_id, org.municipality_code) == (
        "https://yhdistys.fi",
        "0112038-9",
        "092",
    )


def test_adding_a_language_shows_its_fields_without_saving(client, org, editor):
    data = _org_form(client, org)
    data.update(
        {"add_language": "so", "action": "add_language", "name__en": "Multicultural association"}
    )

    response = client.post(f"/fi/manage/organizations/{org.public_id}/edit", data=data)

    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'name="name__so"' in html
    assert "Multicultural association" in html
    assert _reload(org).name == {"fi": "Monikulttuurinen yhdistys", "ar": "جمعية"}

    data = form_data(html)
    data["name__so"] = "Ururka dhaqamada badan"
    assert (
        client.post(f"/fi/manage/organizations/{org.public_id}/edit", data=data).status_code == 302
    )
    assert _reload(org).name["so"] == "Ururka dhaqamada badan"


def test_confirming_information_is_current(client, org, editor):
    assert org.last_verified_at is None
    response = client.post(f"/fi/manage/organizations/{org.public_id}/confirm")
    assert response.status_code == 302
    org = _reload(org)
    assert org.last_verified_at is not None
    assert org.manual_fields == ["last_verified_at"]
    assert _audit_rows("organization.update")[0].details["last_verified_at"]["old"] is None


# --- Activities ------------------------------------------------------------------


@pytest.fixture
def service(org):
    service = make_service(
        org,
        languages=["fi", "ar"],
        themes=["mental_health"],
        areas=[("municipality", "091"), ("county", "04")],
        schedule_rules=[
            {"freq": "WEEKLY", "byday": "TU", "opens_at": "17:00", "closes_at": "19:00"}
        ],
    )
    db.session.commit()
    return service


def _service_form(client, service):
    page = client.get(f"/fi/manage/activities/{service.public_id}/edit")
    assert page.status_code == 200
    return form_data(page.get_data(as_text=True))


def test_service_form_round_trips_unchanged(client, service, editor):
    before = service.updated_at
    response = client.post(
        f"/fi/manage/activities/{service.public_id}/edit", data=_service_form(client, service)
    )
    assert response.status_code == 302
    service = _reload(service)
    assert service.manual_fields == [] and service.updated_at == before
    assert service.schedule_rules == [
        {"freq": "WEEKLY", "byday": "TU", "opens_at": "17:00", "closes_at": "19:00"}
    ]


def test_service_edit_marks_lists_and_flags_manual(client, service, editor):
    data = _service_form(client, service)
    data["languages"] = ["fi", "so"]
    data["languages_other"] = "tr, ku"
    data["municipalities"] = ["091", "049"]
    data["counties"] = []
    data["can_escort"] = "y"
    data["schedule_rules-0-byday"] = ["TU", "TH"]

    response = client.post(f"/fi/manage/activities/{service.public_id}/edit", data=data)

    assert response.status_code == 302
    service = _reload(service)
    assert sorted(service.languages) == ["fi", "kmr", "so", "tr"]
    assert sorted((a.kind, a.code) for a in service.areas) == [
        ("municipality", "049"),
        ("municipality", "091"),
    ]
    assert service.can_escort is True
    assert service.schedule_rules[0]["byday"] == "TU,TH"
    assert sorted(service.manual_fields) == ["areas", "can_escort", "languages", "schedule_rules"]
    (row,) = _audit_rows("service.update")
    assert row.details["languages"] == {"old": ["ar", "fi"], "new": ["fi", "kmr", "so", "tr"]}
    assert row.details["areas"]["old"] == [["county", "04"], ["municipality", "091"]]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"languages_other": "zz9"}, "Tuntematon kielikoodi: zz9."),
        ({"interpreter_languages": ["notalang"]}, "Tuntematon kielikoodi: notalang."),
        ({"municipalities": ["091", "998"]}, "Tuntematon kuntakoodi: 998."),
        ({"counties": ["77"]}, "Tuntematon hyvinvointialueen koodi: 77."),
        ({"themes": ["astrology"]}, "Valitse teemat luettelosta."),
        (
            {"minimum_age": "30", "maximum_age": "18"},
            "Yläikäraja ei voi olla alaikärajaa pienempi.",
        ),
        ({"schedule_rules-0-opens_at": "25:00"}, "Anna kellonaika"),
        ({"schedule_rules-0-closes_at": "16:00"}, "Päättymisajan on oltava alkamisajan jälkeen."),
        ({"name__fi": ""}, "Anna nimi vähintään yhdellä kielellä."),
    ],
)
def test_invalid_service_input_writes_nothing(client, service, editor, changes, message):
    before = (sorted(service.languages), service.updated_at, list(service.schedule_rules))
    data = _service_form(client, service)
    data.update({"can_escort": "y", **changes})

    response = client.post(f"/fi/manage/activities/{service.public_id}/edit", data=data)

    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    service = _reload(service)
    assert (sorted(service.languages), service.updated_at, service.schedule_rules) == before
    assert service.can_escort is False
    assert _audit_rows() == []


def test_create_and_delete_an_activity(client, org, editor):
    page = client.get(f"/fi/manage/organizations/{org.public_id}/activities/new")
    data = form_data(page.get_data(as_text=True))
    data.update(
        {
            "name__fi": "Naisten kielikahvila",
            "languages": ["fi", "ar"],
            "interpreter_languages_other": "prs",
            "themes": ["finnish_language", "peer_support"],
            "target_groups": ["women"],
            "municipalities": ["092"],
            "online": "y",
            "accepts_referrals": "y",
            "minimum_age": "16",
        }
    )
    response = client.post(f"/fi/manage/organizations/{org.public_id}/activities/new", data=data)
    assert response.status_code == 302
    service = db.session.scalar(db.select(Service).filter_by(organization_id=org.id))
    assert service.name == {"fi": "Naisten kielikahvila"}
    assert service.interpreter_languages == ["prs"]
    assert service.target_groups == ["women"]
    assert service.municipality_codes == ["092"]
    assert (service.online, service.accepts_referrals, service.minimum_age) == (True, True, 16)
    assert service.source == "manual"
    assert _audit_rows("service.create")[0].user_id == editor.id

    assert client.get(f"/fi/manage/activities/{service.public_id}/delete").status_code == 200
    response = client.post(f"/fi/manage/activities/{service.public_id}/delete")
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Service, service.id) is None
    assert _audit_rows("service.delete")[0].details["name"] == {"fi": "Naisten kielikahvila"}


# --- Administrators ---------------------------------------------------------------


def test_admin_creates_an_organisation_and_invites_an_editor(app, client, login_as):
    admin = login_as(ROLE_ADMIN)
    data = form_data(client.get("/fi/manage/organizations/new").get_data(as_text=True))
    data.update(
        {"name__fi": "Uusi yhdistys ry", "municipality_code": "853", "business_id": "0112038-9"}
    )
    response = client.post("/fi/manage/organizations/new", data=data)
    assert response.status_code == 302
    org = db.session.scalar(db.select(Organization).filter_by(business_id="0112038-9"))
    assert org.name == {"fi": "Uusi yhdistys ry"} and org.source == "manual"
    assert _audit_rows("organization.create")[0].user_id == admin.id

    invite = client.post(
        f"/fi/manage/organizations/{org.public_id}/editors",
        data={"email": "New.Editor@example.org", "name": "Uusi Muokkaaja"},
    )
    assert invite.status_code == 200
    html = invite.get_data(as_text=True)
    link = html.split('class="one-time-link">', 1)[1].split("<", 1)[0]
    assert "/fi/set-password/" in link
    db.session.expire_all()
    editor = db.session.scalar(db.select(Organization).filter_by(id=org.id)).editors[0]
    assert (editor.email, editor.role) == ("new.editor@example.org", ROLE_NGO_EDITOR)

    duplicate = client.post(
        f"/fi/manage/organizations/{org.public_id}/editors", data={"email": "bad"}
    )
    assert duplicate.status_code == 422


def test_admin_searches_organisations(client, login_as):
    make_organization(name={"fi": "Kotoutumisen tuki ry"})
    make_organization(name={"fi": "Toinen yhdistys"})
    login_as(ROLE_ADMIN)
    html = client.get("/fi/manage/?q=kotoutumisen").get_data(as_text=True)
    assert "Kotoutumisen tuki ry" in html and "Toinen yhdistys" not in html
