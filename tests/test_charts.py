"""Charts: the score chart (SVG in the HTML report, rows shared with the TUI) and the progress charts."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from rich.console import Console

from advisor.advise.engine import recommend
from advisor.cli import main
from advisor.models.progress import NewAnswer
from advisor.models.report import Report, ReportScope
from advisor.quiz.progress import accuracy_by_day
from advisor.reports.build import build_report
from advisor.reports.formats import render_report
from advisor.reports.score_chart import score_groups, score_scale
from advisor.reports.score_svg import render_score_svg
from advisor.store import ProgressStore
from advisor.text.charts import Completion, DayScore, accuracy_chart, completion_chart, line_width

SVG = "{http://www.w3.org/2000/svg}"
MOBILE = {"clients": ["browser", "mobile"], "client_data_needs": "varied", "data_shape": "nested"}


def with_scopes(report: Report) -> Report:
    """The report with containers decided at two boundaries, one of them vetoed (no shipped rule has scopes yet)."""
    scopes = [
        ReportScope(scope="edge", title="for browsers and mobile apps", verdict="recommended", score=4, vetoed=False,
                    reasons=[]),
        ReportScope(scope="internal", title="between our own services", verdict="avoid", score=1, vetoed=True,
                    reasons=[]),
    ]  # fmt: skip
    techs = [t.model_copy(update={"scopes": scopes}) if t.id == "containers" else t for t in report.technologies]
    return report.model_copy(update={"technologies": techs})


@pytest.fixture
def report(catalog) -> Report:
    return with_scopes(build_report(catalog, recommend(catalog, MOBILE), date="2026-01-15"))


def test_the_svg_parses_with_its_text_alternative_and_a_bar_per_technology_and_scope(report) -> None:
    root = ET.fromstring(render_score_svg(report))
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    labelled = root.get("aria-labelledby", "").split()
    ids = {e.get("id") for e in root.iter()}
    assert labelled and set(labelled) <= ids
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text and desc is not None and desc.text
    bars = [e for e in root.iter(f"{SVG}rect") if e.get("class") == "bar"]
    vetoes = [e for e in root.iter(f"{SVG}text") if e.get("class") == "veto"]
    rows = [r for g in score_groups(report) for r in g.rows]
    assert len(rows) == len(report.technologies) + sum(len(t.scopes) for t in report.technologies)  # and each scope
    assert len(bars) + len(vetoes) == len(rows) and len(vetoes) == sum(r.vetoed for r in rows) == 1
    assert len([e for e in root.iter(f"{SVG}line") if e.get("class") == "threshold"]) == 2
    assert len([e for e in root.iter(f"{SVG}line") if e.get("class") == "zero"]) == 1
    texts = " ".join("".join(e.itertext()) for e in root.iter(f"{SVG}text"))
    for t in report.technologies:  # the numbers are text, in the picture and in its description
        assert t.name.split()[0] in texts
        assert f"{t.name}: {'vetoed' if t.vetoed else format(t.score, '+g')}" in (desc.text or "")
    assert "between our own services: vetoed, avoid" in (desc.text or "")
    assert "recommended at +3 or more" in texts and "avoid at -3 or less" in texts


def test_negative_scores_draw_left_of_zero(report) -> None:
    root = ET.fromstring(render_score_svg(report))
    zero = next(float(e.get("x1", 0)) for e in root.iter(f"{SVG}line") if e.get("class") == "zero")
    bars = [e for e in root.iter(f"{SVG}rect") if e.get("class") == "bar"]
    scores = [r.score for g in score_groups(report) for r in g.rows if not r.vetoed]
    for bar, score in zip(bars, scores, strict=True):
        x, width = float(bar.get("x", 0)), float(bar.get("width", 0))
        assert (x + width <= zero + 1.5) if score < 0 else (x >= zero - 0.1), score


def test_the_scale_takes_in_thresholds_and_every_score(report) -> None:
    scale = score_scale(report)
    scores = [t.score for t in report.technologies]
    assert scale.low < scale.avoid and scale.high > scale.recommended
    assert scale.low <= min(scores) and scale.high >= max(scores)


def test_the_html_report_carries_the_chart_before_the_workload(report) -> None:
    page = render_report(report, "html")
    assert page.index("<h2>Scores</h2>") < page.index("<svg") < page.index("<h2>Workload</h2>")
    assert "<script" not in page and "href=" not in page[page.index("<svg") : page.index("</svg>")]


def test_completion_chart_fits_its_width_and_never_cuts_a_label() -> None:
    rows = [Completion("Modern API patterns: GraphQL and gRPC", 3, 12), Completion("Edge", 5, 5)]
    for width in (30, 40, 80):
        lines = completion_chart(rows, width)
        assert all(line_width(line) <= width for line in lines)
        text = " ".join("".join(t for t, _ in line) for line in lines)
        assert "3/12" in text and "5/5 ✓" in text
        assert all(word in text for word in rows[0].label.split())


def test_accuracy_chart_draws_a_column_per_day_and_says_the_latest() -> None:
    days = [DayScore("2026-12-01", 1, 4), DayScore("2026-12-02", 4, 4), DayScore("2026-12-03", 0, 3)]
    lines = ["".join(t for t, _ in line) for line in accuracy_chart(days, 40, height=4)]
    assert lines[0].startswith("100%") and "█" in lines[0]  # the full day reaches the top
    assert lines[-1] == "2026-12-03: 0 of 3 right (0%)" and "2026-12-01 … 2026-12-03" in lines[-2]
    wide = ["".join(t for t, _ in line) for line in accuracy_chart(days, 60, height=4)]
    assert wide[-2].endswith("2026-12-03 · days with answers only")  # columns are answer days, not a calendar
    assert all(len(line) <= 40 for line in lines)
    many = [DayScore(f"2026-11-{d:02d}", 1, 2) for d in range(1, 31)]
    assert "2026-11-30" in "".join(t for t, _ in accuracy_chart(many, 30)[-1])  # the latest days fit
    assert "No quiz answers yet" in accuracy_chart([], 40)[0][0][0]


def test_accuracy_by_day_counts_first_tries_only(tmp_path) -> None:
    with ProgressStore(tmp_path) as store:
        for day, correct, practice in (
            ("01", True, False),
            ("01", False, False),
            ("01", False, True),
            ("03", True, False),
        ):
            store.clock = lambda day=day: f"2026-12-{day}T10:00:00+00:00"
            store.record_answer(NewAnswer("serverless-cold-start-steps", 1, "s", correct, ["x"], 1.0, practice))
        assert accuracy_by_day(store.answers()) == [DayScore("2026-12-01", 1, 2), DayScore("2026-12-03", 1, 1)]


def test_progress_prints_the_charts_at_the_console_width(catalog, capsys) -> None:
    from advisor.cli.progress_table import print_progress

    with ProgressStore() as store:
        store.set_tick(catalog.sections[1].checklist[0].id, True)
        store.record_answer(NewAnswer("serverless-cold-start-steps", 1, "s1", True, ["x"], 3.0))
        out = io.StringIO()
        print_progress(catalog, store, Console(file=out, width=60, color_system=None))
    text = out.getvalue()
    charts = text[: text.index("Learning checklist")]
    assert "Checklist by section" in charts and "Quiz accuracy by day" in charts
    assert all(len(line) <= 60 for line in charts.splitlines())
    assert f"1/{len(catalog.sections[1].checklist)}" in charts and "█" in charts
    assert ": 1 of 1 right (100%)" in charts
    assert main(["progress"]) == 0 and "Checklist by section" in capsys.readouterr().out
