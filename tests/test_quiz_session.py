"""Quiz sessions: seeded shuffles, every answer recorded, summaries, practice retries, due review, plans."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from advisor.models.progress import NewAnswer
from advisor.models.quiz import MultipleChoice, SingleChoice
from advisor.quiz.progress import due_questions
from advisor.quiz.session import QUESTIONS_PER_QUIZ, QuizPlan, QuizSession, start_session
from advisor.store import ProgressStore


def right_answer(question):
    if isinstance(question, SingleChoice):
        return next(o.id for o in question.options if o.correct)
    if isinstance(question, MultipleChoice):
        return sorted(o.id for o in question.options if o.correct)
    return {
        "true_false": lambda q: q.answer,
        "short": lambda q: q.accepted[0],
        "numeric": lambda q: q.bounds()[0],
        "ordering": lambda q: [i.id for i in q.items],
        "matching": lambda q: {p.id: p.id for p in q.pairs},
    }[question.type](question)


def answer(session: QuizSession, store: ProgressStore, response) -> None:
    """Submit and store, as the front ends do."""
    store.record_answer(session.submit(response).entry)


def test_the_same_seed_replays_the_same_session(catalog) -> None:
    a = QuizSession.start(catalog, quiz_ids=["grpc", "edge"], seed=42, limit=8)
    b = QuizSession.start(catalog, quiz_ids=["grpc", "edge"], seed=42, limit=8)
    c = QuizSession.start(catalog, quiz_ids=["grpc", "edge"], seed=43, limit=8)
    assert [(p.question.id, p.order) for p in a.items] == [(p.question.id, p.order) for p in b.items]
    assert [p.question.id for p in a.items] != [p.question.id for p in c.items]
    assert {p.quiz.id for p in a.items} <= {"grpc", "edge"} and "seed42" in a.session_id


def test_a_whole_session_is_recorded_and_summed_up(catalog) -> None:
    with ProgressStore() as store:
        session = QuizSession.start(catalog, quiz_ids=["serverless"], seed=1, limit=6)
        for n, presented in enumerate(list(session.items)):
            answer(session, store, right_answer(presented.question) if n % 2 == 0 else "wrong")
            session.advance()
        assert session.finished
        summary = session.summary()
        assert (summary.score.right, summary.score.total) == (3, 6)
        assert summary.by_quiz["serverless"].total == 6 and summary.reread and len(summary.missed) == 3
        log = store.answers()
        assert len(log) == 6 and {a.session_id for a in log} == {session.session_id}
        # retries are practice: recorded, but they do not change the score or count as reviews
        assert session.retry_mistakes() == 3
        while session.current is not None:
            answer(session, store, right_answer(session.current.question))
            session.advance()
        assert session.summary().score.right == 3
        assert sum(a.practice for a in store.answers()) == 3


def test_retry_after_ending_early_asks_only_the_mistakes(catalog) -> None:
    session = QuizSession.start(catalog, quiz_ids=["serverless"], seed=3, limit=6)
    first = session.current
    session.submit("wrong")
    session.advance()
    session.submit(right_answer(session.current.question))  # then the learner ends the quiz here
    assert session.retry_mistakes() == 1
    assert [p.question.id for p in session.items[session.position :]] == [first.question.id]


def test_missed_questions_become_due(catalog) -> None:
    with ProgressStore() as store:
        session = QuizSession.start(catalog, quiz_ids=["emerging"], seed=5, limit=3)
        missed = session.current.question.id
        answer(session, store, "wrong")
        session.advance()
        answer(session, store, right_answer(session.current.question))
        later = datetime.now(UTC) + timedelta(minutes=2)
        assert due_questions(catalog, store.answers(), later) == [missed]
        review = QuizSession.start(catalog, question_ids=[missed])
        assert [p.question.id for p in review.items] == [missed]


def test_a_question_missed_again_and_again_is_a_leech(catalog) -> None:
    from advisor.quiz.scheduling import LEECH_LAPSES

    with ProgressStore() as store:
        session = QuizSession.start(catalog, quiz_ids=["performance"], seed=2, limit=1)
        presented = session.current
        q = presented.question
        for _ in range(LEECH_LAPSES - 1):
            store.record_answer(NewAnswer(q.id, q.revision, "older", False, "x"))
        assert not session.is_leech(presented, store.answers())
        answer(session, store, "wrong")
        assert session.is_leech(presented, store.answers())


def test_a_plan_limits_per_quiz_and_replays_by_seed(catalog) -> None:
    plan = QuizPlan(("serverless", "edge"), limit=3, seed=7)
    session = start_session(catalog, plan, [])
    assert session is not None and len(session.items) == 6 and "seed7" in session.session_id
    again = start_session(catalog, plan, [])
    assert [p.question.id for p in again.items] == [p.question.id for p in session.items]
    default = start_session(catalog, QuizPlan(("grpc",)), [])
    assert len(default.items) == QUESTIONS_PER_QUIZ


def test_a_due_plan_keeps_to_the_quizzes_named(catalog) -> None:
    with ProgressStore() as store:
        for quiz_id in ("serverless", "edge"):
            q = next(quiz for quiz in catalog.quizzes if quiz.id == quiz_id).questions[0]
            store.record_answer(NewAnswer(q.id, q.revision, "s", False, "x"))
        later = datetime.now(UTC) + timedelta(minutes=2)
        assert len(due_questions(catalog, store.answers(), later)) == 2
        assert start_session(catalog, QuizPlan(("grpc",), due=True), store.answers()) is None
