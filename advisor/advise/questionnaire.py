"""The workload questionnaire: which questions apply, and which answers count.

This is the one place that reads `ask_if`: the engine, the TUI wizard and the plain prompts
all ask it, so they can never disagree on a chain of questions (a → b → c).

A question whose `ask_if` is false given the answers that count is *skipped*: it is not asked,
and an answer the user gave it earlier is kept but does not count (a later change can make it
count again). An `ask_if` that cannot be decided yet (an earlier answer is "not sure") still
asks; one that tests a skipped question is false, so a whole branch is skipped together.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from advisor.advise.conditions import NormalisedAnswer, evaluate
from advisor.models.recommendation import AnswerValue
from advisor.models.rules import Question

# Answers as they arrive: from files and front ends (None: not sure; lists for several choices)
# or already normalised (sets), which the engine passes back in when it tries a flip.
Answers = Mapping[str, str | Iterable[str] | None]

NOT_SURE = "__not_sure__"  # the extra choice a front end offers; never stored (not sure = no answer)
CURRENT_WORKLOAD = "current"  # the name the wizard and the plain prompts keep their answers under
# Every subset of a several-choice question is tried up to this many choices (2**8 = 256 answers);
# past it, the answers that differ most: none, all, each choice alone, and all but each one.
EVERY_SUBSET_UP_TO = 8


def normalise(answers: Answers) -> dict[str, NormalisedAnswer]:
    """Drop 'not sure' (None) and make several-choice answers sets."""
    out: dict[str, NormalisedAnswer] = {}
    for key, value in answers.items():
        if value is None:
            continue
        out[key] = value if isinstance(value, str) else frozenset(value)
    return out


@dataclass(frozen=True)
class Counted:
    """The answers that count, and the questions that earlier answers made moot."""

    answers: dict[str, NormalisedAnswer]
    skipped: list[str]


class Questionnaire:
    """The questions in the order they are asked, with the rules for which apply."""

    def __init__(self, questions: Sequence[Question]) -> None:
        self.questions = list(questions)
        self.by_id = {q.id: q for q in self.questions}
        # gate → the questions whose ask_if reads it: a change to a gate can change which answers count
        gated: dict[str, set[str]] = {}
        for q in self.questions:
            for gate in q.ask_if.questions() if q.ask_if is not None else ():
                gated.setdefault(gate, set()).add(q.id)
        self.gated = {gate: frozenset(ids) for gate, ids in gated.items()}
        self.gates = frozenset(self.gated)

    def usable(self, question: Question, value: NormalisedAnswer) -> bool:
        """Whether `value` is a well-formed answer to `question` (stored answers can be stale;
        a retired choice counts as "not sure")."""
        choices = {c.id for c in question.offered}
        if question.multiple:
            return isinstance(value, frozenset) and value <= choices
        return isinstance(value, str) and value in choices

    def counted(self, answers: Answers) -> Counted:
        """The answers that count (of questions asked, well formed) and the skipped question ids."""
        given = normalise(answers)
        kept: dict[str, NormalisedAnswer] = {}
        skipped: list[str] = []
        for q in self.questions:
            # ask_if may only read earlier questions (validation enforces it), so `kept` holds
            # everything it needs by the time it is evaluated.
            if q.ask_if is not None and evaluate(q.ask_if, kept, self.by_id, skipped) is False:
                skipped.append(q.id)
            elif q.id in given and self.usable(q, given[q.id]):
                kept[q.id] = given[q.id]
        return Counted(kept, skipped)

    def applicable(self, answers: Answers) -> list[Question]:
        """The questions to ask, in order, given the answers so far."""
        skipped = set(self.counted(answers).skipped)
        return [q for q in self.questions if q.id not in skipped]

    def public(self, answers: Answers) -> dict[str, AnswerValue]:
        """The answers that count, as reported: choice ids, several-choice ones as a sorted list."""
        kept = self.counted(answers).answers
        return {q.id: public_value(kept[q.id]) for q in self.questions if q.id in kept}


def public_value(value: NormalisedAnswer | None) -> AnswerValue:
    """An answer as reported: None (not sure), a choice id, or several ids sorted (stable bytes)."""
    if value is None or isinstance(value, str):
        return value
    return sorted(value)


def every_answer(question: Question) -> list[NormalisedAnswer]:
    """Every answer `question` can take: each choice, or for a several-choice question each subset
    of its choices, none of them included (past `EVERY_SUBSET_UP_TO` choices: none, all, each alone,
    and all but each one). Combinations matter: two choices may cross a threshold only together."""
    ids = [c.id for c in question.offered]
    if not question.multiple:
        return list(ids)
    if len(ids) <= EVERY_SUBSET_UP_TO:
        return [frozenset(s) for size in range(len(ids) + 1) for s in combinations(ids, size)]
    every = frozenset(ids)
    found = [frozenset(), every, *(frozenset({c}) for c in ids), *(every - {c} for c in ids)]
    return list(dict.fromkeys(found))
