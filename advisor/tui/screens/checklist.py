"""The whole learning checklist in one list, each item tagged with its section."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType

from advisor.learn.progress import guide_count
from advisor.tui.messages import ProgressSaved, TickChanged
from advisor.tui.screens.with_checklist import WithChecklist
from advisor.tui.widgets.checklist import ChecklistView
from advisor.tui.widgets.key_bar import KeyBar
from advisor.tui.widgets.title_bar import TitleBar


class ChecklistScreen(WithChecklist):
    """Tick items with space or enter; ticks are saved at once and survive restarts."""

    AUTO_FOCUS = "ChecklistView"  # focused as the screen opens: no second frame to move focus

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.back", "Back")]
    HELP_NOTE = (
        "recall in a week 82% beside an item: the chance you would still answer its quiz questions a week"
        " from now (FSRS's forecast), once there are enough answers."
    )

    def compose(self) -> ComposeResult:
        catalog = self.advisor.catalog
        yield TitleBar()
        items = [(item, section.title) for section, item in catalog.checklist()]
        yield ChecklistView(items, self.advisor.store.done_items(), id="all-checklist")
        yield KeyBar()

    def on_mount(self) -> None:
        self._update_title()
        self.load_mastery()

    def on_progress_saved(self, _: ProgressSaved) -> None:
        self._update_title()

    def on_tick_changed(self, _: TickChanged) -> None:
        # the count follows the tick at once; the store catches up on its writer thread
        self._update_title(set(self.query_one(ChecklistView).selected))

    def _update_title(self, done: set[str] | None = None) -> None:
        ticked = self.advisor.store.done_items() if done is None else done
        count = guide_count(self.advisor.catalog.sections, ticked)
        self.sub_title = f"Learning checklist · {count} done"
