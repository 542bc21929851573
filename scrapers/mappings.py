"""Source vocabularies mapped to Co-Act codes, read from ``coact/data/import_mappings.json``.

The tables are data so that a coordinator's correction ("this PTV class is
also peer support") is a one-line change in one file, not a code change.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from coact.reference import DATA_DIR, normalise_language_code, target_groups, themes


@cache
def _all() -> dict[str, Any]:
    raw = json.loads((DATA_DIR / "import_mappings.json").read_text(encoding="utf-8"))
    _check(raw)
    return raw


def source(name: str) -> dict[str, Any]:
    """The mapping tables of one source (``ptv``, ``lahella``)."""
    return _all()[name]


def _check(raw: dict[str, Any]) -> None:
    """Refuse a table that names a theme or target group Co-Act does not have."""
    known_themes = set(themes())
    known_groups = set(target_groups())
    problems: list[str] = []

    def visit(value: Any, path: str) -> None:
        if isinstance(value, dict):
            for key, sub in value.items():
                if key.startswith("_"):
                    continue
                if key == "themes" and isinstance(sub, list):
                    problems.extend(f"{path}.themes: {c}" for c in sub if c not in known_themes)
                elif key in ("target_groups", "target_group"):
                    codes = sub if isinstance(sub, list) else [sub]
                    problems.extend(f"{path}.{key}: {c}" for c in codes if c not in known_groups)
                else:
                    visit(sub, f"{path}.{key}")
        elif isinstance(value, list):
            for i, item in enumerate(value):
                visit(item, f"{path}[{i}]")

    for source_name in ("ptv", "lahella"):
        tables = raw[source_name]
        for table in ("service_classes", "types", "themes", "formats"):
            for key, codes in tables.get(table, {}).items():
                problems.extend(
                    f"{source_name}.{table}.{key}: {c}" for c in codes if c not in known_themes
                )
        for key, codes in tables.get("target_groups", {}).items():
            problems.extend(
                f"{source_name}.target_groups.{key}: {c}" for c in codes if c not in known_groups
            )
        visit(tables.get("genders", {}), f"{source_name}.genders")
        visit(tables.get("age_target_groups", []), f"{source_name}.age_target_groups")
        for key, code in tables.get("locales", {}).items():
            if code is not None and normalise_language_code(code) != code:
                problems.append(f"{source_name}.locales.{key}: {code}")
    if problems:
        raise ValueError("import_mappings.json names unknown codes: " + ", ".join(problems))
