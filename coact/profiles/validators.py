"""Checks and normal forms for contact details typed into profile forms.

Each ``clean_*`` function returns the value as it is stored, or raises
``ValueError`` with a translatable message; empty input becomes None.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask_babel import lazy_gettext as _l

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_PHONE_CHARACTERS = re.compile(r"^\+?[0-9 ()\-/]+$")
_BUSINESS_ID = re.compile(r"^(\d{6,7})-(\d)$")
_POSTAL_CODE = re.compile(r"^\d{5}$")
_HOST = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$|^[a-z0-9.-]+\.xn--[a-z0-9-]+$")
#: Weights of the Finnish business id (Y-tunnus) check digit.
_BUSINESS_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def _blank(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def is_valid_email(value: str) -> bool:
    return bool(_EMAIL.match(value)) and len(value) <= 255


def clean_email(value: str | None) -> str | None:
    value = _blank(value)
    if value is None:
        return None
    if not is_valid_email(value):
        raise ValueError(_l("Enter an e-mail address such as name@example.org."))
    return value


def clean_phone(value: str | None) -> str | None:
    """Digits with an optional leading + and common separators, at least 5 digits."""
    value = _blank(value)
    if value is None:
        return None
    value = " ".join(value.split())
    digits = sum(ch.isdigit() for ch in value)
    if not _PHONE_CHARACTERS.match(value) or not 5 <= digits <= 15:
        raise ValueError(_l("Enter a phone number such as +358 40 123 4567 or 09 123 4567."))
    return value


def clean_url(value: str | None) -> str | None:
    """An http(s) address; ``example.org`` becomes ``https://example.org``."""
    value = _blank(value)
    if value is None:
        return None
    if "://" not in value:
        value = f"https://{value}"
    parts = urlsplit(value)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not _HOST.match(host) or " " in value:
        raise ValueError(_l("Enter a web address such as https://example.org."))
    if len(value) > 500:
        raise ValueError(_l("The web address is too long."))
    return value


def business_id_check_digit(digits: str) -> int | None:
    """The check digit of a 7-digit business id, or None when none is possible."""
    remainder = sum(int(d) * w for d, w in zip(digits, _BUSINESS_ID_WEIGHTS, strict=True)) % 11
    if remainder == 0:
        return 0
    if remainder == 1:
        return None
    return 11 - remainder


def clean_business_id(value: str | None) -> str | None:
    """A Finnish business id (Y-tunnus) ``1234567-8``; the old 6-digit form gets its 0."""
    value = _blank(value)
    if value is None:
        return None
    match = _BUSINESS_ID.match(value.replace(" ", ""))
    if not match:
        raise ValueError(
            _l("Enter the business id as seven digits, a hyphen and a check digit (1234567-8).")
        )
    digits = match.group(1).zfill(7)
    if business_id_check_digit(digits) != int(match.group(2)):
        raise ValueError(_l("This business id is not valid: its check digit does not match."))
    return f"{digits}-{match.group(2)}"


def clean_postal_code(value: str | None) -> str | None:
    value = _blank(value)
    if value is None:
        return None
    if not _POSTAL_CODE.match(value):
        raise ValueError(_l("Enter a Finnish postal code of five digits."))
    return value
