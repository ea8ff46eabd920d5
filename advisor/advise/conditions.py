"""Evaluating rule conditions over answers, with 'not sure' as a third truth value.

An unanswered question makes a test UNKNOWN (None), and `all`, `any` and `not` follow Kleene's
three-valued logic, so a rule never fires on an answer the user did not give.
"""

from __future__ import annotations

from collections.abc import Mapping

from advisor.models.rules import Condition, Question

Value = str | frozenset[str]


def evaluate(cond: Condition, answers: Mapping[str, Value], questions: Mapping[str, Question]) -> bool | None:
    """True, False, or None when the answers needed to decide are missing."""
    if cond.always:
        return True
    if cond.all is not None:
        results = [evaluate(c, answers, questions) for c in cond.all]
        return False if False in results else (None if None in results else True)
    if cond.any is not None:
        results = [evaluate(c, answers, questions) for c in cond.any]
        return True if True in results else (None if None in results else False)
    if cond.not_ is not None:
        inner = evaluate(cond.not_, answers, questions)
        return None if inner is None else not inner
    assert cond.question is not None  # guaranteed by the model's validator
    value = answers.get(cond.question)
    if value is None:
        return None
    if cond.includes is not None:
        return cond.includes in value
    if cond.is_ is not None:
        return value == cond.is_
    if cond.in_ is not None:
        return value in cond.in_
    order = [c.id for c in questions[cond.question].choices]
    position = order.index(value)  # type: ignore[arg-type]
    if cond.at_least is not None:
        return position >= order.index(cond.at_least)
    return position <= order.index(cond.at_most)  # type: ignore[arg-type]
