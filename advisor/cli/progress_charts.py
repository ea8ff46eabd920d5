"""`advisor progress` as pictures: checklist completion per section and quiz accuracy by day (rich)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from advisor.learn.progress import completion_by_section
from advisor.loading.catalog import Catalog
from advisor.quiz.progress import accuracy_by_day
from advisor.store import ProgressStore
from advisor.text.charts import Line, Role, accuracy_chart, completion_chart

# the roles of text/charts as rich styles (NO_COLOR keeps the shapes and the numbers)
_STYLES: dict[Role, str] = {
    "text": "",
    "muted": "dim",
    "heading": "bold",
    "bar": "cyan",
    "good": "green",
    "warn": "yellow",
    "bad": "red",
}


def chart_text(lines: Sequence[Line]) -> Text:
    """Chart lines as one rich Text; data strings are appended as text, never parsed as markup."""
    text = Text()
    for i, line in enumerate(lines):
        if i:
            text.append("\n")
        for part, role in line:
            text.append(part, style=_STYLES[role])
    return text


def print_progress_charts(catalog: Catalog, store: ProgressStore, console: Console) -> None:
    """The checklist as a bar per section, then the share of quiz answers right, a column per day."""
    width = max(30, min(console.width, 100))
    rows = completion_by_section(catalog.sections, store.done_items())
    console.print(Text("Checklist by section", style="bold"))
    console.print(chart_text(completion_chart(rows, width)), soft_wrap=True)
    console.print()
    console.print(Text("Quiz accuracy by day (first tries right)", style="bold"))
    console.print(chart_text(accuracy_chart(accuracy_by_day(store.answers()), width)), soft_wrap=True)
    console.print()
