"""The plain front end: questionary prompts instead of a full-screen app (screen readers, logs).

Advise asks the same questions as the TUI wizard, skips the ones earlier answers make moot, saves
the answers after each one, and prints (or writes) the same report as `recommend --answers`.
The quiz asks the same questions as the Quiz screen and records to the same history.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import questionary

from advisor.loading.catalog import Catalog
from advisor.advise.conditions import evaluate
from advisor.advise.engine import normalise, recommend
from advisor.quiz.grading import Grade
from advisor.models.quiz import Matching, MultipleChoice, Numeric, Ordering, ShortAnswer, SingleChoice, TrueFalse
from advisor.models.recommendation import AnswerValue
from advisor.cli.output import check_output, emit, interactive, render
from advisor.quiz.typed_input import LETTERS, parse_ordering
from advisor.quiz.session import Presented, QuizSession, due_questions
from advisor.store import ProgressStore

NOT_SURE = "__not_sure__"
WORKLOAD = "current"


def ask_all(catalog: Catalog, previous: dict[str, AnswerValue]) -> dict[str, AnswerValue] | None:
    """Ask every question that applies; None if the user stops (Ctrl+C)."""
    answers: dict[str, AnswerValue] = {}
    by_id = {q.id: q for q in catalog.questions}
    total = len(catalog.questions)
    store = ProgressStore()
    try:
        for n, q in enumerate(catalog.questions, 1):
            if q.ask_if is not None and evaluate(q.ask_if, normalise(answers), by_id) is False:
                continue
            title = f"({n}/{total}) {q.text}"
            old = previous.get(q.id)
            if q.multiple:
                choices = [
                    questionary.Choice(c.label, value=c.id, checked=isinstance(old, list) and c.id in old)
                    for c in q.choices
                ]
                value = questionary.checkbox(title, choices=choices, instruction=f"({q.help}) space to pick, enter when done").ask()
            else:
                choices = [questionary.Choice(c.label + (f" — {c.help}" if c.help else ""), value=c.id) for c in q.choices]
                choices.append(questionary.Choice("Not sure", value=NOT_SURE))
                default = old if isinstance(old, str) else NOT_SURE
                value = questionary.select(title, choices=choices, default=default, instruction=f"({q.help})").ask()
            if value is None:  # Ctrl+C: keep what was answered so far
                return None
            answers[q.id] = None if value == NOT_SURE else value
            store.save_workload(WORKLOAD, {k: v for k, v in answers.items() if v is not None})
    finally:
        store.close()
    return {k: v for k, v in answers.items() if v is not None}


def run_advise(catalog: Catalog, fmt: str, output: Path | None, force: bool) -> int:
    """`advisor recommend --plain`: ask, then print or write the report; returns the exit code."""
    if output is not None and (problem := check_output(output, force)):
        print(f"advisor: {problem}", file=sys.stderr)
        return 2
    if not interactive():
        print("advisor: --plain asks questions and needs a terminal; use --answers FILE in scripts", file=sys.stderr)
        return 2
    with ProgressStore() as store:
        previous = store.load_workload(WORKLOAD) or {}
    answers = ask_all(catalog, previous)
    if answers is None:
        print("Stopped; the answers so far are saved and will be offered next time.", file=sys.stderr)
        return 130
    return emit(render(catalog, recommend(catalog, answers), fmt), output)


# --- the quiz ---------------------------------------------------------------------------

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
