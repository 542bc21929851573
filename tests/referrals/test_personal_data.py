"""Finding personal data in texts that NGOs see without consent."""

from __future__ import annotations

import pytest

from coact.referrals.personal_data import identity_codes, is_valid_identity_code, scan


@pytest.mark.parametrize(
    "code",
    [
        "131052-308T",  # the example of the Digital and Population Data Services Agency
        "131052-308t",
        "010101A123N",
        "010101B123N",  # the century signs added in 2023
        "010101Y123N",
        "311299-999E",
        "290200A002C",  # 29 February of a leap year
    ],
)
def test_valid_identity_codes(code):
    assert is_valid_identity_code(code)


@pytest.mark.parametrize(
    "code",
    [
        "131052-308U",  # wrong check character
        "131052Z308T",  # not a century sign
        "310252-308T",  # 31 February
        "290201A002M",  # 29 February of a common year, right check character
        "131052-30T",
        "1310523308T",
    ],
)
def test_invalid_identity_codes(code):
    assert not is_valid_identity_code(code)


def test_identity_codes_found_inside_text_only_when_valid():
    text = "Asiakas 131052-308T ja 131052-308U, tilaus 123456-7890."
    assert identity_codes(text) == ["131052-308T"]


def test_aggregate_notice_text_is_clean():
    findings = scan(
        "about 10 Dari-speaking women needing digital skills support in Kerava in March"
    )
    assert not findings.blocks and not findings.warns


def test_finnish_aggregate_text_is_clean():
    findings = scan("Noin 8 somalinkielistä naista Vantaalla huhtikuussa, tarve: ATK-taidot.")
    assert not findings.blocks and not findings.warns


def test_names_phones_and_emails_warn():
    findings = scan("Ali Hassan, puh. +358 40 123 4567 tai 09 310 1234, ali@example.org")
    assert findings.names == ["Ali Hassan"]
    assert findings.phones == ["+358 40 123 4567", "09 310 1234"]
    assert findings.emails == ["ali@example.org"]
    assert findings.warns and not findings.blocks


def test_identity_code_blocks():
    findings = scan("hetu 131052-308T")
    assert findings.blocks
    assert findings.identity_codes == ["131052-308T"]
    assert findings.phones == []


def test_years_and_counts_are_not_phone_numbers():
    assert scan("Vuosina 2026 2027 noin 15 asiakasta").phones == []
