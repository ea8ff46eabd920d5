"""Building the one Report from the engine's Recommendation, the answers and the catalog."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, datetime

from advisor import __version__
from advisor.loading.catalog import Catalog
from advisor.models.recommendation import AnswerValue, Recommendation, TechnologyVerdict
from advisor.models.report import (
    NOT_ASKED,
    Report,
    ReportAnswer,
    ReportChange,
    ReportDecision,
    ReportFlip,
    ReportReason,
    ReportScope,
    ReportSource,
    ReportTechnology,
)
from advisor.models.workload import TeamDecision


def report_date() -> str:
    """Today (UTC), or the date of $SOURCE_DATE_EPOCH so a report can be reproduced byte for byte."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch and epoch.isdigit() else datetime.now(UTC)
    return moment.strftime("%Y-%m-%d")


def answer_label(catalog: Catalog, question_id: str, value: AnswerValue) -> str:
    """Choice labels for an answer: 'A few', 'Browsers, Mobile apps', 'not sure'."""
    if value is None:
        return "not sure"
    question = next(q for q in catalog.questions if q.id == question_id)
    labels = {c.id: c.label for c in question.choices}
    if isinstance(value, list):
        return ", ".join(labels.get(v, v) for v in value) or "none of these"
    return labels.get(value, value)


def change_label(catalog: Catalog, question_id: str, before: AnswerValue, after: AnswerValue) -> str:
    """One answer change in words: what is added to or dropped from a several-choice answer,
    otherwise 'before → after'."""
    if isinstance(before, list) and isinstance(after, list):
        added = [v for v in after if v not in before]
        dropped = [v for v in before if v not in after]
        words = [f"add {answer_label(catalog, question_id, added)}"] if added else []
        words += [f"drop {answer_label(catalog, question_id, dropped)}"] if dropped else []
        if words:
            return ", ".join(words)
    return f"{answer_label(catalog, question_id, before)} → {answer_label(catalog, question_id, after)}"


def _topic(catalog: Catalog, technology: str, section_topics: set[str]) -> str | None:
    """A technology's topic in its section: the decision matrix's, else its own id if the section has it."""
    topic = next((row.topic for row in catalog.matrix.technologies if row.id == technology), None)
    return topic or (technology if technology in section_topics else None)


def _next_steps(catalog: Catalog, t: TechnologyVerdict) -> list[str]:
    """Reading, checklist items and exercises for a recommended technology: those about it only.

    A technology with a topic gets the items of that topic (and exercises of none); one without
    gets every item of its section except those about another technology taught there (REST in
    the API patterns gets no GraphQL or gRPC items)."""
    if t.verdict != "recommended" or not t.section:
        return []
    section = catalog.section(t.section)
    topics = {topic.id for topic in section.topics}
    topic = _topic(catalog, t.id, topics)
    others = {
        _topic(catalog, o.id, topics)
        for o in catalog.technologies.technologies
        if o.section == t.section and o.id != t.id
    } - {None, topic}

    def about_it(item_topic: str | None) -> bool:
        return item_topic == topic if topic is not None else item_topic not in others

    steps = [f"Read “{section.title}”"]
    steps += [item.text for item in section.checklist if about_it(item.topic)]
    steps += [
        f"Exercise: {e.title} ({e.minutes} min)" for e in section.exercises if e.topic is None or about_it(e.topic)
    ]
    return steps


def build_report(
    catalog: Catalog,
    rec: Recommendation,
    *,
    title: str = "Architecture recommendation",
    date: str | None = None,
    notes: Mapping[str, str] | None = None,
    decisions: Mapping[str, TeamDecision] | None = None,
) -> Report:
    """The report of `rec`, with the user's notes on answers and decisions on verdicts: every
    format renders this and nothing else."""
    notes = notes or {}
    decisions = decisions or {}
    questions = {q.id: q for q in catalog.questions}
    summaries = {t.id: t.summary for t in catalog.technologies.technologies}
    rules = {r.id: r for r in catalog.rules}
    technologies = [
        ReportTechnology(
            id=t.id,
            name=t.name,
            decision=t.decision,
            baseline=t.baseline,
            summary=summaries.get(t.id, ""),
            verdict=t.verdict,
            score=t.score,
            vetoed=t.vetoed,
            confidence=t.confidence,
            reasons=[
                ReportReason(
                    **r.model_dump(),
                    rests_on_title=catalog.describe(r.rests_on),
                    sources=[
                        ReportSource(title=s.title, url=s.url, as_of=s.as_of.isoformat()) for s in rules[r.rule].sources
                    ],
                )
                for r in t.reasons
            ],
            flips=[
                ReportFlip(
                    question=f.question,
                    question_text=questions[f.question].text,
                    from_=f.from_,
                    to=f.to,
                    from_label=answer_label(catalog, f.question, f.from_),
                    to_label=answer_label(catalog, f.question, f.to),
                    change=change_label(catalog, f.question, f.from_, f.to),
                    verdict=f.verdict,
                    score=f.score,
                    vetoed=f.vetoed,
                    veto_reason=rules[f.veto_rule].reason if f.veto_rule else None,
                    also=(
                        ReportChange(
                            question=f.also.question,
                            question_text=questions[f.also.question].text,
                            from_=f.also.from_,
                            to=f.also.to,
                            change=change_label(catalog, f.also.question, f.also.from_, f.also.to),
                        )
                        if f.also
                        else None
                    ),
                )
                for f in t.flips
            ],
            flips_bounded=t.flips_bounded,
            unanswered=t.unanswered,
            section=t.section,
            section_title=catalog.section(t.section).title if t.section else None,
            next_steps=_next_steps(catalog, t),
            scopes=[ReportScope(**s.model_dump()) for s in t.scopes],
            trace=t.trace,
            team_decision=decisions.get(t.id),
        )
        for t in rec.technologies
    ]
    verdicts = {t.id: t.verdict for t in rec.technologies}
    return Report(
        title=title,
        advisor_version=__version__,
        content_version=catalog.content_version,
        generated=date or report_date(),
        confidence=rec.confidence,
        confidence_label=rec.confidence_label,
        thresholds=rec.thresholds,
        answers=[
            ReportAnswer(
                question_id=q,
                question=questions[q].text,
                answer=v,
                label=answer_label(catalog, q, v),
                note=notes.get(q),
            )
            for q, v in rec.answers.items()
        ],
        unanswered=[
            ReportAnswer(
                question_id=q,
                question=questions[q].text,
                answer=None,
                label="not sure" if q not in rec.cannot_matter else NOT_ASKED,
                note=notes.get(q),
                could_matter=q not in rec.cannot_matter,
            )
            for q in rec.unanswered
        ],
        skipped=rec.skipped,
        decisions=[
            ReportDecision(
                id=d.id,
                title=d.title,
                question=d.question,
                technologies=d.technologies,
                chosen=[t for t in d.technologies if verdicts[t] == "recommended"],
                scopes=d.scopes,
            )
            for d in rec.decisions
        ],
        technologies=technologies,
        priorities=rec.priorities,
        moved=rec.moved,
    )
