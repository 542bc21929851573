from coact.auth.passwords import verify_password
from coact.extensions import db
from coact.models import ROLE_KOTO_WORKER, AuditLog, Team, User
from tests.factories import make_organization, make_team, make_user


def _user(email):
    db.session.expire_all()
    return db.session.scalar(db.select(User).filter_by(email=email))


def test_create_admin_with_password_from_stdin(runner):
    result = runner.invoke(
        args=[
            "users",
            "create",
            "--email",
            "Boss@Example.org",
            "--role",
            "admin",
            "--password-stdin",
        ],
        input="a long enough password\n",
    )
    assert result.exit_code == 0, result.output
    user = _user("boss@example.org")
    assert user.role == "admin" and user.county_code is None
    assert verify_password(user.password_hash, "a long enough password")
    assert db.session.scalar(
        db.select(AuditLog).filter_by(action="user.create", object_id=str(user.id))
    )


def test_create_koto_worker_in_a_team(runner):
    team = make_team("KOTO Vantaa", county_code="04")
    db.session.commit()
    result = runner.invoke(
        args=[
            "users",
            "create",
            "--email",
            "w@example.org",
            "--role",
            "koto_worker",
            "--county",
            "04",
            "--team",
            "KOTO Vantaa",
            "--name",
            "Wilma",
            "--password-stdin",
        ],
        input="a long enough password\n",
    )
    assert result.exit_code == 0, result.output
    user = _user("w@example.org")
    assert (user.county_code, user.team_id, user.name) == ("04", team.id, "Wilma")


def test_create_editor_of_organisations_with_invite_link(runner, client):
    first, second = make_organization(), make_organization()
    db.session.commit()
    result = runner.invoke(
        args=[
            "users",
            "create",
            "--email",
            "e@example.org",
            "--role",
            "ngo_editor",
            "--organization",
            first.public_id,
            "--organization",
            second.public_id,
            "--invite",
        ],
    )
    assert result.exit_code == 0, result.output
    user = _user("e@example.org")
    assert {o.public_id for o in user.organizations} == {first.public_id, second.public_id}
    link = result.output.strip().rsplit(" ", 1)[-1]
    assert link.startswith("http://127.0.0.1:5000/fi/set-password/")
    path = link.removeprefix("http://127.0.0.1:5000")
    assert client.get(path).status_code == 200


def test_create_refuses_bad_input_with_clear_errors(runner):
    make_user("admin", email="taken@example.org")
    team = make_team("Espoo team", county_code="03")
    db.session.commit()
    password = "a long enough password\n"
    cases = [
        (["--email", "x@example.org", "--role", "boss"], "Invalid value for '--role'", 2),
        (
            ["--email", "x@example.org", "--role", "koto_worker"],
            "need a wellbeing services county",
            1,
        ),
        (
            ["--email", "x@example.org", "--role", "coordinator", "--county", "99"],
            "Unknown county code 99",
            1,
        ),
        (
            ["--email", "x@example.org", "--role", "admin", "--county", "04"],
            "Only KOTO workers and coordinators belong to a county",
            1,
        ),
        (
            ["--email", "x@example.org", "--role", "ngo_editor", "--organization", "no-such-org"],
            "No organisation with the public id no-such-org",
            1,
        ),
        (["--email", "taken@example.org", "--role", "admin"], "already exists", 1),
        (["--email", "not-an-email", "--role", "admin"], "Enter an e-mail address", 1),
        (
            [
                "--email",
                "x@example.org",
                "--role",
                "koto_worker",
                "--county",
                "04",
                "--team",
                "Nope",
            ],
            "No team Nope",
            1,
        ),
        (
            [
                "--email",
                "x@example.org",
                "--role",
                "koto_worker",
                "--county",
                "04",
                "--team",
                str(team.id),
            ],
            "team's own county",
            1,
        ),
    ]
    for args, message, code in cases:
        result = runner.invoke(args=["users", "create", *args, "--password-stdin"], input=password)
        assert result.exit_code == code, (args, result.output)
        assert message in result.output, (args, result.output)
    assert _user("x@example.org") is None


def test_short_or_missing_password_is_refused(runner):
    short = runner.invoke(
        args=["users", "create", "--email", "x@example.org", "--role", "admin", "--password-stdin"],
        input="short\n",
    )
    assert short.exit_code == 1 and "at least 10 characters" in short.output
    missing = runner.invoke(args=["users", "create", "--email", "x@example.org", "--role", "admin"])
    assert missing.exit_code == 1 and "--password-stdin" in missing.output
    assert _user("x@example.org") is None


def test_list_and_add_editor(runner):
    org = make_organization()
    make_user("ngo_editor", email="ed@example.org")
    make_user(ROLE_KOTO_WORKER, email="kw@example.org")
    db.session.commit()

    added = runner.invoke(args=["users", "add-editor", "ed@example.org", org.public_id])
    again = runner.invoke(args=["users", "add-editor", "ed@example.org", org.public_id])
    wrong_role = runner.invoke(args=["users", "add-editor", "kw@example.org", org.public_id])
    unknown = runner.invoke(args=["users", "add-editor", "nobody@example.org", org.public_id])

    assert added.exit_code == 0 and "can now edit" in added.output
    assert again.exit_code == 0 and "already edits" in again.output
    assert wrong_role.exit_code == 1 and "is not an NGO editor" in wrong_role.output
    assert unknown.exit_code == 1 and "No user" in unknown.output
    assert [o.id for o in _user("ed@example.org").organizations] == [org.id]

    listing = runner.invoke(args=["users", "list"]).output.splitlines()
    editor_line = next(line for line in listing if line.startswith("ed@example.org"))
    assert editor_line.split("\t") == [
        "ed@example.org",
        "ngo_editor",
        "-",
        "-",
        org.public_id,
        "active",
    ]
    assert any(line.startswith("kw@example.org\tkoto_worker\t04") for line in listing)


def test_teams_create_and_list(runner):
    result = runner.invoke(args=["teams", "create", "KOTO Turku", "--county", "05"])
    assert result.exit_code == 0, result.output
    team = db.session.scalar(db.select(Team).filter_by(name="KOTO Turku"))
    assert team.county_code == "05"
    bad = runner.invoke(args=["teams", "create", "Nowhere", "--county", "77"])
    assert bad.exit_code == 1 and "Unknown county code 77" in bad.output
    assert f"{team.id}\t05\tKOTO Turku" in runner.invoke(args=["teams", "list"]).output


def test_reset_link_and_deactivate(runner, client):
    make_user("admin", email="a@example.org")
    db.session.commit()
    link = runner.invoke(args=["users", "reset-link", "a@example.org"]).output.strip()
    assert client.get(link.removeprefix("http://127.0.0.1:5000")).status_code == 200
    result = runner.invoke(args=["users", "deactivate", "a@example.org"])
    assert result.exit_code == 0
    assert _user("a@example.org").active is False
