"""Taking a whole quiz with keys, and checking what the store recorded."""

from __future__ import annotations

from advisor.models.progress import NewAnswer
from advisor.models.quiz import Matching, MultipleChoice, Numeric, Ordering, ShortAnswer, SingleChoice, TrueFalse
from advisor.quiz.typed_input import LETTERS
from advisor.tui.screens.quiz import QuestionScreen, QuizChooser
from advisor.tui.screens.quiz_summary import QuizSummaryScreen


def keys_for_right_answer(presented) -> list[str]:
    """The keys a learner who knows the answer presses, for every question type."""
    q = presented.question
    if isinstance(q, SingleChoice):
        right = next(o.id for o in q.options if o.correct)
        return [str(presented.order.index(right) + 1)]
    if isinstance(q, TrueFalse):
        return ["1" if q.answer else "2"]
    if isinstance(q, MultipleChoice):
        return [str(presented.order.index(o.id) + 1) for o in q.options if o.correct] + ["enter"]
    if isinstance(q, Ordering):
        typed = " ".join(str(presented.order.index(i.id) + 1) for i in q.items)
    elif isinstance(q, Matching):
        typed = " ".join(LETTERS[presented.order.index(p.id)] for p in q.pairs)
    elif isinstance(q, Numeric):
        typed = str(q.bounds()[0])
    else:
        assert isinstance(q, ShortAnswer)
        typed = q.accepted[0]
    return [*[("space" if c == " " else c) for c in typed], "enter"]


async def test_take_a_whole_quiz_with_keys(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("q")
        assert isinstance(app.screen, QuizChooser)
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        session = screen.session
        total = len(session.items)
        for _ in range(total):
            presented = session.current
            if not isinstance(presented.question, SingleChoice | TrueFalse):
                await pilot.press("enter")  # nothing typed or picked yet: a hint, not an answer
                assert screen.answered is None
            await pilot.press(*keys_for_right_answer(presented))
            assert screen.answered is not None and screen.answered.correct, presented.question.id
            await pilot.press("enter")
        assert isinstance(app.screen, QuizSummaryScreen)
    log = app.store.answers()
    assert len(log) == total and all(a.correct for a in log)
    assert len({a.session_id for a in log}) == 1


def keys_for_wrong_answer(presented) -> list[str]:
    q = presented.question
    if isinstance(q, SingleChoice):
        wrong = next(o.id for o in q.options if not o.correct)
        return [str(presented.order.index(wrong) + 1)]
    if isinstance(q, TrueFalse):
        return ["2" if q.answer else "1"]
    if isinstance(q, MultipleChoice):
        wrong = next(o.id for o in q.options if not o.correct)
        return [str(presented.order.index(wrong) + 1), "enter"]
    if isinstance(q, Ordering):
        typed = " ".join(str(presented.order.index(i.id) + 1) for i in reversed(q.items))
    elif isinstance(q, Matching):
        typed = " ".join(LETTERS[(presented.order.index(p.id) + 1) % len(q.pairs)] for p in q.pairs)
    else:
        typed = "999999" if isinstance(q, Numeric) else "zzz"
    return [*[("space" if c == " " else c) for c in typed], "enter"]


async def test_wrong_answers_then_retry_them_as_practice(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("q", "down", "space")
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        session = screen.session
        assert {p.quiz.id for p in session.items} == {"edge"}
        for _ in range(len(session.items)):
            await pilot.press(*keys_for_wrong_answer(session.current))
            assert screen.answered is not None and not screen.answered.correct
            await pilot.press("enter")
        assert isinstance(app.screen, QuizSummaryScreen)
        await pilot.press("r")
        assert isinstance(app.screen, QuestionScreen) and app.screen.session.current.practice
    log = app.store.answers()
    assert len(log) == len(session.results) and not any(a.correct for a in log) and not any(a.practice for a in log)


async def test_start_straight_into_named_quizzes(make_app) -> None:
    from advisor.quiz.session import QuizPlan
    from advisor.tui.start import Start

    app = make_app(start=Start("quiz", quiz=QuizPlan(("grpc", "edge"), limit=3, seed=7)))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert {p.quiz.id for p in app.screen.session.items} == {"grpc", "edge"}
        assert len(app.screen.session.items) == 6 and "seed7" in app.screen.session.session_id


async def test_mastery_shows_beside_the_checklist_once_there_is_evidence(make_app, catalog) -> None:
    from advisor.tui.screens.checklist import ChecklistScreen
    from advisor.tui.widgets.checklist import ChecklistView

    question = next(
        q for quiz in catalog.quizzes for q in quiz.questions if "serverless-understand-cold-start" in q.tests
    )
    app = make_app()
    for _ in range(2):
        app.store.record_answer(NewAnswer(question.id, question.revision, "s", True, "x"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("l", "k")
        assert isinstance(app.screen, ChecklistScreen)
        view = app.screen.query_one(ChecklistView)
        prompts = [str(view.get_option_at_index(i).prompt) for i in range(view.option_count)]
        cold = next(p for p in prompts if "cold start" in p.lower())
        assert "recall" in cold
        assert sum("recall" in p for p in prompts) >= 1


async def test_a_leech_is_sent_back_to_the_guide(make_app, catalog) -> None:
    from advisor.quiz.scheduling import LEECH_LAPSES
    from advisor.quiz.session import QuizSession

    app = make_app()
    question = next(q for quiz in catalog.quizzes for q in quiz.questions if isinstance(q, SingleChoice))
    for _ in range(LEECH_LAPSES - 1):
        app.store.record_answer(NewAnswer(question.id, question.revision, "earlier", False, "x"))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = QuestionScreen(QuizSession.start(app.catalog, question_ids=[question.id]))
        await app.push_screen(screen)
        await pilot.press(*keys_for_wrong_answer(screen.session.current))
        await app.writes_done()
        await pilot.pause()
        assert any("missed this one several times" in str(n.message) for n in app._notifications)


async def test_a_short_answer_starting_with_an_exclamation_mark_is_graded(make_app, catalog) -> None:
    """Typed text is an answer, whatever it starts with (it used to be read as a message)."""
    from advisor.quiz.session import QuizSession

    question = next(q for quiz in catalog.quizzes for q in quiz.questions if isinstance(q, ShortAnswer))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = QuestionScreen(QuizSession.start(app.catalog, question_ids=[question.id]))
        await app.push_screen(screen)
        await pilot.press("!", "x", "enter")
        assert screen.answered is not None and not screen.answered.correct
        await app.writes_done()
    assert [a.response for a in app.store.answers()] == ["!x"]


async def test_enter_pressed_twice_never_answers_an_unseen_question(make_app, catalog) -> None:
    from advisor.quiz.session import QuizSession

    singles = [q.id for quiz in catalog.quizzes for q in quiz.questions if isinstance(q, SingleChoice)][:2]
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = QuestionScreen(QuizSession.start(app.catalog, question_ids=singles))
        await app.push_screen(screen)
        await pilot.press("1")  # answer the first; its feedback shows
        assert screen.answered is not None
        await pilot.press("enter", "enter")  # next question, then an impatient second enter
        assert screen.session.position == 1 and screen.answered is None
        await app.writes_done()
    assert len(app.store.answers()) == 1
