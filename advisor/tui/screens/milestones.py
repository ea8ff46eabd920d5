"""Kept recommendations: pick two (space) to see what changed between them (enter); rename or delete one."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import SelectionList
from textual.widgets.selection_list import Selection

from advisor.models.progress import MilestoneInfo
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
        Binding("r", "rename", "Rename"),
        Binding("d", "delete", "Delete"),
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
        self._fill()

    def _fill(self) -> None:
        """List the milestones as the store has them now, keeping the picks and the cursor where they were."""
        rows = self.advisor.store.milestones()
        listing = self.query_one(SelectionList)
        picked, at = set(listing.selected), listing.highlighted
        listing.clear_options()
        listing.add_options(
            [
                Selection(
                    Content.assemble(
                        (f"{m.number} ", "$foreground-muted"), m.name, (f"  {m.created_at[:10]}", "$foreground-muted")
                    ),
                    m.number,
                    m.number in picked,
                )
                for m in rows
            ]
        )
        if rows:
            listing.highlighted = min(at or 0, len(rows) - 1)
        text = (
            "Pick two with space, then press enter. r renames the one under the cursor, d deletes it."
            if len(rows) >= 2
            else "Keep at least two recommendations (k on the recommendation screen) to compare them."
        )
        self.query_one("#milestone-diff", GuideText).show(text)

    def _highlighted(self) -> MilestoneInfo | None:
        listing = self.query_one(SelectionList)
        if listing.highlighted is None:
            return None
        number = listing.get_option_at_index(listing.highlighted).value
        return next((m for m in self.advisor.store.milestones() if m.number == number), None)

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

    def action_rename(self) -> None:
        from advisor.tui.dialogs.text import TextDialog

        milestone = self._highlighted()
        if milestone is None:
            return
        store, number = self.advisor.store, milestone.number

        def renamed(name: str | None) -> None:
            if name and name != milestone.name:
                self._change(lambda: store.rename_milestone(number, name), f"Milestone {number} is now {name}")

        def free(name: str) -> str | None:
            return store.milestone_name_problem(name, renaming=number)

        self.app.push_screen(TextDialog(f"Rename milestone {number}", milestone.name, free), renamed)

    def action_delete(self) -> None:
        from advisor.tui.dialogs.confirm import ConfirmDialog

        milestone = self._highlighted()
        if milestone is None:
            return
        store, number = self.advisor.store, milestone.number

        def answered(yes: bool | None) -> None:
            if yes:
                self._change(lambda: store.delete_milestone(number), f"Deleted milestone {number}: {milestone.name}")

        kept = milestone.created_at[:10]
        question = f"Delete milestone {number}, {milestone.name} (kept {kept})? It cannot be undone."
        self.app.push_screen(ConfirmDialog(question, yes="delete it", no="keep it"), answered)

    def _change(self, action: Callable[[], object], done: str) -> None:
        """Run a rename or delete on the store's writer, then list the milestones again and say so."""
        from advisor.store import MilestoneError

        def run() -> str | None:
            try:
                action()
            except MilestoneError as exc:  # changed meanwhile, by another running advisor
                return str(exc)
            return None

        def then(problem: str | None) -> None:
            if self.is_attached:
                self._fill()
            if problem:
                self.notify(problem, title="Not changed", severity="error", markup=False)
            else:
                self.notify(done, markup=False)

        self.advisor.writer.submit(run, then)
