"""The list beside a reading pane (a section's concepts, a page's parts): ↑↓ choose, pgup/pgdn read.

In Textual's OptionList, PageDown moves the highlight a page down, which in a list of six
concepts jumps to the last one; beside a reading pane the user means "scroll the text".
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class PaneList(OptionList):
    """An OptionList whose pgup/pgdn scroll the reading pane `pane` (a selector) instead."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown", "page_pane(1)", "Scroll the text down", show=False),
        Binding("pageup", "page_pane(-1)", "Scroll the text up", show=False),
    ]

    def __init__(self, *options: Option, pane: str, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(*options, id=id, classes=classes)
        self.pane = pane

    def action_page_pane(self, direction: int) -> None:
        pane = self.screen.query_one(self.pane, VerticalScroll)
        if direction > 0:
            pane.scroll_page_down(animate=False)
        else:
            pane.scroll_page_up(animate=False)
