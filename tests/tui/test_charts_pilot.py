"""Charts in the TUI: the recommendation's score chart (c) and Home's progress charts."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys

import pytest

from advisor.models.progress import NewAnswer
from advisor.text.numbers import signed
from advisor.tui.screens.recommendation import RecommendationScreen
from tests.conftest import ROOT

WORKLOAD = {"clients": ["browser", "mobile"], "client_data_needs": "varied", "data_shape": "nested"}


def screen_text(app) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", app.export_screenshot())).replace("\xa0", " ")


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_c_shows_every_score_against_the_thresholds_and_esc_goes_back(make_app, size) -> None:
    app = make_app()
    app.store.save_workload("current", WORKLOAD)
    async with app.run_test(size=size) as pilot:
        await pilot.press("a", "r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RecommendationScreen)
        assert "c Chart" in screen_text(app)
        await pilot.press("c")
        chart = screen.query_one("#rec-chart")
        assert chart.display and not screen.query_one(".split").display and app.focused is chart
        lines = [line.plain for line in chart.query_one("ScoreChart").lines(chart.content_size.width)]
        assert any("≤-3" in line for line in lines[:2]) and any("≥+3" in line for line in lines[:2])
        for t in screen.report.technologies:  # each one's row carries its name, its bar and its score
            row = next(line for line in lines if line.startswith(t.name[:10]))
            assert row.rstrip().endswith(signed(t.score) + " " + {"recommended": "✓", "consider": "~", "avoid": "✗"}[
                t.verdict]), row  # fmt: skip
            assert ("█" in row or "▌" in row or "▐" in row) if t.score else "│" in row
            assert row.count("┊") + row.count("█") >= 1
        assert max(len(line) for line in lines) <= chart.content_size.width
        text = screen_text(app)
        assert "GraphQL" in text and "SERVICE-TO-SERVICE NETWORKING" in text
        await pilot.press("escape")
        assert not chart.display and screen.query_one(".split").display and app.screen is screen
        await pilot.press("c", "c")  # c toggles as well
        assert not chart.display


async def test_a_negative_score_is_drawn_left_of_zero_and_a_veto_as_a_veto(make_app) -> None:
    from advisor.tui.widgets.score_chart import ScoreChart
    from tests.test_charts import with_scopes

    app = make_app()
    app.store.save_workload("current", WORKLOAD)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a", "r")
        await settle(pilot)
        chart = ScoreChart(with_scopes(app.screen.report))
        lines = [line.plain for line in chart.draw(90)]
        zero = lines[1].index("┼")
        grpc = next(line for line in lines if line.startswith("gRPC"))
        assert "█" in grpc[:zero] and "█" not in grpc[zero:]  # -4: the bar ends at zero
        vetoed = next(line for line in lines if "between our own services" in line)
        assert "✗ vetoed" in vetoed and "█" not in vetoed and vetoed.rstrip().endswith("veto ✗")
        boundary = next(line for line in lines if "for browsers and mobile" in line)
        assert boundary.startswith("  for browsers") and "+4 ✓" in boundary


async def test_home_draws_the_progress_charts_after_the_first_frame(make_app, catalog) -> None:
    app = make_app()
    section = catalog.sections[1]
    app.store.set_tick(section.checklist[0].id, True)
    app.store.record_answer(NewAnswer("serverless-cold-start-steps", 1, "s1", True, ["x"], 3.0))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Checklist by section" in text and "Quiz accuracy by day" in text
        assert re.search(re.escape(section.title) + r"\s*[█▏▎▍▌▋▊▉]+░+\s*1/" + str(len(section.checklist)), text)
        assert "1 of 1 right (100%)" in text
        app.store.set_tick(section.checklist[1].id, True)
        await pilot.press("l")
        await pilot.press("escape")  # back on Home: the charts are read again
        await settle(pilot)
        assert f"2/{len(section.checklist)}" in screen_text(app)


async def test_home_fits_its_charts_at_80_by_24(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        charts = app.screen.query_one("#progress-charts")
        assert charts.region.bottom <= app.screen.query_one("#home-charts").region.bottom  # all of it shows
        assert "No quiz answers yet" in screen_text(app)


FIRST_FRAME = """
import asyncio, sys
from advisor.loading.cache import cache_key, read_digest
from advisor.loading.paths import shipped_folders, yaml_files
from advisor.store import ProgressStore
from advisor.tui.app import AdvisorApp

folders = list(shipped_folders())
digest = read_digest(cache_key([p for f in folders for p in yaml_files(f)]))
assert digest is not None, "the cache was not primed"
seen = {}
after_first_frame = AdvisorApp._after_first_frame

def spy(self):
    seen["modules"] = set(sys.modules)
    after_first_frame(self)

AdvisorApp._after_first_frame = spy

def load():
    from advisor.loading.catalog import load_catalog
    return load_catalog(folders, cache=True)

async def main():
    with ProgressStore() as store:
        app = AdvisorApp(load, store, digest=digest)
        async with app.run_test(size=(80, 24)) as pilot:
            for _ in range(100):  # the catalog loads on its thread, then the charts in a worker
                await pilot.pause(0.1)
                if app.screen.query("#progress-charts"):
                    break
            seen["charts"] = bool(app.screen.query("#progress-charts"))

asyncio.run(main())
bad = sorted(m for m in seen["modules"] if m.split(".")[0] in ("pydantic", "plotext", "textual_plotext")
             or m in ("advisor.text.charts", "advisor.tui.widgets.progress_charts", "advisor.loading.catalog"))
print("charts" if seen["charts"] else "no charts", bad)
"""


@pytest.mark.slow
def test_homes_first_frame_imports_neither_pydantic_nor_the_charts(tmp_path) -> None:
    """Home's first frame is drawn from the cache's digest: the catalog (pydantic) and the charts come later."""
    env = {**os.environ, "ADVISOR_HOME": str(tmp_path / "home"), "ADVISOR_CACHE": str(tmp_path / "cache")}
    prime = "from advisor.loading.catalog import load_catalog; load_catalog(cache=True)"
    subprocess.run([sys.executable, "-c", prime], env=env, check=True, cwd=ROOT)
    out = subprocess.run([sys.executable, "-c", FIRST_FRAME], env=env, capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "charts []"


def test_a_score_and_its_negative_draw_bars_of_one_length() -> None:
    from advisor.reports.score_chart import ScoreScale
    from advisor.tui.widgets.score_chart import _Plot

    for cells in range(20, 61):  # every width the chart is drawn at, from 80 columns up
        plot = _Plot(ScoreScale(-7, 6, -3, 3), cells)
        for n in range(1, 7):
            assert plot.col(n) - plot.zero == plot.zero - plot.col(-n), (cells, n)
        assert plot.recommended - plot.zero == plot.zero - plot.avoid, cells
        assert plot.col(-7) >= 0 and plot.col(6) <= cells - 1, cells
