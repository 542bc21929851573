"""Matching as a service: a checked query in, ranked organisations with reasons out.

The API and both search pages call :func:`match`; only their presentation differs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from flask_babel import force_locale

from coact.extensions import db
from coact.models import Organization, Service
from coact.search.documents import day_number, is_indexed, services_by_id
from coact.search.engine import get_engine
from coact.search.needs import Needs, understand
from coact.search.params import MatchQuery
from coact.search.ranking import Plan, rank
from coact.search.reasons import Explanation, explain
from coact.search.rules import Client, stale_after

FAMILIES = "families"
#: Matching activities shown per organisation (the best ones).
MAX_SERVICES = 5


@dataclass
class ServiceResult:
    service: Service
    explanation: Explanation


@dataclass
class OrganizationResult:
    organization: Organization
    score: float
    services: list[ServiceResult]
    reasons: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class MatchResult:
    query: MatchQuery
    total: int
    results: list[OrganizationResult]
    needs: Needs
    client: Client


def client_of(query: MatchQuery, needs: Needs) -> Client:
    """The client as the form says; languages and municipality the text names
    fill in what the form leaves empty, and gender and age words refine it."""
    return Client(
        languages=query.languages or tuple(needs.languages),
        municipality=query.municipality or needs.municipality,
        target_group=query.target_group,
        said_gender=needs.gender,
        # A family's description names its children: their ages are not the client's.
        said_ages=needs.ages if query.target_group != FAMILIES else None,
    )


def match(query: MatchQuery, locale: str) -> MatchResult:
    """Ranked organisations for ``query``, with reasons and warnings in ``locale``."""
    needs = understand(query.q, list(query.themes))
    client = client_of(query, needs)
    now = datetime.now(UTC)
    plan = Plan.make(needs, client, fresh_since=day_number(now - stale_after()))
    engine = get_engine()
    with engine.search_lock():
        ranking = rank(plan, engine.snapshot(), limit=query.limit, offset=query.offset)
    services = services_by_id(
        db.session, [doc.service_id for hit in ranking.hits for doc in hit.docs[:MAX_SERVICES]]
    )
    results: list[OrganizationResult] = []
    with force_locale(locale):
        for hit in ranking.hits:
            found: list[ServiceResult] = []
            for doc in hit.docs[:MAX_SERVICES]:
                service = services.get(doc.service_id)
                if service is None or service.organization_id != hit.org_id:
                    continue
                if not is_indexed(service):  # changed since the index saw it
                    continue
                found.append(
                    ServiceResult(
                        service,
                        explain(service, doc.facts, client, needs, doc.matched, locale, now),
                    )
                )
            if not found:
                continue
            best = found[0].explanation
            results.append(
                OrganizationResult(
                    organization=found[0].service.organization,
                    score=hit.score,
                    services=found,
                    reasons=list(best.reasons),
                    warnings=list(best.warnings),
                )
            )
    return MatchResult(
        query=query, total=ranking.total, results=results, needs=needs, client=client
    )
