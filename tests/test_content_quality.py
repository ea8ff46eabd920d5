"""The shipped content cannot be passed by guessing, grades typed answers as a person would, and
shows where its provider-specific facts come from (and when they were checked)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from advisor.cli import main
from advisor.loading.catalog import load_catalog
from advisor.loading.checks.guessing import guessing_warnings
from advisor.loading.checks.sources import months_between, stale_sources
from advisor.models.quiz import Numeric, ShortAnswer
from tests.conftest import ROOT, write

QUIZZES = [(quiz, q) for quiz in load_catalog().quizzes for q in quiz.questions]
SHORT = [(quiz, q) for quiz, q in QUIZZES if isinstance(q, ShortAnswer)]
NUMERIC = [(quiz, q) for quiz, q in QUIZZES if isinstance(q, Numeric)]


def test_no_quiz_can_be_passed_by_guessing(catalog) -> None:
    assert [str(p) for p in guessing_warnings(catalog.files)] == []


def test_every_quiz_has_twenty_questions_or_more(catalog) -> None:
    assert all(len(quiz.questions) >= 20 for quiz in catalog.quizzes)


def test_a_guessable_pack_is_warned_about_but_loads(tmp_path: Path, capsys) -> None:
    option = {"explanation": "Why."}
    questions = [
        {
            "id": f"q{n}",
            "type": "single",
            "prompt": f"Prompt {n}?",
            "difficulty": "easy",
            "explanation": "Because.",
            "options": [
                {**option, "id": "a", "text": "The long and obviously careful right answer", "correct": True},
                {**option, "id": "b", "text": "Short"},
            ],
        }
        for n in range(4)
    ]
    questions.append(
        {
            "id": "name",
            "type": "short",
            "prompt": "Name it.",
            "difficulty": "easy",
            "explanation": "E.",
            "accepted": ["Prompt"],
        }
    )
    write(tmp_path / "q.yaml", json.dumps({"kind": "quiz", "id": "mine", "title": "Mine", "questions": questions}))
    assert main(["validate", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "the right options are the longest in 4 of 4 choice questions" in err
    assert "the answer 'Prompt' of 'name' is written out in 'q0'" in err


@pytest.mark.parametrize("quiz, question", SHORT, ids=lambda x: getattr(x, "id", ""))
def test_short_answers_are_graded_as_a_person_would(quiz, question: ShortAnswer) -> None:
    for answer in question.accepted:
        for spelling in (answer, answer.upper(), f"`{answer}`", f'"{answer}".', answer.replace("-", " ")):
            assert question.grade(spelling).correct, spelling
    others = [
        a
        for other in quiz.questions
        if isinstance(other, ShortAnswer) and other is not question
        for a in other.accepted
    ]
    # a dropped last letter is wrong, or right only as a near spelling that the feedback names
    dropped = question.grade(question.accepted[0][:-1])
    assert not dropped.correct or "near spelling" in dropped.verdict, question.accepted[0]
    for miss in [*(others[:1]), "   "]:
        if len(miss.strip()) > 2 or not miss.strip():
            assert not question.grade(miss).correct, miss


@pytest.mark.parametrize("quiz, question", NUMERIC, ids=lambda x: getattr(x, "id", ""))
def test_numbers_are_read_as_written(quiz, question: Numeric) -> None:
    low, high = question.bounds()
    unit = f" {question.unit}" if question.unit else ""
    for typed in (f"{low:g}", f"{high:g}{unit}", f"{(low + high) / 2:g}".replace(".", ",")):
        assert question.grade(typed).correct, typed
    margin = max(abs(high) * 0.1, 1.0)
    for typed in (f"{high + margin:g}", f"{low - margin:g}", "about that"):
        assert not question.grade(typed).correct, typed


def test_sources_show_in_the_guide_the_quiz_and_the_reports(catalog) -> None:
    from advisor.advise.engine import recommend
    from advisor.learn.markdown import concept_markdown
    from advisor.reports.build import build_report
    from advisor.reports.formats import render_report

    _, concept = catalog.concept("serverless-lambda-function-model")
    assert concept.sources and "**Sources**" in concept_markdown(concept)
    assert f"checked {concept.sources[0].as_of.isoformat()}" in concept_markdown(concept)
    report = build_report(catalog, recommend(catalog, {"task_duration": "long"}), date="2026-12-02")
    reason = next(r for r in report.technology("serverless").reasons if r.rule == "serverless-long-task-veto")
    assert reason.sources and reason.sources[0].url.startswith("https://")
    assert reason.sources[0].title in render_report(report, "md") and "checked " in render_report(report, "adr")


def test_provider_facts_carry_a_source() -> None:
    """Quiz questions and rules that name a provider's limit or price cite where it comes from."""
    catalog = load_catalog()
    markers = ("Lambda@Edge", "CloudFront Functions", "15 minutes", "900 s", "per million")
    for _quiz, q in QUIZZES:
        text = " ".join([q.prompt, q.explanation])
        if any(m in text for m in markers):
            assert q.sources, q.id
    for rule in catalog.rules:
        if any(m in rule.reason for m in markers):
            assert rule.sources, rule.id


def test_stale_sources_are_listed_with_file_line_and_age(catalog, capsys) -> None:
    assert months_between(date(2026, 12, 2), date(2027, 12, 2)) == 12
    assert months_between(date(2026, 12, 2), date(2027, 12, 1)) == 11
    later = stale_sources(catalog.files, 12, today=date(2028, 6, 2))
    assert later and all("months ago" in p.message and p.line for p in later)
    assert main(["validate", "--stale", "12"]) == 0
    assert "0 of " in capsys.readouterr().out


def test_validate_stale_names_an_old_fact_and_exits_2(tmp_path: Path, capsys) -> None:
    section = (ROOT / "content" / "sections" / "serverless.yaml").read_text(encoding="utf-8")
    old = section.replace("as_of: 2026-12-02", "as_of: 2020-01-15", 1)
    assert old != section
    write(tmp_path / "serverless.yaml", old)
    assert main(["validate", str(tmp_path), "--stale", "24"]) == 2
    out = capsys.readouterr().out
    assert "serverless.yaml:" in out and "was last checked on 2020-01-15" in out and "1 of " in out
