"""Error responses: a page in the user's language, or JSON under ``/api/``.

API clients get ``{"error": {"code": ..., "message": ...}}`` with a stable code;
people get a page that says what happened and where to go next, in the locale
of the address even when the address matched no page.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, Response, current_app, g, jsonify, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_babel import refresh
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from coact.extensions import db
from coact.i18n import enabled_locales


@dataclass(frozen=True)
class ErrorText:
    #: Stable machine-readable code for API clients.
    code: str
    title: str
    message: str


ERRORS: dict[int, ErrorText] = {
    400: ErrorText(
        "bad_request",
        _l("The request was not valid"),
        _l("Something in the address or the form was not valid. Go back and try again."),
    ),
    403: ErrorText(
        "forbidden",
        _l("Access denied"),
        _l("You do not have permission to open this page."),
    ),
    404: ErrorText(
        "not_found",
        _l("Page not found"),
        _l("There is no page at this address. It may have moved, or the address may have a typo."),
    ),
    405: ErrorText(
        "method_not_allowed",
        _l("Request not allowed"),
        _l("This address does not accept this kind of request."),
    ),
    410: ErrorText("gone", _l("Page removed"), _l("This page has been removed.")),
    413: ErrorText("payload_too_large", _l("Too much data"), _l("The data sent was too large.")),
    429: ErrorText(
        "too_many_requests",
        _l("Too many requests"),
        _l("Too many requests were sent in a short time. Wait a moment and try again."),
    ),
    500: ErrorText(
        "internal_error",
        _l("Something went wrong"),
        _l("Something went wrong on our side and the error was logged. Please try again later."),
    ),
}
CSRF_ERROR = ErrorText(
    "csrf_failed",
    _l("The form has expired"),
    _l(
        "The form had expired or did not come from this site. "
        "Go back, reload the page and send the form again."
    ),
)
OTHER_ERROR = ErrorText(
    "error", _l("The request could not be completed"), _l("Go back and try again.")
)

_NOT_COPIED_HEADERS = {"content-type", "content-length"}


def is_api_request() -> bool:
    return request.path == "/api" or request.path.startswith("/api/")


def error_text(error: HTTPException) -> ErrorText:
    """Our text for ``error``; a description given to ``abort()`` replaces the message."""
    if isinstance(error, CSRFError):
        return CSRF_ERROR
    text = ERRORS.get(error.code or 500, OTHER_ERROR)
    if error.description and error.description != type(error).description:
        return ErrorText(text.code, text.title, error.description)
    return text


def _locale_from_path() -> None:
    """Show the page in the address's locale also when no route matched ``/sv/…``."""
    if g.get("lang") is not None:
        return
    first = request.path.strip("/").split("/", 1)[0]
    if first in enabled_locales():
        g.lang = first
        refresh()


def _login_url(code: int) -> str | None:
    """Where an anonymous visitor who was refused can log in."""
    if code != 403 or "auth.login" not in current_app.view_functions:
        return None
    return None if current_user.is_authenticated else url_for("auth.login")


def error_response(error: HTTPException) -> Response:
    code = error.code or 500
    text = error_text(error)
    if is_api_request():
        response = jsonify(error={"code": text.code, "message": str(text.message)})
    else:
        _locale_from_path()
        response = current_app.make_response(
            render_template(
                "errors/error.html", status=code, error=text, login_url=_login_url(code)
            )
        )
    response.status_code = code
    for name, value in error.get_headers():
        if name.lower() not in _NOT_COPIED_HEADERS:
            response.headers[name] = value
    return response


def handle_server_error(error: InternalServerError) -> Response:
    """The request's session may be broken: roll it back before the page asks for anything."""
    db.session.rollback()
    try:
        return error_response(error)
    except Exception:  # the layout itself failed: still answer, in plain text
        current_app.logger.exception("Rendering the error page failed")
        text = ERRORS[500]
        return Response(f"{text.title}\n\n{text.message}\n", 500, mimetype="text/plain")


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, error_response)
    app.register_error_handler(InternalServerError, handle_server_error)
