"""Resuming a quiz across restarts, overruling a grade, history and due outlook on the chooser and Home."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from advisor.models.progress import NewAnswer
from advisor.models.quiz import ShortAnswer, TrueFalse
from advisor.quiz.session import QuizPlan, QuizSession
from advisor.store import now
from advisor.tui.screens.quiz import QuestionScreen, QuizChooser
from advisor.tui.start import Start
from advisor.tui.widgets.key_bar import KeyBar


def text_of(widget) -> str:
    return str(widget.render())


async def settle(pilot) -> None:
    """Let the workers finish (a worker replaced by a newer one of its group counts as finished)."""
    from textual.worker import WorkerCancelled

    for _ in range(5):
        try:
            await pilot.app.workers.wait_for_complete()
            break
        except WorkerCancelled:
            continue
    await pilot.pause()


def tf_seed(catalog) -> int:
    """A seed whose first three gRPC questions are answered with a number key."""
    for seed in range(200):
        items = QuizSession.start(catalog, quiz_ids=["grpc"], seed=seed, limit=10).items
        if all(p.question.type in ("single", "true_false") for p in items[:3]):
            return seed
    raise AssertionError("no such seed")


async def test_an_interrupted_quiz_resumes_on_the_same_question_after_a_restart(make_app, catalog) -> None:
    """Missing 1: quit mid-quiz; the next run's chooser offers to resume it, on the question it stopped at."""
    seed = tf_seed(catalog)
    first = make_app(start=Start("quiz", quiz=QuizPlan(("grpc",), seed=seed)))
    async with first.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = first.screen
        assert isinstance(screen, QuestionScreen)
        for _ in range(2):
            await pilot.press("1", "enter")
        stopped_at = screen.session.current
        await pilot.press("ctrl+q")
    second = make_app()  # a restart: a new app and store on the same folder
    async with second.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
        await settle(pilot)
        chooser = second.screen
        assert isinstance(chooser, QuizChooser)
        label = text_of(chooser.query_one("#resume-label"))
        assert "Unfinished: gRPC, question 3 of 10" in label and "r resumes" in label
        assert "Resume" in text_of(chooser.query_one(KeyBar)) and "Start over" in text_of(chooser.query_one(KeyBar))
        await pilot.press("r")
        await settle(pilot)
        screen = second.screen
        assert isinstance(screen, QuestionScreen)
        current = screen.session.current
        assert (current.question.id, current.order) == (stopped_at.question.id, stopped_at.order)
        assert "Question 3 of 10" in text_of(screen.query_one("#quiz-step"))
        assert "0 of 2 right" in text_of(screen.query_one("#quiz-score")) or "of 2 right" in text_of(
            screen.query_one("#quiz-score")
        )
        resumed_id = screen.session.session_id
        await pilot.press("escape", "escape")  # the summary so far, then back to the chooser
        await settle(pilot)
        assert isinstance(second.screen, QuizChooser)
        assert second.screen.query_one("#resume-label").display  # still unfinished: still offered
        await pilot.press("x")  # start it over: a new session of the same plan
        await settle(pilot)
        assert isinstance(second.screen, QuestionScreen) and second.screen.session.session_id != resumed_id
        assert second.screen.session.position == 0
        await second.writes_done()
    saved = second.store.open_session()
    assert saved is not None and saved.session_id != resumed_id


async def test_the_cli_resumes_straight_into_the_question(make_app, catalog) -> None:
    seed = tf_seed(catalog)
    app = make_app()
    session = QuizSession.start(catalog, quiz_ids=["grpc"], seed=seed)
    from advisor.quiz.resume import saved_items, saved_plan

    app.store.save_session(session.session_id, saved_plan(QuizPlan(("grpc",), seed=seed)), saved_items(session))
    app.store.record_answer(session.submit("x").entry)
    resumed = make_app(start=Start("quiz", quiz=QuizPlan(resume=True)))
    async with resumed.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(resumed.screen, QuestionScreen)
        assert resumed.screen.session.position == 1


async def test_i_was_right_overrules_a_short_answer_grade(make_app, catalog) -> None:
    """Missing 3: after a short answer, r (I was right) / w (I was wrong) count as said, in the store too."""
    question = next(q for quiz in catalog.quizzes for q in quiz.questions if isinstance(q, ShortAnswer))
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = QuestionScreen(QuizSession.start(app.catalog, question_ids=[question.id]))
        await app.push_screen(screen)
        await pilot.press("m", "y", " ", "w", "o", "r", "d", "s", "enter")
        assert screen.answered is not None and not screen.answered.correct
        keys = text_of(screen.query_one(KeyBar))
        assert "I was right" in keys and "I was wrong" not in keys
        assert "r: I was right" in text_of(screen.query_one("#quiz-feedback"))
        await pilot.press("r")
        assert screen.answered.correct and "✓ Right (your call)" in text_of(screen.query_one("#quiz-feedback"))
        assert "1 of 1 right" in text_of(screen.query_one("#quiz-score"))
        await app.writes_done()
    [answer] = app.store.answers()
    assert answer.correct and answer.overridden


async def test_no_overruling_where_the_grade_is_not_a_matter_of_wording(make_app, catalog) -> None:
    question = next(q for quiz in catalog.quizzes for q in quiz.questions if isinstance(q, TrueFalse))
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = QuestionScreen(QuizSession.start(app.catalog, question_ids=[question.id]))
        await app.push_screen(screen)
        await pilot.press("2" if question.answer else "1")
        assert "I was right" not in text_of(screen.query_one(KeyBar))
        await pilot.press("r")
        assert not screen.answered.correct


async def test_the_chooser_shows_each_quizs_history_and_when_reviews_fall_due(make_app, catalog) -> None:
    """Missing 4 and Confusing 9: last score, sessions and due per quiz; the next review's time."""
    grpc = next(quiz for quiz in catalog.quizzes if quiz.id == "grpc")
    app = make_app()
    an_hour_ago = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    for n, q in enumerate(grpc.questions[:3]):
        app.store.clock = (lambda: an_hour_ago) if n == 1 else now  # the miss an hour ago: due again now
        app.store.record_answer(NewAnswer(q.id, q.revision, "earlier", n != 1, "x"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
        await settle(pilot)
        chooser = app.screen
        due = text_of(chooser.query_one("#due-label"))
        assert "1 due now · 2 more by tomorrow" in due  # the miss is due; the hits within minutes
        quizzes = chooser.query_one("#quizzes")
        quizzes.highlighted = [q.id for q in catalog.quizzes].index("grpc")
        await pilot.pause()
        history = text_of(chooser.query_one("#quiz-history"))
        assert "gRPC: last 2 of 3 right" in history and "1 session" in history and "1 due now" in history
        row = str(quizzes.get_option_at_index(quizzes.highlighted).prompt)
        assert "1 due" in row


async def test_home_says_when_the_next_review_is(make_app, catalog) -> None:
    question = catalog.quizzes[0].questions[0]
    app = make_app()
    app.store.record_answer(NewAnswer(question.id, question.revision, "s", True, "x"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        label = text_of(app.screen.query_one("#progress-label"))
        assert "0 due now · 1 more by tomorrow" in label


async def test_the_summary_shows_each_mistake_whole(make_app, catalog) -> None:
    """Polish 5: the question of a mistake is never cut mid-word, at 80 columns either."""
    from advisor.tui.screens.quiz_summary import QuizSummaryScreen
    from advisor.tui.widgets.guide_text import GuideText

    ids = ["serverless-sqs-visibility-timeout", "perf-read-plan-estimates"]
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = QuestionScreen(QuizSession.start(app.catalog, question_ids=ids, seed=1))
        await app.push_screen(screen)
        for _ in ids:
            presented = screen.session.current
            wrong = next(o.id for o in presented.question.options if not o.correct)
            await pilot.press(str(presented.order.index(wrong) + 1), "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuizSummaryScreen)
        guide = app.screen.query_one(GuideText)
        drawn = " ".join(" ".join(guide.render_line(y).text for y in range(guide.size.height)).split())
        prompts = [q.prompt for quiz in catalog.quizzes for q in quiz.questions if q.id in ids]
        for prompt in prompts:
            for paragraph in prompt.strip().split("\n\n"):
                if not paragraph.startswith("```"):
                    assert " ".join(paragraph.split()).replace("`", "") in drawn.replace("`", ""), paragraph
