"""The referral tests' world of counties, teams, organisations and users."""

from tests.referrals.conftest import english, world  # noqa: F401  (fixtures)
