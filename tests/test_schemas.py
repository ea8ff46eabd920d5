"""The committed JSON Schemas match the models, and every data file points at its schema."""

from __future__ import annotations

import json

from advisor.loading.schemas import schema_for
from advisor.models.kinds import KINDS
from tests.conftest import ROOT


def test_committed_schemas_are_current() -> None:
    from advisor.reports.json_report import report_schema

    for kind in [*KINDS, "report"]:
        committed = json.loads((ROOT / "schemas" / f"{kind}.json").read_text(encoding="utf-8"))
        current = report_schema() if kind == "report" else schema_for(kind)
        assert committed == current, f"schemas/{kind}.json is stale: run advisor schema -o schemas --force"


def test_every_data_file_names_its_schema(catalog) -> None:
    for f in catalog.files:
        first = f.source.path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), f.source.path
        target = (f.source.path.parent / first.split("=", 1)[1]).resolve()
        assert target.name == f"{f.kind}.json" and target.is_file(), f.source.path
