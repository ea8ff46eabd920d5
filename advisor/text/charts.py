"""Charts drawn with block characters, as lines of (text, role) segments any front end can colour.

Drawn here rather than with a plotting library: the charts are two simple shapes (a bar per
section, a column per day), block characters draw them at an eighth of a cell, the colours stay
the theme's (roles, mapped to theme variables in the TUI and to rich styles in the CLI), and the
module costs a few milliseconds to import where plotext costs about 40 ms.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Role = Literal["text", "muted", "heading", "bar", "good", "warn", "bad"]
Segment = tuple[str, Role]
Line = tuple[Segment, ...]

_RIGHT_EIGHTHS = " ▏▎▍▌▋▊▉"  # a bar growing rightwards: 0..7 eighths of a cell
_UP_EIGHTHS = " ▁▂▃▄▅▆▇"  # a column growing upwards
TRACK = "░"  # the part of a bar still to do
MIN_BAR = 6  # a label wraps before its bar gets shorter than this


@dataclass(frozen=True)
class Completion:
    """One bar of a completion chart: 'Serverless Architecture', 5 of 12 done."""

    label: str
    done: int
    total: int


@dataclass(frozen=True)
class DayScore:
    """One column of an accuracy chart: the day (YYYY-MM-DD), answers right, answers in all."""

    day: str
    right: int
    total: int

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 0.0


def line_width(line: Line) -> int:
    """The cells a line takes (every character drawn here is one cell wide)."""
    return sum(len(text) for text, _ in line)


def bar(fraction: float, cells: int) -> tuple[str, str]:
    """A horizontal bar `cells` wide, filled to `fraction` in eighths of a cell: (filled, track)."""
    eighths = round(max(0.0, min(1.0, fraction)) * cells * 8)
    full, rest = divmod(eighths, 8)
    filled = "█" * full + (_RIGHT_EIGHTHS[rest] if rest else "")
    return filled, TRACK * (cells - len(filled))


def completion_chart(rows: Sequence[Completion], width: int) -> list[Line]:
    """One bar per row: `Serverless Architecture  ██████▍░░░░░  5/12`, fitted to `width` cells.

    A label longer than its column wraps within it (the bar is on its first line): never cut off.
    """
    counts = [f"{r.done}/{r.total}" + (" ✓" if r.total and r.done == r.total else "") for r in rows]
    count_cells = max((len(c) for c in counts), default=3)
    longest = max((len(r.label) for r in rows), default=0)
    label_cells = max(8, min(longest, width - count_cells - 4 - MIN_BAR))
    bar_cells = max(4, width - label_cells - count_cells - 4)
    lines: list[Line] = []
    for r, count in zip(rows, counts, strict=True):
        labels = textwrap.wrap(r.label, label_cells) or [""]
        filled, track = bar(r.done / r.total if r.total else 0.0, bar_cells)
        role: Role = "good" if r.total and r.done == r.total else "bar"
        lines.append(
            ((labels[0].ljust(label_cells) + "  ", "text"), (filled, role), (track, "muted"), ("  " + count, "text"))
        )
        lines += [((label, "text"),) for label in labels[1:]]
    return lines


def accuracy_chart(days: Sequence[DayScore], width: int, height: int = 4) -> list[Line]:
    """A column per day with answers (the latest that fit), its height the share of answers right.

    `height` rows of columns in eighths of a cell, a 0–100% scale on the left, and the first and
    last day shown below; the last line says the latest day in numbers.
    """
    if not days:
        empty = "No quiz answers yet: a column a day appears as you answer."
        return [((line, "muted"),) for line in textwrap.wrap(empty, max(10, width))]
    scale = 5  # "100% " on the left
    fit = max(1, (width - scale - 1) // 2)  # a column and a gap per day
    shown = list(days)[-fit:]
    lines: list[Line] = []
    for row in range(height):  # top row first
        level = height - row - 1  # whole rows below this one
        cells = []
        for d in shown:
            total = round(d.share * height * 8) or (1 if d.right else 0)  # a right answer always shows
            eighths = total - level * 8
            cells.append("█" if eighths >= 8 else _UP_EIGHTHS[max(0, eighths)])
        axis = "100%" if row == 0 else " 50%" if row == height // 2 and height >= 4 else ""
        lines.append(((f"{axis:>4} ", "muted"), ("│", "muted"), (" ".join(cells), "bar")))
    lines.append((("  0% ", "muted"), ("└" + "─" * (2 * len(shown)), "muted")))
    first, last = shown[0].day, shown[-1].day
    dates = first if first == last else f"{first} … {last}"
    if len(shown) > 1 and len(f"{dates} · days with answers only") <= width - scale - 1:
        dates += " · days with answers only"  # the columns are not evenly spaced in time: say so
    lines.append(((" " * (scale + 1) + dates, "muted"),))
    latest = shown[-1]
    summary = f"{latest.day}: {latest.right} of {latest.total} right ({latest.share:.0%})"
    lines.append(((summary, "text"),))
    return lines
