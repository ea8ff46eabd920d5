"""Every word on screen can be read: nothing cut off, code kept whole, keys findable, themes remembered."""

from __future__ import annotations

import html
import re

import pytest
from textual.content import Content

from advisor.store import ProgressStore
from advisor.tui.dialogs.help import HelpScreen
from advisor.tui.navigation import DESTINATIONS
from advisor.tui.screens.recommendation import RecommendationScreen, score_bar
from advisor.tui.widgets.checklist import ChecklistView
from advisor.tui.widgets.key_bar import KeyBar
from tests.conftest import MOBILE_WORKLOAD

NARROW = (80, 24)
WORKLOAD = MOBILE_WORKLOAD


def screen_lines(app) -> list[str]:
    """The screen as text, one string per row."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def screen_text(app) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", app.export_screenshot())).replace("\xa0", " ")


def squeeze(text: str) -> str:
    """Text with every run of whitespace and box-drawing made one space: wrapped lines read as one."""
    return " ".join(re.sub(r"[\u2500-\u259f]", " ", text).split())


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def key_bar_text(app) -> str:
    bar = app.screen.query_one(KeyBar)
    content = bar.render()
    assert isinstance(content, Content)
    assert content.cell_length <= bar.size.width, f"the key bar runs past its line: {content.plain!r}"
    return content.plain


# --- B4: checklist items wrap instead of being cut with "…" -----------------------------------


@pytest.mark.parametrize("size", [NARROW, (120, 40)])
async def test_checklist_items_wrap_and_keep_every_word(make_app, catalog, size) -> None:
    longest = max((item for _, item in catalog.checklist()), key=lambda item: len(item.text))
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("l", "k")
        view = app.screen.query_one(ChecklistView)
        index = next(i for i, (item, _) in enumerate(view.items) if item.id == longest.id)
        view.highlighted = index
        await pilot.pause()
        lines = screen_lines(app)
        assert not any("…" in line for line in lines)
        assert squeeze(longest.text) in squeeze(" ".join(lines))


async def test_a_wrapped_item_has_one_box_and_keeps_its_indent(make_app, catalog) -> None:
    longest = max((item for _, item in catalog.checklist()), key=lambda item: len(item.text))
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("l", "k")
        view = app.screen.query_one(ChecklistView)
        index = next(i for i, (item, _) in enumerate(view.items) if item.id == longest.id)
        view.highlighted = index
        await pilot.press("space")
        lines = screen_lines(app)
        first = next(n for n, line in enumerate(lines) if "▐✓▌" in line)
        assert longest.text.split()[0] in lines[first]
        start = lines[first].index("▐✓▌") + 4  # the item's text starts after the box and a space
        following = lines[first + 1]
        assert "▐" not in following  # one box per item, not one per line
        assert following[start - 4 : start].strip("▊ ") == "" and following[start] != " "


# --- Polish 1: the key bar keeps keys whole; help is always there; dialogs show their own keys ----


def _targets(catalog) -> list[str]:
    return [d.name for d in DESTINATIONS.values() if d.name != "section"] + [f"section:{catalog.sections[0].id}"]


@pytest.mark.parametrize("size", [NARROW, (120, 40)])
async def test_every_key_bar_fits_its_line_with_help(make_app, catalog, size) -> None:
    app = make_app()
    app.store.save_workload("current", WORKLOAD)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert "? Help" in key_bar_text(app)
        for target in _targets(catalog):
            app.action_open(target)
            await settle(pilot)
            assert "? Help" in key_bar_text(app), target
            app.action_open("home")
            await pilot.pause()
        await pilot.press("a", "r")
        await settle(pilot)
        assert isinstance(app.screen, RecommendationScreen)
        text = key_bar_text(app)
        assert "? Help" in text and "esc Back" in text


async def test_a_dialog_shows_its_own_keys(make_app) -> None:
    app = make_app()
    app.store.save_workload("current", WORKLOAD)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("a", "r")
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        text = key_bar_text(app)
        assert "Cancel" in text and "Write" in text
        assert "Back" not in text and "Export" not in text
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert key_bar_text(app).strip() == "esc Close"


# --- B10: code blocks are never wrapped or cut: the reading pane scrolls sideways --------------


async def test_a_wide_code_block_scrolls_sideways_at_80_columns(make_app, catalog) -> None:
    section = catalog.section("serverless")
    index = next(i for i, c in enumerate(section.concepts) if c.id == "serverless-cold-start")
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        app.action_open("section:serverless")
        await pilot.pause()
        await pilot.press(*["down"] * (index + 1), "tab")
        await pilot.pause()
        lines = screen_lines(app)
        diagram = next(line for line in lines if "First request (cold)" in line)
        assert "Later requests (warm)" not in diagram  # the line is wider than the pane...
        assert not any(line.strip().startswith("requests (warm)") for line in lines)  # ...and not wrapped
        await pilot.press(*["right"] * 40)
        assert any("Later requests (warm)" in line for line in screen_lines(app))


# --- Polish 8: ticked and unticked boxes differ in shape wherever boxes are drawn ---------------


async def test_ticked_boxes_show_a_tick_and_unticked_ones_are_empty(make_app) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("l", "k", "space")
        lines = screen_lines(app)
        assert sum("▐✓▌" in line for line in lines) == 1
        assert sum("▐ ▌" in line for line in lines) > 5
        assert not any("▐X▌" in line for line in lines)
        app.action_open("home")
        await pilot.press("a")
        while not app.screen.current().multiple:  # on to a question that allows several answers
            await pilot.press("right")
        await pilot.press("1")
        lines = screen_lines(app)
        assert sum("▐✓▌" in line for line in lines) == 1 and not any("▐X▌" in line for line in lines)


# --- Missing 6: the theme is kept for the next start ----------------------------------------------


async def test_the_theme_is_remembered_across_restarts(make_app) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        assert app.theme == "advisor-dark"
        await pilot.press("t")
        await app.writes_done()
    assert make_app().theme == "advisor-light"
    with ProgressStore() as store:
        store.set_setting("theme", "no-such-theme")  # an older or edited value: the default, not a crash
    assert make_app().theme == "advisor-dark"


# --- B8: inline code reads as code, without backticks or stray backslashes ------------------------


def test_inline_code_draws_code_spans_as_code() -> None:
    from advisor.tui.widgets.inline_code import inline_code

    content = inline_code("Add `reserved 5;` and [bold]x[/] `<key>`", "italic")
    assert content.plain == "Add reserved 5; and [bold]x[/] <key>"
    code = [content.plain[s.start : s.end] for s in content.spans if "$code-foreground" in str(s.style)]
    assert code == ["reserved 5;", "<key>"]


async def test_exercises_show_code_as_code_without_backslashes(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        app.action_open("section:serverless")
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        text = screen_text(app)
        assert "resized/<width>/<key>" in text and "\\<" not in text and "`" not in text
        assert "serverless deploy --stage dev" in text


async def test_reasons_show_code_without_backticks(make_app) -> None:
    app = make_app()
    app.store.save_workload("current", {**WORKLOAD, "platform": "kubernetes", "service_count": "many"})
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("a", "r")
        await settle(pilot)
        verdicts = app.screen.query_one("#rec-list")
        ids = [verdicts.get_option_at_index(i).id for i in range(verdicts.option_count)]
        verdicts.highlighted = ids.index("service-mesh")
        await pilot.pause()
        text = screen_text(app)
        assert "istio-injection=enabled" in text and "`" not in text


# --- Confusing 7: per-screen help, a key column that fits, Tab and esc explained ---------------------


async def test_help_lists_the_screen_keys_first_in_a_wide_key_column(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 50)) as pilot:
        await pilot.press("a", "question_mark")
        await pilot.pause()
        lines = [squeeze(line) for line in screen_lines(app)]
        text = "\n".join(lines)
        assert "esc, ? or q closes this help." in text
        assert any("ctrl+o / ctrl+s load answers" in line for line in lines)  # one line: no wrapped key
        assert text.index("On this screen") < text.index("Not sure") < text.index("Everywhere") < text.index("Theme")
        assert "← / b Back" in text
        await pilot.press("escape", "escape", "l", "k", "question_mark")
        await pilot.pause()
        text = "\n".join(squeeze(line) for line in screen_lines(app))
        assert "(shown)" not in text and "space Tick / untick" in text
        assert "tab / shift+tab" in text


async def test_the_reading_screens_offer_tab_in_their_key_bar(make_app) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        app.action_open("section:serverless")
        await pilot.pause()
        assert "tab Switch pane" in key_bar_text(app)
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "concept-reader"


# --- Confusing 6: PageDown in the concept list scrolls the text, not the list -------------------------


async def test_pagedown_in_the_concept_list_scrolls_the_reading_pane(make_app) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        app.action_open("section:serverless")
        await pilot.pause()
        await pilot.press("down")
        concepts = app.screen.query_one("#concept-list")
        reader = app.screen.query_one("#concept-reader")
        await pilot.press("pagedown")
        assert concepts.highlighted == 1 and reader.scroll_y > 0
        await pilot.press("pageup")
        assert concepts.highlighted == 1 and reader.scroll_y == 0


# --- Polish 2, 3, 4, 6: room to read, indents that hold, bars that differ ------------------------------


async def test_the_recommendation_stacks_at_80_columns_and_reasons_get_the_width(make_app) -> None:
    app = make_app()
    app.store.save_workload("current", WORKLOAD)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("a", "r")
        await settle(pilot)
        verdicts = app.screen.query_one("#rec-list")
        detail = app.screen.query_one("#rec-detail")
        assert verdicts.size.width >= 70 and detail.size.width >= 70
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a", "r")
        await settle(pilot)
        assert app.screen.query_one("#rec-detail").size.width >= 60  # side by side, still room


async def test_reasons_keep_their_indent_when_they_wrap(make_app) -> None:
    app = make_app()
    app.store.save_workload("current", WORKLOAD)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("a", "r")
        await settle(pilot)
        await pilot.press("down")  # from the summary to the first technology
        await settle(pilot)
        lines = screen_lines(app)
        weight = next(n for n, line in enumerate(lines) if re.match(r"\s+[+-]\d\s\s\S", line))
        text_at = re.match(r"\s+[+-]\d\s\s", lines[weight]).end()  # where the reason's text starts
        assert lines[weight + 1][:text_at].strip() == "" and lines[weight + 1][text_at] != " "


def test_score_bars_do_not_saturate() -> None:
    bars = [score_bar(score, 7).plain for score in (4, 5, 7)]
    assert len(set(bars)) == 3  # was "│████" for all three
    assert [bar.split()[0] for bar in bars] == ["+4", "+5", "+7"]
    assert bars[0].count("█") < bars[1].count("█") < bars[2].count("█") == 5


async def test_the_figures_bars_say_which_figure_they_draw_and_fit_80_columns(make_app) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("l", "b")
        await pilot.pause()
        text = screen_text(app)
        assert "p99 (bar)" in text and "Size (bar)" in text
        for table in app.screen.query("DataTable"):
            assert table.virtual_size.width <= table.scrollable_content_region.width, table.id


async def test_lists_use_their_room(make_app, catalog) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("l")
        api = next(s.title for s in catalog.sections if s.id == "api-patterns")
        assert any(api in line for line in screen_lines(app))  # one line, not two
        app.action_open("section:serverless")
        await pilot.pause()
        lines = screen_lines(app)
        # a wrapped concept title continues indented, so entries stay apart
        start = next(n for n, line in enumerate(lines) if "The Lambda function model:" in line)
        assert lines[start + 1].startswith("▊   ")


def test_hanging_lines_keep_the_lead_width() -> None:
    from advisor.tui.widgets.hanging_text import hang

    lines = hang([(Content(" +2  "), Content("one two three four five six seven"))], 16)
    assert [line.plain for line in lines] == [" +2  one two", "     three four", "     five six", "     seven"]


async def test_milestone_names_are_not_cut(make_app) -> None:
    app = make_app()
    app.store.save_milestone("v2 many services with a longer name", WORKLOAD, {})
    app.store.save_milestone("first", WORKLOAD, {})
    async with app.run_test(size=NARROW) as pilot:
        app.action_open("milestones")
        await pilot.pause()
        listing = app.screen.query_one("SelectionList")  # the list's own lines: the pane beside it may wrap too
        text = squeeze(" ".join(listing.render_line(y).text for y in range(listing.size.height)))
        assert "v2 many services with a longer name" in text and "…" not in text


# --- Polish 9: the palette shows this app's entries, not Textual's key panel or maximise ----------------


async def test_the_palette_leaves_out_textual_keys_and_maximize(make_app) -> None:
    app = make_app()
    async with app.run_test(size=NARROW):
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert not titles & {"Keys", "Maximize", "Theme"}
        assert {"Help", "Toggle dark/light theme", "Quit"} <= titles


# --- Confusing 12, 13: no phantom curriculum, one "don't know" --------------------------------------------


async def test_advise_offers_one_way_to_say_not_sure(make_app, catalog) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        screen = app.screen
        while screen.current().id != "platform":
            await pilot.press("s")
        options = screen.query_one("#single")
        prompts = [options.get_option_at_index(i).prompt for i in range(options.option_count)]
        labels = [p.paragraph[1].plain if hasattr(p, "paragraph") else str(p) for p in prompts]
        assert not any("Undecided" in label for label in labels)
        assert sum("Not sure" in label for label in labels) == 1


async def test_related_topics_say_they_are_outside_advisor(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.action_open("overview")
        await pilot.pause()
        await pilot.press("end")
        await pilot.pause()
        text = squeeze(screen_text(app))
        assert "not in advisor" in text and "Phase 2:" not in text
