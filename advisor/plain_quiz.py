"""`advisor quiz --plain`: the quiz with questionary prompts, recorded to the same history."""

from __future__ import annotations

import sys
from typing import Any

import questionary

from advisor.catalog import Catalog
from advisor.grading import Grade
from advisor.models.quiz import Matching, MultipleChoice, Numeric, Ordering, ShortAnswer, SingleChoice, TrueFalse
from advisor.output import interactive
from advisor.quiz_input import LETTERS, parse_ordering
from advisor.quiz_session import Presented, QuizSession, due_questions
from advisor.store import ProgressStore

_STOP = object()


def ask(presented: Presented) -> Any:
    """Ask one question; returns the response, or _STOP when the learner presses Ctrl+C."""
    q = presented.question
    prompt = q.prompt.strip()
    if isinstance(q, SingleChoice):
        by_id = {o.id: o for o in q.options}
        answer = questionary.select(prompt, choices=[questionary.Choice(by_id[i].text, value=i) for i in presented.order]).ask()
    elif isinstance(q, TrueFalse):
        answer = questionary.select(prompt, choices=[questionary.Choice("True", value=True), questionary.Choice("False", value=False)]).ask()
    elif isinstance(q, MultipleChoice):
        by_id = {o.id: o for o in q.options}
        answer = questionary.checkbox(
            prompt, choices=[questionary.Choice(by_id[i].text, value=i) for i in presented.order], instruction="(pick every right answer)"
        ).ask()
        answer = sorted(answer) if answer is not None else None
    elif isinstance(q, Ordering):
        by_id = {i.id: i for i in q.items}
        listing = "\n".join(f"  {n}. {by_id[i].text}" for n, i in enumerate(presented.order, 1))
        text = questionary.text(
            f"{prompt}\n{listing}\nThe numbers in the right order:",
            validate=lambda t: True if not isinstance(parse_ordering(t, presented.order), str) else parse_ordering(t, presented.order),
        ).ask()
        answer = None if text is None else parse_ordering(text, presented.order)
    elif isinstance(q, Matching):
        right = {p.id: p.right for p in q.pairs}
        answer = {}
        for pair in q.pairs:
            choice = questionary.select(
                f"{prompt}\n  {pair.left} →",
                choices=[questionary.Choice(f"{letter}) {right[pid]}", value=pid) for letter, pid in zip(LETTERS, presented.order, strict=False)],
            ).ask()
            if choice is None:
                return _STOP
            answer[pair.id] = choice
    elif isinstance(q, Numeric):
        answer = questionary.text(f"{prompt}{f' ({q.unit})' if q.unit else ''}").ask()
    else:
        assert isinstance(q, ShortAnswer)
        answer = questionary.text(prompt).ask()
    return _STOP if answer is None else answer


def show(grade: Grade, presented: Presented) -> None:
    """Print the feedback: right or not, the explanations, the general explanation."""
    print("✓ Right" if grade.correct else "✗ Not quite")
    for line in grade.chosen:
        print(f"  your answer — {line}")
    for line in grade.expected:
        print(f"  right answer — {line}")
    print(f"  {presented.question.explanation}\n")


def run_quiz(catalog: Catalog, names: list[str], *, due: bool, seed: int | None, limit: int) -> int:
    """Run a session in plain prompts; returns the exit code."""
    if not interactive():
        print("advisor: the quiz asks questions and needs a terminal", file=sys.stderr)
        return 2
    with ProgressStore() as store:
        if due:
            ids = due_questions(catalog, store)
            if not ids:
                print("Nothing is due for review now.")
                return 0
            session = QuizSession.start(catalog, store, question_ids=ids, seed=seed)
        else:
            session = QuizSession.start(catalog, store, quiz_ids=names, seed=seed, limit=limit * max(1, len(names)))
        print(f"{len(session.items)} question(s); session {session.session_id}\n")
        while (presented := session.current) is not None:
            response = ask(presented)
            if response is _STOP:
                print("Stopped; every answer so far is saved.")
                break
            result = session.submit(response)
            show(result, presented)
            if not result.correct and session.is_leech(presented):
                print(f"  You have missed this one several times; re-read: {catalog.describe(presented.question.tests[0])}\n"
                      if presented.question.tests else "  You have missed this one several times.\n")
            session.advance()
        s = session.summary()
        if s.score.total:
            print(f"Score: {s.score.right} of {s.score.total} ({s.score.share:.0%})")
            for item in s.reread:
                print(f"  re-read: {catalog.describe(item)}")
    return 0
