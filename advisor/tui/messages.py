"""Messages the TUI's widgets post upwards; the app, which owns the store, reacts to them."""

from __future__ import annotations

from textual.message import Message


class TickChanged(Message):
    """The user ticked or unticked a checklist item."""

    def __init__(self, item_id: str, done: bool) -> None:
        super().__init__()
        self.item_id = item_id
        self.done = done


class ProgressSaved(Message):
    """A tick reached the store; screens showing progress refresh."""
