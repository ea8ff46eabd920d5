"""The recommendation engine: (catalog, answers) → Recommendation, a pure function.

Every rule is evaluated against the answers that count (the questionnaire decides which);
a technology's score is the sum of the weights of the rules that fire, thresholds from the
data turn scores into verdicts, and a veto wins over any score. Flips come from re-running the
same evaluation with each single answer changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from advisor.advise.conditions import NormalisedAnswer, evaluate
from advisor.advise.questionnaire import Answers, Questionnaire, normalise, public_value
from advisor.loading.catalog import Catalog
from advisor.models.recommendation import (
    DecisionSummary,
    Flip,
    Reason,
    Recommendation,
    TechnologyVerdict,
    Verdict,
)
from advisor.models.rules import Question, Rule


@dataclass(frozen=True)
class _Outcome:
    verdict: Verdict
    score: int
    vetoed: bool
    fired: tuple[Rule, ...]


class _RuleBook:
    """The parts of the catalog the engine reads, indexed once per call."""

    def __init__(self, catalog: Catalog) -> None:
        self.questionnaire = Questionnaire(catalog.questions)
        self.config = catalog.technologies
        self.rules: dict[str, list[Rule]] = {t.id: [] for t in self.config.technologies}
        for rule in catalog.rules:
            self.rules[rule.technology].append(rule)
        self.reads: dict[str, set[str]] = {
            t: {q for rule in rules for q in rule.when.questions()} for t, rules in self.rules.items()
        }

    def outcome(self, technology: str, answers: Mapping[str, NormalisedAnswer]) -> _Outcome:
        by_id = self.questionnaire.by_id
        fired = tuple(r for r in self.rules[technology] if evaluate(r.when, answers, by_id) is True)
        score = sum(r.weight or 0 for r in fired)
        vetoed = any(r.veto for r in fired)
        t = self.config.thresholds
        verdict: Verdict = (
            "avoid" if vetoed or score <= t.avoid else "recommended" if score >= t.recommended else "consider"
        )
        return _Outcome(verdict, score, vetoed, fired)


def _alternatives(question: Question, current: NormalisedAnswer | None) -> list[NormalisedAnswer]:
    """Every single change to one answer: another choice, or one choice added or removed."""
    ids = [c.id for c in question.offered]
    if not question.multiple:
        return [c for c in ids if c != current]
    chosen = current if isinstance(current, frozenset) else frozenset()
    return [chosen - {c} if c in chosen else chosen | {c} for c in ids]


def recommend(catalog: Catalog, answers: Answers) -> Recommendation:
    """The verdict on every technology for these answers (question id → choice id or ids)."""
    book = _RuleBook(catalog)
    questionnaire = book.questionnaire
    raw = normalise(answers)
    counted = questionnaire.counted(raw)
    given = counted.answers
    asked = [q for q in questionnaire.questions if q.id not in counted.skipped]
    unanswered = [q.id for q in asked if q.id not in given]
    outcomes = {t.id: book.outcome(t.id, given) for t in book.config.technologies}

    flips: dict[str, list[Flip]] = {t: [] for t in outcomes}
    for question in asked:
        current = given.get(question.id)
        for alternative in _alternatives(question, current):
            # change the user's own answers: one made moot now may count again after the change
            changed = questionnaire.counted({**raw, question.id: alternative}).answers
            for tech, before in outcomes.items():
                after = book.outcome(tech, changed)
                if after.verdict != before.verdict:
                    flips[tech].append(
                        Flip(
                            question=question.id,
                            from_=public_value(current),
                            to=public_value(alternative),
                            verdict=after.verdict,
                            score=after.score,
                            vetoed=after.vetoed,
                        )
                    )

    technologies = []
    for t in book.config.technologies:
        o = outcomes[t.id]
        reasons = sorted(
            (
                Reason(
                    rule=r.id,
                    text=r.reason,
                    direction="against" if r.veto or (r.weight or 0) < 0 else "for",
                    weight=r.weight,
                    veto=r.veto,
                    rests_on=r.rests_on,
                )
                for r in o.fired
            ),
            key=lambda reason: (not reason.veto, -abs(reason.weight or 0), reason.rule),
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
                flips=flips[t.id],
                unanswered=missing,
                confidence=round(1 - len(missing) / len(relevant), 2) if relevant else 1.0,
            )
        )
    confidence = round(1 - len(unanswered) / len(asked), 2) if asked else 1.0
    return Recommendation(
        answers={q.id: public_value(given[q.id]) for q in questionnaire.questions if q.id in given},
        skipped=counted.skipped,
        unanswered=unanswered,
        confidence=confidence,
        confidence_label="high" if confidence >= 0.8 else "medium" if confidence >= 0.5 else "low",
        thresholds={"recommended": book.config.thresholds.recommended, "avoid": book.config.thresholds.avoid},
        decisions=[
            DecisionSummary(
                id=d.id,
                title=d.title,
                question=d.question,
                technologies=[t.id for t in book.config.technologies if t.decision == d.id],
            )
            for d in book.config.decisions
        ],
        technologies=technologies,
    )
