"""Forms for logging in and for a user's own account."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Optional

from coact.auth.passwords import MIN_PASSWORD_LENGTH

_REQUIRED = _l("This field is required.")
_PASSWORD_LENGTH = _l("Use at least %(num)d characters.", num=MIN_PASSWORD_LENGTH)
_PASSWORDS_DIFFER = _l("The passwords do not match.")


class LoginForm(FlaskForm):
    email = EmailField(_l("E-mail address"), validators=[DataRequired(_REQUIRED), Length(max=255)])
    password = PasswordField(_l("Password"), validators=[DataRequired(_REQUIRED)])
    next = HiddenField()


class NewPasswordForm(FlaskForm):
    new_password = PasswordField(
        _l("New password"),
        validators=[
            DataRequired(_REQUIRED),
            Length(min=MIN_PASSWORD_LENGTH, message=_PASSWORD_LENGTH),
        ],
    )
    confirm_password = PasswordField(
        _l("New password again"),
        validators=[DataRequired(_REQUIRED), EqualTo("new_password", message=_PASSWORDS_DIFFER)],
    )


class ChangePasswordForm(NewPasswordForm):
    current_password = PasswordField(_l("Current password"), validators=[DataRequired(_REQUIRED)])


class LanguageForm(FlaskForm):
    locale = SelectField(_l("Language of the user interface"), validators=[Optional()])

    def set_choices(self, locales: list[tuple[str, str]]) -> None:
        self.locale.choices = [("", _l("As in my browser"))] + locales


class UserForm(FlaskForm):
    """An administrator creates an account of any role."""

    email = EmailField(_l("E-mail address"), validators=[DataRequired(_REQUIRED), Length(max=255)])
    name = StringField(_l("Name"), validators=[Optional(), Length(max=200)])
    role = SelectField(_l("Role"), validators=[DataRequired(_REQUIRED)])
    county_code = SelectField(_l("Wellbeing services county"), validators=[Optional()])
    team = SelectField(_l("KOTO team"), validators=[Optional()])


class EditorInviteForm(FlaskForm):
    """An administrator adds an editor to an organisation, creating the account if needed."""

    email = EmailField(_l("E-mail address"), validators=[DataRequired(_REQUIRED), Length(max=255)])
    name = StringField(_l("Name"), validators=[Optional(), Length(max=200)])


class TeamForm(FlaskForm):
    name = StringField(_l("Team name"), validators=[DataRequired(_REQUIRED), Length(max=200)])
    county_code = SelectField(_l("Wellbeing services county"), validators=[DataRequired(_REQUIRED)])
