"""`advisor progress`: checklist completion and quiz history as rich tables (a CLI front end)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from advisor.loading.catalog import Catalog
from advisor.store import ProgressStore


def print_progress(catalog: Catalog, store: ProgressStore, console: Console | None = None) -> None:
    """Print one row per section: items done, items in all, and the ones still open."""
    console = console or Console()
    done = store.done_items()
    table = Table(title="Learning checklist", title_justify="left")
    table.add_column("Section")
    table.add_column("Done", justify="right")
    table.add_column("Still to do")
    total = ticked = 0
    for section in catalog.sections:
        items = section.checklist
        n = sum(1 for item in items if item.id in done)
        total += len(items)
        ticked += n
        open_items = [item.text for item in items if item.id not in done]
        table.add_row(Text(section.title), f"{n}/{len(items)}", Text("; ".join(open_items) or "all done ✓"))
    table.add_section()
    table.add_row(Text("All sections", style="bold"), f"{ticked}/{total}", "")
    console.print(table)
    print_quiz_history(catalog, store, console)


def print_quiz_history(catalog: Catalog, store: ProgressStore, console: Console) -> None:
    """One row per quiz: answers given, share right (first tries), sessions, last played, due now."""
    from advisor.quiz.session import due_questions

    answers = [a for a in store.answers() if not a.practice]
    owner = {q.id: quiz.id for quiz in catalog.quizzes for q in quiz.questions}
    due = due_questions(catalog, store)
    table = Table(title="Quiz history", title_justify="left")
    for name, justify in (("Quiz", "left"), ("Answers", "right"), ("Right", "right"), ("Sessions", "right"), ("Last", "left"), ("Due", "right")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for quiz in catalog.quizzes:
        mine = [a for a in answers if owner.get(a.question_id) == quiz.id]
        right = sum(a.correct for a in mine)
        share = f"{right / len(mine):.0%}" if mine else "–"
        last = max((a.answered_at for a in mine), default="")[:10] or "never"
        sessions = len({a.session_id for a in mine})
        n_due = sum(1 for q in due if owner.get(q) == quiz.id)
        table.add_row(Text(quiz.title), str(len(mine)), share, str(sessions), last, str(n_due))
    console.print(table)
