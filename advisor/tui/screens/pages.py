"""Pages that are prose: the use and avoid lists, and the guide's overview.

A page is a list of parts (title, Markdown); one part shows at a time beside the list of
parts, because laying out a long Markdown document at once is slow and hard to navigate.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from advisor.tui.screens.base import AdvisorScreen
from advisor.tui.widgets.guide_text import GuideText
from advisor.tui.widgets.hanging_text import Hanging
from advisor.tui.widgets.key_bar import KeyBar
from advisor.tui.widgets.pane_list import PaneList
from advisor.tui.widgets.title_bar import TitleBar


class MarkdownPage(AdvisorScreen):
    """A page of Markdown parts: arrows choose a part, enter moves into its text."""

    AUTO_FOCUS = "OptionList"  # focused as the screen opens: no second frame to move focus

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.back", "Back"),
        Binding("tab", "app.focus_next", "Switch pane"),
    ]
    KEY_NOTES: ClassVar[list[tuple[str, str]]] = [
        ("↑ ↓", "choose a part (in the list), or scroll its text (in the reading pane)"),
        ("pgup / pgdn", "scroll the text, from the list or the reading pane"),
    ]

    def __init__(self, title: str, parts: list[tuple[str, str]]) -> None:
        super().__init__()
        self.page_title = title
        self.parts = parts

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(classes="split"):
            yield PaneList(
                *(Option(Hanging(Content(title), indent=2), id=str(i)) for i, (title, _) in enumerate(self.parts)),
                pane=".reader",
                classes="parts",
            )
            with VerticalScroll(classes="reader"):
                yield GuideText(self.parts[0][1], classes="part-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = self.page_title

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.query_one(".part-text", GuideText).show(self.parts[int(event.option.id or 0)][1])
        self.query_one(VerticalScroll).scroll_home(animate=False)

    def on_option_list_option_selected(self, _: OptionList.OptionSelected) -> None:
        self.query_one(VerticalScroll).focus()
