"""Counties never see each other's referrals; teams see their own; the audit log is per county."""

from __future__ import annotations

import csv
import io

from tests.referrals.conftest import CLIENT, make_referral


def test_worker_of_another_county_sees_nothing(client, world, login_as):
    referral = make_referral(world, status="sent")
    login_as(world.koto_other_county)
    assert client.get(f"/en/referrals/{referral.public_id}").status_code == 403
    assert referral.public_id not in client.get("/en/referrals/").get_data(as_text=True)
    assert referral.public_id not in client.get("/en/referrals/export.csv").get_data(as_text=True)


def test_worker_moved_to_another_county_loses_access(client, world, login_as):
    from coact.extensions import db

    referral = make_referral(world, status="sent")
    world.koto.county_code = "08"
    db.session.commit()
    login_as(world.koto)
    assert client.get(f"/en/referrals/{referral.public_id}").status_code == 403
    assert referral.public_id not in client.get("/en/referrals/").get_data(as_text=True)


def test_team_sees_its_referrals_other_teams_do_not(client, world, login_as):
    referral = make_referral(world, status="sent")
    login_as(world.teammate)
    assert referral.public_id in client.get("/en/referrals/").get_data(as_text=True)
    login_as(world.koto_other_team)
    assert referral.public_id not in client.get("/en/referrals/").get_data(as_text=True)
    assert client.get(f"/en/referrals/{referral.public_id}").status_code == 403


def test_ngo_inbox_lists_only_its_own_referrals_never_drafts(client, world, login_as):
    sent = make_referral(world, status="sent")
    draft = make_referral(world, status="draft")
    login_as(world.ngo)
    inbox = client.get("/en/referrals/inbox").get_data(as_text=True)
    assert sent.public_id in inbox and draft.public_id not in inbox
    assert client.get(f"/en/referrals/{draft.public_id}").status_code == 403
    login_as(world.ngo_other)
    assert sent.public_id not in client.get("/en/referrals/inbox").get_data(as_text=True)


def test_csv_export_has_codes_but_no_personal_data_or_free_text(client, world, login_as):
    referral = make_referral(world, status="accepted")
    login_as(world.koto)
    response = client.get("/en/referrals/export.csv")
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    [row] = rows
    assert row["referral_id"] == referral.public_id
    assert (row["status"], row["themes"], row["languages"]) == (
        "accepted",
        "finnish_language",
        "prs fa",
    )
    text = response.get_data(as_text=True)
    assert not [v for v in CLIENT.values() if v in text and v != "prs"]
    assert "Finnish conversation practice" not in text


def test_audit_log_is_per_county_and_admins_see_all(client, world, login_as):
    referral = make_referral(world, status="sent")
    login_as(world.ngo)
    client.get(f"/en/referrals/{referral.public_id}")
    login_as(world.coordinator)
    page = client.get("/en/referrals/audit").get_data(as_text=True)
    assert referral.public_id in page and "Personal data viewed" in page
    assert world.ngo.email in page
    assert CLIENT["name"] not in page
    filtered = client.get(f"/en/referrals/audit?referral={referral.public_id}")
    assert "Consent recorded" in filtered.get_data(as_text=True)
    login_as(world.coordinator_other)
    assert referral.public_id not in client.get("/en/referrals/audit").get_data(as_text=True)
    login_as(world.admin)
    assert referral.public_id in client.get("/en/referrals/audit").get_data(as_text=True)
