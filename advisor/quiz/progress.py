"""What the answer log says about a learner: questions due, recall per checklist item, history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from advisor.loading.catalog import Catalog
from advisor.models.progress import Answer
from advisor.models.quiz import Quiz, QuizQuestion
from advisor.quiz.scheduling import card_states, due, mastery


def quiz_questions(catalog: Catalog) -> dict[str, tuple[Quiz, QuizQuestion]]:
    """Every question of every quiz, by question id."""
    return {q.id: (quiz, q) for quiz in catalog.quizzes for q in quiz.questions}


def due_questions(catalog: Catalog, answers: Sequence[Answer], now: datetime | None = None) -> list[str]:
    """Ids of the questions due for review at `now` (default: now), most overdue first."""
    questions = quiz_questions(catalog)
    states = card_states(((qid, q.revision) for qid, (_, q) in questions.items()), answers)
    return due(states, now or datetime.now(UTC))


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
        rows.append(
            QuizHistory(
                quiz=quiz,
                answers=len(mine),
                right=sum(a.correct for a in mine),
                sessions=len({a.session_id for a in mine}),
                last=max((a.answered_at for a in mine), default="")[:10],
                due=sum(1 for q in due_now if owner.get(q) == quiz.id),
            )
        )
    return rows
