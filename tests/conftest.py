"""Shared fixtures: an app per test on SQLite, and on PostgreSQL too when
``COACT_TEST_DATABASE_URL`` is set; guards against network and SMTP use."""

from __future__ import annotations

import ipaddress
import os
import shutil
import socket
import uuid
from pathlib import Path

import pytest
from flask import g, has_app_context
from flask.testing import FlaskClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from coact import create_app
from coact.extensions import db

PG_URL = os.environ.get("COACT_TEST_DATABASE_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


def _pg_admin_url():
    return make_url(PG_URL).set(drivername="postgresql+psycopg")


@pytest.fixture(scope="session")
def pg_database_url():
    """A throw-away PostgreSQL database for this test session (never ``test`` itself)."""
    admin = create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT")
    name = f"coact_test_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = _pg_admin_url().set(database=name)
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            )
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


_pg_schema_ready: set[str] = set()


def make_test_app(database_url: str, tmp_path: Path, **config):
    """An app for tests: its own instance folder and index, cheap hashing, no CSRF."""
    settings = {
        "database_url": database_url,
        "instance_dir": tmp_path / "instance",
        "index_dir": tmp_path / "index",
        "env": "testing",
    }
    settings.update(config.pop("COACT_SETTINGS", {}))
    base = {
        "TESTING": True,
        "WTF_CSRF_ENABLED": False,
        "COACT_SETTINGS": settings,
        "PASSWORD_HASH_FAST": True,
        "SERVER_NAME": None,
    }
    base.update(config)
    return create_app(base)


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """An SQLite file with the schema, created once and copied for each test."""
    folder = tmp_path_factory.mktemp("sqlite-template")
    path = folder / "template.sqlite3"
    app = make_test_app(f"sqlite:///{path}", folder)
    with app.app_context():
        db.create_all()
        db.engine.dispose()
    return path


@pytest.fixture
def database_url(backend, tmp_path, request) -> str:
    if backend == "sqlite":
        path = tmp_path / "test.sqlite3"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    return request.getfixturevalue("pg_database_url")


class RequestIsolatingClient(FlaskClient):
    """Test client whose requests start with an empty ``g``.

    The ``app`` fixture keeps one app context open for the whole test (so tests
    share the database session with requests); without this, ``g`` would carry
    Flask-Login's user and Flask-Babel's locale from one request to the next.
    """

    def open(self, *args, **kwargs):
        if has_app_context():
            for name in list(g):
                g.pop(name, None)
        return super().open(*args, **kwargs)


@pytest.fixture
def app_config() -> dict:
    """Override in a test module to pass extra config to the app."""
    return {}


@pytest.fixture
def app(database_url, tmp_path, app_config):
    app = make_test_app(database_url, tmp_path, **app_config)
    app.test_client_class = RequestIsolatingClient
    with app.app_context():
        if database_url.startswith("postgresql") and database_url not in _pg_schema_ready:
            db.create_all()
            _pg_schema_ready.add(database_url)
        try:
            yield app
        finally:
            db.session.remove()
            if database_url.startswith("postgresql"):
                tables = ", ".join(f'"{t.name}"' for t in db.metadata.sorted_tables)
                with db.engine.begin() as conn:
                    conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
            db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def login_as(app, client):
    """Log the test ``client`` in: ``login_as("ngo_editor", organizations=[org])``
    creates and commits a user with ``tests/factories.make_user``; ``login_as(user)``
    logs in an existing one. Returns the user."""
    from flask import g

    from coact.auth.services import SESSION_FINGERPRINT_KEY, session_fingerprint
    from coact.models import User
    from tests.factories import make_user

    def log_in(role_or_user, **kw):
        user = role_or_user if isinstance(role_or_user, User) else make_user(role_or_user, **kw)
        db.session.commit()
        # Requests in a test share the test's app context, so ``g`` outlives a
        # request: forget the user Flask-Login cached there for the last one.
        g.pop("_login_user", None)
        with client.session_transaction() as session:
            session["_user_id"] = str(user.id)
            session["_fresh"] = True
            session[SESSION_FINGERPRINT_KEY] = session_fingerprint(user)
        return user

    return log_in


def _is_local(address) -> bool:
    if isinstance(address, str | bytes):  # unix socket path
        return True
    host = address[0]
    if host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Fail any test that opens a connection beyond this machine."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def guarded_connect(sock, address):
        if not _is_local(address):
            raise RuntimeError(f"Tests must not use the network (tried {address!r})")
        return real_connect(sock, address)

    def guarded_connect_ex(sock, address):
        if not _is_local(address):
            raise RuntimeError(f"Tests must not use the network (tried {address!r})")
        return real_connect_ex(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_connect_ex)
