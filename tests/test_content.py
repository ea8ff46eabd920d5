"""The shipped guide holds everything the source guide does, with its figures intact."""

from __future__ import annotations

import re

from advisor.models.content import Origin
from tests.conftest import ROOT

SECTIONS = ["serverless", "edge", "api-patterns", "service-mesh", "performance", "emerging"]
TECHNOLOGIES = ["serverless", "edge", "graphql", "grpc", "service-mesh", "event-sourcing"]


def test_six_sections_in_guide_order(catalog) -> None:
    assert [s.id for s in catalog.sections] == SECTIONS


def test_the_guides_thirty_checklist_items_and_ours_for_emerging_tech(catalog) -> None:
    from_guide = [(s.id, i.id) for s, i in catalog.checklist() if i.origin is Origin.guide]
    assert len(from_guide) == 30
    counts = {sid: sum(1 for s, _ in from_guide if s == sid) for sid in SECTIONS}
    assert counts == {
        "serverless": 6,
        "edge": 4,
        "api-patterns": 10,
        "service-mesh": 5,
        "performance": 5,
        "emerging": 0,
    }
    ours = [i for s, i in catalog.checklist() if s.id == "emerging"]
    assert len(ours) >= 6 and all(i.origin is Origin.ours for i in ours)
    assert {i.topic for i in ours} == {"webassembly", "crdts", "event-sourcing"}


def test_cold_start_figures(catalog) -> None:
    _, concept = catalog.concept("serverless-cold-start")
    figures = {(f.low, f.high) for f in concept.figures}
    assert {(100, 300), (50, 200), (10, 100), (160, 600)} <= figures


def test_n_plus_one_before_and_after_code(catalog) -> None:
    _, concept = catalog.concept("graphql-n-plus-one-dataloader")
    assert "```python" in concept.body
    assert "get_author(post.author_id)" in concept.body and "load_many" in concept.body


def test_mesh_traffic_flow_and_what_the_sidecar_provides(catalog) -> None:
    _, concept = catalog.concept("service-mesh-traffic-flow")
    for word in ("Envoy", "Load balancing", "Circuit breaking", "Retr", "mTLS", "Metrics", "tracing"):
        assert word.lower() in concept.body.lower(), word


def test_four_guide_exercises(catalog) -> None:
    guide = [(e.minutes, e.difficulty.value) for _, e in catalog.exercises() if e.origin is Origin.guide]
    assert sorted(guide) == sorted([(45, "medium"), (60, "medium"), (60, "hard"), (90, "hard")])
    # the guide's five steps each, made concrete (one adds a clean-up step of ours)
    assert all(len(e.steps) >= 5 for _, e in catalog.exercises())


def test_decision_matrix_as_the_guide_rates_it(catalog) -> None:
    rows = {r.id: (r.complexity.value, r.cost_at_scale.value) for r in catalog.matrix.technologies}
    assert rows == {
        "serverless": ("low", "high"),
        "edge": ("medium", "medium"),
        "graphql": ("medium", "medium"),
        "grpc": ("medium", "low"),
        "service-mesh": ("high", "medium"),
        "event-sourcing": ("high", "high"),
    }


def test_api_comparison_values(catalog) -> None:
    c = catalog.api_comparison
    cell = {(f.id, s): f.values[s] for f in c.features for s in f.values}
    assert [cell[("protocol", s)].text for s in ("rest", "graphql", "grpc")] == ["HTTP/1.1", "HTTP/1.1", "HTTP/2"]
    assert [cell[("typed", s)].support for s in ("rest", "graphql", "grpc")] == ["no", "yes", "yes"]
    assert [cell[("streaming", s)].support for s in ("rest", "graphql", "grpc")] == ["no", "partial", "yes"]
    assert [cell[("browser", s)].support for s in ("rest", "graphql", "grpc")] == ["yes", "yes", "partial"]


def test_use_and_avoid_lists(catalog) -> None:
    lists = {lst.technology: lst for lst in catalog.use_cases.lists}
    assert sorted(lists) == sorted(TECHNOLOGIES)
    guide = {t: (len(lists[t].use), len(lists[t].avoid)) for t in ("serverless", "graphql", "grpc", "service-mesh")}
    assert guide == {"serverless": (4, 2), "graphql": (3, 2), "grpc": (3, 2), "service-mesh": (3, 2)}
    assert lists["edge"].origin is Origin.ours and lists["event-sourcing"].origin is Origin.ours


def test_payload_and_latency_figures(catalog) -> None:
    b = catalog.benchmarks
    assert [(r.size_kb, r.compressed_kb) for r in b.payload.rows] == [(125, 28), (98, 22), (18, None)]
    assert [(r.p50_ms, r.p99_ms) for r in b.latency.rows] == [(15, 45), (18, 52), (5, 15)]
    assert "illustrative" in b.provenance


def test_overview(catalog) -> None:
    g = catalog.guide
    assert (g.reading_time.min, g.reading_time.max) == (75, 90)
    assert len(g.completion_criteria) == 5 and sum(c.optional for c in g.completion_criteria) == 1
    assert [p.phase for p in g.related.previous] == [2, 5, 6, 8]
    assert len(g.prerequisites) >= 4 and len(g.technical_setup) >= 4


def test_text_is_clean_utf8_without_mojibake() -> None:
    garbled = re.compile(r"(Ã.|â€|ðŸ|âœ|‚Ä|\ufffd)")
    for path in sorted((ROOT / "content").rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert not garbled.search(text), path


def test_markdown_bodies_have_balanced_code_fences(catalog) -> None:
    for section in catalog.sections:
        for concept in section.concepts:
            assert concept.body.count("```") % 2 == 0, concept.id
