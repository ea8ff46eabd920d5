"""The plain front end: questionary prompts instead of a full-screen app (screen readers, logs).

It asks the same questions as the TUI wizard, skips the ones earlier answers make moot, saves
the answers after each one, and prints (or writes) the same report as `recommend --answers`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import questionary

from advisor.catalog import Catalog
from advisor.conditions import evaluate
from advisor.engine import normalise, recommend
from advisor.models.recommendation import AnswerValue
from advisor.output import check_output, emit, interactive, render
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
