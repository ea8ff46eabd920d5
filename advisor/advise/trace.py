"""The trace: every rule of a technology as the engine evaluated it, to check the arithmetic by hand.

For each rule (at each boundary its decision is made at for this workload): whether it fired
(or could not be decided, an answer being "not sure"), its condition in words with the answers it
read, its concern, the factor the priorities gave that concern, and what it added to the score.
"""

from __future__ import annotations

from collections.abc import Mapping

from advisor.advise.conditions import NormalisedAnswer, describe, evaluate
from advisor.advise.questionnaire import public_value
from advisor.advise.scoring import RuleBook
from advisor.models.recommendation import RuleTrace
from advisor.models.rules import Rule


def trace_rules(book: RuleBook, technology: str, answers: Mapping[str, NormalisedAnswer]) -> list[RuleTrace]:
    """Every rule of `technology`, evaluated against `answers` (the answers that count)."""
    by_id = book.questionnaire.by_id
    scopes = book.active_scopes(book.decision_of[technology], answers)
    places: list[tuple[str | None, list[Rule]]] = (
        [(s.id, [r for r in book.rules[technology] if not r.scopes or s.id in r.scopes]) for s in scopes]
        if scopes
        else [(None, book.rules[technology])]
    )
    traced = []
    for scope, rules in places:
        for rule in rules:
            fired = evaluate(rule.when, answers, by_id)
            read = {q: public_value(answers.get(q)) for q in sorted(rule.when.questions())}
            contribution = None if rule.veto and fired else (book.contribution(rule) if fired else 0.0)
            traced.append(
                RuleTrace(
                    rule=rule.id,
                    scope=scope,
                    fired=fired,
                    condition=describe(rule.when),
                    read=read,
                    concern=rule.concern,
                    weight=rule.weight,
                    multiplier=book.multipliers[rule.concern],
                    contribution=contribution,
                    veto=rule.veto,
                )
            )
    return traced
