"""Scoring: the rules that fire for a technology, what they add up to, and the verdict.

A technology's score is the sum of the weights of the rules that fire (each scaled by the
user's priority for its concern); the data's thresholds turn a score into a verdict, and a veto
wins over any score. Where a decision is made per boundary (its scopes: the client edge, a public
API, the calls between services), each boundary the workload has gets its own verdict from the
rules that apply there; the technology is recommended if it is recommended at any of them, and
to be avoided only if avoided at all of them.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from advisor.advise.conditions import NormalisedAnswer, evaluate
from advisor.advise.priorities import Priorities, multipliers
from advisor.advise.questionnaire import EVERY_SUBSET_UP_TO, Questionnaire, every_answer
from advisor.loading.catalog import Catalog
from advisor.models.recommendation import Verdict
from advisor.models.rules import Rule, Scope


@dataclass(frozen=True)
class ScopeOutcome:
    """The verdict at one boundary: the rules that apply there, and what they add up to."""

    scope: Scope
    verdict: Verdict
    score: float
    vetoed: bool
    fired: tuple[Rule, ...]


@dataclass(frozen=True)
class Outcome:
    """A technology's verdict overall; `scopes` holds the per-boundary ones it was made from."""

    verdict: Verdict
    score: float
    vetoed: bool
    fired: tuple[Rule, ...]
    scopes: tuple[ScopeOutcome, ...] = ()

    @property
    def veto_rule(self) -> Rule | None:
        return next((r for r in self.fired if r.veto), None)


class RuleBook:
    """The parts of the catalog the engine reads, indexed once per call, with the priorities' factors."""

    def __init__(self, catalog: Catalog, priorities: Priorities | None = None) -> None:
        self.questionnaire = Questionnaire(catalog.questions)
        self.config = catalog.technologies
        self.multipliers = multipliers(priorities)
        self.rules: dict[str, list[Rule]] = {t.id: [] for t in self.config.technologies}
        for rule in catalog.rules:
            self.rules[rule.technology].append(rule)
        self.decision_of = {t.id: t.decision for t in self.config.technologies}
        self.scopes: dict[str, list[Scope]] = {d.id: d.scopes for d in self.config.decisions}
        self.reads: dict[str, set[str]] = {
            t: {q for rule in rules for q in rule.when.questions()}
            | {q for scope in self.scopes[self.decision_of[t]] for q in scope.when.questions()}
            for t, rules in self.rules.items()
        }

    def active_scopes(self, decision: str, answers: Mapping[str, NormalisedAnswer]) -> list[Scope]:
        """The boundaries this workload has for `decision` (none known: it is decided as a whole)."""
        by_id = self.questionnaire.by_id
        return [s for s in self.scopes[decision] if evaluate(s.when, answers, by_id) is True]

    def scope_title(self, scope: Scope, answers: Mapping[str, NormalisedAnswer]) -> str:
        """How the boundary reads for this workload: its first narrower title that holds, else its own."""
        by_id = self.questionnaire.by_id
        return next((t.title for t in scope.titles if evaluate(t.when, answers, by_id) is True), scope.title)

    def contribution(self, rule: Rule) -> float:
        return (rule.weight or 0) * self.multipliers[rule.concern]

    def verdict(self, score: float, vetoed: bool) -> Verdict:
        t = self.config.thresholds
        return "avoid" if vetoed or score <= t.avoid else "recommended" if score >= t.recommended else "consider"

    def _fired(self, rules: list[Rule], answers: Mapping[str, NormalisedAnswer]) -> tuple[Rule, ...]:
        by_id = self.questionnaire.by_id
        return tuple(r for r in rules if evaluate(r.when, answers, by_id) is True)

    def outcome(self, technology: str, answers: Mapping[str, NormalisedAnswer]) -> Outcome:
        """The verdict on `technology`: at each boundary the workload has, or as a whole."""
        rules = self.rules[technology]
        scopes = self.active_scopes(self.decision_of[technology], answers)
        if not scopes:
            fired = self._fired(rules, answers)
            score = round(sum(self.contribution(r) for r in fired), 2)
            vetoed = any(r.veto for r in fired)
            return Outcome(self.verdict(score, vetoed), score, vetoed, fired)
        at: list[ScopeOutcome] = []
        for scope in scopes:
            fired = self._fired([r for r in rules if not r.scopes or scope.id in r.scopes], answers)
            score = round(sum(self.contribution(r) for r in fired), 2)
            vetoed = any(r.veto for r in fired)
            at.append(ScopeOutcome(scope, self.verdict(score, vetoed), score, vetoed, fired))
        verdicts = {o.verdict for o in at}
        # recommended where it is recommended at any boundary; avoid only if avoided at every one
        overall: Verdict = (
            "recommended" if "recommended" in verdicts else "avoid" if verdicts == {"avoid"} else "consider"
        )
        union = {r.id for o in at for r in o.fired}
        return Outcome(
            overall,
            max(o.score for o in at),
            all(o.vetoed for o in at),
            tuple(r for r in rules if r.id in union),
            tuple(at),
        )

    def could_move(
        self,
        technology: str,
        question: str,
        answers: Mapping[str, NormalisedAnswer],
        passed: Collection[str] = (),
    ) -> bool:
        """Whether, for some answers to the other questions not given yet, the answer to
        `question` would change `technology`'s verdict.

        Sound, not exact (it may say yes where no answers would do it): at each boundary, the
        score the other undecided rules could add runs from a lowest to a highest sum (the rules on
        one question counted one answer at a time); the question could move the verdict if its own
        rules' sums, added anywhere in that run, fall on both sides of a threshold. Trying one
        answer at a time misses two answers that cross a threshold only together; this does not.
        `passed`: questions the user has seen and left unanswered; rules that wait only on them
        stay undecided, so they add nothing.
        """
        by_id = self.questionnaire.by_id
        decision = self.decision_of[technology]
        if any(evaluate(s.when, answers, by_id) is None for s in self.scopes[decision]):
            return question in self.reads[technology]  # which boundaries apply is still open
        rules = self.rules[technology]
        scopes = self.active_scopes(decision, answers)
        groups = [[r for r in rules if not r.scopes or s.id in r.scopes] for s in scopes] or [rules]
        t = self.config.thresholds
        for group in groups:
            status = {r.id: evaluate(r.when, answers, by_id) for r in group}
            if any(r.veto and status[r.id] is True for r in group):
                continue  # avoid here, whatever else is answered
            mine = [r for r in group if status[r.id] is None and question in r.when.questions()]
            if any(r.veto for r in mine):
                return True
            if not mine:
                continue
            fixed = sum(self.contribution(r) for r in group if status[r.id] is True and not r.veto)
            others = [
                r
                for r in group
                if status[r.id] is None
                and not r.veto
                and r not in mine
                and any(q not in answers and q not in passed for q in r.when.questions())
            ]
            low, high = self._range(others, answers)
            own_low, own_high = self._range(mine, answers)
            if own_low == own_high:
                continue
            low, high = fixed + low, fixed + high
            # some x in [low, high] with x + own_low and x + own_high on two sides of a threshold
            if low < t.recommended - own_low and high >= t.recommended - own_high:
                return True
            if high > t.avoid - own_high and low <= t.avoid - own_low:
                return True
        return False

    def _range(self, undecided: list[Rule], answers: Mapping[str, NormalisedAnswer]) -> tuple[float, float]:
        """The lowest and highest sum `undecided` rules could add; the rules on one question are
        tried one answer at a time (they cannot all fire at once), the others each on their own."""
        by_id = self.questionnaire.by_id
        low = high = 0.0
        by_question: dict[str, list[Rule]] = {}
        for r in undecided:
            read = r.when.questions()
            if len(read) == 1 and len(by_id[next(iter(read))].offered) <= EVERY_SUBSET_UP_TO:
                by_question.setdefault(next(iter(read)), []).append(r)
            else:
                c = self.contribution(r)
                low, high = (low + c, high) if c < 0 else (low, high + c)
        for q, rules in by_question.items():
            sums = [0.0]  # it may stay unanswered
            for value in every_answer(by_id[q]):
                tried = {**answers, q: value}
                sums.append(sum(self.contribution(r) for r in rules if evaluate(r.when, tried, by_id)))
            low, high = low + min(sums), high + max(sums)
        return round(low, 2), round(high, 2)
