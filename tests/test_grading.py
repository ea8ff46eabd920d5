"""Grading every question type, forgiving where people are and never crashing on odd input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.loading.catalog import load_catalog
from advisor.models.quiz import (
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from advisor.text.answers import normalise_text, parse_number
from tests.conftest import examples

BASE = {"prompt": "P", "difficulty": "easy", "tests": [], "explanation": "E"}


def opt(id_: str, correct: bool = False, misconception: str | None = None) -> dict:
    return {
        "id": id_,
        "text": id_.upper(),
        "correct": correct,
        "explanation": f"why {id_}",
        "misconception": misconception,
    }


def test_single_choice() -> None:
    q = SingleChoice.model_validate(
        {**BASE, "id": "q", "type": "single", "options": [opt("a", True), opt("b", misconception="m")]}
    )
    assert q.grade("a").correct
    wrong = q.grade("b")
    assert (
        not wrong.correct
        and wrong.misconceptions == ["m"]
        and wrong.chosen == ["B: why b"]
        and wrong.expected == ["A: why a"]
    )
    assert not q.grade("zzz").correct and not q.grade(["a"]).correct


def test_multiple_choice_needs_every_right_option() -> None:
    q = MultipleChoice.model_validate(
        {**BASE, "id": "q", "type": "multiple", "options": [opt("a", True), opt("b", True), opt("c"), opt("d")]}
    )
    assert q.grade(["b", "a"]).correct
    partial = q.grade(["a"])
    assert not partial.correct and partial.credit == 0.5
    assert q.grade(["a", "c"]).credit == 0.0
    assert not q.grade("a").correct


def test_true_false_explains_both_sides() -> None:
    q = TrueFalse.model_validate(
        {**BASE, "id": "q", "type": "true_false", "answer": False, "if_true": "T!", "if_false": "F!"}
    )
    assert q.grade(False).correct and q.grade(False).chosen == ["F!"]
    assert not q.grade(True).correct and q.grade(True).chosen == ["T!"]
    assert not q.grade("false").correct


def test_short_answer_forgives_case_spacing_and_punctuation() -> None:
    q = ShortAnswer.model_validate({**BASE, "id": "q", "type": "short", "accepted": ["DataLoader", "data loader"]})
    for typed in ("dataloader", "  DATA   loader. ", "data-loader", "Data_Loader"):
        assert q.grade(typed).correct, typed
    assert not q.grade("loader").correct and not q.grade("").correct and not q.grade(None).correct


def test_short_answer_glosses_and_rejected_near_misses() -> None:
    q = ShortAnswer.model_validate(
        {**BASE, "id": "q", "type": "short", "accepted": ["istiod", "pilot discovery"], "rejected": ["istio"]}
    )
    assert q.grade("istiod (pilot-discovery)").correct and q.grade("istiod, pilot discovery").correct
    assert not q.grade("istio").correct and not q.grade("istiod (istio)").correct
    assert q.grade("istid").correct  # a slip in a long word still passes
    both = ShortAnswer.model_validate(
        {**BASE, "id": "b", "type": "short", "accepted": ["istiod"], "rejected": ["IstioD"]}
    )
    assert both.consistency() == [(("rejected", 0), "'IstioD' is also accepted; an answer cannot be both")]


def test_numeric_tolerance_and_range() -> None:
    exact = Numeric.model_validate({**BASE, "id": "q", "type": "numeric", "answer": 500, "tolerance": 10, "unit": "ms"})
    assert exact.grade("505 ms").correct and exact.grade(490).correct and not exact.grade(511).correct
    ranged = Numeric.model_validate({**BASE, "id": "r", "type": "numeric", "min": 160, "max": 600})
    assert ranged.grade("1,00").correct is False and ranged.grade("600").correct and not ranged.grade("n/a").correct
    assert parse_number("1,000 req/s") == 1000 and parse_number(float("nan")) is None and parse_number(True) is None


def test_ordering_with_partial_credit() -> None:
    q = Ordering.model_validate(
        {**BASE, "id": "q", "type": "ordering", "items": [{"id": i, "text": i} for i in ("a", "b", "c", "d")]}
    )
    assert q.grade(["a", "b", "c", "d"]).correct
    swapped = q.grade(["b", "a", "c", "d"])
    assert not swapped.correct and round(swapped.credit, 2) == 0.83
    assert q.grade(["a"]).credit == 0.0


def test_matching() -> None:
    pairs = [{"id": i, "left": f"L{i}", "right": f"R{i}"} for i in ("a", "b", "c")]
    q = Matching.model_validate({**BASE, "id": "q", "type": "matching", "pairs": pairs})
    assert q.grade({"a": "a", "b": "b", "c": "c"}).correct
    half = q.grade({"a": "a", "b": "c", "c": "b"})
    assert not half.correct and round(half.credit, 2) == 0.33 and half.expected == ["Lb → Rb", "Lc → Rc"]


def test_normalise_text() -> None:
    assert normalise_text("  Ｄata-Loader!! ") == "data loader"


SHIPPED = [q for quiz in load_catalog().quizzes for q in quiz.questions]
ANY = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.lists(st.text(max_size=10), max_size=6),
    st.dictionaries(st.text(max_size=8), st.text(max_size=8), max_size=5),
)


@settings(max_examples=examples(300), deadline=None)
@given(index=st.integers(min_value=0, max_value=len(SHIPPED) - 1), response=ANY)
def test_random_answers_never_crash_grading(index: int, response: object) -> None:
    result = SHIPPED[index].grade(response)
    assert 0.0 <= result.credit <= 1.0


def test_partial_answers_are_worded_by_question_type() -> None:
    """'✗ Not quite (93% credit)' said nothing of what was wrong; the verdict now counts it."""
    ordering = Ordering.model_validate(
        {**BASE, "id": "o", "type": "ordering", "items": [{"id": i, "text": i.upper()} for i in "abcde"]}
    )
    swapped = ordering.grade(["a", "b", "c", "e", "d"])
    assert swapped.headline == "✗ Partly right — 3 of 5 in place"
    assert ordering.grade(list("abcde")).headline == "✓ Right"
    pairs = [{"id": i, "left": f"L{i}", "right": f"R{i}"} for i in ("a", "b", "c")]
    matching = Matching.model_validate({**BASE, "id": "m", "type": "matching", "pairs": pairs})
    assert matching.grade({"a": "a", "b": "c", "c": "b"}).headline == "✗ Partly right — 1 of 3 matched"
    assert matching.grade({"a": "b", "b": "c", "c": "a"}).headline == "✗ Not quite — none matched"
    several = MultipleChoice.model_validate(
        {**BASE, "id": "s", "type": "multiple", "options": [opt("a", True), opt("b", True), opt("c"), opt("d")]}
    )
    assert several.grade(["a", "c"]).headline == "✗ Partly right — 1 of 2 right options picked, 1 wrong pick"
    assert several.grade(["c"]).headline == "✗ Not quite — no right option picked, 1 wrong pick"


def test_feedback_marks_each_pick_position_and_match() -> None:
    several = MultipleChoice.model_validate(
        {**BASE, "id": "s", "type": "multiple", "options": [opt("a", True), opt("b", True), opt("c"), opt("d")]}
    )
    graded = several.grade(["a", "c"])
    assert graded.chosen == ["✓ A: why a", "✗ C: why c"]  # the wrong pick says so
    assert graded.expected == ["B: why b"] and graded.marks == {"a": True, "b": True, "c": False, "d": False}
    ordering = Ordering.model_validate(
        {**BASE, "id": "o", "type": "ordering", "items": [{"id": i, "text": i.upper()} for i in "abc"]}
    )
    graded = ordering.grade(["b", "a", "c"])
    assert graded.chosen == ["✗ 1. B (belongs at 2)", "✗ 2. A (belongs at 1)", "✓ 3. C"]
    assert graded.expected == ["1. A", "2. B", "3. C"] and graded.marks == {"a": False, "b": False, "c": True}
    pairs = [{"id": i, "left": f"L{i}", "right": f"R{i}"} for i in ("a", "b", "c")]
    matching = Matching.model_validate({**BASE, "id": "m", "type": "matching", "pairs": pairs})
    graded = matching.grade({"a": "a", "b": "c", "c": "b"})
    assert graded.chosen == ["✓ La → Ra", "✗ Lb → Rc (right: Rb)", "✗ Lc → Rb (right: Rc)"]


def test_one_slip_in_a_long_word_is_forgiven_and_said() -> None:
    q = ShortAnswer.model_validate({**BASE, "id": "q", "type": "short", "accepted": ["DataLoader", "data loader"]})
    for typed in ("dataloder", "dataloaderr", "datalpader"):
        graded = q.grade(typed)
        assert graded.correct and graded.headline == "✓ Right — accepted a near spelling of “DataLoader”", typed
    assert q.grade("data loder").verdict == "Right — accepted a near spelling of “data loader”"
    assert not q.grade("dataloadre").correct  # two edits (a swap) is no longer a slip
    short = ShortAnswer.model_validate({**BASE, "id": "t", "type": "short", "accepted": ["gRPC", "wasm32-wasip1"]})
    assert not short.grade("grpx").correct  # a short word is too easily another word
    assert not short.grade("wasm32-wasip2").correct  # in identifiers one character is the point


def test_a_grade_can_be_overridden_by_the_learner() -> None:
    q = ShortAnswer.model_validate({**BASE, "id": "q", "type": "short", "accepted": ["DataLoader"]})
    mine = q.grade("batching loader").overridden_to(True)
    assert mine.correct and mine.overridden and mine.headline == "✓ Right (your call)"


@pytest.mark.parametrize("typed", ["101", "101 queries", "~101", "1,000", "6,9", "6.9", "160 ms", "-3", "1 000"])
def test_one_number_is_taken_as_typed(typed: str) -> None:
    from advisor.quiz.typed_input import read_number

    assert read_number(typed, "queries") == typed


@pytest.mark.parametrize("typed", ["two", "abc", "", "1O1", "1e3", "0x10", "2.5-3", "10 or 12"])
def test_text_that_is_not_one_number_is_refused_with_a_hint_not_graded(typed: str) -> None:
    from advisor.quiz.typed_input import Invalid, read_number

    said = read_number(typed, "queries")
    assert isinstance(said, Invalid) and said.message.startswith("type one number (queries), in digits")
