"""Driving Learn with keys, as a user would."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import yaml

from advisor.loading.catalog import load_catalog
from advisor.tui.dialogs.help import HelpScreen
from advisor.tui.navigation import PAGES
from advisor.tui.screens.checklist import ChecklistScreen
from advisor.tui.screens.home import HomeScreen
from advisor.tui.screens.learn import LearnScreen
from advisor.tui.screens.section import SectionScreen
from advisor.tui.widgets.checklist import ChecklistView
from tests.conftest import ROOT


async def test_tick_survives_a_restart(make_app, catalog) -> None:
    first = catalog.sections[0].checklist[0].id
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("l")
        assert isinstance(app.screen, LearnScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, SectionScreen) and app.screen.section.id == catalog.sections[0].id
        await pilot.press("2", "space")
        await app.writes_done()
        await pilot.pause()
        assert app.store.done_items() == {first}
        assert "checklist 1/" in app.screen.sub_title
    app2 = make_app()
    async with app2.run_test(size=(100, 30)) as pilot:
        assert "1 of" in str(app2.screen.query_one("#progress-label").render())
        await pilot.press("l", "enter", "2")
        view = app2.screen.query_one(ChecklistView)
        assert first in view.selected


async def test_untick_from_the_full_checklist(make_app, catalog) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("l", "k")
        assert isinstance(app.screen, ChecklistScreen)
        await pilot.press("space", "down", "space", "up", "space")
        await app.writes_done()
        await pilot.pause()
        second = catalog.checklist()[1][1].id
        assert app.store.done_items() == {second}
        assert app.screen.sub_title.endswith(f"1/{len(catalog.checklist())} done")


async def test_every_page_opens_and_closes(make_app, catalog) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("l")
        for page in PAGES:
            app.action_open(page.name)
            await pilot.pause()
            assert not isinstance(app.screen, LearnScreen), page.name
            await pilot.press("escape")
            assert isinstance(app.screen, LearnScreen), page.name
        await pilot.press("m", "enter")  # a matrix row opens its section
        assert isinstance(app.screen, SectionScreen) and app.screen.section.id == catalog.matrix.technologies[0].section
        await pilot.press("escape", "escape", "escape")
        assert isinstance(app.screen, HomeScreen)


async def test_next_and_previous_section(make_app, catalog) -> None:
    from advisor.tui.start import Start

    app = make_app(start=Start("learn", section=catalog.sections[0].id))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.section.id == catalog.sections[0].id
        await pilot.press("3", "n")
        assert app.screen.section.id == catalog.sections[1].id
        await pilot.press("p", "p")
        assert app.screen.section.id == catalog.sections[0].id


async def test_help_palette_and_theme(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("t")
        assert app.theme == "advisor-light"
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {
            "Learn",
            "Advise",
            "Quiz",
            "Decision matrix",
            "Learning checklist",
            "Kept recommendations",
            "Help",
        } <= titles
        assert any(t.startswith("Read: ") for t in titles)


MARKUP = "[bold]B[/bold] [link=https://example.com]L[/link] [@click=app.quit]Q[/] [1, 2]"


def screen_text(app) -> str:
    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


async def test_text_that_looks_like_markup_shows_as_written(make_app, tmp_path: Path) -> None:
    pack = tmp_path / "content"
    shutil.copytree(ROOT / "content", pack)
    section_file = pack / "sections" / "serverless.yaml"
    data = yaml.safe_load(section_file.read_text(encoding="utf-8"))
    data["checklist"][0]["text"] = MARKUP
    section_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    matrix_file = pack / "matrix.yaml"
    data = yaml.safe_load(matrix_file.read_text(encoding="utf-8"))
    data["technologies"][0]["best_for"] = MARKUP
    matrix_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    comparison_file = pack / "api-comparison.yaml"
    data = yaml.safe_load(comparison_file.read_text(encoding="utf-8"))
    data["styles"][0]["name"] = "[bold]REST[/bold]"
    comparison_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    catalog = load_catalog([pack, ROOT / "rules", ROOT / "quizzes"])
    app = make_app(catalog)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("l", "k")
        assert MARKUP in screen_text(app)
        await pilot.press("escape", "m")
        assert "[bold]B[/bold]" in screen_text(app)
        await pilot.press("escape", "c")
        assert "[bold]REST[/bold]" in screen_text(app)  # a column label
        assert app.is_running  # the [@click=app.quit] did nothing
