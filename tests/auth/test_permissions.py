from coact.auth import permissions
from coact.models import ROLE_ADMIN, ROLE_COORDINATOR, ROLE_KOTO_WORKER, ROLE_NGO_EDITOR
from tests.factories import make_organization, make_user


def test_editor_edits_only_own_organizations(app):
    own, other = make_organization(), make_organization()
    editor = make_user(ROLE_NGO_EDITOR, organizations=[own])
    assert permissions.can_edit_organization(editor, own)
    assert not permissions.can_edit_organization(editor, other)
    assert permissions.can_edit_organization(make_user(ROLE_ADMIN), other)
    assert not permissions.can_edit_organization(make_user(ROLE_COORDINATOR), own)


def test_county_roles(app):
    worker = make_user(ROLE_KOTO_WORKER)
    coordinator = make_user(ROLE_COORDINATOR)
    assert worker.county_code == "04"
    assert permissions.is_county_staff(worker) and permissions.is_county_staff(coordinator)
    assert not permissions.can_view_imports(worker)
    assert permissions.can_view_imports(coordinator)
    assert permissions.can_view_imports(make_user(ROLE_ADMIN))
    assert not permissions.is_county_staff(make_user(ROLE_NGO_EDITOR))
