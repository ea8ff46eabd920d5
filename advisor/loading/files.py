"""Files on disk → validated models, collecting every problem rather than stopping at the first."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from advisor.loading.problems import DataError, Problem
from advisor.loading.validation import validate_source
from advisor.loading.yaml_source import Source, read_source
from advisor.models.base import DataModel
from advisor.models.kinds import KINDS_BY_MODEL


@dataclass(frozen=True)
class LoadedFile:
    """A validated file: its model and its source, kept for locating later problems."""

    source: Source
    model: DataModel

    @property
    def kind(self) -> str:
        return KINDS_BY_MODEL[type(self.model)]


def load_files(paths: Iterable[Path]) -> tuple[list[LoadedFile], list[Problem]]:
    """Parse and validate every file; collect problems instead of stopping at the first."""
    loaded: list[LoadedFile] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            source = read_source(path)
            loaded.append(LoadedFile(source, validate_source(source)))
        except DataError as exc:
            problems.extend(exc.problems)
    return loaded, problems
