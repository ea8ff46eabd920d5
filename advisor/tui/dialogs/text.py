"""A small dialog that asks for one line of text: a file path, or a name."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from advisor.tui.screens.base import AdvisorDialog


class TextDialog(AdvisorDialog[str | None]):
    """Asks for a line of text; dismisses with it (stripped), or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, default: str) -> None:
        super().__init__()
        self.title_text = title
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(id="text-dialog"):
            yield Static(Content.styled(self.title_text, "bold"))
            yield Input(value=self.default, id="text-input")
            yield Static(Content.styled("enter: confirm · escape: cancel", "$foreground-muted"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
