"""The permission matrix: every referral, visit and notice endpoint × every role.

The table below is the specification. A new endpoint without a row fails the test,
as does any role that gets in where it should not, or is kept out where it should
get in. Every answer is also checked for the client's personal data and, for roles
outside the referral, for the referral itself.
"""

from __future__ import annotations

import pytest

from tests.referrals.conftest import (
    CLIENT,
    feature_rules,
    make_notice,
    make_referral,
    make_visit,
    url_for_rule,
)

KOTO_ANY = {"koto_county", "koto_other_team", "koto_other_county"}
NGO_ANY = {"ngo_receiving", "ngo_other"}
ROLES = (
    "anonymous",
    "ngo_receiving",
    "ngo_other",
    "koto_county",
    "koto_other_team",
    "koto_other_county",
    "coordinator",
    "admin",
)

#: (endpoint, method) → roles that get in. The referral is sent by a KOTO worker of
#: the county's team to the receiving NGO; the visit and the notice are that team's.
ALLOWED: dict[tuple[str, str], set[str]] = {
    ("referrals.list", "GET"): KOTO_ANY,
    ("referrals.new", "GET"): KOTO_ANY,
    ("referrals.new", "POST"): KOTO_ANY,
    ("referrals.export", "GET"): KOTO_ANY,
    # KOTO workers are sent on to their own list.
    ("referrals.inbox", "GET"): NGO_ANY | KOTO_ANY,
    ("referrals.detail", "GET"): {"ngo_receiving", "koto_county"},
    ("referrals.transition", "POST"): {"ngo_receiving"},  # action "accept"
    ("referrals.consent", "GET"): {"koto_county"},
    ("referrals.consent", "POST"): {"koto_county"},
    ("referrals.withdraw_consent", "POST"): {"koto_county"},
    ("referrals.audit_log", "GET"): {"coordinator", "admin"},
    ("referrals.statistics", "GET"): NGO_ANY | {"coordinator"},
    ("visits.list", "GET"): NGO_ANY | KOTO_ANY | {"coordinator"},
    ("visits.calendar", "GET"): NGO_ANY | KOTO_ANY | {"coordinator"},
    ("visits.plan", "GET"): KOTO_ANY,
    ("visits.plan", "POST"): KOTO_ANY,
    ("visits.detail", "GET"): {"ngo_receiving", "koto_county", "coordinator"},
    ("visits.ics", "GET"): {"ngo_receiving", "koto_county", "coordinator"},
    ("visits.confirm", "POST"): {"ngo_receiving"},
    ("visits.propose", "POST"): {"ngo_receiving"},
    ("visits.accept_proposal", "POST"): {"koto_county"},
    ("visits.cancel", "POST"): {"ngo_receiving", "koto_county"},
    ("visits.feedback", "POST"): {"ngo_receiving", "koto_county"},
    ("notices.list", "GET"): NGO_ANY | KOTO_ANY | {"coordinator"},
    ("notices.new", "GET"): KOTO_ANY,
    ("notices.new", "POST"): KOTO_ANY,
    ("notices.withdraw", "POST"): {"koto_county"},
}

#: Who may see the referral (its id and need) and the client's data in any answer.
SEES_REFERRAL = {"ngo_receiving", "koto_county"}
PRIVATE_TEXTS = (CLIENT["name"], CLIENT["phone"], CLIENT["email"], "Finnish conversation practice")


def _routes(app) -> set[tuple[str, str]]:
    return {
        (rule.endpoint, method)
        for rule in feature_rules(app)
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }


def test_every_endpoint_is_in_the_matrix(app):
    assert _routes(app) == set(ALLOWED)


def _denied(response) -> bool:
    if response.status_code in (401, 403, 404):
        return True
    return response.status_code == 302 and "/login" in response.headers.get("Location", "")


@pytest.mark.parametrize(("endpoint", "method"), sorted(ALLOWED))
def test_permission_matrix(app, client, world, login_as, endpoint, method):
    rule = next(r for r in feature_rules(app) if r.endpoint == endpoint)
    problems = []
    for role in ROLES:
        # Fresh objects for every role: an allowed POST may change them.
        referral = make_referral(world, status="sent")
        objects = {
            "referrals": referral,
            "visits": make_visit(world),
            "notices": make_notice(world),
        }
        user = world.users_by_role()[role]
        if user is None:
            with client.session_transaction() as session:
                session.clear()
        else:
            login_as(user)
        url = url_for_rule(rule, objects)
        response = client.open(url, method=method)
        body = response.get_data(as_text=True)
        allowed = role in ALLOWED[(endpoint, method)]
        if allowed == _denied(response):
            problems.append(
                f"{role}: {response.status_code} ({'should get in' if allowed else 'should be kept out'})"
            )
        if role not in SEES_REFERRAL:
            leaked = [v for v in PRIVATE_TEXTS if v in body]
            # The id may be in the address (and the language links); the audit log
            # names referrals by id on purpose.
            id_shown = referral.public_id not in url and referral.public_id in body
            if leaked or (id_shown and endpoint != "referrals.audit_log"):
                problems.append(f"{role}: answer shows the referral or client data {leaked}")
    assert problems == []
