"""Counts written as people write them: '1 exercise', '3 exercises', never '1 exercise(s)'."""

from __future__ import annotations


def plural(count: int, noun: str, many: str | None = None) -> str:
    """`count` and `noun`, the noun in the plural unless the count is one.

    The plural adds an s unless `many` is given ('1 entry' / '2 entries'); a noun of several
    words puts the plural on its last word ('quiz question' → 'quiz questions').
    """
    return f"{count} {noun if count == 1 else many or noun + 's'}"
