"""`advisor progress`: checklist completion per section as a rich table (a CLI front end)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from advisor.catalog import Catalog
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
