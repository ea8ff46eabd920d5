"""Sessions kept to resume, the learner's own call on a grade, and when reviews fall due."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from advisor.models.progress import Answer, NewAnswer
from advisor.models.quiz import ShortAnswer
from advisor.quiz.plan import QuizPlan
from advisor.quiz.progress import DueOutlook, due_outlook
from advisor.quiz.resume import begin_session, describe_saved, plan_from, saved_items, saved_plan
from advisor.quiz.scheduling import card_states, mastery, rebuild
from advisor.quiz.session import QuizSession, start_session
from advisor.store import DB_NAME, ProgressStore


def keep(store: ProgressStore, session) -> None:
    store.save_session(session.session_id, saved_plan(session.plan), saved_items(session))


def test_an_interrupted_session_resumes_on_the_same_question(catalog) -> None:
    """Missing 1: the same questions, in the same order with the same options, from the first unanswered."""
    plan = QuizPlan(("grpc", "edge"), limit=4)
    with ProgressStore() as store:
        session = start_session(catalog, plan, [])
        keep(store, session)
        for _ in range(3):
            store.record_answer(session.submit("wrong").entry)
            session.advance()
    with ProgressStore() as store:  # a restart
        saved = store.open_session()
        assert saved is not None and saved.answered == 3 and len(saved.items) == 8
        assert describe_saved(catalog, saved).endswith("question 4 of 8")
        resumed = begin_session(catalog, QuizPlan(resume=True), store)
    assert resumed is not None and resumed.session_id == session.session_id
    assert [(p.question.id, p.order) for p in resumed.items] == [(p.question.id, p.order) for p in session.items]
    assert resumed.position == 3 and resumed.current.question.id == session.items[3].question.id
    assert resumed.summary().score.total == 3 and resumed.plan == plan


def test_a_finished_or_set_aside_session_is_not_offered(catalog) -> None:
    with ProgressStore() as store:
        first = start_session(catalog, QuizPlan(("grpc",), limit=2, seed=1), [])
        keep(store, first)
        store.record_answer(first.submit("x").entry)
        second = start_session(catalog, QuizPlan(("edge",), limit=2, seed=2), [])
        keep(store, second)  # a new session sets the unfinished one aside
        saved = store.open_session()
        assert saved is not None and saved.session_id == second.session_id
        assert plan_from(saved) == QuizPlan(("edge",), limit=2, seed=2)
        for _ in range(2):
            store.record_answer(second.submit("x").entry)
            second.advance()
        assert store.open_session() is None  # every question answered
        third = start_session(catalog, QuizPlan(("grpc",), limit=2), [])
        keep(store, third)
        store.close_session(third.session_id)  # "start over", or reaching the summary
        assert store.open_session() is None


def test_the_learners_own_call_counts_and_the_log_stays_append_only(catalog, advisor_home: Path) -> None:
    """Missing 3: 'I was right' is its own record; scheduling, history and exports use it."""
    question = next(q for quiz in catalog.quizzes for q in quiz.questions if isinstance(q, ShortAnswer))
    with ProgressStore() as store:
        answer = store.record_answer(NewAnswer(question.id, question.revision, "s", False, "my words"))
        assert answer.number is not None
        store.override_answer(answer.number, True)
        [logged] = store.answers()
        assert logged.correct and logged.overridden
        assert rebuild(question.id, question.revision, [logged]).lapses == 0  # scheduled as Good
        exported = store.export_data()
    assert exported["quiz_answers"][0]["correct"] is True
    db = sqlite3.connect(advisor_home / DB_NAME)
    assert db.execute("SELECT correct FROM quiz_answers").fetchone() == (0,)  # the answer itself is untouched
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE quiz_overrides SET correct = 0")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM quiz_overrides")


def test_an_override_in_a_session_changes_its_score(catalog) -> None:
    question = next(q for quiz in catalog.quizzes for q in quiz.questions if isinstance(q, ShortAnswer))
    session = QuizSession.start(catalog, question_ids=[question.id])
    session.submit("not in the list")
    assert session.summary().score.right == 0
    assert session.override(True).grade.headline == "✓ Right (your call)"
    assert session.summary().score.right == 1


T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def log(question_id: str, minutes: float, correct: bool) -> Answer:
    return Answer(question_id, 1, "s", (T0 + timedelta(minutes=minutes)).isoformat(), correct, "x", 1.0, False)


def test_the_due_count_says_when_reviews_fall_due(catalog) -> None:
    """Confusing 9: '0 due now · next review in 8 min', '2 due now · 1 more by tomorrow'."""
    ids = [q.id for quiz in catalog.quizzes for q in quiz.questions if q.revision == 1][:3]
    assert due_outlook(catalog, [], T0).label(T0) == "no reviews yet"
    answers = [log(ids[0], 0, True), log(ids[1], 0, True)]
    soon = due_outlook(catalog, answers, T0 + timedelta(minutes=2))
    assert soon.now == 0 and soon.label(T0 + timedelta(minutes=2)) == "0 due now · 2 more by tomorrow"
    outlook = DueOutlook(now=0, within_a_day=0, next_at=T0 + timedelta(minutes=8), reviewed=True)
    assert outlook.label(T0) == "0 due now · next review in 8 min"
    assert DueOutlook(5, 0, T0 + timedelta(days=3), True).label(T0) == "5 due now · next review in 3 days"
    later = due_outlook(catalog, [*answers, log(ids[2], 0, False)], T0 + timedelta(minutes=15))
    assert later.now == 3 and later.label(T0) == "3 due now"


def test_recall_shown_beside_the_checklist_is_a_forecast_not_a_mark() -> None:
    """Confusing 8: missed twice then right minutes ago no longer reads '100%' (it is recall in a week)."""
    shaky = [log("a", 0, False), log("a", 2, False), log("a", 7, True)]
    steady = [log("b", 0, True), log("b", 60 * 24, True), log("b", 60 * 24 * 5, True)]
    states = card_states([("a", 1), ("b", 1)], [*shaky, *steady])
    # each read a minute after its last review, when FSRS's recall *now* is 100% for both
    shaky_now = mastery({"item": ["a"]}, states, T0 + timedelta(minutes=8))["item"]
    steady_now = mastery({"item": ["b"]}, states, T0 + timedelta(days=5, minutes=1))["item"]
    assert shaky_now < 0.6 and steady_now > 0.85  # red, and green (checklist.recall_style)


def test_resume_on_the_command_line_takes_no_other_choice(capsys) -> None:
    from advisor.cli import main

    assert main(["quiz", "--resume", "grpc"]) == 2
    assert "--resume continues the quiz you stopped" in capsys.readouterr().err
