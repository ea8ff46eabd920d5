"""What the engine returns: a verdict per technology, with the reasons and the flips behind it."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, PlainSerializer

from advisor.models.base import DataModel

Verdict = Literal["recommended", "consider", "avoid"]
AnswerValue = str | list[str] | None  # None: not sure
# A score: whole with the default priorities, a multiple of 0.5 once a concern weighs low or
# high; written as an integer when it is whole, so reports with default priorities stay as they were.
Score = Annotated[float, PlainSerializer(lambda v: int(v) if v == int(v) else v, return_type=float | int)]


class Reason(DataModel):
    """One fired rule: why the score moved, and the guide item it rests on."""

    rule: str
    text: str
    direction: Literal["for", "against"]
    weight: int | None  # None when the rule is a veto
    veto: bool
    rests_on: str
    concern: str
    contribution: Score | None = None  # the weight as the priorities scale it; None for a veto
    scopes: list[str] = []  # the scopes it fired at (none when the decision has no scopes in play)


class Change(DataModel):
    """One answer changed: the question, and its answer before and after."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    question: str
    from_: AnswerValue = Field(alias="from")
    to: AnswerValue


class Flip(DataModel):
    """One answer change (or, where none alone would, a pair) that would move this verdict, and where."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    question: str
    from_: AnswerValue = Field(alias="from")
    to: AnswerValue
    verdict: Verdict
    score: Score
    vetoed: bool = False  # the verdict after the change is a veto's, whatever the score
    veto_rule: str | None = None  # the rule whose veto it would be
    also: Change | None = None  # the second change of a pair, when no single change moves the verdict


class ScopeVerdict(DataModel):
    """The verdict at one boundary of the workload (the client edge, a public API, between services)."""

    scope: str
    title: str
    verdict: Verdict
    score: Score
    vetoed: bool
    reasons: list[str]  # the rules that fired here, by id (the technology lists them in full)


class RuleTrace(DataModel):
    """One rule as the engine evaluated it, so anyone can check the arithmetic."""

    rule: str
    scope: str | None  # the scope it was evaluated at; None when the decision has none in play
    fired: bool | None  # None: an answer it needs is missing (not sure)
    condition: str  # the condition in words: "clients includes browser and not (service_count is one)"
    read: dict[str, AnswerValue]  # the answers it read
    concern: str
    weight: int | None
    multiplier: float
    contribution: Score | None  # what it added (0 when it did not fire); None for a veto that fired
    veto: bool


class TechnologyVerdict(DataModel):
    id: str
    name: str
    decision: str
    baseline: bool
    section: str | None
    verdict: Verdict
    score: Score
    vetoed: bool
    reasons: list[Reason]
    flips: list[Flip]
    flips_bounded: bool = False  # no flip found, and the pair search stopped before trying every pair
    unanswered: list[str]  # questions this technology's rules read that were not answered
    confidence: float
    scopes: list[ScopeVerdict] = []  # per boundary, when its decision is made per boundary
    trace: list[RuleTrace] | None = None  # every rule evaluated, when asked for


class PriorityMove(DataModel):
    """A verdict the priorities moved: what it would be with every concern at normal weight."""

    technology: str
    default: Verdict
    verdict: Verdict
    scope: str | None = None  # the boundary whose verdict moved ("for third-party developers"); None: overall


class DecisionSummary(DataModel):
    id: str
    title: str
    question: str
    technologies: list[str]
    scopes: dict[str, str] = {}  # the boundaries it is decided at for this workload: id → title


class Recommendation(DataModel):
    """The engine's whole answer for one set of answers; deterministic, JSON-ready."""

    answers: dict[str, AnswerValue]
    skipped: list[str]  # questions made moot by earlier answers (ask_if)
    unanswered: list[str]
    cannot_matter: list[str] = []  # of `unanswered`: no answer to them could change any verdict now
    confidence: float
    confidence_label: Literal["high", "medium", "low"]
    thresholds: dict[str, int]
    decisions: list[DecisionSummary]
    technologies: list[TechnologyVerdict]
    priorities: dict[str, str] = {}  # concern → low/normal/high, as given (normal where not given)
    moved: list[PriorityMove] = []  # the verdicts the priorities changed

    def technology(self, technology_id: str) -> TechnologyVerdict:
        for t in self.technologies:
            if t.id == technology_id:
                return t
        raise KeyError(technology_id)
