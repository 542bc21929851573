"""Read and check the organisation list's query string.

Every value people can put in the address is checked against the reference
data, and a bad one gets a message saying what is wrong instead of being
dropped silently (a list that quietly ignores a filter looks like an answer).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from coact.directory.services import OrganizationFilters
from coact.reference import municipality, normalise_language_code, target_groups, themes

#: Query parameter names, the same as on the search page and in the API.
PARAMS = ("q", "municipality", "lang", "theme", "target_group")
MAX_QUERY_LENGTH = 200


@dataclass(frozen=True)
class Problem:
    #: The form field it concerns (for the error summary link), or None.
    field: str | None
    message: str


@dataclass
class ListQuery:
    filters: OrganizationFilters
    page: int
    problems: list[Problem] = field(default_factory=list)

    @property
    def params(self) -> dict[str, str]:
        """The filters as query parameters, for links that keep them (pagination)."""
        f = self.filters
        values = {
            "q": f.q,
            "municipality": f.municipality,
            "lang": f.language,
            "theme": f.theme,
            "target_group": f.target_group,
        }
        return {name: value for name, value in values.items() if value}

    def problem_for(self, name: str) -> str | None:
        return next((p.message for p in self.problems if p.field == name), None)


def _municipality(value: str, problems: list[Problem]) -> str | None:
    code = value.zfill(3) if value.isdigit() and len(value) < 3 else value
    if municipality(code):
        return code
    problems.append(
        Problem(
            "municipality",
            _(
                "“%(value)s” is not a municipality code. Choose a municipality from the list.",
                value=value,
            ),
        )
    )
    return None


def _language(value: str, problems: list[Problem]) -> str | None:
    code = normalise_language_code(value)
    if code:
        return code
    problems.append(
        Problem(
            "lang",
            _("“%(value)s” is not a language code. Choose a language from the list.", value=value),
        )
    )
    return None


def _term(value: str, known: dict, name: str, problems: list[Problem]) -> str | None:
    if value in known:
        return value
    message = (
        _(
            "“%(value)s” is not a theme of this directory. Choose a theme from the list.",
            value=value,
        )
        if name == "theme"
        else _(
            "“%(value)s” is not a target group of this directory. "
            "Choose a target group from the list.",
            value=value,
        )
    )
    problems.append(Problem(name, message))
    return None


def _page(value: str, problems: list[Problem]) -> int:
    if value.isdigit() and int(value) >= 1:
        return int(value)
    problems.append(
        Problem(
            None, _("“%(value)s” is not a page number. Pages are numbered from 1.", value=value)
        )
    )
    return 1


def parse_list_query(args: MultiDict) -> ListQuery:
    raw = {name: (args.get(name) or "").strip() for name in (*PARAMS, "page")}
    problems: list[Problem] = []
    q = raw["q"]
    if len(q) > MAX_QUERY_LENGTH:
        problems.append(
            Problem(
                "q",
                _(
                    "The name to look for is too long: at most %(max)d characters.",
                    max=MAX_QUERY_LENGTH,
                ),
            )
        )
        q = ""
    filters = OrganizationFilters(
        q=q,
        municipality=_municipality(raw["municipality"], problems) if raw["municipality"] else None,
        language=_language(raw["lang"], problems) if raw["lang"] else None,
        theme=_term(raw["theme"], themes(), "theme", problems) if raw["theme"] else None,
        target_group=(
            _term(raw["target_group"], target_groups(), "target_group", problems)
            if raw["target_group"]
            else None
        ),
    )
    page = _page(raw["page"], problems) if raw["page"] else 1
    return ListQuery(filters=filters, page=page, problems=problems)
