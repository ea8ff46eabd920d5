"""Notes, priorities, decisions, the trace and quick mode in the TUI, driven with keys."""

from __future__ import annotations

from pathlib import Path

import yaml
from textual.widgets import OptionList, Static

from advisor.tui.dialogs.choose import ChooseDialog
from advisor.tui.dialogs.priorities import PrioritiesDialog
from advisor.tui.dialogs.text import TextDialog
from advisor.tui.dialogs.trace import TraceDialog
from advisor.tui.screens.advise import AdviseScreen
from advisor.tui.screens.recommendation import RecommendationScreen
from advisor.tui.widgets.hanging_text import HangingText

HOSTILE = "[bold]x[/] [@click=app.quit]y[/] *z* <b>"


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def shown(widget) -> str:
    return str(widget.render())


def text_of(screen) -> str:
    """The reading pane's text as drawn (Content: user text is never read as markup)."""
    return "\n".join(lead.plain + body.plain for lead, body in screen.query_one("#rec-text", HangingText).paragraphs)


async def test_a_note_on_the_current_question_is_kept_shown_and_reported(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a", "n")
        assert isinstance(app.screen, TextDialog)
        await pilot.press(*HOSTILE, "enter")
        screen = app.screen
        assert isinstance(screen, AdviseScreen)
        assert screen.notes == {"traffic_pattern": HOSTILE}
        assert HOSTILE in shown(screen.query_one("#question-note", Static))
        await app.writes_done()
        assert app.store.workload("current").notes == {"traffic_pattern": HOSTILE}
        await pilot.press("n", *["backspace"] * len(HOSTILE), "enter")  # an emptied note is removed
        assert screen.notes == {}
        await pilot.press("n", *"launch spikes", "enter", "r")
        await settle(pilot)
        assert isinstance(app.screen, RecommendationScreen)
        assert app.screen.report.unanswered[0].note == "launch spikes"


async def test_priorities_from_the_wizard_are_kept_and_weigh_in(make_app) -> None:
    app = make_app()
    app.store.save_workload("current", {"traffic_pattern": "spiky"})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a", "w")
        assert isinstance(app.screen, PrioritiesDialog)
        await pilot.press("right", "down", "left", "enter")  # cost high, latency low
        screen = app.screen
        assert isinstance(screen, AdviseScreen)
        assert screen.priorities == {"cost": "high", "latency": "low"}
        await app.writes_done()
        assert app.store.workload("current").priorities == {"cost": "high", "latency": "low"}
        await pilot.press("r")
        await settle(pilot)
        report = app.screen.report
        assert report.priorities["cost"] == "high"
        assert "priorities: Cost high · Latency low" in shown(app.screen.query_one("#rec-summary", Static))
        serverless = report.technology("serverless")
        spiky = next(r for r in serverless.reasons if r.rule == "serverless-spiky-traffic")
        assert spiky.contribution == 2 * spiky.weight


async def test_a_decision_on_the_highlighted_verdict_with_a_hostile_reason(make_app) -> None:
    app = make_app()
    app.store.save_workload("current", {"traffic_pattern": "spiky"})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a", "r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RecommendationScreen)
        await pilot.press("d")  # the overview is highlighted: nothing to decide on
        assert app.screen is screen
        await pilot.press("down")
        t = screen.selected()
        assert t is not None
        await pilot.press("d")
        assert isinstance(app.screen, ChooseDialog)
        await pilot.press("down", "down", "enter")  # accept the risk
        assert isinstance(app.screen, TextDialog)
        await pilot.press(*HOSTILE, "enter")
        assert app.screen is screen
        decided = screen.report.technology(t.id).team_decision
        assert decided is not None and decided.decision == "accept-risk" and decided.reason == HOSTILE
        assert HOSTILE in text_of(screen)
        await app.writes_done()
        assert app.store.workload("current").decisions[t.id].reason == HOSTILE
        await pilot.press("d", "down", "down", "down", "enter")  # clear it
        assert screen.report.technology(t.id).team_decision is None


async def test_the_trace_of_the_highlighted_technology(make_app) -> None:
    app = make_app()
    app.store.save_workload("current", {"traffic_pattern": "spiky"})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a", "r")
        await settle(pilot)
        await pilot.press("down", "x")
        await settle(pilot)
        assert isinstance(app.screen, TraceDialog)
        lines = "\n".join(lead + text for lead, text in app.screen.lines)
        assert "serverless-spiky-traffic (cost: +2): traffic_pattern is spiky  ← traffic_pattern = spiky" in lines
        await pilot.press("escape")
        assert isinstance(app.screen, RecommendationScreen)


async def test_the_trace_wraps_at_80_columns_beside_each_rules_status(make_app) -> None:
    from advisor.tui.widgets.hanging_text import HangingText

    app = make_app()
    app.store.save_workload("current", {"traffic_pattern": "spiky"})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", "r")
        await settle(pilot)
        await pilot.press("down", "x")
        await settle(pilot)
        assert isinstance(app.screen, TraceDialog)
        text = app.screen.query_one("#trace-text", HangingText)
        width = text.content_size.width
        shown = [line.plain for line in text._lines(width)]
        assert all(len(line) <= width for line in shown)  # nothing runs off the side
        words = " ".join(shown).split()
        for lead, body in app.screen.lines:  # every word of every line is drawn
            for word in (lead + body).split():
                assert word in words, word
        continued = [line for line in shown if line.startswith(" " * 18) and line.strip()]
        assert continued, "a long rule wraps under its text, beside the status column"


async def test_priorities_on_the_recommendation_screen_rework_the_verdicts(make_app) -> None:
    app = make_app()
    app.store.save_workload("current", {"traffic_pattern": "spiky"})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a", "r")
        await settle(pilot)
        screen = app.screen
        await pilot.press("w", "right", "right", "enter")
        await settle(pilot)
        assert screen.report.priorities["cost"] == "high"
        await app.writes_done()
        assert app.store.workload("current").priorities == {"cost": "high"}
        await pilot.press("escape")
        assert app.screen.priorities == {"cost": "high"}  # the wizard knows


async def test_quick_mode_asks_what_matters_and_stops(make_app) -> None:
    from advisor.advise.quick import next_question

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a", "q")
        await settle(pilot)
        screen = app.screen
        assert screen.quick and screen.current().id == next_question(app.catalog, {}).question
        assert "Quick mode · question 1" in shown(screen.query_one("#step", Static))
        for _ in range(len(app.catalog.questions)):
            if not isinstance(app.screen, AdviseScreen):
                break
            await pilot.press("1" if not screen.current().multiple else "enter")
            await settle(pilot)
        assert isinstance(app.screen, RecommendationScreen)
        asked = len(screen.quick_path)
        assert 0 < asked < len(app.catalog.questions)
        said = [n.message for n in app._notifications]
        assert any(m.startswith(f"Done: {asked} of ") and "could not change any verdict" in m for m in said)


async def test_ctrl_s_writes_a_version_2_file_with_the_notes(make_app, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app()
    app.store.save_workload("current", {"traffic_pattern": "spiky"})
    app.store.save_workload_context("current", notes={"traffic_pattern": "why"}, priorities={"cost": "low"})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a", "ctrl+s")
        await pilot.press("enter")
        data = yaml.safe_load((tmp_path / "workload.yaml").read_text(encoding="utf-8"))
        assert data["version"] == 2 and data["answers"]["traffic_pattern"] == "spiky"
        assert data["notes"] == {"traffic_pattern": "why"} and data["priorities"]["cost"] == "low"
        list_ = app.screen.query_one("#single", OptionList)
        assert list_ is not None


async def test_the_screen_says_where_a_scoped_technology_is_for(make_app) -> None:
    from advisor.models.workload import Workload
    from tests.test_report_context import WHERE, scoped_report

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = RecommendationScreen(scoped_report(app.catalog), Workload())
        await app.push_screen(screen)
        verdicts = screen.query_one("#rec-list", OptionList)
        verdicts.highlighted = next(
            i for i in range(verdicts.option_count) if verdicts.get_option_at_index(i).id == "grpc"
        )
        await pilot.pause()
        assert f"Where: {WHERE}" in text_of(screen)


async def test_recommend_quick_opens_the_wizard_in_quick_mode(make_app) -> None:
    from advisor.advise.quick import next_question
    from advisor.tui.start import Start

    app = make_app(start=Start("advise", quick=True))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AdviseScreen) and screen.quick
        assert screen.current().id == next_question(app.catalog, {}).question
        await pilot.press("q")  # back to every question, in order
        assert not screen.quick and "q: quick mode" in shown(screen.query_one("#wizard-hint", Static))
