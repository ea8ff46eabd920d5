"""The report: one model built from a recommendation, from which every format is rendered."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from advisor.models.base import DataModel
from advisor.models.recommendation import AnswerValue, PriorityMove, RuleTrace, Score, Verdict
from advisor.models.workload import TeamDecision

# an unanswered question no answer to which could change a verdict now (quick mode does not ask it)
NOT_ASKED = "not answered: could not change any verdict"


class ReportAnswer(DataModel):
    question_id: str
    question: str
    answer: AnswerValue
    label: str  # the choice labels as the user saw them, "not sure", or NOT_ASKED
    note: str | None = None  # the user's note on this answer
    could_matter: bool | None = None  # unanswered: could some answer to it change a verdict (None: answered)


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
    concern: str = "fit"
    contribution: Score | None = None  # the weight as the priorities scaled it; None for a veto
    scopes: list[str] = []  # the boundaries it fired at (none when the decision is made as a whole)


class ReportChange(DataModel):
    """The second answer change of a pair (when no single change moves a verdict)."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    question: str
    question_text: str
    from_: AnswerValue = Field(alias="from")
    to: AnswerValue
    change: str


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
    score: Score
    vetoed: bool = False
    veto_reason: str | None = None  # the reason of the rule that would veto it
    also: ReportChange | None = None  # the second change, for a pair


class ReportScope(DataModel):
    """A technology's verdict at one boundary of the workload."""

    scope: str
    title: str  # "for browsers and mobile apps"
    verdict: Verdict
    score: Score
    vetoed: bool
    reasons: list[str]  # rule ids, as in the technology's reasons


class ReportTechnology(DataModel):
    id: str
    name: str
    decision: str
    baseline: bool
    summary: str
    verdict: Verdict
    score: Score
    vetoed: bool
    confidence: float
    reasons: list[ReportReason]
    flips: list[ReportFlip]
    flips_bounded: bool = False  # no flip found, and the pair search stopped before trying every pair
    unanswered: list[str]
    section: str | None
    section_title: str | None
    next_steps: list[str]  # checklist items and exercises, for a recommended technology
    scopes: list[ReportScope] = []  # per boundary, when its decision is made per boundary
    trace: list[RuleTrace] | None = None  # every rule as evaluated, when asked for (--trace)
    team_decision: TeamDecision | None = None  # the team's call on this verdict (accept, reject, accept-risk)


class ReportDecision(DataModel):
    id: str
    title: str
    question: str
    technologies: list[str]
    chosen: list[str]  # the recommended technologies of this decision
    scopes: dict[str, str] = {}  # the boundaries it is decided at for this workload: id → title


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
    priorities: dict[str, str] = {}  # concern → low / normal / high
    moved: list[PriorityMove] = []  # verdicts the priorities moved from what normal weights give

    def technology(self, technology_id: str) -> ReportTechnology:
        return next(t for t in self.technologies if t.id == technology_id)
