"""Quizzes: one file per section (or topic), questions of seven types, every option explained.

Each question type carries its own behaviour: how a response to it is graded (`grade`) and
which of its parts a session shuffles (`choice_ids`). Responses by type: single → an option id;
multiple → option ids; true_false → bool; short → text; numeric → a number (or text holding
one); ordering → item ids in the order given; matching → {pair id of a left side: pair id whose
right side was chosen}. A response of the wrong shape is graded wrong, never an exception.

Adding a type: a class here (in `QuizQuestion`), then one entry in each front end's table
(`tui.widgets.answers.ANSWER_WIDGETS`, `cli.plain.PLAIN_PROMPTS`, `interop.gift.writer.GIFT_WRITERS`);
a test fails until every table has it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Literal, get_args

from pydantic import Field, model_validator

from advisor.models.base import DataModel, Id, SourceRef, Text
from advisor.models.content import Difficulty
from advisor.text.answers import normalise_text, parse_number


@dataclass(frozen=True)
class Grade:
    """Whether the answer is right, and the explanations the learner should read."""

    correct: bool
    credit: float  # 0..1; partial credit for multiple, ordering and matching, shown but not scheduled
    chosen: list[str]  # explanations of what the learner chose (why it was right or wrong)
    expected: list[str]  # what was right, with its explanation, when the answer was not
    misconceptions: list[str]


def _all_or_nothing(ok: bool, expected: list[str], chosen: list[str] | None = None) -> Grade:
    return Grade(ok, float(ok), chosen or [], [] if ok else expected, [])


class Option(DataModel):
    """A choice with the reason it is right or wrong; a wrong one may name the misconception it tempts."""

    id: Id
    text: Text
    correct: bool = False
    explanation: Text
    misconception: Id | None = None


class _Question(DataModel):
    # The field holding this type's id'd entries (options, items, pairs): their ids are unique
    # within the question, and a session shows them shuffled.
    listed: ClassVar[str | None] = None

    id: Id
    revision: int = Field(default=1, ge=1)  # bump when the meaning changes: its schedule restarts
    prompt: Text
    difficulty: Difficulty
    tags: list[Id] = []
    tests: list[Id] = []  # the checklist items or concepts it checks (the shipped quizzes always say)
    explanation: Text  # shown after any answer
    sources: list[SourceRef] = []  # for a provider-specific limit, price or version it relies on

    def grade(self, response: Any) -> Grade:  # pragma: no cover - every type defines it
        """Grade `response`; see the module docstring for the shape each type expects."""
        raise NotImplementedError

    def choice_ids(self) -> list[str]:
        """The ids of the entries a session shuffles (options, items, right sides), in file order."""
        return [entry.id for entry in getattr(self, self.listed)] if self.listed else []

    def consistency(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Problems the schema cannot express, as (field path within the question, message)."""
        return []


class SingleChoice(_Question):
    listed: ClassVar[str | None] = "options"
    type: Literal["single"]
    options: list[Option] = Field(min_length=2)

    @model_validator(mode="after")
    def _one_correct(self) -> SingleChoice:
        n = sum(o.correct for o in self.options)
        if n != 1:
            raise ValueError(f"a single-choice question needs exactly one correct option, found {n}")
        return self

    def grade(self, response: Any) -> Grade:
        chosen = next((o for o in self.options if o.id == response), None) if isinstance(response, str) else None
        right = next(o for o in self.options if o.correct)
        ok = chosen is not None and chosen.correct
        return Grade(
            ok,
            float(ok),
            [f"{chosen.text}: {chosen.explanation}"] if chosen else [],
            [] if ok else [f"{right.text}: {right.explanation}"],
            [chosen.misconception] if chosen and chosen.misconception else [],
        )


class MultipleChoice(_Question):
    listed: ClassVar[str | None] = "options"
    type: Literal["multiple"]
    options: list[Option] = Field(min_length=3)

    @model_validator(mode="after")
    def _some_correct(self) -> MultipleChoice:
        n = sum(o.correct for o in self.options)
        if n < 1 or n == len(self.options):
            raise ValueError(
                f"a multiple-choice question needs some (not all) options correct, found {n} of {len(self.options)}"
            )
        return self

    def grade(self, response: Any) -> Grade:
        picked = set(response) if isinstance(response, list | tuple | set | frozenset) else set()
        right = {o.id for o in self.options if o.correct}
        wrong = {o.id for o in self.options if not o.correct}
        ok = picked == right
        # partial credit as Moodle's weights do: +1/k per right pick, -1/m per wrong pick, floored at 0
        credit = max(0.0, len(picked & right) / len(right) - len(picked & wrong) / len(wrong))
        chosen = [f"{o.text}: {o.explanation}" for o in self.options if o.id in picked]
        missed = [f"{o.text}: {o.explanation}" for o in self.options if o.correct and o.id not in picked]
        misconceptions = [o.misconception for o in self.options if o.id in picked and o.misconception]
        return Grade(ok, 1.0 if ok else credit, chosen, missed, misconceptions)


class TrueFalse(_Question):
    type: Literal["true_false"]
    answer: bool
    if_true: Text  # explanation shown for the answer "true"
    if_false: Text

    def grade(self, response: Any) -> Grade:
        ok = isinstance(response, bool) and response == self.answer
        told = self.if_true if response is True else self.if_false if response is False else None
        right = self.if_true if self.answer else self.if_false
        return _all_or_nothing(ok, [f"{self.answer}: {right}"], [told] if told else [])


class ShortAnswer(_Question):
    type: Literal["short"]
    accepted: list[Text] = Field(min_length=1)  # case and spacing are forgiven when grading

    def grade(self, response: Any) -> Grade:
        given = normalise_text(response) if isinstance(response, str) else ""
        ok = bool(given) and given in {normalise_text(a) for a in self.accepted}
        return _all_or_nothing(ok, [f"Accepted: {', '.join(self.accepted)}"])


class Numeric(_Question):
    type: Literal["numeric"]
    unit: Text | None = None
    answer: float | None = None
    tolerance: float = Field(default=0, ge=0)
    min: float | None = None
    max: float | None = None

    @model_validator(mode="after")
    def _answer_or_range(self) -> Numeric:
        if self.answer is not None:
            if self.min is not None or self.max is not None:
                raise ValueError("give either `answer` (with an optional `tolerance`) or both `min` and `max`")
            return self
        if self.min is None or self.max is None:
            raise ValueError("give either `answer` (with an optional `tolerance`) or both `min` and `max`")
        if self.max < self.min:
            raise ValueError(f"max ({self.max}) is smaller than min ({self.min})")
        return self

    def bounds(self) -> tuple[float, float]:
        """The accepted interval, inclusive."""
        if self.answer is not None:
            return self.answer - self.tolerance, self.answer + self.tolerance
        assert self.min is not None and self.max is not None  # the validator guarantees it
        return self.min, self.max

    def grade(self, response: Any) -> Grade:
        value = parse_number(response)
        low, high = self.bounds()
        ok = value is not None and low - 1e-9 <= value <= high + 1e-9
        unit = f" {self.unit}" if self.unit else ""
        exact = self.answer is not None
        span = f"{self.answer:g}{unit} (± {self.tolerance:g})" if exact else f"{low:g}–{high:g}{unit}"
        return _all_or_nothing(ok, [f"Accepted: {span}"])


class OrderItem(DataModel):
    id: Id
    text: Text


class Ordering(_Question):
    listed: ClassVar[str | None] = "items"
    type: Literal["ordering"]
    items: list[OrderItem] = Field(min_length=3)  # in the correct order; shown shuffled

    def grade(self, response: Any) -> Grade:
        expected = [i.id for i in self.items]
        given = list(response) if isinstance(response, list | tuple) else []
        ok = given == expected
        credit = 0.0
        if sorted(given) == sorted(expected):  # share of pairs in the right relative order
            position = {item: n for n, item in enumerate(given)}
            pairs = [(a, b) for i, a in enumerate(expected) for b in expected[i + 1 :]]
            credit = sum(position[a] < position[b] for a, b in pairs) / len(pairs)
        order = " → ".join(i.text for i in self.items)
        return Grade(ok, 1.0 if ok else credit, [], [] if ok else [f"The order: {order}"], [])


class Pair(DataModel):
    id: Id
    left: Text
    right: Text
    explanation: Text | None = None


class Matching(_Question):
    listed: ClassVar[str | None] = "pairs"
    type: Literal["matching"]
    pairs: list[Pair] = Field(min_length=3)

    def grade(self, response: Any) -> Grade:
        given = response if isinstance(response, dict) else {}
        right = sum(1 for p in self.pairs if given.get(p.id) == p.id)
        ok = right == len(self.pairs)
        expected = [f"{p.left} → {p.right}" + (f": {p.explanation}" if p.explanation else "") for p in self.pairs]
        return Grade(ok, right / len(self.pairs), [], [] if ok else expected, [])

    def consistency(self) -> list[tuple[tuple[str | int, ...], str]]:
        rights = [p.right for p in self.pairs]
        if len(set(rights)) != len(rights):
            return [(("pairs",), "two pairs share a right-hand side; matching would be ambiguous")]
        return []


QuizQuestion = Annotated[
    SingleChoice | MultipleChoice | TrueFalse | ShortAnswer | Numeric | Ordering | Matching,
    Field(discriminator="type"),
]
# Every question type, for the tables keyed by type (and the test that each table has them all).
QUESTION_TYPES: tuple[type[_Question], ...] = get_args(get_args(QuizQuestion)[0])


class Quiz(DataModel):
    """The quiz of one section, or of one topic of a section (GraphQL and gRPC have one each)."""

    kind: Literal["quiz"]
    id: Id
    title: Text
    section: Id | None = None  # None for a quiz of a user's own, e.g. imported from GIFT
    topic: Id | None = None
    questions: list[QuizQuestion] = Field(min_length=1)
