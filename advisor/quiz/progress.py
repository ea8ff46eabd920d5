"""What the answer log says about a learner: questions due, recall per checklist item, history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from advisor.loading.catalog import Catalog
from advisor.models.progress import Answer
from advisor.models.quiz import Quiz, QuizQuestion
from advisor.quiz.scheduling import card_states, due, mastery, next_due
from advisor.text.charts import DayScore


def quiz_questions(catalog: Catalog) -> dict[str, tuple[Quiz, QuizQuestion]]:
    """Every question of every quiz, by question id."""
    return {q.id: (quiz, q) for quiz in catalog.quizzes for q in quiz.questions}


def due_questions(catalog: Catalog, answers: Sequence[Answer], now: datetime | None = None) -> list[str]:
    """Ids of the questions due for review at `now` (default: now), most overdue first."""
    questions = quiz_questions(catalog)
    states = card_states(((qid, q.revision) for qid, (_, q) in questions.items()), answers)
    return due(states, now or datetime.now(UTC))


@dataclass(frozen=True)
class DueOutlook:
    """Questions due now, how many more within a day, and when the next one falls due."""

    now: int
    within_a_day: int  # due after now but within 24 hours
    next_at: datetime | None  # the first review after now, or None when none is scheduled
    reviewed: bool  # whether any question has been reviewed at all

    def label(self, at: datetime) -> str:
        """'5 due now · 3 more by tomorrow', '0 due now · next review in 8 min', 'no reviews yet'."""
        if not self.reviewed:
            return "no reviews yet"
        head = f"{self.now} due now"
        if self.within_a_day:
            return f"{head} · {self.within_a_day} more by tomorrow"
        if self.next_at is not None:
            return f"{head} · next review {_in(self.next_at - at)}"
        return head


def _in(delta: timedelta) -> str:
    """'in 8 min', 'in 3 h', 'in 2 days' (rounded up: never 'in 0 min')."""
    minutes = max(1, -(-int(delta.total_seconds()) // 60))
    if minutes < 60:
        return f"in {minutes} min"
    if minutes < 48 * 60:
        return f"in {-(-minutes // 60)} h"
    return f"in {-(-minutes // (24 * 60))} days"


def due_outlook(catalog: Catalog, answers: Sequence[Answer], now: datetime | None = None) -> DueOutlook:
    """How many questions are due now, and when the next reviews fall due."""
    at = now or datetime.now(UTC)
    questions = quiz_questions(catalog)
    states = card_states(((qid, q.revision) for qid, (_, q) in questions.items()), answers)
    times = next_due(states)
    later = [t for t in times if t > at]
    return DueOutlook(
        now=len(times) - len(later),
        within_a_day=sum(1 for t in later if t <= at + timedelta(days=1)),
        next_at=later[0] if later else None,
        reviewed=bool(states),
    )


def item_mastery(catalog: Catalog, answers: Sequence[Answer], now: datetime | None = None) -> dict[str, float]:
    """Recall per checklist item or concept from the quiz history, where there is enough evidence."""
    questions = [q for quiz in catalog.quizzes for q in quiz.questions]
    tested: dict[str, list[str]] = {}
    for q in questions:
        for item in q.tests:
            tested.setdefault(item, []).append(q.id)
    states = card_states(((q.id, q.revision) for q in questions), answers)
    return mastery(tested, states, now or datetime.now(UTC))


@dataclass(frozen=True)
class QuizHistory:
    """One quiz's record: first-try answers, how many right, sessions, last played, due now."""

    quiz: Quiz
    answers: int
    right: int
    sessions: int
    last: str  # YYYY-MM-DD, or "" when never played
    due: int
    last_right: int = 0  # the score of the last session that asked this quiz
    last_total: int = 0

    @property
    def share(self) -> float | None:
        """The share of first tries that were right, or None before any."""
        return self.right / self.answers if self.answers else None


def quiz_history(catalog: Catalog, answers: Sequence[Answer], now: datetime | None = None) -> list[QuizHistory]:
    """One row per quiz, in guide order (practice retries are not counted)."""
    reviews = [a for a in answers if not a.practice]
    owner = {q.id: quiz.id for quiz in catalog.quizzes for q in quiz.questions}
    due_now = due_questions(catalog, answers, now)
    rows = []
    for quiz in catalog.quizzes:
        mine = [a for a in reviews if owner.get(a.question_id) == quiz.id]
        latest = max(mine, key=lambda a: a.answered_at).session_id if mine else None
        last_session = [a for a in mine if a.session_id == latest]
        rows.append(
            QuizHistory(
                quiz=quiz,
                answers=len(mine),
                right=sum(a.correct for a in mine),
                sessions=len({a.session_id for a in mine}),
                last=max((a.answered_at for a in mine), default="")[:10],
                due=sum(1 for q in due_now if owner.get(q) == quiz.id),
                last_right=sum(a.correct for a in last_session),
                last_total=len(last_session),
            )
        )
    return rows


def accuracy_by_day(answers: Sequence[Answer]) -> list[DayScore]:
    """First tries right per day (UTC), oldest first: the quiz accuracy over time."""
    days: dict[str, list[bool]] = {}
    for a in answers:
        if not a.practice:  # retries within a session are practice, not a measure
            days.setdefault(a.answered_at[:10], []).append(a.correct)
    return [DayScore(day, sum(marks), len(marks)) for day, marks in sorted(days.items())]
