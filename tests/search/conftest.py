"""Fixtures for matching tests: activities in a few lines, searches through the API."""

from __future__ import annotations

from datetime import timedelta

import pytest
from flask_babel import refresh

from coact.extensions import db
from coact.models import AREA_COUNTY, AREA_MUNICIPALITY, AREA_NATIONWIDE, utcnow
from tests.factories import make_organization, make_service

HELSINKI = "091"
ESPOO = "049"
KIRKKONUMMI = "257"  # in the same wellbeing services county as Espoo (03)
TAMPERE = "837"


@pytest.fixture
def app_config() -> dict:
    """Check the change log before every search, so tests see their own writes."""
    return {"SEARCH_SYNC_INTERVAL": 0}


@pytest.fixture
def activity():
    """Create and commit an organisation with one activity; returns the activity.

    ``municipality``/``county``/``nationwide`` give its area; any Service column
    may be passed (``name``/``description`` as plain Finnish strings).
    """

    def make(
        name: str,
        description: str = "",
        *,
        languages=("fi",),
        municipality: str | None = HELSINKI,
        county: str | None = None,
        nationwide: bool = False,
        org=None,
        org_name: str | None = None,
        updated_days_ago: int | None = None,
        **kw,
    ):
        if org is None:
            org = make_organization(**({"name": {"fi": org_name}} if org_name else {}))
        areas = []
        if municipality:
            areas.append((AREA_MUNICIPALITY, municipality))
        if county:
            areas.append((AREA_COUNTY, county))
        if nationwide:
            areas.append((AREA_NATIONWIDE, "FI"))
        service = make_service(
            org,
            name={"fi": name},
            description={"fi": description} if description else {},
            languages=languages,
            areas=areas,
            **kw,
        )
        if updated_days_ago is not None:
            when = utcnow() - timedelta(days=updated_days_ago)
            service.updated_at = when
            service.created_at = when
        db.session.commit()
        return service

    return make


@pytest.fixture
def search(client):
    """GET /api/v1/match with keyword arguments (lists repeat); returns the JSON body."""

    def run(expect: int = 200, **params):
        query = []
        for key, value in params.items():
            for item in value if isinstance(value, list | tuple) else [value]:
                query.append((key, item))
        response = client.get("/api/v1/match", query_string=query)
        refresh()  # requests share the test's app context: forget their locale
        assert response.status_code == expect, response.get_data(as_text=True)
        return response.get_json()

    return run


def org_ids(body: dict) -> list[str]:
    return [r["organization"]["id"] for r in body["results"]]


def service_names(body: dict) -> list[str]:
    return [s["name"] for r in body["results"] for s in r["services"]]
