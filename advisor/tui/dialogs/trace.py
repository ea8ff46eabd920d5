"""A dialog that shows one technology's trace: every rule, whether it fired, and what it added."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from advisor.reports.trace_text import TraceLine
from advisor.tui.screens.base import AdvisorDialog
from advisor.tui.widgets.hanging_text import HangingText


class TraceDialog(AdvisorDialog[None]):
    """The lines of `reports.trace_text.technology_trace`, scrolling, wrapped, drawn as written (never as markup)."""

    AUTO_FOCUS = "#trace-scroll"
    DEFAULT_CSS = """
    TraceDialog > Vertical { max-width: 160; width: 95%; height: auto; max-height: 90%; }
    TraceDialog #trace-scroll { height: auto; max-height: 30; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,x", "close", "Close")]

    def __init__(self, title: str, lines: list[TraceLine]) -> None:
        super().__init__()
        self.title_text = title
        self.lines = lines

    def compose(self) -> ComposeResult:
        with Vertical(id="trace-dialog"):
            yield Static(Content.styled(self.title_text, "bold"))
            with VerticalScroll(id="trace-scroll"):
                # each rule's text wraps beside its status and contribution, never cut or sideways
                yield HangingText(((Content(lead), Content(text)) for lead, text in self.lines), id="trace-text")
            yield Static(
                Content.styled("↑↓ pgup pgdn scroll · escape: close", "$foreground-muted"),
            )

    def action_close(self) -> None:
        self.dismiss(None)
