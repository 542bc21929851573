import pytest

from coact import create_app
from coact.config import ConfigError
from coact.extensions import db
from coact.models import Organization, Service


def test_production_refuses_default_secret_key(monkeypatch, tmp_path):
    monkeypatch.setenv("COACT_ENV", "production")
    monkeypatch.delenv("COACT_SECRET_KEY", raising=False)
    monkeypatch.setenv("COACT_INSTANCE_DIR", str(tmp_path))
    with pytest.raises(ConfigError, match="COACT_SECRET_KEY"):
        create_app()


def test_settings_come_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("COACT_INSTANCE_DIR", str(tmp_path))
    monkeypatch.setenv("COACT_DATABASE_URL", f"sqlite:///{tmp_path}/x.db")
    monkeypatch.setenv("COACT_SECRET_KEY", "s3cret-for-this-test")
    monkeypatch.setenv("COACT_INDEX_DIR", str(tmp_path / "idx"))
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path}/x.db"
    assert app.config["SECRET_KEY"] == "s3cret-for-this-test"
    assert app.config["COACT"].index_dir == tmp_path / "idx"


def test_multilingual_fields_round_trip(app):
    org = Organization(name={"fi": "Yhdistys", "sv": "Förening"})
    org.services.append(Service(name={"en": "Club"}))
    org.services[0].languages = ["fi", "ar"]
    db.session.add(org)
    db.session.commit()
    db.session.expire_all()
    stored = db.session.scalars(db.select(Organization)).one()
    assert stored.display_name("sv") == "Förening"
    assert stored.display_name("ar") == "Yhdistys"
    assert stored.services[0].display_name("fi") == "Club"
    assert sorted(stored.services[0].languages) == ["ar", "fi"]
    assert stored.sort_name == "yhdistys"
    assert len(stored.public_id) == 36
