"""Co-Act: NGO directory and referral matching for Finnish integration work."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from flask import Flask

from coact.config import PROJECT_ROOT, Settings

#: Blueprints, registered in this order ("module:attribute").
BLUEPRINTS: tuple[str, ...] = (
    "coact.search.views:search_bp",
    "coact.api.views:api_bp",
    "coact.directory.views:bp",
    "coact.referrals.views:referrals_bp",
    "coact.visits.views:visits_bp",
    "coact.notices.views:notices_bp",
    "coact.auth.views:auth_bp",
    "coact.profiles.views:profiles_bp",
    "coact.auth.admin_views:accounts_bp",
    "coact.imports.views:imports_bp",
)

#: Modules with ``register_commands(app)`` adding ``flask --app coact …`` commands.
COMMAND_MODULES: tuple[str, ...] = (
    "coact.search.commands",
    "coact.referrals.commands",
    "coact.auth.cli",
    "coact.imports.cli",
    "coact.imports.sources_cli",
)


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app. ``config`` overrides settings (tests pass a dict)."""
    from coact import errors, i18n, navigation, security, transactions
    from coact.extensions import babel, csrf, db, login_manager, migrate

    settings = Settings.from_env()
    overrides = dict(config or {})
    settings_overrides = overrides.pop("COACT_SETTINGS", None)
    if settings_overrides:
        from dataclasses import replace

        settings = replace(settings, **settings_overrides)
    settings.validate()

    app = Flask(
        __name__,
        instance_path=str(settings.instance_dir),
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "coact" / "static"),
    )
    app.config.update(settings.flask_config())
    app.config.update(overrides)
    settings = app.config["COACT"]
    settings.instance_dir.mkdir(parents=True, exist_ok=True)

    compiled = i18n.compile_catalogs(settings.locales, settings.instance_dir / "translations")
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(compiled)

    db.init_app(app)
    migrate.init_app(
        app, db, directory=str(PROJECT_ROOT / "coact" / "migrations"), render_as_batch=True
    )
    babel.init_app(app, locale_selector=i18n.get_locale)
    csrf.init_app(app)
    login_manager.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    transactions.init_app(app)
    errors.init_app(app)
    navigation.init_app(app)

    import coact.models  # noqa: F401  (models and change tracking are registered)

    for dotted in BLUEPRINTS:
        module_name, attr = dotted.split(":")
        app.register_blueprint(getattr(import_module(module_name), attr))
    for module_name in COMMAND_MODULES:
        import_module(module_name).register_commands(app)
    return app
