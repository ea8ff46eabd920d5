"""How a typed answer is read: text compared the way people mean it, numbers found in text."""

from __future__ import annotations

import math
import re
import unicodedata

_NUMBER = re.compile(r"-?\d[\d,_]*(?:\.\d+)?|-?\.\d+")
_DECIMAL_COMMA = re.compile(r"^-?\d+,\d{1,2}$|^-?\d+,\d{4,}$")  # '6,9' or '12,00': not a thousands group
_QUOTES = "`'\"“”‘’«»()[]"


def normalise_text(text: str) -> str:
    """Case, spacing, '-' '_', quotes or backticks around it and trailing punctuation forgiven.

    'Data-Loader.' == 'data loader' == '`DataLoader`'... as far as any letter-for-letter
    answer can be: 'dataloader' and 'data loader' stay different, so list both where both are right.
    """
    text = unicodedata.normalize("NFKC", text).casefold().strip()
    text = text.rstrip(".!?;:, ").strip().strip(_QUOTES).strip()
    text = re.sub(r"[-_\s]+", " ", text)
    return text.rstrip(".!?;:, ").strip()


_GLOSS_MARKS = re.compile(r"[()\[\],;:]")  # brackets and commas around a gloss: '4 (DEADLINE_EXCEEDED)'


def two_answers(text: str) -> list[tuple[str, str]]:
    """Every way to read `text` as two answers side by side, each normalised.

    '4 (DEADLINE_EXCEEDED)', 'ResourceExhausted (8)' or 'code 8 RESOURCE_EXHAUSTED' name one thing
    twice, by number and by name: right when both halves are right answers, wrong when either is
    not ('4 (CANCELLED)'), so a gloss needs no spelling of its own in the accepted list.
    """
    words = normalise_text(_GLOSS_MARKS.sub(" ", text)).split()
    return [(" ".join(words[:cut]), " ".join(words[cut:])) for cut in range(1, len(words))]


NEAR_SPELLING_MIN_LETTERS = 5  # shorter words are too easily another word one letter away


def near_spelling(typed: str, accepted: str) -> bool:
    """One slip (a letter added, dropped or changed) from an accepted answer of letters only.

    Both are normalised already. Only answers of letters and spaces with five letters or more
    qualify: in `wasm32-wasip1` or `http2` one character is the whole point.
    """
    if typed == accepted or not re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)*", accepted):
        return False
    if len(accepted.replace(" ", "")) < NEAR_SPELLING_MIN_LETTERS or abs(len(typed) - len(accepted)) > 1:
        return False
    if len(typed) == len(accepted):  # one letter changed
        return sum(a != b for a, b in zip(typed, accepted, strict=True)) == 1
    short, long = sorted((typed, accepted), key=len)
    cut = next((i for i, (a, b) in enumerate(zip(short, long, strict=False)) if a != b), len(short))
    return short[cut:] == long[cut + 1 :]  # one letter added or dropped


def parse_number(value: object) -> float | None:
    """A float from a number or from text such as '1,000', '160 ms', '2.5' or '6,9'; None if there is none."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    if not isinstance(value, str):
        return None
    match = _NUMBER.search(value.replace(" ", ""))
    if not match:
        return None
    found = match.group(0)
    # one comma followed by other than three digits is a decimal comma ('6,9'), as much of Europe writes
    found = found.replace(",", ".") if _DECIMAL_COMMA.match(found) else found.replace(",", "")
    try:
        number = float(found.replace("_", ""))
    except ValueError:
        return None
    return number if math.isfinite(number) else None
