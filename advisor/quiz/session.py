"""A quiz session: which questions, in what order, graded, and summed up at the end.

Questions and their options are shuffled with a seed that is part of the session id, so any
session can be replayed exactly. The session is pure: `submit` grades and returns the answer
to append to the log, and the front end stores it (the TUI from its writer thread).
"""

from __future__ import annotations

import random
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from advisor.loading.catalog import Catalog
from advisor.models.progress import Answer, NewAnswer
from advisor.models.quiz import Grade, Quiz, QuizQuestion
from advisor.quiz.plan import QUESTIONS_PER_QUIZ, QuizPlan
from advisor.quiz.progress import due_questions, quiz_questions
from advisor.quiz.scheduling import rebuild

__all__ = ["QUESTIONS_PER_QUIZ", "Presented", "QuizPlan", "QuizSession", "Result", "Summary", "Tally", "start_session"]


@dataclass(frozen=True)
class Presented:
    """A question as this session shows it: options, items or right sides in shuffled order."""

    quiz: Quiz
    question: QuizQuestion
    order: tuple[str, ...]  # option ids, ordering item ids, or matching pair ids (for the right sides)
    practice: bool = False  # a retry inside the session: recorded, but not a review


@dataclass
class Result:
    """One answer given in the session: how it was graded and what the log should keep."""

    presented: Presented
    grade: Grade  # as it counts: the learner's own call, where they overrode it
    seconds: float
    entry: NewAnswer
    number: int | None = None  # the answer's row in the log, once stored (an override refers to it)


@dataclass(frozen=True)
class Tally:
    right: int
    total: int

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass(frozen=True)
class Summary:
    score: Tally
    by_quiz: dict[str, Tally]
    by_item: dict[str, Tally]
    seconds: float
    reread: list[str]  # item ids (concepts, checklist items) behind the missed questions
    missed: list[Result]


def start_session(catalog: Catalog, plan: QuizPlan, answers: Sequence[Answer]) -> QuizSession | None:
    """The session `plan` asks for; None when it asks for due questions and none is due."""
    if not plan.due:
        session = QuizSession.start(catalog, quiz_ids=plan.quizzes, seed=plan.seed, limit=plan.size())
    else:
        wanted = set(plan.quizzes)
        owner = {qid: quiz.id for qid, (quiz, _) in quiz_questions(catalog).items()}
        ids = [q for q in due_questions(catalog, answers) if not wanted or owner[q] in wanted]
        if not ids:
            return None
        session = QuizSession.start(catalog, question_ids=ids, seed=plan.seed, limit=plan.size())
    session.plan = plan
    return session


@dataclass
class QuizSession:
    """Ask the drawn questions one by one; `submit` grades, `summary` sums up."""

    items: list[Presented]
    seed: int
    session_id: str
    clock: Callable[[], float] = time.monotonic
    results: list[Result] = field(default_factory=list)
    position: int = 0
    _shown_at: float | None = None
    plan: QuizPlan = field(default_factory=QuizPlan)  # what it was drawn from (to start it over)

    @classmethod
    def start(
        cls,
        catalog: Catalog,
        *,
        quiz_ids: Sequence[str] = (),
        question_ids: Sequence[str] = (),
        seed: int | None = None,
        limit: int | None = None,
    ) -> QuizSession:
        """Draw from the named quizzes (all when none) or exactly the named questions (e.g. those due)."""
        seed = random.SystemRandom().randrange(2**32) if seed is None else seed
        rng = random.Random(seed)
        questions = quiz_questions(catalog)
        if question_ids:
            picked = [questions[q] for q in question_ids if q in questions]
        else:
            wanted = set(quiz_ids)
            picked = [(quiz, q) for quiz in catalog.quizzes if not wanted or quiz.id in wanted for q in quiz.questions]
            rng.shuffle(picked)
        if limit is not None:
            picked = picked[:limit]
        items = []
        for quiz, q in picked:
            order = q.choice_ids()
            rng.shuffle(order)
            if q.order_is_answer and order == q.choice_ids():  # shown as is, the steps would be the answer
                order = order[1:] + order[:1]
            items.append(Presented(quiz, q, tuple(order)))
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        return cls(items, seed, f"{stamp}-seed{seed}")

    @property
    def current(self) -> Presented | None:
        """The question to show now (its clock starts on first look), or None at the end."""
        if self.position >= len(self.items):
            return None
        if self._shown_at is None:
            self._shown_at = self.clock()
        return self.items[self.position]

    @property
    def finished(self) -> bool:
        return self.position >= len(self.items)

    def submit(self, response: Any) -> Result:
        """Grade the answer to the current question and keep the result; store `result.entry`."""
        presented = self.current
        if presented is None:
            raise IndexError("the session has no question left")
        grade = presented.question.grade(response)
        seconds = round(self.clock() - (self._shown_at or self.clock()), 3)
        q = presented.question
        entry = NewAnswer(q.id, q.revision, self.session_id, grade.correct, response, seconds, presented.practice)
        result = Result(presented, grade, seconds, entry)
        self.results.append(result)
        return result

    def override(self, correct: bool) -> Result:
        """The learner's own call on the answer just given ("I was right"); it counts from now on.

        The front end records it with `store.override_answer(result.number, correct)`.
        """
        result = self.results[-1]
        result.grade = result.grade.overridden_to(correct)
        return result

    @staticmethod
    def is_leech(presented: Presented, answers: Sequence[Answer]) -> bool:
        """Missed again and again (per the log): the learner should re-read rather than keep guessing."""
        q = presented.question
        return rebuild(q.id, q.revision, answers).leech

    def advance(self) -> None:
        self.position += 1
        self._shown_at = None

    def retry_mistakes(self) -> int:
        """Queue this session's missed questions again, as practice; returns how many."""
        missed = [r.presented for r in self.results if not r.grade.correct and not r.presented.practice]
        self.items = self.items[: self.position] + [
            Presented(p.quiz, p.question, p.order, practice=True) for p in missed
        ]
        return len(missed)

    def summary(self) -> Summary:
        """Score overall, per quiz and per checklist item or concept; what to re-read."""
        first_tries = [r for r in self.results if not r.presented.practice]
        by_quiz: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        by_item: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        reread: list[str] = []
        for r in first_tries:
            by_quiz[r.presented.quiz.id][0] += r.grade.correct
            by_quiz[r.presented.quiz.id][1] += 1
            for item in r.presented.question.tests:
                by_item[item][0] += r.grade.correct
                by_item[item][1] += 1
                if not r.grade.correct and item not in reread:
                    reread.append(item)
        right = sum(r.grade.correct for r in first_tries)
        seconds = sum(r.seconds for r in self.results)
        return Summary(
            Tally(right, len(first_tries)),
            {k: Tally(*v) for k, v in by_quiz.items()},
            {k: Tally(*v) for k, v in by_item.items()},
            seconds,
            reread,
            [r for r in first_tries if not r.grade.correct],
        )
