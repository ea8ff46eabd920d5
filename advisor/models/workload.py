"""What a user says about a workload beyond the answers: priorities, notes and decisions.

A note explains an answer ("we expect 10k rps at launch, per the sales plan"); a decision is the
team's call on a verdict (accept it, reject it, or accept the risk it carries) with a reason.
They travel with the answers: in the store, in answers files (version 2), in every report and in
kept milestones.
"""

from __future__ import annotations

from typing import Literal

from advisor.models.base import DataModel
from advisor.models.recommendation import AnswerValue

DecisionKind = Literal["accept", "reject", "accept-risk"]

# The one table of decision kinds: id (as files write it) → how reports and screens say it.
# The answers file, every report and the TUI's decision dialog read it.
DECISION_KINDS: dict[str, str] = {
    "accept": "accepted",
    "reject": "rejected",
    "accept-risk": "risk accepted",
}
# What the decision dialog offers for each kind (the verdict is named beside it).
DECISION_OFFERS: dict[str, str] = {
    "accept": "Accept: go with the verdict",
    "reject": "Reject: we will not follow it",
    "accept-risk": "Accept the risk: go ahead despite the reasons against",
}


class TeamDecision(DataModel):
    """The team's call on one technology's verdict, and why."""

    decision: DecisionKind
    reason: str = ""


class Workload(DataModel):
    """Everything a user gives about a workload: answers, priorities, notes and decisions."""

    answers: dict[str, AnswerValue] = {}
    priorities: dict[str, str] = {}  # concern → low / normal / high (normal where not given)
    notes: dict[str, str] = {}  # question id → the user's note on that answer
    decisions: dict[str, TeamDecision] = {}  # technology id → the team's call on its verdict
