"""Why a result matched, in the user's language, from the database rows.

The ranking decides the order from the index; the explanation is worked out
again from the rows people see, with the same rules (:mod:`rules`), so a
reason never describes stale index data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from flask_babel import format_date
from flask_babel import gettext as _

from coact.models import Service
from coact.reference import counties, language_name, municipality, target_groups, themes
from coact.search.documents import Profile, profile_date, profile_of
from coact.search.needs import Needs
from coact.search.rules import (
    LANG_FALLBACK,
    LANG_INTERPRETER,
    LANG_NONE,
    LANG_OWN,
    PLACE_COUNTY,
    PLACE_ELSEWHERE,
    PLACE_MUNICIPALITY,
    PLACE_REMOTE,
    Client,
    is_stale,
    language_tier,
    place_tier,
)

LANGUAGE_TIER_NAMES = {
    LANG_OWN: "client_language",
    LANG_INTERPRETER: "interpreter",
    LANG_FALLBACK: "fallback_language",
    LANG_NONE: "none",
}


@dataclass
class Explanation:
    reasons: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: Machine-readable facts behind the texts (the API's ``match`` object).
    facts: dict = field(default_factory=dict)


def _names(codes, locale: str) -> str:
    return ", ".join(language_name(code, locale) for code in codes)


def _place_names(codes: list[str], locale: str) -> str:
    names = []
    for code in codes:
        found = municipality(code)
        names.append(found.label(locale) if found else code)
    return ", ".join(names)


def explain(
    service: Service,
    facts: dict,
    client: Client,
    needs: Needs,
    matched_units: dict[int, float],
    locale: str,
    now: datetime,
) -> Explanation:
    out = Explanation()
    theme_labels = themes()
    declared = set(facts["themes"]) if facts else set(service.themes)
    matched_themes: list[str] = []
    for index in sorted(matched_units, key=lambda i: -needs.units[i].weight * matched_units[i]):
        unit = needs.units[index]
        if unit.is_theme:
            for code in unit.themes:
                term = theme_labels.get(code)
                label = term.label(locale) if term else code
                matched_themes.append(code)
                if code in declared:
                    out.reasons.append(_("Need: %(need)s", need=label))
                else:
                    out.reasons.append(_("Need: %(need)s (in its text)", need=label))
        else:
            out.reasons.append(_("Mentions “%(word)s”", word=unit.label))

    profile = Profile.from_facts(facts) if facts else profile_of(service)
    languages = sorted(profile.languages)
    interpreters = sorted(profile.interpreters)
    tier, code = language_tier(client, languages, interpreters)
    if not client.languages:
        if languages:
            out.reasons.append(_("Languages: %(languages)s", languages=_names(languages, locale)))
    elif tier == LANG_OWN:
        out.reasons.append(_("In %(language)s", language=language_name(code, locale)))
    elif tier == LANG_INTERPRETER:
        out.reasons.append(
            _("Volunteer interpreters for %(language)s", language=language_name(code, locale))
        )
    elif tier == LANG_FALLBACK:
        out.reasons.append(
            _("In %(language)s, which the client speaks", language=language_name(code, locale))
        )
    else:
        if languages:
            out.warnings.append(
                _(
                    "Not in any of the client's languages (runs in %(languages)s)",
                    languages=_names(languages, locale),
                )
            )
        else:
            out.warnings.append(_("Not in any of the client's languages (languages not given)"))
    if interpreters and tier != LANG_INTERPRETER:
        out.reasons.append(
            _("Volunteer interpreters: %(languages)s", languages=_names(interpreters, locale))
        )

    municipalities = list(profile.municipalities)
    nationwide = profile.nationwide
    remote = profile.online or nationwide
    place = place_tier(client, municipalities, profile.counties, remote)
    if client.municipality and place == PLACE_MUNICIPALITY:
        out.reasons.append(_("In %(place)s", place=_place_names([client.municipality], locale)))
    elif place == PLACE_COUNTY and client.county:
        county = counties().get(client.county)
        out.reasons.append(
            _(
                "In the client's wellbeing services county (%(county)s)",
                county=county.label(locale) if county else client.county,
            )
        )
    elif place == PLACE_ELSEWHERE:
        where = _place_names(municipalities, locale) if municipalities else ""
        if where:
            out.warnings.append(_("Outside the client's area: %(places)s", places=where))
        else:
            out.warnings.append(_("Outside the client's area"))
    if profile.online:
        out.reasons.append(_("Online"))
    if nationwide:
        out.reasons.append(_("Nationwide"))
    if not client.municipality and municipalities and not remote:
        out.reasons.append(_("In %(place)s", place=_place_names(municipalities[:5], locale)))

    if client.target_group and client.target_group in profile.target_groups:
        group = target_groups().get(client.target_group)
        out.reasons.append(
            _(
                "Target group: %(group)s",
                group=group.label(locale) if group else client.target_group,
            )
        )
    if service.can_escort:
        out.reasons.append(_("A volunteer can escort the client"))
    if service.accepts_referrals:
        out.reasons.append(_("Accepts referrals"))

    updated = (
        (datetime.fromisoformat(facts["updated"]) if facts and facts.get("updated") else None)
        if facts
        else profile_date(service)
    )
    stale = is_stale(updated, now)
    if stale and updated is not None:
        out.warnings.append(
            _("Not updated since %(date)s", date=format_date(updated, format="medium"))
        )
    out.facts = {
        "themes": matched_themes,
        "language": code,
        "language_tier": LANGUAGE_TIER_NAMES[tier] if client.languages else None,
        "place_tier": _place_name(place, profile.online, nationwide)
        if client.municipality
        else None,
        "stale": stale,
        "updated": updated.date().isoformat() if updated else None,
    }
    return out


def _place_name(place: int, online: bool, nationwide: bool) -> str:
    if place == PLACE_MUNICIPALITY:
        return "municipality"
    if place == PLACE_COUNTY:
        return "county"
    if place == PLACE_REMOTE:
        return "online" if online else "nationwide"
    return "elsewhere"
