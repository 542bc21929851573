"""Search pages: the public search and the KOTO worker's matching page.

Both run the same engine (:func:`coact.search.services.match`); the KOTO page
adds the client's details to the form and a "Refer" action per activity.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from math import ceil
from urllib.parse import urlencode

from flask import Blueprint, current_app, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from coact.auth.permissions import can_match_clients, can_refer, permission_required
from coact.i18n import get_locale
from coact.reference import (
    DATA_DIR,
    language_name,
    municipalities,
    pick_text,
    picked_language,
    target_groups,
    themes,
)
from coact.search.engine import SearchUnavailable
from coact.search.params import InvalidParameter, MatchQuery, parse_match_args
from coact.search.services import MatchResult, match

search_bp = Blueprint("search", __name__, url_prefix="/<lang>")

PER_PAGE = 10
MAX_PAGE = 100
#: Query parameters the pages keep when moving between pages.
KEPT_PARAMS = ("q", "lang", "municipality", "theme", "target_group")


@dataclass
class Pager:
    """Just what ``_macros.html``'s ``pagination`` needs."""

    page: int
    pages: int

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def prev_num(self) -> int:
        return self.page - 1

    @property
    def next_num(self) -> int:
        return self.page + 1

    def iter_pages(self):
        shown = sorted({1, 2, self.pages - 1, self.pages, *range(self.page - 2, self.page + 3)})
        last = 0
        for number in shown:
            if 1 <= number <= self.pages:
                if number > last + 1:
                    yield None
                yield number
                last = number


def _common_languages() -> list[str]:
    raw = json.loads((DATA_DIR / "common_languages.json").read_text(encoding="utf-8"))
    return list(raw["codes"])


def _options(locale: str) -> dict:
    def by_label(pairs):
        return sorted(pairs, key=lambda pair: pair[1].casefold())

    return {
        "languages": [(code, language_name(code, locale)) for code in _common_languages()],
        "municipalities": by_label((m.code, m.label(locale)) for m in municipalities().values()),
        "themes": by_label((t.code, t.label(locale)) for t in themes().values()),
        "target_groups": [(t.code, t.label(locale)) for t in target_groups().values()],
    }


def _page_args(args: MultiDict) -> tuple[MultiDict, int]:
    """The match parameters of a page request, with ``page`` turned into an offset."""
    raw_page = (args.get("page") or "1").strip()
    try:
        page = int(raw_page)
    except ValueError:
        page = 0
    if not 1 <= page <= MAX_PAGE:
        raise InvalidParameter("invalid_page", "page", _page_error())
    kept = MultiDict((key, value) for key, value in args.items(multi=True) if key in KEPT_PARAMS)
    kept["limit"] = str(PER_PAGE)
    kept["offset"] = str((page - 1) * PER_PAGE)
    return kept, page


def _page_error() -> str:
    return _("The page number is not valid.")


@dataclass
class ShownText:
    """A picked multilingual text and its language (for ``lang=`` when it differs)."""

    text: str
    lang: str | None

    def __str__(self) -> str:
        return self.text


def _shown(values: dict, locale: str) -> ShownText:
    text = pick_text(values, locale)
    lang = picked_language(values, locale)
    return ShownText(text, lang if lang and lang != locale else None)


def _url(endpoint: str, **values) -> str | None:
    if endpoint not in current_app.view_functions:
        return None
    return url_for(endpoint, **values)


def _present(result: MatchResult, locale: str) -> list[dict]:
    """What the results list shows; templates never touch the models."""
    shown = []
    for item in result.results:
        org = item.organization
        shown.append(
            {
                "id": org.public_id,
                "name": _shown(org.name, locale),
                "url": _url("directory.organization", public_id=org.public_id),
                "reasons": item.reasons,
                "warnings": item.warnings,
                "services": [
                    {
                        "id": s.service.public_id,
                        "name": _shown(s.service.name, locale),
                        "url": _url("directory.activity", public_id=s.service.public_id),
                        "reasons": s.explanation.reasons,
                        "warnings": s.explanation.warnings,
                    }
                    for s in item.services
                ],
            }
        )
    return shown


def _render(template: str, *, koto: bool):
    locale = get_locale()
    status = 200
    problem: InvalidParameter | None = None
    query = MatchQuery()
    page = 1
    result = None
    unavailable = False
    try:
        args, page = _page_args(request.args)
        query = parse_match_args(args)
    except InvalidParameter as exc:
        problem = exc
        status = 400
    if problem is None and not query.is_empty:
        try:
            result = match(query, locale)
        except SearchUnavailable:
            unavailable = True
            status = 503
    kept = [(k, v) for k, v in request.args.items(multi=True) if k in KEPT_PARAMS]

    def page_url(number: int) -> str:
        endpoint = "search.match" if koto else "search.public"
        return url_for(endpoint) + "?" + urlencode([*kept, ("page", number)])

    refer_endpoint = None
    if koto and "referrals.new" in current_app.view_functions and can_refer(current_user):
        refer_endpoint = "referrals.new"

    def refer_url(org_id: str, service_id: str) -> str:
        context = [("organization", org_id), ("service", service_id)]
        if query.q:
            context.append(("q", query.q[:500]))
        context.extend(("lang", code) for code in query.languages)
        if query.municipality:
            context.append(("municipality", query.municipality))
        context.extend(("theme", code) for code in query.themes)
        return url_for(refer_endpoint) + "?" + urlencode(context)

    pager = None
    if result is not None:
        pager = Pager(page=page, pages=max(1, min(MAX_PAGE, ceil(result.total / PER_PAGE))))
    return (
        render_template(
            template,
            koto=koto,
            query=query,
            raw=request.args,
            problem=problem,
            result=result,
            shown=_present(result, locale) if result is not None else [],
            needs_labels=[
                themes()[code].label(locale)
                for code in (result.needs.theme_codes if result else [])
            ],
            unavailable=unavailable,
            pager=pager,
            page_url=page_url,
            first=(page - 1) * PER_PAGE + 1,
            refer_url=refer_url if refer_endpoint else None,
            options=_options(locale),
            has_directory="directory.organization" in current_app.view_functions,
        ),
        status,
    )


@search_bp.get("/search")
def public():
    """Public search: the same engine as the KOTO page, without referral actions."""
    return _render("search/public.html", koto=False)


@search_bp.get("/koto/match", endpoint="match")
@permission_required(can_match_clients)
def match_page():
    """The KOTO worker's matching page: a client's needs, languages and municipality."""
    return _render("search/match.html", koto=True)
