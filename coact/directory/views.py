"""Public directory pages: no login, in every enabled locale."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask_babel import ngettext

from coact import i18n
from coact.directory import presenters, services
from coact.directory.filters import ListQuery, Problem, parse_list_query
from coact.reference import language_name, municipalities, target_groups, themes

bp = Blueprint("directory", __name__)

SEARCH_ENDPOINT = "search.public"


def _with_query(url: str, params: dict) -> str:
    """``url`` with query parameters; built by hand because the ``lang`` filter
    would otherwise be taken for the locale in the path."""
    params = {name: value for name, value in params.items() if value not in (None, "")}
    return f"{url}?{urlencode(params)}" if params else url


def _browse_endpoint() -> str:
    """Where searching and browsing by theme lead: the search page when installed."""
    return (
        SEARCH_ENDPOINT
        if SEARCH_ENDPOINT in current_app.view_functions
        else "directory.organizations"
    )


@bp.get("/")
def root():
    response = redirect(url_for("directory.home", lang=i18n.get_locale()))
    response.vary.add("Accept-Language")
    response.vary.add("Cookie")
    return response


@bp.get("/<lang>")
def home_without_slash():
    """``/fi`` → ``/fi/``; any other one-segment address is a plain 404 (unknown locale)."""
    return redirect(url_for("directory.home"), 308)


@bp.get("/<lang>/")
def home():
    locale = i18n.get_locale()
    browse = url_for(_browse_endpoint())
    theme_links = sorted(
        (
            (term.label(locale), _with_query(browse, {"theme": code}))
            for code, term in themes().items()
        ),
        key=lambda pair: pair[0].casefold(),
    )
    return render_template(
        "public/home.html",
        search_action=browse,
        theme_links=theme_links,
        size=services.directory_size(),
    )


def _filter_options(query: ListQuery, locale: str) -> dict:
    """Choices of the filter form, labelled in the UI locale and sorted by label."""
    language_codes = set(services.directory_languages())
    if query.filters.language:
        language_codes.add(query.filters.language)

    def by_label(pairs):
        return sorted(pairs, key=lambda pair: pair[1].casefold())

    return {
        "municipalities": by_label((m.code, m.label(locale)) for m in municipalities().values()),
        "languages": by_label((code, language_name(code, locale)) for code in language_codes),
        "themes": by_label((code, term.label(locale)) for code, term in themes().items()),
        "target_groups": by_label(
            (code, term.label(locale)) for code, term in target_groups().items()
        ),
    }


@bp.get("/<lang>/organizations")
def organizations():
    locale = i18n.get_locale()
    query = parse_list_query(request.args)
    results = None
    if not query.problems:
        try:
            results = services.list_organizations(query.filters, locale, page=query.page)
        except services.PageOutOfRange as exc:
            query.problems.append(
                Problem(
                    None,
                    ngettext(
                        "There is no page %(page)d: the results fit on %(num)d page.",
                        "There is no page %(page)d: the results fit on %(num)d pages.",
                        exc.pages,
                        page=exc.page,
                    ),
                )
            )
    list_url = url_for("directory.organizations")
    summaries = [
        presenters.organization_summary(org, locale) for org in (results.items if results else [])
    ]
    html = render_template(
        "public/organizations.html",
        query=query,
        results=results,
        summaries=summaries,
        options=_filter_options(query, locale),
        clear_url=list_url,
        page_url=lambda number: _with_query(list_url, {**query.params, "page": number}),
    )
    return html, 400 if query.problems else 200


@bp.get("/<lang>/organizations/<public_id>")
def organization(public_id: str):
    org = services.get_organization(public_id)
    if org is None:
        abort(404)
    locale = i18n.get_locale()
    page = presenters.organization_page(org, locale)
    if not page.active:
        return render_template("public/unavailable.html", kind="organization", page=page), 404
    page_url = url_for("directory.organization", public_id=org.public_id, _external=True)
    return render_template(
        "public/organization.html",
        page=page,
        jsonld=presenters.organization_jsonld(org, locale, page_url),
    )


@bp.get("/<lang>/activities/<public_id>")
def activity(public_id: str):
    service = services.get_service(public_id)
    if service is None:
        abort(404)
    locale = i18n.get_locale()
    page = presenters.activity_page(service, locale)
    if not page.active:
        return render_template("public/unavailable.html", kind="activity", page=page), 404
    page_url = url_for("directory.activity", public_id=service.public_id, _external=True)
    org_url = url_for(
        "directory.organization", public_id=service.organization.public_id, _external=True
    )
    return render_template(
        "public/activity.html",
        page=page,
        jsonld=presenters.service_jsonld(service, locale, page_url, org_url),
    )
