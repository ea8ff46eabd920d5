"""Problems found in a user's data, reported as `file:line:col: field: message`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

Path_ = tuple[str | int, ...]

# C0 and C1 control characters other than tab and newline: shown as symbols, never sent raw, so
# text from a file can never move the cursor, change colours or ring the bell of a terminal.
_CONTROLS = {c: (chr(0x2400 + c) if c < 0x20 else "\N{SYMBOL FOR DELETE}" if c == 0x7F else "\N{REPLACEMENT CHARACTER}")
             for c in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)] if c not in (0x09, 0x0A)}


_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """`text` with control characters (ESC, BEL, CR...) replaced by visible symbols."""
    return text.translate(_CONTROLS) if _CONTROL_RE.search(text) else text  # the search is the cheap common case


def format_field(path: Path_) -> str:
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
