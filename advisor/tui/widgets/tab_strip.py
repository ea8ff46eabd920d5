"""A one-line strip of numbered tab labels, the active one highlighted; a click picks a tab.

Textual's TabbedContent moves its underline in a second frame after every switch (and animates
it); with the strip, a tab switch is one frame: the strip redraws its line and the switcher shows
the pane.
"""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.style import Style
from textual.widgets import Static


class TabStrip(Static):
    """Labels `1 Concepts  2 Checklist …`; `active` is the id of the tab shown."""

    DEFAULT_CSS = """
    TabStrip {
        height: 1;
        width: 1fr;
        padding: 0 1;
        background: $panel;
        link-style: none;
        link-color: $foreground;
        link-style-hover: bold;
        link-color-hover: $foreground;
        link-background-hover: $panel;
    }
    """

    active: reactive[str] = reactive("", init=False)

    def __init__(self, tabs: list[tuple[str, str]], active: str, *, action: str, id: str | None = None) -> None:
        """`tabs` are (id, label); a click runs `action` with the tab's id, e.g. "screen.tab"."""
        super().__init__(id=id)
        self.tabs = tabs
        self.action = action
        self.set_reactive(TabStrip.active, active)

    def on_mount(self) -> None:
        self.watch_active()

    def watch_active(self) -> None:
        parts = []
        for n, (tab_id, label) in enumerate(self.tabs, 1):
            style = "bold reverse $text-accent" if tab_id == self.active else "$foreground-muted"
            click = Style.from_meta({"@click": f"{self.action}({tab_id!r})"})
            parts.append(Content.styled(f" {n} {label} ", style).stylize(click))
        self.update(Content(" ").join(parts), layout=False)  # one line, always
