"""What would change a verdict: every single answer change that moves it, else the smallest pair.

A single change is another choice for a one-choice question, or one choice added to or taken
from a several-choice answer. Only where no single change moves a technology's verdict are
pairs searched: two changes to two questions its rules (or its decision's boundaries) read. The
pair search is bounded (`PAIR_BUDGET` evaluations per technology) so it stays fast on any pack;
it reports at most `MAX_PAIRS` pairs, those whose first change comes earliest in the
questionnaire.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations

from advisor.advise.conditions import NormalisedAnswer
from advisor.advise.questionnaire import public_value
from advisor.advise.scoring import Outcome, RuleBook
from advisor.models.recommendation import Change, Flip
from advisor.models.rules import Question

PAIR_BUDGET = 4000  # outcome evaluations per technology, at most
MAX_PAIRS = 3


def alternatives(question: Question, current: NormalisedAnswer | None) -> list[NormalisedAnswer]:
    """Every single change to one answer: another choice, or one choice added or removed."""
    ids = [c.id for c in question.offered]
    if not question.multiple:
        return [c for c in ids if c != current]
    chosen = current if isinstance(current, frozenset) else frozenset()
    return [chosen - {c} if c in chosen else chosen | {c} for c in ids]


def _flip(question: str, before: NormalisedAnswer | None, after: NormalisedAnswer, o: Outcome) -> Flip:
    veto = o.veto_rule
    return Flip(
        question=question,
        from_=public_value(before),
        to=public_value(after),
        verdict=o.verdict,
        score=o.score,
        vetoed=o.vetoed,
        veto_rule=veto.id if o.vetoed and veto else None,
    )


def find_flips(
    book: RuleBook,
    raw: Mapping[str, NormalisedAnswer],
    asked: Sequence[Question],
    outcomes: Mapping[str, Outcome],
) -> dict[str, list[Flip]]:
    """Technology → the answer changes (single, else pairs) that would move its verdict."""
    questionnaire = book.questionnaire
    given = questionnaire.counted(raw).answers
    gates = questionnaire.gates  # a change to one of these may move every verdict
    flips: dict[str, list[Flip]] = {t: [] for t in outcomes}
    for question in asked:
        current = given.get(question.id)
        for alternative in alternatives(question, current):
            # change the user's own answers: one made moot now may count again after the change
            changed = questionnaire.counted({**raw, question.id: alternative}).answers
            for tech, before in outcomes.items():
                if question.id not in book.reads[tech] and question.id not in gates:
                    continue
                after = book.outcome(tech, changed)
                if after.verdict != before.verdict:
                    flips[tech].append(_flip(question.id, current, alternative, after))
    for tech, found in flips.items():
        if not found:
            found += pair_flips(book, raw, asked, tech, outcomes[tech])
    return flips


def pair_flips(
    book: RuleBook,
    raw: Mapping[str, NormalisedAnswer],
    asked: Sequence[Question],
    tech: str,
    before: Outcome,
) -> list[Flip]:
    """The smallest answer changes that move `tech`'s verdict when no single one does: pairs."""
    questionnaire = book.questionnaire
    given = questionnaire.counted(raw).answers
    relevant = [q for q in asked if q.id in book.reads[tech]]
    found: list[Flip] = []
    budget = PAIR_BUDGET
    for first, second in combinations(relevant, 2):
        for a in alternatives(first, given.get(first.id)):
            for b in alternatives(second, given.get(second.id)):
                budget -= 1
                if budget < 0:
                    return found
                changed = questionnaire.counted({**raw, first.id: a, second.id: b}).answers
                after = book.outcome(tech, changed)
                if after.verdict != before.verdict:
                    flip = _flip(first.id, given.get(first.id), a, after)
                    also = Change(question=second.id, from_=public_value(given.get(second.id)), to=public_value(b))
                    found.append(flip.model_copy(update={"also": also}))
                    if len(found) >= MAX_PAIRS:
                        return found
                    break  # one pair per pair of questions is enough to show the way
            else:
                continue
            break
    return found
