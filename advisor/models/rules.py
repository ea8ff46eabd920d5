"""The Advise data: the workload questionnaire, the technologies it decides on, and the rules.

Conditions are data, not code: `all`, `any`, `not`, `always`, or a test on one question
(`is`, `in`, `includes`, and `at_least` / `at_most` over a question's ordered choices).
"""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field, model_validator

from advisor.models.base import Frozen, Id, SourceRef, Text


class Choice(Frozen):
    id: Id
    label: Text
    help: Text | None = None


class Condition(Frozen):
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
        combinators = [name for name in ("all", "any", "not_", "always") if getattr(self, name) is not None]
        tests = [name for name in ("is_", "in_", "includes", "at_least", "at_most") if getattr(self, name) is not None]
        if combinators:
            if len(combinators) > 1 or tests or self.question is not None:
                raise ValueError("use one of all, any, not, always — or question with one test — per condition")
            return self
        if self.question is None or len(tests) != 1:
            raise ValueError(
                "a condition is all/any/not/always, or `question` with exactly one of is, in, includes, at_least, at_most"
            )
        return self

    def questions(self) -> set[str]:
        """Every question id this condition reads."""
        found = {self.question} if self.question else set()
        for child in [*(self.all or []), *(self.any or []), *([self.not_] if self.not_ else [])]:
            found |= child.questions()
        return found


class Question(Frozen):
    id: Id
    text: Text
    help: Text
    multiple: bool = False  # several choices allowed
    choices: list[Choice] = Field(min_length=2)
    ask_if: Condition | None = None


class Questions(Frozen):
    """The workload questionnaire; its question and choice ids are a public interface."""

    kind: Literal["questions"]
    questions: list[Question] = Field(min_length=1)


class Decision(Frozen):
    id: Id
    title: Text
    question: Text  # the design question this group answers, e.g. "Where does the code run?"


class Technology(Frozen):
    id: Id
    name: Text
    decision: Id
    baseline: bool = False  # the conventional choice that keeps the decision honest
    section: Id | None = None  # where the guide explains it
    summary: Text


class Thresholds(Frozen):
    """Score at or above `recommended` → recommended; at or below `avoid` → avoid; else consider."""

    recommended: int
    avoid: int

    @model_validator(mode="after")
    def _ordered(self) -> Thresholds:
        if self.avoid >= self.recommended:
            raise ValueError(f"avoid ({self.avoid}) must be below recommended ({self.recommended})")
        return self


class Technologies(Frozen):
    """The decisions, the technologies in each, and how scores become verdicts."""

    kind: Literal["technologies"]
    thresholds: Thresholds
    decisions: list[Decision] = Field(min_length=1)
    technologies: list[Technology] = Field(min_length=1)


class Rule(Frozen):
    """One principle: when `when` holds, `technology` gains `weight` (or is vetoed), because `reason`."""

    id: Id
    technology: Id
    when: Condition
    weight: int | None = Field(default=None, ge=-10, le=10)
    veto: bool = False
    reason: Text
    rests_on: Id  # a content item (use case, concept, checklist item) or a matrix technology
    sources: list[SourceRef] = []  # for a provider-specific limit or price quoted in `reason`

    @model_validator(mode="after")
    def _weight_or_veto(self) -> Rule:
        if self.veto == (self.weight is not None):
            raise ValueError("give a rule either a weight or `veto: true`, not both or neither")
        if self.weight == 0:
            raise ValueError("a weight of 0 changes nothing; use a positive or negative weight")
        return self


class Rules(Frozen):
    """A file of recommendation rules."""

    kind: Literal["rules"]
    rules: list[Rule] = Field(min_length=1)
