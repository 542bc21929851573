"""HSDS documents and normalised records for import tests, built from the
profile's example (tests/fixtures/hsds/example.json) with fresh ids."""

from __future__ import annotations

import copy
import json
import uuid
from pathlib import Path

import pytest

from scrapers.records import AreaRecord, OrganizationRecord, ServiceRecord

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "hsds"
EXAMPLE = FIXTURES / "example.json"


def example_document() -> list[dict]:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def new_id() -> str:
    return str(uuid.uuid4())


def hsds_organization(name: str = "Esimerkkiyhdistys", **fields) -> dict:
    """The example organisation with new ids for it and its service."""
    org = copy.deepcopy(example_document()[0])
    org["id"] = new_id()
    org["name"] = name
    service = org["services"][0]
    service["id"] = new_id()
    service["organization_id"] = org["id"]
    org.update(fields)
    return org


def write_json(path: Path, data) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def make_record(
    n: int | str = 1, *, source: str = "testsource", services: int = 1, **fields
) -> OrganizationRecord:
    """A small organisation record of ``source`` with ``services`` activities."""
    record = OrganizationRecord(
        source=source,
        source_id=f"org-{n}",
        name={"fi": f"Yhdistys {n}", "sv": f"Förening {n}"},
        description={"fi": f"Kuvaus {n}"},
        municipality_code="837",
        city="Tampere",
        services=[
            ServiceRecord(
                source_id=f"org-{n}-service-{i}",
                name={"fi": f"Toiminta {n}.{i}"},
                languages=["fi", "ar"],
                themes=["peer_support"],
                areas=[AreaRecord("municipality", "837")],
            )
            for i in range(services)
        ],
    )
    for key, value in fields.items():
        setattr(record, key, value)
    return record


@pytest.fixture
def example_path() -> Path:
    return EXAMPLE
