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
    assert "REST over HTTP" not in outcome
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
