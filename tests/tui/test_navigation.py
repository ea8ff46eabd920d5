"""Going to an item of the guide: from a quiz mistake, from a reason, and by name from the palette."""

from __future__ import annotations

import pytest

from advisor.tui.screens.quiz_summary import QuizSummaryScreen
from advisor.tui.screens.section import SectionScreen
from tests.tui.test_quiz_pilot import keys_for_wrong_answer


def highlighted_item(screen: SectionScreen) -> str | None:
    """The id of the concept or checklist item highlighted on the tab in use."""
    tab = screen.query_one("ContentSwitcher").current
    widget = screen.query_one("#concept-list" if tab == "concepts" else "#checklist")
    if widget.highlighted is None:
        return None
    option = widget.get_option_at_index(widget.highlighted)
    return option.id if tab == "concepts" else option.value


@pytest.mark.parametrize("kind", ["concept", "checklist"])
async def test_an_item_opens_where_it_is(make_app, catalog, kind: str) -> None:
    section = catalog.sections[2]
    item = (section.concepts if kind == "concept" else section.checklist)[-1]
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_open(f"item:{item.id}")
        await pilot.pause()
        assert isinstance(app.screen, SectionScreen) and app.screen.section.id == section.id
        assert highlighted_item(app.screen) == item.id


async def test_an_unknown_item_opens_nothing(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        home = app.screen
        app.action_open("item:no-such-thing")
        await pilot.pause()
        assert app.screen is home


async def test_reread_after_a_quiz_opens_the_first_mistake_s_item(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("q", "down", "space", "enter")
        session = app.screen.session
        for _ in range(len(session.items)):
            await pilot.press(*keys_for_wrong_answer(session.current))
            await pilot.press("enter")
        assert isinstance(app.screen, QuizSummaryScreen)
        first = session.summary().reread[0]
        await pilot.press("g")
        assert isinstance(app.screen, SectionScreen)
        assert highlighted_item(app.screen) == first


async def test_learn_shows_the_section_read_last_when_you_come_back(make_app, catalog) -> None:
    from advisor.tui.start import Start

    app = make_app(start=Start("learn", section=catalog.sections[1].id))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n", "escape")  # read on into the next section, then back to the index
        index = app.screen.query_one("#learn-index")
        assert index.get_option_at_index(index.highlighted).id == f"section:{catalog.sections[2].id}"


async def test_the_palette_finds_a_concept_by_words_and_opens_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"cold start")
        await pilot.pause(0.5)  # the palette searches in a worker
        await pilot.press("enter")  # the best hit is highlighted
        await pilot.pause()
        assert isinstance(app.screen, SectionScreen)
        assert highlighted_item(app.screen) == "serverless-cold-start"
