"""Paragraphs whose wrapped lines keep their indent: `+2  Lambda bills…` wraps under `Lambda`.

Textual wraps Content from the left edge, so a reason after its weight, or a bullet after its
mark, continued at column 0 and the list lost its shape. Here each paragraph is a lead (the
weight, the bullet, or nothing) and a body; the body wraps in the width left beside the lead.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Size
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widget import Widget

Paragraph = tuple[Content, Content]  # (lead, body): the body's wrapped lines start under its first word


def hang(paragraphs: Iterable[Paragraph], width: int, indent: int | None = None) -> list[Content]:
    """The lines of `paragraphs` wrapped at `width`, each body's lines indented by its lead
    (or by `indent`, for a paragraph with no lead that should still hang)."""
    lines: list[Content] = []
    for lead, body in paragraphs:
        step = lead.cell_length if indent is None else indent
        step = step if step < width // 2 else 0  # a very narrow pane: no indent
        first = max(1, width - lead.cell_length)
        wrapped = body.wrap(first) if body.plain else [Content("")]
        if len(wrapped) > 1 and step != lead.cell_length:  # the lines after the first have another width
            start = len(wrapped[0].plain)
            while body.plain[start : start + 1] == " ":
                start += 1
            wrapped = [wrapped[0], *body[start:].wrap(max(1, width - step))]
        # the indent has a style of its own: a screenshot (SVG) then draws it as its own run, and
        # renderers that squeeze leading spaces in a run (librsvg) keep the indent
        indent_run = Content.styled(" " * step, "not underline")
        for n, line in enumerate(wrapped):
            lines.append((lead if n == 0 else indent_run) + line.rstrip())
    return lines


class Hanging(Visual):
    """One paragraph as a Visual (e.g. a list's option): its wrapped lines keep an indent at any width."""

    def __init__(self, body: Content, lead: Content | None = None, *, indent: int | None = None) -> None:
        self.paragraph: Paragraph = (lead or Content(""), body)
        self.indent = indent
        self._lines: tuple[int, Content] = (-1, Content(""))

    def _at(self, width: int) -> Content:
        if self._lines[0] != width:
            self._lines = (width, Content("\n").join(hang([self.paragraph], width, self.indent)))
        return self._lines[1]

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self._at(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        lead, body = self.paragraph
        return lead.cell_length + body.cell_length

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self._at(width).plain.split("\n"))


class HangingText(Widget):
    """Paragraphs of (lead, body) Content, wrapped with hanging indents; `update()` replaces them."""

    DEFAULT_CSS = """
    HangingText {
        height: auto;
    }
    """

    def __init__(self, paragraphs: Iterable[Paragraph] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.paragraphs = list(paragraphs)
        self._wrapped: tuple[int, list[Content]] = (-1, [])

    def update(self, paragraphs: Iterable[Paragraph]) -> None:
        """Show `paragraphs` instead."""
        self.paragraphs = list(paragraphs)
        self._wrapped = (-1, [])
        self.refresh(layout=True)

    def _lines(self, width: int) -> list[Content]:
        if self._wrapped[0] != width:
            self._wrapped = (width, hang(self.paragraphs, width))
        return self._wrapped[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Content:
        return Content("\n").join(self._lines(self.content_size.width))
