"""Quizzes: one file per section (or topic), questions of seven types, every option explained."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from advisor.models.base import Frozen, Id, SourceRef, Text
from advisor.models.content import Difficulty


class Option(Frozen):
    """A choice with the reason it is right or wrong; a wrong one may name the misconception it tempts."""

    id: Id
    text: Text
    correct: bool = False
    explanation: Text
    misconception: Id | None = None


class _Question(Frozen):
    id: Id
    revision: int = Field(default=1, ge=1)  # bump when the meaning changes: its schedule restarts
    prompt: Text
    difficulty: Difficulty
    tags: list[Id] = []
    tests: list[Id] = []  # the checklist items or concepts it checks (the shipped quizzes always say)
    explanation: Text  # shown after any answer
    sources: list[SourceRef] = []  # for a provider-specific limit, price or version it relies on


class SingleChoice(_Question):
    type: Literal["single"]
    options: list[Option] = Field(min_length=2)

    @model_validator(mode="after")
    def _one_correct(self) -> SingleChoice:
        n = sum(o.correct for o in self.options)
        if n != 1:
            raise ValueError(f"a single-choice question needs exactly one correct option, found {n}")
        return self


class MultipleChoice(_Question):
    type: Literal["multiple"]
    options: list[Option] = Field(min_length=3)

    @model_validator(mode="after")
    def _some_correct(self) -> MultipleChoice:
        n = sum(o.correct for o in self.options)
        if n < 1 or n == len(self.options):
            raise ValueError(f"a multiple-choice question needs some (not all) options correct, found {n} of {len(self.options)}")
        return self


class TrueFalse(_Question):
    type: Literal["true_false"]
    answer: bool
    if_true: Text  # explanation shown for the answer "true"
    if_false: Text


class ShortAnswer(_Question):
    type: Literal["short"]
    accepted: list[Text] = Field(min_length=1)  # case and spacing are forgiven when grading


class Numeric(_Question):
    type: Literal["numeric"]
    unit: Text | None = None
    answer: float | None = None
    tolerance: float = Field(default=0, ge=0)
    min: float | None = None
    max: float | None = None

    @model_validator(mode="after")
    def _answer_or_range(self) -> Numeric:
        has_range = self.min is not None and self.max is not None
        if (self.answer is None) == (not has_range) or (self.min is None) != (self.max is None):
            raise ValueError("give either `answer` (with an optional `tolerance`) or both `min` and `max`")
        if has_range and self.max < self.min:  # type: ignore[operator]
            raise ValueError(f"max ({self.max}) is smaller than min ({self.min})")
        return self

    def bounds(self) -> tuple[float, float]:
        """The accepted interval, inclusive."""
        if self.answer is not None:
            return self.answer - self.tolerance, self.answer + self.tolerance
        return self.min, self.max  # type: ignore[return-value]


class OrderItem(Frozen):
    id: Id
    text: Text


class Ordering(_Question):
    type: Literal["ordering"]
    items: list[OrderItem] = Field(min_length=3)  # in the correct order; shown shuffled


class Pair(Frozen):
    id: Id
    left: Text
    right: Text
    explanation: Text | None = None


class Matching(_Question):
    type: Literal["matching"]
    pairs: list[Pair] = Field(min_length=3)


QuizQuestion = Annotated[
    SingleChoice | MultipleChoice | TrueFalse | ShortAnswer | Numeric | Ordering | Matching,
    Field(discriminator="type"),
]


class Quiz(Frozen):
    """The quiz of one section, or of one topic of a section (GraphQL and gRPC have one each)."""

    kind: Literal["quiz"]
    id: Id
    title: Text
    section: Id | None = None  # None for a quiz of a user's own, e.g. imported from GIFT
    topic: Id | None = None
    questions: list[QuizQuestion] = Field(min_length=1)
