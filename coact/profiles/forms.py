"""Forms for editing organisations and activities.

Text fields exist once per language, so the form classes are built per request
for the languages on show: fi, sv and en always, every language that already
has a text, and any the editor adds with an ISO 639 code. Each form turns its
input into ``values()``: the model attributes as they are stored.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    Field,
    FieldList,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import Length, NumberRange, Optional, ValidationError

from coact.models import (
    AREA_COUNTY,
    AREA_MUNICIPALITY,
    AREA_NATIONWIDE,
    ORGANIZATION_STATUSES,
    SERVICE_STATUSES,
)
from coact.profiles import choices, validators
from coact.reference import (
    counties,
    language_name,
    municipalities,
    normalise_language_code,
    target_groups,
    themes,
)

#: Multilingual attributes of each model, in the order the form shows them.
ORGANIZATION_TEXTS = ("name", "description", "contact_title")
SERVICE_TEXTS = ("name", "description", "schedule", "eligibility", "interpretation_text")

TEXT_LABELS = {
    "name": _l("Name"),
    "description": _l("Description"),
    "contact_title": _l("Contact person's title"),
    "schedule": _l("When (in words)"),
    "eligibility": _l("Who can take part"),
    "interpretation_text": _l("Interpreting (in words)"),
}
LONG_TEXTS = {"description", "schedule", "eligibility", "interpretation_text"}
SAVE = "save"
ADD_LANGUAGE = "add_language"
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")
_CODE_SEPARATORS = re.compile(r"[\s,;]+")


def cleaned_by(clean: Callable[[str | None], str | None]):
    """A validator storing ``clean(data)`` in the field, or showing its message."""

    def validate(form, field) -> None:
        try:
            field.data = clean(field.data)
        except ValueError as exc:
            raise ValidationError(str(exc)) from exc

    return validate


def text_field_name(attribute: str, code: str) -> str:
    return f"{attribute}__{code}"


def parse_language_codes(text: str | None) -> tuple[list[str], list[str]]:
    """(valid stored codes, rejected inputs) from free text such as ``"ar, so ku"``."""
    valid, rejected = [], []
    for part in _CODE_SEPARATORS.split(text or ""):
        if not part:
            continue
        code = normalise_language_code(part)
        (valid if code else rejected).append(code or part)
    return list(dict.fromkeys(valid)), rejected


def _unknown_language_message(rejected: Iterable[str]) -> str:
    return _(
        "Unknown language code: %(codes)s. Use ISO 639 codes such as ar, so or prs.",
        codes=", ".join(rejected),
    )


class MultilingualForm(FlaskForm):
    """Shared parts: the languages on show, adding one, and the text values."""

    TEXTS: tuple[str, ...] = ()
    REQUIRED_TEXTS: tuple[str, ...] = ("name",)

    text_languages = HiddenField()
    add_language = StringField(
        _l("Add a language"),
        validators=[Optional(), Length(max=12)],
        description=_l(
            "An ISO 639 language code, for example ar (Arabic), so (Somali) or prs (Dari)."
        ),
    )
    action = HiddenField(default=SAVE)

    languages_shown: list[str] = []

    def validate_add_language(self, field: Field) -> None:
        if field.data and not normalise_language_code(field.data):
            raise ValidationError(_unknown_language_message([field.data]))

    def added_language(self) -> str | None:
        return normalise_language_code(self.add_language.data or "")

    def text_values(self) -> dict[str, dict[str, str]]:
        values: dict[str, dict[str, str]] = {}
        for attribute in self.TEXTS:
            texts = {}
            for code in self.languages_shown:
                field = self[text_field_name(attribute, code)]
                text = (field.data or "").strip()
                if text:
                    texts[code] = text
            values[attribute] = texts
        return values

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        texts = self.text_values()
        for attribute in self.REQUIRED_TEXTS:
            if not texts[attribute]:
                first = self[text_field_name(attribute, self.languages_shown[0])]
                first.errors = [*first.errors, _("Give the name in at least one language.")]
                ok = False
        return ok

    def text_fields(self, code: str) -> list[Field]:
        return [self[text_field_name(attribute, code)] for attribute in self.TEXTS]


def languages_to_show(obj_texts: Iterable[dict | None], posted: str | None) -> list[str]:
    """fi, sv, en, then languages with texts, then languages added earlier in this form."""
    shown = list(choices.BASE_TEXT_LANGUAGES)
    for texts in obj_texts:
        shown.extend(code for code, text in (texts or {}).items() if text)
    shown.extend(parse_language_codes(posted)[0])
    return list(dict.fromkeys(shown))


def _with_text_fields(base: type[MultilingualForm], languages: list[str], locale: str):
    """A subclass of ``base`` with one field per text attribute and language."""
    form_class = type(base.__name__, (base,), {"languages_shown": languages})
    for code in languages:
        name = language_name(code, locale)
        for attribute in base.TEXTS:
            field_type = TextAreaField if attribute in LONG_TEXTS else StringField
            limit = 300 if attribute in ("name", "contact_title") else 20000
            setattr(
                form_class,
                text_field_name(attribute, code),
                field_type(
                    f"{_(str(TEXT_LABELS[attribute]))} ({name})",
                    validators=[Optional(), Length(max=limit)],
                ),
            )
    return form_class


# --- Organisations -------------------------------------------------------------


#: Organisation columns edited as one plain value each (stripped; blank is None).
ORGANIZATION_PLAIN_FIELDS = (
    "business_id",
    "website",
    "email",
    "phone",
    "street_address",
    "postal_code",
    "city",
    "municipality_code",
    "contact_name",
    "contact_email",
    "contact_phone",
)


class OrganizationForm(MultilingualForm):
    TEXTS = ORGANIZATION_TEXTS

    alternate_names = TextAreaField(
        _l("Other names"),
        description=_l("Abbreviations and former names, one per line."),
        validators=[Optional(), Length(max=3000)],
    )
    business_id = StringField(
        _l("Business ID (Y-tunnus)"),
        description=_l("For example 1234567-8."),
        validators=[cleaned_by(validators.clean_business_id)],
    )
    website = StringField(_l("Website"), validators=[cleaned_by(validators.clean_url)])
    email = StringField(_l("E-mail address"), validators=[cleaned_by(validators.clean_email)])
    phone = StringField(_l("Phone number"), validators=[cleaned_by(validators.clean_phone)])
    street_address = StringField(_l("Street address"), validators=[Optional(), Length(max=255)])
    postal_code = StringField(
        _l("Postal code"), validators=[cleaned_by(validators.clean_postal_code)]
    )
    city = StringField(_l("Post office"), validators=[Optional(), Length(max=100)])
    municipality_code = SelectField(_l("Home municipality"), validate_choice=False)
    contact_name = StringField(_l("Contact person"), validators=[Optional(), Length(max=200)])
    contact_email = StringField(
        _l("Contact person's e-mail"), validators=[cleaned_by(validators.clean_email)]
    )
    contact_phone = StringField(
        _l("Contact person's phone"), validators=[cleaned_by(validators.clean_phone)]
    )
    status = SelectField(_l("Status"), validate_choice=False)

    def validate_municipality_code(self, field: Field) -> None:
        if field.data and field.data not in municipalities():
            raise ValidationError(_("Choose a municipality from the list."))

    def validate_status(self, field: Field) -> None:
        if field.data not in ORGANIZATION_STATUSES:
            raise ValidationError(_("Choose a status from the list."))

    def values(self) -> dict:
        values: dict = dict(self.text_values())
        names = [line.strip() for line in (self.alternate_names.data or "").splitlines()]
        values["alternate_names"] = list(dict.fromkeys(n for n in names if n))
        for attribute in ORGANIZATION_PLAIN_FIELDS:
            data = self[attribute].data
            values[attribute] = (data.strip() or None) if isinstance(data, str) else data
        values["status"] = self.status.data
        return values


def organization_form(locale: str, org=None, formdata=None) -> OrganizationForm:
    """The edit form for ``org`` (None: a new organisation), with posted data if any."""
    posted = formdata.get("text_languages") if formdata else None
    texts = [getattr(org, a) for a in ORGANIZATION_TEXTS] if org is not None else []
    languages = languages_to_show(texts, posted)
    form_class = _with_text_fields(OrganizationForm, languages, locale)
    data = {}
    if org is not None:
        data = {
            "alternate_names": "\n".join(org.alternate_names or []),
            **{name: getattr(org, name) for name in (*ORGANIZATION_PLAIN_FIELDS, "status")},
        }
        for attribute in ORGANIZATION_TEXTS:
            for code, text in (getattr(org, attribute) or {}).items():
                data[text_field_name(attribute, code)] = text
    form = (
        form_class(formdata=formdata, data=data) if formdata is not None else form_class(data=data)
    )
    form.municipality_code.choices = [("", _("Not given"))] + choices.municipality_options(locale)
    form.status.choices = choices.organization_status_options()
    if not form.status.data:
        form.status.data = "active"
    form.text_languages.data = ",".join(languages)
    return form


# --- Activities ------------------------------------------------------------------


class ScheduleRuleForm(Form):
    """One weekly opening: days, and the times it opens and closes."""

    byday = SelectMultipleField(_l("Days"), validate_choice=False)
    opens_at = StringField(_l("Starts"), description=_l("For example 17:00."))
    closes_at = StringField(_l("Ends"))
    freq = HiddenField(default="WEEKLY")

    def is_blank(self) -> bool:
        return not (
            self.byday.data
            or (self.opens_at.data or "").strip()
            or (self.closes_at.data or "").strip()
        )

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        if self.is_blank():
            return ok
        if not self.byday.data or any(day not in choices.WEEKDAYS for day in self.byday.data):
            self.byday.errors = [*self.byday.errors, _("Choose at least one day.")]
            ok = False
        times = {}
        for field in (self.opens_at, self.closes_at):
            text = (field.data or "").strip()
            if not text:
                continue
            match = _TIME.match(text)
            if not match:
                field.errors = [*field.errors, _("Enter a time such as 17:00.")]
                ok = False
            else:
                times[field.name] = field.data = f"{int(match.group(1)):02d}:{match.group(2)}"
        opens, closes = times.get(self.opens_at.name), times.get(self.closes_at.name)
        if opens and closes and closes <= opens:
            self.closes_at.errors = [*self.closes_at.errors, _("The end must be after the start.")]
            ok = False
        return ok

    def rule(self) -> dict | None:
        if self.is_blank():
            return None
        rule = {"freq": self.freq.data or "WEEKLY", "byday": ",".join(self.byday.data)}
        if self.opens_at.data:
            rule["opens_at"] = self.opens_at.data
        if self.closes_at.data:
            rule["closes_at"] = self.closes_at.data
        return rule


class ServiceForm(MultilingualForm):
    TEXTS = SERVICE_TEXTS

    languages = SelectMultipleField(_l("Languages the activity is run in"), validate_choice=False)
    languages_other = StringField(
        _l("Other languages"),
        description=_l("ISO 639 codes separated by commas, for example tr, vi."),
    )
    interpreter_languages = SelectMultipleField(
        _l("Languages of volunteer interpreters"), validate_choice=False
    )
    interpreter_languages_other = StringField(
        _l("Other interpreter languages"),
        description=_l("ISO 639 codes separated by commas, for example tr, vi."),
    )
    themes = SelectMultipleField(_l("Themes"), validate_choice=False)
    target_groups = SelectMultipleField(_l("Target groups"), validate_choice=False)
    municipalities = SelectMultipleField(_l("Municipalities"), validate_choice=False)
    counties = SelectMultipleField(_l("Wellbeing services counties"), validate_choice=False)
    nationwide = BooleanField(_l("All of Finland"))
    online = BooleanField(_l("Takes place online"))
    can_escort = BooleanField(_l("Volunteers can escort a client (for example to an office)"))
    accepts_referrals = BooleanField(_l("Accepts referrals from KOTO workers"))
    minimum_age = IntegerField(
        _l("Minimum age"),
        validators=[Optional(), NumberRange(0, 120, message=_l("Enter an age from 0 to 120."))],
    )
    maximum_age = IntegerField(
        _l("Maximum age"),
        validators=[Optional(), NumberRange(0, 120, message=_l("Enter an age from 0 to 120."))],
    )
    email = StringField(_l("E-mail address"), validators=[cleaned_by(validators.clean_email)])
    url = StringField(_l("Web page"), validators=[cleaned_by(validators.clean_url)])
    status = SelectField(_l("Status"), validate_choice=False)
    schedule_rules = FieldList(FormField(ScheduleRuleForm), label=_l("Weekly times"))

    def _codes(self, field: Field, other: Field | None) -> list[str]:
        codes = [normalise_language_code(c) for c in field.data or []]
        valid = [c for c in codes if c]
        if other is not None:
            valid.extend(parse_language_codes(other.data)[0])
        return sorted(dict.fromkeys(valid))

    def _check_languages(self, field: Field, other: Field) -> None:
        rejected = [c for c in field.data or [] if not normalise_language_code(c)]
        rejected.extend(parse_language_codes(other.data)[1])
        if rejected:
            raise ValidationError(_unknown_language_message(rejected))

    def validate_languages_other(self, field: Field) -> None:
        self._check_languages(self.languages, field)

    def validate_interpreter_languages_other(self, field: Field) -> None:
        self._check_languages(self.interpreter_languages, field)

    def validate_themes(self, field: Field) -> None:
        if any(code not in themes() for code in field.data or []):
            raise ValidationError(_("Choose themes from the list."))

    def validate_target_groups(self, field: Field) -> None:
        if any(code not in target_groups() for code in field.data or []):
            raise ValidationError(_("Choose target groups from the list."))

    def validate_municipalities(self, field: Field) -> None:
        unknown = [code for code in field.data or [] if code not in municipalities()]
        if unknown:
            raise ValidationError(
                _("Unknown municipality code: %(codes)s.", codes=", ".join(unknown))
            )

    def validate_counties(self, field: Field) -> None:
        unknown = [code for code in field.data or [] if code not in counties()]
        if unknown:
            raise ValidationError(_("Unknown county code: %(codes)s.", codes=", ".join(unknown)))

    def validate_maximum_age(self, field: Field) -> None:
        low = self.minimum_age.data
        if field.data is not None and low is not None and field.data < low:
            raise ValidationError(_("The maximum age cannot be below the minimum age."))

    def validate_status(self, field: Field) -> None:
        if field.data not in SERVICE_STATUSES:
            raise ValidationError(_("Choose a status from the list."))

    def values(self) -> dict:
        values: dict = dict(self.text_values())
        values["languages"] = self._codes(self.languages, self.languages_other)
        values["interpreter_languages"] = self._codes(
            self.interpreter_languages, self.interpreter_languages_other
        )
        values["themes"] = [code for code in themes() if code in (self.themes.data or [])]
        values["target_groups"] = [
            code for code in target_groups() if code in (self.target_groups.data or [])
        ]
        areas = [(AREA_NATIONWIDE, "FI")] if self.nationwide.data else []
        areas += [(AREA_COUNTY, code) for code in sorted(set(self.counties.data or []))]
        areas += [(AREA_MUNICIPALITY, code) for code in sorted(set(self.municipalities.data or []))]
        values["areas"] = areas
        for attribute in ("online", "can_escort", "accepts_referrals"):
            values[attribute] = bool(self[attribute].data)
        values["minimum_age"] = self.minimum_age.data
        values["maximum_age"] = self.maximum_age.data
        values["email"] = self.email.data or None
        values["url"] = self.url.data or None
        values["status"] = self.status.data
        values["schedule_rules"] = [
            r for r in (entry.form.rule() for entry in self.schedule_rules) if r
        ]
        return values


#: Empty weekly-time rows offered below the existing ones (no script needed to add rows).
BLANK_SCHEDULE_ROWS = 2


def service_form(locale: str, service=None, formdata=None) -> ServiceForm:
    posted = formdata.get("text_languages") if formdata else None
    texts = [getattr(service, a) for a in SERVICE_TEXTS] if service is not None else []
    languages = languages_to_show(texts, posted)
    form_class = _with_text_fields(ServiceForm, languages, locale)
    data: dict = {"status": "active"}
    if service is not None:
        common = set(choices.common_language_codes())
        spoken, interpreted = list(service.languages), list(service.interpreter_languages)
        data = {
            "languages": [c for c in spoken if c in common],
            "languages_other": ", ".join(c for c in spoken if c not in common),
            "interpreter_languages": [c for c in interpreted if c in common],
            "interpreter_languages_other": ", ".join(c for c in interpreted if c not in common),
            "themes": list(service.themes),
            "target_groups": list(service.target_groups),
            "municipalities": service.municipality_codes,
            "counties": service.county_codes,
            "nationwide": service.nationwide,
            **{
                name: getattr(service, name)
                for name in (
                    "online",
                    "can_escort",
                    "accepts_referrals",
                    "minimum_age",
                    "maximum_age",
                    "email",
                    "url",
                    "status",
                )
            },
        }
        rules = [
            {**rule, "byday": [d for d in str(rule.get("byday", "")).split(",") if d]}
            for rule in service.schedule_rules or []
        ]
        data["schedule_rules"] = rules
        for attribute in SERVICE_TEXTS:
            for code, text in (getattr(service, attribute) or {}).items():
                data[text_field_name(attribute, code)] = text
    if formdata is None:
        data.setdefault("schedule_rules", [])
        data["schedule_rules"] = data["schedule_rules"] + [{}] * BLANK_SCHEDULE_ROWS
        form = form_class(data=data)
    else:
        form = form_class(formdata=formdata, data=data)
    weekdays = choices.weekday_options(locale)
    for entry in form.schedule_rules:
        entry.form.byday.choices = weekdays
    form.status.choices = choices.service_status_options()
    form.text_languages.data = ",".join(languages)
    return form
