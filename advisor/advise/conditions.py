"""Evaluating rule conditions over answers, with 'not sure' as a third truth value.

An unanswered question makes a test UNKNOWN (None), and `all`, `any` and `not` follow Kleene's
three-valued logic, so a rule never fires on an answer the user did not give. The tests
themselves come from the one operator table, `models.rules.OPERATORS`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from advisor.models.rules import Condition, Question

# An answer as the engine reads it: one choice id, or the set of choices of a several-choice question.
NormalisedAnswer = str | frozenset[str]


def evaluate(
    cond: Condition,
    answers: Mapping[str, NormalisedAnswer],
    questions: Mapping[str, Question],
    skipped: Collection[str] = (),
) -> bool | None:
    """True, False, or None when the answers needed to decide are missing.

    A test on a question in `skipped` (one that was never asked) is False rather than unknown:
    the questionnaire passes them, so a question that follows from a skipped one is skipped too.
    """
    if cond.always:
        return True
    if cond.all is not None:
        results = [evaluate(c, answers, questions, skipped) for c in cond.all]
        return False if False in results else (None if None in results else True)
    if cond.any is not None:
        results = [evaluate(c, answers, questions, skipped) for c in cond.any]
        return True if True in results else (None if None in results else False)
    if cond.not_ is not None:
        inner = evaluate(cond.not_, answers, questions, skipped)
        return None if inner is None else not inner
    test = cond.test()
    assert test is not None and cond.question is not None  # guaranteed by the model's validator
    if cond.question in skipped:
        return False
    value = answers.get(cond.question)
    if value is None:
        return None
    operator, argument = test
    return operator.holds(value, argument, [c.id for c in questions[cond.question].choices])


def describe(cond: Condition) -> str:
    """A condition in words, as its YAML says it: 'clients includes browser and not (service_count is one)'."""
    if cond.always:
        return "always"
    if cond.all is not None:
        return " and ".join(_grouped(c) for c in cond.all)
    if cond.any is not None:
        return " or ".join(_grouped(c) for c in cond.any)
    if cond.not_ is not None:
        return f"not {_grouped(cond.not_)}"
    test = cond.test()
    assert test is not None  # guaranteed by the model's validator
    operator, argument = test
    shown = "[" + ", ".join(argument) + "]" if isinstance(argument, list) else argument
    return f"{cond.question} {operator.name} {shown}"


def _grouped(cond: Condition) -> str:
    text = describe(cond)
    return f"({text})" if cond.all is not None or cond.any is not None else text
