"""The app's two themes: Textual's dark and light, with every text colour readable (WCAG AA, 4.5:1).

Textual's own themes draw some text too faintly for reading: in light, green, orange, muted text
and the footer keys are 2.9–4.0:1 against their backgrounds, and on a highlighted row (white or
navy on blue) coloured words such as a verdict fall to 1.5–2.9:1. Here the same palettes keep their
hues, but every colour used for words is dark enough (light) or light enough (dark) to read on
the background, the panels and the highlighted row; the highlighted row is a quiet blue on which
all of them still read. `tests/tui/test_contrast.py` measures every screen in both themes.

Every colour must also read after Textual's downgrade to 256 colours (COLORTERM unset: tmux by
default, macOS Terminal), where Rich sends the nearest xterm colour: a grey ramp step for a colour
of little saturation, else the 6×6×6 cube (levels 0, 95, 135, 175, 215, 255). The cube has few dark
colours, so some values below are picked for where they land there (named beside them); the
contrast test measures both colour systems.
"""

from __future__ import annotations

from textual.theme import Theme

DARK, LIGHT = "advisor-dark", "advisor-light"

# Textual's textual-dark, with lighter text colours and a darker highlighted row.
_DARK = Theme(
    name=DARK,
    primary="#0178D4",
    secondary="#004578",
    accent="#ffa62b",
    warning="#ffa62b",
    error="#ba3c5b",
    success="#4EBF71",
    foreground="#e0e0e0",
    dark=True,
    variables={
        "text-primary": "#85c3ff",
        "text-secondary": "#9fc2e6",
        "text-accent": "#ffbd66",
        "text-warning": "#ffbd66",
        "text-error": "#f59cb0",
        "text-success": "#72d490",
        "foreground-muted": "#ababab",
        "text-muted": "#ababab",
        "footer-key-foreground": "#ffbd66",
        "block-cursor-foreground": "#ffffff",
        "block-cursor-background": "#0e2d74",  # 256: #000087 (a greener blue lands on teal #005f5f)
        "block-cursor-blurred-foreground": "#e0e0e0",
        "block-cursor-blurred-background": "#1b2a38",
        "code-foreground": "#ffbd66",
        "panel-lighten-1": "#363d44",  # the toasts; 256: grey #3a3a3a (Textual's #343f49 lands on #5f5f5f)
    },
)

# Textual's textual-light, with darker text colours and a light blue highlighted row.
_LIGHT = Theme(
    name=LIGHT,
    primary="#004578",
    secondary="#0178D4",
    accent="#ffa62b",
    warning="#ffa62b",
    error="#ba3c5b",
    success="#4EBF71",
    surface="#D8D8D8",
    panel="#D0D0D0",
    background="#E0E0E0",
    foreground="#1f1f1f",
    dark=False,
    variables={
        # the blues, 256: #00005f and #000087 (#004578 and #014f88 land on #005f87, 4.1:1 on the panels)
        "text-primary": "#00296e",
        "text-secondary": "#002e8a",
        # 256: #5f0000; the cube's dark orange is olive #5f5f00, too light on the panels
        "text-accent": "#722f00",
        "text-warning": "#722f00",
        "text-error": "#931d3a",
        "text-success": "#135628",
        "foreground-muted": "#4a4a4a",
        "text-muted": "#4a4a4a",
        "footer-key-foreground": "#002e8a",
        "block-cursor-foreground": "#1f1f1f",
        "block-cursor-background": "#bcd4ec",
        "block-cursor-blurred-foreground": "#1f1f1f",
        "block-cursor-blurred-background": "#d6dde4",
        "code-foreground": "#002e8a",
    },
)

THEMES: dict[str, Theme] = {theme.name: theme for theme in (_DARK, _LIGHT)}
