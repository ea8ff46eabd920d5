"""A list of checklist items the user ticks with space or enter; used by several screens."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.binding import Binding
from textual.widgets import SelectionList
from textual.widgets.selection_list import Selection

from advisor.models.content import ChecklistItem, Origin
from advisor.tui.messages import TickChanged


class ChecklistView(SelectionList[str]):
    """Checklist items with their saved ticks; every toggle is posted as a TickChanged."""

    BINDINGS = [Binding("space", "select", "Tick / untick")]

    def __init__(
        self,
        items: Iterable[tuple[ChecklistItem, str | None]],
        done: set[str],
        mastery: dict[str, float] | None = None,
        *,
        id: str | None = None,
    ) -> None:
        selections = []
        for item, group in items:
            prompt = Text()
            if group:
                prompt.append(f"{group} · ", style="dim")
            prompt.append(item.text)  # Text, not a markup string: brackets in content stay literal
            if item.origin is Origin.ours:
                prompt.append("  (added by advisor)", style="dim italic")
            if mastery and item.id in mastery:
                level = mastery[item.id]
                style = "green" if level >= 0.85 else "yellow" if level >= 0.6 else "red"
                prompt.append(f"  recall {level:.0%}", style=style)
            selections.append(Selection(prompt, item.id, item.id in done))
        super().__init__(*selections, id=id)

    def on_selection_list_selection_toggled(self, event: SelectionList.SelectionToggled) -> None:
        event.stop()
        item_id = event.selection.value
        self.post_message(TickChanged(item_id, item_id in self.selected))
