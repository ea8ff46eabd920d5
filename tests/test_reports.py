"""Reports: one model, five formats, checked against golden files reviewed by eye.

The golden files in tests/golden are syrupy snapshots: regenerate them on purpose with
`make snapshot-update` (the same `--snapshot-update` as the SVG snapshots), then read the diff.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from advisor.advise.engine import recommend
from advisor.cli import main
from advisor.reports.build import build_report
from advisor.reports.formats import render_report
from advisor.reports.json_report import report_schema
from tests.conftest import ROOT, write

GOLDEN = ROOT / "tests" / "golden"
WORKLOADS = {
    # a consumer app: browsers and phones, varied screens, a small team
    "mobile-bff": {
        "clients": ["browser", "mobile"],
        "client_data_needs": "varied",
        "data_shape": "nested",
        "service_count": "few",
        "ops_maturity": "low",
        "traffic_pattern": "spiky",
        "request_volume": "medium",
        "domain_complexity": "moderate",
        "file_uploads": "no",
    },
    # a platform team running many services under a compliance regime
    "regulated-platform": {
        "clients": ["internal_services", "third_party"],
        "service_count": "many",
        "service_security": "mtls_required",
        "traffic_management": "advanced",
        "ops_maturity": "high",
        "platform": "kubernetes",
        "audit_needs": "temporal_queries",
        "domain_complexity": "complex",
        "request_volume": "high",
        "traffic_pattern": "steady",
        "streaming": "server_push",
    },
    # a nightly batch job with uploads
    "nightly-etl": {
        "traffic_pattern": "scheduled",
        "event_triggers": "core",
        "task_duration": "minutes",
        "request_volume": "low",
        "cost_priority": "idle_cost",
        "service_count": "one",
        "platform": "managed_cloud",
        "clients": ["internal_services"],
    },
}


def _golden(suffix: str) -> type[SingleFileSnapshotExtension]:
    """A syrupy extension writing one readable text file per workload: tests/golden/<workload>.<suffix>."""

    class Golden(SingleFileSnapshotExtension):
        _write_mode = WriteMode.TEXT
        _file_extension = suffix

        @classmethod
        def dirname(cls, *, test_location) -> str:
            return str(GOLDEN)

        @classmethod
        def get_snapshot_name(cls, *, test_location, index=0) -> str:
            return str(index)  # the workload's name

    return Golden


# every report format has a golden file per workload (a new format in FORMATS needs its entry here)
GOLDEN_SUFFIX = {"md": "md", "html": "html", "json": "json", "adr": "adr.md", "radar": "radar.csv"}


def normalise(text: str) -> str:
    """The parts that change with every release or content edit are not what goldens check."""
    text = re.sub(r"content( version |\"?:? \"?|_version\": \")[0-9a-f]{12}", r"content\1<content>", text)
    return re.sub(r"advisor( |\": \")\d+\.\d+\.\d+", r"advisor\1<version>", text)


@pytest.fixture
def reports(catalog):
    return {
        name: build_report(catalog, recommend(catalog, answers), date="2026-01-15")
        for name, answers in WORKLOADS.items()
    }


@pytest.mark.parametrize("fmt", list(GOLDEN_SUFFIX))
@pytest.mark.parametrize("workload", list(WORKLOADS))
def test_golden(reports, snapshot, workload: str, fmt: str) -> None:
    got = normalise(render_report(reports[workload], fmt))
    assert got == snapshot(name=workload, extension_class=_golden(GOLDEN_SUFFIX[fmt]))


def test_every_format_has_goldens() -> None:
    from advisor.reports.formats import FORMATS

    assert set(GOLDEN_SUFFIX) == set(FORMATS)


def test_every_format_agrees_on_the_verdicts(reports) -> None:
    for report in reports.values():
        md, html, adr = (render_report(report, f) for f in ("md", "html", "adr"))
        doc = json.loads(render_report(report, "json"))
        for t in report.technologies:
            assert {"id": t.id, "verdict": t.verdict} == {
                k: next(x for x in doc["technologies"] if x["id"] == t.id)[k] for k in ("id", "verdict")
            }
            assert t.name in md and t.name in adr and t.name.replace("&", "&amp;") in html


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))


def test_html_is_self_contained_and_parses(reports) -> None:
    for report in reports.values():
        page = render_report(report, "html")
        parser = _Collector()
        parser.feed(page)
        parser.close()
        tags = [t for t, _ in parser.tags]
        assert tags[:2] == ["html", "head"] and "body" in tags and "style" in tags
        assert "script" not in tags and "link" not in tags and "img" not in tags
        assert "@import" not in page and not re.search(r"url\((?!#)", page)  # url(#id): the chart's own patterns


def test_json_validates_against_its_schema(reports, capsys) -> None:
    schema = report_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    for report in reports.values():
        jsonschema.validate(json.loads(render_report(report, "json")), schema)
    assert main(["schema", "report"]) == 0
    assert json.loads(capsys.readouterr().out)["$id"].endswith("report.json")


def test_adr_has_every_madr_section(reports) -> None:
    sections = [
        "## Context and Problem Statement",
        "## Decision Drivers",
        "## Considered Options",
        "## Decision Outcome",
        "### Consequences",
        "### Confirmation",
        "## Pros and Cons of the Options",
        "## More Information",
    ]
    for report in reports.values():
        adr = render_report(report, "adr")
        assert adr.startswith("---\nstatus: proposed\ndate: 2026-01-15\n")
        positions = [adr.index(s) for s in sections]
        assert positions == sorted(positions)


def test_markup_and_html_in_answers_are_escaped(catalog) -> None:
    report = build_report(
        catalog, recommend(catalog, {"clients": ["browser"]}), title="<script>alert(1)</script> [bold]x[/]"
    )
    page = render_report(report, "html")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "[bold]x[/]" in render_report(report, "md")


def test_same_answers_same_bytes_with_source_date_epoch(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1768435200")  # 2026-01-15
    answers = write(tmp_path / "w.yaml", "service_count: many\nclients: [internal_services]\n")
    outputs = []
    for _ in range(2):
        assert main(["recommend", "--answers", str(answers), "--format", "json"]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] and '"generated": "2026-01-15"' in outputs[0]


def test_milestones_report_and_compare(tmp_path: Path, capsys) -> None:
    a = write(tmp_path / "a.yaml", "service_count: few\nops_maturity: low\n")
    b = write(tmp_path / "b.yaml", "service_count: many\nops_maturity: high\nplatform: kubernetes\n")
    assert main(["report"]) == 2
    assert "no recommendation kept yet" in capsys.readouterr().err
    assert main(["recommend", "--answers", str(a), "--save", "before", "--format", "json"]) == 0
    assert main(["recommend", "--answers", str(b), "--save", "after", "--format", "json"]) == 0
    capsys.readouterr()
    assert main(["report", "--list"]) == 0
    assert "before" in capsys.readouterr().out
    out = tmp_path / "last.adr.md"
    assert main(["report", "--format", "adr", "-o", str(out)]) == 0
    assert "## Decision Outcome" in out.read_text(encoding="utf-8")
    assert main(["report", "--format", "adr", "-o", str(out)]) == 2
    assert "exists; add --force" in capsys.readouterr().err
    assert main(["report", "--compare", "before", "after"]) == 0
    diff = capsys.readouterr().out
    assert "| How many services make up the system? | A few | Many |" in diff and "Service mesh" in diff
    assert main(["report", "nope"]) == 2


def test_flips_say_what_changes_and_never_score_a_veto(catalog) -> None:
    # one service: gRPC is decided at the client edge alone, where browsers rule it out
    monolith = build_report(catalog, recommend(catalog, {"clients": ["browser", "mobile"], "service_count": "one"}))
    fleet = build_report(catalog, recommend(catalog, {"clients": ["browser", "mobile"], "service_count": "many"}))
    flips = {(t.id, f.question, f.change): f for r in (monolith, fleet) for t in r.technologies for f in t.flips}
    # a several-choice answer changes by one choice: say which, not the whole set before and after
    assert ("grpc", "clients", "add Our own internal services") in flips
    assert ("grpc", "clients", "drop Browsers (web apps)") in flips
    vetoed = flips[("service-mesh", "service_count", "Many → One")]
    assert vetoed.verdict == "avoid" and vetoed.vetoed
    for fmt in ("md", "adr"):
        assert "add Our own internal services" in render_report(monolith, fmt)
        text = render_report(fleet, fmt)
        assert "(veto: " in text  # the veto's reason, not the score it overrides
        assert "Many, Browsers" not in text


def test_summary_and_risks_lead_the_markdown_report(catalog) -> None:
    from advisor.reports.highlights import risks, summary

    answers = {"service_count": "one", "traffic_pattern": "spiky", "request_volume": "low", "clients": ["browser"]}
    report = build_report(catalog, recommend(catalog, answers))
    found = risks(report)
    assert found and found[0].kind == "veto"  # vetoes first
    assert [r.kind for r in found] == sorted((r.kind for r in found), key=lambda k: k != "veto")
    text = render_report(report, "md")
    assert text.index("## Summary") < text.index("## Risks") < text.index("## Workload")
    for line in summary(report):
        assert f"**{line.decision}**" in text
    assert "ruled out" in text
