"""How a typed answer is read: text compared the way people mean it, numbers found in text."""

from __future__ import annotations

import math
import re
import unicodedata

_NUMBER = re.compile(r"-?\d[\d,_]*(?:\.\d+)?|-?\.\d+")


def normalise_text(text: str) -> str:
    """Case, spacing, '-' '_' and trailing punctuation forgiven: 'Data-Loader.' == 'data loader'."""
    text = unicodedata.normalize("NFKC", text).casefold().strip()
    text = re.sub(r"[-_\s]+", " ", text)
    return text.rstrip(".!?;:, ").strip()


def parse_number(value: object) -> float | None:
    """A float from a number or from text such as '1,000', '160 ms' or '2.5'; None if there is none."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    if not isinstance(value, str):
        return None
    match = _NUMBER.search(value.replace(" ", ""))
    if not match:
        return None
    try:
        number = float(match.group(0).replace(",", "").replace("_", ""))
    except ValueError:
        return None
    return number if math.isfinite(number) else None
