"""The recommendation engine: (catalog, answers) → Recommendation, a pure function.

Every rule is evaluated against the answers; a technology's score is the sum of the weights of
the rules that fire, thresholds from the data turn scores into verdicts, and a veto wins over
any score. Flips come from re-running the same evaluation with each single answer changed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from advisor.loading.catalog import Catalog
from advisor.advise.conditions import Value, evaluate
from advisor.models.recommendation import (
    AnswerValue,
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


class _Model:
    """The parts of the catalog the engine reads, indexed once per call."""

    def __init__(self, catalog: Catalog) -> None:
        self.questions: list[Question] = catalog.questions
        self.by_id = {q.id: q for q in self.questions}
        self.config = catalog.technologies
        self.rules: dict[str, list[Rule]] = {t.id: [] for t in self.config.technologies}
        for rule in catalog.rules:
            self.rules[rule.technology].append(rule)
        self.reads: dict[str, set[str]] = {
            t: {q for rule in rules for q in rule.when.questions()} for t, rules in self.rules.items()
        }

    def asked(self, answers: Mapping[str, Value]) -> tuple[dict[str, Value], list[str]]:
        """The answers that count (those of questions not made moot) and the skipped questions."""
        kept: dict[str, Value] = {}
        skipped: list[str] = []
        for q in self.questions:
            # ask_if may only read earlier questions, so `kept` already holds what it needs;
            # an undecidable ask_if (earlier answer missing) still asks the question.
            if q.ask_if is not None and evaluate(q.ask_if, kept, self.by_id) is False:
                skipped.append(q.id)
            elif q.id in answers:
                kept[q.id] = answers[q.id]
        return kept, skipped

    def outcome(self, technology: str, answers: Mapping[str, Value]) -> _Outcome:
        fired = tuple(r for r in self.rules[technology] if evaluate(r.when, answers, self.by_id) is True)
        score = sum(r.weight or 0 for r in fired)
        vetoed = any(r.veto for r in fired)
        t = self.config.thresholds
        verdict: Verdict = (
            "avoid" if vetoed or score <= t.avoid else "recommended" if score >= t.recommended else "consider"
        )
        return _Outcome(verdict, score, vetoed, fired)


def normalise(answers: Mapping[str, AnswerValue | Sequence[str]]) -> dict[str, Value]:
    """Drop 'not sure' (None) and make several-choice answers sets."""
    out: dict[str, Value] = {}
    for key, value in answers.items():
        if value is None:
            continue
        out[key] = value if isinstance(value, str) else frozenset(value)
    return out


def _public(value: Value | None) -> AnswerValue:
    if value is None or isinstance(value, str):
        return value
    return sorted(value)


def _alternatives(question: Question, current: Value | None) -> list[Value]:
    """Every single change to one answer: another choice, or one choice added or removed."""
    ids = [c.id for c in question.choices]
    if not question.multiple:
        return [c for c in ids if c != current]
    chosen = current if isinstance(current, frozenset) else frozenset()
    return [chosen - {c} if c in chosen else chosen | {c} for c in ids]


def recommend(catalog: Catalog, answers: Mapping[str, AnswerValue | Sequence[str]]) -> Recommendation:
    """The verdict on every technology for these answers (question id → choice id or ids)."""
    model = _Model(catalog)
    raw = normalise(answers)
    given, skipped = model.asked(raw)
    asked = [q for q in model.questions if q.id not in skipped]
    unanswered = [q.id for q in asked if q.id not in given]
    outcomes = {t.id: model.outcome(t.id, given) for t in model.config.technologies}

    flips: dict[str, list[Flip]] = {t: [] for t in outcomes}
    for question in asked:
        current = given.get(question.id)
        for alternative in _alternatives(question, current):
            # change the user's own answers: one made moot now may count again after the change
            changed, _ = model.asked({**raw, question.id: alternative})
            for tech, before in outcomes.items():
                after = model.outcome(tech, changed)
                if after.verdict != before.verdict:
                    flips[tech].append(
                        Flip(
                            question=question.id,
                            from_=_public(current),
                            to=_public(alternative),
                            verdict=after.verdict,
                            score=after.score,
                        )
                    )

    technologies = []
    for t in model.config.technologies:
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
        relevant = [q.id for q in asked if q.id in model.reads[t.id]]
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
        answers={q.id: _public(given.get(q.id)) for q in model.questions if q.id in given},
        skipped=skipped,
        unanswered=unanswered,
        confidence=confidence,
        confidence_label="high" if confidence >= 0.8 else "medium" if confidence >= 0.5 else "low",
        thresholds={"recommended": model.config.thresholds.recommended, "avoid": model.config.thresholds.avoid},
        decisions=[
            DecisionSummary(
                id=d.id,
                title=d.title,
                question=d.question,
                technologies=[t.id for t in model.config.technologies if t.decision == d.id],
            )
            for d in model.config.decisions
        ],
        technologies=technologies,
    )

