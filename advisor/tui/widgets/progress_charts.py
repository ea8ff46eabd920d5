"""Home's pictures of progress: checklist completion per section and quiz accuracy by day.

Home imports this module in a worker once the catalog is in, never for its first frame.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.content import Content

from advisor.learn.progress import completion_by_section
from advisor.loading.catalog import Catalog
from advisor.models.progress import Answer
from advisor.quiz.progress import accuracy_by_day
from advisor.store import ProgressStore
from advisor.text.charts import Completion, DayScore, Line, Role, accuracy_chart, completion_chart, line_width
from advisor.tui.widgets.drawn import DrawnAtWidth

# the roles of text/charts as theme variables, so both themes and NO_COLOR work
ROLE_STYLES: dict[Role, str] = {
    "text": "",
    "muted": "$foreground-muted",
    "heading": "bold",
    "bar": "$text-accent",
    "good": "$text-success",
    "warn": "$text-warning",
    "bad": "$text-error",
}
SIDE_BY_SIDE = 72  # from this width the two charts sit side by side
GAP = 4
ACCURACY_MIN = 32  # the accuracy chart's width beside the sections: a fortnight of columns
SECTIONS = "Checklist by section"
ACCURACY = "Quiz accuracy by day"


def chart_content(line: Line) -> Content:
    """One chart line as Content (the text is never parsed as markup)."""
    return Content.assemble(*((text, ROLE_STYLES[role]) for text, role in line))


@dataclass(frozen=True)
class ProgressData:
    """What the charts show: each section's checklist, and the answers right per day."""

    sections: tuple[Completion, ...]
    days: tuple[DayScore, ...]


def read_progress(catalog: Catalog, store: ProgressStore, answers: Sequence[Answer]) -> ProgressData:
    """The checklist per section and the answers right per day (`answers`: the log, read once by
    the caller, which also counts what is due from it; call it off the event loop)."""
    sections = completion_by_section(catalog.sections, store.done_items())
    return ProgressData(tuple(sections), tuple(accuracy_by_day(answers)))


def _block(heading: str, lines: Sequence[Line]) -> list[Line]:
    return [((heading, "heading"),), *lines]


class ProgressCharts(DrawnAtWidth):
    """The two charts, side by side when there is room, one above the other when not."""

    def __init__(self, data: ProgressData, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.data = data

    def show(self, data: ProgressData) -> None:
        """Show newer progress."""
        if data != self.data:
            self.data = data
            self.redraw()

    def draw(self, width: int) -> list[Content]:
        if width < SIDE_BY_SIDE:
            left = _block(SECTIONS, completion_chart(self.data.sections, width))
            right = _block(ACCURACY, accuracy_chart(self.data.days, width))
            return [chart_content(line) for line in [*left, (), *right]]
        # the columns take what their days need (within half the width); the section names the rest
        right_width = max(ACCURACY_MIN, min((width - GAP) // 2, 6 + 2 * len(self.data.days)))
        left_width = width - GAP - right_width
        left = _block(SECTIONS, completion_chart(self.data.sections, left_width))
        right = _block(ACCURACY, accuracy_chart(self.data.days, right_width))
        lines = []
        for i in range(max(len(left), len(right))):
            a = left[i] if i < len(left) else ()
            b = right[i] if i < len(right) else ()
            lines.append(chart_content((*a, (" " * (left_width - line_width(a) + GAP), "text"), *b)))
        return lines
