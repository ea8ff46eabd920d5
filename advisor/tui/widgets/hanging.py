"""A line with a hanging indent: a short prefix (a mark, a box, a number), then text that wraps under itself.

An option such as `1  Derive each output key deterministically…` wraps with its second line
starting under `Derive`, not under `1`, so the numbers stay a clean column. Use it as the
prompt of an `Option` (any OptionList draws a Visual), or wherever a Visual is drawn.
"""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual


class Hanging(Visual):
    """`prefix` on the first line; `body` wraps in the columns to its right."""

    def __init__(self, prefix: Content, body: Content) -> None:
        self.prefix = prefix
        self.body = body

    def _indent(self, width: int) -> int:
        return max(0, min(self.prefix.cell_length, width - 1))

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        indent = self.prefix.cell_length
        return indent + self.body.get_optimal_width(rules, max(1, container_width - indent))

    def get_height(self, rules: RulesMap, width: int) -> int:
        return max(1, self.body.get_height(rules, max(1, width - self._indent(width))))

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        if width <= 0:
            return []
        indent = self._indent(width)
        body = self.body.render_strips(width - indent, height, style, options) or [Strip.blank(0)]
        head = self.prefix.render_strips(max(1, indent), 1, style, options)
        rich_style = style.rich_style
        first = (head[0] if head else Strip.blank(indent)).crop_pad(indent, 0, 0, rich_style)
        gap = Strip.blank(indent, rich_style)
        return [Strip.join([first if n == 0 else gap, line]) for n, line in enumerate(body)]
