"""The recommendation engine: (catalog, answers) → Recommendation, a pure function.

Every rule is evaluated against the answers that count (the questionnaire decides which);
a technology's score is the sum of the weights of the rules that fire, thresholds from the
data turn scores into verdicts, and a veto wins over any score. Flips come from re-running the
same evaluation with each single answer changed.
"""

from __future__ import annotations

from advisor.advise.flips import find_flips
from advisor.advise.priorities import Priorities, is_default, profile
from advisor.advise.questionnaire import Answers, normalise, public_value
from advisor.advise.quick import open_in
from advisor.advise.scoring import RuleBook
from advisor.advise.trace import trace_rules
from advisor.loading.catalog import Catalog
from advisor.models.recommendation import (
    DecisionSummary,
    PriorityMove,
    Reason,
    Recommendation,
    ScopeVerdict,
    TechnologyVerdict,
)


def recommend(
    catalog: Catalog, answers: Answers, *, priorities: Priorities | None = None, trace: bool = False
) -> Recommendation:
    """The verdict on every technology for these answers (question id → choice id or ids).

    `priorities` weight the concerns (normal everywhere when None); `trace` adds every rule's
    evaluation to each technology, so the arithmetic can be checked.
    """
    book = RuleBook(catalog, priorities)
    questionnaire = book.questionnaire
    raw = normalise(answers)
    counted = questionnaire.counted(raw)
    given = counted.answers
    asked = [q for q in questionnaire.questions if q.id not in counted.skipped]
    unanswered = [q.id for q in asked if q.id not in given]
    # unanswered questions no answer to which could move any verdict (those quick mode never asks)
    # open_in's test holds wherever one answer alone would move a verdict, so it is the whole test
    still_open = open_in(book, raw)
    cannot_matter = [q for q in unanswered if q not in still_open]
    outcomes = {t.id: book.outcome(t.id, given) for t in book.config.technologies}
    search = find_flips(book, raw, asked, outcomes)

    technologies = []
    for t in book.config.technologies:
        o = outcomes[t.id]
        fired_at = {r.id: [s.scope.id for s in o.scopes if r in s.fired] for r in o.fired}
        reasons = sorted(
            (
                Reason(
                    rule=r.id,
                    text=r.reason,
                    direction="against" if r.veto or (r.weight or 0) < 0 else "for",
                    weight=r.weight,
                    veto=r.veto,
                    rests_on=r.rests_on,
                    concern=r.concern,
                    contribution=None if r.veto else book.contribution(r),
                    scopes=fired_at[r.id],
                )
                for r in o.fired
            ),
            key=lambda reason: (not reason.veto, -abs(reason.contribution or 0), reason.rule),
        )
        relevant = [q.id for q in asked if q.id in book.reads[t.id]]
        missing = [q for q in relevant if q not in given]
        technologies.append(
            TechnologyVerdict(
                id=t.id,
                name=t.name,
                decision=t.decision,
                baseline=t.baseline,
                section=t.section,
                verdict=o.verdict,
                score=o.score,
                vetoed=o.vetoed,
                reasons=reasons,
                flips=search.flips[t.id],
                flips_bounded=t.id in search.bounded,
                unanswered=missing,
                confidence=round(1 - len(missing) / len(relevant), 2) if relevant else 1.0,
                scopes=[
                    ScopeVerdict(
                        scope=s.scope.id,
                        title=book.scope_title(s.scope, given),
                        verdict=s.verdict,
                        score=s.score,
                        vetoed=s.vetoed,
                        reasons=[r.id for r in s.fired],
                    )
                    for s in o.scopes
                ],
                trace=trace_rules(book, t.id, given) if trace else None,
            )
        )
    moved: list[PriorityMove] = []
    if not is_default(priorities):
        plain = RuleBook(catalog)
        for t in book.config.technologies:
            before, now = plain.outcome(t.id, given), outcomes[t.id]
            if before.verdict != now.verdict:
                moved.append(PriorityMove(technology=t.id, default=before.verdict, verdict=now.verdict))
            # a boundary's verdict can move while the overall one stays (recommended elsewhere)
            for was, at in zip(before.scopes, now.scopes, strict=True):
                if was.verdict != at.verdict:
                    title = book.scope_title(at.scope, given)
                    moved.append(PriorityMove(technology=t.id, default=was.verdict, verdict=at.verdict, scope=title))
    confidence = round(1 - len(unanswered) / len(asked), 2) if asked else 1.0
    return Recommendation(
        answers={q.id: public_value(given[q.id]) for q in questionnaire.questions if q.id in given},
        skipped=counted.skipped,
        unanswered=unanswered,
        cannot_matter=cannot_matter,
        confidence=confidence,
        confidence_label="high" if confidence >= 0.8 else "medium" if confidence >= 0.5 else "low",
        thresholds={"recommended": book.config.thresholds.recommended, "avoid": book.config.thresholds.avoid},
        decisions=[
            DecisionSummary(
                id=d.id,
                title=d.title,
                question=d.question,
                technologies=[t.id for t in book.config.technologies if t.decision == d.id],
                scopes={s.id: book.scope_title(s, given) for s in book.active_scopes(d.id, given)},
            )
            for d in book.config.decisions
        ],
        technologies=technologies,
        priorities=profile(priorities),
        moved=moved,
    )
