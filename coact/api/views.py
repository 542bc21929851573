"""``GET /api/v1/match``: organisations ranked for a client's needs, with reasons.

Texts (names, reasons, warnings) come in the ``locale`` parameter's language,
else the best of the ``Accept-Language`` header, else the default locale.
Every problem with the parameters is a 400 with a stable ``error.code``.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from werkzeug.routing import BuildError

from coact.i18n import enabled_locales
from coact.reference import pick_text
from coact.search.engine import SearchUnavailable
from coact.search.params import InvalidParameter, parse_match_args
from coact.search.services import MatchResult, match

api_bp = Blueprint("api", __name__, url_prefix="/api/v1")


def error(status: int, code: str, message: str, **extra) -> Response:
    body = {"code": code, "message": message, **extra}
    response = jsonify(error=body)
    response.status_code = status
    return response


def api_locale() -> str:
    requested = (request.args.get("locale") or "").strip()
    if requested:
        if requested not in enabled_locales():
            raise InvalidParameter(
                "invalid_locale",
                "locale",
                f"Unknown locale {requested[:20]!r}; use one of {', '.join(enabled_locales())}.",
            )
        return requested
    best = request.accept_languages.best_match(enabled_locales())
    return best or current_app.config["COACT"].default_locale


def _organization_url(public_id: str, locale: str) -> str | None:
    try:
        return url_for("directory.organization", lang=locale, public_id=public_id, _external=False)
    except BuildError:
        return None


def result_json(result: MatchResult, locale: str) -> dict:
    results = []
    for item in result.results:
        org = item.organization
        organization = {"id": org.public_id, "name": pick_text(org.name, locale)}
        url = _organization_url(org.public_id, locale)
        if url:
            organization["url"] = url
        results.append(
            {
                "organization": organization,
                "score": item.score,
                "services": [
                    {
                        "id": s.service.public_id,
                        "name": pick_text(s.service.name, locale),
                        "reasons": s.explanation.reasons,
                        "warnings": s.explanation.warnings,
                        "match": s.explanation.facts,
                    }
                    for s in item.services
                ],
                "reasons": item.reasons,
                "warnings": item.warnings,
            }
        )
    return {
        "total": result.total,
        "limit": result.query.limit,
        "offset": result.query.offset,
        "needs": result.needs.theme_codes,
        "results": results,
    }


@api_bp.get("/match")
def match_view():
    try:
        locale = api_locale()
        with force_locale(locale):
            query = parse_match_args(request.args)
    except InvalidParameter as exc:
        return error(400, exc.code, exc.message, parameter=exc.parameter)
    try:
        result = match(query, locale)
    except SearchUnavailable:
        with force_locale(locale):
            return error(
                503, "index_unavailable", _("Search is starting up. Try again in a moment.")
            )
    return jsonify(result_json(result, locale))
