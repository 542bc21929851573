"""Speed of matching on synthetic directories, with SQLite FTS5 on the same corpus.

    python benchmarks/search_speed.py [--sizes 10000,100000] [--queries 200] [--seed 7]

For each size (number of activities, about 3.1 per organisation) a seeded
corpus is written into a fresh SQLite database, and the script prints:

* **index build**: a full rebuild of the Whoosh index from the database, as
  ``flask --app coact reindex`` does it (analysis, thesaurus, writing);
* **match latency**, warm (one untimed pass first), p50/p95/max over the timed
  queries: the ranking alone (engine), the service layer (ranking + reading
  the shown activities from the database + reasons), and ``GET /api/v1/match``
  through the Flask test client;
* **update → searchable**: an activity's text is edited through the ORM and
  committed (writing the change log); timed until a search in the same process
  finds the new word, which includes the catch-up, the index commit and the
  searcher refresh;
* **FTS5**: the same analysed terms in an FTS5 table with the tier filters as
  facet tokens inside MATCH (the fastest FTS5 design of SEARCH-NOTES), one
  MATCH per tier until 10 organisations, plus a count of all matching
  organisations (the API reports a total); p50/p95 and our/FTS5 ratio.

Queries: 2–5 words (frequent, medium, rare and theme words), 1–2 client
languages weighted towards migrant languages, a population-weighted
municipality. Figures only; the script always exits 0.
"""

from __future__ import annotations

import argparse
import math
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

LANGUAGES = [
    "fi",
    "en",
    "sv",
    "ar",
    "so",
    "ru",
    "uk",
    "fa",
    "prs",
    "ckb",
    "kmr",
    "ti",
    "et",
    "tr",
    "vi",
    "zh",
    "es",
    "fr",
    "de",
    "sq",
]
LANGUAGE_WEIGHTS = [60, 25, 6, 8, 6, 8, 6, 4, 3, 2, 2, 2, 4, 1, 1, 1, 1, 1, 1, 1]
CLIENT_LANGUAGES = ["ar", "uk", "so", "ru", "fa", "prs", "ckb", "ti", "kmr", "et", "fi", "en"]
CLIENT_WEIGHTS = [20, 15, 12, 12, 8, 6, 5, 5, 3, 4, 5, 5]
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ne",
    "ta",
    "su",
    "ri",
    "va",
    "ko",
    "hu",
    "pe",
    "ja",
    "ly",
    "sä",
    "to",
    "ni",
    "ma",
    "ke",
    "ra",
    "ho",
    "li",
    "nu",
    "pa",
    "se",
    "vi",
    "tu",
    "mo",
    "le",
]


def pseudo_word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


class Corpus:
    """A seeded directory: the first N activities are the same for every size."""

    def __init__(self, seed: int) -> None:
        from coact.reference import municipalities, themes
        from coact.search.thesaurus import thesaurus

        rng = random.Random(seed)
        self.vocabulary = list(dict.fromkeys(pseudo_word(rng) for _ in range(60000)))[:20000]
        self.zipf = [1 / (rank + 1) ** 1.05 for rank in range(len(self.vocabulary))]
        self.themes = list(themes())
        by_theme: dict[str, list[str]] = {}
        for entry in thesaurus().entries:
            if entry.language == "fi" and len(entry.words) == 1:
                by_theme.setdefault(entry.theme, []).append(entry.text)
        self.theme_words = {code: words[:6] for code, words in by_theme.items()}
        munis = sorted(municipalities().values(), key=lambda m: m.code)
        # Population-like weights: a few big towns dominate (Helsinki ~14%).
        self.municipalities = [m.code for m in munis]
        big = {
            "091": 140,
            "049": 60,
            "837": 55,
            "092": 50,
            "564": 45,
            "853": 40,
            "179": 30,
            "398": 25,
            "297": 25,
            "109": 12,
            "405": 15,
            "743": 12,
            "286": 15,
            "609": 12,
        }
        self.muni_weights = [big.get(code, 1.2) for code in self.municipalities]
        self.seed = seed

    def text(self, rng: random.Random, themes: list[str]) -> str:
        words = rng.choices(self.vocabulary, weights=self.zipf, k=rng.randint(40, 150))
        for code in themes:
            for _ in range(rng.randint(1, 3)):
                words.insert(rng.randrange(len(words) + 1), rng.choice(self.theme_words[code]))
        if rng.random() < 0.15:
            stray = rng.choice(self.themes)
            words.insert(rng.randrange(len(words) + 1), rng.choice(self.theme_words[stray]))
        return " ".join(words).capitalize() + "."

    def activities(self, count: int):
        """(org index, activity dict) for ``count`` activities, deterministic prefixes."""
        rng = random.Random(self.seed)
        now = datetime.now(UTC)
        org = -1
        left = 0
        org_langs: list[str] = []
        home = "091"
        for _ in range(count):
            if left == 0:
                org += 1
                left = max(1, round(rng.expovariate(1 / 3.1)))
                org_langs = list(
                    dict.fromkeys(rng.choices(LANGUAGES, LANGUAGE_WEIGHTS, k=rng.randint(1, 3)))
                )
                home = rng.choices(self.municipalities, self.muni_weights)[0]
            left -= 1
            themes = rng.sample(self.themes, rng.choice([0, 1, 1, 2, 3]))
            languages = (
                org_langs
                if rng.random() < 0.8
                else list(
                    dict.fromkeys(rng.choices(LANGUAGES, LANGUAGE_WEIGHTS, k=rng.randint(1, 4)))
                )
            )
            munis = [home] + rng.choices(
                self.municipalities, self.muni_weights, k=rng.randint(0, 2)
            )
            yield (
                org,
                {
                    "name": " ".join(
                        rng.choices(self.vocabulary[:3000], k=rng.randint(2, 4))
                    ).capitalize(),
                    "description": self.text(rng, themes),
                    "languages": languages,
                    "interpreters": rng.sample(CLIENT_LANGUAGES, 1) if rng.random() < 0.1 else [],
                    "themes": themes if rng.random() < 0.5 else [],
                    "municipalities": sorted(set(munis)),
                    "online": rng.random() < 0.05,
                    "active": rng.random() < 0.95,
                    "updated": now - timedelta(days=rng.randint(0, 700)),
                    "home": home,
                },
            )

    def queries(self, count: int, rng: random.Random) -> list[dict]:
        out = []
        for _ in range(count):
            words = []
            for _ in range(rng.randint(2, 5)):
                kind = rng.random()
                if kind < 0.35:
                    words.append(self.vocabulary[rng.randrange(100)])
                elif kind < 0.65:
                    words.append(self.vocabulary[rng.randrange(100, 3000)])
                elif kind < 0.85:
                    words.append(self.vocabulary[rng.randrange(3000, len(self.vocabulary))])
                else:
                    words.append(rng.choice(self.theme_words[rng.choice(self.themes)]))
            langs = list(
                dict.fromkeys(rng.choices(CLIENT_LANGUAGES, CLIENT_WEIGHTS, k=rng.randint(1, 2)))
            )
            out.append(
                {
                    "q": " ".join(words),
                    "lang": langs,
                    "municipality": rng.choices(self.municipalities, self.muni_weights)[0],
                }
            )
        return out


def write_corpus(engine, corpus: Corpus, count: int) -> None:
    """Bulk-insert organisations and activities (Core inserts: no change-log rows)."""
    from coact.models import (
        Organization,
        Service,
        ServiceArea,
        ServiceInterpreterLanguage,
        ServiceLanguage,
        ServiceTheme,
    )
    from coact.models.base import new_public_id

    orgs, services, langs, interps, themes, areas = [], [], [], [], [], []
    seen_orgs = set()
    now = datetime.now(UTC)
    for sid, (org, act) in enumerate(corpus.activities(count), start=1):
        if org not in seen_orgs:
            seen_orgs.add(org)
            orgs.append(
                {
                    "id": org + 1,
                    "public_id": new_public_id(),
                    "name": {"fi": f"Yhdistys {org + 1}"},
                    "sort_name": f"yhdistys {org + 1}",
                    "status": "active",
                    "municipality_code": act["home"],
                    "created_at": now,
                    "updated_at": now,
                    "source": "manual",
                    "manual_fields": [],
                    "alternate_names": [],
                    "description": {},
                    "contact_title": {},
                    "hsds_ids": {},
                }
            )
        services.append(
            {
                "id": sid,
                "organization_id": org + 1,
                "public_id": new_public_id(),
                "name": {"fi": act["name"]},
                "description": {"fi": act["description"]},
                "status": "active" if act["active"] else "inactive",
                "online": act["online"],
                "created_at": act["updated"],
                "updated_at": act["updated"],
                "source": "manual",
                "manual_fields": [],
                "schedule": {},
                "schedule_rules": [],
                "eligibility": {},
                "interpretation_text": {},
                "hsds_ids": {},
                "accepts_referrals": False,
                "can_escort": False,
            }
        )
        langs += [{"service_id": sid, "code": c} for c in act["languages"]]
        interps += [{"service_id": sid, "code": c} for c in act["interpreters"]]
        themes += [{"service_id": sid, "code": c} for c in act["themes"]]
        areas += [
            {"service_id": sid, "kind": "municipality", "code": c} for c in act["municipalities"]
        ]
    with engine.begin() as conn:
        for model, rows in (
            (Organization, orgs),
            (Service, services),
            (ServiceLanguage, langs),
            (ServiceInterpreterLanguage, interps),
            (ServiceTheme, themes),
            (ServiceArea, areas),
        ):
            for start in range(0, len(rows), 5000):
                conn.execute(model.__table__.insert(), rows[start : start + 5000])


def percentiles(values: list[float]) -> str:
    values = sorted(values)
    p50 = statistics.median(values)
    p95 = values[min(len(values) - 1, math.ceil(0.95 * len(values)) - 1)]
    return f"p50 {p50:6.1f}  p95 {p95:6.1f}  max {values[-1]:6.1f} ms"


def p95(values: list[float]) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, math.ceil(0.95 * len(values)) - 1)]


class Fts5:
    """The same analysed text in FTS5, tiers as facet tokens inside MATCH (SEARCH-NOTES F4)."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path)
        self.conn.execute("PRAGMA cache_size=-65536")
        self.conn.execute("PRAGMA mmap_size=268435456")
        self.conn.execute(
            "CREATE VIRTUAL TABLE fts USING fts5(text, facets, tokenize='unicode61 remove_diacritics 0')"
        )
        self.conn.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, org INTEGER)")

    def add(self, docs: list[dict]) -> None:
        rows, metas = [], []
        for doc in docs:
            text = " ".join(doc.get(f, "") for f in ("fi", "sv", "en", "other"))
            facets = [f"l{c}" for c in doc.get("lang", "").split()]
            facets += [f"i{c}" for c in doc.get("interp", "").split()]
            facets += [f"m{c}" for c in doc.get("muni", "").split()]
            facets += [f"c{c}" for c in doc.get("county", "").split()]
            facets += [
                f"t{c}" for c in (doc.get("theme", "") + " " + doc.get("ttheme", "")).split()
            ]
            if "online" in doc.get("flags", "") or "nationwide" in doc.get("flags", ""):
                facets.append("remote1")
            rows.append((doc["sid"], text, " ".join(facets)))
            metas.append((doc["sid"], doc["org"]))
        self.conn.executemany("INSERT INTO fts(rowid, text, facets) VALUES (?, ?, ?)", rows)
        self.conn.executemany("INSERT INTO docs VALUES (?, ?)", metas)

    def commit(self) -> None:
        self.conn.commit()

    @staticmethod
    def _quote(term: str) -> str:
        return '"' + term.replace('"', '""') + '"'

    def search(self, needs, client, limit: int = 10) -> tuple[int, list[int]]:
        terms = sorted({t for u in needs.units for _, t, _ in u.terms})
        themes = sorted({c for u in needs.units for c in u.themes})
        parts = [self._quote(t) for t in terms] + [f"facets:t{c}" for c in themes]
        if not parts:
            return 0, []
        text = "(" + " OR ".join(parts) + ")"
        own = [f"l{c}" for c in client.own_languages]
        interp = [f"i{c}" for c in client.own_languages]
        fallback = [f"l{c}" for c in client.fallback_languages]
        lang_tiers = [own, interp, fallback]
        county = client.county
        place_tiers = [[f"m{client.municipality}"], [f"c{county}"] if county else [], ["remote1"]]
        found: list[int] = []
        seen: set[int] = set()
        earlier_lang: list[str] = []
        for lang in [*lang_tiers, None]:
            earlier_place: list[str] = []
            for place in [*place_tiers, None]:
                clause = text
                if lang:
                    clause += " AND facets:(" + " OR ".join(lang) + ")"
                elif lang is not None:
                    continue
                if earlier_lang:
                    clause += " NOT facets:(" + " OR ".join(earlier_lang) + ")"
                if place:
                    clause += " AND facets:(" + " OR ".join(place) + ")"
                elif place is not None:
                    continue
                if earlier_place:
                    clause += " NOT facets:(" + " OR ".join(earlier_place) + ")"
                rows = self.conn.execute(
                    "WITH m AS MATERIALIZED (SELECT rowid, bm25(fts, 1, 0) AS s FROM fts WHERE fts MATCH ?) "
                    "SELECT d.org, MIN(m.s) AS best FROM m JOIN docs d ON d.id = m.rowid "
                    "GROUP BY d.org ORDER BY best LIMIT ?",
                    (clause, limit + len(seen)),
                ).fetchall()
                for org, _ in rows:
                    if org not in seen:
                        seen.add(org)
                        found.append(org)
                if len(found) >= limit:
                    break
                if place:
                    earlier_place += place
            if len(found) >= limit:
                break
            if lang:
                earlier_lang += lang
        total = self.conn.execute(
            "SELECT COUNT(DISTINCT d.org) FROM fts JOIN docs d ON d.id = fts.rowid WHERE fts MATCH ?",
            (text,),
        ).fetchone()[0]
        return total, found[:limit]


def run_size(size: int, corpus: Corpus, queries: list[dict], warmup: int, workdir: Path) -> dict:
    from sqlalchemy.orm import Session
    from werkzeug.datastructures import MultiDict

    from coact import create_app
    from coact.extensions import db
    from coact.models import Service
    from coact.search.documents import (
        build_document,
        day_number,
        is_indexed,
        iter_all_organizations,
    )
    from coact.search.engine import get_engine
    from coact.search.needs import understand
    from coact.search.params import parse_match_args
    from coact.search.ranking import Plan, rank
    from coact.search.rules import stale_after
    from coact.search.services import client_of, match
    from coact.search.store import IndexStore
    from coact.search.sync import build_generation

    app = create_app(
        {
            "TESTING": True,
            "SEARCH_SYNC_INTERVAL": 0.5,
            "COACT_SETTINGS": {
                "database_url": f"sqlite:///{workdir / 'speed.sqlite3'}",
                "instance_dir": workdir / "instance",
                "index_dir": workdir / "index",
                "env": "benchmark",
            },
        }
    )
    out: dict = {"size": size}
    with app.app_context():
        db.create_all()
        started = time.perf_counter()
        write_corpus(db.engine, corpus, size)
        out["write_s"] = time.perf_counter() - started
        store = IndexStore(workdir / "index")
        started = time.perf_counter()
        name = build_generation(db.engine, store)
        store.swap(name)
        out["build_s"] = time.perf_counter() - started
        out["index_mib"] = (
            sum(p.stat().st_size for p in (workdir / "index" / name).iterdir()) / 2**20
        )
        out["activities"] = db.session.query(Service).count()

        engine = get_engine()
        parsed = [
            parse_match_args(
                MultiDict(
                    [("q", q["q"]), ("municipality", q["municipality"])]
                    + [("lang", code) for code in q["lang"]]
                )
            )
            for q in queries
        ]
        fresh_since = day_number(datetime.now(UTC) - stale_after())

        def ranking_only(query):
            needs = understand(query.q, list(query.themes))
            plan = Plan.make(needs, client_of(query, needs), fresh_since)
            with engine.search_lock():
                return rank(plan, engine.snapshot(), limit=10, offset=0)

        client = app.test_client()

        def api(q):
            params = [("q", q["q"]), ("municipality", q["municipality"])] + [
                ("lang", c) for c in q["lang"]
            ]
            response = client.get("/api/v1/match", query_string=params)
            assert response.status_code == 200, response.data
            return response

        started = time.perf_counter()
        ranking_only(parsed[0])
        out["first_search_s"] = time.perf_counter() - started
        for query in parsed:  # untimed pass: page cache, segment caches, analysis caches
            ranking_only(query)
        for label, call, items in (
            ("engine", ranking_only, parsed),
            ("service", lambda query: match(query, "fi"), parsed),
            ("api", api, queries),
        ):
            times = []
            for i, item in enumerate(items):
                started = time.perf_counter()
                call(item)
                if i >= warmup:
                    times.append((time.perf_counter() - started) * 1000)
                db.session.rollback()
            out[label] = times

        # Update → searchable, in this process: edit, commit, search until found.
        updates = []
        ids = [
            row[0]
            for row in db.session.execute(
                db.select(Service.id)
                .where(Service.status == "active")
                .order_by(Service.id)
                .limit(5)
            )
        ]
        for trial, sid in enumerate(ids):
            word = f"zyxwv{trial}qpt"
            service = db.session.get(Service, sid)
            service.description = {"fi": (service.description.get("fi") or "") + f" {word}."}
            db.session.commit()
            query = parse_match_args(MultiDict([("q", word)]))
            started = time.perf_counter()
            while True:
                engine._checked_at = 0.0  # the next search checks the change log now
                result = match(query, "fi")
                if result.total:
                    break
                if time.perf_counter() - started > 10:
                    break
            updates.append((time.perf_counter() - started) * 1000)
        out["update_ms"] = updates

        # FTS5 over the same analysed documents.
        fts = Fts5(workdir / "fts5.sqlite3")
        started = time.perf_counter()
        with Session(db.engine) as session:
            batch = []
            for org in iter_all_organizations(session):
                batch += [build_document(s) for s in org.services if is_indexed(s)]
                if len(batch) > 2000:
                    fts.add(batch)
                    batch = []
            fts.add(batch)
        fts.commit()
        out["fts_build_s"] = time.perf_counter() - started
        needs_list = [understand(query.q, []) for query in parsed]
        clients = [client_of(query, needs) for query, needs in zip(parsed, needs_list, strict=True)]
        for needs, client_ in zip(needs_list, clients, strict=True):
            fts.search(needs, client_)
        times = []
        for i, (needs, client_) in enumerate(zip(needs_list, clients, strict=True)):
            started = time.perf_counter()
            fts.search(needs, client_)
            if i >= warmup:
                times.append((time.perf_counter() - started) * 1000)
        out["fts"] = times
        engine.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    corpus = Corpus(args.seed)
    queries = corpus.queries(args.queries + args.warmup, random.Random(args.seed + 1))
    print(
        f"Synthetic corpus, seed {args.seed}; {args.queries} timed queries after {args.warmup} warm-up."
    )
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="coact-speed-") as tmp:
            r = run_size(size, corpus, queries, args.warmup, Path(tmp))
        print(f"\n== {r['activities']} activities ==")
        print(
            f"index build (full rebuild): {r['build_s']:.1f} s, {r['index_mib']:.1f} MiB"
            f"   (FTS5 build of the same analysed text: {r['fts_build_s']:.1f} s)"
        )
        print(f"first search (cold caches): {r['first_search_s'] * 1000:.0f} ms")
        print(f"match, engine only:         {percentiles(r['engine'])}")
        print(f"match, service layer:       {percentiles(r['service'])}")
        print(f"match, API (test client):   {percentiles(r['api'])}")
        print(f"FTS5 tiers + total:         {percentiles(r['fts'])}")
        print(
            f"ratio p95 engine/FTS5: {p95(r['engine']) / p95(r['fts']):.2f}; "
            f"service/FTS5: {p95(r['service']) / p95(r['fts']):.2f}"
        )
        updates = sorted(r["update_ms"])
        print(
            f"update -> searchable: median {statistics.median(updates):.0f} ms, max {updates[-1]:.0f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
