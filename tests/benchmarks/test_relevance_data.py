"""The relevance development set is consistent: sizes, query mix, valid HSDS,
judgments that follow from the ground truth, and a generator that reproduces it.

No engine is run here; benchmarks/relevance.py measures the engine.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from functools import cache
from pathlib import Path

from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from coact.reference import (
    county_of,
    municipality,
    normalise_language_code,
    target_groups,
    terms,
    themes,
)

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "benchmarks" / "data" / "relevance"
SCHEMAS = ROOT / "coact" / "data" / "hsds" / "schema"
FILES = ("directory.json", "queries.json", "truth.json")


@cache
def load(name: str):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@cache
def validators() -> tuple[Draft7Validator, Draft7Validator]:
    registry = Registry()
    for path in sorted(SCHEMAS.glob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        registry = registry.with_resource(
            path.name, Resource.from_contents(contents, default_specification=DRAFT7)
        )

    def validator(name: str) -> Draft7Validator:
        schema = registry.contents(name)
        return Draft7Validator(
            schema, registry=registry, format_checker=Draft7Validator.FORMAT_CHECKER
        )

    return validator("organization.json"), validator("service.json")


def test_sizes():
    assert len(load("directory.json")) >= 200
    assert len(load("queries.json")) >= 50


def test_queries_are_written_mostly_in_finnish():
    languages = Counter(
        load("truth.json")["queries"][q["id"]]["text_lang"] for q in load("queries.json")
    )
    total = sum(languages.values())
    assert 0.62 <= languages["fi"] / total <= 0.78
    assert 0.14 <= languages["en"] / total <= 0.26
    assert 0.06 <= languages["sv"] / total <= 0.14


def test_queries_are_well_formed():
    queries = load("queries.json")
    assert len({q["id"] for q in queries}) == len(queries)
    for query in queries:
        assert set(query) <= {"id", "q", "lang", "municipality", "target_group", "judgments"}
        assert query["q"].strip()
        assert query["lang"] and all(normalise_language_code(c) == c for c in query["lang"])
        assert municipality(query["municipality"]) is not None
        assert query.get("target_group") in {None, *target_groups()}
        assert set(query["judgments"].values()) <= {1, 2, 3}
        assert 3 in query["judgments"].values(), query["id"]


def test_every_judged_organisation_exists():
    ids = {org["id"] for org in load("directory.json")}
    for query in load("queries.json"):
        assert set(query["judgments"]) <= ids, query["id"]


def test_every_organisation_validates_against_the_hsds_schemas():
    organization, service = validators()
    problems = []
    for org in load("directory.json"):
        without_services = {k: v for k, v in org.items() if k != "services"}
        problems += [
            f"{org['id']}: {e.message}" for e in organization.iter_errors(without_services)
        ]
        for item in org["services"]:
            problems += [f"{item['id']}: {e.message}" for e in service.iter_errors(item)]
    assert problems == []


def test_profile_codes_are_known():
    known = {
        "coact-theme": set(themes()),
        "coact-target-group": set(target_groups()),
        "coact-feature": set(terms("coact-feature")),
    }
    for org in load("directory.json"):
        for item in org["services"]:
            for attribute in item.get("attributes", []):
                term = attribute["taxonomy_term"]
                if term["taxonomy"] == "coact-interpreter-language":
                    assert normalise_language_code(term["code"]), term
                else:
                    assert term["code"] in known[term["taxonomy"]], term
            for area in item.get("service_areas", []):
                if "/kunta_" in area.get("uri", ""):
                    assert municipality(area["uri"].rsplit("/", 1)[1]) is not None, area
            for entry in item.get("languages", []):
                assert normalise_language_code(entry["code"]), entry


def test_texts_are_unique_and_half_the_needs_are_undeclared():
    services = [s for org in load("directory.json") for s in org["services"]]
    descriptions = [s["description"] for s in services]
    assert len(set(descriptions)) == len(descriptions)
    undeclared = [
        s
        for s in services
        if not any(a["taxonomy_term"]["taxonomy"] == "coact-theme" for a in s.get("attributes", []))
    ]
    assert 0.4 <= len(undeclared) / len(services) <= 0.6


# -- the grading rules of benchmarks/data/relevance/README.md, written again ----------

GROUP_AGES = {"children": (0, 12), "youth": (13, 29), "seniors": (65, None)}


def _disjoint(a, b) -> bool:
    return (a[1] is not None and b[0] is not None and a[1] < b[0]) or (
        b[1] is not None and a[0] is not None and b[1] < a[0]
    )


def _membership(client: dict, group: str) -> str:
    if group in ("women", "men"):
        said = client.get("gender")
        if said is None:
            return "unknown"
        return "in" if said == {"women": "f", "men": "m"}[group] else "out"
    if group in GROUP_AGES:
        ages, limits = tuple(client["ages"]), GROUP_AGES[group]
        if _disjoint(ages, limits):
            return "out"
        inside = ages[0] >= limits[0] and (
            limits[1] is None or (ages[1] is not None and ages[1] <= limits[1])
        )
        return "in" if inside else "unknown"
    if group == "asylum_seekers":
        return "out"
    return "in" if client.get({"families": "family", "lgbtq": "lgbtq"}[group]) else "unknown"


def _fits(area: str, home: str) -> bool:
    kind, code = area.split(":")
    if kind == "municipality":
        return code == home or county_of(code) == county_of(home)
    return kind == "county" and code == county_of(home)


def _grade(service: dict, query: dict, intent: dict) -> int:
    if service["status"] != "active" or service["stale"]:
        return 0
    if not set(service["themes"]) & set(intent["needs"]):
        return 0
    client = intent["client"]
    if _disjoint(tuple(client["ages"]), (service["minimum_age"], service["maximum_age"])):
        return 0
    partly = 0
    memberships = [_membership(client, g) for g in service["target_groups"]]
    if memberships and "in" not in memberships:
        if set(memberships) == {"out"}:
            return 0
        partly += 1
    own = {c for c in query["lang"] if c not in ("fi", "en")} or set(query["lang"])
    fallback = set(query["lang"]) - own
    if not set(service["languages"]) & own:
        if not (
            set(service["interpreter_languages"]) & own or set(service["languages"]) & fallback
        ):
            return 0
        partly += 1
    if not any(_fits(a, query["municipality"]) for a in service["areas"]):
        if not (service["online"] or "nationwide:FI" in service["areas"]):
            return 0
        partly += 1
    return 3 - min(partly, 2)


def test_judgments_follow_from_the_ground_truth():
    truth = load("truth.json")
    for query in load("queries.json"):
        intent = truth["queries"][query["id"]]
        expected = {}
        for org_id, org in truth["organizations"].items():
            grade = max(_grade(s, query, intent) for s in org["services"].values())
            if grade:
                expected[org_id] = grade
        assert query["judgments"] == expected, query["id"]


def test_stale_and_inactive_organisations_are_never_judged():
    truth = load("truth.json")["organizations"]
    dead = {
        org_id
        for org_id, org in truth.items()
        if all(s["status"] != "active" or s["stale"] for s in org["services"].values())
    }
    assert len(dead) >= 20
    for query in load("queries.json"):
        assert not dead & set(query["judgments"]), query["id"]


def test_the_generator_reproduces_the_files(tmp_path):
    subprocess.run(
        [sys.executable, str(DATA / "generate.py"), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
        env={"PYTHONHASHSEED": "123", "PATH": ""},
    )
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), (
            f"{name} is not what generate.py writes: run python {DATA / 'generate.py'}"
        )
