"""A small dialog that offers a few places or actions and dismisses with the one chosen."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from advisor.tui.screens.base import AdvisorDialog


class ChooseDialog(AdvisorDialog[str | None]):
    """Offers `choices` (id, label); dismisses with the chosen id, or None on escape."""

    AUTO_FOCUS = "#choices"
    DEFAULT_CSS = """
    ChooseDialog #choices {
        height: auto;
        max-height: 16;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, choices: list[tuple[str, str]], verb: str = "open") -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.verb = verb  # what enter does to the highlighted choice: "open", "choose"

    def compose(self) -> ComposeResult:
        with Vertical(id="choose-dialog"):
            yield Static(Content.styled(self.title_text, "bold"))
            yield OptionList(*(Option(Content(label), id=key) for key, label in self.choices), id="choices")
            yield Static(Content.styled(f"↑↓ then enter: {self.verb} · escape: cancel", "$foreground-muted"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
