"""A small dialog that asks for one line of text: a file path, or a name."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class TextDialog(ModalScreen[str | None]):
    """Asks for a line of text; dismisses with it (stripped), or None on escape."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, default: str) -> None:
        super().__init__()
        self.title_text = title
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(id="text-dialog"):
            yield Static(Text(self.title_text, style="bold"))
            yield Input(value=self.default, id="text-input")
            yield Static(Text("enter: confirm · escape: cancel", style="dim"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
