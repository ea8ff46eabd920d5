"""What the progress store keeps, as typed records: answers, ticks, workloads and milestones."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class NewAnswer:
    """An answer to append to the quiz log; the store stamps the time it was given."""

    question_id: str
    revision: int
    session_id: str
    correct: bool
    response: Any
    seconds: float | None = None
    practice: bool = False  # a retry inside one session: recorded, but not a review


@dataclass(frozen=True)
class Answer:
    """One row of the append-only quiz answer log."""

    question_id: str
    revision: int
    session_id: str
    answered_at: str  # ISO 8601, UTC
    correct: bool
    response: Any
    seconds: float | None
    practice: bool
    overridden: bool = False  # `correct` is the learner's own call ("I was right" / "I was wrong")
    number: int | None = None  # the row in the log, for an override to refer to


@dataclass(frozen=True)
class SavedSession:
    """A quiz session as kept in the store, so it can resume where it stopped.

    `items` are {question, revision, order, practice} in the order asked; `plan` is what was
    asked for (quizzes, due, limit, seed); `answered` counts the answers logged for it.
    """

    session_id: str
    started_at: str
    plan: dict[str, Any]
    items: list[dict[str, Any]]
    answered: int


@dataclass(frozen=True)
class Tick:
    """The last change to one checklist item."""

    item_id: str
    done: bool
    changed_at: str


@dataclass(frozen=True)
class MilestoneInfo:
    """A kept recommendation as listed: its number, name and when it was kept."""

    number: int
    name: str
    created_at: str


@dataclass(frozen=True)
class Milestone(MilestoneInfo):
    """A kept recommendation: the answers and the report as they were made (raw JSON data).

    `reports.milestones.read_report` decodes `report`; it may come from another schema version.
    """

    answers: dict[str, Any]
    report: dict[str, Any]


@dataclass(frozen=True)
class ImportSummary:
    """What merging a progress export changed; a milestone whose name was taken got a new one."""

    ticks_changed: int
    answers_added: int
    milestones_added: int
    renamed: tuple[tuple[str, str], ...] = ()  # (name in the file, name it was kept under)
