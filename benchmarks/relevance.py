"""Relevance of ``GET /api/v1/match`` on a judged set: nDCG@10, top-3 hits, wrong languages.

    python benchmarks/relevance.py [--data DIR] [--verbose]

The set (default ``benchmarks/data/relevance/``, format in its README.md) is
imported into a fresh temporary SQLite database with the same command as
``flask --app coact import-hsds DIR/directory.json --lang fi``, the search index
is rebuilt, and every query goes through the API with ``limit=10``. Printed:

* **nDCG@10**: gain 2^grade - 1, discount log2(rank + 1), ideal ranking from the
  judgments; the mean over queries that judge at least one organisation;
* **top-3 hit**: the share of queries with a grade-3 organisation that have one
  in their top 3;
* **wrong-language top-3**: the share of top-3 results none of whose returned
  activities is run in, or interpreted into, any of the client's languages,
  by the set's ground truth (``truth.json`` when the set has one, else the
  languages and interpreter languages declared in ``directory.json``), never by
  the API's own claim.

Targets: nDCG@10 >= 0.85, top-3 hit >= 0.90, wrong-language top-3 = 0. The
script only prints figures; it always exits 0.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_DATA = ROOT / "benchmarks" / "data" / "relevance"
INTERPRETER_TAXONOMY = "coact-interpreter-language"
TARGETS = {"ndcg": 0.85, "hit": 0.90, "wrong": 0.0}


@dataclass
class DataSet:
    directory: list[dict]
    queries: list[dict]
    #: Ground truth per organisation (truth.json), when the set has one.
    truth: dict | None
    #: organisation id -> service id -> languages the service is run in or interpreted into.
    languages: dict[str, dict[str, set[str]]]
    names: dict[str, str]


@dataclass
class QueryOutcome:
    query: dict
    ranked: list[str]
    returned_services: dict[str, list[str]]
    ndcg: float | None
    hit: bool | None
    wrong_language: list[str]
    error: str | None = None
    deeper: list[str] = field(default_factory=list)


def load_set(folder: Path) -> DataSet:
    directory = json.loads((folder / "directory.json").read_text(encoding="utf-8"))
    if isinstance(directory, dict):
        directory = directory.get("contents", [])
    queries = json.loads((folder / "queries.json").read_text(encoding="utf-8"))
    truth_path = folder / "truth.json"
    truth = json.loads(truth_path.read_text(encoding="utf-8")) if truth_path.exists() else None
    return DataSet(
        directory,
        queries,
        truth,
        served_languages(directory, truth),
        {org["id"]: org.get("name", org["id"]) for org in directory},
    )


def served_languages(directory: list[dict], truth: dict | None) -> dict[str, dict[str, set[str]]]:
    """Languages each activity is run in or interpreted into, by the set's ground truth."""
    from coact.reference import normalise_language_code

    if truth is not None:
        return {
            org_id: {
                sid: set(s["languages"]) | set(s["interpreter_languages"])
                for sid, s in org["services"].items()
            }
            for org_id, org in truth["organizations"].items()
        }
    served: dict[str, dict[str, set[str]]] = {}
    for org in directory:
        per_service = served.setdefault(org["id"], {})
        for service in org.get("services", []):
            codes = {
                normalise_language_code(entry.get("code") or "")
                for entry in service.get("languages", [])
            }
            for attribute in service.get("attributes", []):
                term = attribute.get("taxonomy_term") or {}
                if term.get("taxonomy") == INTERPRETER_TAXONOMY:
                    codes.add(normalise_language_code(term.get("code") or ""))
            per_service[service["id"]] = {c for c in codes if c}
    return served


def shift_dates(directory: list[dict], reference: date | None, today: date) -> list[dict]:
    """Move every ``last_modified`` by (today - reference) so the set's fresh/stale split holds."""
    if reference is None:
        return directory
    delta = timedelta(days=(today - reference).days)
    shifted = json.loads(json.dumps(directory))
    for org in shifted:
        for service in org.get("services", []):
            value = service.get("last_modified")
            if value:
                moment = datetime.fromisoformat(value.replace("Z", "+00:00")) + delta
                service["last_modified"] = moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    return shifted


def dcg(grades: list[int]) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


def ndcg_at(ranked: list[str], judgments: dict[str, int], k: int = 10) -> float | None:
    ideal = dcg(sorted(judgments.values(), reverse=True)[:k])
    if ideal == 0:
        return None
    return dcg([judgments.get(org_id, 0) for org_id in ranked[:k]]) / ideal


def wrong_language(
    ranked: list[str],
    returned: dict[str, list[str]],
    query: dict,
    served: dict[str, dict[str, set[str]]],
) -> list[str]:
    """Top-3 organisations none of whose returned activities serves a client language."""
    client = set(query.get("lang") or [])
    wrong = []
    for org_id in ranked[:3]:
        services = served.get(org_id, {})
        ids = [sid for sid in returned.get(org_id, []) if sid in services] or list(services)
        if not any(services[sid] & client for sid in ids):
            wrong.append(org_id)
    return wrong


def make_app(workdir: Path):
    from coact import create_app
    from coact.extensions import db

    app = create_app(
        {
            "TESTING": True,
            "WTF_CSRF_ENABLED": False,
            "COACT_SETTINGS": {
                "database_url": f"sqlite:///{workdir / 'relevance.sqlite3'}",
                "instance_dir": workdir / "instance",
                "index_dir": workdir / "index",
                "env": "benchmark",
            },
        }
    )
    with app.app_context():
        db.create_all()
    return app


def import_directory(app, path: Path) -> str:
    """Import through the ``import-hsds`` command and rebuild the index; the command's output."""
    runner = app.test_cli_runner()
    result = runner.invoke(args=["import-hsds", str(path), "--lang", "fi"])
    if result.exit_code != 0:
        raise RuntimeError(f"import-hsds failed ({result.exit_code}):\n{result.output}")
    summary = result.output.strip().splitlines()[-1] if result.output.strip() else ""
    reindexed = runner.invoke(args=["reindex"])
    if reindexed.exit_code != 0:
        raise RuntimeError(f"reindex failed ({reindexed.exit_code}):\n{reindexed.output}")
    return summary


def match(client, query: dict, limit: int) -> tuple[list[str], dict[str, list[str]], str | None]:
    params: list[tuple[str, str]] = [("q", query["q"]), ("limit", str(limit))]
    params += [("lang", code) for code in query.get("lang") or []]
    if query.get("municipality"):
        params.append(("municipality", query["municipality"]))
    if query.get("target_group"):
        params.append(("target_group", query["target_group"]))
    response = client.get("/api/v1/match", query_string=params)
    body = response.get_json(silent=True) or {}
    if response.status_code != 200:
        return [], {}, f"HTTP {response.status_code}: {json.dumps(body.get('error', body))[:200]}"
    ranked, returned = [], {}
    for item in body.get("results", []):
        org_id = (item.get("organization") or {}).get("id")
        if org_id and org_id not in returned:
            ranked.append(org_id)
            returned[org_id] = [s.get("id") for s in item.get("services", []) if s.get("id")]
    return ranked, returned, None


def run(data: DataSet, verbose: bool, today: date) -> tuple[list[QueryOutcome], dict]:
    reference = None
    if data.truth and data.truth.get("reference_date"):
        reference = date.fromisoformat(data.truth["reference_date"])
    timings: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="coact-relevance-") as tmp:
        workdir = Path(tmp)
        path = workdir / "directory.json"
        path.write_text(
            json.dumps(shift_dates(data.directory, reference, today), ensure_ascii=False),
            encoding="utf-8",
        )
        app = make_app(workdir)
        started = time.perf_counter()
        with app.app_context():
            timings["import_summary"] = import_directory(app, path)  # type: ignore[assignment]
        timings["import_seconds"] = time.perf_counter() - started
        client = app.test_client()
        outcomes = []
        started = time.perf_counter()
        for query in data.queries:
            ranked, returned, error = match(client, query, 10)
            judgments = {k: int(v) for k, v in (query.get("judgments") or {}).items()}
            has_three = 3 in judgments.values()
            outcome = QueryOutcome(
                query=query,
                ranked=ranked,
                returned_services=returned,
                ndcg=ndcg_at(ranked, judgments) if not error else (0.0 if judgments else None),
                hit=(any(judgments.get(o) == 3 for o in ranked[:3]) if has_three else None),
                wrong_language=wrong_language(ranked, returned, query, data.languages),
                error=error,
            )
            if verbose and not error:
                outcome.deeper, _, _ = match(client, query, 50)
            outcomes.append(outcome)
        timings["query_seconds"] = time.perf_counter() - started
        with app.app_context():
            from coact.search.engine import get_engine

            get_engine(app).close()
    return outcomes, timings


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


def report(data: DataSet, outcomes: list[QueryOutcome], timings: dict, verbose: bool) -> None:
    ndcgs = [o.ndcg for o in outcomes if o.ndcg is not None]
    hits = [o.hit for o in outcomes if o.hit is not None]
    top3 = sum(min(3, len(o.ranked)) for o in outcomes)
    wrong = sum(len(o.wrong_language) for o in outcomes)
    errors = [o for o in outcomes if o.error]
    by_lang: dict[str, list[float]] = {}
    for o in outcomes:
        if o.ndcg is not None:
            by_lang.setdefault(query_language(o.query, data), []).append(o.ndcg)

    if verbose:
        for o in outcomes:
            print_query(o, data)
        print()
    print(
        f"Relevance set: {len(data.directory)} organisations, {len(data.queries)} queries "
        f"({timings.get('import_summary', '')})"
    )
    print(
        f"Import + index: {timings['import_seconds']:.1f} s; queries: "
        f"{1000 * timings['query_seconds'] / max(len(outcomes), 1):.0f} ms each on average"
        + (" (with a second, deeper request each for --verbose)" if verbose else "")
    )
    print(
        f"nDCG@10 (gain 2^g-1):   {mean(ndcgs):.3f}  target >= {TARGETS['ndcg']:.2f}  ({len(ndcgs)} queries)"
    )
    print(
        f"top-3 grade-3 hit:      {mean([float(h) for h in hits]):.3f}  target >= {TARGETS['hit']:.2f}  "
        f"({sum(hits)}/{len(hits)} queries)"
    )
    print(
        f"wrong-language top-3:   {wrong / top3 if top3 else 0.0:.3f}  target = 0  ({wrong}/{top3} results)"
    )
    if by_lang:
        print(
            "nDCG@10 by query language: "
            + ", ".join(
                f"{lang} {mean(values):.3f} ({len(values)})"
                for lang, values in sorted(by_lang.items())
            )
        )
    if errors:
        print(f"{len(errors)} queries failed, e.g. {errors[0].query['id']}: {errors[0].error}")


def query_language(query: dict, data: DataSet) -> str:
    if data.truth:
        found = data.truth.get("queries", {}).get(query["id"], {}).get("text_lang")
        if found:
            return found
    return "?"


def print_query(o: QueryOutcome, data: DataSet) -> None:
    query = o.query
    judgments = {k: int(v) for k, v in (query.get("judgments") or {}).items()}
    ndcg = "  -  " if o.ndcg is None else f"{o.ndcg:.3f}"
    hit = "-" if o.hit is None else ("hit" if o.hit else "MISS")
    wrong = f" wrong-lang {len(o.wrong_language)}" if o.wrong_language else ""
    print(
        f"{query['id']:>6} nDCG {ndcg} {hit:>4}{wrong}  {query['q']!r} lang={','.join(query.get('lang', []))} "
        f"muni={query.get('municipality')} group={query.get('target_group') or '-'}"
    )
    if o.error:
        print(f"         error: {o.error}")
        return
    if o.ndcg is not None and o.ndcg >= 0.999 and not o.wrong_language:
        return
    for rank, org_id in enumerate(o.ranked, start=1):
        flag = " WRONG-LANGUAGE" if org_id in o.wrong_language else ""
        print(
            f"         {rank:>2}. g{judgments.get(org_id, 0)} {data.names.get(org_id, org_id)}"
            f"{role(data, org_id)}{flag}"
        )
    missing = [org_id for org_id, g in judgments.items() if g == 3 and org_id not in o.ranked[:10]]
    for org_id in missing:
        where = o.deeper.index(org_id) + 1 if org_id in o.deeper else None
        place = f"rank {where}" if where else "not in the top 50"
        print(
            f"         missed g3 ({place}): {data.names.get(org_id, org_id)}{role(data, org_id)}"
            f"{hidden(data, org_id)}"
        )


def hidden(data: DataSet, org_id: str) -> str:
    """What the HSDS file does not declare about an organisation, by truth.json."""
    org = (data.truth or {}).get("organizations", {}).get(org_id)
    if not org:
        return ""
    notes = {f"text in {org['text_lang']}"}
    for service in org["services"].values():
        said = service.get("hidden", {})
        if said.get("themes"):
            notes.add("needs only in the text")
        if said.get("languages"):
            notes.add("languages only in the text: " + ",".join(said["languages"]))
        if said.get("areas"):
            notes.add("no declared area")
    return f" ({'; '.join(sorted(notes))})"


def role(data: DataSet, org_id: str) -> str:
    if not data.truth:
        return ""
    found = data.truth.get("organizations", {}).get(org_id)
    return f"  [{found['role']}]" if found else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Relevance of /api/v1/match on a judged set.")
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        help="folder with directory.json and queries.json (truth.json optional)",
    )
    parser.add_argument("--verbose", action="store_true", help="print every query and its ranking")
    args = parser.parse_args(argv)
    try:
        data = load_set(args.data)
        outcomes, timings = run(data, args.verbose, datetime.now(UTC).date())
    except Exception as exc:  # a benchmark prints what went wrong instead of failing a build
        print(f"Relevance benchmark could not run: {type(exc).__name__}: {exc}")
        return 0
    report(data, outcomes, timings, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
