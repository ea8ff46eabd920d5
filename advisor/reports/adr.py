"""The report as an Architecture Decision Record in the MADR 4 layout.

It drops into `docs/decisions/` (log4brains) or `docs/adr/` (adr-tools): front matter, context,
decision drivers from the answers, the considered options, the outcome with its justification,
consequences good and bad, confirmation, the pros and cons of each option, and links.
"""

from __future__ import annotations

from advisor.models.report import Report, ReportFlip, ReportTechnology
from advisor.reports.highlights import accepted_risks, flip_outcome, moved_lines, priorities_line, where_line
from advisor.reports.markdown import decision_markdown, source_markdown
from advisor.text.markdown import inline, literal
from advisor.text.numbers import signed

# Sentence-initial words that read as ordinary words after "because"; names keep their capital.
_COMMON = set(
    [
        "a",
        "an",
        "the",
        "when",
        "with",
        "without",
        "each",
        "every",
        "for",
        "if",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "most",
        "many",
        "one",
        "some",
        "no",
        "not",
        "only",
        "once",
        "even",
        "while",
        "since",
        "after",
        "before",
        "at",
        "in",
        "on",
        "by",
        "from",
        "to",
        "unlike",
        "as",
        "there",
        "they",
        "we",
        "you",
        "your",
        "our",
        "all",
        "per",
        "long",
        "short",
        "steady",
        "spiky",
        "high",
        "low",
        "small",
        "large",
        "simple",
        "complex",
        "browsers",
        "functions",
        "mobile",
        "client",
        "clients",
        "teams",
        "work",
        "events",
        "data",
        "public",
        "internal",
        "scheduled",
        "graph-shaped",
        "nested",
        "flat",
        "uniform",
        "varied",
        "two",
        "three",
        "few",
        "more",
        "less",
        "much",
    ]
)


def _clause(text: str) -> str:
    """'When X...' → 'when X...' after 'because'; 'AWS Lambda...' stays as it is."""
    first = text.split(" ", 1)[0].strip(",.;:()").lower()
    return text[0].lower() + text[1:] if first in _COMMON else text


def _flip_if(f: ReportFlip) -> str:
    said = f"the answer to “{f.question_text}” changes: {f.change}"
    if f.also is not None:
        said += f", and the answer to “{f.also.question_text}” changes: {f.also.change}"
    return said


def _option(t: ReportTechnology) -> str:
    return f"{t.name} ({t.verdict}, score {signed(t.score)})"


def _considered(t: ReportTechnology) -> str:
    """'* gRPC — team decision: risk accepted: <reason>' (the name alone when undecided)."""
    line = f"* {inline(t.name)}"
    if t.scopes:
        line += f" ({inline(where_line(t))})"
    if t.team_decision is not None:
        line += f" — team decision: {decision_markdown(t.team_decision)}"
    return line


def _drivers(report: Report) -> list[str]:
    """The answers (with the user's notes) and, when any concern is weighted, the priorities."""
    lines = [
        f"* {inline(a.question)} **{inline(a.label)}**" + (f" — {literal(a.note)}" if a.note else "")
        for a in report.answers
    ]
    lines += [
        f"* {inline(a.question)} *{inline(a.label) if a.could_matter is False else 'not yet known'}*"
        + (f" — {literal(a.note)}" if a.note else "")
        for a in report.unanswered
    ]
    weights = priorities_line(report)
    if weights:
        lines.append(f"* Priorities: {inline(weights)}")
        lines += [f"  * moved by them: {inline(line)}" for line in moved_lines(report)]
    return lines


def render_adr(report: Report) -> str:
    """MADR Markdown; status 'proposed' until the team accepts it."""
    by_id = {t.id: t for t in report.technologies}
    chosen = [by_id[t] for d in report.decisions for t in d.chosen]
    lines = [
        "---",
        "status: proposed",
        f"date: {report.generated}",
        "decision-makers: (fill in)",
        "---",
        "",
        f"# {inline(report.title)}",
        "",
        "## Context and Problem Statement",
        "",
        "Which technologies should this workload use for each of these decisions: "
        + "; ".join(f"{inline(d.title)} ({inline(d.question.rstrip('?'))})" for d in report.decisions)
        + "? The workload was described with advisor's questionnaire; the verdicts below come from "
        f"its rules (advisor {report.advisor_version}, content {report.content_version}), with "
        f"{report.confidence_label} confidence ({report.confidence:.0%} of the applicable questions answered).",
        "",
        "## Decision Drivers",
        "",
        *_drivers(report),
        "",
        "## Considered Options",
        "",
        *(_considered(t) for t in report.technologies),
        "",
        "## Decision Outcome",
        "",
    ]
    for d in report.decisions:
        picked = [by_id[t] for t in d.chosen]
        if picked:
            names = " and ".join(inline(t.name) for t in picked)
            lines.append(f'* {inline(d.title)}: chosen option "{names}", because')
            lines += [f"  * {inline(r.text)}" for t in picked for r in t.reasons if r.direction == "for"]
        else:
            lines.append(f'* {inline(d.title)}: no option reaches "recommended" yet; see the pros and cons below.')
    lines += ["", "### Consequences", ""]
    for t in chosen:
        lines += [f"* Good, because {inline(_clause(r.text))}" for r in t.reasons if r.direction == "for"]
        lines += [f"* Bad, because {inline(_clause(r.text))}" for r in t.reasons if r.direction == "against"]
    risky = accepted_risks(report)
    for t, against in risky:
        reason = f" ({literal(t.team_decision.reason)})" if t.team_decision and t.team_decision.reason else ""
        lines.append(f"* Risk accepted for {inline(t.name)}{reason}:")
        lines += [f"  * {inline(r.text)}" + (" (veto)" if r.veto else "") for r in against]
        if not against:
            lines.append("  * no reason against it was recorded")
    if not chosen and not risky:
        lines.append("* None recorded: no option is recommended yet.")
    lines += ["", "### Confirmation", ""]
    lines.append(
        "Re-run `advisor recommend --answers <answers file> --format adr` when an answer changes; the verdicts "
        "that would flip are listed under each option below."
    )
    lines += ["", "## Pros and Cons of the Options", ""]
    for t in report.technologies:
        lines += [f"### {inline(_option(t))}", "", inline(t.summary), ""]
        lines += [f"* Good, because {inline(_clause(r.text))}" for r in t.reasons if r.direction == "for"]
        lines += [
            f"* Bad, because {inline(_clause(r.text))}" + (" (veto)" if r.veto else "")
            for r in t.reasons
            if r.direction == "against"
        ]
        lines += [f"* Would become {inline(flip_outcome(f))} if {inline(_flip_if(f))}" for f in t.flips]
        lines.append("")
    lines += ["## More Information", ""]
    sections = sorted({(t.section_title or "") for t in report.technologies if t.section_title})
    lines += [f"* The guide: {inline(s)}" for s in sections]
    sources = {(s.title, s.url, s.as_of): s for t in report.technologies for r in t.reasons for s in r.sources}
    lines += [f"* Source: {source_markdown(s)}" for _, s in sorted(sources.items(), key=lambda kv: kv[0][0])]
    lines.append(
        f"* Generated by advisor {report.advisor_version} on {report.generated};"
        f" content version {report.content_version}."
    )
    lines.append("")
    return "\n".join(lines)
