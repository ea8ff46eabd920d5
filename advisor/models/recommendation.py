"""What the engine returns: a verdict per technology, with the reasons and the flips behind it."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from advisor.models.base import DataModel

Verdict = Literal["recommended", "consider", "avoid"]
AnswerValue = str | list[str] | None  # None: not sure


class Reason(DataModel):
    """One fired rule: why the score moved, and the guide item it rests on."""

    rule: str
    text: str
    direction: Literal["for", "against"]
    weight: int | None  # None when the rule is a veto
    veto: bool
    rests_on: str


class Flip(DataModel):
    """One answer change that would move this verdict, and where it would move it."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    question: str
    from_: AnswerValue = Field(alias="from")
    to: AnswerValue
    verdict: Verdict
    score: int
    vetoed: bool = False  # the verdict after the change is a veto's, whatever the score


class TechnologyVerdict(DataModel):
    id: str
    name: str
    decision: str
    baseline: bool
    section: str | None
    verdict: Verdict
    score: int
    vetoed: bool
    reasons: list[Reason]
    flips: list[Flip]
    unanswered: list[str]  # questions this technology's rules read that were not answered
    confidence: float


class DecisionSummary(DataModel):
    id: str
    title: str
    question: str
    technologies: list[str]


class Recommendation(DataModel):
    """The engine's whole answer for one set of answers; deterministic, JSON-ready."""

    answers: dict[str, AnswerValue]
    skipped: list[str]  # questions made moot by earlier answers (ask_if)
    unanswered: list[str]
    confidence: float
    confidence_label: Literal["high", "medium", "low"]
    thresholds: dict[str, int]
    decisions: list[DecisionSummary]
    technologies: list[TechnologyVerdict]

    def technology(self, technology_id: str) -> TechnologyVerdict:
        for t in self.technologies:
            if t.id == technology_id:
                return t
        raise KeyError(technology_id)
