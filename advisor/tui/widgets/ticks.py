"""A selection list whose ticked and unticked boxes differ in shape, not only in colour.

Textual's SelectionList draws the same "X" in every box and tells them apart by colour alone,
which a monochrome terminal, NO_COLOR or a colour-blind reader cannot see. Here a ticked box
shows ✓ and an unticked one is empty.
"""

from __future__ import annotations

from typing import TypeVar

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets.option_list import OptionDoesNotExist

T = TypeVar("T")

TICKED, UNTICKED = "✓", " "


class TickList(SelectionList[T]):
    """A SelectionList with ✓ in ticked boxes."""

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        segments = list(line)
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return line
        if len(segments) < 2:
            return line
        box = segments[1]
        mark = TICKED if option.value in self.selected else UNTICKED
        segments[1] = Segment(mark, box.style, box.control)
        return Strip(segments, line.cell_length)
