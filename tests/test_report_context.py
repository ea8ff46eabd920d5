"""Notes, decisions, priorities and scopes in every report, in compare, and in kept milestones."""

from __future__ import annotations

import csv
import html
import io
import json

from markdown_it import MarkdownIt

from advisor.advise.engine import recommend
from advisor.models.progress import Milestone
from advisor.models.report import Report, ReportScope
from advisor.models.workload import TeamDecision
from advisor.reports.build import build_report
from advisor.reports.compare import compare_markdown
from advisor.reports.formats import FORMATS, render_report
from advisor.reports.milestones import read_report

HOSTILE = "[bold]x[/] [@click=app.quit]y[/] *z* _w_ <b>&amp;</b> | `c` [l](http://e.x) # h\\ ![i](j)"
ANSWERS = {"traffic_pattern": "spiky", "service_count": "few"}


def report_with(catalog, **kwargs) -> Report:
    return build_report(catalog, recommend(catalog, ANSWERS, priorities={"cost": "high"}), date="2026-01-01", **kwargs)


def hostile_report(catalog) -> Report:
    return report_with(
        catalog,
        notes={"traffic_pattern": HOSTILE, "latency_target": "a note on a question not answered"},
        decisions={
            "serverless": TeamDecision(decision="accept-risk", reason=HOSTILE),
            "edge": TeamDecision(decision="reject", reason="too young for us"),
        },
    )


def rendered_text(markdown: str) -> str:
    """What a reader sees of the Markdown: rendered to HTML as GitHub would (raw HTML off)."""
    return MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown)


def test_hostile_notes_and_reasons_appear_literally_in_every_format(catalog) -> None:
    report = hostile_report(catalog)
    seen = html.escape(HOSTILE, quote=False)
    for fmt in ("md", "adr"):
        assert rendered_text(render_report(report, fmt)).count(seen) >= 2, fmt  # the note and the reason
    assert render_report(report, "html").count(seen) >= 2
    doc = json.loads(render_report(report, "json"))
    assert doc["answers"][0]["note"] == HOSTILE
    assert next(t for t in doc["technologies"] if t["id"] == "serverless")["team_decision"]["reason"] == HOSTILE
    radar = {row["name"]: row for row in csv.DictReader(io.StringIO(render_report(report, "radar")))}
    described = radar["Serverless functions"]["description"]
    assert "Team decision: <strong>risk accepted</strong>: " + html.escape(HOSTILE, quote=False) in described
    assert set(FORMATS) == {"md", "html", "json", "adr", "radar"}  # a new format needs its line here


def test_the_markdown_shows_priorities_moves_decisions_and_notes(catalog) -> None:
    text = render_report(hostile_report(catalog), "md")
    assert "## Priorities\n\nCost high (the others normal)" in text
    assert "| Question | Answer | Note |" in text
    assert "a note on a question not answered" in text
    assert "- **Edge computing**: rejected: too young for us" in text
    assert "Team decision: **rejected: too young for us**" in text


def test_the_adr_lists_each_option_with_its_decision_and_the_accepted_risks(catalog) -> None:
    report = hostile_report(catalog)
    adr = render_report(report, "adr")
    options = adr.split("## Considered Options")[1].split("## Decision Outcome")[0]
    assert "* Edge computing — team decision: rejected: too young for us" in options
    assert "* Serverless functions — team decision: risk accepted: " in options
    consequences = adr.split("### Consequences")[1].split("### Confirmation")[0]
    assert "* Risk accepted for Serverless functions (" in consequences
    against = [r for r in report.technology("serverless").reasons if r.direction == "against"]
    for r in against:
        assert r.text in consequences


def test_default_priorities_and_no_notes_leave_the_report_as_it_was(catalog) -> None:
    plain = build_report(catalog, recommend(catalog, ANSWERS), date="2026-01-01")
    text = render_report(plain, "md")
    assert "## Priorities" not in text and "## Team decisions" not in text and "| Note |" not in text
    assert "Priorities:" not in render_report(plain, "adr")


def test_compare_shows_changed_notes_decisions_and_priorities(catalog) -> None:
    before = report_with(catalog, notes={"traffic_pattern": "old"})
    after = hostile_report(catalog)
    text = compare_markdown("a", before, "b", after)
    section = text.split("## Notes, decisions and priorities")[1].split("## Verdicts")[0]
    assert "| Note: " in section and "| old |" in section
    assert "| Decision: Edge computing | none | rejected: too young for us |" in section
    assert "Priorities" not in section  # the same on both sides
    plain = build_report(catalog, recommend(catalog, ANSWERS), date="2026-01-01")
    assert r"| Priorities | Cost high \(the others normal\) | all normal |" in compare_markdown("b", after, "c", plain)


def test_a_milestone_kept_before_notes_and_decisions_still_loads(catalog) -> None:
    data = report_with(catalog).model_dump(mode="json", by_alias=True)
    for t in data["technologies"]:
        del t["team_decision"]
    for a in [*data["answers"], *data["unanswered"]]:
        del a["note"]
    kept = read_report(Milestone(1, "old", "2026-01-01T00:00:00", dict(ANSWERS), data))
    assert kept.technology("serverless").team_decision is None and kept.answers[0].note is None
    assert "## Notes, decisions and priorities" in compare_markdown("old", kept, "new", hostile_report(catalog))


def scoped_report(catalog) -> Report:
    """A report whose API-style decision is made per boundary (the shipped data has no scopes yet)."""
    report = report_with(catalog)
    scopes = {"clients": "for browsers and mobile apps", "internal": "between our own services"}
    at = {
        "grpc": [("clients", "avoid", -3), ("internal", "recommended", 4)],
        "graphql": [("clients", "recommended", 3), ("internal", "consider", 0)],
        "rest": [("clients", "consider", 1), ("internal", "consider", 1)],
    }
    technologies = [
        t.model_copy(
            update={
                "scopes": [
                    ReportScope(scope=s, title=scopes[s], verdict=v, score=n, vetoed=False, reasons=[])
                    for s, v, n in at[t.id]
                ]
            }
        )
        if t.id in at
        else t
        for t in report.technologies
    ]
    decisions = [d.model_copy(update={"scopes": scopes}) if d.id == "api-style" else d for d in report.decisions]
    return report.model_copy(update={"technologies": technologies, "decisions": decisions})


WHERE = "recommended between our own services; avoid for browsers and mobile apps"


def test_scopes_say_where_in_markdown_html_and_the_adr(catalog) -> None:
    report = scoped_report(catalog)
    assert f"Where: {WHERE}" in render_report(report, "md")
    assert f"Where: {WHERE}" in render_report(report, "html")
    assert f"* gRPC ({WHERE})" in render_report(report, "adr")
    assert "consider for browsers and mobile apps and between our own services" in render_report(report, "md")
