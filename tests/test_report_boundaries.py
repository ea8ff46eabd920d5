"""Reports say where: the ADR's chosen options and consequences, and the risks, name the boundary
where each option is chosen, and leave out what the team rejected."""

from __future__ import annotations

from pathlib import Path

import yaml

from advisor.advise.engine import recommend
from advisor.loading.catalog import Catalog
from advisor.models.workload import TeamDecision
from advisor.reports.adr import render_adr
from advisor.reports.build import build_report
from advisor.reports.highlights import risks
from advisor.reports.markdown import render_markdown

MOBILE = Path(__file__).parent / "data" / "workloads" / "mobile-plus-partners.yaml"


def _report(catalog: Catalog, decisions: dict[str, TeamDecision] | None = None):  # type: ignore[no-untyped-def]
    rec = recommend(catalog, yaml.safe_load(MOBILE.read_text()))
    return build_report(catalog, rec, date="2026-12-02", decisions=decisions)


def _section(text: str, start: str, end: str) -> str:
    return text.split(start, 1)[1].split(end, 1)[0]


def test_adr_names_each_chosen_option_with_its_boundary(catalog: Catalog) -> None:
    adr = render_adr(_report(catalog))
    outcome = _section(adr, "## Decision Outcome", "### Consequences")
    assert (
        'API style: chosen option "GraphQL for browsers and mobile apps; REST over HTTP for third-party developers; '
        'gRPC between your own services"' in outcome
    )
    consequences = _section(adr, "### Consequences", "### Confirmation")
    assert "Browsers cannot speak native gRPC" not in consequences  # gRPC is chosen between services only
    assert "(between your own services)" in consequences and "(for browsers and mobile apps)" in consequences


def test_adr_leaves_a_rejected_option_out_and_says_the_team_rejected_it(catalog: Catalog) -> None:
    decisions = {
        "rest": TeamDecision(decision="reject", reason="Partners get GraphQL too"),
        "grpc": TeamDecision(decision="accept-risk", reason="we proxy browsers"),
    }
    adr = render_adr(_report(catalog, decisions))
    outcome = _section(adr, "## Decision Outcome", "### Consequences")
    assert "REST over HTTP" not in outcome.split("no option is chosen")[0]
    assert "  * no option is chosen for third-party developers: the team rejected REST over HTTP" in outcome
    consequences = _section(adr, "### Consequences", "### Confirmation")
    assert "* Rejected by the team: REST over HTTP (Partners get GraphQL too)" in consequences
    accepted = consequences.split("Risk accepted for gRPC between your own services (we proxy browsers):")[1]
    assert "Browsers cannot speak native gRPC" not in accepted


def test_risks_of_an_option_chosen_at_some_boundaries_are_those_at_them_and_name_them(catalog: Catalog) -> None:
    report = _report(catalog)
    found = [r for r in risks(report) if r.kind == "against"]
    assert found and all(r.scope for r in found if r.technology in {"GraphQL", "gRPC", "REST over HTTP"})
    assert not any("Browsers cannot speak native gRPC" in r.text for r in found)
    assert not any(r.technology == "GraphQL" and r.scope != "for browsers and mobile apps" for r in found)
    text = _section(render_markdown(report), "## Risks", "## ")
    assert "**gRPC** between your own services" in text


def test_each_technology_s_next_steps_name_only_items_about_it(catalog: Catalog) -> None:
    from advisor.models.recommendation import TechnologyVerdict
    from advisor.reports.build import _next_steps

    rec = recommend(catalog, {})
    matrix = {row.id: row.topic for row in catalog.matrix.technologies}

    def topic(tech: str, section: str) -> str | None:
        ids = {t.id for t in catalog.section(section).topics}
        return matrix.get(tech) or (tech if tech in ids else None)

    for t in rec.technologies:
        if not t.section:
            continue
        section = catalog.section(t.section)
        steps = set(_next_steps(catalog, TechnologyVerdict(**{**t.model_dump(), "verdict": "recommended"})))
        theirs = {topic(o.id, t.section) for o in rec.technologies if o.section == t.section and o.id != t.id}
        theirs -= {None, topic(t.id, t.section)}
        about_others = {i.text for i in section.checklist if i.topic in theirs}
        about_others |= {f"Exercise: {e.title} ({e.minutes} min)" for e in section.exercises if e.topic in theirs}
        assert not steps & about_others, (t.id, steps & about_others)
    by_id = {t.id: t for t in rec.technologies}
    crdts = _next_steps(catalog, TechnologyVerdict(**{**by_id["crdts"].model_dump(), "verdict": "recommended"}))
    assert len(crdts) > 1 and not any("WebAssembly" in s or "event-sourced" in s.lower() for s in crdts)
    rest = _next_steps(catalog, TechnologyVerdict(**{**by_id["rest"].model_dump(), "verdict": "recommended"}))
    assert not any("GraphQL" in s or "gRPC" in s for s in rest[1:])


def test_the_trace_says_how_the_boundaries_make_the_overall_verdict(catalog: Catalog) -> None:
    from advisor.reports.trace_text import overall_line

    report = _report(catalog)
    scoped = [t for t in report.technologies if t.scopes]
    assert scoped
    for t in scoped:
        line = overall_line(t)
        assert line.startswith("Overall: ") and line.endswith(
            f", so {t.verdict}; score {t.score:+g}, the highest of the boundaries' scores"
        )
        assert t.score == max(s.score for s in t.scopes)
        if t.verdict == "recommended":
            assert all(f"recommended {s.title}" in line for s in t.scopes if s.verdict == "recommended")


def test_the_client_edge_is_named_for_the_clients_the_workload_has(catalog: Catalog) -> None:
    for clients, title in (
        (["browser"], "for browsers"),
        (["mobile"], "for mobile apps"),
        (["browser", "mobile"], "for browsers and mobile apps"),
    ):
        rec = recommend(catalog, {"clients": clients})
        graphql = next(t for t in rec.technologies if t.id == "graphql")
        assert [s.title for s in graphql.scopes if s.scope == "client-edge"] == [title]
        api = next(d for d in rec.decisions if d.id == "api-style")
        assert api.scopes["client-edge"] == title
