"""Anonymous statistics hide small counts, also against subtraction."""

from __future__ import annotations

from coact.referrals.statistics import SUPPRESSED, suppress, suppress_breakdown
from tests.referrals.conftest import make_referral


def test_counts_from_one_to_four_are_hidden():
    assert [suppress(n) for n in (0, 1, 4, 5, 12)] == [0, SUPPRESSED, SUPPRESSED, 5, 12]


def test_a_lone_hidden_cell_hides_the_next_smallest_too():
    shown = suppress_breakdown({"completed": 20, "declined": 6, "no_show": 2})
    assert shown == {"completed": 20, "declined": SUPPRESSED, "no_show": SUPPRESSED}


def test_two_hidden_cells_need_no_more_hiding():
    shown = suppress_breakdown({"completed": 20, "declined": 3, "no_show": 2})
    assert shown == {"completed": 20, "declined": SUPPRESSED, "no_show": SUPPRESSED}


def test_statistics_page_shows_fewer_than_five(client, world, login_as):
    for _ in range(3):
        make_referral(world, status="sent", consent=False)
    login_as(world.coordinator)
    page = client.get("/en/referrals/statistics").get_data(as_text=True)
    assert 'id="total">fewer than 5<' in page
    assert '<th scope="row">Language Café</th><td>fewer than 5</td>' in page
    login_as(world.ngo)
    page = client.get("/en/referrals/statistics").get_data(as_text=True)
    assert 'id="total">fewer than 5<' in page


def test_statistics_show_counts_of_five_or_more(client, world, login_as):
    for _ in range(5):
        make_referral(world, status="sent", consent=False)
    login_as(world.coordinator)
    page = client.get("/en/referrals/statistics").get_data(as_text=True)
    assert 'id="total">5<' in page
    login_as(world.coordinator_other)
    page = client.get("/en/referrals/statistics").get_data(as_text=True)
    assert 'id="total">0<' in page
