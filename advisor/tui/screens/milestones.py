"""Kept recommendations: pick two (space) to see what changed between them (enter)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown, SelectionList
from textual.widgets.selection_list import Selection

from advisor.models.report import Report
from advisor.reports.compare import compare_markdown


class MilestonesScreen(Screen[None]):
    """The kept recommendations, oldest first; the right pane compares the two picked."""

    BINDINGS = [Binding("escape", "app.back", "Back"), Binding("enter", "compare", "Compare", priority=True)]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(classes="split"):
            yield SelectionList[int](id="milestone-list", classes="parts")
            with VerticalScroll(classes="reader"):
                yield Markdown(id="milestone-diff")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Kept recommendations"
        rows = self.app.store.milestones()
        listing = self.query_one(SelectionList)
        listing.add_options(
            [Selection(Text.assemble((f"{n} ", "dim"), name, (f"  {created[:10]}", "dim")), n) for n, name, created in rows]
        )
        if rows:
            listing.highlighted = 0
        listing.focus()
        text = "Pick two with space, then press enter." if len(rows) >= 2 else "Keep at least two recommendations (k on the recommendation screen) to compare them."
        self.query_one("#milestone-diff", Markdown).update(text)

    def action_compare(self) -> None:
        picked = sorted(self.query_one(SelectionList).selected)
        if len(picked) != 2:
            self.notify("Pick exactly two with space.")
            return
        a, b = (self.app.store.milestone(n) for n in picked)
        assert a is not None and b is not None
        text = compare_markdown(a[1], Report.model_validate(a[3]), b[1], Report.model_validate(b[3]))
        self.query_one("#milestone-diff", Markdown).update(text)
