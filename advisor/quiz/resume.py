"""An interrupted quiz resumes where it stopped: the session's plan is kept, its answers are in the log.

The store keeps each session's questions in the order asked (with each one's shuffled options)
and the plan it came from; the answer log says how far it got. `resume_session` rebuilds the
session from both: the same questions in the same order, the answers given so far graded again
(as the learner called them, where they overrode a grade), and the next question unanswered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from advisor.loading.catalog import Catalog
from advisor.models.progress import Answer, NewAnswer, SavedSession
from advisor.quiz.plan import QuizPlan
from advisor.quiz.progress import quiz_questions
from advisor.quiz.session import Presented, QuizSession, Result, start_session
from advisor.store import ProgressStore


def saved_items(session: QuizSession) -> list[dict[str, Any]]:
    """The session's questions as the store keeps them."""
    return [
        {"question": p.question.id, "revision": p.question.revision, "order": list(p.order), "practice": p.practice}
        for p in session.items
    ]


def saved_plan(plan: QuizPlan) -> dict[str, Any]:
    """The plan as the store keeps it (JSON)."""
    return {**asdict(plan), "quizzes": list(plan.quizzes), "resume": False}


def begin_session(catalog: Catalog, plan: QuizPlan, store: ProgressStore) -> QuizSession | None:
    """The session `plan` asks for: the one kept to resume, or a new one; None when there is none.

    Reads the store: call it off the TUI's event loop. The front end keeps the session it
    shows with `store.save_session` (which sets any other unfinished one aside).
    """
    answers = store.answers()
    if plan.resume:
        saved = store.open_session()
        return None if saved is None else resume_session(catalog, saved, answers)
    return start_session(catalog, plan, answers)


def plan_from(saved: SavedSession) -> QuizPlan:
    """The plan a kept session came from (to start it over); an unreadable one is the default plan."""
    data = saved.plan
    quizzes = data.get("quizzes")
    limit, seed = data.get("limit"), data.get("seed")
    return QuizPlan(
        tuple(str(q) for q in quizzes) if isinstance(quizzes, list) else (),
        due=data.get("due") is True,
        limit=limit if isinstance(limit, int) else None,
        seed=seed if isinstance(seed, int) else None,
    )


def resume_session(catalog: Catalog, saved: SavedSession, answers: Sequence[Answer]) -> QuizSession | None:
    """The kept session, at its first unanswered question; None if none of its questions is left.

    A question removed from the quizzes since, or changed (a new revision, other options), is
    left out, with its answer.
    """
    questions = quiz_questions(catalog)
    items: list[Presented] = []
    for kept in saved.items:
        found = questions.get(str(kept.get("question")))
        order = kept.get("order")
        if found is None or not isinstance(order, list):
            continue
        quiz, q = found
        if q.revision != kept.get("revision") or sorted(map(str, order)) != sorted(q.choice_ids()):
            continue
        items.append(Presented(quiz, q, tuple(str(o) for o in order), practice=kept.get("practice") is True))
    if not items:
        return None
    seed = saved.plan.get("seed")
    session = QuizSession(items, seed if isinstance(seed, int) else 0, saved.session_id, plan=plan_from(saved))
    given = [a for a in answers if a.session_id == saved.session_id]
    for presented, answer in zip(items, given, strict=False):
        if answer.question_id != presented.question.id:
            break  # the log and the plan part ways here: ask from this question on
        grade = presented.question.grade(answer.response)
        if answer.overridden:
            grade = grade.overridden_to(answer.correct)
        q = presented.question
        entry = NewAnswer(
            q.id, q.revision, saved.session_id, grade.correct, answer.response, answer.seconds, presented.practice
        )
        session.results.append(Result(presented, grade, answer.seconds or 0.0, entry, answer.number))
        session.position += 1
    return session if not session.finished else None


def describe_saved(catalog: Catalog, saved: SavedSession) -> str:
    """'gRPC, question 4 of 10' (the quizzes of a kept session and how far it got)."""
    questions = quiz_questions(catalog)
    titles: list[str] = []
    for kept in saved.items:
        found = questions.get(str(kept.get("question")))
        if found is not None and found[0].title not in titles:
            titles.append(found[0].title)
    names = ", ".join(titles[:2]) + (f" and {len(titles) - 2} more" if len(titles) > 2 else "")
    return f"{names or 'a quiz'}, question {saved.answered + 1} of {len(saved.items)}"
