"""Finding personal data in text that is meant to be anonymous.

Anonymous fields (the need of a referral, an advance notice, visit notes) are shown
to NGOs without consent, so a Finnish personal identity code in them is refused
outright, and what looks like a phone number, an e-mail address or a person's
name asks the writer to check the text once more. The name rule is deliberately
simple (two capitalised words in a row that are not places, languages, months
or weekdays): it only asks for a confirmation, so a false alarm costs one click.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from babel import Locale
from flask_babel import lazy_gettext as _l

from coact.reference import municipalities

IDENTITY_CODE_REFUSED = _l(
    "The text contains a Finnish personal identity code. Remove it: "
    "identity codes are never shared through Co-Act."
)

#: DDMMYY, century sign, individual number, check character (Väestörekisterikeskus).
_IDENTITY_CODE = re.compile(
    r"(?<![0-9A-Za-z])(\d{2})(\d{2})(\d{2})([-+ABCDEFUVWXY])(\d{3})([0-9A-Y])(?![0-9A-Za-z])",
    re.IGNORECASE,
)
_CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_CENTURIES = {"+": 1800, **dict.fromkeys("-YXWVU", 1900), **dict.fromkeys("ABCDEF", 2000)}

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
#: International (+358 40 …) or domestic (040 …, 09 …) numbers; spaces and dashes allowed.
_PHONE = re.compile(r"(?<![\w+])(?:\+\d{1,3}[\s-]?|0)\d{1,3}(?:[\s-]?\d){5,9}(?!\w)")
_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*")


def is_valid_identity_code(text: str) -> bool:
    """True when ``text`` is a Finnish personal identity code with a real date and check."""
    match = _IDENTITY_CODE.fullmatch(text.strip())
    return bool(match) and _valid(match)


def _valid(match: re.Match) -> bool:
    day, month, year, sign, individual, check = match.groups()
    try:
        date(_CENTURIES[sign.upper()] + int(year), int(month), int(day))
    except ValueError:
        return False
    number = int(f"{day}{month}{year}{individual}")
    return _CHECK_CHARACTERS[number % 31] == check.upper()


def identity_codes(text: str) -> list[str]:
    return [m.group(0) for m in _IDENTITY_CODE.finditer(text or "") if _valid(m)]


@dataclass
class Findings:
    """What a text seems to contain; identity codes block, the rest only warn."""

    identity_codes: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)

    @property
    def blocks(self) -> bool:
        return bool(self.identity_codes)

    @property
    def warns(self) -> bool:
        return bool(self.phones or self.emails or self.names)


def scan(text: str) -> Findings:
    text = text or ""
    codes = identity_codes(text)
    without_codes = _IDENTITY_CODE.sub(" ", text)
    emails = [m.group(0) for m in _EMAIL.finditer(without_codes)]
    without_emails = _EMAIL.sub(" ", without_codes)
    phones = [m.group(0).strip() for m in _PHONE.finditer(without_emails)]
    return Findings(codes, phones, emails, _name_like(without_emails))


def _name_like(text: str) -> list[str]:
    """Runs of two or more capitalised words, separated by spaces only, not known words."""
    known = _known_capitalised_words()
    found: list[str] = []
    run: list[str] = []
    last_end: int | None = None
    for match in _WORD.finditer(text):
        word = match.group(0)
        parts = re.split(r"[-'’]", word.casefold())
        capitalised = (
            word[0].isupper() and not word.isupper() and not any(p in known for p in parts)
        )
        adjacent = last_end is not None and text[last_end : match.start()].isspace()
        if capitalised and run and adjacent:
            run.append(word)
        else:
            if len(run) > 1:
                found.append(" ".join(run))
            run = [word] if capitalised else []
        last_end = match.end()
    if len(run) > 1:
        found.append(" ".join(run))
    return found


@cache
def _known_capitalised_words() -> frozenset[str]:
    """Places, language names, months and weekdays in fi/sv/en: capitalised, not names."""
    words: set[str] = set()
    for m in municipalities().values():
        words.update(v.casefold() for v in m.name.values())
    for code in ("fi", "sv", "en"):
        locale = Locale.parse(code)
        for name in locale.languages.values():
            words.update(w.casefold() for w in _WORD.findall(name))
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                words.update(v.casefold() for v in locale.months[context][width].values())
                words.update(v.casefold() for v in locale.days[context][width].values())
    words.update(("co-act", "koto", "ngo", "finland", "suomi", "finland's"))
    return frozenset(words)
