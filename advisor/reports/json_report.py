"""The recommendation as JSON: stable key order and formatting, so the same answers give the same bytes."""

from __future__ import annotations

import json

from advisor.models.recommendation import Recommendation


def render_json(rec: Recommendation) -> str:
    """Pretty-printed JSON of the whole recommendation, ending with a newline."""
    return json.dumps(rec.model_dump(mode="json", by_alias=True), indent=2, ensure_ascii=False) + "\n"
