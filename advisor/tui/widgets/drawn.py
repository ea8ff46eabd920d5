"""A widget drawn line by line for the width it is given (charts), cached per width."""

from __future__ import annotations

import re

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget


class DrawnAtWidth(Widget):
    """Subclasses draw their lines for a width; the height is as many lines as that gives.

    `redraw()` after the data changes; the lines of the current width are kept until then, so a
    repaint (a key, a scroll) costs nothing.
    """

    DEFAULT_CSS = """
    DrawnAtWidth {
        height: auto;
    }
    """

    _drawn: tuple[int, list[Content]] = (-1, [])

    def draw(self, width: int) -> list[Content]:
        """The widget's lines at `width` cells; none longer than that."""
        raise NotImplementedError

    def redraw(self) -> None:
        """Draw again (the data changed); the height may change with it."""
        self._drawn = (-1, [])
        self.refresh(layout=True)

    def lines(self, width: int) -> list[Content]:
        if self._drawn[0] != width:
            self._drawn = (width, [_spaced(line) for line in self.draw(width)])
        return self._drawn[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.content_size.width))


_GAPS = re.compile(" {2,}")


def _spaced(line: Content) -> Content:
    """Each gap of spaces as a run of its own: a screenshot (SVG) then places the text after it
    where it belongs, for renderers that squeeze spaces in a run (librsvg) too."""
    for gap in _GAPS.finditer(line.plain):
        line = line.stylize("not underline", gap.start(), gap.end())
    return line
