"""The report as CommonMark: answers, the architecture by decision, every verdict with its case."""

from __future__ import annotations

from advisor.models.report import Report, ReportSource, ReportTechnology
from advisor.models.workload import DECISION_KINDS, TeamDecision
from advisor.reports.highlights import (
    NO_MOVE,
    flip_change,
    flip_detail,
    moved_lines,
    no_flip_text,
    priorities_line,
    reason_weight,
    risks,
    summary,
    where_line,
)
from advisor.text.markdown import inline, literal, source_link
from advisor.text.numbers import signed

VERDICT_LABEL = {"recommended": "✅ Recommended", "consider": "🤔 Consider", "avoid": "⛔ Avoid"}


def source_markdown(source: ReportSource) -> str:
    """'[title](url), checked 2026-12-02' (the title alone when there is no URL)."""
    return source_link(source.title, source.url, source.as_of)


def technology_lines(report: Report, t: ReportTechnology) -> list[str]:
    """One technology's verdict, score, reasons for and against, and flips, as Markdown lines."""
    th = report.thresholds
    lines = [f"### {inline(t.name)}: {VERDICT_LABEL[t.verdict]}", ""]
    lines.append(
        f"Score **{signed(t.score)}** "
        f"(recommended at {th['recommended']:+d} or more, avoid at {th['avoid']:+d} or less)"
        + (" · **vetoed**" if t.vetoed else "")
        + f" · confidence {t.confidence:.0%}"
    )
    lines.append("")
    if t.team_decision is not None:
        lines += [f"Team decision: **{decision_markdown(t.team_decision)}**", ""]
    if t.scopes:
        lines += [f"Where: {inline(where_line(t))}", ""]
    titles = {s.scope: s.title for s in t.scopes}
    for direction, title in (("for", "For"), ("against", "Against")):
        reasons = [r for r in t.reasons if r.direction == direction]
        if not reasons:
            continue
        lines += [f"**{title}**", ""]
        for r in reasons:
            line = f"- ({reason_weight(r)}) {inline(r.text)} — *{inline(r.rests_on_title)}* (`{r.rule}`)"
            if t.scopes and len(r.scopes) < len(t.scopes):  # a reason that holds at some boundaries only
                line += " · " + ", ".join(inline(titles[s]) for s in r.scopes)
            if r.sources:
                line += " · source: " + "; ".join(source_markdown(s) for s in r.sources)
            lines.append(line)
        lines.append("")
    if t.flips:
        lines += ["**What would change this verdict**", ""]
        for f in t.flips:
            lines.append(f"- {inline(flip_change(f))}: {VERDICT_LABEL[f.verdict]} {inline(flip_detail(f))}")
        lines.append("")
    else:
        lines += [f"*{inline(no_flip_text(t))}*", ""]
    return lines


def decision_markdown(decision: TeamDecision) -> str:
    """'risk accepted: <the reason, literally>'."""
    said = DECISION_KINDS[decision.decision]
    return f"{said}: {literal(decision.reason)}" if decision.reason else said


def render_markdown(report: Report) -> str:
    """The whole report as CommonMark."""
    lines = [
        f"# {inline(report.title)}",
        "",
        f"Made on {report.generated} with advisor {report.advisor_version} (content {report.content_version}). "
        f"Confidence: **{report.confidence_label}** "
        f"({report.confidence:.0%} of the questions that apply were answered).",
        "",
        "## Summary",
        "",
    ]
    by_id = {t.id: t for t in report.technologies}
    lines += [f"- **{inline(line.decision)}**: {inline(line.chosen)}" for line in summary(report)]
    found = risks(report)
    if found:
        lines += ["", "## Risks", "", "Ruled out, and what to watch in what is recommended:", ""]
        for risk in found:
            lead = (
                f"**{inline(risk.technology)}** ruled out" if risk.kind == "veto" else f"**{inline(risk.technology)}**"
            )
            lead += f" {inline(risk.scope)}" if risk.scope else ""
            weight = "" if risk.weight is None else f" ({signed(risk.weight)})"
            lines.append(f"- {lead}{weight}: {inline(risk.text)} — *{inline(risk.where)}*")
    decided = [t for t in report.technologies if t.team_decision is not None]
    if decided:
        lines += ["", "## Team decisions", ""]
        lines += [f"- **{inline(t.name)}**: {decision_markdown(t.team_decision)}" for t in decided if t.team_decision]
    weights = priorities_line(report)
    if weights:
        lines += ["", "## Priorities", "", inline(weights)]
        moved = moved_lines(report)
        lines += ["", "Verdicts the priorities moved (from what normal weights give):", ""] if moved else ["", NO_MOVE]
        lines += [f"- {inline(line)}" for line in moved]
    answered = [
        *((a, inline(a.label)) for a in report.answers),
        *((a, f"*{inline(a.label)}*") for a in report.unanswered),
    ]
    if any(a.note for a, _ in answered):
        lines += ["", "## Workload", "", "| Question | Answer | Note |", "| --- | --- | --- |"]
        lines += [f"| {inline(a.question)} | {label} | {literal(a.note or '')} |" for a, label in answered]
    else:
        lines += ["", "## Workload", "", "| Question | Answer |", "| --- | --- |"]
        lines += [f"| {inline(a.question)} | {label} |" for a, label in answered]
    lines.append("")
    for d in report.decisions:
        lines += [f"## {inline(d.title)}", "", f"*{inline(d.question)}*", ""]
        for tid in d.technologies:
            lines += technology_lines(report, by_id[tid])
    doubtful = [a for a in report.unanswered if a.could_matter is not False]
    moot = [a for a in report.unanswered if a.could_matter is False]
    if doubtful or moot:
        lines += ["## Not answered", ""]
    if doubtful:
        lines += ["Answering these would make the verdicts firmer:", ""]
        lines += [f"- {inline(a.question)} (`{a.question_id}`)" for a in doubtful]
        lines.append("")
    if moot:
        lines += ["No answer to these could change any verdict, given the answers above (quick mode skips them):", ""]
        lines += [f"- {inline(a.question)} (`{a.question_id}`)" for a in moot]
        lines.append("")
    with_steps = [t for t in report.technologies if t.next_steps]
    if with_steps:
        lines += ["## Next steps", ""]
        for t in with_steps:
            lines.append(f"- **{inline(t.name)}**")
            lines += [f"  - [ ] {inline(step)}" for step in t.next_steps]
        lines.append("")
    return "\n".join(lines)
