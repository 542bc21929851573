"""The shared macros of templates/_macros.html render accessible markup."""

from flask import g, render_template_string
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import BooleanField, RadioField, SelectChoice, StringField
from wtforms.validators import DataRequired

from coact.directory.services import ResultPage
from tests.directory.conftest import element, elements


class ContactForm(FlaskForm):
    class Meta:
        csrf = False

    name = StringField("Name", validators=[DataRequired(message="Write a name.")])
    phone = StringField("Phone", description="With the country code, e.g. +358")
    consent = BooleanField("The client agrees")
    channel = RadioField(
        "Reply by", choices=[SelectChoice("email", "Email"), SelectChoice("phone", "Phone")]
    )


FORM_TEMPLATE = """{% import "_macros.html" as m %}
{{ m.form_error_summary(form) }}
{% for f in form %}{{ m.field(f) }}{% endfor %}"""


def render_form(app, data):
    with app.test_request_context("/en/"):
        g.lang = "en"
        form = ContactForm(formdata=MultiDict(data))
        form.validate()
        return render_template_string(FORM_TEMPLATE, form=form)


def test_field_ties_label_hint_and_error_to_the_input(app):
    html = render_form(app, {"phone": "040"})

    name = element(html, "input", id="name")
    assert element(html, "label", for_="name").text == "Name"
    assert name.attrs["aria-invalid"] == "true"
    assert name.attrs["aria-describedby"] == "name-error"
    assert element(html, "p", id="name-error").text == "Error: Write a name."

    phone = element(html, "input", id="phone")
    assert phone.attrs["aria-describedby"] == "phone-hint"
    assert "aria-invalid" not in phone.attrs
    assert element(html, "p", id="phone-hint").text == "With the country code, e.g. +358"

    summary = element(html, "div", class_="error-summary")
    assert summary.attrs["role"] == "alert"
    assert element(html, "a", href="#name").text == "Name: Write a name."


def test_checkbox_and_radio_fields_are_labelled(app):
    html = render_form(app, {"name": "Aisha", "channel": "phone"})
    assert element(html, "label", for_="consent").text == "The client agrees"
    fieldset = element(html, "fieldset", id="channel")
    assert "Reply by" in fieldset.text
    radios = elements(html, "input", type="radio")
    assert [r.attrs["id"] for r in radios] == ["channel-0", "channel-1"]
    assert element(html, "label", for_="channel-1").text == "Phone"
    assert not elements(html, "div", class_="error-summary")


def test_pagination_marks_the_current_page_and_elides_far_pages(app):
    pager = ResultPage(items=[], total=200, page=5, per_page=20)
    with app.test_request_context("/fi/"):
        g.lang = "fi"
        html = render_template_string(
            '{% import "_macros.html" as m %}{{ m.pagination(pager, url) }}',
            pager=pager,
            url=lambda n: f"/x?page={n}",
        )
    labels = [a.text for a in elements(html, "a")]
    assert labels == [
        "Edellinen sivu",
        "Sivu 1",
        "Sivu 3",
        "Sivu 4",
        "Sivu 5",
        "Sivu 6",
        "Sivu 7",
        "Sivu 10",
        "Seuraava sivu",
    ]
    assert element(html, "a", **{"aria-current": "page"}).attrs["href"] == "/x?page=5"
    assert len(elements(html, "li", class_="pagination__gap")) == 2


def test_language_list_and_badge(app):
    with app.test_request_context("/sv/"):
        g.lang = "sv"
        html = render_template_string(
            '{% import "_macros.html" as m %}{{ m.language_list(["so", "ar"]) }}'
            '{{ m.badge("Closed", "warning") }}'
        )
    assert [(d.attrs["value"], d.text) for d in elements(html, "data")] == [
        ("so", "somaliska"),
        ("ar", "arabiska"),
    ]
    assert element(html, "span", class_="badge badge--warning").text == "Closed"
