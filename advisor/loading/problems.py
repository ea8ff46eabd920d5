"""Problems found in a user's data, reported as `file:line:col: field: message`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from advisor.text.controls import visible

FieldPath = tuple[str | int, ...]


def format_field(path: FieldPath) -> str:
    """Render a field path the way a reader of the YAML sees it: `checklist[3].id`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file; `line` and `column` are 1-based, 0 when unknown."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column}"
        text = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        return visible(text)


class DataError(Exception):
    """Raised with every problem found, so the user can fix them all in one pass."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))
