"""Turn organisations and activities into what their public pages show, in the
page's locale: picked texts (with the language they are really in), names of
codes, contact links that are safe to put in ``href``, and schema.org data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from babel.dates import get_day_names
from flask_babel import format_date, to_user_timezone
from flask_babel import gettext as _

from coact.models import (
    AREA_COUNTY,
    AREA_MUNICIPALITY,
    AREA_NATIONWIDE,
    Organization,
    Service,
)
from coact.reference import (
    counties,
    language_name,
    municipalities,
    municipality,
    pick_text,
    picked_language,
    target_groups,
    themes,
)

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class LocalText:
    """A text picked for the UI locale; ``lang`` is set when it is in another language."""

    text: str
    lang: str | None = None

    def __bool__(self) -> bool:
        return bool(self.text)

    def __str__(self) -> str:
        return self.text


def _base(code: str | None) -> str:
    return (code or "").replace("-", "_").split("_", 1)[0]


def local_text(values: dict | None, locale: str) -> LocalText:
    text = pick_text(values, locale)
    code = picked_language(values, locale)
    return LocalText(text, code if code and _base(code) != _base(locale) else None)


def web_url(value: str | None) -> str | None:
    """``value`` when it is an http(s) address (imported data may hold anything)."""
    if not value:
        return None
    value = value.strip()
    if "://" not in value and re.match(r"^[\w-]+(\.[\w-]+)+(/|$)", value):
        value = f"https://{value}"
    parts = urlsplit(value)
    return value if parts.scheme in ("http", "https") and parts.netloc else None


def email_address(value: str | None) -> str | None:
    value = (value or "").strip()
    return value if re.fullmatch(r"[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+", value) else None


def phone_href(value: str | None) -> str | None:
    digits = re.sub(r"[^\d+]", "", value or "")
    return f"tel:{digits}" if len(digits.lstrip("+")) >= 5 else None


@dataclass(frozen=True)
class Updated:
    text: str
    iso: str


def updated(at: datetime | None) -> Updated | None:
    if at is None:
        return None
    return Updated(format_date(at, "long"), to_user_timezone(at).date().isoformat())


def municipality_label(code: str | None, locale: str) -> str | None:
    found = municipality(code) if code else None
    return found.label(locale) if found else None


def language_names(codes, locale: str) -> list[tuple[str, str]]:
    """(code, name in the UI locale) sorted by name."""
    named = [(code, language_name(code, locale)) for code in set(codes)]
    return sorted(named, key=lambda pair: pair[1].casefold())


def term_labels(codes, terms: dict, locale: str) -> list[str]:
    """Labels of known codes, in the taxonomy's order."""
    wanted = set(codes)
    return [term.label(locale) for code, term in terms.items() if code in wanted]


def named_areas(service: Service, locale: str) -> list[tuple[str, str, str]]:
    """(kind, code, name) of the places an activity serves: all of Finland first,
    then counties and municipalities by name; unknown codes are left out."""
    areas = [(AREA_NATIONWIDE, "FI", _("Whole Finland"))] if service.nationwide else []
    for kind, known in ((AREA_COUNTY, counties()), (AREA_MUNICIPALITY, municipalities())):
        areas += sorted(
            (
                (kind, a.code, known[a.code].label(locale))
                for a in service.areas
                if a.kind == kind and a.code in known
            ),
            key=lambda area: area[2].casefold(),
        )
    return areas


def area_labels(service: Service, locale: str) -> list[str]:
    labels = [name for _kind, _code, name in named_areas(service, locale)]
    return labels + [_("Online")] if service.online else labels


def age_text(minimum: int | None, maximum: int | None) -> str:
    if minimum is not None and maximum is not None:
        return _("%(min)d–%(max)d years", min=minimum, max=maximum)
    if minimum is not None:
        return _("From %(min)d years", min=minimum)
    if maximum is not None:
        return _("Up to %(max)d years", max=maximum)
    return _("No age limits")


def schedule_from_rules(rules: list | None, locale: str) -> str:
    """Weekly recurrences in words ("Tuesday, Thursday 17:00–19:00") when no text is given."""
    day_names = get_day_names("wide", context="stand-alone", locale=locale)
    lines = []
    for rule in rules or []:
        if not isinstance(rule, dict) or str(rule.get("freq", "")).upper() != "WEEKLY":
            continue
        days = [
            day_names[_WEEKDAYS.index(day)]
            for day in str(rule.get("byday", "")).upper().replace(" ", "").split(",")
            if day in _WEEKDAYS
        ]
        times = "–".join(t for t in (rule.get("opens_at"), rule.get("closes_at")) if t)
        line = " ".join(part for part in (", ".join(days), times) if part)
        if line:
            lines.append(line)
    return "; ".join(lines)


@dataclass(frozen=True)
class Contact:
    """How to reach an organisation, or an activity (its own e-mail and website first)."""

    person: str | None = None
    person_title: LocalText | None = None
    person_email: str | None = None
    person_phone: str | None = None
    person_phone_href: str | None = None
    email: str | None = None
    phone: str | None = None
    phone_href: str | None = None
    website: str | None = None
    street_address: str | None = None
    postal_code: str | None = None
    city: str | None = None

    @property
    def has_person(self) -> bool:
        return bool(self.person or self.person_email or self.person_phone)

    @property
    def has_address(self) -> bool:
        return bool(self.street_address or self.postal_code or self.city)

    def __bool__(self) -> bool:
        return bool(self.has_person or self.email or self.phone or self.website or self.has_address)


def contact(org: Organization, locale: str, service: Service | None = None) -> Contact:
    own_email = email_address(service.email) if service else None
    own_website = web_url(service.url) if service else None
    return Contact(
        person=org.contact_name,
        person_title=local_text(org.contact_title, locale) or None,
        person_email=email_address(org.contact_email),
        person_phone=org.contact_phone,
        person_phone_href=phone_href(org.contact_phone),
        email=own_email or email_address(org.email),
        phone=org.phone,
        phone_href=phone_href(org.phone),
        website=own_website or web_url(org.website),
        street_address=org.street_address,
        postal_code=org.postal_code,
        city=org.city,
    )


@dataclass
class ActivitySummary:
    public_id: str
    name: LocalText
    languages: list[tuple[str, str]]
    areas: list[str]


@dataclass
class OrganizationSummary:
    public_id: str
    name: LocalText
    description: LocalText
    home_municipality: str | None
    languages: list[tuple[str, str]]
    activity_count: int


@dataclass
class OrganizationPage:
    public_id: str
    active: bool
    name: LocalText
    description: LocalText
    contact: Contact
    home_municipality: str | None
    business_id: str | None
    updated: Updated | None
    activities: list[ActivitySummary] = field(default_factory=list)


@dataclass
class ActivityPage:
    public_id: str
    active: bool
    status: str
    name: LocalText
    description: LocalText
    schedule: LocalText
    eligibility: LocalText
    interpretation: LocalText
    languages: list[tuple[str, str]]
    interpreter_languages: list[tuple[str, str]]
    areas: list[str]
    themes: list[str]
    target_groups: list[str]
    ages: str
    can_escort: bool
    accepts_referrals: bool
    contact: Contact
    updated: Updated | None
    organization_id: str
    organization_name: LocalText
    organization_active: bool


def activity_summary(service: Service, locale: str) -> ActivitySummary:
    return ActivitySummary(
        public_id=service.public_id,
        name=local_text(service.name, locale),
        languages=language_names(service.languages, locale),
        areas=area_labels(service, locale),
    )


def organization_summary(org: Organization, locale: str) -> OrganizationSummary:
    active = [s for s in org.services if s.is_active]
    return OrganizationSummary(
        public_id=org.public_id,
        name=local_text(org.name, locale),
        description=local_text(org.description, locale),
        home_municipality=municipality_label(org.municipality_code, locale),
        languages=language_names({code for s in active for code in s.languages}, locale),
        activity_count=len(active),
    )


def organization_page(org: Organization, locale: str) -> OrganizationPage:
    return OrganizationPage(
        public_id=org.public_id,
        active=org.is_active,
        name=local_text(org.name, locale),
        description=local_text(org.description, locale),
        contact=contact(org, locale),
        home_municipality=municipality_label(org.municipality_code, locale),
        business_id=org.business_id,
        updated=updated(org.updated_at),
        activities=sorted(
            (activity_summary(s, locale) for s in org.services if s.is_active),
            key=lambda a: a.name.text.casefold(),
        ),
    )


def activity_page(service: Service, locale: str) -> ActivityPage:
    org = service.organization
    schedule = local_text(service.schedule, locale)
    if not schedule:
        schedule = LocalText(schedule_from_rules(service.schedule_rules, locale))
    return ActivityPage(
        public_id=service.public_id,
        active=service.is_active and org.is_active,
        status=service.status,
        name=local_text(service.name, locale),
        description=local_text(service.description, locale),
        schedule=schedule,
        eligibility=local_text(service.eligibility, locale),
        interpretation=local_text(service.interpretation_text, locale),
        languages=language_names(service.languages, locale),
        interpreter_languages=language_names(service.interpreter_languages, locale),
        areas=area_labels(service, locale),
        themes=term_labels(service.themes, themes(), locale),
        target_groups=term_labels(service.target_groups, target_groups(), locale),
        ages=age_text(service.minimum_age, service.maximum_age),
        can_escort=service.can_escort,
        accepts_referrals=service.accepts_referrals,
        contact=contact(org, locale, service),
        updated=updated(service.updated_at),
        organization_id=org.public_id,
        organization_name=local_text(org.name, locale),
        organization_active=org.is_active,
    )


def _compact(data: dict) -> dict:
    """Drop empty values: schema.org consumers read a missing property as unknown."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _postal_address(org: Organization, locale: str) -> dict:
    return _compact(
        {
            "@type": "PostalAddress",
            "streetAddress": org.street_address,
            "postalCode": org.postal_code,
            "addressLocality": org.city or municipality_label(org.municipality_code, locale),
            "addressCountry": "FI",
        }
    )


def _languages_jsonld(codes, locale: str) -> list[dict]:
    return [
        {"@type": "Language", "name": name, "alternateName": code}
        for code, name in language_names(codes, locale)
    ]


def _areas_jsonld(service: Service, locale: str) -> list[dict]:
    return [
        {"@type": "Country", "name": _("Finland"), "identifier": code}
        if kind == AREA_NATIONWIDE
        else {"@type": "AdministrativeArea", "name": name, "identifier": code}
        for kind, code, name in named_areas(service, locale)
    ]


def _unique(items: list[dict]) -> list[dict]:
    seen, unique = set(), []
    for item in items:
        key = tuple(sorted(item.items()))
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique


def organization_jsonld(org: Organization, locale: str, page_url: str) -> dict:
    """schema.org ``Organization``; languages belong to its ``contactPoint``."""
    active = [s for s in org.services if s.is_active]
    languages = {code for s in active for code in s.languages}
    reach = contact(org, locale)
    person = _compact(
        {
            "@type": "ContactPoint",
            "name": reach.person,
            "contactType": str(reach.person_title or ""),
            "email": reach.person_email,
            "telephone": reach.person_phone,
            "availableLanguage": _languages_jsonld(languages, locale),
        }
    )
    return _compact(
        {
            "@context": "https://schema.org",
            "@type": "Organization",
            "@id": page_url,
            "name": pick_text(org.name, locale),
            "alternateName": list(org.alternate_names or []),
            "description": pick_text(org.description, locale),
            "url": reach.website or page_url,
            "email": reach.email or reach.person_email,
            "telephone": reach.phone or reach.person_phone,
            "address": _postal_address(org, locale),
            "areaServed": _unique([a for s in active for a in _areas_jsonld(s, locale)]),
            "contactPoint": person if set(person) - {"@type"} else None,
        }
    )


def service_jsonld(service: Service, locale: str, page_url: str, organization_url: str) -> dict:
    """schema.org ``Service``; contact and languages are on its ``availableChannel``."""
    org = service.organization
    reach = contact(org, locale, service)
    channel = _compact(
        {
            "@type": "ServiceChannel",
            "serviceUrl": web_url(service.url) or page_url,
            "availableLanguage": _languages_jsonld(service.languages, locale),
            "servicePhone": _compact(
                {
                    "@type": "ContactPoint",
                    "email": reach.email or reach.person_email,
                    "telephone": reach.phone or reach.person_phone,
                }
            ),
            "serviceLocation": {"@type": "Place", "address": _postal_address(org, locale)},
        }
    )
    return _compact(
        {
            "@context": "https://schema.org",
            "@type": "Service",
            "@id": page_url,
            "name": pick_text(service.name, locale),
            "description": pick_text(service.description, locale),
            "url": web_url(service.url) or page_url,
            "provider": {
                "@type": "Organization",
                "@id": organization_url,
                "name": pick_text(org.name, locale),
            },
            "areaServed": _areas_jsonld(service, locale),
            "serviceType": term_labels(service.themes, themes(), locale),
            "audience": [
                {"@type": "Audience", "audienceType": label}
                for label in term_labels(service.target_groups, target_groups(), locale)
            ],
            "availableChannel": channel,
        }
    )
