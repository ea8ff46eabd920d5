"""The report as an Architecture Decision Record in the MADR 4 layout.

It drops into `docs/decisions/` (log4brains) or `docs/adr/` (adr-tools): front matter, context,
decision drivers from the answers, the considered options, the outcome with its justification,
consequences good and bad, confirmation, the pros and cons of each option, and links.
"""

from __future__ import annotations

from advisor.models.report import Report, ReportDecision, ReportFlip, ReportTechnology
from advisor.reports.highlights import (
    NO_MOVE,
    accepted_risks,
    chosen_name,
    chosen_scopes,
    flip_outcome,
    moved_lines,
    priorities_line,
    reasons_where_chosen,
    where_line,
)
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
        "between",
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
        lines += [f"  * moved by them: {inline(line)}" for line in moved_lines(report)] or [f"  * {NO_MOVE}"]
    return lines


def _rejected(t: ReportTechnology) -> bool:
    return t.team_decision is not None and t.team_decision.decision == "reject"


def _at(label: str) -> str:
    return f" ({inline(label)})" if label else ""


def _picked(report: Report, decision: ReportDecision) -> list[ReportTechnology]:
    """The decision's recommended options the team did not reject, in the order of the boundaries
    where they are chosen (the client edge, the public API, between services)."""
    by_id = {t.id: t for t in report.technologies}
    order = list(decision.scopes)
    picked = [by_id[t] for t in decision.chosen if not _rejected(by_id[t])]
    first = {t.id: min((order.index(s.scope) for s in chosen_scopes(t) if s.scope in order), default=0) for t in picked}
    return sorted(picked, key=lambda t: first[t.id])


def render_adr(report: Report) -> str:
    """MADR Markdown; status 'proposed' until the team accepts it."""
    by_id = {t.id: t for t in report.technologies}
    chosen = [t for d in report.decisions for t in _picked(report, d)]
    rejected = [by_id[t] for d in report.decisions for t in d.chosen if _rejected(by_id[t])]
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
        picked = _picked(report, d)
        if picked:
            names = "; ".join(inline(chosen_name(t)) for t in picked)
            lines.append(f'* {inline(d.title)}: chosen option "{names}", because')
            for t in picked:
                lines += [f"  * {inline(r.text)}{_at(label)}" for r, label in reasons_where_chosen(t, "for")]
            # a boundary whose only recommended option the team rejected is left open: say so
            covered = {s.scope for t in picked for s in t.scopes if s.verdict == "recommended"}
            for scope, title in d.scopes.items():
                if scope in covered:
                    continue
                lost = [
                    by_id[t].name
                    for t in d.chosen
                    if _rejected(by_id[t])
                    and any(s.scope == scope and s.verdict == "recommended" for s in by_id[t].scopes)
                ]
                if lost:
                    lines.append(
                        f"  * no option is chosen {inline(title)}: the team rejected {inline(', '.join(lost))}"
                    )
        else:
            lines.append(f'* {inline(d.title)}: no option reaches "recommended" yet; see the pros and cons below.')
    lines += ["", "### Consequences", ""]
    for t in chosen:
        for way, direction in (("Good", "for"), ("Bad", "against")):
            lines += [
                f"* {way}, because {inline(_clause(r.text))}{_at(label)}"
                for r, label in reasons_where_chosen(t, direction)
            ]
    for t in rejected:
        reason = f" ({literal(t.team_decision.reason)})" if t.team_decision and t.team_decision.reason else ""
        lines.append(f"* Rejected by the team: {inline(t.name)}{reason}")
    risky = accepted_risks(report)
    for t, _ in risky:
        reason = f" ({literal(t.team_decision.reason)})" if t.team_decision and t.team_decision.reason else ""
        against = reasons_where_chosen(t, "against")
        lines.append(f"* Risk accepted for {inline(chosen_name(t))}{reason}:")
        lines += [f"  * {inline(r.text)}{_at(label)}" + (" (veto)" if r.veto else "") for r, label in against]
        if not against:
            lines.append("  * no reason against it was recorded")
    if not chosen and not risky and not rejected:
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
