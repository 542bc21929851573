"""Add or update translations in the fi/sv/en catalogs, safely from parallel shells.

Usage: python scripts/add_translations.py FRAGMENT.json

FRAGMENT.json maps each English source string (the msgid, exactly as in the
code) to its translations:
    {"Search": {"fi": "Hae", "sv": "Sök"},
     "%(num)d result": {"plural": "%(num)d results",
                         "fi": ["%(num)d tulos", "%(num)d tulosta"],
                         "sv": ["%(num)d träff", "%(num)d träffar"]}}
English catalogs get the source text itself. The catalogs are locked while written.
"""

from __future__ import annotations

import fcntl
import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent / "translations"


def merge(fragment: dict) -> None:
    with (ROOT / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for po_path in sorted(ROOT.glob("*/LC_MESSAGES/messages.po")):
            locale = po_path.parts[-3]
            with po_path.open("rb") as handle:
                catalog = read_po(handle, locale=locale)
            for msgid, entry in fragment.items():
                plural = entry.get("plural")
                value = entry.get(locale)
                if locale == "en" and value is None:
                    value = [msgid, plural] if plural else msgid
                if value is None:
                    continue
                key = (msgid, plural) if plural else msgid
                if plural and isinstance(value, str):
                    value = [value, value]
                catalog.add(key, tuple(value) if plural else value)
            with po_path.open("wb") as handle:
                write_po(handle, catalog, width=0, sort_output=True)


if __name__ == "__main__":
    merge(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")))
