"""The report as JSON: stable key order and formatting, so the same answers give the same bytes."""

from __future__ import annotations

import json
from typing import Any

from advisor.models.report import Report


def render_json(report: Report) -> str:
    """Pretty-printed JSON of the whole report, ending with a newline."""
    return json.dumps(report.model_dump(mode="json", by_alias=True), indent=2, ensure_ascii=False) + "\n"


def report_schema() -> dict[str, Any]:
    """The JSON Schema of what render_json writes."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://advisor.invalid/schemas/report.json",
        **Report.model_json_schema(mode="serialization", by_alias=True),
    }
