"""Flips say exactly what moves a verdict: when none is shown, no change to one answer (to any
other value, none and every subset of a several-choice one included) moves it."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from advisor.advise.engine import recommend
from advisor.advise.flips import alternatives
from advisor.advise.questionnaire import every_answer
from advisor.loading.catalog import Catalog
from advisor.reports.build import build_report
from advisor.reports.markdown import render_markdown

WORKLOADS = Path(__file__).parent / "data" / "workloads"


def same(a: object, b: object) -> bool:
    norm = lambda v: frozenset(v) if isinstance(v, list | frozenset) else v  # noqa: E731
    return norm(a) == norm(b)


def random_answers(catalog: Catalog, rng: random.Random) -> dict[str, object]:
    answers: dict[str, object] = {}
    for q in catalog.questions:
        if rng.random() < 0.3:
            continue
        value = rng.choice(every_answer(q))
        answers[q.id] = sorted(value) if isinstance(value, frozenset) else value
    return answers


def unmoved_claims_that_are_false(catalog: Catalog, answers: dict[str, object]) -> list[tuple[str, str, object]]:
    rec = recommend(catalog, answers)  # type: ignore[arg-type]
    wrong = []
    for t in rec.technologies:
        if t.flips:
            continue
        for q in catalog.questions:
            for value in every_answer(q):
                if same(answers.get(q.id), value):
                    continue
                moved = recommend(catalog, {**answers, q.id: sorted(value) if isinstance(value, frozenset) else value})
                if moved.technology(t.id).verdict != t.verdict:
                    wrong.append((t.id, q.id, value))
                    break
    return wrong


def test_from_not_sure_a_several_choice_question_may_change_to_none_or_all(catalog: Catalog) -> None:
    code = next(q for q in catalog.questions if q.id == "code_needs")
    assert {frozenset(), frozenset({"third_party_extensions", "portable_compute"})} <= set(alternatives(code, None))


@pytest.mark.parametrize("path", sorted(WORKLOADS.glob("*.yaml")), ids=lambda p: p.stem)
def test_no_flip_claim_is_false_on_the_example_workloads(catalog: Catalog, path: Path) -> None:
    assert unmoved_claims_that_are_false(catalog, yaml.safe_load(path.read_text())) == []


@pytest.mark.slow  # about 3 s: out of the inner loop's lane
def test_no_flip_claim_is_false_on_random_workloads(catalog: Catalog) -> None:
    rng = random.Random(1)
    for _ in range(12):
        answers = random_answers(catalog, rng)
        assert unmoved_claims_that_are_false(catalog, answers) == [], answers


def test_none_of_these_is_a_flip_for_the_collaborative_editor(catalog: Catalog) -> None:
    truth = yaml.safe_load((WORKLOADS / "collaborative-editor.yaml").read_text())
    server = recommend(catalog, truth).technology("server-authoritative")
    assert any(f.question == "collaborative_editing" and f.to == [] for f in server.flips)


def test_when_nothing_moves_a_verdict_the_report_says_no_single_change_or_pair(catalog: Catalog) -> None:
    rec = recommend(catalog, {"clients": ["browser"], "service_count": "one"})
    report = build_report(catalog, rec, date="2026-12-02")
    text = render_markdown(report)
    assert "No single answer change moves this verdict" not in text
    unmoved = [t for t in report.technologies if not t.flips]
    if unmoved:
        assert "No single change moves it, nor any pair of one-step changes" in text or "pair search is bounded" in text
