"""The Advise data: the workload questionnaire, the technologies it decides on, and the rules.

Conditions are data, not code: `all`, `any`, `not`, `always`, or a test on one question from
the one table of operators, `OPERATORS` (`is`, `in`, `includes`, and `at_least` / `at_most`
over a question's ordered choices).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import ConfigDict, Field, model_validator

from advisor.models.base import DataModel, Id, SourceRef, Text


class Choice(DataModel):
    id: Id
    label: Text
    help: Text | None = None
    # No longer offered (e.g. it meant the same as "not sure"); its id stays public, so an answer
    # file that gives it still loads, as "not sure".
    retired: bool = False


@dataclass(frozen=True)
class Operator:
    """A test on one question's answer, as a rule writes it: `is`, `in`, `includes`, `at_least`...

    `several` says which questions it applies to: several-choice ones (the answer is a set) or
    single-choice ones (the answer is one choice id). `holds(answer, argument, order)` decides it;
    `order` is the question's choice ids as listed, for the ordered tests.
    """

    name: str  # the key in YAML
    field: str  # the Condition attribute that holds its argument
    several: bool
    holds: Callable[[Any, Any, list[str]], bool]
    help: str


# The one table of condition operators: the model, the engine and the cross-checks all read it.
OPERATORS: dict[str, Operator] = {
    op.name: op
    for op in (
        Operator("is", "is_", False, lambda answer, arg, _: answer == arg, "the answer is this choice"),
        Operator("in", "in_", False, lambda answer, arg, _: answer in arg, "the answer is one of these choices"),
        Operator("includes", "includes", True, lambda answer, arg, _: arg in answer, "the answers include this choice"),
        Operator(
            "at_least",
            "at_least",
            False,
            lambda answer, arg, order: order.index(answer) >= order.index(arg),
            "the answer is this choice or one listed after it",
        ),
        Operator(
            "at_most",
            "at_most",
            False,
            lambda answer, arg, order: order.index(answer) <= order.index(arg),
            "the answer is this choice or one listed before it",
        ),
    )
}
_COMBINATORS = ("all", "any", "not_", "always")


class Condition(DataModel):
    """One test over the answers; exactly one form per condition."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    all: list[Condition] | None = Field(default=None, min_length=1)
    any: list[Condition] | None = Field(default=None, min_length=1)
    not_: Condition | None = Field(default=None, alias="not")
    always: Literal[True] | None = None
    question: Id | None = None
    is_: Id | None = Field(default=None, alias="is")
    in_: list[Id] | None = Field(default=None, alias="in", min_length=1)
    includes: Id | None = None
    at_least: Id | None = None
    at_most: Id | None = None

    @model_validator(mode="after")
    def _one_form(self) -> Condition:
        combinators = [name for name in _COMBINATORS if getattr(self, name) is not None]
        tests = [op.name for op in OPERATORS.values() if getattr(self, op.field) is not None]
        if combinators:
            if len(combinators) > 1 or tests or self.question is not None:
                raise ValueError("use one of all, any, not, always — or question with one test — per condition")
            return self
        if self.question is None or len(tests) != 1:
            raise ValueError(
                f"a condition is all/any/not/always, or `question` with exactly one of {', '.join(OPERATORS)}"
            )
        return self

    def test(self) -> tuple[Operator, Any] | None:
        """The operator and its argument, for a test on one question; None for all/any/not/always."""
        for op in OPERATORS.values():
            argument = getattr(self, op.field)
            if argument is not None:
                return op, argument
        return None

    def children(self) -> list[tuple[tuple[str | int, ...], Condition]]:
        """The nested conditions with where they sit: (("all", 0), c), (("not",), c)..."""
        found: list[tuple[tuple[str | int, ...], Condition]] = []
        for key, nested in (("all", self.all), ("any", self.any)):
            found += [((key, i), c) for i, c in enumerate(nested or [])]
        if self.not_ is not None:
            found.append((("not",), self.not_))
        return found

    def questions(self) -> set[str]:
        """Every question id this condition reads."""
        found = {self.question} if self.question else set()
        for _, child in self.children():
            found |= child.questions()
        return found


class Question(DataModel):
    id: Id
    text: Text
    help: Text
    multiple: bool = False  # several choices allowed
    choices: list[Choice] = Field(min_length=2)
    ask_if: Condition | None = None

    @property
    def offered(self) -> list[Choice]:
        """The choices a front end offers and an answer may count with: all but the retired ones."""
        return [c for c in self.choices if not c.retired]


class Questions(DataModel):
    """The workload questionnaire; its question and choice ids are a public interface."""

    kind: Literal["questions"]
    questions: list[Question] = Field(min_length=1)


@dataclass(frozen=True)
class ConcernInfo:
    """What a rule speaks to, and whether the user may weight it."""

    id: str
    title: str
    help: str
    weighted: bool  # False for `fit`: whether a technology can do the job at all is not a priority


# The one table of concerns: rules name one, the priorities weight them, every front end lists them.
CONCERNS: dict[str, ConcernInfo] = {
    c.id: c
    for c in (
        ConcernInfo("cost", "Cost", "what it costs to run, at the scale expected", True),
        ConcernInfo("latency", "Latency", "how fast a response or an update reaches the user", True),
        ConcernInfo("operations", "Operational simplicity", "how much there is to run, upgrade and debug", True),
        ConcernInfo("compliance", "Compliance and audit", "what regulators, auditors and security ask for", True),
        ConcernInfo("delivery", "Time to market", "how soon a team can ship it with the skills it has", True),
        ConcernInfo("fit", "Fit", "whether it can do what the workload needs at all", False),
    )
}
Concern = Literal["cost", "latency", "operations", "compliance", "delivery", "fit"]

# How much a priority scales the rules of its concern; "normal" everywhere reproduces the
# unweighted verdicts.
PRIORITY_LEVELS: dict[str, float] = {"low": 0.5, "normal": 1.0, "high": 2.0}
Priority = Literal["low", "normal", "high"]


class ScopeTitle(DataModel):
    """A narrower name for a boundary, used when `when` holds ("for browsers" when no mobile app calls)."""

    title: Text
    when: Condition


class Scope(DataModel):
    """A boundary of the workload a decision is made for on its own (the client edge, a public API…).

    A scope applies when `when` holds; a decision with scopes gets a verdict at each that applies.
    """

    id: Id
    title: Text  # how it reads after a technology: "for browsers and mobile apps"
    when: Condition
    titles: list[ScopeTitle] = []  # the first whose condition holds names the boundary instead


class Decision(DataModel):
    id: Id
    title: Text
    question: Text  # the design question this group answers, e.g. "Where does the code run?"
    scopes: list[Scope] = []  # the boundaries it is decided at, each on its own


class Technology(DataModel):
    id: Id
    name: Text
    decision: Id
    baseline: bool = False  # the conventional choice that keeps the decision honest
    section: Id | None = None  # where the guide explains it
    summary: Text


class Thresholds(DataModel):
    """Score at or above `recommended` → recommended; at or below `avoid` → avoid; else consider."""

    recommended: int
    avoid: int

    @model_validator(mode="after")
    def _ordered(self) -> Thresholds:
        if self.avoid >= self.recommended:
            raise ValueError(f"avoid ({self.avoid}) must be below recommended ({self.recommended})")
        return self


class Technologies(DataModel):
    """The decisions, the technologies in each, and how scores become verdicts."""

    kind: Literal["technologies"]
    thresholds: Thresholds
    decisions: list[Decision] = Field(min_length=1)
    technologies: list[Technology] = Field(min_length=1)


class Rule(DataModel):
    """One principle: when `when` holds, `technology` gains `weight` (or is vetoed), because `reason`."""

    id: Id
    technology: Id
    when: Condition
    weight: int | None = Field(default=None, ge=-10, le=10)
    veto: bool = False
    reason: Text
    rests_on: Id  # a content item (use case, concept, checklist item) or a matrix technology
    sources: list[SourceRef] = []  # for a provider-specific limit or price quoted in `reason`
    concern: Concern  # what it speaks to; the user's priorities scale it (not a veto, not `fit`)
    scopes: list[Id] = []  # the decision's scopes it applies at; none: all of them

    @model_validator(mode="after")
    def _weight_or_veto(self) -> Rule:
        if self.veto == (self.weight is not None):
            raise ValueError("give a rule either a weight or `veto: true`, not both or neither")
        if self.weight == 0:
            raise ValueError("a weight of 0 changes nothing; use a positive or negative weight")
        return self


class Rules(DataModel):
    """A file of recommendation rules."""

    kind: Literal["rules"]
    rules: list[Rule] = Field(min_length=1)
