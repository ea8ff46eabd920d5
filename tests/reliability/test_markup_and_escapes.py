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
from advisor.reports.formats import FORMATS, render_report
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
    for fmt in FORMATS:
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


# what a CSV cell or an HTML field must survive: markup, a tag, the separator, quotes, a line break
TRICKY = '[bold]x[/] <script>alert("hi")</script>, a "quoted", comma\nsecond line & \x1b[31mred\x07'


@pytest.fixture
def tricky_catalog(tmp_path: Path):
    """The shipped data with TRICKY in a rule's reason, a quiz prompt and an option's explanation."""
    for folder in ("content", "rules", "quizzes"):
        shutil.copytree(ROOT / folder, tmp_path / folder)

    def edit(path: Path, change) -> None:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=False), encoding="utf-8")

    def question(data) -> None:
        first = next(q for q in data["questions"] if q["type"] == "single")
        first.update(prompt=TRICKY)
        first["options"][0].update(explanation=TRICKY)

    edit(tmp_path / "rules/service-networking.yaml", lambda d: d["rules"][0].update(reason=TRICKY))
    edit(tmp_path / "quizzes/serverless.yaml", question)
    return load_catalog([tmp_path / "content", tmp_path / "rules", tmp_path / "quizzes"])


# as the data holds it: control characters made visible when the file was read
SHOWN = TRICKY.replace("\x1b", "␛").replace("\x07", "␇")


def test_the_radar_csv_keeps_it_literal(tricky_catalog) -> None:
    import csv
    import io

    report = build_report(tricky_catalog, recommend(tricky_catalog, {}), date="2026-01-01")
    text = render_report(report, "radar")
    assert "\x1b" not in text and "\x07" not in text and "<script>" not in text  # BYOR's description is HTML
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(report.technologies)  # the commas, quotes and line break stayed in their cell
    mesh = next(r for r in rows if r["name"] == "Service mesh")  # its first rule's reason is TRICKY
    assert html.escape(SHOWN, quote=False).replace("\n", "<br>") in mesh["description"]
    shown = html.unescape(re.sub(r"<br>", "\n", re.sub(r"<(?!br>)[^>]+>", "", mesh["description"])))
    assert SHOWN in shown  # what BYOR shows: the text as written


def test_the_anki_fields_keep_it_literal(tricky_catalog, tmp_path: Path) -> None:
    import sqlite3
    import zipfile

    from advisor.interop.anki import write_anki

    quiz = next(q for q in tricky_catalog.quizzes if q.id == "serverless")
    write_anki(quiz, tricky_catalog, tmp_path / "deck.apkg")
    with zipfile.ZipFile(tmp_path / "deck.apkg") as archive:
        archive.extract("collection.anki2", tmp_path)
    with sqlite3.connect(tmp_path / "collection.anki2") as db:
        fields = [flds for (flds,) in db.execute("SELECT flds FROM notes")]
    hostile = [f for f in fields if "alert" in f]
    assert len(hostile) == 1
    front, back, _guide = hostile[0].split("\x1f")
    assert "<script>" not in hostile[0] and "\x1b" not in hostile[0] and "\x07" not in hostile[0]
    escaped = html.escape(SHOWN, quote=False).replace("\n", "<br>")
    assert escaped in front and escaped in back
    shown = html.unescape(re.sub(r"<br>", "\n", re.sub(r"<(?!br>)[^>]+>", "", front)))
    assert SHOWN in shown  # what Anki shows: the text as written
