"""Kept recommendations: pick two (space) to see what changed between them (enter)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import SelectionList
from textual.widgets.selection_list import Selection

from advisor.reports.compare import compare_markdown
from advisor.reports.milestones import UnreadableMilestone, read_report
from advisor.tui.screens.base import AdvisorScreen
from advisor.tui.widgets.guide_text import GuideText
from advisor.tui.widgets.key_bar import KeyBar
from advisor.tui.widgets.ticks import TickList
from advisor.tui.widgets.title_bar import TitleBar


class MilestonesScreen(AdvisorScreen):
    """The kept recommendations, oldest first; the right pane compares the two picked."""

    AUTO_FOCUS = "#milestone-list"  # focused as the screen opens: no second frame to move focus

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.back", "Back"),
        Binding("enter", "compare", "Compare", priority=True),
        Binding("tab", "app.focus_next", "Switch pane"),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(classes="split"):
            yield TickList[int](id="milestone-list", classes="parts")
            with VerticalScroll(classes="reader"):
                yield GuideText(id="milestone-diff")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "Kept recommendations"
        rows = self.advisor.store.milestones()
        listing = self.query_one(SelectionList)
        listing.add_options(
            [
                Selection(
                    Content.assemble(
                        (f"{m.number} ", "$foreground-muted"), m.name, (f"  {m.created_at[:10]}", "$foreground-muted")
                    ),
                    m.number,
                )
                for m in rows
            ]
        )
        if rows:
            listing.highlighted = 0
        text = (
            "Pick two with space, then press enter."
            if len(rows) >= 2
            else "Keep at least two recommendations (k on the recommendation screen) to compare them."
        )
        self.query_one("#milestone-diff", GuideText).show(text)

    def action_compare(self) -> None:
        picked = sorted(self.query_one(SelectionList).selected)
        if len(picked) != 2:
            self.notify("Pick exactly two with space.")
            return
        store = self.advisor.store
        milestones = [store.milestone(n) for n in picked]
        try:
            (a, b) = [(m.name, read_report(m)) for m in milestones if m is not None]
        except UnreadableMilestone as exc:
            self.notify(str(exc), title="Cannot compare", severity="error", markup=False)
            return
        except ValueError:  # one was removed meanwhile (by another running advisor)
            self.notify("One of them is no longer kept.", severity="warning")
            return
        self.query_one("#milestone-diff", GuideText).show(compare_markdown(a[0], a[1], b[0], b[1]))
