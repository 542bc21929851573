"""``flask --app coact users …`` and ``teams …``: accounts from the command line.

Commands commit their own work. Messages are in English (operators' language).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps

import click
from flask import Flask, current_app, url_for
from flask.cli import AppGroup
from flask_babel import force_locale

from coact.auth import services
from coact.extensions import db
from coact.models import ROLES, Organization, Team, User
from coact.reference import counties

users_cli = AppGroup("users", help="Create and list user accounts.")
teams_cli = AppGroup("teams", help="Create and list KOTO teams.")


def _in_english(command: Callable) -> Callable:
    """Run in English, and turn rule violations into a clear error and exit code 1."""

    @wraps(command)
    def wrapped(*args, **kwargs):
        with force_locale("en"):
            try:
                result = command(*args, **kwargs)
            except services.AccountError as exc:
                db.session.rollback()
                raise click.ClickException(str(exc.message)) from None
            db.session.commit()
            return result

    return wrapped


def _organization(public_id: str) -> Organization:
    org = db.session.scalar(db.select(Organization).filter_by(public_id=public_id.strip()))
    if org is None:
        raise click.ClickException(f"No organisation with the public id {public_id}.")
    return org


def _read_password(password_stdin: bool) -> str:
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise click.ClickException("No password on standard input.")
        return password
    if sys.stdin.isatty():
        return click.prompt("Password", hide_input=True, confirmation_prompt=True)
    raise click.ClickException(
        "No password: give --password-stdin, or --invite for a one-time link, "
        "or run the command in a terminal to be asked."
    )


def password_link(user: User) -> str:
    """The full address of a one-time password-setting link for ``user``."""
    settings = current_app.config["COACT"]
    with current_app.test_request_context(base_url=settings.public_url):
        return url_for(
            "auth.set_password",
            lang=user.locale or settings.default_locale,
            token=services.password_link_token(user),
            _external=True,
        )


@users_cli.command("create")
@click.option("--email", required=True, help="Log-in e-mail address.")
@click.option("--role", required=True, type=click.Choice(ROLES), help="The user's role.")
@click.option("--name", default="", help="Display name.")
@click.option(
    "--county", "county_code", help="Wellbeing services county code (KOTO workers, coordinators)."
)
@click.option("--team", help="KOTO team, by number or exact name (KOTO workers).")
@click.option(
    "--organization",
    "organizations",
    multiple=True,
    help="Public id of an organisation the NGO editor edits (repeatable).",
)
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@click.option(
    "--invite", is_flag=True, help="Set no password; print a one-time password-setting link."
)
@_in_english
def create_user_command(
    email, role, name, county_code, team, organizations, password_stdin, invite
):
    """Create a user account."""
    if county_code and county_code not in counties():
        raise click.ClickException(
            f"Unknown county code {county_code}. Known codes: {', '.join(counties())}."
        )
    orgs = [_organization(public_id) for public_id in organizations]
    found_team = services.find_team(team) if team else None
    services.validate_new_user(
        email, role, county_code=county_code, team=found_team, organizations=orgs
    )
    password = None if invite else _read_password(password_stdin)
    user = services.create_user(
        email,
        role,
        name=name,
        county_code=county_code,
        team=found_team,
        organizations=orgs,
        password=password,
    )
    click.echo(f"Created {services.role_label(user.role)} {user.email} (id {user.id}).")
    if invite:
        click.echo(f"One-time password-setting link (valid 7 days): {password_link(user)}")


@users_cli.command("list")
@click.option("--role", type=click.Choice(ROLES), help="Only users of this role.")
@_in_english
def list_users_command(role):
    """List users: e-mail, role, county, team, organisations, status."""
    query = db.select(User).order_by(User.role, User.email)
    if role:
        query = query.where(User.role == role)
    for user in db.session.scalars(query):
        orgs = ",".join(o.public_id for o in user.organizations)
        parts = [
            user.email,
            user.role,
            user.county_code or "-",
            user.team.name if user.team else "-",
            orgs or "-",
            "active" if user.active else "inactive",
        ]
        click.echo("\t".join(parts))


@users_cli.command("add-editor")
@click.argument("email")
@click.argument("organization")
@_in_english
def add_editor_command(email, organization):
    """Let the NGO editor EMAIL edit the organisation ORGANIZATION (public id)."""
    user = services.find_user_by_email(email)
    if user is None:
        raise click.ClickException(f"No user with the e-mail address {email}.")
    org = _organization(organization)
    if services.add_editor(user, org):
        click.echo(f"{user.email} can now edit {org.display_name('fi')}.")
    else:
        click.echo(f"{user.email} already edits {org.display_name('fi')}.")


@users_cli.command("reset-link")
@click.argument("email")
@_in_english
def reset_link_command(email):
    """Print a one-time password-setting link for EMAIL (a forgotten password)."""
    user = services.find_user_by_email(email)
    if user is None:
        raise click.ClickException(f"No user with the e-mail address {email}.")
    services.record_link_issued(user)
    click.echo(password_link(user))


@users_cli.command("deactivate")
@click.argument("email")
@_in_english
def deactivate_command(email):
    """Stop EMAIL from logging in (their sessions end at once)."""
    user = services.find_user_by_email(email)
    if user is None:
        raise click.ClickException(f"No user with the e-mail address {email}.")
    services.set_active(user, False)
    click.echo(f"{user.email} can no longer log in.")


@teams_cli.command("create")
@click.argument("name")
@click.option("--county", "county_code", required=True, help="Wellbeing services county code.")
@_in_english
def create_team_command(name, county_code):
    """Create a KOTO team NAME in a county."""
    team = services.create_team(name, county_code)
    click.echo(f"Created team {team.name} (number {team.id}) in county {team.county_code}.")


@teams_cli.command("list")
@_in_english
def list_teams_command():
    """List teams: number, county, name."""
    for team in db.session.scalars(db.select(Team).order_by(Team.county_code, Team.name)):
        click.echo(f"{team.id}\t{team.county_code}\t{team.name}")


def register_commands(app: Flask) -> None:
    app.cli.add_command(users_cli)
    app.cli.add_command(teams_cli)
