"""What would change a verdict: every single answer change that moves it, else the smallest pair.

A plain single change is another choice for a one-choice question, or one choice added to or
taken from a several-choice answer (from "not sure", also none of them and all of them). Where
none moves a technology's verdict, every other answer to each question is tried too (any subset
of a several-choice one: two choices may cross a threshold only together), so "nothing single
moves it" is only ever said when it is true. Only then are pairs searched: two plain changes to
two questions its rules (or its decision's boundaries) read. The pair search is bounded
(`PAIR_BUDGET` evaluations per technology) so it stays fast on any pack; it reports at most
`MAX_PAIRS` pairs, those whose first change comes earliest in the questionnaire, and says when
it stopped at its bound before trying every pair.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from advisor.advise.conditions import NormalisedAnswer
from advisor.advise.questionnaire import every_answer, public_value
from advisor.advise.scoring import Outcome, RuleBook
from advisor.models.recommendation import Change, Flip
from advisor.models.rules import Question

PAIR_BUDGET = 4000  # outcome evaluations per technology, at most
MAX_PAIRS = 3


def alternatives(question: Question, current: NormalisedAnswer | None) -> list[NormalisedAnswer]:
    """The plain changes to one answer: another choice, or one choice added or removed; from
    "not sure" on a several-choice question also none of them and all of them."""
    ids = [c.id for c in question.offered]
    if not question.multiple:
        return [c for c in ids if c != current]
    chosen = current if isinstance(current, frozenset) else frozenset()
    found = [chosen - {c} if c in chosen else chosen | {c} for c in ids]
    if current is None:
        found += [frozenset(), frozenset(ids)]
    return [a for a in dict.fromkeys(found) if a != current]


def other_answers(question: Question, current: NormalisedAnswer | None) -> list[NormalisedAnswer]:
    """Every answer `question` can take that is neither `current` nor a plain change of it."""
    plain = set(alternatives(question, current))
    return [a for a in every_answer(question) if a != current and a not in plain]


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


@dataclass(frozen=True)
class FlipSearch:
    """The flips found per technology, and those whose pair search stopped at its bound."""

    flips: dict[str, list[Flip]]
    bounded: frozenset[str]  # nothing found, and not every pair was tried


def find_flips(
    book: RuleBook,
    raw: Mapping[str, NormalisedAnswer],
    asked: Sequence[Question],
    outcomes: Mapping[str, Outcome],
) -> FlipSearch:
    """Technology → the answer changes (single, else pairs) that would move its verdict."""
    flips: dict[str, list[Flip]] = {t: [] for t in outcomes}
    _single(book, raw, asked, outcomes, flips, alternatives)
    unmoved = {t: o for t, o in outcomes.items() if not flips[t]}
    # no plain change moves these: try every other answer before saying no single change does
    _single(book, raw, asked, unmoved, flips, other_answers)
    bounded: set[str] = set()
    for tech, found in flips.items():
        if not found:
            pairs, exhausted = pair_flips(book, raw, asked, tech, outcomes[tech])
            found += pairs
            if not pairs and not exhausted:
                bounded.add(tech)
    return FlipSearch(flips, frozenset(bounded))


def _single(
    book: RuleBook,
    raw: Mapping[str, NormalisedAnswer],
    asked: Sequence[Question],
    outcomes: Mapping[str, Outcome],
    flips: dict[str, list[Flip]],
    changes: Callable[[Question, NormalisedAnswer | None], list[NormalisedAnswer]],
) -> None:
    """Add to `flips` every change to one answer (of those `changes` gives) that moves a verdict."""
    if not outcomes:
        return
    questionnaire = book.questionnaire
    given = questionnaire.counted(raw).answers
    gates = questionnaire.gates  # a change to one of these may move every verdict
    for question in asked:
        current = given.get(question.id)
        readers = [t for t in outcomes if question.id in book.reads[t] or question.id in gates]
        if not readers:
            continue
        for alternative in changes(question, current):
            # change the user's own answers: one made moot now may count again after the change
            changed = questionnaire.counted({**raw, question.id: alternative}).answers
            for tech in readers:
                after = book.outcome(tech, changed)
                if after.verdict != outcomes[tech].verdict:
                    flips[tech].append(_flip(question.id, current, alternative, after))


def pair_flips(
    book: RuleBook,
    raw: Mapping[str, NormalisedAnswer],
    asked: Sequence[Question],
    tech: str,
    before: Outcome,
) -> tuple[list[Flip], bool]:
    """The smallest answer changes that move `tech`'s verdict when no single one does: pairs;
    and whether every pair was tried (False: the search stopped at `PAIR_BUDGET`)."""
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
                    return found, False
                changed = questionnaire.counted({**raw, first.id: a, second.id: b}).answers
                after = book.outcome(tech, changed)
                if after.verdict != before.verdict:
                    flip = _flip(first.id, given.get(first.id), a, after)
                    also = Change(question=second.id, from_=public_value(given.get(second.id)), to=public_value(b))
                    found.append(flip.model_copy(update={"also": also}))
                    if len(found) >= MAX_PAIRS:
                        return found, True
                    break  # one pair per pair of questions is enough to show the way
            else:
                continue
            break
    return found, True
