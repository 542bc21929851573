"""Forms of the group visit pages."""

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
    TimeField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from coact.referrals.forms import CheckboxesField, LanguagesMixin, PersonalDataCheckMixin, to_utc
from coact.visits.services import MAX_OCCURRENCES, REPEAT_LABELS, REPEATS, TEXT_MAX_LENGTH


class PlanVisitForm(LanguagesMixin, PersonalDataCheckMixin, FlaskForm):
    checked_field_name = "notes"

    organization = SelectField(_l("Organisation"), validators=[DataRequired()])
    day = DateField(_l("Date"), validators=[DataRequired()])
    at = TimeField(_l("Time"), validators=[DataRequired()])
    duration_minutes = IntegerField(
        _l("Duration in minutes"), default=90, validators=[InputRequired(), NumberRange(15, 480)]
    )
    participants = IntegerField(
        _l("Number of participants"), validators=[InputRequired(), NumberRange(1, 200)]
    )
    languages = CheckboxesField(_l("Languages of the group"), validators=[Optional()])
    languages_other = StringField(
        _l("Other languages (ISO 639 codes)"), validators=[Optional(), Length(max=200)]
    )
    interpreter_needed = BooleanField(_l("An interpreter is needed"))
    meeting_point = StringField(
        _l("Meeting point"),
        validators=[Optional(), Length(max=300)],
        description=_l("Where the group gathers, for example the entrance of the service point."),
    )
    pickup_requested = BooleanField(_l("We ask the organisation to pick the group up"))
    notes = TextAreaField(
        _l("Notes for the organisation (no personal data)"),
        validators=[Optional(), Length(max=TEXT_MAX_LENGTH)],
    )
    repeat = RadioField(
        _l("Repeat"),
        choices=[SelectChoice(r, REPEAT_LABELS[r]) for r in REPEATS],
        default="none",
        validators=[InputRequired()],
    )
    count = IntegerField(
        _l("Number of visits in the series"),
        default=1,
        validators=[InputRequired(), NumberRange(1, MAX_OCCURRENCES)],
    )
    confirm_anonymous = BooleanField(_l("I checked the text: it contains no personal data"))

    def set_choices(self, locale: str, organizations, languages: list[str]) -> None:
        self.organization.choices = [("", _("Choose an organisation"))] + [
            (o.public_id, o.display_name(locale)) for o in organizations
        ]
        self.set_language_choices(locale, languages)

    def starts_at(self):
        return to_utc(self.day.data, self.at.data)


class ConfirmVisitForm(FlaskForm):
    whole_series = BooleanField(_l("Confirm also the later visits of this series"), default=True)


class ProposeTimeForm(FlaskForm):
    day = DateField(_l("Date"), validators=[DataRequired()])
    at = TimeField(_l("Time"), validators=[DataRequired()])
    message = TextAreaField(
        _l("Message (no personal data)"), validators=[Optional(), Length(max=TEXT_MAX_LENGTH)]
    )

    def starts_at(self):
        return to_utc(self.day.data, self.at.data)


class MessageForm(FlaskForm):
    """Cancelling or accepting: an optional message."""

    message = TextAreaField(
        _l("Message (optional, no personal data)"),
        validators=[Optional(), Length(max=TEXT_MAX_LENGTH)],
    )


class FeedbackForm(FlaskForm):
    attendance = IntegerField(_l("How many came"), validators=[Optional(), NumberRange(0, 500)])
    feedback = TextAreaField(
        _l("Short feedback (no personal data)"),
        validators=[Optional(), Length(max=TEXT_MAX_LENGTH)],
    )
