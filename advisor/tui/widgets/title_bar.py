"""The title bar: the app's name and the screen's subtitle on one line, at the top of every screen.

Textual's Header is four widgets (icon, title, clock space) composed for every screen; opening a
screen paid for them each time. This is one widget that redraws its line when the subtitle changes.
"""

from __future__ import annotations

from textual.content import Content
from textual.style import Style
from textual.widgets import Static


class TitleBar(Static):
    """`⭘  advisor — <the screen's subtitle>`; the ⭘ opens the command palette, as in Textual's Header."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        height: 1;
        width: 1fr;
        background: $panel;
        color: $foreground;
        link-style: none;
        link-color: $foreground;
        link-style-hover: bold;
        link-color-hover: $text-accent;
        link-background-hover: $panel;
    }
    """

    def on_mount(self) -> None:
        self.watch(self.screen, "sub_title", self._draw, init=False)
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        palette = Content.styled(" ⭘", "").stylize(Style.from_meta({"@click": "app.command_palette"}))
        sub_title = self.screen.sub_title
        title = Content.assemble(
            (self.app.title, "bold"), (f" — {sub_title}", "$foreground-muted") if sub_title else ""
        )
        gap = max(2, (self.size.width - title.cell_length) // 2 - palette.cell_length)
        self.update(Content.assemble(palette, " " * gap, title), layout=False)  # one line, always
