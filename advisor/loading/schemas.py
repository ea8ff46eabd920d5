"""JSON Schema for each YAML file kind, so editors can complete and check the files."""

from __future__ import annotations

from typing import Any

from advisor.models.kinds import KINDS


def schema_for(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of file kind `kind` (a key of KINDS)."""
    model = KINDS[kind].model
    schema = model.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://advisor.invalid/schemas/{kind}.json",
        **schema,
    }
