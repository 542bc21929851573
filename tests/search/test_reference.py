"""The ranking engine against a brute-force reference on a random directory.

The reference applies the rules of :mod:`coact.search.rules` to every activity
row by row, with plain Python sorting, and must give the same organisations in
the same order (and the same total) as the tiered engine.
"""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from coact.extensions import db
from coact.models import AREA_MUNICIPALITY, Organization, utcnow
from coact.reference import county_of
from coact.search.rules import (
    LANG_NONE,
    PLACE_ELSEWHERE,
    Client,
    activity_ages,
    is_stale,
    language_tier,
    place_tier,
    target_group_fits,
)
from tests.factories import make_organization, make_service
from tests.search.conftest import org_ids

LANGS = ["fi", "en", "ar", "so", "ru", "uk"]
MUNIS = ["091", "049", "257", "092", "837", "564"]
THEMES = ["mental_health", "peer_support", "food_aid", "homework_help"]
GROUPS = ["women", "men", "children", "youth", "seniors", "families"]


def build(rng: random.Random) -> None:
    for _ in range(25):
        org = make_organization()
        for _ in range(rng.randint(1, 3)):
            service = make_service(
                org,
                name={"fi": "Toiminta"},
                description={"fi": "Tervetuloa mukaan."},
                languages=rng.sample(LANGS, rng.randint(1, 2)),
                interpreter_languages=rng.sample(LANGS, 1) if rng.random() < 0.3 else [],
                themes=rng.sample(THEMES, rng.randint(1, 2)),
                target_groups=rng.sample(GROUPS, 1) if rng.random() < 0.3 else [],
                areas=[(AREA_MUNICIPALITY, rng.choice(MUNIS))],
                online=rng.random() < 0.15,
                status="active" if rng.random() < 0.9 else "inactive",
            )
            if rng.random() < 0.25:
                service.updated_at = utcnow() - timedelta(days=500)
                service.created_at = service.updated_at
    db.session.commit()


def reference(client: Client, themes: list[str]) -> tuple[int, list[str]]:
    best: dict[int, tuple] = {}
    public: dict[int, str] = {}
    for org in db.session.scalars(db.select(Organization)):
        for s in org.services:
            if not (s.is_active and org.is_active):
                continue
            matched = [code for code in themes if code in s.themes]
            if not matched:
                continue
            if not target_group_fits(client, s.target_groups, s.minimum_age, s.maximum_age):
                continue
            municipalities = [a.code for a in s.areas]
            counties = [county_of(m) for m in municipalities]
            lang, _ = language_tier(client, s.languages, s.interpreter_languages)
            place = place_tier(client, municipalities, counties, s.online)
            fresh = 0 if is_stale(s.updated_at) else 1
            lo, hi = activity_ages(s.target_groups, s.minimum_age, s.maximum_age)
            if client.target_group in s.target_groups:
                fit = 2
            elif not s.target_groups and (
                client.ages() or (lo, hi) == activity_ages([], None, None)
            ):
                fit = 1
            else:
                fit = 0
            key = (
                int(lang > LANG_NONE),
                int(place > PLACE_ELSEWHERE),
                fresh,
                lang,
                place,
                fit,
                round(len(matched) / len(themes), 6),
            )
            public[org.id] = org.public_id
            if org.id not in best or key > best[org.id]:
                best[org.id] = key
    ordered = sorted(best, key=lambda org_id: (tuple(-x for x in best[org_id]), org_id))
    return len(best), [public[org_id] for org_id in ordered]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_engine_matches_the_reference(activity, search, seed):
    rng = random.Random(seed)
    build(rng)
    for _ in range(8):
        client = Client(
            languages=tuple(rng.sample(LANGS, rng.randint(0, 2))),
            municipality=rng.choice([*MUNIS, None]),
            target_group=rng.choice([*GROUPS, None]),
        )
        themes = rng.sample(THEMES, rng.randint(1, 2))
        params = {"theme": themes, "limit": 50}
        if client.languages:
            params["lang"] = list(client.languages)
        if client.municipality:
            params["municipality"] = client.municipality
        if client.target_group:
            params["target_group"] = client.target_group
        body = search(**params)
        total, expected = reference(client, themes)
        assert body["total"] == total
        assert org_ids(body) == expected[:50]
