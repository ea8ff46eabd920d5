"""The recommendation as a Markdown (CommonMark) report, grouped by the decision each technology belongs to."""

from __future__ import annotations

from advisor.catalog import Catalog
from advisor.guide_markdown import inline
from advisor.models.recommendation import AnswerValue, Recommendation, TechnologyVerdict

VERDICT_LABEL = {"recommended": "✅ Recommended", "consider": "🤔 Consider", "avoid": "⛔ Avoid"}


def answer_label(catalog: Catalog, question_id: str, value: AnswerValue) -> str:
    """Choice labels for an answer: 'A few', 'Browsers, Mobile apps', 'not sure'."""
    if value is None:
        return "not sure"
    question = next(q for q in catalog.questions if q.id == question_id)
    labels = {c.id: c.label for c in question.choices}
    if isinstance(value, list):
        return ", ".join(labels.get(v, v) for v in value) or "none of these"
    return labels.get(value, value)


def technology_lines(catalog: Catalog, rec: Recommendation, t: TechnologyVerdict) -> list[str]:
    """One technology's verdict, score, reasons for and against, and flips, as Markdown lines."""
    questions = {q.id: q for q in catalog.questions}
    lines = [f"### {inline(t.name)}: {VERDICT_LABEL[t.verdict]}", ""]
    lines.append(
        f"Score **{t.score:+d}** (recommended at {rec.thresholds['recommended']:+d} or more, "
        f"avoid at {rec.thresholds['avoid']:+d} or less)" + (" · **vetoed**" if t.vetoed else "")
        + f" · confidence {t.confidence:.0%}"
    )
    lines.append("")
    for direction, title in (("for", "For"), ("against", "Against")):
        reasons = [r for r in t.reasons if r.direction == direction]
        if not reasons:
            continue
        lines += [f"**{title}**", ""]
        for r in reasons:
            weight = "veto" if r.veto else f"{r.weight:+d}"
            lines.append(f"- ({weight}) {inline(r.text)} — *{inline(catalog.describe(r.rests_on))}* `{r.rule}`")
        lines.append("")
    if t.flips:
        lines += ["**What would change this verdict**", ""]
        for f in t.flips:
            q = questions[f.question]
            lines.append(
                f"- {inline(q.text)} {answer_label(catalog, q.id, f.from_)} → {answer_label(catalog, q.id, f.to)}: "
                f"{VERDICT_LABEL[f.verdict]} ({f.score:+d})"
            )
        lines.append("")
    else:
        lines += ["*No single answer change moves this verdict.*", ""]
    return lines


def render_markdown(catalog: Catalog, rec: Recommendation) -> str:
    """The whole report: answers, verdicts by decision, unanswered questions and next steps."""
    lines = ["# Architecture recommendation", ""]
    lines += [
        f"Confidence: **{rec.confidence_label}** ({rec.confidence:.0%} of the questions that apply were answered).",
        "",
        "## Workload",
        "",
        "| Question | Answer |",
        "| --- | --- |",
    ]
    for q in catalog.questions:
        if q.id in rec.skipped:
            continue
        lines.append(f"| {inline(q.text)} | {answer_label(catalog, q.id, rec.answers.get(q.id))} |")
    lines.append("")
    by_id = {t.id: t for t in rec.technologies}
    for decision in rec.decisions:
        lines += [f"## {inline(decision.title)}", "", f"*{inline(decision.question)}*", ""]
        for tid in decision.technologies:
            lines += technology_lines(catalog, rec, by_id[tid])
    if rec.unanswered:
        lines += ["## Not answered", "", "Answering these would make the verdicts firmer:", ""]
        texts = {q.id: q.text for q in catalog.questions}
        lines += [f"- {inline(texts[q])} (`{q}`)" for q in rec.unanswered]
        lines.append("")
    chosen = [t for t in rec.technologies if t.verdict == "recommended" and t.section]
    if chosen:
        lines += ["## Next steps", ""]
        topics = {row.id: row.topic for row in catalog.matrix.technologies}
        for t in chosen:
            section = catalog.section(t.section)  # type: ignore[arg-type]
            topic = topics.get(t.id)
            items = [i for i in section.checklist if topic is None or i.topic == topic]
            exercises = [e for e in section.exercises if topic is None or e.topic in (None, topic)]
            lines.append(f"- **{inline(t.name)}**: read *{inline(section.title)}*, then work through:")
            lines += [f"  - [ ] {inline(item.text)}" for item in items]
            lines += [f"  - [ ] Exercise: {inline(e.title)} ({e.minutes} min)" for e in exercises]
        lines.append("")
    return "\n".join(lines)
