"""A selection list whose boxes differ in shape, not only in colour, and whose items wrap.

Textual's SelectionList draws the same "X" in every box and tells them apart by colour alone,
which a monochrome terminal, NO_COLOR or a colour-blind reader cannot see. Here a ticked box
shows ✓ and an unticked one is empty.

Textual's SelectionList also cuts every item to one line with "…" (its box is drawn per screen
line, as if every item were one line tall). Here an item wraps: its box is on its first line,
and the lines after it keep the item's indent.
"""

from __future__ import annotations

from typing import TypeVar

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widgets import OptionList, SelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist

T = TypeVar("T")

TICKED, UNTICKED = "✓", " "


class TickList(SelectionList[T]):
    """A SelectionList with ✓ in ticked boxes, and items that wrap."""

    DEFAULT_CSS = """
    TickList {
        text-wrap: wrap;
        text-overflow: fold;
    }
    """

    def render_line(self, y: int) -> Strip:
        line = OptionList.render_line(self, y)  # the item's text; the box is drawn here
        try:
            index, offset = self._lines[self.scroll_offset.y + y]
            option = self.get_option_at_index(index)
        except (IndexError, OptionDoesNotExist):
            return line
        underlying = next(iter(line)).style or self.rich_style
        gutter = self._get_left_gutter_width()
        if offset:  # a wrapped line: under the item's text, not under its box
            return Strip([Segment(" " * gutter, underlying), *line], line.cell_length + gutter)
        ticked = option.value in self._selected
        component = "selection-list--button" + ("-selected" if ticked else "")
        component += "-highlighted" if self.highlighted == index else ""
        button = self.get_component_rich_style(component) + Style(meta={"option": index})
        side = Style.from_color(button.bgcolor, underlying.bgcolor) + Style(meta={"option": index})
        box = [
            Segment(ToggleButton.BUTTON_LEFT, side),
            Segment(TICKED if ticked else UNTICKED, button),
            Segment(ToggleButton.BUTTON_RIGHT, side),
            Segment(" ", underlying),
        ]
        return Strip([*box, *line], line.cell_length + gutter)
