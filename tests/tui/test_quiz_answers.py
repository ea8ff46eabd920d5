"""Answering in the quiz: every option readable, the answer in view, moving steps and matching, marks after."""

from __future__ import annotations

import re

import pytest

from advisor.models.quiz import Matching, MultipleChoice, Numeric, Ordering, ShortAnswer, SingleChoice, TrueFalse
from advisor.quiz.session import QuizSession
from advisor.tui.screens.quiz import QuestionScreen
from advisor.tui.widgets.answers import MatchAnswer, OrderList, SeveralAnswer
from advisor.tui.widgets.key_bar import KeyBar


def questions(catalog, kind) -> list[str]:
    return [q.id for quiz in catalog.quizzes for q in quiz.questions if isinstance(q, kind)]


async def start(app, pilot, ids: list[str], seed: int = 3) -> QuestionScreen:
    screen = QuestionScreen(QuizSession.start(app.catalog, question_ids=ids, seed=seed))
    await app.push_screen(screen)
    await pilot.pause()
    return screen


def shown_text(widget) -> str:
    """What a list draws, as one line of words (wrapped lines joined)."""
    lines = [widget.render_line(y).text for y in range(widget.size.height)]
    return " ".join(" ".join(lines).split())


def words(text: str) -> str:
    """Text as drawn: wrapped lines joined, `code` without its backticks."""
    return " ".join(text.replace("`", "").split())


async def test_the_first_space_ticks_the_first_option(make_app, catalog) -> None:
    """B3: the cursor starts on the first row of a multi-select, in the quiz and in the Advise wizard."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(app, pilot, questions(catalog, MultipleChoice)[:2])
        several = screen.answer_widget()
        assert isinstance(several, SeveralAnswer) and app.focused is several
        await pilot.press("space", "down", "down", "space")
        first, third = screen.session.current.order[0], screen.session.current.order[2]
        assert several.selected == [first, third]
        await pilot.press("enter", "enter")  # answer, next: the next multi-select starts on row 1 too
        several = screen.answer_widget()
        await pilot.press("space")
        assert several.selected == [screen.session.current.order[0]]
        app.pop_screen()
        await pilot.press("a")
        wizard = app.screen
        while not wizard.current().multiple:
            await pilot.press("right")
        await pilot.press("space")
        await pilot.press("enter")
        multiple = next(q for q in wizard.applicable() if q.multiple)
        assert wizard.answers[multiple.id] == [multiple.choices[0].id]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_no_option_is_cut_off(make_app, catalog, size) -> None:
    """B4: options wrap (under their text, not under the number) instead of ending in '…'."""
    app = make_app()
    ids = questions(catalog, SingleChoice | MultipleChoice)
    async with app.run_test(size=size) as pilot:
        screen = await start(app, pilot, ids)
        for _ in ids:
            presented = screen.session.current
            widget = screen.answer_widget()
            await pilot.pause()
            drawn = shown_text(widget)
            written = sum(option.text.count("…") for option in presented.question.options)
            assert drawn.count("…") == written, presented.question.id
            for option in presented.question.options:
                assert words(option.text) in drawn, (presented.question.id, option.id)
            # a wrapped line starts under the text: the numbers stay a column of their own
            lines = [widget.render_line(y).text for y in range(widget.size.height)]
            assert all(re.match(r"^ {2}(\[[x ]\] )?\d  \S|^ {5,}\S", line) for line in lines if line.strip()), lines
            screen.session.advance()
            screen.presented = screen.session.current


@pytest.mark.parametrize("kind", [Ordering, Matching, ShortAnswer, Numeric])
async def test_the_answer_is_on_screen_at_80_by_24(make_app, catalog, kind) -> None:
    """B5: a long matching or ordering question scrolls so the focused answer is visible."""
    app = make_app()
    ids = questions(catalog, kind)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(app, pilot, ids)
        scroll = screen.query_one("#quiz")
        for _ in ids:
            await pilot.pause()
            focused = app.focused
            assert focused is not None and focused is not scroll
            region = focused.region
            assert scroll.region.contains(region.x, region.y), screen.session.current.question.id
            assert scroll.region.contains(region.x, region.bottom - 1) or region.height > scroll.region.height
            screen.session.advance()
            screen.presented = screen.session.current


async def test_a_numeric_answer_must_be_a_number(make_app, catalog) -> None:
    """B6: `two` is refused with a hint, not graded wrong; `6,9` is a number."""
    app = make_app()
    ids = questions(catalog, Numeric)[:1]
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await start(app, pilot, ids)
        await pilot.press("t", "w", "o", "enter")
        assert screen.answered is None
        assert any("type one number" in str(n.message) for n in app._notifications)
        await pilot.press("backspace", "backspace", "backspace", "6", ",", "9", "enter")
        assert screen.answered is not None
        await app.writes_done()
    assert [a.response for a in app.store.answers()] == ["6,9"]


def keybar_text(screen) -> str:
    return str(screen.query_one(KeyBar).render())


async def test_steps_are_put_in_order_with_keys(make_app, catalog) -> None:
    """Missing 7: shift+↑↓ moves the highlighted step; enter submits the list as it stands."""
    app = make_app()
    question_id = questions(catalog, Ordering)[0]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start(app, pilot, [question_id])
        order = screen.query_one(OrderList)
        assert "Move" in keybar_text(screen) and "shift+↑↓" in str(screen.query_one("#quiz-hint").render())
        await pilot.press("enter")  # nothing moved yet: the shuffle as shown is not an answer
        assert screen.answered is None
        right = [i.id for i in screen.session.current.question.items]
        for target, item in enumerate(right):  # selection sort with the keys a learner would press
            row = order.arrangement.index(item)
            order.highlighted = row
            await pilot.press(*["shift+up"] * (row - target))
            assert order.arrangement[target] == item and order.highlighted == target
        order.highlighted = 0
        await pilot.press("ctrl+down", "ctrl+up")
        assert order.arrangement == right
        await pilot.press("enter")
        assert screen.answered is not None and screen.answered.correct
        drawn = shown_text(order)
        assert drawn.count("✓") == len(right)


async def test_steps_move_with_the_mouse(make_app, catalog) -> None:
    app = make_app()
    question_id = questions(catalog, Ordering)[0]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start(app, pilot, [question_id])
        order = screen.query_one(OrderList)
        before = list(order.arrangement)

        def at(row: int) -> tuple[int, int]:
            return 6, 1 + order._index_to_line[row]  # below the list's top border

        await pilot.click(OrderList, offset=at(0))  # pick up the first step…
        await pilot.click(OrderList, offset=at(2))  # …and put it down at the third place
        assert order.arrangement == [before[1], before[2], before[0], *before[3:]]
        await pilot.mouse_down(OrderList, offset=at(2))  # drag the third step back to the top
        await pilot.mouse_up(OrderList, offset=at(0))
        assert order.arrangement == before
        await pilot.click(OrderList, offset=at(1))  # after a drag, a click picks up again
        await pilot.click(OrderList, offset=at(0))
        assert order.arrangement == [before[1], before[0], *before[2:]]


async def test_typing_the_order_is_still_a_shortcut_and_shows_in_the_list(make_app, catalog) -> None:
    app = make_app()
    question_id = questions(catalog, Ordering)[0]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start(app, pilot, [question_id])
        presented = screen.session.current
        typed = [str(presented.order.index(i.id) + 1) for i in presented.question.items]
        await pilot.press(*" space ".join(typed).split())
        assert screen.query_one(OrderList).arrangement == [i.id for i in presented.question.items]
        await pilot.press("enter")
        assert screen.answered is not None and screen.answered.correct


async def test_matching_is_picking_an_item_then_its_match(make_app, catalog) -> None:
    """Missing 7: a letter (or a click on the right side) matches the highlighted item."""
    app = make_app()
    question_id = questions(catalog, Matching)[0]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start(app, pilot, [question_id])
        match = screen.query_one(MatchAnswer)
        presented = screen.session.current
        pairs = presented.question.pairs
        assert "Match" in keybar_text(screen)
        await pilot.press("enter")
        assert screen.answered is None  # nothing matched yet
        letters = "abcdefgh"
        for pair in pairs[:-1]:
            await pilot.press(letters[presented.order.index(pair.id)])
        # the last one with the mouse: click the item, then its match on the right side
        last = pairs[-1]
        await pilot.click(
            "#match-lefts", offset=(6, 1 + match.query_one("#match-lefts")._index_to_line[len(pairs) - 1])
        )
        rights = match.query_one("#match-rights")
        await pilot.click(rights, offset=(6, rights._index_to_line[presented.order.index(last.id)]))
        await pilot.press("enter")
        assert screen.answered is not None and screen.answered.correct, match.matches


async def test_after_the_answer_each_option_says_right_wrong_and_your_pick(make_app, catalog) -> None:
    """Confusing 2: a wrong pick is marked ✗ on the option itself and in the feedback."""
    app = make_app()
    question_id = questions(catalog, MultipleChoice)[0]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start(app, pilot, [question_id])
        presented = screen.session.current
        q = presented.question
        right = next(o for o in q.options if o.correct)
        wrong = next(o for o in q.options if not o.correct)
        await pilot.press(str(presented.order.index(right.id) + 1), str(presented.order.index(wrong.id) + 1), "enter")
        drawn = shown_text(screen.answer_widget())
        assert f"✓ [x] {presented.order.index(right.id) + 1} {words(right.text)} ← your pick" in drawn
        assert f"✗ [x] {presented.order.index(wrong.id) + 1} {words(wrong.text)} ← your pick" in drawn
        assert "← missed" in drawn or sum(o.correct for o in q.options) == 1
        feedback = str(screen.query_one("#quiz-feedback").render())
        assert "Partly right" in feedback and f"✗ {words(wrong.text)}" in words(feedback) and "credit" not in feedback


async def test_ordering_and_matching_feedback_show_positions_and_mappings(make_app, catalog) -> None:
    app = make_app()
    ordering, matching = questions(catalog, Ordering)[0], questions(catalog, Matching)[0]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start(app, pilot, [ordering, matching])
        q = screen.session.current.question
        order = screen.query_one(OrderList)
        order.highlighted = order.arrangement.index(q.items[0].id)
        await pilot.press(*["shift+up"] * order.highlighted)
        await pilot.press("down", "shift+down")  # one step moved: not the answer
        await pilot.press("enter")
        feedback = str(screen.query_one("#quiz-feedback").render())
        assert re.search(r"Partly right — \d of \d in place", feedback) and "1. " in feedback
        assert "belongs at" in shown_text(order)
        await pilot.press("enter")
        presented = screen.session.current
        wrong = "".join(
            "abcdefgh"[(presented.order.index(p.id) + 1) % len(presented.order)] for p in presented.question.pairs
        )
        await pilot.press(*wrong, "enter")
        feedback = str(screen.query_one("#quiz-feedback").render())
        assert "(right: " in feedback and "right: " in shown_text(screen.query_one("#match-lefts"))


async def test_a_progress_bar_and_a_running_score(make_app, catalog) -> None:
    """Missing 4: the bar fills as questions are answered; the score counts right first tries."""
    from textual.widgets import ProgressBar

    app = make_app()
    ids = questions(catalog, TrueFalse)[:3]
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(app, pilot, ids)
        bar = screen.query_one("#quiz-progress", ProgressBar)
        assert (bar.total, bar.progress) == (3, 0)
        q = screen.session.current.question
        await pilot.press("1" if q.answer else "2")
        assert bar.progress == 1 and "1 of 1 right" in str(screen.query_one("#quiz-score").render())
        await pilot.press("enter")
        q = screen.session.current.question
        await pilot.press("2" if q.answer else "1", "enter")
        assert bar.progress == 2 and "1 of 2 right" in str(screen.query_one("#quiz-score").render())
