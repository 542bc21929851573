"""Migrations are code: head matches the models, and up/down works on each backend."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from coact.extensions import db
from tests.conftest import make_test_app


@pytest.fixture
def empty_app(backend, tmp_path, request):
    if backend == "sqlite":
        database_url = f"sqlite:///{tmp_path / 'migrated.sqlite3'}"
    else:
        database_url = request.getfixturevalue("pg_database_url")
    app = make_test_app(database_url, tmp_path)
    with app.app_context():
        if database_url.startswith("postgresql"):
            with db.engine.begin() as conn:
                conn.execute(text("DROP SCHEMA public CASCADE"))
                conn.execute(text("CREATE SCHEMA public"))
        try:
            yield app
        finally:
            if database_url.startswith("postgresql"):
                # Leave the session's shared database as the other tests expect it.
                with db.engine.begin() as conn:
                    conn.execute(text("DROP SCHEMA public CASCADE"))
                    conn.execute(text("CREATE SCHEMA public"))
                db.create_all()
            db.engine.dispose()


def _diff(app):
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(context, db.metadata)


def test_head_matches_models_and_downgrades(empty_app):
    upgrade()
    assert _diff(empty_app) == []
    downgrade(revision="base")
    remaining = set(inspect(db.engine).get_table_names()) - {"alembic_version"}
    assert remaining == set()


def test_single_head():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from coact.config import PROJECT_ROOT

    config = Config()
    config.set_main_option("script_location", str(PROJECT_ROOT / "coact" / "migrations"))
    assert len(ScriptDirectory.from_config(config).get_heads()) == 1
