"""Forms of the referral pages. Choices come from reference data in the UI locale."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    HiddenField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TelField,
    TextAreaField,
    TimeField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from coact.models.referrals import CLIENT_DATA_ITEMS, CONSENT_METHODS
from coact.profiles.choices import language_options, municipality_options, theme_options
from coact.profiles.forms import parse_language_codes
from coact.referrals.lifecycle import (
    CANCEL_REASONS,
    CONSENT_METHOD_LABELS,
    DATA_ITEM_LABELS,
    DECLINE_REASONS,
    REASON_LABELS,
)
from coact.referrals.personal_data import IDENTITY_CODE_REFUSED, Findings, scan
from coact.referrals.services import DEFAULT_CONSENT_DAYS, NEED_MAX_LENGTH, NOTE_MAX_LENGTH

#: Dates and times people type are Finnish local time.
LOCAL_TZ = ZoneInfo("Europe/Helsinki")


def local_today() -> date:
    return datetime.now(LOCAL_TZ).date()


def to_utc(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=LOCAL_TZ).astimezone(UTC)


def end_of_local_day(day: date) -> datetime:
    return to_utc(day + timedelta(days=1), time(0, 0))


class CheckboxesField(SelectMultipleField):
    """Several choices as a list of checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class LanguagesMixin:
    """Common languages as checkboxes plus other ISO 639 codes typed in."""

    def set_language_choices(self, locale: str, extra: list[str]) -> None:
        self.languages.choices = language_options(locale, extra)

    def validate_languages_other(self, field) -> None:
        _valid, rejected = parse_language_codes(field.data)
        if rejected:
            raise ValidationError(
                _(
                    "Unknown language code: %(codes)s. Use ISO 639 codes such as ar, so or prs.",
                    codes=", ".join(rejected),
                )
            )

    def language_codes(self) -> list[str]:
        typed, _rejected = parse_language_codes(self.languages_other.data)
        return list(dict.fromkeys([*(self.languages.data or []), *typed]))


class PersonalDataCheckMixin:
    """A free text field that must stay anonymous: identity codes are refused, and
    what looks like a name, phone number or e-mail address asks for a confirmation."""

    checked_field_name = "need_text"

    def personal_data_findings(self) -> Findings:
        return scan(getattr(self, self.checked_field_name).data or "")

    def validate_confirm_anonymous(self, field) -> None:
        findings = self.personal_data_findings()
        if findings.blocks:
            getattr(self, self.checked_field_name).errors.append(str(IDENTITY_CODE_REFUSED))
            raise ValidationError(_("Remove the personal identity code first."))
        if findings.warns and not field.data:
            raise ValidationError(
                _(
                    "The text may contain personal data. Check it, remove names, phone "
                    "numbers and e-mail addresses, or confirm that it contains none."
                )
            )


class NewReferralForm(LanguagesMixin, PersonalDataCheckMixin, FlaskForm):
    organization = HiddenField(validators=[DataRequired()])
    service = SelectField(_l("Activity"), validators=[Optional()])
    need_text = TextAreaField(
        _l("The client's need, without personal data"),
        validators=[Length(max=NEED_MAX_LENGTH)],
        description=_l(
            "The organisation sees this even without consent. Do not write names, "
            "contact details, identity codes or health details here."
        ),
    )
    themes = CheckboxesField(_l("Themes"), validators=[Optional()])
    languages = CheckboxesField(_l("Languages the client speaks"), validators=[Optional()])
    languages_other = StringField(
        _l("Other languages (ISO 639 codes)"),
        validators=[Optional(), Length(max=200)],
        description=_l("For example: ti, om"),
    )
    municipality = SelectField(_l("Home municipality"), validators=[Optional()])
    confirm_anonymous = BooleanField(_l("I checked the text: it contains no personal data"))

    def set_choices(self, locale: str, services, languages: list[str]) -> None:
        self.service.choices = [("", _("No particular activity"))] + [
            (s.public_id, s.display_name(locale)) for s in services
        ]
        self.themes.choices = theme_options(locale)
        self.municipality.choices = [("", _("Not given"))] + municipality_options(locale)
        self.set_language_choices(locale, languages)


class ConsentForm(FlaskForm):
    data_items = CheckboxesField(
        _l("Data the client agreed to share"),
        choices=[SelectChoice(item, DATA_ITEM_LABELS[item]) for item in CLIENT_DATA_ITEMS],
        validators=[DataRequired(_l("Choose at least one data item."))],
    )
    name = StringField(_l("Name"), validators=[Optional(), Length(max=200)])
    phone = TelField(_l("Phone"), validators=[Optional(), Length(max=60)])
    email = EmailField(_l("E-mail"), validators=[Optional(), Length(max=255)])
    preferred_language = SelectField(_l("Preferred language"), validators=[Optional()])
    needs_summary = TextAreaField(
        _l("Short description of needs"),
        validators=[Optional(), Length(max=NOTE_MAX_LENGTH)],
        description=_l("Only what the organisation needs to know to meet the client."),
    )
    explicit_for_needs = BooleanField(
        _l(
            "The client separately and explicitly agreed to share the description of needs, "
            "which may reveal health or other sensitive matters"
        )
    )
    purpose = TextAreaField(
        _l("Purpose"), validators=[DataRequired(), Length(max=500)], render_kw={"rows": 2}
    )
    method = RadioField(
        _l("How the consent was given"),
        choices=[SelectChoice(m, CONSENT_METHOD_LABELS[m]) for m in CONSENT_METHODS],
        validators=[InputRequired(_l("Choose how the consent was given."))],
    )
    interpreter_language = SelectField(_l("Interpreter's language"), validators=[Optional()])
    notice_language = SelectField(_l("Language of the information given to the client"))
    given_on = DateField(_l("Consent given on"), validators=[DataRequired()])
    valid_until = DateField(
        _l("Valid until"),
        validators=[DataRequired()],
        description=_l("At most a year; usually %(num)d days.", num=DEFAULT_CONSENT_DAYS),
    )
    told_refusal_is_free = BooleanField(
        _l("The client was told that refusing or withdrawing does not affect their services"),
        validators=[DataRequired(_l("This must be confirmed before consent is recorded."))],
    )
    client_agreed = BooleanField(
        _l("The client agreed, by a clear act, to share the chosen data with this organisation"),
        validators=[DataRequired(_l("This must be confirmed before consent is recorded."))],
    )

    def set_choices(self, locale: str, ui_locales: tuple[str, ...], client_languages) -> None:
        options = language_options(locale, list(client_languages))
        self.preferred_language.choices = [("", _("Choose a language"))] + options
        self.interpreter_language.choices = [("", _("No interpreter"))] + options
        self.notice_language.choices = [(c, n) for c, n in language_options(locale, ui_locales)]

    def validate_given_on(self, field) -> None:
        if field.data and field.data > local_today():
            raise ValidationError(_("The date cannot be in the future."))

    def validate_valid_until(self, field) -> None:
        if field.data and field.data <= local_today():
            raise ValidationError(_("The consent must be valid until a future date."))


class NoteForm(FlaskForm):
    """Accept, complete, send, withdraw …: a confirmation with an optional note."""

    note = TextAreaField(
        _l("Note (optional, no personal data)"),
        validators=[Optional(), Length(max=NOTE_MAX_LENGTH)],
        render_kw={"rows": 2},
    )


class DeclineForm(NoteForm):
    reason = RadioField(
        _l("Reason"),
        choices=[SelectChoice(r, REASON_LABELS[r]) for r in DECLINE_REASONS],
        validators=[InputRequired(_l("Choose a reason."))],
    )


class CancelForm(NoteForm):
    reason = RadioField(
        _l("Reason"),
        choices=[SelectChoice(r, REASON_LABELS[r]) for r in CANCEL_REASONS],
        validators=[InputRequired(_l("Choose a reason."))],
    )


class MeetingForm(NoteForm):
    day = DateField(_l("Date"), validators=[DataRequired()])
    at = TimeField(_l("Time"), validators=[DataRequired()])
    place = StringField(
        _l("Place"),
        validators=[DataRequired(), Length(max=300)],
        description=_l(
            "For example the organisation's address, or where a volunteer meets the client."
        ),
    )

    def meeting_at(self) -> datetime:
        return to_utc(self.day.data, self.at.data)


#: The form of each lifecycle action.
ACTION_FORMS: dict[str, type[NoteForm]] = {
    "send": NoteForm,
    "accept": NoteForm,
    "decline": DeclineForm,
    "arrange_meeting": MeetingForm,
    "complete": NoteForm,
    "no_show": NoteForm,
    "cancel": CancelForm,
    "withdraw": NoteForm,
}


class ConfirmForm(FlaskForm):
    """A button with CSRF protection and nothing else (withdrawing consent)."""
