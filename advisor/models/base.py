"""Shared building blocks for every YAML-backed model."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

# Ids are public: answer files, progress databases and other packs refer to them,
# so they are restricted to a shape that is safe in URLs, file names and SQL.
Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", min_length=1, max_length=64),
]

# Non-empty text, surrounding whitespace removed.
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class DataModel(BaseModel):
    """Immutable model that rejects unknown fields (typos must not pass silently)."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class SourceRef(DataModel):
    """Where a provider-specific fact (a limit, a price, a version's behaviour) comes from.

    `as_of` is the day the fact was last checked against the source; `advisor validate --stale`
    lists the ones older than a given number of months.
    """

    title: Text
    url: str | None = Field(default=None, pattern=r"^https://\S+$")
    as_of: date
