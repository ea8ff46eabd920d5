"""A list of checklist items the user ticks with space or enter; used by several screens."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import SelectionList
from textual.widgets.selection_list import Selection

from advisor.models.content import ChecklistItem, Origin
from advisor.tui.messages import TickChanged
from advisor.tui.widgets.inline_code import inline_code
from advisor.tui.widgets.ticks import TickList


def recall_style(level: float) -> str:
    """The theme colour for a recall figure: good, shaky, or weak."""
    return "$text-success" if level >= 0.85 else "$text-warning" if level >= 0.6 else "$text-error"


class ChecklistView(TickList[str]):
    """Checklist items with their saved ticks; every toggle is posted as a TickChanged.

    `show_mastery` adds each item's recall from the quiz history once it is known.
    """

    DEFAULT_CSS = """
    ChecklistView {
        height: 1fr;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("space", "select", "Tick / untick")]

    def __init__(
        self,
        items: Iterable[tuple[ChecklistItem, str | None]],
        done: set[str],
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.set_items(items, done)

    @staticmethod
    def _prompt(item: ChecklistItem, group: str | None, recall: float | None = None) -> Content:
        # Content, not a markup string: brackets in content stay literal
        parts: list[str | tuple[str, str] | Content] = []
        if group:
            parts.append((f"{group} · ", "$foreground-muted"))
        parts.append(inline_code(item.text))
        if item.origin is Origin.ours:
            parts.append(("  (beyond the guide)", "italic $foreground-muted"))
        if recall is not None:
            # a forecast, not a mark: right after any review "recall now" is near 100%
            parts.append((f"  recall in a week {recall:.0%}", recall_style(recall)))
        return Content.assemble(*parts)

    def set_items(self, items: Iterable[tuple[ChecklistItem, str | None]], done: set[str]) -> None:
        """Show `items` (each with its group label, if any), ticked where their id is in `done`."""
        self.items = list(items)
        self.clear_options()
        self.add_options([Selection(self._prompt(item, group), item.id, item.id in done) for item, group in self.items])
        if self.items:
            self.highlighted = 0

    def show_mastery(self, mastery: dict[str, float]) -> None:
        """Add `recall in a week n%` to the items the quiz history speaks for."""
        for index, (item, group) in enumerate(self.items):
            if item.id in mastery:
                self.replace_option_prompt_at_index(index, self._prompt(item, group, mastery[item.id]))

    def on_selection_list_selection_toggled(self, event: SelectionList.SelectionToggled[str]) -> None:
        event.stop()
        item_id = event.selection.value
        self.post_message(TickChanged(item_id, item_id in self.selected))
