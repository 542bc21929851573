"""Daily jobs: ``flask --app coact purge`` and ``flask --app coact send-reminders``.

Each commits once and sends its e-mail only after the commit.
"""

from __future__ import annotations

import click
from flask import Flask

from coact import mail
from coact.extensions import db
from coact.referrals.retention import purge_personal_data
from coact.referrals.services import send_reminders


def register_commands(app: Flask) -> None:
    @app.cli.command("purge")
    @click.option(
        "--days",
        type=click.IntRange(min=0),
        default=None,
        help="Erase personal data of referrals closed more than this many days ago "
        "(default: COACT_RETENTION_DAYS).",
    )
    def purge_command(days: int | None) -> None:
        """Erase client personal data that is no longer needed (run daily)."""
        result = purge_personal_data(days=days)
        db.session.commit()
        click.echo(
            f"Expired consents: {result.expired_consents}; "
            f"closed referrals erased: {result.closed_referrals}."
        )

    @app.cli.command("send-reminders")
    @click.option(
        "--after-days",
        type=click.IntRange(min=1),
        default=7,
        show_default=True,
        help="Remind organisations of referrals unanswered for this many days.",
    )
    def send_reminders_command(after_days: int) -> None:
        """E-mail organisations about referrals waiting for an answer (run daily)."""
        count = send_reminders(after_days=after_days)
        db.session.commit()
        sent = mail.flush_outbox()
        click.echo(f"Reminders: {count} referrals, {sent} e-mails sent.")
