"""What changed between two kept recommendations: the answers, and the verdicts they produced."""

from __future__ import annotations

from dataclasses import dataclass

from advisor.models.report import Report
from advisor.reports.highlights import decision_text, priorities_line, technology_outcome
from advisor.text.markdown import inline, literal


@dataclass(frozen=True)
class Change:
    what: str  # a question or a technology
    before: str
    after: str


def compare(a: Report, b: Report) -> tuple[list[Change], list[Change]]:
    """(answer changes, verdict changes) from `a` to `b`."""

    def answers(r: Report) -> dict[str, tuple[str, str]]:
        return {x.question_id: (x.question, x.label) for x in [*r.answers, *r.unanswered]}

    qa, qb = answers(a), answers(b)
    absent = ("", "not asked")
    answer_changes = [
        Change((qb.get(q) or qa.get(q) or absent)[0], qa.get(q, absent)[1], qb.get(q, absent)[1])
        for q in [*qa, *[q for q in qb if q not in qa]]
        if qa.get(q, absent)[1] != qb.get(q, absent)[1]
    ]
    ta = {t.id: t for t in a.technologies}
    verdict_changes = [
        Change(t.name, technology_outcome(ta[t.id]), technology_outcome(t))
        for t in b.technologies
        if t.id in ta and technology_outcome(ta[t.id]) != technology_outcome(t)
    ]
    return answer_changes, verdict_changes


def context_changes(a: Report, b: Report) -> list[Change]:
    """What changed in the notes on answers, the team's decisions and the priorities from `a` to `b`.

    A milestone kept before notes and decisions existed reads as having none.
    """

    def notes(r: Report) -> dict[str, tuple[str, str]]:
        return {x.question_id: (x.question, x.note) for x in [*r.answers, *r.unanswered] if x.note}

    na, nb = notes(a), notes(b)
    changes = [
        Change(f"Note: {(nb.get(q) or na[q])[0]}", na.get(q, ("", "none"))[1], nb.get(q, ("", "none"))[1])
        for q in [*na, *[q for q in nb if q not in na]]
        if na.get(q) != nb.get(q)
    ]

    def decisions(r: Report) -> dict[str, tuple[str, str]]:
        return {t.id: (t.name, decision_text(t.team_decision)) for t in r.technologies if t.team_decision}

    da, db = decisions(a), decisions(b)
    changes += [
        Change(f"Decision: {(db.get(t) or da[t])[0]}", da.get(t, ("", "none"))[1], db.get(t, ("", "none"))[1])
        for t in [*da, *[t for t in db if t not in da]]
        if da.get(t) != db.get(t)
    ]
    pa, pb = priorities_line(a) or "all normal", priorities_line(b) or "all normal"
    if pa != pb:
        changes.append(Change("Priorities", pa, pb))
    return changes


def compare_markdown(name_a: str, a: Report, name_b: str, b: Report) -> str:
    """The comparison as Markdown tables."""
    answer_changes, verdict_changes = compare(a, b)
    lines = [f"# {inline(name_a)} → {inline(name_b)}", ""]
    if a.content_version != b.content_version:
        lines += [f"*The rules or content changed between them ({a.content_version} → {b.content_version}).*", ""]
    lines += ["## Answers", ""]
    if answer_changes:
        lines += ["| Question | Before | After |", "| --- | --- | --- |"]
        lines += [f"| {inline(c.what)} | {inline(c.before)} | {inline(c.after)} |" for c in answer_changes]
    else:
        lines.append("No answer changed.")
    context = context_changes(a, b)
    if context:
        lines += ["", "## Notes, decisions and priorities", ""]
        lines += ["| What | Before | After |", "| --- | --- | --- |"]
        lines += [f"| {inline(c.what)} | {literal(c.before)} | {literal(c.after)} |" for c in context]
    lines += ["", "## Verdicts", ""]
    if verdict_changes:
        lines += ["| Technology | Before | After |", "| --- | --- | --- |"]
        lines += [f"| {inline(c.what)} | {c.before} | {c.after} |" for c in verdict_changes]
    else:
        lines.append("No verdict changed.")
    return "\n".join(lines) + "\n"
