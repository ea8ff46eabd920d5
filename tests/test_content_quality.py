"""The shipped content cannot be passed by guessing, grades typed answers as a person would, and
shows where its provider-specific facts come from (and when they were checked)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from advisor.cli import main
from advisor.loading.catalog import load_catalog
from advisor.loading.checks.guessing import guessing_warnings, key_rank
from advisor.loading.checks.sources import months_between, stale_sources
from advisor.models.base import SourceRef
from advisor.models.content import Origin, Section
from advisor.models.quiz import Numeric, QuizQuestion, ShortAnswer
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


def _single(n: int | str, lengths: tuple[int, ...], right: int) -> dict[str, object]:
    """A single-choice question whose options have these lengths, the one at `right` correct."""
    options = [
        {"id": f"o{i}", "text": chr(ord("a") + i) * length, "explanation": "Why.", "correct": i == right}
        for i, length in enumerate(lengths)
    ]
    return {"id": f"q{n}", "type": "single", "prompt": f"Prompt {n}?", "difficulty": "easy", "explanation": "E."} | {
        "options": options
    }


def test_a_key_kept_at_one_length_rank_is_warned_about(tmp_path: Path, capsys) -> None:
    """Always the second-longest is as good a cue as always the longest: per quiz and across quizzes."""
    for name in ("one", "two"):
        questions = [_single(f"{name}{n}", (40, 30, 20, 10), 1) for n in range(8)]
        write(tmp_path / f"{name}.yaml", json.dumps({"kind": "quiz", "id": name, "title": "T", "questions": questions}))
    assert main(["validate", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "one.yaml:" in err and "the right option is the second-longest in 8 of 8 single-choice questions" in err
    assert "across 2 quizzes, the right option is the second-longest in 16 of 16" in err
    assert "the right option is the longest in only 0 of 16" in err


def test_a_key_spread_over_the_length_ranks_passes(tmp_path: Path, capsys) -> None:
    questions = [_single(n, (40, 30, 20, 10), n % 4) for n in range(16)]
    write(tmp_path / "q.yaml", json.dumps({"kind": "quiz", "id": "q", "title": "T", "questions": questions}))
    assert main(["validate", str(tmp_path)]) == 0
    assert "warning" not in capsys.readouterr().err


def test_a_key_tied_in_length_shares_the_ranks() -> None:
    from advisor.models.quiz import SingleChoice

    tied = SingleChoice.model_validate(_single(0, (20, 20, 10, 5), 1))
    assert key_rank(tied) == {"longest": 0.5, "second-longest": 0.5}
    three = SingleChoice.model_validate(_single(0, (9, 9, 9, 30), 0))
    assert key_rank(three) == pytest.approx({"second-longest": 1 / 3, "in between": 1 / 3, "shortest": 1 / 3})


def test_range_bounds_and_hyphen_joined_numbers_count_as_given_away(tmp_path: Path, capsys) -> None:
    base = {"difficulty": "easy", "explanation": "E."}
    questions = [
        {**base, "id": "pool", "type": "numeric", "prompt": "Pool size?", "min": 9, "max": 10},
        {**base, "id": "layer", "type": "short", "prompt": "Which OSI layer?", "accepted": ["4"]},
        {
            **base,
            "id": "hint",
            "type": "true_false",
            "prompt": "Nine connections suffice for a layer-4 balancer.",
            "answer": True,
            "if_true": "Start from 9 connections.",
            "if_false": "No.",
        },
    ]
    write(tmp_path / "q.yaml", json.dumps({"kind": "quiz", "id": "q", "title": "T", "questions": questions}))
    assert main(["validate", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "the answer '9' of 'pool' is written out in 'hint'" in err
    assert "the answer '4' of 'layer' is written out in 'hint'" in err


# Plausible wrong answers a learner would type, per short or numeric question: the product for
# its component, a neighbouring status code, the old name of a renamed thing, an off-by-one or a
# unit slip. Each must be graded wrong; a new typed question needs its own three here.
NEAR_MISSES: dict[str, list[str]] = {
    "edge-wrangler-deploy-command": ["wrangler publish", "npx wrangler dev", "wrangler versions upload", "npm run dev"],
    "wasm-wasip1-target-name": ["wasm32-wasi", "wasm32-wasip2", "wasm32-unknown-unknown", "wasm64-wasip1"],
    "es-event-store-product-name": ["EventStoreDB", "Kurrent", "EventStore", "Event Store DB"],
    "graphql-dataloader-name": ["DataFetcher", "BatchLoader", "graphql-batch", "Data Mapper"],
    "grpc-deadline-status": [
        "CANCELLED",
        "UNAVAILABLE",
        "1",
        "14",
        "TIMEOUT",
        "4 (CANCELLED)",
        "DEADLINE_EXCEEDED (14)",
    ],
    "grpc-message-size-status": ["INVALID_ARGUMENT", "OUT_OF_RANGE", "INTERNAL", "11", "413", "8 (OUT_OF_RANGE)"],
    "perf-statement-stats-extension": ["pg_stat_activity", "auto_explain", "pg_stat_monitor", "pg_stat_user_tables"],
    "serverless-init-duration-field": ["Duration", "Billed Duration", "Restore Duration", "Max Memory Used"],
    "mesh-control-plane-binary": ["istio", "istioctl", "pilot", "citadel", "ztunnel", "envoy"],
    "edge-sequential-queries-latency": ["200", "400", "1200"],
    "es-snapshot-replay-bound": ["0", "250", "1000"],
    "graphql-n-plus-one-naive-count": ["100", "2", "200"],
    "graphql-dataloader-batched-count": ["1", "3", "101"],
    "grpc-payload-ratio": ["7", "0.1", "107", "6.8"],
    "perf-pool-size-formula": ["8", "5", "17"],
    "perf-littles-law-in-flight": ["12", "1200", "120000"],
    "serverless-cold-start-overhead-ms": ["600", "300", "150"],
    "serverless-monthly-bill-no-free-tier": ["10", "2", "22"],
    "mesh-canary-weight-share": ["25", "80", "10"],
}
TYPED = [(quiz, q) for quiz, q in QUIZZES if isinstance(q, ShortAnswer | Numeric)]


@pytest.mark.parametrize("quiz, question", TYPED, ids=lambda x: getattr(x, "id", ""))
def test_typed_answers_reject_their_near_misses(quiz, question: ShortAnswer | Numeric) -> None:
    misses = NEAR_MISSES.get(question.id, [])
    assert len(misses) >= 3, f"give {question.id} three plausible wrong answers in NEAR_MISSES"
    for miss in misses:
        assert not question.grade(miss).correct, miss


def test_the_near_misses_name_shipped_questions() -> None:
    assert set(NEAR_MISSES) == {q.id for _, q in TYPED}


@pytest.mark.parametrize("quiz, question", SHORT, ids=lambda x: getattr(x, "id", ""))
def test_short_answers_are_graded_as_a_person_would(quiz, question: ShortAnswer) -> None:
    for answer in question.accepted:
        for spelling in (answer, answer.upper(), f"`{answer}`", f'"{answer}".', answer.replace("-", " ")):
            assert question.grade(spelling).correct, spelling
    # a dropped last letter is wrong, or right only as a near spelling that the feedback names
    dropped = question.grade(question.accepted[0][:-1])
    assert not dropped.correct or "near spelling" in dropped.verdict, question.accepted[0]
    for miss in [*question.rejected, "   "]:
        assert not question.grade(miss).correct, miss


@pytest.mark.parametrize(
    "typed",
    [
        "4 (DEADLINE_EXCEEDED)",
        "status code 4",
        "DEADLINE_EXCEEDED (4)",
        "code 4: deadline exceeded",
        "Deadline Exceeded",
    ],
)
def test_a_status_code_is_right_by_number_name_or_both(typed: str) -> None:
    question = next(q for _, q in SHORT if q.id == "grpc-deadline-status")
    assert question.grade(typed).correct


def test_a_near_spelling_that_names_another_thing_is_wrong() -> None:
    """'istio' is one letter from 'istiod' but names the project; a slip in a long word still passes."""
    question = next(q for _, q in SHORT if q.id == "mesh-control-plane-binary")
    assert not question.grade("istio").correct and not question.grade("Istio.").correct
    assert question.grade("istoid").correct is False  # two letters swapped is two edits
    slip = question.grade("pilot-discovry")
    assert slip.correct and "near spelling" in slip.verdict
    kurrent = next(q for _, q in SHORT if q.id == "es-event-store-product-name")
    assert kurrent.grade("Kurent DB").correct
    size = next(q for _, q in SHORT if q.id == "grpc-message-size-status")
    assert size.grade("ResourceExhausted (8)").correct and size.grade("code 8 RESOURCE_EXHAUSTED").correct


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


# A provider-specific fact: a sentence that names a provider's product and gives a figure (a
# limit, a duration, a size) or a version's behaviour, unless it says the figure is the guide's
# own illustration. A price must come from the provider's pricing (or licensing) page.
PROVIDERS = re.compile(
    r"Lambda|Workers|Cloudflare|CloudFront|Fastly|API Gateway|\bKV\b|Istio|istiod|Envoy|ztunnel|sidecar", re.I
)
FIGURE = re.compile(
    r"\b(?:since|from|in|before|until) (?:Istio |Kubernetes )?1\.\d+\b"
    r"|\b\d[\d,.]*(?:–\d[\d,.]*)? ?(?:ms|s|seconds?|minutes?|hours?|days?|MB|GB|KB|MiB|vCPU)\b"
)
PRICE = re.compile(r"\$\d[\d,.]* (?:a |an |per |million)|per million|per GB-second")
LABELLED = re.compile(r"illustrative|the guide's|for example", re.I)
PRICING_PAGE = re.compile(r"pric|licen", re.I)


def _sentences(text: str) -> list[str]:
    """Sentences, table rows and list items: a line break inside a sentence does not split it."""
    return re.split(r"(?<=[.!?])\s+|\n\s*(?=[|\-]|\n)", text)


def _question_texts(q: QuizQuestion) -> list[tuple[str, str]]:
    """What a learner reads of `q`, as (part, text): prompt, explanations, options and pairs."""
    texts = [("prompt", q.prompt), ("explanation", q.explanation)]
    texts += [(part, getattr(q, part)) for part in ("if_true", "if_false") if getattr(q, part, None)]
    texts += [(o.id, t) for o in getattr(q, "options", []) for t in (o.text, o.explanation)]
    texts += [(p.id, t) for p in getattr(q, "pairs", []) for t in (p.left, p.right, p.explanation) if t]
    return texts


def _facts(catalog) -> Iterator[tuple[str, list[str], list[SourceRef]]]:
    """(id, texts, sources) of every concept, use case, quiz question (options and pairs included) and rule."""
    for section in catalog.of_kind(Section):
        for concept in section.concepts:
            yield concept.id, [concept.body], concept.sources
    for entries in catalog.use_cases.lists:
        for case in [*entries.use, *entries.avoid]:
            yield case.id, [case.text, case.why], case.sources
    for _quiz, q in QUIZZES:
        yield q.id, [t for _, t in _question_texts(q)], q.sources
    for rule in catalog.rules:
        yield rule.id, [rule.reason], rule.sources


def test_provider_facts_carry_a_source(catalog) -> None:
    """Concepts, use cases, questions (with their options and pairs) and rules that state a provider's
    limit, default, version behaviour or price cite where it comes from; prices cite the pricing page."""
    unsourced, unpriced = [], []
    for item, texts, sources in _facts(catalog):
        sentences = [s for text in texts for s in _sentences(text) if not LABELLED.search(s)]
        if not sources and any(PROVIDERS.search(s) and FIGURE.search(s) for s in sentences):
            unsourced.append(item)
        if any(PRICE.search(s) for s in sentences) and not any(
            PRICING_PAGE.search(f"{x.title} {x.url}") for x in sources
        ):
            unpriced.append(item)
    assert unsourced == [] and unpriced == []


def test_the_provider_fact_check_finds_an_unsourced_figure() -> None:
    facts = [s for s in _sentences("Intro line.\nCloudflare documents that KV changes can\ntake 60 seconds or more.")]
    assert any(PROVIDERS.search(s) and FIGURE.search(s) for s in facts)
    assert not LABELLED.search("Istio adds 2.65 ms") and LABELLED.search("the guide's illustrative 160–600 ms")
    assert PRICE.search("$0.10 per million invocations") and not PRICE.search("VALUES ($1, $2, NULL)")


def _guide_figures(catalog) -> Iterator[tuple[str, re.Pattern[str]]]:
    """(owning concept, pattern) of each of the guide's illustrative figures as a text would quote it: '160–600 ms'."""
    for section in catalog.of_kind(Section):
        for concept in section.concepts:
            for figure in concept.figures:
                if figure.origin is not Origin.guide:
                    continue
                low, high, unit = f"{figure.low:g}", f"{figure.high:g}", re.escape(figure.unit)
                span = re.escape(low) if low == high else rf"{re.escape(low)}\s*(?:–|-|to)\s*{re.escape(high)}"
                yield concept.id, re.compile(rf"(?<![\d.]){span}\s?{unit}\b")


def test_rule_reasons_never_quote_the_guides_illustrative_figures(catalog) -> None:
    """A reason argues from mechanism; the guide's payload and latency tables are not evidence."""
    figures = [pattern for _, pattern in _guide_figures(catalog)]
    quoting = [r.id for r in catalog.rules if "illustrative" in r.reason or any(f.search(r.reason) for f in figures)]
    assert quoting == []


def test_the_guides_illustrative_figures_are_labelled_where_quoted(catalog) -> None:
    """Outside a concept that tabulates the figure (and says so under its table), a paragraph quoting it
    says 'illustrative'."""
    owners: dict[str, set[str]] = {}
    figures: dict[str, re.Pattern[str]] = {}
    for owner, figure in _guide_figures(catalog):
        owners.setdefault(figure.pattern, set()).add(owner)
        figures[figure.pattern] = figure
    texts = [(c.id, c.body) for section in catalog.of_kind(Section) for c in section.concepts]
    texts += [(q.id, "\n\n".join(t for _, t in _question_texts(q))) for _, q in QUIZZES]
    unlabelled = {
        item
        for item, text in texts
        for key, figure in figures.items()
        if item not in owners[key]
        for paragraph in re.split(r"\n\s*\n", text)
        if figure.search(paragraph) and "illustrative" not in paragraph
    }
    assert unlabelled == set()


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
