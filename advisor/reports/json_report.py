"""The report as JSON: stable key order and formatting, so the same answers give the same bytes."""

from __future__ import annotations

import json
from typing import Any

from advisor.models.report import Report


def render_json(report: Report) -> str:
    """Pretty-printed JSON of the whole report, ending with a newline.

    A technology carries `trace` only when the trace was asked for, and `team_decision` only
    when the team made one, so scripts see what they asked for and nothing else.
    """
    data = report.model_dump(mode="json", by_alias=True)
    for t in data["technologies"]:
        for optional in ("trace", "team_decision"):
            if t[optional] is None:
                del t[optional]
    for a in [*data["answers"], *data["unanswered"]]:
        if a["note"] is None:
            del a["note"]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def report_schema() -> dict[str, Any]:
    """The JSON Schema of what render_json writes."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://advisor.invalid/schemas/report.json",
        **Report.model_json_schema(mode="serialization", by_alias=True),
    }
