"""Snapshots of Home, every Learn screen, Advise, the recommendation and the quiz (review changed SVGs by eye)."""

from __future__ import annotations

import pytest

from advisor.store import ProgressStore
from tests.conftest import MOBILE_WORKLOAD

SIZE = (80, 24)


@pytest.fixture
def app(make_app, catalog):
    with ProgressStore() as store:  # two ticks, so progress shows
        store.set_tick(catalog.sections[0].checklist[0].id, True)
        store.set_tick(catalog.sections[0].checklist[2].id, True)
    return make_app()


async def _charts_drawn(pilot) -> None:
    """Home's charts are read in a worker: wait for them, so the picture is always the same."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_home(snap_compare, app) -> None:
    assert snap_compare(app, run_before=_charts_drawn, terminal_size=SIZE)


def test_learn_index(snap_compare, app) -> None:
    assert snap_compare(app, press=["l"], terminal_size=SIZE)


@pytest.mark.parametrize("tab", ["1", "2", "3", "4"])
def test_section_tabs(snap_compare, app, tab) -> None:
    assert snap_compare(app, press=["l", "enter", tab], terminal_size=SIZE)


@pytest.mark.parametrize("key", ["m", "c", "u", "b", "k"])
def test_reference_pages(snap_compare, app, key) -> None:
    assert snap_compare(app, press=["l", key], terminal_size=SIZE)


def test_overview(snap_compare, app) -> None:
    async def open_overview(pilot) -> None:
        await pilot.press("l")
        pilot.app.action_open("overview")
        await pilot.pause()

    assert snap_compare(app, run_before=open_overview, terminal_size=SIZE)


def test_help(snap_compare, app) -> None:
    assert snap_compare(app, run_before=_charts_drawn, press=["question_mark"], terminal_size=SIZE)


def test_narrow_learn(snap_compare, app) -> None:
    assert snap_compare(app, press=["l"], terminal_size=(40, 12))


def test_advise_question(snap_compare, app) -> None:
    assert snap_compare(app, press=["a", "2", "s"], terminal_size=SIZE)


def test_advise_several_choices(snap_compare, app) -> None:
    assert snap_compare(app, press=["a", "right", "right", "right", "right", "1"], terminal_size=SIZE)


def test_recommendation(snap_compare, make_app) -> None:
    app = make_app()
    app.store.save_workload("current", MOBILE_WORKLOAD)
    assert snap_compare(app, press=["a", "r", "down", "down", "down", "down", "down"], terminal_size=(100, 30))


def test_score_chart(snap_compare, make_app) -> None:
    app = make_app()
    app.store.save_workload(
        "current",
        {
            "clients": ["browser", "mobile"],
            "client_data_needs": "varied",
            "data_shape": "nested",
            "service_count": "few",
            "ops_maturity": "low",
            "traffic_pattern": "spiky",
        },
    )

    async def chart(pilot) -> None:
        await pilot.press("a", "r")
        await pilot.app.workers.wait_for_complete()
        await pilot.press("c")

    assert snap_compare(app, run_before=chart, terminal_size=SIZE)


def _seeded_quiz(app):
    from advisor.quiz.session import QuizSession
    from advisor.tui.screens.quiz import QuestionScreen

    session = QuizSession.start(app.catalog, quiz_ids=["grpc"], seed=7, limit=2)
    session.session_id = "snapshot-session"
    session.clock = lambda: 0.0  # no wall-clock time in the picture
    return QuestionScreen(session)


def test_quiz_question(snap_compare, app) -> None:
    async def start(pilot) -> None:
        await pilot.app.push_screen(_seeded_quiz(pilot.app))

    assert snap_compare(app, run_before=start, terminal_size=(100, 30))


def test_quiz_feedback(snap_compare, app) -> None:
    async def answer(pilot) -> None:
        await pilot.app.push_screen(_seeded_quiz(pilot.app))
        await pilot.press("2", "3", "enter")  # the first question allows several answers

    assert snap_compare(app, run_before=answer, terminal_size=(100, 30))


def test_quiz_summary(snap_compare, app) -> None:
    async def finish(pilot) -> None:
        screen = _seeded_quiz(pilot.app)
        await pilot.app.push_screen(screen)
        for _ in range(2):
            await pilot.press("1")
            if screen.answered is None:
                await pilot.press("z", "enter")
            await pilot.press("enter")

    assert snap_compare(app, run_before=finish, terminal_size=(100, 30))
