"""Quick mode asks what could still change a verdict: answered with the truth for every question it
asks, it reaches the verdicts the whole questionnaire reaches."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from advisor.advise.engine import recommend
from advisor.advise.questionnaire import every_answer
from advisor.advise.quick import next_question
from advisor.loading.catalog import Catalog

WORKLOADS = Path(__file__).parent / "data" / "workloads"


def quick_answers(catalog: Catalog, truth: dict[str, object]) -> tuple[dict[str, object], list[str]]:
    """Run quick mode, answering each question it asks as `truth` does (absent: not sure)."""
    kept: dict[str, object] = {}
    passed: set[str] = set()
    asked: list[str] = []
    while (question := next_question(catalog, kept, passed=passed).question) is not None:
        asked.append(question)
        if truth.get(question) is None:
            passed.add(question)
        else:
            kept[question] = truth[question]
    return kept, asked


def verdicts(catalog: Catalog, answers: dict[str, object]) -> dict[str, str]:
    return {t.id: t.verdict for t in recommend(catalog, answers).technologies}  # type: ignore[arg-type]


def random_truth(catalog: Catalog, rng: random.Random) -> dict[str, object]:
    truth: dict[str, object] = {}
    for q in catalog.questions:
        if rng.random() < 0.2:
            continue  # not sure
        value = rng.choice(every_answer(q))
        truth[q.id] = sorted(value) if isinstance(value, frozenset) else value
    return truth


def test_every_answer_of_a_several_choice_question_includes_none_and_combinations(catalog: Catalog) -> None:
    editing = next(q for q in catalog.questions if q.id == "collaborative_editing")
    assert set(every_answer(editing)) == {
        frozenset(),
        frozenset({"offline"}),
        frozenset({"simultaneous"}),
        frozenset({"offline", "simultaneous"}),
    }


def test_quick_mode_asks_about_collaborative_editing_for_the_collaborative_editor(catalog: Catalog) -> None:
    truth = yaml.safe_load((WORKLOADS / "collaborative-editor.yaml").read_text())
    kept, asked = quick_answers(catalog, truth)
    assert "collaborative_editing" in asked  # neither choice alone crosses a threshold; both do
    assert verdicts(catalog, kept)["crdts"] == verdicts(catalog, truth)["crdts"] == "recommended"


@pytest.mark.parametrize("path", sorted(WORKLOADS.glob("*.yaml")), ids=lambda p: p.stem)
def test_quick_mode_reaches_the_full_verdicts_on_the_example_workloads(catalog: Catalog, path: Path) -> None:
    truth = yaml.safe_load(path.read_text())
    kept, _ = quick_answers(catalog, truth)
    assert verdicts(catalog, kept) == verdicts(catalog, truth)


@pytest.mark.slow  # about 6 s: out of the inner loop's lane
def test_quick_mode_reaches_the_full_verdicts_on_random_workloads(catalog: Catalog) -> None:
    rng = random.Random(13)  # its workloads include answers that move a verdict only together
    for _ in range(25):
        truth = random_truth(catalog, rng)
        kept, _ = quick_answers(catalog, truth)
        assert verdicts(catalog, kept) == verdicts(catalog, truth), truth


def test_questions_quick_mode_skips_are_reported_as_unable_to_matter_not_as_unsure(catalog: Catalog) -> None:
    from advisor.reports.build import build_report
    from advisor.reports.markdown import render_markdown

    truth = yaml.safe_load((WORKLOADS / "collaborative-editor.yaml").read_text())
    kept, asked = quick_answers(catalog, truth)
    rec = recommend(catalog, kept)  # type: ignore[arg-type]
    never_asked = [q.id for q in catalog.questions if q.id not in asked and q.id not in rec.skipped]
    # the report knows less than quick mode (not which questions the user saw and left unsure), so
    # it calls a question unable to matter only where no answers to all the others could make it
    unable = [q for q in never_asked if q in rec.cannot_matter]
    assert unable
    report = build_report(catalog, rec, date="2026-12-02")
    rows = {a.question_id: a for a in report.unanswered}
    assert all(rows[q].label == "not answered: could not change any verdict" for q in unable)
    text = render_markdown(report)
    assert "No answer to these could change any verdict" in text
    firmer = text.split("## Not answered")[1].split("No answer to these could change any verdict")[0]
    assert not any(f"(`{q}`)" in firmer for q in unable)


def test_what_the_report_says_cannot_matter_cannot_move_any_verdict(catalog: Catalog) -> None:
    from advisor.advise.questionnaire import every_answer

    rng = random.Random(5)
    by_id = {q.id: q for q in catalog.questions}
    for _ in range(10):
        answers = {k: v for k, v in random_truth(catalog, rng).items() if rng.random() < 0.6}
        rec = recommend(catalog, answers)  # type: ignore[arg-type]
        now = {t.id: t.verdict for t in rec.technologies}
        for q in rec.cannot_matter:
            for value in every_answer(by_id[q]):
                tried = {**answers, q: sorted(value) if isinstance(value, frozenset) else value}
                assert verdicts(catalog, tried) == now, (q, value)
