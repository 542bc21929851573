"""What the base layout shows around every page: the main navigation and the
language switcher.

Features are optional blueprints, so a menu item appears only when its endpoint
is registered, and only to the people it is meant for. Who sees which item is
decided here, in one list; whether they may open the page is decided by the
feature itself (``coact.auth.permissions``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel import Locale
from flask import Flask, current_app, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.routing import BuildError

from coact.i18n import enabled_locales, get_locale
from coact.models.users import ROLE_ADMIN, ROLE_COORDINATOR, ROLE_KOTO_WORKER, ROLE_NGO_EDITOR
from coact.reference import language_name, text_direction

#: Audiences besides the roles of ``coact.models.users``.
EVERYONE = "everyone"
ANONYMOUS = "anonymous"
SIGNED_IN = "signed_in"
_COUNTY_AND_NGO = (ROLE_KOTO_WORKER, ROLE_COORDINATOR, ROLE_NGO_EDITOR)


@dataclass(frozen=True)
class NavItem:
    endpoint: str
    label: str
    #: Role names, or EVERYONE / ANONYMOUS / SIGNED_IN.
    audience: tuple[str, ...]


NAV_ITEMS: tuple[NavItem, ...] = (
    NavItem("directory.organizations", _l("Organisations"), (EVERYONE,)),
    NavItem("search.public", _l("Search"), (EVERYONE,)),
    NavItem(
        "search.match",
        _l("Find an activity for a client"),
        (ROLE_KOTO_WORKER, ROLE_COORDINATOR, ROLE_ADMIN),
    ),
    NavItem("profiles.mine", _l("My organisations"), (ROLE_NGO_EDITOR, ROLE_ADMIN)),
    NavItem("referrals.inbox", _l("Referrals"), (ROLE_NGO_EDITOR, ROLE_KOTO_WORKER)),
    NavItem("notices.list", _l("Advance notices"), _COUNTY_AND_NGO),
    NavItem("visits.list", _l("Visits"), _COUNTY_AND_NGO),
    NavItem("referrals.statistics", _l("Referral statistics"), (ROLE_COORDINATOR, ROLE_NGO_EDITOR)),
    NavItem("referrals.audit_log", _l("Referral audit log"), (ROLE_COORDINATOR, ROLE_ADMIN)),
    NavItem("imports.runs", _l("Imports"), (ROLE_COORDINATOR, ROLE_ADMIN)),
    NavItem("accounts.users", _l("Users"), (ROLE_ADMIN,)),
    NavItem("accounts.teams", _l("KOTO teams"), (ROLE_ADMIN,)),
    NavItem("auth.login", _l("Log in"), (ANONYMOUS,)),
    NavItem("auth.account", _l("My account"), (SIGNED_IN,)),
    NavItem("auth.logout", _l("Log out"), (SIGNED_IN,)),
)


@dataclass(frozen=True)
class NavLink:
    label: str
    url: str
    current: bool
    #: The endpoint takes no GET (log out): the layout renders a small POST form.
    post: bool


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    current: bool
    dir: str


def sees(item: NavItem, user) -> bool:
    """Whether ``user`` (Flask-Login's current user) is shown ``item``."""
    if EVERYONE in item.audience:
        return True
    if not user.is_authenticated:
        return ANONYMOUS in item.audience
    return SIGNED_IN in item.audience or getattr(user, "role", None) in item.audience


def _accepts_get(endpoint: str) -> bool:
    return any("GET" in (rule.methods or ()) for rule in current_app.url_map.iter_rules(endpoint))


def visible_nav_items() -> list[NavLink]:
    links = []
    for item in NAV_ITEMS:
        if item.endpoint not in current_app.view_functions or not sees(item, current_user):
            continue
        try:
            url = url_for(item.endpoint)
        except BuildError:  # the endpoint needs arguments: not a menu page
            continue
        links.append(
            NavLink(
                label=str(item.label),
                url=url,
                current=request.endpoint == item.endpoint,
                post=not _accepts_get(item.endpoint),
            )
        )
    return links


@cache
def locale_name(code: str) -> str:
    """A UI locale's name in its own language, capitalised as in a menu ("Suomi")."""
    try:
        name = Locale.parse(code).get_display_name(code) or code
    except (ValueError, TypeError):
        name = language_name(code, code)
    return name[:1].upper() + name[1:]


def _same_page_in(code: str) -> str:
    """This page in locale ``code``, with the query string kept as it is (filters
    named ``lang`` must not be mistaken for the locale)."""
    endpoint = request.endpoint
    if endpoint and current_app.url_map.is_endpoint_expecting(endpoint, "lang"):
        try:
            url = url_for(endpoint, **{**(request.view_args or {}), "lang": code})
        except BuildError:
            pass
        else:
            query = request.query_string.decode("utf-8", "replace")
            return f"{url}?{query}" if query else url
    if "directory.home" not in current_app.view_functions:
        return "/"
    return url_for("directory.home", lang=code)


def language_links() -> list[LanguageLink]:
    current = get_locale()
    return [
        LanguageLink(
            code=code,
            name=locale_name(code),
            url=_same_page_in(code),
            current=code == current,
            dir=text_direction(code),
        )
        for code in enabled_locales()
    ]


def page_language_name(code: str, locale: str | None = None) -> str:
    """The name of language ``code`` in the page's locale (templates' ``language_name``)."""
    return language_name(code, locale or get_locale())


def init_app(app: Flask) -> None:
    """Give every template the layout's navigation and the helpers of ``_macros.html``."""

    @app.context_processor
    def layout_context() -> dict:
        if not request:
            return {}
        return {
            "nav_items": visible_nav_items,
            "language_links": language_links,
        }

    app.add_template_global(page_language_name, "language_name")
