"""Scenario tests: the guide's own use / avoid lists, each as the answers a real such workload gives.

A ✅ case must leave its technology `recommended` or `consider`; a ❌ case must make it `avoid`.
Each workload fills the answers the case obviously implies and leaves the rest "not sure", so a
scenario passes only when the principle itself decides it. Composite workloads check several
decisions at once for realistic systems.
"""

from __future__ import annotations

from typing import Any

import pytest

from advisor.advise.engine import recommend
from advisor.loading.catalog import Catalog

USE = ("recommended", "consider")
AVOID = ("avoid",)

# (id, technology, answers, allowed verdicts)
GUIDE_CASES: list[tuple[str, str, dict[str, Any], tuple[str, ...]]] = [
    # ---- serverless (guide: Common Use Cases)
    (
        "serverless-use-image-video-processing",
        "serverless",
        {
            "event_triggers": "core",
            "file_uploads": "yes",
            "task_duration": "minutes",
            "traffic_pattern": "spiky",
            "latency_target": "relaxed",
        },
        USE,
    ),
    (
        "serverless-use-cron-jobs",
        "serverless",
        {
            "traffic_pattern": "scheduled",
            "task_duration": "minutes",
            "request_volume": "low",
            "latency_target": "relaxed",
        },
        USE,
    ),
    (
        "serverless-use-webhooks",
        "serverless",
        {
            "traffic_pattern": "spiky",
            "event_triggers": "core",
            "task_duration": "seconds",
            "request_volume": "low",
            "connection_model": "request_response",
            "clients": ["third_party"],
        },
        USE,
    ),
    (
        "serverless-use-etl-pipelines",
        "serverless",
        {
            "event_triggers": "core",
            "task_duration": "minutes",
            "latency_target": "relaxed",
            "traffic_pattern": "scheduled",
        },
        USE,
    ),
    (
        "serverless-avoid-websocket-servers",
        "serverless",
        {
            "connection_model": "long_lived",
            "streaming": "bidirectional",
            "clients": ["browser"],
            "traffic_pattern": "steady",
        },
        AVOID,
    ),
    (
        "serverless-avoid-long-ml-training",
        "serverless",
        {"task_duration": "long", "latency_target": "relaxed", "resource_constraints": "normal"},
        AVOID,
    ),
    (
        "serverless-avoid-steady-high-volume-cost-at-scale",  # the matrix: high cost at scale
        "serverless",
        {"request_volume": "high", "traffic_pattern": "steady", "cost_priority": "cost_at_scale"},
        AVOID,
    ),
    # ---- edge (the guide's edge use cases and the matrix's "global latency, personalization")
    (
        "edge-use-global-users",
        "edge",
        {"user_geography": "global", "clients": ["browser"], "latency_target": "interactive"},
        USE,
    ),
    ("edge-use-realtime-global", "edge", {"user_geography": "global", "latency_target": "realtime"}, USE),
    ("edge-use-ab-testing", "edge", {"edge_logic": ["ab_testing"], "clients": ["browser"]}, USE),
    ("edge-use-personalization", "edge", {"edge_logic": ["personalization"], "clients": ["browser", "mobile"]}, USE),
    ("edge-use-bot-detection", "edge", {"edge_logic": ["bot_detection"], "clients": ["browser", "third_party"]}, USE),
    ("edge-use-geo-routing", "edge", {"edge_logic": ["geo_routing"], "user_geography": "multi_region"}, USE),
    ("edge-avoid-long-computation", "edge", {"task_duration": "long"}, AVOID),
    ("edge-avoid-minutes-of-work", "edge", {"task_duration": "minutes", "clients": ["browser"]}, AVOID),
    ("edge-avoid-one-region-no-edge-logic", "edge", {"user_geography": "one_region", "edge_logic": []}, AVOID),
    ("edge-avoid-internal-only", "edge", {"clients": ["internal_services"]}, AVOID),
    # ---- GraphQL
    (
        "graphql-use-mobile-apps",
        "graphql",
        {"clients": ["mobile"], "client_data_needs": "varied", "payload_efficiency": "critical"},
        USE,
    ),
    (
        "graphql-use-bff",
        "graphql",
        {"clients": ["browser", "mobile"], "client_data_needs": "varied", "service_count": "few"},
        USE,
    ),
    ("graphql-use-complex-nested-data", "graphql", {"clients": ["browser"], "data_shape": "nested"}, USE),
    (
        "graphql-avoid-simple-crud",
        "graphql",
        {
            "clients": ["browser"],
            "domain_complexity": "simple_crud",
            "data_shape": "flat",
            "client_data_needs": "uniform",
        },
        AVOID,
    ),
    ("graphql-avoid-file-uploads", "graphql", {"clients": ["browser"], "file_uploads": "yes"}, AVOID),
    ("graphql-avoid-internal-only", "graphql", {"clients": ["internal_services"]}, AVOID),
    # ---- gRPC
    ("grpc-use-internal-microservices", "grpc", {"clients": ["internal_services"], "service_count": "many"}, USE),
    (
        "grpc-use-realtime-streaming",
        "grpc",
        {"clients": ["internal_services"], "streaming": "bidirectional", "latency_target": "realtime"},
        USE,
    ),
    ("grpc-use-mobile-battery", "grpc", {"clients": ["mobile"], "payload_efficiency": "critical"}, USE),
    ("grpc-avoid-browser-clients", "grpc", {"clients": ["browser"]}, AVOID),
    ("grpc-avoid-public-apis", "grpc", {"clients": ["third_party"]}, AVOID),
    # gRPC stays right for the internal surface even when browsers also call the system
    (
        "grpc-use-internal-beside-browsers",
        "grpc",
        {"clients": ["browser", "internal_services"], "service_count": "many"},
        USE,
    ),
    # ---- service mesh
    ("service-mesh-use-10-plus-services", "service-mesh", {"service_count": "many", "platform": "kubernetes"}, USE),
    (
        "service-mesh-use-mtls",
        "service-mesh",
        {"service_count": "few", "service_security": "mtls_required", "platform": "kubernetes"},
        USE,
    ),
    (
        "service-mesh-use-complex-routing",
        "service-mesh",
        {"service_count": "few", "traffic_management": "advanced", "platform": "kubernetes"},
        USE,
    ),
    (
        "service-mesh-avoid-2-3-services",
        "service-mesh",
        {
            "service_count": "few",
            "service_security": "standard",
            "traffic_management": "basic",
            "platform": "kubernetes",
        },
        AVOID,
    ),
    ("service-mesh-avoid-single-service", "service-mesh", {"service_count": "one"}, AVOID),
    (
        "service-mesh-avoid-resource-constrained",
        "service-mesh",
        {"resource_constraints": "constrained", "platform": "kubernetes"},
        AVOID,
    ),
    ("service-mesh-avoid-low-ops-maturity", "service-mesh", {"ops_maturity": "low", "platform": "kubernetes"}, AVOID),
    (
        "service-mesh-avoid-managed-functions",
        "service-mesh",
        {"platform": "managed_cloud", "service_count": "many"},
        AVOID,
    ),
    # ---- event sourcing (matrix: audit trails, compliance; the use-case lists)
    (
        "event-sourcing-use-audit-trail",
        "event-sourcing",
        {"audit_needs": "audit_trail", "domain_complexity": "moderate"},
        USE,
    ),
    ("event-sourcing-use-temporal-queries", "event-sourcing", {"audit_needs": "temporal_queries"}, USE),
    (
        "event-sourcing-avoid-simple-crud",
        "event-sourcing",
        {"domain_complexity": "simple_crud", "audit_needs": "none"},
        AVOID,
    ),
    (
        "event-sourcing-avoid-no-audit-need",
        "event-sourcing",
        {"audit_needs": "none", "domain_complexity": "moderate"},
        AVOID,
    ),
    # ---- baselines
    (
        "containers-use-steady-high-volume",
        "containers",
        {"request_volume": "high", "traffic_pattern": "steady"},
        ("recommended",),
    ),
    ("containers-use-long-tasks", "containers", {"task_duration": "long"}, ("recommended",)),
    ("containers-use-long-lived-connections", "containers", {"connection_model": "long_lived"}, ("recommended",)),
    ("rest-use-third-party", "rest", {"clients": ["third_party"]}, ("recommended",)),
    ("rest-use-simple-crud", "rest", {"clients": ["browser"], "domain_complexity": "simple_crud"}, ("recommended",)),
    ("rest-use-file-uploads", "rest", {"clients": ["browser"], "file_uploads": "yes"}, ("recommended",)),
    ("no-mesh-use-single-service", "no-mesh", {"service_count": "one"}, ("recommended",)),
    ("no-mesh-use-few-services", "no-mesh", {"service_count": "few"}, ("recommended",)),
    ("no-mesh-use-low-ops-maturity", "no-mesh", {"ops_maturity": "low"}, ("recommended",)),
    ("no-mesh-use-constrained", "no-mesh", {"resource_constraints": "constrained"}, ("recommended",)),
    ("crud-state-use-simple-crud", "crud-state", {"domain_complexity": "simple_crud"}, ("recommended",)),
    ("crud-state-use-no-audit-need", "crud-state", {"audit_needs": "none"}, ("recommended",)),
]


def _explain(rec: Any, tech: str) -> str:
    t = rec.technology(tech)
    fired = ", ".join(f"{r.rule}({'veto' if r.veto else r.weight})" for r in t.reasons)
    return f"{tech}: {t.verdict} (score {t.score}); fired: {fired}"


@pytest.mark.parametrize(
    ("technology", "answers", "allowed"),
    [pytest.param(tech, answers, allowed, id=case_id) for case_id, tech, answers, allowed in GUIDE_CASES],
)
def test_guide_case(catalog: Catalog, technology: str, answers: dict[str, Any], allowed: tuple[str, ...]) -> None:
    rec = recommend(catalog, answers)
    assert rec.technology(technology).verdict in allowed, _explain(rec, technology)


# (id, answers, {technology: allowed verdicts})
COMPOSITES: list[tuple[str, dict[str, Any], dict[str, tuple[str, ...]]]] = [
    (
        "public-rest-api-three-services-small-team",
        {
            "traffic_pattern": "steady",
            "request_volume": "medium",
            "latency_target": "interactive",
            "clients": ["third_party"],
            "client_data_needs": "uniform",
            "data_shape": "flat",
            "streaming": "none",
            "service_count": "few",
            "ops_maturity": "low",
            "service_security": "standard",
            "traffic_management": "basic",
            "domain_complexity": "moderate",
            "platform": "containers_or_vms",
        },
        {
            "rest": ("recommended",),
            "grpc": AVOID,
            "graphql": AVOID,
            "service-mesh": AVOID,
            "no-mesh": ("recommended",),
        },
    ),
    (
        "forty-services-kubernetes-mtls-compliance",
        {
            "traffic_pattern": "steady",
            "request_volume": "high",
            "clients": ["browser", "mobile", "internal_services"],
            "service_count": "many",
            "ops_maturity": "high",
            "service_security": "mtls_required",
            "traffic_management": "advanced",
            "platform": "kubernetes",
            "resource_constraints": "normal",
        },
        {
            "service-mesh": ("recommended",),
            "no-mesh": AVOID,
            "grpc": USE,
            "containers": ("recommended",),
        },
    ),
    (
        "nightly-etl",
        {
            "traffic_pattern": "scheduled",
            "request_volume": "low",
            "latency_target": "relaxed",
            "clients": ["internal_services"],
            "task_duration": "minutes",
            "event_triggers": "core",
            "cost_priority": "idle_cost",
            "connection_model": "request_response",
        },
        {"serverless": USE, "edge": AVOID},
    ),
    (
        "ledger-with-temporal-queries",
        {
            "clients": ["browser", "internal_services"],
            "audit_needs": "temporal_queries",
            "domain_complexity": "complex",
            "ops_maturity": "medium",
        },
        {"event-sourcing": ("recommended",), "crud-state": ("consider", "avoid")},
    ),
    (
        "small-saas-crud-monolith",
        {
            "traffic_pattern": "steady",
            "request_volume": "low",
            "user_geography": "one_region",
            "clients": ["browser"],
            "client_data_needs": "uniform",
            "data_shape": "flat",
            "service_count": "one",
            "ops_maturity": "low",
            "audit_needs": "none",
            "domain_complexity": "simple_crud",
            "edge_logic": [],
        },
        {
            "rest": ("recommended",),
            "graphql": AVOID,
            "grpc": AVOID,
            "service-mesh": AVOID,
            "no-mesh": ("recommended",),
            "event-sourcing": AVOID,
            "crud-state": ("recommended",),
            "edge": AVOID,
        },
    ),
    (
        "global-storefront",
        {
            "user_geography": "global",
            "latency_target": "interactive",
            "clients": ["browser", "mobile"],
            "client_data_needs": "varied",
            "data_shape": "nested",
            "edge_logic": ["ab_testing", "personalization", "bot_detection"],
        },
        {"edge": ("recommended",), "graphql": ("recommended",)},
    ),
    (
        "multiplayer-game-server",
        {
            "traffic_pattern": "steady",
            "latency_target": "realtime",
            "connection_model": "long_lived",
            "streaming": "bidirectional",
            "clients": ["mobile"],
        },
        {"serverless": AVOID, "containers": ("recommended",)},
    ),
]


@pytest.mark.parametrize(
    ("answers", "expected"),
    [pytest.param(answers, expected, id=case_id) for case_id, answers, expected in COMPOSITES],
)
def test_composite_workload(catalog: Catalog, answers: dict[str, Any], expected: dict[str, tuple[str, ...]]) -> None:
    rec = recommend(catalog, answers)
    wrong = [_explain(rec, tech) for tech, allowed in expected.items() if rec.technology(tech).verdict not in allowed]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(
    ("technology", "answers", "rule"),
    [
        pytest.param("edge", {"task_duration": "long"}, "edge-long-task-veto", id="edge-cpu-limits"),
        pytest.param(
            "service-mesh", {"service_count": "one"}, "service-mesh-single-service-veto", id="mesh-one-service"
        ),
        pytest.param(
            "service-mesh", {"platform": "managed_cloud"}, "service-mesh-managed-functions-veto", id="mesh-no-sidecar"
        ),
    ],
)
def test_veto_is_explained(catalog: Catalog, technology: str, answers: dict[str, Any], rule: str) -> None:
    t = recommend(catalog, answers).technology(technology)
    assert t.verdict == "avoid"
    vetoes = [r for r in t.reasons if r.veto]
    assert [r.rule for r in vetoes] == [rule]
    assert vetoes[0].weight is None


@pytest.mark.parametrize(
    "answers, rule, exception",
    [
        pytest.param({"task_duration": "long"}, "serverless-long-task-veto", "durable functions", id="15-minute-limit"),
        pytest.param(
            {"connection_model": "long_lived"},
            "serverless-long-lived-connections-veto",
            "WebSocket APIs",
            id="long-lived-connections",
        ),
        pytest.param(
            {
                "request_volume": "high",
                "traffic_pattern": "steady",
                "cost_priority": "cost_at_scale",
                "event_triggers": "core",
            },
            "serverless-cost-at-scale-veto",
            "Managed Instances",
            id="cost-at-scale",
        ),
    ],
)
def test_a_limit_with_exceptions_weighs_heavily_and_names_them(
    catalog: Catalog, answers: dict[str, Any], rule: str, exception: str
) -> None:
    """On-demand Lambda's limits now have documented exceptions: a strong weight, not a veto."""
    t = recommend(catalog, answers).technology("serverless")
    assert t.verdict == "avoid" and not t.vetoed
    reason = next(r for r in t.reasons if r.rule == rule)
    assert reason.weight is not None and reason.weight <= -4 and exception in reason.text


def test_no_answers_fire_only_the_priors(catalog: Catalog) -> None:
    """With every question 'not sure', only the matrix priors fire and nothing leaves 'consider'."""
    rec = recommend(catalog, {})
    for t in catalog.technologies.technologies:
        verdict = rec.technology(t.id)
        assert verdict.verdict == "consider", _explain(rec, t.id)
        assert verdict.reasons, f"{t.id} has no prior rule"
        assert all(abs(r.weight or 0) == 1 for r in verdict.reasons), _explain(rec, t.id)


def test_grpc_browser_rule_spares_the_internal_surface(catalog: Catalog) -> None:
    """Browsers alone push gRPC to avoid; with internal services as callers it is not avoided."""
    browser_only = recommend(catalog, {"clients": ["browser"]}).technology("grpc")
    mixed = recommend(catalog, {"clients": ["browser", "internal_services"]}).technology("grpc")
    assert browser_only.verdict == "avoid"
    assert mixed.verdict != "avoid"
    assert "grpc-browser-callers" not in {r.rule for r in mixed.reasons}
