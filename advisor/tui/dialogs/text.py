"""A small dialog that asks for one line of text: a file path, or a name."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from advisor.tui.screens.base import AdvisorDialog

_HINT = "enter: confirm · escape: cancel"


class TextDialog(AdvisorDialog[str | None]):
    """Asks for a line of text; dismisses with it (stripped), or None on escape or an empty line.

    `accept`, when given, is asked first: it acts on the text (loads the file, checks the name)
    and returns why the text will not do, or None. The dialog then stays open with the reason
    under the input, so the user corrects the text rather than typing it all again.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self,
        title: str,
        default: str,
        accept: Callable[[str], str | None] | None = None,
        *,
        empty_is_an_answer: bool = False,
        hint: str = _HINT,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.default = default
        self.accept = accept
        self.empty_is_an_answer = empty_is_an_answer  # an emptied line dismisses with "" (clear a note)
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(id="text-dialog"):
            yield Static(Content.styled(self.title_text, "bold"))
            yield Input(value=self.default, id="text-input")
            yield Static(Content.styled(self.hint, "$foreground-muted"), id="text-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        problem = self.accept(text) if text and self.accept is not None else None
        if problem:
            self.query_one("#text-hint", Static).update(Content.styled(problem, "bold $text-error"))
            return
        self.dismiss(text if text or self.empty_is_an_answer else None)

    def on_input_changed(self, _: Input.Changed) -> None:
        self.query_one("#text-hint", Static).update(Content.styled(self.hint, "$foreground-muted"))

    def action_cancel(self) -> None:
        self.dismiss(None)
