"""Checking match parameters, the same for the API and the search pages.

Every problem has a stable code (the API's ``error.code``) and a message in
the user's language. Nothing here trusts the input: unknown codes are refused,
numbers are bounded, and the free text is only ever analysed, never parsed as
query syntax.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from coact.reference import municipality, normalise_language_code, target_groups, themes

MAX_QUERY_LENGTH = 10_000
DEFAULT_LIMIT = 10
MAX_LIMIT = 50
MAX_OFFSET = 10_000
MAX_LANGUAGES = 10
MAX_THEMES = 20


class InvalidParameter(ValueError):
    def __init__(self, code: str, parameter: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.parameter = parameter
        self.message = message


@dataclass(frozen=True)
class MatchQuery:
    q: str = ""
    languages: tuple[str, ...] = ()
    municipality: str | None = None
    target_group: str | None = None
    themes: tuple[str, ...] = ()
    limit: int = DEFAULT_LIMIT
    offset: int = 0

    @property
    def is_empty(self) -> bool:
        """Nothing asked: the pages show only the form."""
        return not (self.q.strip() or self.languages or self.municipality or self.themes)


def _values(args: MultiDict, name: str) -> list[str]:
    """A repeatable parameter; also accepts comma-separated values."""
    out: list[str] = []
    for raw in args.getlist(name):
        out.extend(part.strip() for part in str(raw).split(",") if part.strip())
    return out


def _int(args: MultiDict, name: str, default: int, low: int, high: int, code: str) -> int:
    raw = args.get(name)
    if raw is None or str(raw).strip() == "":
        return default
    try:
        value = int(str(raw).strip())
    except ValueError:
        value = None
    if value is None or not low <= value <= high:
        raise InvalidParameter(
            code,
            name,
            _(
                "%(name)s must be a whole number from %(low)d to %(high)d.",
                name=name,
                low=low,
                high=high,
            ),
        )
    return value


def parse_match_args(
    args: MultiDict, *, default_limit: int = DEFAULT_LIMIT, max_limit: int = MAX_LIMIT
) -> MatchQuery:
    """A checked :class:`MatchQuery`, or :class:`InvalidParameter` for the first problem."""
    q = str(args.get("q", "") or "")
    if len(q) > MAX_QUERY_LENGTH:
        raise InvalidParameter(
            "query_too_long",
            "q",
            _("The description is too long (at most %(max)d characters).", max=MAX_QUERY_LENGTH),
        )
    q = "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in q)

    languages: list[str] = []
    raw_languages = _values(args, "lang")
    if len(raw_languages) > MAX_LANGUAGES:
        raise InvalidParameter(
            "too_many_languages", "lang", _("Give at most %(max)d languages.", max=MAX_LANGUAGES)
        )
    for raw in raw_languages:
        code = normalise_language_code(raw)
        if code is None:
            raise InvalidParameter(
                "invalid_language",
                "lang",
                _(
                    "Unknown language code: %(code)s. Use ISO 639 codes such as ar, so or uk.",
                    code=raw[:20],
                ),
            )
        if code not in languages:
            languages.append(code)

    municipality_code = (args.get("municipality") or "").strip() or None
    if municipality_code is not None and municipality(municipality_code) is None:
        raise InvalidParameter(
            "invalid_municipality",
            "municipality",
            _(
                "Unknown municipality code: %(code)s. Use the 3-digit Statistics Finland code.",
                code=municipality_code[:20],
            ),
        )

    target_group = (args.get("target_group") or "").strip() or None
    if target_group is not None and target_group not in target_groups():
        raise InvalidParameter(
            "invalid_target_group",
            "target_group",
            _("Unknown target group: %(code)s.", code=target_group[:40]),
        )

    chosen: list[str] = []
    raw_themes = _values(args, "theme")
    if len(raw_themes) > MAX_THEMES:
        raise InvalidParameter(
            "too_many_themes", "theme", _("Choose at most %(max)d needs.", max=MAX_THEMES)
        )
    for code in raw_themes:
        if code not in themes():
            raise InvalidParameter(
                "invalid_theme", "theme", _("Unknown need: %(code)s.", code=code[:40])
            )
        if code not in chosen:
            chosen.append(code)

    limit = _int(args, "limit", default_limit, 1, max_limit, "invalid_limit")
    offset = _int(args, "offset", 0, 0, MAX_OFFSET, "invalid_offset")
    return MatchQuery(
        q=q.strip(),
        languages=tuple(languages),
        municipality=municipality_code,
        target_group=target_group,
        themes=tuple(chosen),
        limit=limit,
        offset=offset,
    )
