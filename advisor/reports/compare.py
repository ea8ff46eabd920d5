"""What changed between two kept recommendations: the answers, and the verdicts they produced."""

from __future__ import annotations

from dataclasses import dataclass

from advisor.models.report import Report
from advisor.reports.highlights import technology_outcome
from advisor.text.markdown import inline


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
    lines += ["", "## Verdicts", ""]
    if verdict_changes:
        lines += ["| Technology | Before | After |", "| --- | --- | --- |"]
        lines += [f"| {inline(c.what)} | {c.before} | {c.after} |" for c in verdict_changes]
    else:
        lines.append("No verdict changed.")
    return "\n".join(lines) + "\n"
