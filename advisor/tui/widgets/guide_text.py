"""Guide text (our Markdown: headings, lists, code, tables) drawn as one widget.

Textual's Markdown widget builds a widget per block, list item and table cell; laying those out
cost most of the time of opening a section or moving to the next question. This is one widget
drawing a Rich Markdown renderable, whose styles come from the app's theme (see
`markdown_theme`), so both themes and NO_COLOR work and a key never rebuilds a widget tree.

A code block is drawn as written, never wrapped: a diagram or a command folded onto the next line
reads wrong. Prose wraps at the width of the pane; the widget is as wide as its widest code block,
so the pane scrolls sideways (← →) to show the rest of a long line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.markdown import Markdown as RichMarkdown
from rich.segment import Segment
from rich.style import Style as RichStyle
from rich.syntax import ANSISyntaxTheme, Syntax, SyntaxTheme
from rich.theme import Theme
from textual.app import App
from textual.color import Color
from textual.geometry import Size
from textual.widget import Widget

_PUSHED = "_guide_text_theme_pushed"  # marks an app whose console has our markdown styles
_CODE_THEME = "_guide_text_code_theme"  # the app's syntax colours for code blocks

# A fenced code block that starts at the left margin (one inside a list item stays with its item).
_FENCE = re.compile(
    r"^(?P<fence>```+|~~~+)(?P<info>[^\n]*)\n(?P<code>.*?)^(?P=fence)[ \t]*$\n?", re.MULTILINE | re.DOTALL
)
_CODE_PADDING = 1  # a column either side of a code block, as Rich's Markdown draws it


def markdown_theme(variables: Mapping[str, str], dark: bool) -> Theme:
    """Rich's `markdown.*` styles from a Textual theme's resolved variables."""

    def colour(name: str) -> str:
        return Color.parse(variables[name]).hex

    accent, primary, secondary = colour("text-accent"), colour("text-primary"), colour("text-secondary")
    muted = colour("foreground-muted")
    code = colour("code-foreground")
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


def code_theme(variables: Mapping[str, str]) -> SyntaxTheme:
    """Syntax colours for code blocks from the theme's text colours (each readable on the background).

    Rich's `ansi_dark`/`ansi_light` use terminal colours, several of which (yellow on light grey,
    red on black) are hard to read.
    """

    def style(name: str, *, bold: bool = False, italic: bool = False) -> RichStyle:
        return RichStyle(color=Color.parse(variables[name]).hex, bold=bold, italic=italic)

    # Pygments token types are tuples ("Keyword", "Type"); Rich looks a token up as a plain tuple,
    # then its parents, so these keys need no import of Pygments
    return ANSISyntaxTheme(
        {
            (): RichStyle(),
            ("Comment",): style("foreground-muted", italic=True),
            ("Keyword",): style("text-primary", bold=True),
            ("Keyword", "Type"): style("text-secondary"),
            ("Operator", "Word"): style("text-primary", bold=True),
            ("Name", "Builtin"): style("text-secondary"),
            ("Name", "Function"): style("text-success"),
            ("Name", "Class"): style("text-success", bold=True),
            ("Name", "Decorator"): style("text-accent"),
            ("Name", "Tag"): style("text-primary"),
            ("Name", "Attribute"): style("text-secondary"),
            ("Literal", "String"): style("text-success"),
            ("Literal", "Number"): style("text-warning"),
            ("Generic", "Deleted"): style("text-error"),
            ("Generic", "Inserted"): style("text-success"),
            ("Generic", "Heading"): RichStyle(bold=True),
            ("Generic", "Prompt"): RichStyle(bold=True),
            ("Generic", "Error"): style("text-error"),
        }
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
    variables = app.get_css_variables()
    app.console.push_theme(markdown_theme(variables, app.current_theme.dark))
    setattr(app, _CODE_THEME, code_theme(variables))
    setattr(app, _PUSHED, True)


class _Code:
    """A code block as written: lines are never wrapped, so it is as wide as its longest line."""

    def __init__(self, code: str, lexer: str) -> None:
        self.code = code
        self.lexer = lexer
        self.width = max((cell_len(line) for line in code.splitlines()), default=0) + 2 * _CODE_PADDING


@lru_cache(maxsize=128)
def _parsed(text: str) -> tuple[RichMarkdown | _Code, ...]:
    """The text's prose and its top-level code blocks, in order.

    Parsing is most of the cost, and the same concept is read again and again: keep the last few.
    """
    parts: list[RichMarkdown | _Code] = []
    last = 0
    for fence in _FENCE.finditer(text):
        prose = text[last : fence.start()].strip("\n")
        if prose.strip():
            parts.append(RichMarkdown(prose, hyperlinks=False))
        parts.append(_Code(fence["code"].rstrip(), fence["info"].strip().partition(" ")[0] or "text"))
        last = fence.end()
    rest = text[last:].strip("\n")
    if rest.strip() or not parts:
        parts.append(RichMarkdown(rest, hyperlinks=False))
    return tuple(parts)


class _Reading:
    """Prose wrapped at `prose_width`; code blocks at their own width, however wide."""

    def __init__(self, parts: tuple[RichMarkdown | _Code, ...], prose_width: int, theme: SyntaxTheme) -> None:
        self.parts = parts
        self.prose_width = prose_width
        self.theme = theme

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        prose = options.update_width(max(1, min(options.max_width, self.prose_width)))
        for n, part in enumerate(self.parts):
            if n:
                yield Segment.line()  # the blank line Markdown puts between blocks
            if isinstance(part, _Code):
                syntax = Syntax(part.code, part.lexer, theme=self.theme, word_wrap=False, padding=_CODE_PADDING)
                yield from console.render(syntax, options.update_width(max(part.width, prose.max_width)))
            else:
                # code inside a list item stays in the Markdown (wrapped, as Rich draws it): same colours
                part.code_theme = self.theme  # type: ignore[assignment]  # Syntax takes a theme object too
                yield from console.render(part, prose)


class GuideText(Widget):
    """A piece of guide Markdown; `show(text)` replaces it (no widget is mounted or removed).

    The Markdown is parsed when the widget is first drawn, so text on a tab not shown costs nothing.
    """

    DEFAULT_CSS = """
    GuideText {
        width: auto;
        height: auto;
    }
    """

    def __init__(self, text: str = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.text = text
        self._prose_width = 0  # the width prose wraps at: the pane's, whatever the code's

    def on_mount(self) -> None:
        use_markdown_theme(self.app)

    def show(self, text: str) -> None:
        """Show `text` (Markdown; it is never read as Rich markup)."""
        self.text = text
        self.refresh(layout=True)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        self._prose_width = container.width
        code = max((p.width for p in _parsed(self.text) if isinstance(p, _Code)), default=0)
        return max(container.width, code)

    def render(self) -> _Reading:
        use_markdown_theme(self.app)
        theme = getattr(self.app, _CODE_THEME)
        return _Reading(_parsed(self.text), self._prose_width or self.size.width, theme)
