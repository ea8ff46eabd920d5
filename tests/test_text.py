"""The small text helpers every layer uses."""

from __future__ import annotations

from advisor.text.answers import normalise_text, parse_number
from advisor.text.markdown import code_spans, inline, minutes


def test_inline_escapes_links_and_html_but_not_code_spans() -> None:
    assert inline("a <b> c") == "a \\<b> c"
    assert inline("[x](y)") == "[x]\\(y)"
    # inside backticks Markdown shows text as written: an escape would show its backslash
    assert inline("keys `resized/<width>/<key>` and <w>") == "keys `resized/<width>/<key>` and \\<w>"


def test_minutes_read_as_people_write_them() -> None:
    assert minutes(75, 90) == "75–90 min"
    assert minutes(240, 300) == "4–5 h"
    assert minutes(315, 390) == "5 h 15 min – 6 h 30 min"


def test_typed_answers_forgive_quotes_and_decimal_commas() -> None:
    assert normalise_text("`istiod`") == normalise_text('"istiod".') == "istiod"
    assert parse_number("6,9") == 6.9 and parse_number("1,000") == 1000 and parse_number("12,00 ms") == 12.0


def test_counts_are_written_in_the_singular_or_the_plural() -> None:
    from advisor.text.plural import plural

    assert plural(1, "exercise") == "1 exercise"
    assert plural(0, "quiz question") == "0 quiz questions"
    assert plural(23, "answer") == "23 answers"
    assert plural(2, "entry", "entries") == "2 entries"
    assert plural(1, "entry", "entries") == "1 entry"


def test_code_spans_cut_text_into_prose_and_code() -> None:
    assert code_spans("Add `reserved 5;` to it") == [("Add ", False), ("reserved 5;", True), (" to it", False)]
    assert code_spans("no code") == [("no code", False)]
    assert code_spans("``a `b` c``") == [("a `b` c", True)]
    assert code_spans("`` `x` ``") == [("`x`", True)]  # one space inside both backticks is dropped
    assert code_spans("") == [("", False)]
