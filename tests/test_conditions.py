"""Conditions: three-valued logic, so a rule never fires on an answer the user did not give."""

from __future__ import annotations

import pytest

from advisor.advise.conditions import evaluate
from advisor.models.rules import Condition


def cond(data: dict) -> Condition:
    return Condition.model_validate(data)


@pytest.fixture
def questions(catalog):
    return {q.id: q for q in catalog.questions}


def test_tests_on_one_question(questions) -> None:
    answers = {"service_count": "few", "clients": frozenset({"browser", "mobile"})}
    assert evaluate(cond({"question": "service_count", "is": "few"}), answers, questions) is True
    assert evaluate(cond({"question": "service_count", "in": ["one", "many"]}), answers, questions) is False
    assert evaluate(cond({"question": "service_count", "at_least": "few"}), answers, questions) is True
    assert evaluate(cond({"question": "service_count", "at_least": "many"}), answers, questions) is False
    assert evaluate(cond({"question": "service_count", "at_most": "one"}), answers, questions) is False
    assert evaluate(cond({"question": "clients", "includes": "mobile"}), answers, questions) is True
    assert evaluate(cond({"question": "clients", "includes": "third_party"}), answers, questions) is False


def test_unanswered_is_unknown_and_kleene_logic(questions) -> None:
    unknown = {"question": "ops_maturity", "is": "low"}
    true = {"always": True}
    false = {"not": {"always": True}}
    assert evaluate(cond(unknown), {}, questions) is None
    assert evaluate(cond({"not": unknown}), {}, questions) is None
    assert evaluate(cond({"all": [true, unknown]}), {}, questions) is None
    assert evaluate(cond({"all": [false, unknown]}), {}, questions) is False
    assert evaluate(cond({"any": [true, unknown]}), {}, questions) is True
    assert evaluate(cond({"any": [false, unknown]}), {}, questions) is None


@pytest.mark.parametrize(
    "data",
    [
        {"question": "x"},
        {"question": "x", "is": "a", "in": ["b"]},
        {"all": [{"always": True}], "question": "x", "is": "a"},
        {"always": True, "not": {"always": True}},
    ],
)
def test_a_condition_has_exactly_one_form(data) -> None:
    with pytest.raises(ValueError):
        cond(data)
