"""Generate the relevance development set: directory.json, queries.json, truth.json.

Run ``python benchmarks/data/relevance/generate.py`` to rewrite the three files
beside this script (``--out DIR`` writes elsewhere); the output is the same
byte for byte on every run. Every activity has a hidden ground truth (needs
served, languages it is run in, interpreter languages, areas, target groups and
ages, status, freshness); the HSDS file shows only part of it (about half the
activities declare no themes, some languages appear only in the text), and
every query's judgments are computed from that truth by the rules in README.md,
never from any engine's output.

The directory is built around the queries: for each query a few activities that
fit fully, some that fit partly, and hard distractors (right need in the wrong
place or language, a group the client cannot join, inactive or stale), plus
homonyms (the same words in another sense) and a background of other
associations. Texts come from the theme phrase banks in phrases.py, never from
the query, so the set rewards engines that handle Finnish, Swedish and English
as NGOs write them.
"""

from __future__ import annotations

import argparse
import json
import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import phrases as P

HERE = Path(__file__).resolve().parent
PROJECT_DATA = HERE.parents[2] / "coact" / "data"

SEED = 20261101
#: Freshness is judged against this date; the benchmark shifts every
#: ``last_modified`` by (today - REFERENCE_DATE) so the set does not age.
REFERENCE_DATE = date(2026, 11, 1)
STALE_AFTER_DAYS = 365
NAMESPACE = uuid.UUID("0b1c7f9e-52a4-5d0e-9c3a-6a1f2e4d8b70")
#: Languages a worker lists as a fallback the client also speaks (the issue's "fi/en fallback").
FALLBACK_LANGUAGES = ("fi", "en")
#: Languages no community association is named after.
MAJORITY_LANGUAGES = ("fi", "sv", "en")
#: Languages of planted associations, weighted roughly as migrant languages are spoken in Finland.
MIGRANT_LANGUAGE_WEIGHTS = {  # fmt: skip
    "ar": 12,
    "so": 8,
    "fa": 5,
    "prs": 5,
    "ckb": 3,
    "kmr": 3,
    "ru": 10,
    "uk": 9,
    "et": 6,
    "ti": 3,
    "tr": 2,
    "fr": 2,
    "es": 2,
    "vi": 2,
    "th": 2,
    "sq": 1,
    "am": 1,
    "zh": 1,
}
INACTIVE_STATUSES = ["inactive", "defunct", "temporarily closed"]
#: Themes that restrict who may take part.
THEME_GROUP = {
    "women_groups": "women",
    "men_groups": "men",
    "children_activities": "children",
    "youth_activities": "youth",
    "seniors": "seniors",
}
GROUP_AGES = {
    "children": [(6, 12), (7, 12), (7, 13)],
    "youth": [(13, 17), (16, 29), (15, 25), (13, 29)],
    "seniors": [(65, None), (63, None)],
}
#: Needs that cannot be met online or by a nationwide phone line.
IN_PERSON_THEMES = {
    "food_aid",
    "material_aid",
    "sports_leisure",
    "escort_interpreting",
    "children_activities",
    "meeting_place",
}
#: Themes whose activities meet as a group (the rest are desks, phone lines, services).
GROUP_THEMES = {
    "finnish_language",
    "swedish_language",
    "mother_tongue",
    "peer_support",
    "mental_health",
    "women_groups",
    "men_groups",
    "seniors",
    "sports_leisure",
    "culture_arts",
    "family_support",
    "children_activities",
    "youth_activities",
    "lgbtq_support",
    "homework_help",
    "substance_use",
    "faith_community",
}
ARCHETYPE_THEMES = {
    "community": [
        "mother_tongue",
        "women_groups",
        "peer_support",
        "everyday_guidance",
        "homework_help",
        "culture_arts",
        "sports_leisure",
        "youth_activities",
        "children_activities",
        "family_support",
        "escort_interpreting",
        "meeting_place",
        "men_groups",
    ],
    "multicultural": [
        "finnish_language",
        "meeting_place",
        "everyday_guidance",
        "friendship_mentoring",
        "digital_skills",
        "employment_jobseeking",
        "family_support",
        "homework_help",
        "women_groups",
        "culture_arts",
        "volunteering",
        "material_aid",
        "food_aid",
        "seniors",
        "sports_leisure",
        "peer_support",
    ],
    "service": [
        "mental_health",
        "crisis_support",
        "domestic_violence",
        "legal_advice",
        "residence_permit_help",
        "financial_advice",
        "housing_advice",
        "substance_use",
        "disability_support",
        "health_guidance",
        "lgbtq_support",
        "education_guidance",
        "entrepreneurship",
        "peer_support",
    ],
}


# ---------------------------------------------------------------------------
# The hidden ground truth


#: Ages of the age-based target groups of taxonomy.json (inclusive; None = no limit).
GROUP_AGE_RANGES = {"children": (0, 12), "youth": (13, 29), "seniors": (65, None)}
#: A KOTO client is an adult unless the query says otherwise.
ADULT = (18, None)


def ages_disjoint(a: tuple[int | None, int | None], b: tuple[int | None, int | None]) -> bool:
    (a_low, a_high), (b_low, b_high) = a, b
    return (a_high is not None and b_low is not None and a_high < b_low) or (
        b_high is not None and a_low is not None and b_high < a_low
    )


@dataclass(frozen=True)
class Client:
    """What the worker's query says about the client: its target group and its words.

    Nothing the query does not express is assumed, so every grade can be
    reached from the query alone.
    """

    gender: str | None = None  # "f" or "m"
    ages: tuple[int, int | None] = ADULT
    family: bool | None = None  # has children of their own
    lgbtq: bool | None = None

    def membership(self, group: str) -> str:
        """ "in", "out" or "unknown" for one target group of taxonomy.json."""
        if group == "women":
            return {"f": "in", "m": "out"}.get(self.gender or "", "unknown")
        if group == "men":
            return {"m": "in", "f": "out"}.get(self.gender or "", "unknown")
        if group in GROUP_AGE_RANGES:
            low, high = GROUP_AGE_RANGES[group]
            if ages_disjoint(self.ages, (low, high)):
                return "out"
            inside = self.ages[0] >= low and (
                high is None or (self.ages[1] is not None and self.ages[1] <= high)
            )
            return "in" if inside else "unknown"
        if group == "families":
            return "in" if self.family else "unknown"
        if group == "asylum_seekers":
            return "out"  # KOTO clients hold a residence permit
        if group == "lgbtq":
            return "in" if self.lgbtq else "unknown"
        raise ValueError(group)

    def as_json(self) -> dict:
        out: dict = {"ages": list(self.ages)}
        for key in ("gender", "family", "lgbtq"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out


@dataclass(frozen=True)
class Query:
    id: str
    text: str
    text_lang: str
    lang: tuple[str, ...]
    municipality: str
    target_group: str | None
    needs: tuple[str, ...]
    client: Client

    @property
    def own_languages(self) -> set[str]:
        own = {code for code in self.lang if code not in FALLBACK_LANGUAGES}
        return own or set(self.lang)

    @property
    def fallback_languages(self) -> set[str]:
        return set(self.lang) - self.own_languages


@dataclass
class Activity:
    themes: list[str]
    languages: list[str]
    areas: list[tuple[str, str]]
    interpreters: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    ages: tuple[int | None, int | None] = (None, None)
    online: bool = False
    can_escort: bool = False
    accepts_referrals: bool = False
    status: str = "active"
    stale: bool = False
    role: str = "background"
    #: Where the organisation sits when it is not the first area (online or nationwide).
    home: str | None = None
    #: What the HSDS file shows of the truth (filled in by ``decide_disclosure``).
    declared: dict = field(default_factory=dict)
    #: Rendered fields.
    name: str = ""
    description: str = ""
    id: str = ""
    fixed_text: tuple[str, str] | None = None


@dataclass
class Organization:
    key: str
    archetype: str
    home: str
    text_lang: str
    community_lang: str | None
    activities: list[Activity]
    role: str
    name: str = ""
    id: str = ""
    fixed_name: str | None = None


def stable_id(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(str(p) for p in parts)))


def load_reference() -> tuple[dict, dict, dict]:
    areas = json.loads((PROJECT_DATA / "areas.json").read_text(encoding="utf-8"))
    taxonomy = json.loads((PROJECT_DATA / "taxonomy.json").read_text(encoding="utf-8"))
    municipalities = {m["code"]: m for m in areas["municipalities"]}
    counties = {c["code"]: c for c in areas["counties"]}
    terms = {
        t["id"]: {term["code"]: term["name"] for term in t.get("terms", [])}
        for t in taxonomy["taxonomies"]
    }
    return municipalities, counties, terms


MUNICIPALITIES, COUNTIES, TERMS = load_reference()


def county_of(code: str) -> str:
    return MUNICIPALITIES[code]["county"]


def covers(area: tuple[str, str], municipality: str) -> bool:
    kind, code = area
    if kind == "municipality":
        return code == municipality or county_of(code) == county_of(municipality)
    if kind == "county":
        return code == county_of(municipality)
    return False


def activity_grade(act: Activity, query: Query) -> int:
    """The rules of README.md, applied to one activity's hidden truth."""
    if act.status != "active" or act.stale:
        return 0
    if not set(act.themes) & set(query.needs):
        return 0
    partial = 0
    if ages_disjoint(query.client.ages, act.ages):
        return 0
    memberships = [query.client.membership(g) for g in act.groups]
    if memberships and "in" not in memberships:
        if all(m == "out" for m in memberships):
            return 0
        partial += 1
    languages = set(act.languages)
    if not languages & query.own_languages:
        if set(act.interpreters) & query.own_languages or languages & query.fallback_languages:
            partial += 1
        else:
            return 0
    if not any(covers(a, query.municipality) for a in act.areas):
        if act.online or any(kind == "nationwide" for kind, _ in act.areas):
            partial += 1
        else:
            return 0
    return 3 - min(partial, 2)


# ---------------------------------------------------------------------------
# Queries as KOTO workers type them, with the hidden intent behind each.


def q(id_, text, text_lang, lang, municipality, target_group, needs, **said) -> Query:
    """A query; the client is what its target group implies, refined by what its words say."""
    implied: dict = {
        "women": {"gender": "f"},
        "men": {"gender": "m"},
        "families": {"family": True},
        "lgbtq": {"lgbtq": True},
    }.get(target_group or "", {})
    if target_group in GROUP_AGE_RANGES:
        implied = {"ages": GROUP_AGE_RANGES[target_group]}
    return Query(
        id_,
        text,
        text_lang,
        tuple(lang),
        municipality,
        target_group,
        tuple(needs),
        Client(**{**implied, **said}),
    )


# fmt: off
#: id, text as typed, its language, the client's languages, municipality, target group,
#: needs (any of them serves), and what the words say about the client beyond the target group.
QUERIES: list[Query] = [
    q("q01", "arabiankielinen vertaistukiryhmä naisille", "fi", ["ar"], "837", "women", ["peer_support", "women_groups"]),
    q("q02", "apua oleskelulupahakemuksen täyttämiseen", "fi", ["prs", "fa"], "091", None, ["residence_permit_help"]),
    q("q03", "kielikahvila", "fi", ["ar", "fi"], "092", None, ["finnish_language"]),
    q("q04", "läksyapua somaliksi alakoululaiselle", "fi", ["so", "fi"], "049", "children", ["homework_help"], ages=(7, 12)),
    q("q05", "mielenterveyttä tukevaa toimintaa dariksi nuorelle miehelle", "fi", ["prs"], "853", "men", ["mental_health"], ages=(18, 29)),
    q("q06", "työnhakuvalmennus 45-vuotiaalle venäjänkieliselle naiselle", "fi", ["ru", "fi"], "398", "women", ["employment_jobseeking"], ages=(45, 45)),
    q("q07", "ruoka-apua ukrainalaiselle perheelle", "fi", ["uk", "ru"], "286", "families", ["food_aid"]),
    q("q08", "vertaistukiryhmä miehille kurdiksi", "fi", ["ckb"], "564", "men", ["peer_support", "men_groups"]),
    q("q09", "suomen kurssi kotiäideille jossa lastenhoito", "fi", ["ar", "fi"], "179", "women", ["finnish_language"], family=True),
    q("q10", "velkaneuvonta", "fi", ["ar", "en"], "837", None, ["financial_advice"]),
    q("q11", "asumisneuvontaa tigrinjaksi", "fi", ["ti", "en"], "091", None, ["housing_advice"]),
    q("q12", "saattaja kelaan somalinkieliselle", "fi", ["so"], "853", None, ["escort_interpreting"]),
    q("q13", "lähisuhdeväkivalta tukea arabiaksi", "fi", ["ar"], "092", "women", ["domestic_violence"]),
    q("q14", "harrastus nuorelle pojalle jalkapallo", "fi", ["prs", "fi"], "297", "youth", ["sports_leisure"], gender="m"),
    q("q15", "ystävätoiminta yksinäiselle ikäihmiselle venäjäksi", "fi", ["ru"], "167", "seniors", ["friendship_mentoring", "seniors"]),
    q("q16", "digiapua pankkitunnusten käyttöön", "fi", ["et", "fi"], "186", None, ["digital_skills"]),
    q("q17", "perhekahvila ukrainaksi", "fi", ["uk"], "609", "families", ["family_support"]),
    q("q18", "terveysneuvontaa somaliksi", "fi", ["so"], "091", None, ["health_guidance"]),
    q("q19", "kriisiapua sodan kokeneelle ukrainalaiselle", "fi", ["uk", "ru"], "179", None, ["crisis_support", "mental_health"]),
    q("q20", "neuvontaa koulutukseen hakemisessa", "fi", ["fa", "en"], "837", None, ["education_guidance"]),
    q("q21", "tutkinnon tunnustaminen apua", "fi", ["ar", "en"], "564", None, ["education_guidance"]),
    q("q22", "yrityksen perustaminen neuvontaa", "fi", ["ar", "fi"], "092", None, ["entrepreneurship"]),
    q("q23", "sateenkaari-ihmisten tukiryhmä persiaksi", "fi", ["fa", "en"], "091", "lgbtq", ["lgbtq_support"]),
    q("q24", "päihdeongelma tukea venäjäksi", "fi", ["ru", "et"], "405", None, ["substance_use"]),
    q("q25", "vammaisen lapsen perhe tukea arabiaksi", "fi", ["ar"], "109", "families", ["disability_support"]),
    q("q26", "vaatteita ja tavaraa perheelle", "fi", ["uk"], "285", "families", ["material_aid"]),
    q("q27", "somalinkielinen naisten ryhmä", "fi", ["so"], "837", "women", ["women_groups", "peer_support"]),
    q("q28", "miesten ryhmä dariksi", "fi", ["prs", "fa"], "853", "men", ["men_groups", "peer_support"]),
    q("q29", "kerhotoimintaa lapsille soraniksi", "fi", ["ckb", "fi"], "398", "children", ["children_activities"]),
    q("q30", "nuorten työnhaku", "fi", ["ti", "en", "fi"], "091", "youth", ["employment_jobseeking"]),
    q("q31", "lakineuvontaa työsuhdeasioissa", "fi", ["ar", "en"], "049", None, ["legal_advice"]),
    q("q32", "kansalaisuushakemus apua", "fi", ["ru", "fi"], "092", None, ["residence_permit_help"]),
    q("q33", "perheenyhdistäminen neuvonta somali", "fi", ["so"], "091", None, ["residence_permit_help"]),
    q("q34", "puhekerho suomen kieli", "fi", ["uk", "fi"], "837", None, ["finnish_language"]),
    q("q35", "tukea mielenterveyteen arabiankieliselle miehelle", "fi", ["ar"], "743", "men", ["mental_health"]),
    q("q36", "ikäihmisten kerho venäjänkielisille", "fi", ["ru"], "285", "seniors", ["seniors"]),
    q("q37", "kuoro tai teatteri harrastus aikuiselle", "fi", ["en", "fi"], "179", None, ["culture_arts"]),
    q("q38", "naisten liikuntaryhmä", "fi", ["so", "fi"], "091", "women", ["sports_leisure"]),
    q("q39", "kohtaamispaikka päiväaikaan eläkeikäiselle miehelle", "fi", ["ar", "fi"], "609", "seniors", ["meeting_place"], gender="m"),
    q("q40", "vapaaehtoistyötä maahanmuuttajalle", "fi", ["en", "fi"], "564", None, ["volunteering"]),
    q("q41", "tulkkiapu lääkärikäynnille tigrinja", "fi", ["ti"], "837", None, ["escort_interpreting"]),
    q("q42", "ruokajako lauantaisin", "fi", ["ar", "fi"], "491", None, ["food_aid"]),
    q("q43", "häätöuhka asumisneuvonta", "fi", ["so", "fi"], "092", "families", ["housing_advice"]),
    q("q44", "läksykerho yläkoululaiselle arabiaksi", "fi", ["ar", "fi"], "837", "youth", ["homework_help"], ages=(13, 16)),
    q("q45", "mentori uuteen kotikaupunkiin", "fi", ["fa", "en"], "049", None, ["friendship_mentoring"]),
    q("q46", "kurmandžinkielinen neuvontapiste", "fi", ["kmr"], "091", None, ["everyday_guidance"]),
    q("q47", "neuvontaa arjen asioihin viroksi", "fi", ["et"], "245", None, ["everyday_guidance"]),
    q("q48", "kriisipuhelin arabiaksi", "fi", ["ar"], "698", None, ["crisis_support"]),
    q("q49", "psykososiaalinen tuki sotatrauma ukraina", "fi", ["uk", "ru"], "205", None, ["mental_health", "crisis_support"]),
    q("q50", "oleskeluluvan jatkohakemus", "fi", ["ar", "en"], "905", None, ["residence_permit_help"]),
    q("q51", "läksyaapu", "fi", ["ti", "fi"], "272", "children", ["homework_help"]),
    q("q52", "työllistyminen somalinaiset", "fi", ["so", "fi"], "091", "women", ["employment_jobseeking"]),
    q("q53", "mielenterveys tuki persiaks", "fi", ["fa"], "837", None, ["mental_health"]),
    q("e01", "somali speaking homework help for kids", "en", ["so", "en"], "091", "children", ["homework_help"]),
    q("e02", "english speaking peer support group for new mothers", "en", ["en"], "049", "women", ["peer_support", "family_support"], family=True),
    q("e03", "job search help in english", "en", ["en"], "837", None, ["employment_jobseeking"]),
    q("e04", "legal advice residence permit arabic", "en", ["ar", "en"], "853", None, ["residence_permit_help", "legal_advice"]),
    q("e05", "mental health support in farsi", "en", ["fa", "en"], "091", None, ["mental_health"]),
    q("e06", "food bank", "en", ["en", "ar"], "092", None, ["food_aid"]),
    q("e07", "finnish course for beginners in the evening", "en", ["ti", "en"], "564", None, ["finnish_language"]),
    q("e08", "support for domestic violence survivors ukrainian", "en", ["uk", "en"], "091", "women", ["domestic_violence"]),
    q("e09", "volunteer to accompany client to hospital, dari", "en", ["prs", "en"], "837", None, ["escort_interpreting"]),
    q("e10", "debt advice", "en", ["en"], "179", None, ["financial_advice"]),
    q("e11", "youth club for teenage boys arabic", "en", ["ar", "fi"], "092", "youth", ["youth_activities"], gender="m", ages=(13, 19)),
    q("e12", "housing advice family facing eviction russian", "en", ["ru", "en"], "398", "families", ["housing_advice"]),
    q("e13", "rainbow group for migrants", "en", ["en", "ar"], "837", "lgbtq", ["lgbtq_support"]),
    q("e14", "digital skills course for seniors russian", "en", ["ru", "en"], "853", "seniors", ["digital_skills"]),
    q("e15", "men's peer group kurdish sorani", "en", ["ckb", "en"], "091", "men", ["peer_support", "men_groups"]),
    q("s01", "svenskkurs för nyanlända föräldrar", "sv", ["ar", "sv"], "905", "families", ["swedish_language"]),
    q("s02", "läxhjälp på somaliska", "sv", ["so", "sv"], "091", "children", ["homework_help"]),
    q("s03", "samtalsgrupp för kvinnor på arabiska", "sv", ["ar"], "598", "women", ["peer_support", "women_groups"]),
    q("s04", "rådgivning om uppehållstillstånd", "sv", ["prs", "en"], "638", None, ["residence_permit_help"]),
    q("s05", "hjälp med jobbsökning", "sv", ["ti", "sv"], "545", None, ["employment_jobseeking"]),
    q("s06", "språkcafé svenska", "sv", ["uk", "sv"], "710", None, ["swedish_language"]),
    q("s07", "stöd för psykisk hälsa på ryska", "sv", ["ru", "sv"], "499", None, ["mental_health"]),
    q("s08", "matutdelning", "sv", ["ar", "sv"], "272", None, ["food_aid"]),
]
# fmt: on


# ---------------------------------------------------------------------------
# Building the directory


def compatible(theme: str, groups: list[str]) -> bool:
    """Whether an activity of ``theme`` can be restricted to ``groups``."""
    return theme not in THEME_GROUP or not groups or THEME_GROUP[theme] in groups


class Builder:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.orgs: list[Organization] = []

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def migrant_language(self, exclude: set[str] = frozenset()) -> str:
        pool = [(c, w) for c, w in MIGRANT_LANGUAGE_WEIGHTS.items() if c not in exclude]
        return self.rng.choices([c for c, _ in pool], weights=[w for _, w in pool])[0]

    def municipality(
        self, exclude_counties: set[str] = frozenset(), swedish_speaking: bool = False
    ) -> str:
        codes = [
            c
            for c in P.MUNICIPALITIES
            if county_of(c) not in exclude_counties
            and (not swedish_speaking or P.MUNICIPALITIES[c]["sv_share"] > 0.1)
        ]
        return self.rng.choices(codes, weights=[P.MUNICIPALITIES[c]["weight"] for c in codes])[0]

    def neighbour(self, code: str) -> str | None:
        same = [c for c in P.MUNICIPALITIES if c != code and county_of(c) == county_of(code)]
        return self.rng.choice(same) if same else None

    # -- planting around a query ------------------------------------------

    def plant(self, query: Query) -> None:
        rng = self.rng
        own = sorted(query.own_languages)
        for i in range(rng.choice([2, 2, 3])):
            act = self.fitting_activity(query, own, role=f"target:{query.id}")
            if activity_grade(act, query) != 3:
                raise AssertionError(f"{query.id}: target is not grade 3")
            self.add_org_around(act, query, key=f"{query.id}-t{i}")
        learnt = {"finnish_language": "fi", "swedish_language": "sv"}
        taught_in_own = any(learnt.get(need) in query.own_languages for need in query.needs)
        partial_kinds = [] if set(query.needs) & IN_PERSON_THEMES else ["remote"]
        if not ("fi" in query.own_languages or taught_in_own):
            partial_kinds.append("interpreters")
        if query.fallback_languages:
            partial_kinds.append("fallback")
        for i, kind in enumerate(
            rng.sample(partial_kinds, min(len(partial_kinds), rng.choice([0, 1, 1, 2])))
        ):
            act = self.fitting_activity(query, own, role=f"partial-{kind}:{query.id}")
            self.make_partial(act, query, own, kind)
            if activity_grade(act, query) not in (1, 2):
                raise AssertionError(f"{query.id}: partial {kind} is not grade 1-2")
            self.add_org_around(act, query, key=f"{query.id}-p{i}")
        kinds = ["wrong_place", "inactive", "stale"]
        if not any(learnt.get(need) in query.lang for need in query.needs):
            kinds.append("wrong_language")
        chosen = rng.sample(kinds, min(len(kinds), rng.choice([2, 2, 3, 3, 4])))
        excluding = self.excluding_options(query)
        if excluding:
            chosen.append("excluded_group")  # whenever the query says who the client is
        for i, kind in enumerate(chosen):
            act = self.fitting_activity(query, own, role=f"distractor-{kind}:{query.id}")
            whole_org = self.make_distractor(act, query, kind, excluding)
            if activity_grade(act, query) != 0:
                raise AssertionError(f"{query.id}: distractor {kind} is relevant")
            org = self.add_org_around(act, query, key=f"{query.id}-d{i}")
            if whole_org:
                for other in org.activities:
                    other.status = act.status
                    other.stale = act.stale

    def make_distractor(self, act: Activity, query: Query, kind: str, excluding: list) -> bool:
        """Turn a fitting activity into a hard distractor (grade 0).

        True when the whole association shares the fault (closed down, or not
        updated for years) rather than this one activity.
        """
        rng = self.rng
        if kind == "wrong_place":
            elsewhere = self.municipality(
                exclude_counties={county_of(query.municipality)},
                swedish_speaking="swedish_language" in act.themes,
            )
            act.areas, act.online = [("municipality", elsewhere)], False
        elif kind == "wrong_language":
            languages = {self.migrant_language(exclude=set(query.lang) | set(MAJORITY_LANGUAGES))}
            if "fi" not in query.lang and (rng.random() < 0.3 or "finnish_language" in act.themes):
                languages.add("fi")
            if "sv" not in query.lang and "swedish_language" in act.themes:
                languages.add("sv")
            act.languages, act.interpreters = sorted(languages), []
        elif kind == "excluded_group":
            groups, ages = rng.choice(excluding)
            act.themes = [t for t in query.needs if compatible(t, groups)]
            act.groups, act.ages = groups, ages
            self.add_features(act)
        elif kind == "inactive":
            act.status = rng.choice(INACTIVE_STATUSES)
            return rng.random() < 0.6
        elif kind == "stale":
            act.stale = True
            return rng.random() < 0.7
        return False

    def make_partial(self, act: Activity, query: Query, own: list[str], kind: str) -> None:
        """Turn a fitting activity into one that fits only partly (grade 2)."""
        rng = self.rng
        if kind == "interpreters":
            others = [c for c in ("fi", "en") if c not in query.lang] or ["fi"]
            languages = {others[0]}
            if "finnish_language" in act.themes:
                languages.add("fi")
            if "swedish_language" in act.themes:
                languages.add("sv")
            act.languages, act.interpreters = sorted(languages), [rng.choice(own)]
        elif kind == "fallback":
            languages = {sorted(query.fallback_languages)[0]}
            if "finnish_language" in act.themes:
                languages.add("fi")
            if "swedish_language" in act.themes:
                languages.add("sv")
            act.languages = sorted(languages)
        else:
            act.home = self.municipality(exclude_counties={county_of(query.municipality)})
            act.can_escort = False
            act.themes = [t for t in act.themes if t not in IN_PERSON_THEMES] or act.themes
            if rng.random() < 0.5:
                act.areas, act.online = [], True
            else:
                act.areas = [("nationwide", "FI")]

    def excluding_options(
        self, query: Query
    ) -> list[tuple[list[str], tuple[int | None, int | None]]]:
        """Groups that shut out the client as the query describes them, usable with one of its needs."""
        client = query.client
        options: list[tuple[list[str], tuple[int | None, int | None]]] = []
        if client.gender == "m":
            options.append((["women"], (None, None)))
        if client.gender == "f":
            options.append((["men"], (None, None)))
        if client.ages != ADULT:
            for group, ages in (
                ("children", (6, 12)),
                ("youth", (16, 29)),
                ("seniors", (65, None)),
            ):
                if client.membership(group) == "out":
                    options.append(([group], ages))
        return [o for o in options if any(compatible(t, o[0]) for t in query.needs)]

    def fitting_activity(self, query: Query, own: list[str], role: str) -> Activity:
        """An activity that fits the query fully (grade 3) before any distortion."""
        rng = self.rng
        needs = list(query.needs)
        primary = needs[0] if rng.random() < 0.7 else rng.choice(needs)
        themes = [primary]
        for extra in needs:
            if extra != primary and rng.random() < 0.35:
                themes.append(extra)
        themes = [
            t
            for t in themes
            if THEME_GROUP.get(t) is None or query.client.membership(THEME_GROUP[t]) == "in"
        ] or [primary]
        implied = [THEME_GROUP[t] for t in themes if t in THEME_GROUP]
        if implied:
            themes = [t for t in themes if compatible(t, implied[:1])]
        groups: list[str] = implied[:1]
        if (
            not groups
            and query.target_group
            and query.client.membership(query.target_group) == "in"
            and rng.random() < 0.35
        ):
            groups = [query.target_group]
        ages: tuple[int | None, int | None] = (None, None)
        for g in groups:
            if g in GROUP_AGES and rng.random() < 0.6:
                fitting = [a for a in GROUP_AGES[g] if not ages_disjoint(a, query.client.ages)]
                if fitting:
                    ages = rng.choice(fitting)
        languages = {rng.choice(own)}
        if len(own) > 1 and rng.random() < 0.3:
            languages.add(rng.choice(own))
        if rng.random() < 0.45 or "finnish_language" in themes:
            languages.add("fi")
        if "swedish_language" in themes:
            languages.add("sv")
        if rng.random() < 0.12:
            languages.add("en")
        roll = rng.random()
        neighbour = self.neighbour(query.municipality)
        if roll < 0.6:
            areas = [("municipality", query.municipality)]
            if neighbour and rng.random() < 0.25:
                areas.append(("municipality", neighbour))
        elif roll < 0.8 or not neighbour:
            areas = [("county", county_of(query.municipality))]
        else:
            areas = [("municipality", neighbour)]
        interpreters = []
        if rng.random() < 0.2:
            interpreters = [self.migrant_language(exclude=languages)]
        act = Activity(
            themes=themes,
            languages=sorted(languages),
            areas=areas,
            interpreters=interpreters,
            groups=groups,
            ages=ages,
            online=rng.random() < 0.08 and not set(themes) & IN_PERSON_THEMES,
            role=role,
        )
        self.add_features(act)
        return act

    def add_features(self, act: Activity) -> None:
        local = any(kind != "nationwide" for kind, _ in act.areas)
        act.can_escort = "escort_interpreting" in act.themes or (self.chance(0.12) and local)
        if act.can_escort and "escort_interpreting" not in act.themes:
            act.themes.append("escort_interpreting")
        act.accepts_referrals = self.chance(0.35)
        if "mother_tongue" in act.themes and not any(
            c not in MAJORITY_LANGUAGES for c in act.languages
        ):
            act.themes.remove("mother_tongue")

    # -- organisations -----------------------------------------------------

    def add_org_around(self, act: Activity, query: Query, key: str) -> Organization:
        """An organisation for a planted activity, with a few unrelated sibling activities."""
        rng = self.rng
        home = act.home or self.home_of(act)
        community = next((c for c in act.languages if c not in MAJORITY_LANGUAGES), None)
        if act.themes[0] in ARCHETYPE_THEMES["service"] and rng.random() < 0.5:
            archetype = "service"
        elif community and rng.random() < 0.6:
            archetype = "community"
        else:
            archetype = "multicultural"
        text_lang = self.text_language(home, act.languages)
        org = Organization(
            key=key,
            archetype=archetype,
            home=home,
            text_lang=text_lang,
            community_lang=community,
            activities=[act],
            role=act.role,
        )
        pool = [
            t for t in ARCHETYPE_THEMES[archetype] if t not in act.themes and t not in query.needs
        ]
        for _ in range(rng.choice([0, 0, 1, 1, 2])):
            sibling = self.background_activity(org, pool)
            if sibling is not None and activity_grade(sibling, query) == 0:
                org.activities.append(sibling)
        self.orgs.append(org)
        return org

    def home_of(self, act: Activity) -> str:
        for kind, code in act.areas:
            if kind == "municipality":
                return code
        for kind, code in act.areas:
            if kind == "county":
                inside = [c for c in P.MUNICIPALITIES if county_of(c) == code]
                return max(inside, key=lambda c: P.MUNICIPALITIES[c]["weight"])
        return self.municipality()

    def text_language(self, home: str, languages: list[str]) -> str:
        """Swedish in Swedish-speaking towns and for Swedish-run activities, English for English-run ones."""
        rng = self.rng
        langs = set(languages)
        if "sv" in langs and "fi" not in langs and rng.random() < 0.85:
            choice = "sv"
        elif "en" in langs and not langs & {"fi", "sv"} and rng.random() < 0.75:
            choice = "en"
        elif rng.random() < P.MUNICIPALITIES[home]["sv_share"]:
            choice = "sv"
        elif "en" in langs and rng.random() < 0.3:
            choice = "en"
        else:
            choice = "fi"
        return choice

    def background_activity(self, org: Organization, pool: list[str]) -> Activity | None:
        rng = self.rng
        taken = {t for a in org.activities for t in a.themes}
        candidates = [t for t in pool if t not in taken]
        if org.community_lang is None:
            candidates = [t for t in candidates if t != "mother_tongue"]
        if not candidates:
            return None
        theme = rng.choice(candidates)
        first = org.activities[0]
        languages = set(first.languages)
        if theme == "finnish_language":
            languages.add("fi")
        if theme == "swedish_language":
            languages.add("sv")
        groups = [THEME_GROUP[theme]] if theme in THEME_GROUP else []
        ages: tuple[int | None, int | None] = (None, None)
        if groups and groups[0] in GROUP_AGES and rng.random() < 0.5:
            ages = rng.choice(GROUP_AGES[groups[0]])
        areas = [a for a in first.areas if a[0] != "nationwide"] or [("municipality", org.home)]
        act = Activity(
            themes=[theme],
            languages=sorted(languages),
            areas=areas,
            groups=groups,
            ages=ages,
            online=first.online
            and theme not in IN_PERSON_THEMES
            and not any(k == "municipality" for k, _ in areas),
            status=first.status if first.status != "temporarily closed" else "active",
            stale=first.stale and rng.random() < 0.5,
            role="sibling",
        )
        self.add_features(act)
        return act

    def background_org(self, index: int) -> None:
        """An association that was planted for no query: realistic noise."""
        rng = self.rng
        archetype = rng.choice(
            ["community", "community", "multicultural", "multicultural", "service"]
        )
        home = self.municipality()
        community = self.migrant_language() if archetype == "community" else None
        languages = {community} if community else set()
        if archetype != "community" or rng.random() < 0.6:
            languages.add("fi")
        if rng.random() < 0.25:
            languages.add(self.migrant_language())
        if rng.random() < 0.15:
            languages.add("en")
        roll = rng.random()
        if roll < 0.7:
            areas = [("municipality", home)]
        elif roll < 0.85:
            areas = [("county", county_of(home))]
        else:
            areas = [("nationwide", "FI")]
        theme = rng.choice(ARCHETYPE_THEMES[archetype])
        if theme in IN_PERSON_THEMES and areas[0][0] == "nationwide":
            areas = [("municipality", home)]
        groups = [THEME_GROUP[theme]] if theme in THEME_GROUP else []
        first = Activity(
            themes=[theme],
            languages=sorted(languages),
            areas=areas,
            groups=groups,
            online=rng.random() < 0.1 and theme not in IN_PERSON_THEMES,
            role="background",
        )
        if rng.random() < 0.08:
            first.status = rng.choice(INACTIVE_STATUSES)
        if rng.random() < 0.1:
            first.stale = True
        self.add_features(first)
        org = Organization(
            key=f"bg{index:03d}",
            archetype=archetype,
            home=home,
            text_lang=self.text_language(home, first.languages),
            community_lang=community,
            activities=[first],
            role="background",
        )
        for _ in range(rng.choice([0, 1, 1, 2, 3])):
            extra = self.background_activity(org, ARCHETYPE_THEMES[archetype])
            if extra is not None:
                extra.role = "background"
                org.activities.append(extra)
        self.orgs.append(org)

    def homonym_orgs(self) -> None:
        """Associations using the queries' words in another sense."""
        rng = self.rng
        query_places = [query.municipality for query in QUERIES]
        for spec in P.HOMONYMS:
            copies = 1 if spec.get("muni") or "{" not in spec["org"] else rng.choice([1, 1, 2])
            for copy in range(copies):
                home = spec.get("muni") or rng.choice(query_places)
                text_lang = spec["text_lang"]
                languages = {text_lang}
                if rng.random() < 0.3:
                    languages.add(self.migrant_language())
                act = Activity(
                    themes=list(spec["themes"]),
                    languages=sorted(languages),
                    areas=[("municipality", home)],
                    groups=list(spec.get("groups", [])),
                    ages=spec.get("ages", (None, None)),
                    role=f"homonym:{spec['key']}",
                )
                act.fixed_text = (spec["name"], spec["desc"])
                org = Organization(
                    key=f"hom-{spec['key']}-{copy}",
                    archetype="hobby",
                    home=home,
                    text_lang=text_lang,
                    community_lang=None,
                    activities=[act],
                    role=f"homonym:{spec['key']}",
                    fixed_name=spec["org"],
                )
                self.orgs.append(org)


# ---------------------------------------------------------------------------
# Disclosure: how much of the truth the HSDS file shows.


def decide_disclosure(rng: random.Random, org: Organization) -> None:
    for act in org.activities:
        d: dict = {}
        if act.fixed_text is not None:
            d["themes"] = list(act.themes) if rng.random() < 0.5 else []
            d["languages"] = list(act.languages)
        else:
            d["themes"] = (
                []
                if rng.random() < 0.5
                else [t for t in act.themes if t != "escort_interpreting" or rng.random() < 0.5]
            )
            hidden_langs: list[str] = []
            non_fallback = [c for c in act.languages if c not in MAJORITY_LANGUAGES]
            if non_fallback and rng.random() < 0.2:
                hidden_langs = [rng.choice(non_fallback)]
            if rng.random() < 0.05:
                hidden_langs = list(act.languages)
            d["languages"] = [c for c in act.languages if c not in hidden_langs]
        d["text_languages"] = [c for c in act.languages if c not in d["languages"]]
        d["interpreters"] = list(act.interpreters) if rng.random() < 0.6 else []
        d["interpretation_words"] = bool(act.interpreters) and (
            not d["interpreters"] or rng.random() < 0.4
        )
        d["groups"] = list(act.groups) if rng.random() < 0.65 else []
        d["ages"] = act.ages if rng.random() < 0.6 else (None, None)
        d["areas"] = (
            list(act.areas)
            if (rng.random() < 0.93 or any(k == "nationwide" for k, _ in act.areas))
            else []
        )
        if not act.areas:
            d["areas"] = []
        d["online"] = act.online and (not act.areas or rng.random() < 0.7)
        d["can_escort"] = act.can_escort and rng.random() < 0.6
        d["accepts_referrals"] = act.accepts_referrals and rng.random() < 0.7
        d["language_aliases"] = rng.random() < 0.35
        d["language_names"] = rng.random() < 0.5
        act.declared = d


# ---------------------------------------------------------------------------
# Text rendering


def join_words(words: list[str], lang: str) -> str:
    conj = {"fi": "ja", "sv": "och", "en": "and"}[lang]
    if len(words) == 1:
        return words[0]
    return f"{', '.join(words[:-1])} {conj} {words[-1]}"


def language_phrase(rng: random.Random, codes: list[str], lang: str, form: str) -> str:
    if lang == "fi":
        if form == "adv":
            return join_words([rng.choice(P.LANGUAGES[c]["adv"]) for c in codes], "fi")
        if form == "adj":
            return P.LANGUAGES[codes[0]]["gen"] + "kielinen"
        return join_words([P.LANGUAGES[c][form] for c in codes], "fi")
    words = [P.LANGUAGES[c][lang] for c in codes]
    if lang == "en":
        return join_words(words, "en")
    return join_words(words, "sv")


def place_phrase(code: str, lang: str) -> str:
    if lang == "fi":
        return " " + P.MUNICIPALITIES[code]["loc"]
    if lang == "sv":
        return " i " + MUNICIPALITIES[code]["name"]["sv"]
    return " in " + P.MUNICIPALITIES[code]["en"]


def fill(
    rng: random.Random,
    template: str,
    act: Activity,
    org: Organization,
    lang: str,
    group: str | None,
) -> str:
    audience = rng.choice(P.AUDIENCE[group][lang])
    where = place_phrase(org.home, lang) if rng.random() < 0.6 else ""
    community = next(
        (c for c in act.languages if c not in MAJORITY_LANGUAGES), org.community_lang or "ar"
    )
    ml = P.LANGUAGES[community]["gen"] if lang == "fi" else P.LANGUAGES[community][lang]
    return template.format(aud=audience, where=where, ml=ml)


def schedule_for(rng: random.Random, act: Activity, lang: str) -> list[dict]:
    if rng.random() < 0.1:
        text = {
            "fi": rng.choice(["Ajanvarauksella arkisin.", "Ajat sovitaan erikseen."]),
            "sv": "Enligt överenskommelse.",
            "en": "By appointment.",
        }[lang]
        return [{"description": text}]
    slots = rng.sample(P.SLOTS, 2 if rng.random() < 0.2 else 1)
    monthly = rng.random() < 0.1
    result = []
    for byday, opens, closes in sorted(slots):
        result.append(
            {
                "freq": "MONTHLY" if monthly else "WEEKLY",
                "byday": ("1" if monthly else "") + byday,
                "opens_at": opens,
                "closes_at": closes,
                "description": schedule_words(rng, byday, opens, closes, lang, monthly),
            }
        )
    return result


def clock(value: str, lang: str, style: int) -> str:
    hours, minutes = value.split(":")
    hours = str(int(hours))
    if lang == "en":
        return f"{hours}:{minutes}"
    if minutes == "00" and style == 0:
        return hours
    return f"{hours}.{minutes}"


def schedule_words(
    rng: random.Random, byday: str, opens: str, closes: str, lang: str, monthly: bool
) -> str:
    style = rng.randrange(2)
    span = f"{clock(opens, lang, style)}–{clock(closes, lang, style)}"
    day = P.DAYS[byday]
    if lang == "fi":
        if monthly:
            first = {
                "MO": "maanantaina",
                "TU": "tiistaina",
                "WE": "keskiviikkona",
                "TH": "torstaina",
                "FR": "perjantaina",
                "SA": "lauantaina",
                "SU": "sunnuntaina",
            }[byday]
            return f"Kuukauden ensimmäisenä {first} klo {span}"
        word = day["fi_ilta"] if int(opens[:2]) >= 16 and rng.random() < 0.5 else day["fi"]
        return f"{word[0].upper()}{word[1:]} klo {span}"
    if lang == "sv":
        prefix = "Första " + day["sv"][:-2] + "en i månaden" if monthly else day["sv"].capitalize()
        return f"{prefix} kl. {span}"
    prefix = "First " + day["en"][:-1] + " of the month" if monthly else day["en"]
    return f"{prefix}, {span}"


def name_for(rng: random.Random, bank: dict, lead: str, lang: str) -> str:
    """A name that agrees with the lead sentence ("Uimakoulu" for a swimming lead), else a general one."""
    names = bank["name"][lang]
    leads = " ".join(bank["lead"][lang]).lower()
    matching = [n for n in names if n.lower()[:6] in lead.lower()]
    general = [n for n in names if n.lower()[:6] not in leads]
    if matching and (rng.random() < 0.7 or not general):
        return rng.choice(matching)
    return rng.choice(general or names)


def render_activity(rng: random.Random, act: Activity, org: Organization) -> None:
    lang = org.text_lang
    if act.fixed_text is not None:
        act.name, desc = act.fixed_text
        extra = [c for c in act.languages if c not in MAJORITY_LANGUAGES]
        if extra:
            desc += " " + rng.choice(P.LANGUAGE_SENTENCES[lang]).format(
                adv=language_phrase(rng, act.languages, "fi", "adv"),
                nom=language_phrase(rng, act.languages, "fi", "nom"),
                gen=language_phrase(rng, act.languages, "fi", "gen"),
                part=language_phrase(rng, act.languages, "fi", "part"),
                sv=language_phrase(rng, act.languages, "sv", "sv"),
                en=language_phrase(rng, act.languages, "en", "en"),
            )
        where = place_phrase(org.home, lang)
        extras = [
            {"fi": f"Toimimme{where}.", "sv": f"Vi verkar{where}.", "en": f"We are based{where}."}[
                lang
            ]
        ]
        extras += rng.sample(P.FILLERS[lang], 2)
        act.description = " ".join([desc, *rng.sample(extras, rng.choice([1, 2, 3]))])
        act.declared["schedules"] = schedule_for(rng, act, lang)
        return
    primary = act.themes[0]
    bank = P.THEMES[primary]
    group = act.groups[0] if act.groups else None
    lead = rng.choice(bank["lead"][lang])
    name = name_for(rng, bank, lead, lang)
    run_in = [c for c in act.languages if c not in MAJORITY_LANGUAGES]
    if run_in and lang == "fi" and rng.random() < 0.3:
        name = f"{name} {rng.choice(P.LANGUAGES[run_in[0]]['adv'])}"
    elif run_in and lang == "en" and rng.random() < 0.3:
        name = f"{P.LANGUAGES[run_in[0]]['en'].split(' (')[0]}-speaking {lower_first(name)}"
    if (
        group in ("women", "men")
        and primary not in ("women_groups", "men_groups")
        and lang == "fi"
        and rng.random() < 0.5
    ):
        name = {"women": "Naisten ", "men": "Miesten "}[group] + lower_first(name)
    sentences = [fill(rng, lead, act, org, lang, group)]
    as_group = primary in GROUP_THEMES
    for theme in act.themes[1:]:
        if theme == "escort_interpreting":
            continue
        sentences.append(
            fill(rng, rng.choice(P.THEMES[theme]["lead"][lang]), act, org, lang, group)
        )
    details = bank["detail"][lang]
    sentences.extend(rng.sample(details, min(len(details), rng.choice([0, 1, 1, 2]))))
    d = act.declared
    for g in act.groups:
        if not d["groups"] or rng.random() < 0.6:
            sentences.append(restriction_sentence(rng, g, act.ages, lang))
    if act.ages != (None, None) and not act.groups:
        low, _ = act.ages
        sentences.append(
            {
                "fi": f"Ikäraja {low} vuotta.",
                "sv": f"Åldersgräns {low} år.",
                "en": f"Age limit {low}.",
            }[lang]
        )
    shown = d["languages"]
    said = P.LANGUAGE_SENTENCES[lang] + (P.GROUP_LANGUAGE_SENTENCES[lang] if as_group else [])
    if shown and (rng.random() < 0.6 or not d["text_languages"] and rng.random() < 0.1):
        sentences.append(language_sentence(rng, said, shown, lang))
    if d["text_languages"]:
        codes = d["text_languages"]
        templates = [
            t
            for t in (said if not shown else P.EXTRA_LANGUAGE_SENTENCES[lang])
            if "{adj}" not in t or len(codes) == 1
        ]
        sentences.append(language_sentence(rng, templates, codes, lang))
    if act.interpreters and (
        not d["interpreters"] and not d["interpretation_words"] or rng.random() < 0.4
    ):
        sentences.append(
            language_sentence(rng, P.INTERPRETER_SENTENCES[lang], act.interpreters, lang)
        )
    if (
        act.can_escort
        and "escort_interpreting" not in act.themes[:1]
        and (not d["can_escort"] or rng.random() < 0.7)
    ):
        sentences.append(rng.choice(P.ESCORT_SENTENCES[lang]))
    if act.online:
        sentences.append(rng.choice(P.ONLINE_SENTENCES[lang]))
    if any(kind == "nationwide" for kind, _ in act.areas):
        sentences.append(rng.choice(P.NATIONWIDE_SENTENCES[lang]))
    if act.accepts_referrals and (not d["accepts_referrals"] or rng.random() < 0.4):
        sentences.append(rng.choice(P.REFERRAL_SENTENCES[lang]))
    if act.status == "temporarily closed" and rng.random() < 0.6:
        sentences.append(rng.choice(P.PAUSED_SENTENCES[lang]))
    schedules = schedule_for(rng, act, lang)
    if rng.random() < 0.35 and "freq" in schedules[0]:
        words = schedules[0]["description"]
        template = P.SCHEDULE_SENTENCES["group" if as_group else "desk"][lang]
        sentences.append(template.format(lowered=words[0].lower() + words[1:], words=words))
    sentences.extend(rng.sample(P.FILLERS[lang], rng.choice([0, 1, 1, 2])))
    act.name = name
    act.description = " ".join(s for s in sentences if s)
    act.declared["schedules"] = schedules


def restriction_sentence(
    rng: random.Random, group: str, ages: tuple[int | None, int | None], lang: str
) -> str:
    low, high = ages
    templates = P.RESTRICTION[group][lang]
    if low is None or high is None:
        templates = [t for t in templates if "{ages}" not in t]
    return rng.choice(templates).format(ages=f"{low}–{high}")


def language_sentence(rng: random.Random, templates: list[str], codes: list[str], lang: str) -> str:
    template = rng.choice(templates)
    return template.format(
        adv=language_phrase(rng, codes, "fi", "adv"),
        nom=language_phrase(rng, codes, "fi", "nom"),
        gen=language_phrase(rng, codes, "fi", "gen"),
        part=language_phrase(rng, codes, "fi", "part"),
        adj=language_phrase(rng, codes, "fi", "adj"),
        sv=language_phrase(rng, codes, "sv", "sv"),
        en=language_phrase(rng, codes, "en", "en"),
    )


def render_org_name(rng: random.Random, org: Organization, used: set[str]) -> str:
    """A unique name; words not yet in any name are preferred, as few associations share one."""
    city = MUNICIPALITIES[org.home]["name"]

    def word(pool: list[str]) -> str:
        fresh = [w for w in pool if not any(w in name for name in used)]
        return rng.choice(fresh or pool)

    for _ in range(200):
        values = {
            "fiword": word(P.FI_WORDS),
            "svword": word(P.SV_WORDS),
            "enword": word(P.EN_WORDS),
            "City_gen": P.MUNICIPALITIES[org.home]["gen"],
            "City_sv": city.get("sv", city["fi"]),
            "theme_org": P.THEME_ORG.get(
                org.activities[0].themes[0] if org.activities[0].themes else "", "Tukiyhdistys"
            ),
        }
        if org.community_lang:
            info = P.LANGUAGES[org.community_lang]
            community = rng.choice(info["community"]["fi"])
            values.update(
                community=community,
                Community=community[0].upper() + community[1:],
                word=word(info["words"]),
            )
        if org.fixed_name:
            template = org.fixed_name
        else:
            archetype = (
                org.archetype
                if org.archetype != "community" or org.community_lang
                else "multicultural"
            )
            template = rng.choice(P.ORG_NAMES[archetype][org.text_lang])
        name = template.format(**values)
        if name not in used:
            used.add(name)
            return name
    raise RuntimeError(f"no free name for {org.key}")


ENGLISH_LANGUAGE_NAMES = {info["en"].split(" ")[0] for info in P.LANGUAGES.values()}


def lower_first(text: str) -> str:
    """Lower-case the first letter for a list ("kielikahvila"), but keep "CV-paja" and "Arabic …"."""
    acronym = len(text) > 1 and text[1].isupper()
    if acronym or text.split(" ")[0].split("-")[0] in ENGLISH_LANGUAGE_NAMES:
        return text
    return text[0].lower() + text[1:]


def render_org_description(rng: random.Random, org: Organization) -> str:
    lang = org.text_lang
    if org.fixed_name:
        first = P.HOBBY_ORG[lang].format(name=org.name, where=place_phrase(org.home, lang))
        fact = rng.choice(P.ORG_FACTS[lang]).format(
            members=rng.randrange(40, 400), volunteers=rng.randrange(5, 40)
        )
        return f"{first} {fact}"
    kinds = P.ORG_KINDS[
        org.archetype if org.community_lang or org.archetype != "community" else "multicultural"
    ]
    kind = rng.choice(kinds[lang])
    if "{community}" in kind:
        info = P.LANGUAGES[org.community_lang]
        kind = kind.format(community=rng.choice(info["community"][lang]))
    year = rng.randrange(1988, 2024)
    if lang == "fi":
        first = f"{org.name} on vuonna {year} perustettu {kind}{place_phrase(org.home, 'fi')}."
    elif lang == "sv":
        first = f"{org.name} är en {kind}{place_phrase(org.home, 'sv')}, grundad {year}."
    else:
        first = f"{org.name} is a {kind}{place_phrase(org.home, 'en')}, founded in {year}."
    parts = [first, rng.choice(P.ORG_PURPOSE[lang])]
    names = [lower_first(a.name) for a in org.activities if a.status == "active"]
    if names and rng.random() < 0.75:
        parts.append(rng.choice(P.ORG_SUMMARY[lang]).format(names=join_words(names, lang)))
    for fact in rng.sample(P.ORG_FACTS[lang], rng.choice([0, 1, 2])):
        parts.append(fact.format(members=rng.randrange(30, 600), volunteers=rng.randrange(5, 80)))
    return " ".join(parts)


# ---------------------------------------------------------------------------
# HSDS rendering


def term(taxonomy: str, code: str, lang: str) -> dict:
    if taxonomy == "coact-interpreter-language":
        name = P.LANGUAGES[code]["nom"] if lang == "fi" else P.LANGUAGES[code][lang]
    else:
        names = TERMS[taxonomy][code]
        name = names.get(lang) or names["fi"]
    return {
        "id": stable_id("term", taxonomy, code),
        "code": code,
        "name": name,
        "description": name,
        "taxonomy": taxonomy,
    }


def area_json(area: tuple[str, str], service_id: str, rng: random.Random) -> dict:
    kind, code = area
    area_id = stable_id("area", service_id, kind, code)
    if kind == "nationwide":
        return {
            "id": area_id,
            "service_id": service_id,
            "name": "Koko Suomi",
            "extent_type": "text",
            "extent": "FI",
        }
    if kind == "county":
        return {
            "id": area_id,
            "service_id": service_id,
            "name": COUNTIES[code]["name"]["fi"],
            "uri": f"http://uri.suomi.fi/codelist/jhs/hyvinvointialue_1_20250101/code/{code}",
        }
    year = rng.choice(["20250101", "20250101", "20240101"])
    return {
        "id": area_id,
        "service_id": service_id,
        "name": MUNICIPALITIES[code]["name"]["fi"],
        "uri": f"http://uri.suomi.fi/codelist/jhs/kunta_1_{year}/code/{code}",
    }


def language_code(code: str, alias: bool) -> str:
    if alias:
        return {"kmr": "ku", "prs": "fa-AF"}.get(code, code)
    return code


def last_modified(rng: random.Random, stale: bool) -> str:
    if stale:
        day = date(2022, 3, 1) + timedelta(days=rng.randrange(0, 1100))  # up to 2025-03
    else:
        day = REFERENCE_DATE - timedelta(days=rng.randrange(7, 180))
    moment = datetime(
        day.year, day.month, day.day, rng.randrange(7, 18), rng.randrange(60), tzinfo=UTC
    )
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def service_json(rng: random.Random, act: Activity, org: Organization) -> dict:
    d = act.declared
    lang = org.text_lang
    sid = act.id
    out: dict = {
        "id": sid,
        "organization_id": org.id,
        "name": act.name,
        "description": act.description,
        "status": act.status,
        "last_modified": last_modified(rng, act.stale),
    }
    if d["interpretation_words"]:
        label = {
            "fi": "Vapaaehtoisia tulkkeja",
            "sv": "Frivilliga tolkar",
            "en": "Volunteer interpreters",
        }[lang]
        names = [
            P.LANGUAGES[c]["nom"] if lang == "fi" else P.LANGUAGES[c][lang]
            for c in act.interpreters
        ]
        out["interpretation_services"] = f"{label}: {', '.join(names)}"
    if act.groups and rng.random() < 0.3:
        out["eligibility_description"] = " ".join(
            restriction_sentence(rng, g, act.ages, lang) for g in act.groups
        )
    low, high = d["ages"]
    if low is not None:
        out["minimum_age"] = low
    if high is not None:
        out["maximum_age"] = high
    if d["languages"]:
        out["languages"] = []
        for code in d["languages"]:
            entry = {
                "id": stable_id("language", sid, code),
                "service_id": sid,
                "code": language_code(code, d["language_aliases"]),
            }
            if d["language_names"]:
                entry["name"] = (
                    P.LANGUAGES[code]["nom"] if lang == "fi" else P.LANGUAGES[code][lang]
                )
            out["languages"].append(entry)
    schedules = []
    for i, s in enumerate(d["schedules"]):
        schedules.append({"id": stable_id("schedule", sid, i), "service_id": sid, **s})
    out["schedules"] = schedules
    if d["areas"]:
        out["service_areas"] = [area_json(a, sid, rng) for a in d["areas"]]
    attributes = []
    for taxonomy, codes in (
        ("coact-theme", d["themes"]),
        ("coact-target-group", d["groups"]),
        ("coact-interpreter-language", d["interpreters"]),
    ):
        for code in codes:
            attributes.append(
                {
                    "id": stable_id("attribute", sid, taxonomy, code),
                    "link_id": sid,
                    "link_entity": "service",
                    "taxonomy_term": term(taxonomy, code, lang),
                }
            )
    for feature in ("can_escort", "accepts_referrals", "online"):
        if d[feature]:
            attributes.append(
                {
                    "id": stable_id("attribute", sid, "coact-feature", feature),
                    "link_id": sid,
                    "link_entity": "service",
                    "taxonomy_term": term("coact-feature", feature, lang),
                }
            )
    if attributes:
        out["attributes"] = attributes
    if rng.random() < 0.2:
        out["email"] = f"{slug(act.name)}@{slug(org.name)}.example.org"
    return out


def business_id(rng: random.Random, used: set[str]) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2)
    while True:
        digits = f"{rng.randrange(1_000_000, 3_400_000):07d}"
        remainder = sum(int(x) * w for x, w in zip(digits, weights, strict=True)) % 11
        if remainder == 1:
            continue
        check = 0 if remainder == 0 else 11 - remainder
        value = f"{digits}-{check}"
        if value not in used:
            used.add(value)
            return value


def slug(name: str) -> str:
    table = str.maketrans("äöåéûêîçõ", "aoaeueico")
    cleaned = "".join(ch if ch.isalnum() else "-" for ch in name.lower().translate(table))
    parts = [p for p in cleaned.split("-") if p and p not in ("ry", "rf", "sr")]
    return "-".join(parts)[:40].strip("-") or "yhdistys"


def organization_json(rng: random.Random, org: Organization, used_ids: set[str]) -> dict:
    lang = org.text_lang
    site = slug(org.name)
    city_names = MUNICIPALITIES[org.home]["name"]
    info = P.MUNICIPALITIES[org.home]
    out: dict = {"id": org.id, "name": org.name, "description": org.description}
    if rng.random() < 0.85:
        out["email"] = f"info@{site}.example.org"
    if rng.random() < 0.8:
        out["website"] = f"https://{site}.example.org"
    if rng.random() < 0.85:
        out["organization_identifiers"] = [
            {
                "id": stable_id("identifier", org.id),
                "organization_id": org.id,
                "identifier_scheme": "FI-YTJ",
                "identifier_type": "Y-tunnus",
                "identifier": business_id(rng, used_ids),
            }
        ]
    first, last = rng.choice(P.FIRST_NAMES), rng.choice(P.LAST_NAMES)
    contact = {
        "id": stable_id("contact", org.id),
        "organization_id": org.id,
        "name": f"{first} {last}",
        "title": rng.choice(P.CONTACT_TITLES[lang]),
    }
    if rng.random() < 0.7:
        contact["email"] = f"{slug(first)}.{slug(last)}@{site}.example.org"
    out["contacts"] = [contact]
    if rng.random() < 0.8:
        out["phones"] = [
            {
                "id": stable_id("phone", org.id),
                "organization_id": org.id,
                "number": f"+358 {rng.choice(['40', '44', '45', '50'])} {rng.randrange(100, 999)} "
                f"{rng.randrange(1000, 9999)}",
            }
        ]
    street = rng.choice(P.STREETS["sv" if lang == "sv" else "fi"])
    city = city_names.get("sv", city_names["fi"]) if lang == "sv" else city_names["fi"]
    out["locations"] = [
        {
            "id": stable_id("location", org.id),
            "organization_id": org.id,
            "location_type": "physical",
            "name": org.name,
            "addresses": [
                {
                    "id": stable_id("address", org.id),
                    "location_id": stable_id("location", org.id),
                    "address_1": f"{street} {rng.randrange(1, 40)}{rng.choice(['', '', ' A', ' B', ' C 3'])}",
                    "city": city,
                    "state_province": info["region"][1 if lang == "sv" else 0],
                    "postal_code": rng.choice(info["postal"]),
                    "country": "FI",
                    "address_type": "physical",
                }
            ],
        }
    ]
    out["services"] = [service_json(rng, act, org) for act in org.activities]
    return out


# ---------------------------------------------------------------------------
# Putting it together


def build(seed: int = SEED) -> tuple[list[dict], list[dict], dict]:
    rng = random.Random(seed)
    builder = Builder(rng)
    for query in QUERIES:
        builder.plant(query)
    for i in range(45):
        builder.background_org(i)
    builder.homonym_orgs()
    orgs = builder.orgs
    rng.shuffle(orgs)
    used_names: set[str] = set()
    used_descriptions: set[str] = set()
    for org in orgs:
        org.id = stable_id("organization", org.key)
        decide_disclosure(rng, org)
        for i, act in enumerate(org.activities):
            act.id = stable_id("service", org.key, i)
            for _ in range(50):
                render_activity(rng, act, org)
                if act.description not in used_descriptions:
                    break
            else:
                raise RuntimeError(f"no unique description for {org.key}")
            used_descriptions.add(act.description)
        org.name = render_org_name(rng, org, used_names)
        org.description = render_org_description(rng, org)
    used_ids: set[str] = set()
    directory = [organization_json(rng, org, used_ids) for org in orgs]
    queries = [judge(query, orgs) for query in QUERIES]
    truth = truth_json(orgs, seed)
    return directory, queries, truth


def judge(query: Query, orgs: list[Organization]) -> dict:
    judgments = {}
    for org in orgs:
        grade = max(activity_grade(act, query) for act in org.activities)
        if grade:
            judgments[org.id] = grade
    if 3 not in judgments.values():
        raise AssertionError(f"{query.id} has no grade-3 organisation")
    out: dict = {
        "id": query.id,
        "q": query.text,
        "lang": list(query.lang),
        "municipality": query.municipality,
    }
    if query.target_group:
        out["target_group"] = query.target_group
    out["judgments"] = dict(sorted(judgments.items(), key=lambda kv: (-kv[1], kv[0])))
    return out


def truth_json(orgs: list[Organization], seed: int) -> dict:
    organizations = {}
    for org in sorted(orgs, key=lambda o: o.id):
        organizations[org.id] = {
            "name": org.name,
            "role": org.role,
            "home": org.home,
            "text_lang": org.text_lang,
            "services": {
                act.id: {
                    "role": act.role,
                    "themes": act.themes,
                    "languages": act.languages,
                    "interpreter_languages": act.interpreters,
                    "areas": [f"{kind}:{code}" for kind, code in act.areas],
                    "online": act.online,
                    "target_groups": act.groups,
                    "minimum_age": act.ages[0],
                    "maximum_age": act.ages[1],
                    "status": act.status,
                    "stale": act.stale,
                    "hidden": {
                        "themes": not act.declared["themes"] and bool(act.themes),
                        "languages": act.declared["text_languages"],
                        "areas": not act.declared["areas"] and bool(act.areas),
                    },
                }
                for act in org.activities
            },
        }
    return {
        "reference_date": REFERENCE_DATE.isoformat(),
        "stale_after_days": STALE_AFTER_DAYS,
        "seed": seed,
        "queries": {
            query.id: {
                "needs": list(query.needs),
                "client": query.client.as_json(),
                "text_lang": query.text_lang,
            }
            for query in QUERIES
        },
        "organizations": organizations,
    }


def dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=HERE, help="folder to write the three files into"
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=SEED,
        help="another seed writes a variant (other associations and texts, the same queries) "
        "to check that an engine change is not fitted to this set's texts",
    )
    args = parser.parse_args()
    directory, queries, truth = build(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in (
        ("directory.json", directory),
        ("queries.json", queries),
        ("truth.json", truth),
    ):
        (args.out / name).write_text(dump(data), encoding="utf-8")
    print(
        f"{len(directory)} organisations, {sum(len(o['services']) for o in directory)} activities, "
        f"{len(queries)} queries written to {args.out}"
    )


if __name__ == "__main__":
    main()
