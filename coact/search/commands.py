"""``flask --app coact reindex`` and ``search-sync``."""

from __future__ import annotations

import time

import click
from flask import Flask, current_app

from coact.extensions import db
from coact.search.engine import get_engine
from coact.search.store import IndexStore, LockBusy
from coact.search.sync import catch_up_locked, reindex


def _store() -> IndexStore:
    return IndexStore(current_app.config["COACT"].index_dir)


def register_commands(app: Flask) -> None:
    @app.cli.command("reindex")
    def reindex_command() -> None:
        """Rebuild the search index into a new folder and swap it in atomically.

        Searches keep answering from the old index until the swap; every app
        process of this node picks up the new one on its next check.
        """
        started = time.perf_counter()
        name = reindex(
            db.engine,
            _store(),
            gap_seconds=get_engine().gap_seconds,
            progress=lambda n: click.echo(f"  {n} activities indexed"),
        )
        click.echo(f"Search index rebuilt in {time.perf_counter() - started:.1f} s: {name}")

    @app.cli.command("search-sync")
    def search_sync_command() -> None:
        """Apply pending directory changes to this node's search index now."""
        store = _store()
        name = store.current_name()
        if name is None:
            click.echo("No search index yet; building one.")
            get_engine().sync_now()
            return
        try:
            with store.writer_lock(name, blocking=True, timeout=60):
                result = catch_up_locked(
                    db.engine, store, name, gap_seconds=get_engine().gap_seconds
                )
        except LockBusy:
            raise click.ClickException("Another process is writing the index; try again.") from None
        click.echo(
            f"Applied {result.changes} changes ({result.organizations} organisations) to {name}."
        )
