"""Read a form out of a rendered page, as a browser would submit it.

Tests then change a few values and post the rest unchanged, so they exercise
the real template (every field name, checked box and selected option).
"""

from __future__ import annotations

from html.parser import HTMLParser


class _FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._select: str | None = None
        self._select_multiple = False
        self._option_value: str | None = None
        self._option_selected = False
        self._option_text = ""
        self._textarea: str | None = None
        self._textarea_text = ""
        self._first_option: tuple[str, str] | None = None
        self._select_has_selected = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {
                "action": attrs.get("action"),
                "method": attrs.get("method"),
                "fields": [],
            }
            self.forms.append(self._form)
            return
        if self._form is None:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self._form["fields"].append((name, attrs.get("value", "on")))
            elif kind not in ("submit", "button", "reset", "image", "file"):
                self._form["fields"].append((name, attrs.get("value") or ""))
        elif tag == "select" and name:
            self._select = name
            self._select_multiple = "multiple" in attrs
            self._first_option = None
            self._select_has_selected = False
        elif tag == "option" and self._select:
            self._option_value = attrs.get("value")
            self._option_selected = "selected" in attrs
            self._option_text = ""
        elif tag == "textarea" and name:
            self._textarea = name
            self._textarea_text = ""

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea_text += data
        elif self._option_value is not None or (self._select and self._option_text is not None):
            self._option_text += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "option" and self._select:
            value = (
                self._option_value if self._option_value is not None else self._option_text.strip()
            )
            if self._first_option is None:
                self._first_option = (self._select, value)
            if self._option_selected:
                self._form["fields"].append((self._select, value))
                self._select_has_selected = True
            self._option_value = None
        elif tag == "select" and self._select:
            if not self._select_has_selected and not self._select_multiple and self._first_option:
                self._form["fields"].append(self._first_option)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            text = self._textarea_text
            self._form["fields"].append(
                (self._textarea, text[1:] if text.startswith("\n") else text)
            )
            self._textarea = None


def page_forms(html: str) -> list[dict]:
    parser = _FormParser()
    parser.feed(html)
    return parser.forms


def form_data(html: str, has_field: str | None = None) -> dict:
    """The fields of the first form with a field named ``has_field`` (default: the
    page's largest form, not the log-out button), as {name: value or [values]}."""
    forms = page_forms(html)
    if has_field is None:
        chosen = max(forms, key=lambda f: len(f["fields"]))
    else:
        chosen = next(f for f in forms if any(name == has_field for name, _ in f["fields"]))
    data: dict = {}
    for name, value in chosen["fields"]:
        if name in data:
            data[name] = (
                [*data[name], value] if isinstance(data[name], list) else [data[name], value]
            )
        else:
            data[name] = value
    return data
