"""The whole learning checklist in one list, each item tagged with its section."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header

from advisor.tui.messages import ProgressSaved
from advisor.tui.widgets.checklist import ChecklistView


class ChecklistScreen(Screen[None]):
    """Tick items with space or enter; ticks are saved at once and survive restarts."""

    BINDINGS = [Binding("escape", "app.back", "Back")]

    def compose(self) -> ComposeResult:
        catalog = self.app.catalog
        yield Header()
        items = [(item, section.title) for section, item in catalog.checklist()]
        yield ChecklistView(items, self.app.store.done_items(), self.app.mastery(), id="all-checklist")
        yield Footer()

    def on_mount(self) -> None:
        self._update_title()
        self.query_one(ChecklistView).focus()

    def on_progress_saved(self, _: ProgressSaved) -> None:
        self._update_title()

    def _update_title(self) -> None:
        done, total = self.app.checklist_totals()
        self.sub_title = f"Learning checklist · {done}/{total} done"
