"""``flask --app coact import-hsds | export-hsds | load-demo``.

Commands commit themselves: imports once per batch, so Ctrl-C or a crash
keeps the finished batches and a rerun continues without duplicates.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import Flask
from flask.cli import with_appcontext

from coact.extensions import db
from coact.imports import services
from coact.imports.hsds_export import (
    EXPORT_LANGUAGES,
    export_documents,
    export_file_name,
    write_documents,
)
from coact.imports.upsert import (
    OUTCOME_CREATED,
    OUTCOME_FLAGGED,
    OUTCOME_UPDATED,
    ImportResult,
)
from coact.reference import normalise_language_code
from scrapers.hsds import validate_organization


def register_commands(app: Flask) -> None:
    app.cli.add_command(import_hsds_command)
    app.cli.add_command(export_hsds_command)
    app.cli.add_command(load_demo_command)


@click.command("import-hsds")
@click.argument("path", type=click.Path(exists=True, file_okay=True, dir_okay=True, path_type=Path))
@click.option(
    "--lang",
    default=None,
    help="Language of the texts (fi, sv, en …; default fi). A file named "
    "*.<lang>.json says its own language.",
)
@click.option("--dry-run", is_flag=True, help="Check and report, write nothing.")
@click.option(
    "--full-source",
    is_flag=True,
    help="The files are the whole source: flag hsds records missing from them as vanished.",
)
@click.option(
    "--force", is_flag=True, help="With --full-source: flag even if more than 20 % vanish."
)
@with_appcontext
def import_hsds_command(
    path: Path, lang: str | None, dry_run: bool, full_source: bool, force: bool
) -> None:
    """Import organisations and their services from HSDS 3.0 JSON (a file or a directory)."""
    try:
        files, result = services.import_hsds(
            path,
            lang=lang,
            dry_run=dry_run,
            full_source=full_source,
            force_vanish=force,
            commit_batch=db.session.commit,
        )
    except KeyboardInterrupt:
        click.echo(
            "Interrupted. The batches finished so far are stored; run the same "
            "command again to continue.",
            err=True,
        )
        sys.exit(130)
    if result is None:
        for error in files.errors:
            click.echo(error, err=True)
        click.echo(f"Nothing was imported: {len(files.errors)} error(s).", err=True)
        sys.exit(1)
    report(result)
    if result.vanish_refused:
        click.echo(f"Vanished records not flagged: {result.vanish_refused}", err=True)
        sys.exit(1)


_REASONS = {
    "business_id": "business id",
    "name_municipality": "name and municipality",
    "website": "website",
}


def report(result: ImportResult) -> None:
    """Print what a run did, one line per record that changed or needs a person, then the counts."""
    would = "would be " if result.dry_run else ""
    for item in result.items:
        if item.outcome == OUTCOME_CREATED:
            click.echo(f"{would}created: {item.record} {item.name}")
        elif item.outcome == OUTCOME_UPDATED:
            click.echo(f"{would}updated: {item.record} {item.name}: {', '.join(item.changes)}")
        elif item.outcome == OUTCOME_FLAGGED and item.duplicate_of:
            click.echo(
                f"{would}flagged: {item.record} {item.name}: possible duplicate of "
                f"{item.duplicate_of} (same {_REASONS.get(item.duplicate_reason, '?')})"
            )
        elif item.outcome == OUTCOME_FLAGGED:
            click.echo(
                f"{would}flagged: {item.record} {item.name}: the source disagrees with "
                f"hand edits of {', '.join(item.diffs)}"
            )
    for public_id in result.vanished:
        click.echo(f"{would}flagged as vanished: {public_id}")
    for error in result.record_errors:
        click.echo(str(error), err=True)
    click.echo(result.summary())


@click.command("export-hsds")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--lang",
    "langs",
    multiple=True,
    help="Language of the file to write (repeatable); default: fi, sv and en.",
)
@with_appcontext
def export_hsds_command(directory: Path, langs: tuple[str, ...]) -> None:
    """Write the directory as HSDS 3.0 JSON: DIRECTORY/directory.<lang>.json."""
    langs = langs or EXPORT_LANGUAGES
    bad = [code for code in langs if normalise_language_code(code) != code]
    if bad:
        raise click.BadParameter(f"not a language code: {', '.join(bad)}", param_hint="--lang")
    documents = export_documents(langs)
    problems = [
        f"{export_file_name(lang)}: {org['id']}: {problem}"
        for lang, document in documents.items()
        for org in document
        for problem in validate_organization(org)
    ]
    if problems:
        for problem in problems:
            click.echo(problem, err=True)
        click.echo("Nothing written: the export does not validate.", err=True)
        sys.exit(1)
    for path in write_documents(directory, documents):
        count = len(documents[path.name.split(".")[-2]])
        click.echo(f"wrote {path} ({count} organisations)")


@click.command("load-demo")
@with_appcontext
def load_demo_command() -> None:
    """Load the fictional demo directory, but only into an empty directory."""
    result = services.load_demo(commit_batch=db.session.commit)
    if result is None:
        click.echo("The directory already has organisations; left it alone.")
        return
    click.echo(f"Loaded the demo directory. {result.summary()}")
