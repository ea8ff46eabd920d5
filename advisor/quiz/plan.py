"""What a learner asked to practise: kept apart from the session so the app can start without it."""

from __future__ import annotations

from dataclasses import dataclass

QUESTIONS_PER_QUIZ = 10  # a session's default length for each quiz chosen


@dataclass(frozen=True)
class QuizPlan:
    """What a learner asked to practise, the same from the command line, the TUI and plain prompts.

    `quizzes` names the quizzes (all when empty); `due` keeps only their questions due for review;
    `limit` is questions per quiz named (or in all, when none is named): by default
    QUESTIONS_PER_QUIZ, or every due question; `seed` replays a session's shuffle. `resume`
    asks for the session the learner stopped, where it stopped, instead of a new one.
    """

    quizzes: tuple[str, ...] = ()
    due: bool = False
    limit: int | None = None
    seed: int | None = None
    resume: bool = False

    def size(self) -> int | None:
        """The most questions the session may hold; None for no limit."""
        per_quiz = self.limit if self.limit is not None else (None if self.due else QUESTIONS_PER_QUIZ)
        return None if per_quiz is None else per_quiz * max(1, len(self.quizzes))
