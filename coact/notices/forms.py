"""The advance notice form."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from coact.notices.services import MAX_EXPECTED, MESSAGE_MAX_LENGTH
from coact.profiles.choices import municipality_options, target_group_options, theme_options
from coact.reference import municipality
from coact.referrals.forms import CheckboxesField, LanguagesMixin, PersonalDataCheckMixin

TO_ORGANIZATION = "organization"
TO_THEME = "theme"


class NoticeForm(LanguagesMixin, PersonalDataCheckMixin, FlaskForm):
    checked_field_name = "message"

    addressed_to = RadioField(
        _l("To"),
        choices=[
            SelectChoice(TO_ORGANIZATION, _l("One organisation")),
            SelectChoice(TO_THEME, _l("All organisations of a theme in our county")),
        ],
        default=TO_ORGANIZATION,
        validators=[InputRequired()],
    )
    organization = SelectField(_l("Organisation"), validators=[Optional()])
    theme = SelectField(_l("Theme"), validators=[Optional()])
    expected_count = IntegerField(
        _l("About how many clients"),
        validators=[InputRequired(), NumberRange(1, MAX_EXPECTED)],
    )
    period_start = DateField(_l("Period starts"), validators=[DataRequired()])
    period_end = DateField(_l("Period ends"), validators=[DataRequired()])
    languages = CheckboxesField(_l("Languages"), validators=[Optional()])
    languages_other = StringField(
        _l("Other languages (ISO 639 codes)"), validators=[Optional(), Length(max=200)]
    )
    themes = CheckboxesField(_l("Needs"), validators=[Optional()])
    target_groups = CheckboxesField(_l("Target groups"), validators=[Optional()])
    municipality = SelectField(_l("Municipality"), validators=[Optional()])
    message = TextAreaField(
        _l("Message"),
        validators=[Optional(), Length(max=MESSAGE_MAX_LENGTH)],
        description=_l(
            "For example: about 10 Dari-speaking women needing digital skills support in "
            "Kerava in March. No names, phone numbers or identity codes."
        ),
    )
    confirm_anonymous = BooleanField(_l("I checked the text: it contains no personal data"))

    def set_choices(
        self, locale: str, organizations, county_code: str, languages: list[str]
    ) -> None:
        self.organization.choices = [("", _("Choose an organisation"))] + [
            (o.public_id, o.display_name(locale)) for o in organizations
        ]
        self.theme.choices = [("", _("Choose a theme"))] + theme_options(locale)
        self.themes.choices = theme_options(locale)
        self.target_groups.choices = target_group_options(locale)
        self.municipality.choices = [("", _("Anywhere in the county"))] + [
            (code, label)
            for code, label in municipality_options(locale)
            if municipality(code).county == county_code
        ]
        self.set_language_choices(locale, languages)

    def validate_organization(self, field) -> None:
        if self.addressed_to.data == TO_ORGANIZATION and not field.data:
            raise ValidationError(_("Choose an organisation."))

    def validate_theme(self, field) -> None:
        if self.addressed_to.data == TO_THEME and not field.data:
            raise ValidationError(_("Choose a theme."))
