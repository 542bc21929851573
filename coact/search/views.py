"""Search pages: the public search and the KOTO worker's matching page."""

from __future__ import annotations

from flask import Blueprint, render_template, request

search_bp = Blueprint("search", __name__, url_prefix="/<lang>")


@search_bp.get("/search")
def public():
    """Public search: the same engine as the KOTO page, without referral actions."""
    return render_template("search/public.html", args=request.args)
