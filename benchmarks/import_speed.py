"""Import speed: 10,000 synthetic activities through the importer, twice.

    python benchmarks/import_speed.py [--activities N] [--per-organization K]
                                      [--postgres URL | --no-postgres]

The activities (K per organisation, in pages of 50 organisations, as a source
yields them) go through :func:`coact.imports.sources.run_source`: the same
path as ``flask --app coact import``, one committed batch per page. Printed:
the time of the first run (everything created) and of a second run with the
same listing (everything unchanged), into a fresh SQLite file and into a
throw-away PostgreSQL database created and dropped here (the server of
``--postgres``, ``COACT_BENCH_DATABASE_URL`` or ``COACT_TEST_DATABASE_URL``;
skipped when none is set). Targets: first run < 60 s, unchanged run < 15 s.
Wall time and this process's CPU time are printed (on a busy machine
the wall time includes waiting for a CPU). The script only prints figures; it
always exits 0.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, func, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from coact import create_app  # noqa: E402
from coact.extensions import db  # noqa: E402
from coact.imports.sources import run_source  # noqa: E402
from coact.models import Service  # noqa: E402
from coact.reference import municipalities, themes  # noqa: E402
from scrapers.base import Page, ScrapeOptions, Scraper  # noqa: E402
from scrapers.records import AreaRecord, OrganizationRecord, ServiceRecord  # noqa: E402

TARGET_FIRST, TARGET_AGAIN = 60.0, 15.0
PAGE_SIZE = 50
LANGUAGES = ("fi", "sv", "en", "ar", "so", "ru", "uk", "fa", "prs", "kmr", "ti", "et")


class SyntheticSource(Scraper):
    """A listing of made-up NGOs, the same on every run (seeded by position)."""

    name = "benchmark"

    def __init__(self, activities: int, per_organization: int) -> None:
        self.activities = activities
        self.per_organization = per_organization
        super().__init__(ScrapeOptions())

    def fetch(self) -> Iterator[Page]:
        organizations = -(-self.activities // self.per_organization)
        for start in range(0, organizations, PAGE_SIZE):
            yield Page(
                f"page {start // PAGE_SIZE + 1}",
                range(start, min(start + PAGE_SIZE, organizations)),
            )

    def parse(self, page: Page) -> Iterator[OrganizationRecord]:
        codes = sorted(municipalities())
        theme_codes = list(themes())
        for n in page.data:
            place = codes[n % len(codes)]
            services = []
            for k in range(self.per_organization):
                i = n * self.per_organization + k
                if i >= self.activities:
                    break
                services.append(
                    ServiceRecord(
                        source_id=f"bench-service-{i}",
                        name={
                            "fi": f"Toiminta {i}",
                            "sv": f"Verksamhet {i}",
                            "en": f"Activity {i}",
                        },
                        description={"fi": f"Kuvaus toiminnasta {i}. " * 5},
                        schedule={"fi": "Tiistaisin klo 17–19"},
                        schedule_rules=[
                            {
                                "freq": "WEEKLY",
                                "byday": "TU",
                                "opens_at": "17:00",
                                "closes_at": "19:00",
                            }
                        ],
                        languages=["fi", LANGUAGES[i % len(LANGUAGES)]],
                        themes=[
                            theme_codes[i % len(theme_codes)],
                            theme_codes[(i * 7) % len(theme_codes)],
                        ],
                        areas=[AreaRecord("municipality", place)],
                        accepts_referrals=i % 3 == 0,
                        email=f"toiminta{i}@example.org",
                    )
                )
            yield OrganizationRecord(
                source=self.name,
                source_id=f"bench-org-{n}",
                name={"fi": f"Vertailuyhdistys {n} ry", "sv": f"Jämförelseförening {n} rf"},
                description={"fi": f"Yhdistys numero {n}."},
                business_id=None,
                email=f"yhdistys{n}@example.org",
                municipality_code=place,
                services=services,
            )


def measure(
    database_url: str, activities: int, per_organization: int
) -> tuple[tuple[float, float], tuple[float, float], int]:
    """(wall, CPU) seconds of the first and the unchanged run, and the activities stored."""
    with tempfile.TemporaryDirectory() as instance:
        app = create_app(
            {
                "COACT_SETTINGS": {
                    "database_url": database_url,
                    "instance_dir": Path(instance),
                    "index_dir": Path(instance) / "index",
                }
            }
        )
        with app.app_context():
            db.create_all()
            timings = []
            for _ in range(2):
                start, cpu = time.perf_counter(), time.process_time()
                result = run_source(SyntheticSource(activities, per_organization))
                timings.append((time.perf_counter() - start, time.process_time() - cpu))
            stored = db.session.scalar(select(func.count()).select_from(Service))
            assert result.created == 0 and result.updated == 0, result.summary()
            db.session.remove()
            db.engine.dispose()
    return timings[0], timings[1], stored


def postgres_server(cli_value: str | None) -> str | None:
    return (
        cli_value
        or os.environ.get("COACT_BENCH_DATABASE_URL")
        or os.environ.get("COACT_TEST_DATABASE_URL")
    )


def with_throwaway_postgres(server: str, run):
    admin_url = make_url(server).set(drivername="postgresql+psycopg")
    name = f"coact_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        return run(admin_url.set(database=name).render_as_string(hide_password=False))
    finally:
        with admin.connect() as conn:
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            )
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


def report(label: str, first: tuple[float, float], again: tuple[float, float], stored: int) -> None:
    verdict = "OK" if first[0] < TARGET_FIRST and again[0] < TARGET_AGAIN else "SLOWER THAN TARGET"
    print(
        f"{label:<11} {stored:>6} activities: first run {first[0]:6.1f} s "
        f"(CPU {first[1]:5.1f} s; target < {TARGET_FIRST:.0f} s), unchanged run {again[0]:6.1f} s "
        f"(CPU {again[1]:5.1f} s; target < {TARGET_AGAIN:.0f} s)  {verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--activities", type=int, default=10_000)
    parser.add_argument("--per-organization", type=int, default=5)
    parser.add_argument(
        "--postgres", default=None, help="PostgreSQL server URL (a database is created and dropped)"
    )
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        report("SQLite", *measure(url, args.activities, args.per_organization))
    server = None if args.no_postgres else postgres_server(args.postgres)
    if server is None:
        print("PostgreSQL  skipped (give --postgres or set COACT_BENCH_DATABASE_URL)")
        return
    figures = with_throwaway_postgres(
        server, lambda url: measure(url, args.activities, args.per_organization)
    )
    report("PostgreSQL", *figures)


if __name__ == "__main__":
    main()
