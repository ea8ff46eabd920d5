"""A quiz session: which questions, in what order, graded and recorded, and summed up at the end.

Questions and their options are shuffled with a seed that is part of the session id, so any
session can be replayed exactly. Every answer is appended to the store's log as it is given.
"""

from __future__ import annotations

import random
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from advisor.loading.catalog import Catalog
from advisor.quiz.grading import Grade, grade
from advisor.models.quiz import Matching, MultipleChoice, Ordering, Quiz, QuizQuestion, SingleChoice
from advisor.quiz.scheduling import card_states, due, rebuild
from advisor.store import ProgressStore


@dataclass(frozen=True)
class Presented:
    """A question as this session shows it: options, items or right sides in shuffled order."""

    quiz: Quiz
    question: QuizQuestion
    order: tuple[str, ...]  # option ids, ordering item ids, or matching pair ids (for the right sides)
    practice: bool = False  # a retry inside the session: recorded, but not a review


@dataclass
class Result:
    presented: Presented
    grade: Grade
    seconds: float


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


def quiz_questions(catalog: Catalog) -> dict[str, tuple[Quiz, QuizQuestion]]:
    """Every question of every quiz, by question id."""
    return {q.id: (quiz, q) for quiz in catalog.quizzes for q in quiz.questions}


def due_questions(catalog: Catalog, store: ProgressStore, now: datetime | None = None) -> list[str]:
    """Ids of the questions due for review now."""
    questions = quiz_questions(catalog)
    states = card_states(((qid, q.revision) for qid, (_, q) in questions.items()), store.answers())
    return due(states, now or datetime.now(timezone.utc))


def _shuffled(question: QuizQuestion, rng: random.Random) -> tuple[str, ...]:
    if isinstance(question, SingleChoice | MultipleChoice):
        ids = [o.id for o in question.options]
    elif isinstance(question, Ordering):
        ids = [i.id for i in question.items]
    elif isinstance(question, Matching):
        ids = [p.id for p in question.pairs]
    else:
        return ()
    rng.shuffle(ids)
    return tuple(ids)


@dataclass
class QuizSession:
    """Ask the drawn questions one by one; `submit` grades and records, `summary` sums up."""

    store: ProgressStore
    items: list[Presented]
    seed: int
    session_id: str
    clock: Callable[[], float] = time.monotonic
    results: list[Result] = field(default_factory=list)
    position: int = 0
    _shown_at: float | None = None
    _started: float | None = None

    @classmethod
    def start(
        cls,
        catalog: Catalog,
        store: ProgressStore,
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
        items = [Presented(quiz, q, _shuffled(q, rng)) for quiz, q in picked]
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
        return cls(store, items, seed, f"{stamp}-seed{seed}")

    @property
    def current(self) -> Presented | None:
        if self.position >= len(self.items):
            return None
        if self._shown_at is None:
            self._shown_at = self.clock()
            self._started = self._started if self._started is not None else self._shown_at
        return self.items[self.position]

    @property
    def finished(self) -> bool:
        return self.position >= len(self.items)

    def submit(self, response: Any, *, defer: Callable[[Callable[[], Any]], None] | None = None) -> Grade:
        """Grade the answer to the current question, record it, and keep the result.

        `defer` takes the write to the store instead of running it here: the TUI hands it to its
        writer thread so the event loop never waits on the database.
        """
        presented = self.current
        if presented is None:
            raise IndexError("the session has no question left")
        result_grade = grade(presented.question, response)
        seconds = round(self.clock() - (self._shown_at or self.clock()), 3)
        q = presented.question

        def record() -> Any:
            return self.store.record_answer(
                q.id, q.revision, self.session_id, result_grade.correct, response, seconds, practice=presented.practice
            )

        if defer is None:
            record()
        else:
            defer(record)
        self.results.append(Result(presented, result_grade, seconds))
        return result_grade

    def is_leech(self, presented: Presented) -> bool:
        """Missed again and again: the learner should re-read rather than keep guessing."""
        q = presented.question
        return rebuild(q.id, q.revision, self.store.answers()).leech

    def advance(self) -> None:
        self.position += 1
        self._shown_at = None

    def retry_mistakes(self) -> int:
        """Queue this session's missed questions again, as practice; returns how many."""
        missed = [r.presented for r in self.results if not r.grade.correct and not r.presented.practice]
        self.items += [Presented(p.quiz, p.question, p.order, practice=True) for p in missed]
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
