"""'Did you mean …?' hints for a mistyped id, kind, field or quiz name."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """A ' (did you mean ...?)' suffix when `word` is a near miss of one of `options`."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
