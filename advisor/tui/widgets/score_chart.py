"""The recommendation's scores as a chart in cells: a bar per technology (and per boundary) from a
zero line, the avoid and recommend thresholds marked, the verdict's colour, a veto written out."""

from __future__ import annotations

import math
import textwrap
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content

from advisor.models.recommendation import Verdict
from advisor.models.report import Report
from advisor.reports.score_chart import VERDICT_MARK, ScoreRow, ScoreScale, score_groups, score_scale
from advisor.text.numbers import signed
from advisor.tui.widgets.drawn import DrawnAtWidth

VERDICT_COLOUR: dict[Verdict, str] = {
    "recommended": "$text-success",
    "consider": "$text-warning",
    "avoid": "$text-error",
}
MUTED = "$foreground-muted"
ZERO, THRESHOLD = "│", "┊"
VETO = "✗ vetoed"


def _value(row: ScoreRow) -> str:
    return f"veto {VERDICT_MARK['avoid']}" if row.vetoed else f"{signed(row.score)} {VERDICT_MARK[row.verdict]}"


class _Plot:
    """Columns of the plot area: where a value falls, and a row's cells."""

    def __init__(self, scale: ScoreScale, cells: int) -> None:
        self.scale, self.cells = scale, cells
        self.zero = math.floor(scale.at(0) * (cells - 1) + 0.5)
        self.per_point = (cells - 1) / (scale.high - scale.low)
        self.avoid, self.recommended = self.col(scale.avoid), self.col(scale.recommended)

    def col(self, value: float) -> int:
        """The cell of `value`: counted out from zero's cell the same way on both sides, so +1 and
        -1 (or the two thresholds) are equally long (round() would send halves to the even cell)."""
        cells = math.floor(abs(value) * self.per_point + 0.5)
        return min(self.cells - 1, self.zero + cells) if value >= 0 else max(0, self.zero - cells)

    def axis_cell(self, col: int) -> tuple[str, str]:
        if col == self.zero:
            return ZERO, ""
        if col in (self.avoid, self.recommended):
            return THRESHOLD, MUTED
        return " ", ""

    def row(self, row: ScoreRow) -> Content:
        cells = [self.axis_cell(c) for c in range(self.cells)]
        colour = VERDICT_COLOUR[row.verdict]
        if row.vetoed:  # not a score: the veto decides, so it is written where avoid is
            for i, ch in enumerate(VETO[: self.cells]):
                cells[i] = (ch, f"bold {VERDICT_COLOUR['avoid']}")
        elif row.score:
            end = self.col(row.score)
            if end == self.zero:  # too small for a cell: half of one, on its side of zero
                half = (self.zero + 1, "▌") if row.score > 0 else (self.zero - 1, "▐")
                if 0 <= half[0] < self.cells:
                    cells[half[0]] = (half[1], colour)
            else:
                span = range(self.zero + 1, end + 1) if row.score > 0 else range(end, self.zero)
                for c in span:
                    cells[c] = ("█", colour)
        return Content.assemble(*cells)


class ScoreChart(DrawnAtWidth):
    """Every technology's score against the thresholds, decision by decision (drawn for its width)."""

    def __init__(self, report: Report, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.report = report

    def draw(self, width: int) -> list[Content]:
        groups = score_groups(self.report)
        scale = score_scale(self.report)
        rows = [r for g in groups for r in g.rows]
        values = max(len(_value(r)) for r in rows) if rows else 4
        longest = max((len(r.label) + (2 if r.scope else 0) for r in rows), default=10)
        names = max(10, min(longest, 40, width * 2 // 5))
        plot = _Plot(scale, max(8, width - names - values - 2))
        lines = self._axis(plot, names)
        for g in groups:
            lines += [Content.styled(line, "bold") for line in textwrap.wrap(g.title.upper(), width) or [""]]
            for r in g.rows:
                lines += self._row(plot, r, names)
        legend = f"{THRESHOLD} thresholds  {ZERO} zero  ✓ recommended  ~ consider  ✗ avoid"
        lines += [Content(""), *(Content.styled(line, MUTED) for line in textwrap.wrap(legend, width))]
        return lines

    def _axis(self, plot: _Plot, names: int) -> list[Content]:
        """The thresholds named over their marks, and a ruler with the ends of the scale."""
        scale = plot.scale
        low = f"avoid ≤{signed(scale.avoid)}"
        high = f"recommend ≥{signed(scale.recommended)}"
        line = [" "] * plot.cells
        # each name beside its mark, on the side away from zero; shortened when it would reach zero
        start = max(0, plot.avoid - len(low) + 1)
        end = min(plot.cells, plot.recommended + len(high)) - len(high)
        if start + len(low) >= plot.zero or end <= plot.zero:
            low, high = f"≤{signed(scale.avoid)}", f"≥{signed(scale.recommended)}"
            start = max(0, plot.avoid - len(low) + 1)
            end = min(plot.cells, plot.recommended + len(high)) - len(high)
        line[start : start + len(low)] = low
        line[end : end + len(high)] = high
        line[plot.zero] = "0" if line[plot.zero] == " " else line[plot.zero]
        names_line = Content(" " * (names + 1)) + Content.styled("".join(line), MUTED)
        ruler = "".join(
            "┼" if c == plot.zero else "┬" if c in (plot.avoid, plot.recommended) else "─" for c in range(plot.cells)
        )
        ends = Content.styled(f"{signed(scale.low):>{names}} ", MUTED) + Content.styled(ruler, MUTED)
        return [names_line, ends + Content.styled(f" {signed(scale.high)}", MUTED)]

    def _row(self, plot: _Plot, row: ScoreRow, names: int) -> list[Content]:
        indent = "  " if row.scope else ""
        labels = textwrap.wrap(row.label, names - len(indent)) or [""]
        style = MUTED if row.scope else ""
        value = Content.styled(_value(row), f"bold {VERDICT_COLOUR['avoid' if row.vetoed else row.verdict]}")
        first = Content.styled((indent + labels[0]).ljust(names), style)
        lines = [Content.assemble(first, " ", plot.row(row), " ", value)]
        lines += [Content.styled(indent + label, style) for label in labels[1:]]
        return lines


class ScoreChartView(VerticalScroll):
    """The chart in a pane of its own, scrolled by the keys when focused; esc goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "screen.chart", "Back to the verdicts")]

    DEFAULT_CSS = """
    ScoreChartView {
        height: 1fr;
        padding: 0 1;
    }
    """

    def __init__(self, report: Report, *, id: str | None = None) -> None:
        super().__init__(ScoreChart(report), id=id)
