"""Every user-visible string is translated into every shipped catalog."""

from __future__ import annotations

import re

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from coact.config import PROJECT_ROOT
from coact.i18n import TRANSLATIONS_DIR, compile_catalogs

LOCALES = sorted(p.name for p in TRANSLATIONS_DIR.iterdir() if (p / "LC_MESSAGES").is_dir())
KEYWORDS = {**DEFAULT_KEYWORDS, "lazy_gettext": None, "_l": None, "lazy_ngettext": (1, 2)}
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|\{\w*\}")


def _source_messages() -> dict[str, str]:
    found: dict[str, str] = {}
    for folder, method, options in (
        ("coact", "python", {}),
        ("scrapers", "python", {}),
        ("templates", "jinja2", {"trimmed": "true"}),
    ):
        pattern = "**.py" if method == "python" else "**.html"
        for filename, _lineno, message, _comments, _context in extract_from_dir(
            PROJECT_ROOT / folder,
            method_map=[(pattern, method)],
            options_map={pattern: options},
            keywords=KEYWORDS,
        ):
            msgid = message[0] if isinstance(message, tuple) else message
            if msgid:
                found.setdefault(msgid, f"{folder}/{filename}")
    return found


def _catalog(locale: str):
    with (TRANSLATIONS_DIR / locale / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=locale)


@pytest.mark.parametrize("locale", LOCALES)
def test_catalog_translates_every_source_string(locale):
    catalog = _catalog(locale)
    missing = []
    for msgid, where in _source_messages().items():
        entry = catalog.get(msgid)
        value = entry.string if entry else None
        texts = value if isinstance(value, tuple | list) else (value,)
        if not entry or not all(texts) or entry.fuzzy:
            missing.append(f"{msgid!r} ({where})")
    assert not missing, f"{locale}: {len(missing)} untranslated:\n" + "\n".join(missing[:50])


@pytest.mark.parametrize("locale", LOCALES)
def test_placeholders_match(locale):
    wrong = []
    for entry in _catalog(locale):
        if not entry.id or not entry.string:
            continue
        ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        expected = set(PLACEHOLDER.findall(ids[-1]))
        for text in strings:
            if set(PLACEHOLDER.findall(text)) != expected:
                wrong.append(f"{ids[0]!r} -> {text!r}")
    assert not wrong, f"{locale}: placeholders differ:\n" + "\n".join(wrong)


def test_catalogs_compile(tmp_path):
    compile_catalogs(tuple(LOCALES), tmp_path)
    for locale in LOCALES:
        assert (tmp_path / locale / "LC_MESSAGES" / "messages.mo").stat().st_size > 0
