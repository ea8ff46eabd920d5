"""Facts checked long ago: every `sources` entry whose `as_of` date is older than a given age.

Limits, prices and version-specific behaviour change; `advisor validate --stale MONTHS` lists
the ones due for a fresh look, each with its file, line and field.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from pydantic import BaseModel

from advisor.loading.files import LoadedFile
from advisor.loading.problems import FieldPath, Problem
from advisor.models.base import SourceRef


def months_between(earlier: date, later: date) -> int:
    """Whole months from `earlier` to `later` (a month is not complete before its day comes round)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (1 if later.day < earlier.day else 0)


def _sources(value: object, path: FieldPath) -> Iterator[tuple[FieldPath, SourceRef]]:
    if isinstance(value, SourceRef):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _sources(getattr(value, name), (*path, name))
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _sources(item, (*path, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _sources(item, (*path, str(key)))


def all_sources(files: Sequence[LoadedFile]) -> Iterator[tuple[LoadedFile, FieldPath, SourceRef]]:
    """Every source of every file, with where it is."""
    for f in files:
        for path, source in _sources(f.model, ()):
            yield f, path, source


def stale_sources(files: Sequence[LoadedFile], months: int, today: date | None = None) -> list[Problem]:
    """A problem for each source last checked more than `months` months before `today`."""
    today = today or date.today()
    problems = []
    for f, path, source in all_sources(files):
        age = months_between(source.as_of, today)
        if age > months:
            problems.append(
                f.source.problem(
                    (*path, "as_of"),
                    f"{source.title!r} was last checked on {source.as_of.isoformat()}, {age} months ago",
                )
            )
    return sorted(problems)
