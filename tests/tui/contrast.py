"""WCAG contrast of the text on screen, read from the compositor's segments (what the terminal gets).

Every cell whose character is text (not a space, not a box-drawing, block or braille character:
borders, bars and scrollbars carry no words) is measured: its foreground against its background,
with reverse and dim applied the way Rich's SVG export applies them.

Each segment is measured twice: in truecolor, and as a 256-colour terminal shows it. Textual's
console picks its colour system from the environment (Rich's `_detect_color_system`): without
COLORTERM=truecolor (tmux by default, macOS Terminal) it is 8-bit, and every colour is sent as
`Color.downgrade(EIGHT_BIT)`: the nearest of the 6×6×6 cube or, for a colour of little saturation,
the grey ramp. The terminal then shows the xterm palette's RGB for that number.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.color_triplet import ColorTriplet
from rich.segment import Segment
from rich.terminal_theme import DEFAULT_TERMINAL_THEME

AA = 4.5  # WCAG 2 AA, normal text

# The colour systems measured, by the name a report gives them.
SYSTEMS: dict[str, ColorSystem] = {"truecolor": ColorSystem.TRUECOLOR, "256": ColorSystem.EIGHT_BIT}


def _is_text(char: str) -> bool:
    code = ord(char)
    if char.isspace() or 0x2500 <= code <= 0x259F or 0x2800 <= code <= 0x28FF:
        return False
    if code >= 0x1F000:  # an emoji (the palette's 🔎) is drawn in its own colours
        return False
    return code not in (0x25CF, 0x25CB)  # ●○: radio-button dots are a control's state, drawn in colour


def _luminance(c: ColorTriplet) -> float:
    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red) + 0.7152 * channel(c.green) + 0.0722 * channel(c.blue)


def ratio(a: ColorTriplet, b: ColorTriplet) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _blend(fg: ColorTriplet, bg: ColorTriplet, amount: float) -> ColorTriplet:
    return ColorTriplet(*(int(f + (b - f) * amount) for f, b in zip(fg, bg, strict=True)))


def _colours(segment: Segment, system: ColorSystem) -> tuple[ColorTriplet, ColorTriplet]:
    """The RGB a terminal of this colour system shows for the segment: (foreground, background)."""
    theme = DEFAULT_TERMINAL_THEME
    style = segment.style
    if style is None:
        return theme.foreground_color, theme.background_color

    def truecolor(colour: RichColor | None, default: ColorTriplet) -> ColorTriplet:
        if colour is None or colour.is_default:
            return default
        return colour.downgrade(system).get_truecolor(theme)

    fg = truecolor(style.color, theme.foreground_color)
    bg = truecolor(style.bgcolor, theme.background_color)
    if style.reverse:
        fg, bg = bg, fg
    if style.dim:
        fg = _blend(fg, bg, 0.4)
    return fg, bg


@dataclass(frozen=True)
class Measured:
    ratio: float
    text: str  # the segment's text, for the message
    fg: str
    bg: str
    system: str  # a key of SYSTEMS

    def __str__(self) -> str:
        return f"{self.ratio:.2f}:1  {self.fg} on {self.bg} ({self.system})  {self.text.strip()!r}"


def measure(app) -> list[Measured]:
    """Every text segment of the screen shown now, with its contrast ratio in each of SYSTEMS.

    Over a dialog, only the dialog's own widgets count: the screen beneath it is dimmed on
    purpose, as an inactive part of the interface that is not to be read meanwhile.
    """
    from textual.screen import ModalScreen

    screen = app.screen
    regions = None
    if isinstance(screen, ModalScreen):  # the dialog's widgets, clipped to what shows of them
        visible = screen._compositor.visible_widgets
        regions = [region.intersection(clip) for widget, (region, clip) in visible.items() if widget is not screen]
    found: list[Measured] = []
    for y, strip in enumerate(screen._compositor.render_strips()):
        x = 0
        for segment in strip:
            start, x = x, x + segment.cell_length
            if segment.control or not any(_is_text(c) for c in segment.text):
                continue
            if regions is not None and not any(r.y <= y < r.bottom and start < r.right and r.x < x for r in regions):
                continue
            for name, system in SYSTEMS.items():
                fg, bg = _colours(segment, system)
                found.append(Measured(ratio(fg, bg), segment.text, fg.hex, bg.hex, name))
    return found
