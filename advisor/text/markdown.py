"""Plain text made safe inside Markdown, and durations written the way people read them."""

from __future__ import annotations

import re

_LINK_LIKE = re.compile(r"\](\()")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)


def _escape(text: str) -> str:
    return _LINK_LIKE.sub(r"]\\(", text.replace("<", "\\<"))


def inline(text: str) -> str:
    """Escape the few sequences in plain text that Markdown would turn into links or HTML.

    Code spans (`like this`) are left alone: Markdown shows their text as written, backslashes
    included, so escaping inside them would show the backslash.
    """
    out, last = [], 0
    for span in _CODE_SPAN.finditer(text):
        out += [_escape(text[last : span.start()]), span.group(0)]
        last = span.end()
    return "".join([*out, _escape(text[last:])])


_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]<>#|!~&{}()+\-=])")


def literal(text: str) -> str:
    """A user's own text (a note, a reason) as Markdown that renders exactly as typed, on one line.

    Every punctuation mark Markdown could read as syntax is backslash-escaped (CommonMark lets any
    ASCII punctuation be), so `*x*`, `[a](b)`, `<b>` and `|` in a table stay text; line breaks
    become ' / ' so a note cannot start a heading or end a table row.
    """
    one_line = " / ".join(line.strip() for line in text.splitlines() if line.strip())
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", one_line)


def code_spans(text: str) -> list[tuple[str, bool]]:
    """`text` cut into (piece, is_code) in order: the `code spans` without their backticks.

    As in Markdown, one space just inside both backticks is dropped (`` `a` `` is the way to
    write code that holds a backtick); text with no code span is one plain piece.
    """
    pieces: list[tuple[str, bool]] = []
    last = 0
    for span in _CODE_SPAN.finditer(text):
        if span.start() > last:
            pieces.append((text[last : span.start()], False))
        code = span.group(2)
        if len(code) > 2 and code.startswith(" ") and code.endswith(" ") and code.strip():
            code = code[1:-1]
        pieces.append((code, True))
        last = span.end()
    if last < len(text) or not pieces:
        pieces.append((text[last:], False))
    return pieces


def minutes(low: int, high: int) -> str:
    """'75–90 min' or '4–5 h' or '5 h 15 min – 6 h 30 min', whichever reads best."""

    def one(m: int) -> str:
        if m < 60:
            return f"{m} min"
        h, rest = divmod(m, 60)
        return f"{h} h" if rest == 0 else f"{h} h {rest} min"

    if low == high:
        return one(low)
    if high < 120:  # "75–90 min" reads better than "1 h 15 min – 1 h 30 min"
        return f"{low}–{high} min"
    if low % 60 == 0 and high % 60 == 0:
        return f"{low // 60}–{high // 60} h"
    return f"{one(low)} – {one(high)}"


def source_link(title: str, url: str | None, checked: str) -> str:
    """A source as Markdown: '[title](url), checked 2026-12-02' (the title alone without a URL)."""
    text = inline(title).replace("[", "\\[").replace("]", "\\]")
    linked = f"[{text}](<{url}>)" if url else text
    return f"{linked}, checked {checked}"
