"""Forms of the Imports pages: the CSV upload and the yes/no decisions."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import BooleanField, HiddenField
from wtforms.validators import AnyOf, DataRequired

ACCEPT, DISMISS = "accept", "dismiss"
CONFIRM, REJECT = "confirm", "reject"


class CsvUploadForm(FlaskForm):
    file = FileField(
        _l("CSV file"),
        description=_l("The Co-Act template saved as CSV (UTF-8 or Excel's own CSV)."),
        validators=[
            FileRequired(_l("Choose a file.")),
            FileAllowed(["csv", "txt"], _l("Choose a .csv file.")),
        ],
    )
    dry_run = BooleanField(
        _l("Only check the file"),
        description=_l("Shows what would change and every problem, and writes nothing."),
    )


class DiffDecisionForm(FlaskForm):
    decision = HiddenField(validators=[DataRequired(), AnyOf([ACCEPT, DISMISS])])


class DuplicateDecisionForm(FlaskForm):
    decision = HiddenField(validators=[DataRequired(), AnyOf([CONFIRM, REJECT])])


class ClearFlagForm(FlaskForm):
    """Keep a flagged record as it is (no fields)."""
