"""Writing our quizzes as GIFT: what Moodle's exporter writes, plus advisor's comment tokens.

Escaping follows Moodle's ``repchar``; prompts are ``[markdown]``; ``####`` carries the general
feedback. GIFT cannot express ordering questions, nor '->' in a short answer or on the left of a
matching pair (it has no escape); those become comment blocks
``// <type> question <id> not representable in GIFT: <why>``, which the reader reports.
Option ids, misconceptions and pair explanations have no GIFT form and are not written. A short
answer's rejected near misses are written as Moodle's 0% answers (``=%0%istio``).

`GIFT_WRITERS` holds one writer per question type (a test checks every type has one).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from advisor.interop.gift.escapes import NOT_REPRESENTABLE, WEIGHT_RE, escape, number, one_line, split_format
from advisor.models.quiz import (
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Quiz,
    QuizQuestion,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)


def _text(text: str) -> str:
    """An escaped answer or feedback; a text that itself starts with a format marker is guarded."""
    guarded = "[markdown]" if split_format(text, "")[0] else ""
    return guarded + escape(text)


def _choice_text(text: str, weight: str) -> str:
    """An option or short answer text; one that looks like a ``%n%`` weight is guarded by `weight`."""
    return (f"%{weight}%" if WEIGHT_RE.match(text) else "") + _text(text)


def _token(name: str, value: str) -> str:
    """``[name:value]`` on one line, with '\\' and ']' escaped by a backslash."""
    escaped = one_line(value).replace("\\", "\\\\").replace("]", "\\]")
    return f"[{name}:{escaped}]"


def _comment(q: QuizQuestion) -> str:
    """``// [id:…] [tag:…]… [tag:<difficulty>] [tests:…]… [unit:…] [revision:n] [source:as_of|url|title]…``."""
    tokens = [_token("id", q.id), *(_token("tag", t) for t in q.tags), _token("tag", q.difficulty.value)]
    tokens += [_token("tests", t) for t in q.tests]
    if isinstance(q, Numeric) and q.unit:
        tokens.append(_token("unit", q.unit))
    if q.revision != 1:
        tokens.append(_token("revision", str(q.revision)))
    tokens += [_token("source", f"{s.as_of.isoformat()}|{s.url or ''}|{s.title}") for s in q.sources]
    return "// " + " ".join(tokens)


def _weight_text(percent: float) -> str:
    """100/3 → '33.33333' (Moodle's grade menu has five decimals)."""
    shown = f"{percent:.5f}".rstrip("0").rstrip(".")
    return "0" if shown in ("-0", "") else shown


@dataclass(frozen=True)
class GiftWriter:
    """How one question type is written: its answer block, or why GIFT cannot carry it."""

    block: Callable[[Any], str]  # the answer block, braces included
    unrepresentable: Callable[[Any], str | None] = lambda q: None


def _lines(opening: str, lines: list[str], general: str) -> str:
    return "\n".join([opening, *lines, f"\t{general}", "}"])


def _general(q: QuizQuestion) -> str:
    return f"####{_text(q.explanation)}"


def _single(q: SingleChoice) -> str:
    lines = [
        f"\t={_text(o.text)}#{_text(o.explanation)}"
        if o.correct
        else f"\t~{_choice_text(o.text, '0')}#{_text(o.explanation)}"
        for o in q.options
    ]
    return _lines("{", lines, _general(q))


def _multiple(q: MultipleChoice) -> str:
    n_right = sum(o.correct for o in q.options)
    n_wrong = len(q.options) - n_right
    lines = []
    for o in q.options:
        weight = 100 / n_right if o.correct else -100 / n_wrong
        lines.append(f"\t~%{_weight_text(weight)}%{_text(o.text)}#{_text(o.explanation)}")
    return _lines("{", lines, _general(q))


def _true_false(q: TrueFalse) -> str:
    right, wrong = (q.if_true, q.if_false) if q.answer else (q.if_false, q.if_true)
    word = "TRUE" if q.answer else "FALSE"
    return f"{{{word}#{_text(wrong)}#{_text(right)}{_general(q)}}}"


def _short(q: ShortAnswer) -> str:
    # a rejected near miss is Moodle's 0% short answer: it matches, and grades wrong
    lines = [f"\t={_choice_text(a, '100')}" for a in q.accepted] + [f"\t=%0%{_text(r)}" for r in q.rejected]
    return _lines("{", lines, _general(q))


def _numeric(q: Numeric) -> str:
    low, high = q.bounds()
    line = (
        f"\t={number(q.answer)}:{number(q.tolerance)}" if q.answer is not None else f"\t={number(low)}..{number(high)}"
    )
    return _lines("{#", [line], _general(q))


def _matching(q: Matching) -> str:
    return _lines("{", [f"\t={_text(p.left)} -> {escape(p.right)}" for p in q.pairs], _general(q))


def _ordering(q: Ordering) -> str:  # pragma: no cover - never called: ordering is unrepresentable
    raise TypeError("GIFT has no ordering question")


GIFT_WRITERS: dict[type, GiftWriter] = {
    SingleChoice: GiftWriter(_single),
    MultipleChoice: GiftWriter(_multiple),
    TrueFalse: GiftWriter(_true_false),
    ShortAnswer: GiftWriter(
        _short,
        lambda q: (
            "an accepted answer contains '->', which would make Moodle read a matching question"
            if any("->" in a for a in q.accepted)
            else None
        ),
    ),
    Numeric: GiftWriter(_numeric),
    Matching: GiftWriter(
        _matching,
        lambda q: (
            "a left-hand side contains '->', which GIFT cannot escape" if any("->" in p.left for p in q.pairs) else None
        ),
    ),
    Ordering: GiftWriter(_ordering, lambda q: "GIFT has no ordering question"),
}


def _comment_block(q: QuizQuestion, reason: str) -> str:
    """A question GIFT cannot express, kept readable as comments (Moodle skips them)."""
    lines = [f"// {NOT_REPRESENTABLE.format(type=q.type, id=q.id)}: {reason}", f"// {one_line(q.prompt)}"]
    if isinstance(q, Ordering):
        lines += [f"// {i}. {one_line(item.text)}" for i, item in enumerate(q.items, start=1)]
    return "\n".join(lines)


def _question(q: QuizQuestion) -> str:
    """One question as GIFT: comment line, ``::id::`` title, Markdown prompt, answer block."""
    writer = GIFT_WRITERS[type(q)]
    if reason := writer.unrepresentable(q):
        return _comment_block(q, reason)
    head = f"{_comment(q)}\n::{escape(q.id)}::[markdown]{escape(q.prompt)}"
    return head + writer.block(q)


def not_representable(quiz: Quiz) -> list[str]:
    """Ids of the questions GIFT cannot express (ordering, and '->' where GIFT reads it).

    The export leaves a comment block for each, which the importer reports as skipped.
    """
    return [q.id for q in quiz.questions if GIFT_WRITERS[type(q)].unrepresentable(q)]


def export_gift(quiz: Quiz) -> str:
    """The quiz as GIFT text, deterministic; ordering questions become comment blocks."""
    header = [f"// advisor quiz {quiz.id}: {' '.join(quiz.title.split())}"]
    if quiz.section:
        header.append(f"// section: {quiz.section}" + (f", topic: {quiz.topic}" if quiz.topic else ""))
    blocks = ["\n".join(header), *(_question(q) for q in quiz.questions)]
    return "\n\n".join(blocks) + "\n"
