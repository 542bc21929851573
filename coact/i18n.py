"""Locale handling: the locale lives in the URL (``/fi/…``, ``/sv/…``, ``/en/…``).

Catalogs are compiled from ``translations/*/LC_MESSAGES/messages.po`` into the
instance folder at start-up when stale, so a fresh clone needs no extra build
step, and a configured locale whose catalog is missing or broken stops the start.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask, current_app, g, request
from flask_login import current_user

from coact.config import PROJECT_ROOT
from coact.reference import text_direction

TRANSLATIONS_DIR = PROJECT_ROOT / "translations"


class CatalogError(RuntimeError):
    pass


def compile_catalogs(locales: tuple[str, ...], out_dir: Path) -> Path:
    """Compile each locale's .po into ``out_dir`` when the .mo is older than the .po."""
    for locale in locales:
        po_path = TRANSLATIONS_DIR / locale / "LC_MESSAGES" / "messages.po"
        if not po_path.exists():
            raise CatalogError(
                f"No translation catalog for configured locale {locale!r}: {po_path}"
            )
        mo_path = out_dir / locale / "LC_MESSAGES" / "messages.mo"
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        try:
            with po_path.open("rb") as handle:
                catalog = read_po(handle, locale=locale)
        except Exception as exc:  # babel raises several types for broken files
            raise CatalogError(f"Catalog {po_path} does not parse: {exc}") from exc
        mo_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = mo_path.with_suffix(".tmp")
        with tmp.open("wb") as handle:
            write_mo(handle, catalog)
        tmp.replace(mo_path)
    return out_dir


def enabled_locales() -> tuple[str, ...]:
    return current_app.config["COACT"].locales


def get_locale() -> str:
    """URL locale, else the user's saved choice, else the browser's, else the default."""
    lang = g.get("lang")
    if lang:
        return lang
    if (
        getattr(current_user, "is_authenticated", False)
        and current_user.locale in enabled_locales()
    ):
        return current_user.locale
    best = request.accept_languages.best_match(enabled_locales()) if request else None
    return best or current_app.config["COACT"].default_locale


def init_app(app: Flask) -> None:
    """URL locale handling for every endpoint that has a ``<lang>`` argument."""

    @app.url_value_preprocessor
    def pull_lang(endpoint, values):
        if values and "lang" in values:
            g.lang = values.pop("lang")

    @app.url_defaults
    def add_lang(endpoint, values):
        if "lang" in values or not endpoint:
            return
        if app.url_map.is_endpoint_expecting(endpoint, "lang"):
            values["lang"] = g.get("lang") or get_locale()

    @app.before_request
    def reject_unknown_locale():
        lang = g.get("lang")
        if lang is not None and lang not in enabled_locales():
            g.lang = None
            from flask import abort

            abort(404)

    @app.context_processor
    def locale_context():
        locale = get_locale()
        return {
            "current_locale": locale,
            "text_dir": text_direction(locale),
            "enabled_locales": enabled_locales(),
        }
