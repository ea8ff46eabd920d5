"""Text that looks like markup or carries terminal escapes shows literally everywhere and triggers nothing."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
import yaml

from advisor.advise.engine import recommend
from advisor.loading.catalog import load_catalog
from advisor.reports.build import build_report
from advisor.reports.formats import render_report
from advisor.store import ProgressStore
from advisor.tui.app import AdvisorApp
from tests.conftest import ROOT

MARKUP = "[bold]B[/bold] [/] [link=https://example.com]L[/link] [@click=app.quit]Q[/]"
HOSTILE = MARKUP + " \x1b[31mred\x1b[0m \x07bell \x9b2J"
TAGS = "</svg><script>alert(1)</script> & \"quoted\" 'single' <b>"


@pytest.fixture
def hostile_catalog(tmp_path: Path):
    """The shipped data with markup and escapes in a checklist item, a matrix cell, a rule and a quiz option."""
    for folder in ("content", "rules", "quizzes"):
        shutil.copytree(ROOT / folder, tmp_path / folder)

    def edit(path: Path, change) -> None:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=False), encoding="utf-8")  # escapes as \e, \a

    edit(tmp_path / "content/sections/serverless.yaml", lambda d: d["checklist"][0].update(text=HOSTILE))
    edit(tmp_path / "content/matrix.yaml", lambda d: d["technologies"][0].update(best_for=HOSTILE))
    edit(tmp_path / "rules/service-networking.yaml", lambda d: d["rules"][0].update(reason=HOSTILE))
    edit(tmp_path / "quizzes/serverless.yaml", lambda d: d["questions"][0].update(prompt=HOSTILE))
    edit(tmp_path / "rules/technologies.yaml", lambda d: d["decisions"][0].update(title=HOSTILE + TAGS))
    return load_catalog([tmp_path / "content", tmp_path / "rules", tmp_path / "quizzes"])


def test_escapes_never_reach_the_data(hostile_catalog) -> None:
    item = hostile_catalog.sections[0].checklist[0].text
    assert "\x1b" not in item and "\x07" not in item and "\x9b" not in item
    assert "␛[31mred" in item and MARKUP in item


def screen_text(app) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", app.export_screenshot())).replace("\xa0", " ")


async def test_the_tui_shows_it_literally(hostile_catalog) -> None:
    with ProgressStore() as store:
        app = AdvisorApp(hostile_catalog, store)
        async with app.run_test(size=(200, 50)) as pilot:
            await pilot.press("l", "k")
            assert MARKUP in screen_text(app)
            await pilot.press("escape", "m")
            assert "[bold]B[/bold]" in screen_text(app) and "␛[31mred" in screen_text(app)
            await pilot.press("escape", "escape", "a", "r")
            await pilot.pause()
            rec = app.screen
            verdicts = rec.query_one("#rec-list")
            ids = [verdicts.get_option_at_index(i).id for i in range(verdicts.option_count)]
            verdicts.highlighted = ids.index("service-mesh")  # its prior rule's reason is the hostile text
            await pilot.pause()
            text = screen_text(app)
            assert "[bold]B[/bold]" in text and "[@click=app.quit]Q[/]" in text and "␛[31mred" in text
            assert app.is_running


def test_every_report_format_keeps_it_inert(hostile_catalog) -> None:
    report = build_report(hostile_catalog, recommend(hostile_catalog, {}), date="2026-01-01")
    for fmt in ("md", "html", "json", "adr"):
        out = render_report(report, fmt)
        assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out, fmt
    page = render_report(report, "html")
    assert "[link=https://example.com]L[/link]" in page and '<a href="https://example.com"' not in page
    assert "[@click=app.quit]Q[/]" in render_report(report, "md")


def test_the_score_chart_shows_it_literally(hostile_catalog) -> None:
    import xml.etree.ElementTree as ET

    from advisor.reports.score_svg import render_score_svg

    report = build_report(hostile_catalog, recommend(hostile_catalog, {}), date="2026-01-01")
    title = hostile_catalog.technologies.decisions[0].title
    assert "␛[31mred" in title and TAGS in title
    svg = render_score_svg(report)
    root = ET.fromstring(svg)  # still one well-formed picture: nothing closed it early
    texts = ["".join(e.itertext()) for e in root.iter("{http://www.w3.org/2000/svg}text")]
    assert title in texts and title in (root.findtext("{http://www.w3.org/2000/svg}desc") or "")
    page = render_report(report, "html")
    assert "<script>" not in page and "\x1b" not in svg


def test_plain_mode_prints_it_inert(hostile_catalog, capsys) -> None:
    from advisor.cli.plain import show
    from advisor.quiz.session import QuizSession

    session = QuizSession.start(hostile_catalog, question_ids=[hostile_catalog.quizzes[0].questions[0].id])
    presented = session.current
    show(session.submit("nothing").grade, presented)
    assert "\x1b" not in capsys.readouterr().out
    assert "␛" in presented.question.prompt
