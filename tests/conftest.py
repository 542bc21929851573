"""Shared fixtures: an app per test on SQLite, and on PostgreSQL too when
``COACT_TEST_DATABASE_URL`` is set; guards against network and SMTP use."""

from __future__ import annotations

import ipaddress
import os
import socket
import uuid
from pathlib import Path

import pytest
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


@pytest.fixture
def database_url(backend, tmp_path, request) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'test.sqlite3'}"
    return request.getfixturevalue("pg_database_url")


@pytest.fixture
def app_config() -> dict:
    """Override in a test module to pass extra config to the app."""
    return {}


@pytest.fixture
def app(database_url, tmp_path, app_config):
    app = make_test_app(database_url, tmp_path, **app_config)
    with app.app_context():
        if database_url.startswith("sqlite") or database_url not in _pg_schema_ready:
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
