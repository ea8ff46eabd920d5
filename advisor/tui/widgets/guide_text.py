"""Guide text (our Markdown: headings, lists, code, tables) drawn as one widget.

Textual's Markdown widget builds a widget per block, list item and table cell; laying those out
cost most of the time of opening a section or moving to the next question. This is one widget
drawing a Rich Markdown renderable, whose styles come from the app's theme (see
`markdown_theme`), so both themes and NO_COLOR work and a key never rebuilds a widget tree.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from rich.console import RenderableType
from rich.markdown import Markdown as RichMarkdown
from rich.theme import Theme
from textual.app import App
from textual.color import Color
from textual.widget import Widget

_PUSHED = "_guide_text_theme_pushed"  # marks an app whose console has our markdown styles


def markdown_theme(variables: Mapping[str, str], dark: bool) -> Theme:
    """Rich's `markdown.*` styles from a Textual theme's resolved variables."""
    background = Color.parse(variables["background"])
    muted = background.blend(Color.parse(variables["foreground"]).with_alpha(1.0), 0.6).hex

    def colour(name: str) -> str:
        return Color.parse(variables[name]).hex

    accent, primary, secondary = colour("text-accent"), colour("text-primary"), colour("text-secondary")
    code = colour("text-warning") if dark else colour("text-secondary")
    return Theme(
        {
            "markdown.h1": f"bold {accent}",
            "markdown.h1.border": muted,
            "markdown.h2": f"bold underline {accent}",
            "markdown.h3": f"bold {primary if dark else secondary}",
            "markdown.h4": f"italic {primary if dark else secondary}",
            "markdown.code": f"bold {code}",
            "markdown.code_block": "none",
            "markdown.block_quote": f"italic {muted}",
            "markdown.list": accent,
            "markdown.item.bullet": f"bold {accent}",
            "markdown.item.number": accent,
            "markdown.hr": muted,
            "markdown.link": f"underline {primary}",
            "markdown.link_url": muted,
            "markdown.table.border": muted,
            "markdown.table.header": "bold",
            "markdown.kbd": f"bold {accent}",
        },
        inherit=True,
    )


def use_markdown_theme(app: App[Any], *, again: bool = False) -> None:
    """Give `app`'s console the markdown styles of the theme in use: once, or `again` when the theme changed.

    The first guide text to be mounted does it if the app has not yet (it is kept out of the
    first frame's work, but no guide text may ever be drawn in Rich's default styles).
    """
    pushed = getattr(app, _PUSHED, False)
    if pushed and not again:
        return
    if pushed:
        app.console.pop_theme()
    app.console.push_theme(markdown_theme(app.get_css_variables(), app.current_theme.dark))
    setattr(app, _PUSHED, True)


@lru_cache(maxsize=128)
def _parsed(text: str, code_theme: str) -> RichMarkdown:
    # parsing is most of the cost, and the same concept is read again and again: keep the last few
    return RichMarkdown(text, code_theme=code_theme, hyperlinks=False)


class GuideText(Widget):
    """A piece of guide Markdown; `show(text)` replaces it (no widget is mounted or removed).

    The Markdown is parsed when the widget is first drawn, so text on a tab not shown costs nothing.
    """

    DEFAULT_CSS = """
    GuideText {
        height: auto;
    }
    """

    def __init__(self, text: str = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.text = text

    def on_mount(self) -> None:
        use_markdown_theme(self.app)

    def show(self, text: str) -> None:
        """Show `text` (Markdown; it is never read as Rich markup)."""
        self.text = text
        self.refresh(layout=True)

    def render(self) -> RenderableType:
        code_theme = "ansi_dark" if self.app.current_theme.dark else "ansi_light"
        return _parsed(self.text, code_theme)
