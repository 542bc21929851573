"""``flask --app coact import SOURCE``: fill the directory from PTV, Lähellä.fi,
an HSDS feed or the CSV template (``scrapers/``), through the one upsert routine.

Every fetched page is one committed batch, so Ctrl-C or a crash keeps what was
finished and the same command continues. ``--dry-run`` writes nothing but the
run's report. Meant for cron (README "Importers").
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click
from flask import Flask
from flask.cli import with_appcontext

from coact.imports.cli import report
from coact.imports.sources import build_scraper, http_client, organization_as_record, run_source
from coact.imports.upsert import ImportResult
from scrapers.base import ScrapeOptions, ScraperConfigError, available

#: The environment variable with the Lähellä.fi session cookies (kept off the command line).
LAHELLA_TOKEN_ENV = "COACT_LAHELLA_TOKEN"
#: At most this many record errors are printed; all are on the run's page.
MAX_ERRORS_SHOWN = 50


def register_commands(app: Flask) -> None:
    app.cli.add_command(import_command)


def _source_help() -> str:
    return ", ".join(available())


@click.command("import")
@click.argument("source", metavar="SOURCE")
@click.option(
    "--dry-run", is_flag=True, help="Fetch and compare, print what would change, write nothing."
)
@click.option(
    "--municipality",
    "municipalities",
    multiple=True,
    help="PTV: NGOs with services in this municipality (code or name; repeatable).",
)
@click.option(
    "--organization",
    "organizations",
    multiple=True,
    help="PTV: organisation id or business id (repeatable). Lähellä.fi: the NGO's group id.",
)
@click.option(
    "--into",
    "into",
    default=None,
    help="Lähellä.fi: the Co-Act id of the organisation the activities belong to.",
)
@click.option("--url", default=None, help="HSDS feed or CSV address.")
@click.option(
    "--file",
    "file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="CSV template file, or a saved Lähellä.fi activities JSON.",
)
@click.option("--lang", default=None, help="HSDS feed: the language of its texts (fi, sv, en …).")
@click.option(
    "--limit", type=click.IntRange(min=1), default=None, help="Stop after N organisations."
)
@click.option(
    "--force",
    "force_vanish",
    is_flag=True,
    help="Flag vanished records even if more than 20 % vanish.",
)
@click.option("--no-cache", is_flag=True, help="Do not use or fill the conditional-request cache.")
@with_appcontext
def import_command(
    source: str,
    dry_run: bool,
    municipalities: tuple[str, ...],
    organizations: tuple[str, ...],
    into: str | None,
    url: str | None,
    file: Path | None,
    lang: str | None,
    limit: int | None,
    force_vanish: bool,
    no_cache: bool,
) -> None:
    """Import SOURCE: ptv, lahella, hsds-feed or csv (see README "Importers")."""
    extra: dict[str, Any] = {}
    token = os.environ.get(LAHELLA_TOKEN_ENV) if source == "lahella" else None
    http = http_client(use_cache=not no_cache)
    try:
        if source == "lahella":
            if not into:
                raise ScraperConfigError(
                    "Lähellä.fi activities are added to an organisation already in Co-Act: "
                    "give its id with --into."
                )
            if len(organizations) != 1:
                raise ScraperConfigError(
                    "Lähellä.fi needs exactly one --organization: the NGO's group id."
                )
            extra["organization"] = organization_as_record(
                into, source="lahella", source_id=organizations[0]
            )
        options = ScrapeOptions(
            municipalities=municipalities,
            organizations=organizations,
            url=url,
            file=file,
            lang=lang,
            limit=limit,
            token=token,
            extra=extra,
        )
        scraper = build_scraper(source, options, http)
    except ScraperConfigError as exc:
        http.close()
        raise click.UsageError(f"{exc} (sources: {_source_help()})") from exc

    try:
        if sys.stdout.isatty():
            with click.progressbar(
                scraper.batches(), label=f"Importing {source} (pages)", show_pos=True
            ) as pages:
                result = run_source(
                    scraper, dry_run=dry_run, force_vanish=force_vanish, batches=pages
                )
        else:
            result = run_source(scraper, dry_run=dry_run, force_vanish=force_vanish)
    except KeyboardInterrupt:
        click.echo(
            "Interrupted. The pages finished so far are stored; run the same command "
            "again to continue.",
            err=True,
        )
        sys.exit(130)
    finally:
        http.close()
    _summarise(result, http.stats, scraper.complete)


def _summarise(result: ImportResult, stats: dict[str, int], complete: bool) -> None:
    errors = result.record_errors
    if len(errors) > MAX_ERRORS_SHOWN:
        result.record_errors = errors[:MAX_ERRORS_SHOWN]
    report(result)
    result.record_errors = errors
    if len(errors) > MAX_ERRORS_SHOWN:
        click.echo(
            f"… and {len(errors) - MAX_ERRORS_SHOWN} more errors (see run {result.run_id}).",
            err=True,
        )
    click.echo(
        f"HTTP: {stats['requests']} requests, {stats['not_modified']} unchanged (304), "
        f"{stats['retries']} retries."
    )
    if not complete:
        click.echo(
            "Not every page was read or understood, so nothing was flagged as vanished.",
            err=True,
        )
    if result.vanish_refused:
        click.echo(f"Vanished records not flagged: {result.vanish_refused}", err=True)
    click.echo(f"Import run {result.run_id}: {result.status}.")
