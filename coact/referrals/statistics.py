"""Anonymous referral statistics with small counts suppressed.

A count from 1 to 4 could point to a person, so it is shown as "fewer than 5". When
a breakdown would then have a single hidden cell next to a visible total, the next
smallest cell is hidden too, so the hidden one cannot be worked out by subtraction.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from coact.extensions import db
from coact.models import Organization, utcnow
from coact.models.referrals import STATUS_DRAFT, Referral

SMALL_COUNT = 5
#: A hidden count, shown as "fewer than 5".
SUPPRESSED = None


def suppress(count: int) -> int | None:
    return SUPPRESSED if 0 < count < SMALL_COUNT else count


def suppress_breakdown(counts: dict[str, int]) -> dict[str, int | None]:
    """Each count suppressed, plus one more when a lone hidden cell could be derived."""
    shown = {key: suppress(value) for key, value in counts.items()}
    hidden = [key for key, value in shown.items() if value is SUPPRESSED]
    if len(hidden) == 1 and suppress(sum(counts.values())) is not SUPPRESSED:
        visible = [(value, key) for key, value in shown.items() if value]
        if visible:
            shown[min(visible)[1]] = SUPPRESSED
    return shown


@dataclass(frozen=True)
class Breakdown:
    total: int | None
    by_status: dict[str, int | None]
    by_theme: dict[str, int | None]
    by_language: dict[str, int | None]
    #: Keyed by organisation public id; ``organizations`` gives the records.
    by_organization: dict[str, int | None]
    organizations: dict[str, Organization]
    since: datetime


def referral_statistics(
    *,
    county_codes: list[str] | None = None,
    organization_ids: list[int] | None = None,
    months: int = 12,
    now: datetime | None = None,
) -> Breakdown:
    """Sent referrals of the last ``months`` in the given counties and/or to the given
    organisations, counted by status, theme, client language and organisation."""
    now = now or utcnow()
    since = now - timedelta(days=round(months * 30.44))
    query = db.select(Referral).where(Referral.status != STATUS_DRAFT, Referral.sent_at >= since)
    if county_codes is not None:
        query = query.where(Referral.county_code.in_(county_codes))
    if organization_ids is not None:
        query = query.where(Referral.organization_id.in_(organization_ids))
    referrals = db.session.scalars(query).all()
    by_status = Counter(r.status for r in referrals)
    by_theme = Counter(code for r in referrals for code in r.themes)
    by_language = Counter(code for r in referrals for code in r.languages)
    by_org = Counter(r.organization_id for r in referrals if r.organization_id is not None)
    orgs = {
        o.id: o
        for o in db.session.scalars(db.select(Organization).where(Organization.id.in_(by_org)))
    }
    return Breakdown(
        total=suppress(len(referrals)),
        by_status=suppress_breakdown(dict(by_status)),
        by_theme={k: suppress(v) for k, v in by_theme.most_common()},
        by_language={k: suppress(v) for k, v in by_language.most_common()},
        by_organization=suppress_breakdown({orgs[k].public_id: v for k, v in by_org.most_common()}),
        organizations={o.public_id: o for o in orgs.values()},
        since=since,
    )
