"""One commit point per request.

Services add, change and ``flush()`` but never commit. The request commits once
when the response is a success or a redirect and rolls back otherwise; work that
must only happen after the data is safely stored (e-mail) is queued with
:func:`after_commit`.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, Response, g

from coact.extensions import db


def after_commit(action: Callable[[], None]) -> None:
    """Run ``action`` once the request's transaction has committed."""
    if "after_commit" not in g:
        g.after_commit = []
    g.after_commit.append(action)


def init_app(app: Flask) -> None:
    @app.after_request
    def commit_or_roll_back(response: Response) -> Response:
        if response.status_code < 400:
            db.session.commit()
            for action in g.pop("after_commit", []):
                action()
        else:
            db.session.rollback()
            g.pop("after_commit", None)
        return response
