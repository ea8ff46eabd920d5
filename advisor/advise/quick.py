"""Quick mode: ask first what could still change a verdict, and stop when nothing can.

A question's impact is the number of technologies whose verdict some answer to it would change,
given the answers so far (every answer it can take is tried: each choice of a one-choice question,
each subset of a several-choice one, none of them included). Answers can also matter only
together (two that each move a score too little alone), so a question also stays open while,
for some answers to the others, its answer would move a verdict (`RuleBook.could_move`), or
while it gates a question already answered. Quick mode
asks the open question with the highest impact next (questionnaire order breaks ties) and stops
when none is open. The reports list the questions left as "not answered: could not change any
verdict", apart from those the user was not sure of (`engine.recommend` works the same test out
for each unanswered question).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from advisor.advise.conditions import NormalisedAnswer
from advisor.advise.priorities import Priorities
from advisor.advise.questionnaire import Answers, every_answer, normalise
from advisor.advise.scoring import RuleBook
from advisor.loading.catalog import Catalog


@dataclass(frozen=True)
class Next:
    """What quick mode asks next (None: nothing left could change a verdict)."""

    question: str | None
    impact: int  # the technologies an answer to it could move
    left: int  # questions not asked yet that still could matter, this one included
    skipped: int  # questions not asked because no answer to them could matter now


def impact(catalog: Catalog, answers: Answers, *, priorities: Priorities | None = None) -> dict[str, int]:
    """Question id → how many verdicts some answer to it would change, for every question not answered."""
    return impact_in(RuleBook(catalog, priorities), normalise(answers))


def impact_in(book: RuleBook, raw: Mapping[str, NormalisedAnswer]) -> dict[str, int]:
    """`impact` on a rule book already built (the engine asks it of every unanswered question)."""
    questionnaire = book.questionnaire
    counted = questionnaire.counted(raw)
    now = {t.id: book.outcome(t.id, counted.answers).verdict for t in book.config.technologies}
    gates = questionnaire.gates  # a change to one of these may move every verdict
    found: dict[str, int] = {}
    for question in questionnaire.questions:
        if question.id in counted.skipped or question.id in counted.answers:
            continue
        moved: set[str] = set()
        for value in every_answer(question):
            changed = questionnaire.counted({**raw, question.id: value}).answers
            for tech, verdict in now.items():
                if tech in moved or (question.id not in book.reads[tech] and question.id not in gates):
                    continue
                if book.outcome(tech, changed).verdict != verdict:
                    moved.add(tech)
        found[question.id] = len(moved)
    return found


def open_in(book: RuleBook, raw: Mapping[str, NormalisedAnswer], passed: Collection[str] = ()) -> set[str]:
    """The unanswered questions some answers could still make matter, alone or together with
    answers to others (`RuleBook.could_move`), or that gate a question already answered."""
    questionnaire = book.questionnaire
    counted = questionnaire.counted(raw)
    given = counted.answers
    found: set[str] = set()
    for question in questionnaire.questions:
        if question.id in counted.skipped or question.id in given:
            continue
        readers = [t.id for t in book.config.technologies if question.id in book.reads[t.id]]
        if any(book.could_move(t, question.id, given, passed) for t in readers):
            found.add(question.id)
        elif any(q in given for q in questionnaire.gated.get(question.id, ())):
            found.add(question.id)  # an answer to it could make an answer given so far not count
    return found


def next_question(
    catalog: Catalog, answers: Answers, *, passed: Collection[str] = (), priorities: Priorities | None = None
) -> Next:
    """The question to ask next in quick mode; `passed` are those the user already saw and left unanswered."""
    book, raw = RuleBook(catalog, priorities), normalise(answers)
    scores = {q: n for q, n in impact_in(book, raw).items() if q not in passed}
    still_open = open_in(book, raw, passed)
    mattering = [q for q in scores if scores[q] > 0 or q in still_open]
    if not mattering:
        return Next(None, 0, 0, len(scores))
    best = max(mattering, key=lambda q: scores[q])  # max keeps the first of equals: questionnaire order
    return Next(best, scores[best], len(mattering), len(scores) - len(mattering))
