"""Helpers for reading the public pages in tests: elements, visible text, JSON-LD."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

import pytest

from coact.extensions import db
from tests.factories import make_organization, make_service

LOCALES = ("fi", "sv", "en")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._open: list[Element] = []

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs))
        self.elements.append(element)
        if tag not in VOID:
            self._open.append(element)

    def handle_endtag(self, tag):
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index].tag == tag:
                del self._open[index:]
                break

    def handle_data(self, data):
        for element in self._open:
            element.parts.append(data)


def elements(html: str, tag: str, **attrs: str) -> list[Element]:
    """Elements ``tag`` whose attributes include ``attrs`` (``class_`` for class)."""
    collector = _Collector()
    collector.feed(html)
    wanted = {name.rstrip("_").replace("_", "-"): value for name, value in attrs.items()}
    return [
        e
        for e in collector.elements
        if e.tag == tag and all(e.attrs.get(k) == v for k, v in wanted.items())
    ]


def element(html: str, tag: str, **attrs: str) -> Element:
    found = elements(html, tag, **attrs)
    assert len(found) == 1, f"expected one <{tag} {attrs}>, found {len(found)}"
    return found[0]


def visible_text(html: str) -> str:
    body = re.sub(r"(?s)<(script|style|head)\b.*?</\1>", " ", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())


def json_ld(html: str) -> dict:
    found = re.findall(r'(?s)<script type="application/ld\+json">(.*?)</script>', html)
    assert len(found) == 1
    return json.loads(found[0])


def html_lang(html: str) -> tuple[str | None, str | None]:
    root = element(html, "html")
    return root.attrs.get("lang"), root.attrs.get("dir")


@pytest.fixture
def org_with_activity(app):
    """A trilingual organisation in Helsinki with one activity, committed."""
    org = make_organization(
        name={"fi": "Silta ry", "sv": "Bron rf", "en": "Bridge association"},
        description={"fi": "Silta tukee kotoutumista.", "en": "Bridge supports integration."},
        contact_name="Aisha Mohamed",
        contact_title={"fi": "Toiminnanjohtaja", "sv": "Verksamhetsledare"},
        contact_email="aisha@example.org",
        contact_phone="+358 40 123 4567",
        website="https://silta.example.org",
        street_address="Mannerheimintie 1",
        postal_code="00100",
        city="Helsinki",
        business_id="1234567-8",
    )
    service = make_service(
        org,
        name={"fi": "Kielikahvila", "sv": "Språkcafé", "en": "Language café"},
        description={"fi": "Keskustelua suomeksi."},
        schedule={"fi": "Tiistaisin klo 17–19", "en": "Tuesdays 5–7 pm"},
        eligibility={"en": "Everyone who wants to practise Finnish."},
        languages=["fi", "ar", "so"],
        interpreter_languages=["ar", "prs"],
        themes=["finnish_language", "meeting_place"],
        target_groups=["women"],
        areas=[("municipality", "091"), ("county", "04")],
        minimum_age=16,
        maximum_age=64,
        can_escort=True,
        accepts_referrals=False,
        online=True,
    )
    db.session.commit()
    return org, service
