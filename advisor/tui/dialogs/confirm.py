"""A yes-or-no question before something that cannot be undone (deleting a kept recommendation)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from advisor.tui.screens.base import AdvisorDialog


class ConfirmDialog(AdvisorDialog[bool]):
    """Dismisses with True for y, False for n or escape; enter means no, so a stray enter is harmless."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape,enter", "answer(False)", "No"),
    ]

    def __init__(self, question: str, yes: str, no: str = "cancel") -> None:
        super().__init__()
        self.question = question
        self.yes, self.no = yes, no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog"):
            yield Static(Content.styled(self.question, "bold"))
            yield Static(Content.styled(f"y: {self.yes} · n or escape: {self.no}", "$foreground-muted"))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
