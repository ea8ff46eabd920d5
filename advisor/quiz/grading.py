"""Grading one answer to one quiz question: pure, total, and forgiving where people are.

Responses by type: single → an option id; multiple → option ids; true_false → bool;
short → text; numeric → a number (or text that parses as one); ordering → item ids in the
order given; matching → {pair id of a left side: pair id whose right side was chosen}.
A response of the wrong shape is graded wrong, never an exception.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from advisor.models.quiz import (
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    QuizQuestion,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)


@dataclass(frozen=True)
class Grade:
    """Whether the answer is right, and the explanations the learner should read."""

    correct: bool
    credit: float  # 0..1; partial credit for multiple, ordering and matching, shown but not scheduled
    chosen: list[str]  # explanations of what the learner chose (why it was right or wrong)
    expected: list[str]  # what was right, with its explanation, when the answer was not
    misconceptions: list[str]


def normalise_text(text: str) -> str:
    """Case, spacing, '-' '_' and trailing punctuation forgiven: 'Data-Loader.' == 'data loader'."""
    text = unicodedata.normalize("NFKC", text).casefold().strip()
    text = re.sub(r"[-_\s]+", " ", text)
    return text.rstrip(".!?;:, ").strip()


def parse_number(value: Any) -> float | None:
    """A float from a number or from text such as '1,000', '160 ms' or '2.5'; None if there is none."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    if not isinstance(value, str):
        return None
    match = re.search(r"-?\d[\d,_]*(?:\.\d+)?|-?\.\d+", value.replace(" ", ""))
    if not match:
        return None
    try:
        number = float(match.group(0).replace(",", "").replace("_", ""))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def grade(question: QuizQuestion, response: Any) -> Grade:
    """Grade `response` to `question`; see the module docstring for the shape of each response."""
    if isinstance(question, SingleChoice):
        return _single(question, response)
    if isinstance(question, MultipleChoice):
        return _multiple(question, response)
    if isinstance(question, TrueFalse):
        ok = isinstance(response, bool) and response == question.answer
        told = question.if_true if response is True else question.if_false if response is False else None
        right = question.if_true if question.answer else question.if_false
        return Grade(ok, float(ok), [told] if told else [], [] if ok else [f"{question.answer}: {right}"], [])
    if isinstance(question, ShortAnswer):
        given = normalise_text(response) if isinstance(response, str) else ""
        ok = bool(given) and given in {normalise_text(a) for a in question.accepted}
        return Grade(ok, float(ok), [], [] if ok else [f"Accepted: {', '.join(question.accepted)}"], [])
    if isinstance(question, Numeric):
        value = parse_number(response)
        low, high = question.bounds()
        ok = value is not None and low - 1e-9 <= value <= high + 1e-9
        unit = f" {question.unit}" if question.unit else ""
        span = f"{question.answer:g}{unit} (± {question.tolerance:g})" if question.answer is not None else f"{low:g}–{high:g}{unit}"
        return Grade(ok, float(ok), [], [] if ok else [f"Accepted: {span}"], [])
    if isinstance(question, Ordering):
        return _ordering(question, response)
    return _matching(question, response)


def _single(q: SingleChoice, response: Any) -> Grade:
    by_id = {o.id: o for o in q.options}
    chosen = by_id.get(response) if isinstance(response, str) else None
    right = next(o for o in q.options if o.correct)
    ok = chosen is not None and chosen.correct
    return Grade(
        ok,
        float(ok),
        [f"{chosen.text}: {chosen.explanation}"] if chosen else [],
        [] if ok else [f"{right.text}: {right.explanation}"],
        [chosen.misconception] if chosen and chosen.misconception else [],
    )


def _multiple(q: MultipleChoice, response: Any) -> Grade:
    picked = set(response) if isinstance(response, list | tuple | set | frozenset) else set()
    right = {o.id for o in q.options if o.correct}
    wrong = {o.id for o in q.options if not o.correct}
    ok = picked == right
    # partial credit as Moodle's weights do: +1/k per right pick, -1/m per wrong pick, floored at 0
    credit = max(0.0, len(picked & right) / len(right) - len(picked & wrong) / len(wrong))
    chosen = [f"{o.text}: {o.explanation}" for o in q.options if o.id in picked]
    missed = [f"{o.text}: {o.explanation}" for o in q.options if o.correct and o.id not in picked]
    misconceptions = [o.misconception for o in q.options if o.id in picked and o.misconception]
    return Grade(ok, 1.0 if ok else credit, chosen, missed, misconceptions)


def _ordering(q: Ordering, response: Any) -> Grade:
    expected = [i.id for i in q.items]
    given = list(response) if isinstance(response, list | tuple) else []
    ok = given == expected
    credit = 0.0
    if sorted(given) == sorted(expected):  # share of pairs in the right relative order
        position = {item: n for n, item in enumerate(given)}
        pairs = [(a, b) for i, a in enumerate(expected) for b in expected[i + 1 :]]
        credit = sum(position[a] < position[b] for a, b in pairs) / len(pairs)
    order = " → ".join(i.text for i in q.items)
    return Grade(ok, 1.0 if ok else credit, [], [] if ok else [f"The order: {order}"], [])


def _matching(q: Matching, response: Any) -> Grade:
    given = response if isinstance(response, dict) else {}
    right = sum(1 for p in q.pairs if given.get(p.id) == p.id)
    ok = right == len(q.pairs)
    expected = [] if ok else [f"{p.left} → {p.right}" + (f": {p.explanation}" if p.explanation else "") for p in q.pairs]
    return Grade(ok, right / len(q.pairs), [], expected, [])
