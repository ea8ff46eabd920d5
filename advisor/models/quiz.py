"""Quizzes: one file per section (or topic), questions of seven types, every option explained.

Each question type carries its own behaviour: how a response to it is graded (`grade`) and
which of its parts a session shuffles (`choice_ids`). Responses by type: single → an option id;
multiple → option ids; true_false → bool; short → text; numeric → a number (or text holding
one); ordering → item ids in the order given; matching → {pair id of a left side: pair id whose
right side was chosen}. A response of the wrong shape is graded wrong, never an exception.

Adding a type: a class here (in `QuizQuestion`), then one entry in each front end's table
(`tui.widgets.answers.ANSWER_WIDGETS`, `cli.plain.PLAIN_PROMPTS`, `interop.gift.writer.GIFT_WRITERS`,
`interop.anki.notes.ANKI_WRITERS`); a test fails until every table has it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Annotated, Any, ClassVar, Literal, get_args

from pydantic import Field, model_validator

from advisor.models.base import DataModel, Id, SourceRef, Text
from advisor.models.content import Difficulty
from advisor.text.answers import near_spelling, normalise_text, parse_number, two_answers

RIGHT, WRONG = "✓", "✗"  # the marks on feedback lines and on the options themselves
RIGHT_VERDICT, WRONG_VERDICT = "Right", "Not quite"


@dataclass(frozen=True)
class Grade:
    """Whether the answer is right, and the explanations the learner should read.

    `verdict` is the headline, worded by the question type ("Partly right — 4 of 5 in place");
    `marks` says, per entry id, whether it is right: for options, whether the option is a right
    one; for ordering items, whether the item is in its place; for matching, whether the pair
    (by the id of its left side) was matched. Lines in `chosen` may start with ✓ or ✗.
    """

    correct: bool
    credit: float  # 0..1; partial credit for multiple, ordering and matching, not scheduled
    chosen: list[str]  # explanations of what the learner chose (why it was right or wrong)
    expected: list[str]  # what was right, with its explanation, when the answer was not
    misconceptions: list[str]
    verdict: str = ""
    marks: dict[str, bool] = field(default_factory=dict)
    overridden: bool = False  # the learner said the grade was wrong (self-grading)

    @property
    def headline(self) -> str:
        """The verdict with its mark: `✓ Right`, `✗ Partly right — 2 of 3 matched`."""
        verdict = self.verdict or (RIGHT_VERDICT if self.correct else WRONG_VERDICT)
        return f"{RIGHT if self.correct else WRONG} {verdict}"

    def overridden_to(self, correct: bool) -> Grade:
        """This grade as the learner called it ("I was right" / "I was wrong")."""
        verdict = "Right (your call)" if correct else "Not quite (your call)"
        return replace(self, correct=correct, credit=float(correct), verdict=verdict, overridden=True)


def _all_or_nothing(ok: bool, expected: list[str], chosen: list[str] | None = None) -> Grade:
    return Grade(ok, float(ok), chosen or [], [] if ok else expected, [])


def _partly(right: int, total: int, what: str, none: str, extra: str = "") -> str:
    """The one wording of a partial answer: 'Partly right — 4 of 5 in place', or 'Not quite — none in place'."""
    if right == 0:
        return f"{WRONG_VERDICT} — {none}{extra}"
    return f"Partly right — {right} of {total} {what}{extra}"


def _marked(ok: bool, line: str) -> str:
    return f"{RIGHT if ok else WRONG} {line}"


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
    # Whether the entries in file order are the answer (ordering): a session never shows them so.
    order_is_answer: ClassVar[bool] = False
    # Whether the learner may overrule the grade ("I was right"), as in Anki: typed free text only.
    overridable: ClassVar[bool] = False

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
            marks={o.id: o.correct for o in self.options},
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
        # each pick says whether it was right: a wrong pick must not hide among the right ones
        chosen = [_marked(o.correct, f"{o.text}: {o.explanation}") for o in self.options if o.id in picked]
        missed = [f"{o.text}: {o.explanation}" for o in self.options if o.correct and o.id not in picked]
        misconceptions = [o.misconception for o in self.options if o.id in picked and o.misconception]
        wrong_picks = len(picked & wrong)
        extra = f", {wrong_picks} wrong pick{'s' if wrong_picks > 1 else ''}" if wrong_picks else ""
        verdict = (
            RIGHT_VERDICT
            if ok
            else _partly(len(picked & right), len(right), "right options picked", "no right option picked", extra)
        )
        marks = {o.id: o.correct for o in self.options}
        return Grade(ok, 1.0 if ok else credit, chosen, missed, misconceptions, verdict, marks)


class TrueFalse(_Question):
    type: Literal["true_false"]
    answer: bool
    if_true: Text  # explanation shown for the answer "true"
    if_false: Text

    def grade(self, response: Any) -> Grade:
        ok = isinstance(response, bool) and response == self.answer
        told = self.if_true if response is True else self.if_false if response is False else None
        right = self.if_true if self.answer else self.if_false
        grade = _all_or_nothing(ok, [f"{self.answer}: {right}"], [told] if told else [])
        return replace(grade, marks={"true": self.answer, "false": not self.answer})


class ShortAnswer(_Question):
    overridable: ClassVar[bool] = True
    type: Literal["short"]
    accepted: list[Text] = Field(min_length=1)  # case and spacing are forgiven when grading
    # Near misses that name another real thing ('istio' for 'istiod', 'EventStoreDB'): wrong even
    # when they are one slip away from an accepted answer, which would otherwise pass as a typo.
    rejected: list[Text] = []

    def grade(self, response: Any) -> Grade:
        given = normalise_text(response) if isinstance(response, str) else ""
        accepted = [f"Accepted: {', '.join(self.accepted)}"]
        right = {normalise_text(a) for a in self.accepted}
        if given and given in right:
            return _all_or_nothing(True, accepted)
        if not given or given in {normalise_text(r) for r in self.rejected}:
            return _all_or_nothing(False, accepted)
        # one thing named twice, by name and by number: '4 (DEADLINE_EXCEEDED)', 'code 8 RESOURCE_EXHAUSTED'
        if any(a in right and b in right for a, b in two_answers(response)):
            return _all_or_nothing(True, accepted)
        # one slip of the keyboard in a long word is forgiven, and said so
        near = next((a for a in self.accepted if near_spelling(given, normalise_text(a))), None)
        if near is not None:
            return Grade(True, 1.0, [], [], [], f"{RIGHT_VERDICT} — accepted a near spelling of “{near}”")
        return _all_or_nothing(False, accepted)

    def consistency(self) -> list[tuple[tuple[str | int, ...], str]]:
        right = {normalise_text(a) for a in self.accepted}
        return [
            (("rejected", n), f"{answer!r} is also accepted; an answer cannot be both")
            for n, answer in enumerate(self.rejected)
            if normalise_text(answer) in right
        ]


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
    order_is_answer: ClassVar[bool] = True
    type: Literal["ordering"]
    items: list[OrderItem] = Field(min_length=3)  # in the correct order; shown shuffled

    def grade(self, response: Any) -> Grade:
        expected = [i.id for i in self.items]
        given = list(response) if isinstance(response, list | tuple) else []
        ok = given == expected
        credit = 0.0
        complete = sorted(given) == sorted(expected)
        if complete:  # share of pairs in the right relative order
            position = {item: n for n, item in enumerate(given)}
            pairs = [(a, b) for i, a in enumerate(expected) for b in expected[i + 1 :]]
            credit = sum(position[a] < position[b] for a, b in pairs) / len(pairs)
        text = {i.id: i.text for i in self.items}
        place = {item: n for n, item in enumerate(expected, 1)}
        marks = {item: complete and n == place[item] for n, item in enumerate(given, 1) if item in place}
        # positions as numbers: where each step was put, and where it belongs when that differs
        chosen = (
            [
                _marked(marks[item], f"{n}. {text[item]}" + ("" if marks[item] else f" (belongs at {place[item]})"))
                for n, item in enumerate(given, 1)
                if item in place
            ]
            if complete and not ok
            else []
        )
        right_order = [f"{n}. {i.text}" for n, i in enumerate(self.items, 1)]
        verdict = RIGHT_VERDICT if ok else _partly(sum(marks.values()), len(expected), "in place", "none in place")
        return Grade(ok, 1.0 if ok else credit, chosen, [] if ok else right_order, [], verdict, marks)


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
        marks = {p.id: given.get(p.id) == p.id for p in self.pairs}
        right = sum(marks.values())
        ok = right == len(self.pairs)
        by_id = {p.id: p.right for p in self.pairs}
        # the learner's match beside the right one
        chosen = (
            [
                _marked(marks[p.id], f"{p.left} → {by_id.get(str(given.get(p.id)), 'nothing')}")
                + ("" if marks[p.id] else f" (right: {p.right})")
                for p in self.pairs
            ]
            if not ok
            else []
        )
        # the right matches of the pairs missed (the learner's own are beside them in `chosen`)
        expected = [
            f"{p.left} → {p.right}" + (f": {p.explanation}" if p.explanation else "")
            for p in self.pairs
            if not marks[p.id]
        ]
        verdict = RIGHT_VERDICT if ok else _partly(right, len(self.pairs), "matched", "none matched")
        return Grade(ok, right / len(self.pairs), chosen, expected, [], verdict, marks)

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
