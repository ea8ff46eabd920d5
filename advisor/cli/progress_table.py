"""`advisor progress`: checklist completion and quiz history as rich tables (a CLI front end)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from advisor.cli.progress_charts import print_progress_charts
from advisor.learn.progress import guide_count, section_count
from advisor.loading.catalog import Catalog
from advisor.quiz.progress import quiz_history
from advisor.store import ProgressStore


class _Console(Console):
    """Rich's console, except that a closed pipe ends the command as every other command ends."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError  # the CLI's main stops quietly with exit 0; rich would exit 1


def print_progress(catalog: Catalog, store: ProgressStore, console: Console | None = None) -> None:
    """Print one row per section (items done, in all, still open), then the quiz history."""
    console = console or _Console()
    print_progress_charts(catalog, store, console)
    done = store.done_items()
    table = Table(title="Learning checklist", title_justify="left")
    table.add_column("Section")
    table.add_column("Done", justify="right")
    table.add_column("Still to do")
    for section in catalog.sections:
        open_items = [item.text for item in section.checklist if item.id not in done]
        table.add_row(
            Text(section.title), str(section_count(section, done)), Text("; ".join(open_items) or "all done ✓")
        )
    table.add_section()
    table.add_row(Text("All sections", style="bold"), str(guide_count(catalog.sections, done)), "")
    console.print(table)
    print_quiz_history(catalog, store, console)


def print_quiz_history(catalog: Catalog, store: ProgressStore, console: Console) -> None:
    """One row per quiz: answers given, share right (first tries), sessions, last played, due now."""
    table = Table(title="Quiz history", title_justify="left")
    for name in ("Quiz", "Answers", "Right", "Sessions", "Last", "Due"):
        table.add_column(name, justify="left" if name in ("Quiz", "Last") else "right")
    for row in quiz_history(catalog, store.answers()):
        share = "–" if row.share is None else f"{row.share:.0%}"
        table.add_row(
            Text(row.quiz.title), str(row.answers), share, str(row.sessions), row.last or "never", str(row.due)
        )
    console.print(table)
