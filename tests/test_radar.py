"""The tech radar: the CSV Build Your Own Radar reads, read back here with the csv module."""

from __future__ import annotations

import csv
import html
import io
from pathlib import Path

import pytest
import yaml

from advisor.advise.engine import recommend
from advisor.cli import main
from advisor.models.workload import TeamDecision
from advisor.reports.build import build_report
from advisor.reports.formats import render_report
from advisor.reports.radar import COLUMNS, QUADRANTS, RINGS, radar_csv, ring_for
from tests.conftest import MOBILE_WORKLOAD, write

# the quadrants the hosted BYOR plots (a blip in any other quadrant is dropped)
BYOR_QUADRANTS = {"Techniques", "Platforms", "Tools", "Languages & Frameworks"}
BY_VERDICT = {"recommended": "Trial", "consider": "Assess", "avoid": "Hold"}
SMALL_TEAM = {"clients": ["browser", "mobile"], "service_count": "few", "ops_maturity": "low"}
PLATFORM_TEAM = {"clients": ["internal_services"], "service_count": "many", "ops_maturity": "high"}


def rows(text: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text))
    assert tuple(reader.fieldnames or ()) == COLUMNS == ("name", "ring", "quadrant", "isNew", "description")
    return list(reader)


@pytest.mark.parametrize("verdict", ["recommended", "consider", "avoid"])
@pytest.mark.parametrize("previously_recommended", [False, True])
@pytest.mark.parametrize("accepted", [False, True])
def test_the_ring_of_a_verdict(verdict: str, previously_recommended: bool, accepted: bool) -> None:
    adopt = verdict == "recommended" and previously_recommended and accepted
    assert ring_for(verdict, previously_recommended, accepted) == ("Adopt" if adopt else BY_VERDICT[verdict])  # type: ignore[arg-type]


def test_every_decision_has_its_own_byor_quadrant(catalog) -> None:
    decisions = [d.id for d in catalog.technologies.decisions]
    assert set(decisions) == set(QUADRANTS)
    assert set(QUADRANTS.values()) == BYOR_QUADRANTS  # exactly four, and BYOR's own names
    assert RINGS == ("Adopt", "Trial", "Assess", "Hold")


def test_the_csv_reads_back_with_rings_quadrants_and_reasons(catalog) -> None:
    report = build_report(catalog, recommend(catalog, SMALL_TEAM))
    got = rows(render_report(report, "radar"))
    assert [r["name"] for r in got] == sorted(
        (t.name for t in report.technologies), key=lambda n: RINGS.index(BY_VERDICT[report_verdict(report, n)])
    )
    for row in got:
        t = next(t for t in report.technologies if t.name == row["name"])
        assert row["ring"] == BY_VERDICT[t.verdict]
        assert row["quadrant"] == QUADRANTS[t.decision]
        assert row["isNew"] == "FALSE"  # nothing to compare with
        assert row["description"].startswith("<p>")
        for reason in t.reasons:
            assert html.escape(reason.text, quote=False) in row["description"]


def test_a_technology_decided_per_boundary_says_where(catalog) -> None:
    answers = {"clients": ["browser", "internal_services"], "service_count": "many"}
    report = build_report(catalog, recommend(catalog, answers))
    grpc = next(r for r in rows(render_report(report, "radar")) if r["name"] == "gRPC")
    assert "Where: " in grpc["description"] and "between your own services" in grpc["description"]
    assert "for browsers" in grpc["description"] and "mobile" not in grpc["description"]  # only browsers call


def report_verdict(report, name: str) -> str:
    return next(t.verdict for t in report.technologies if t.name == name)


def test_compared_with_a_kept_one_what_moved_is_new_and_adopted_needs_both(catalog) -> None:
    before = build_report(catalog, recommend(catalog, SMALL_TEAM))
    after = build_report(catalog, recommend(catalog, PLATFORM_TEAM))
    was = {t.id: t.verdict for t in before.technologies}
    moved = {t.name for t in after.technologies if was[t.id] != t.verdict}
    assert moved and len(moved) < len(after.technologies)  # the test needs both kinds
    got = rows(radar_csv(after, previous=before))
    assert {r["name"] for r in got if r["isNew"] == "TRUE"} == moved
    assert "Adopt" not in {r["ring"] for r in got}  # nobody accepted anything
    accept = TeamDecision(decision="accept", reason="we run it already")
    decided = build_report(
        catalog, recommend(catalog, PLATFORM_TEAM), decisions={t.id: accept for t in after.technologies}
    )
    adopted = rows(radar_csv(decided, previous=before))
    for t in after.technologies:
        row = next(r for r in adopted if r["name"] == t.name)
        expected = "Adopt" if t.verdict == "recommended" and was[t.id] == "recommended" else BY_VERDICT[t.verdict]
        assert row["ring"] == expected, t.id
    # kept before with the same verdicts: every recommended technology the team accepted is Adopt
    again = rows(radar_csv(decided, kept=[after]))
    recommended = {t.name for t in after.technologies if t.verdict == "recommended"}
    assert recommended and {r["name"] for r in again if r["ring"] == "Adopt"} == recommended
    assert {r["isNew"] for r in again} == {"FALSE"}  # nothing is new without a comparison
    assert [r["ring"] for r in adopted] == sorted((r["ring"] for r in adopted), key=RINGS.index)


def test_recommend_and_report_compare_write_the_radar(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    small = write(tmp_path / "small.yaml", "clients: [browser, mobile]\nservice_count: few\nops_maturity: low\n")
    platform = write(
        tmp_path / "platform.yaml", "clients: [internal_services]\nservice_count: many\nops_maturity: high\n"
    )
    out = tmp_path / "radar.csv"
    assert main(["recommend", "--answers", str(small), "--format", "radar", "-o", str(out), "--save", "small"]) == 0
    assert {r["isNew"] for r in rows(out.read_text(encoding="utf-8"))} == {"FALSE"}
    assert main(["recommend", "--answers", str(platform), "--save", "platform"]) == 0
    capsys.readouterr()
    assert main(["report", "--compare", "small", "platform", "--format", "radar", "-o", str(out)]) == 2
    assert "exists; add --force" in capsys.readouterr().err
    assert main(["report", "--compare", "small", "platform", "--format", "radar", "-o", str(out), "--force"]) == 0
    compared = rows(out.read_text(encoding="utf-8"))
    assert {r["isNew"] for r in compared} == {"TRUE", "FALSE"}
    assert main(["report", "platform", "--format", "radar"]) == 0  # a kept one on its own: nothing new
    assert {r["isNew"] for r in rows(capsys.readouterr().out)} == {"FALSE"}
    for fmt in ("json", "html", "adr"):  # no comparison form: refused, never Markdown under another name
        assert main(["report", "--compare", "small", "platform", "--format", fmt]) == 2
        assert capsys.readouterr().err.strip() == f"advisor: --compare writes md or radar, not {fmt}"
    assert main(["report", "--compare", "small", "platform"]) == 0
    assert capsys.readouterr().out.startswith("# small → platform")


def test_the_recommendation_being_kept_is_not_its_own_earlier_milestone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Adopt needs a milestone kept *before*: the first recommendation a team keeps is never adopted
    answers = {
        "version": 2,
        "answers": MOBILE_WORKLOAD,
        "decisions": {"graphql": {"decision": "accept", "reason": "ours"}},
    }
    accepted = write(tmp_path / "accepted.yaml", yaml.safe_dump(answers))
    assert main(["recommend", "--answers", str(accepted), "--format", "radar", "--save", "first"]) == 0
    first = {r["name"]: r["ring"] for r in rows(capsys.readouterr().out)}
    assert first["GraphQL"] == "Trial"
    assert main(["report", "first", "--format", "radar"]) == 0  # the kept one reads the same
    assert {r["name"]: r["ring"] for r in rows(capsys.readouterr().out)} == first
    assert main(["recommend", "--answers", str(accepted), "--format", "radar", "--save", "second"]) == 0
    assert {r["name"]: r["ring"] for r in rows(capsys.readouterr().out)}["GraphQL"] == "Adopt"
