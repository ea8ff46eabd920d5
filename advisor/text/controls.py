"""Control characters made visible, so text from a file can never drive the terminal."""

from __future__ import annotations

import re

# C0 and C1 control characters other than tab and newline: shown as symbols, never sent raw, so
# text from a file can never move the cursor, change colours or ring the bell of a terminal.
_CONTROLS = {
    c: (chr(0x2400 + c) if c < 0x20 else "\N{SYMBOL FOR DELETE}" if c == 0x7F else "\N{REPLACEMENT CHARACTER}")
    for c in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]
    if c not in (0x09, 0x0A)
}
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """`text` with control characters (ESC, BEL, CR...) replaced by visible symbols."""
    return text.translate(_CONTROLS) if _CONTROL_RE.search(text) else text  # the search is the cheap common case
