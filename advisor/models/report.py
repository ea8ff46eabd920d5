"""The report: one model built from a recommendation, from which every format is rendered."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from advisor.models.base import DataModel
from advisor.models.recommendation import AnswerValue, Verdict


class ReportAnswer(DataModel):
    question_id: str
    question: str
    answer: AnswerValue
    label: str  # the choice labels as the user saw them, or "not sure"


class ReportSource(DataModel):
    """Where a provider-specific fact in a reason comes from, and when it was last checked."""

    title: str
    url: str | None
    as_of: str  # YYYY-MM-DD


class ReportReason(DataModel):
    rule: str
    text: str
    direction: Literal["for", "against"]
    weight: int | None
    veto: bool
    rests_on: str
    rests_on_title: str  # where in the guide: "Serverless Architecture › Anatomy of a cold start"
    sources: list[ReportSource] = []


class ReportFlip(DataModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    question: str  # question id
    question_text: str
    from_: AnswerValue = Field(alias="from")
    to: AnswerValue
    from_label: str
    to_label: str
    change: str  # the change in words: "add Our own internal services", "Request and response → Long-lived"
    verdict: Verdict
    score: int
    vetoed: bool = False


class ReportTechnology(DataModel):
    id: str
    name: str
    decision: str
    baseline: bool
    summary: str
    verdict: Verdict
    score: int
    vetoed: bool
    confidence: float
    reasons: list[ReportReason]
    flips: list[ReportFlip]
    unanswered: list[str]
    section: str | None
    section_title: str | None
    next_steps: list[str]  # checklist items and exercises, for a recommended technology


class ReportDecision(DataModel):
    id: str
    title: str
    question: str
    technologies: list[str]
    chosen: list[str]  # the recommended technologies of this decision


class Report(DataModel):
    """Everything any format shows; `technologies` is flat, `decisions` groups their ids."""

    format: Literal["advisor-report"] = "advisor-report"
    schema_version: Literal[1] = 1
    title: str
    advisor_version: str
    content_version: str
    generated: str  # the date, YYYY-MM-DD
    confidence: float
    confidence_label: Literal["high", "medium", "low"]
    thresholds: dict[str, int]
    answers: list[ReportAnswer]
    unanswered: list[ReportAnswer]
    skipped: list[str]
    decisions: list[ReportDecision]
    technologies: list[ReportTechnology]

    def technology(self, technology_id: str) -> ReportTechnology:
        return next(t for t in self.technologies if t.id == technology_id)
