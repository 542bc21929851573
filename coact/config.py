"""Settings read once from ``COACT_*`` environment variables.

One frozen object so that every setting has one name and one default, and
so that a production start with the development secret key is refused.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEV_SECRET_KEY = "dev-only-insecure-key"


class ConfigError(RuntimeError):
    """A setting makes the app unsafe or unable to start."""


def _env(name: str, default: str) -> str:
    return os.environ.get(f"COACT_{name}", default)


def _list(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


@dataclass(frozen=True)
class Settings:
    env: str = "development"
    database_url: str = ""
    secret_key: str = DEV_SECRET_KEY
    instance_dir: Path = PROJECT_ROOT / "instance"
    index_dir: Path = PROJECT_ROOT / "instance" / "index"
    default_locale: str = "fi"
    locales: tuple[str, ...] = ("fi", "sv", "en")
    mail_server: str = ""
    mail_port: int = 25
    mail_sender: str = "Co-Act <no-reply@localhost>"
    public_url: str = "http://127.0.0.1:5000"
    retention_days: int = 90
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_env(cls) -> Settings:
        instance_dir = Path(_env("INSTANCE_DIR", str(PROJECT_ROOT / "instance")))
        return cls(
            env=_env("ENV", "development"),
            database_url=_env("DATABASE_URL", f"sqlite:///{instance_dir / 'coact.sqlite3'}"),
            secret_key=_env("SECRET_KEY", DEV_SECRET_KEY),
            instance_dir=instance_dir,
            index_dir=Path(_env("INDEX_DIR", str(instance_dir / "index"))),
            default_locale=_env("DEFAULT_LOCALE", "fi"),
            locales=_list(_env("LOCALES", "fi,sv,en")),
            mail_server=_env("MAIL_SERVER", ""),
            mail_port=int(_env("MAIL_PORT", "25")),
            mail_sender=_env("MAIL_SENDER", "Co-Act <no-reply@localhost>"),
            public_url=_env("PUBLIC_URL", "http://127.0.0.1:5000"),
            retention_days=int(_env("RETENTION_DAYS", "90")),
        )

    def validate(self) -> None:
        if self.env == "production" and self.secret_key == DEV_SECRET_KEY:
            raise ConfigError(
                "COACT_SECRET_KEY must be set to a long random value in production "
                "(COACT_ENV=production)."
            )
        if self.default_locale not in self.locales:
            raise ConfigError(
                f"COACT_DEFAULT_LOCALE={self.default_locale!r} is not in COACT_LOCALES."
            )

    def flask_config(self) -> dict:
        """The Flask/extension keys derived from these settings."""
        return {
            "COACT": self,
            "SECRET_KEY": self.secret_key,
            "SQLALCHEMY_DATABASE_URI": self.database_url,
            "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
            "BABEL_DEFAULT_LOCALE": self.default_locale,
            "BABEL_DEFAULT_TIMEZONE": "Europe/Helsinki",
            "SESSION_COOKIE_HTTPONLY": True,
            "SESSION_COOKIE_SAMESITE": "Lax",
            "SESSION_COOKIE_SECURE": self.env == "production",
            "REMEMBER_COOKIE_HTTPONLY": True,
            "WTF_CSRF_TIME_LIMIT": None,
            "JSON_SORT_KEYS": False,
        }
