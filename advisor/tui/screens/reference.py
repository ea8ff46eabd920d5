"""The guide's reference tables: the decision matrix, the API comparison, the figures."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from advisor.models.content import Level

_LEVEL_STYLE = {Level.low: "green", Level.medium: "yellow", Level.high: "red"}
_SUPPORT_MARK = {"yes": ("✓ ", "green"), "no": ("✗ ", "red"), "partial": ("~ ", "yellow")}


def _note(text: str) -> Static:
    return Static(Text(text, style="italic"), classes="note")


class _TableScreen(Screen[None]):
    BINDINGS = [Binding("escape", "app.back", "Back")]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(classes="reference"):
            yield from self.body()
        yield Footer()

    def body(self) -> ComposeResult:  # pragma: no cover - each screen defines it
        raise NotImplementedError

    def on_mount(self) -> None:
        self.query(DataTable).first().focus()


class MatrixScreen(_TableScreen):
    """The technology decision matrix; Enter on a row opens that technology's section."""

    def body(self) -> ComposeResult:
        matrix = self.app.catalog.matrix
        self.sub_title = matrix.title
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="matrix")
        table.add_columns("Technology", "Complexity", "Cost at scale")
        # The last column gets the width that is left, and rows grow to wrap its text.
        table.add_column("Best for", width=max(16, self.app.size.width - 52))
        for row in matrix.technologies:
            table.add_row(
                Text(row.name, style="bold"),
                Text(row.complexity.value, style=_LEVEL_STYLE[row.complexity]),
                Text(row.cost_at_scale.value, style=_LEVEL_STYLE[row.cost_at_scale]),
                Text(row.best_for),
                key=row.id,
                height=None,
            )
        yield table
        yield Static(Text("Enter on a row opens that technology's section."), classes="hint")
        yield _note(matrix.note)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self._open(event.row_key.value)

    def _open(self, technology: str | None) -> None:
        for row in self.app.catalog.matrix.technologies:
            if row.id == technology:
                self.app.action_open(f"section:{row.section}")


class ComparisonScreen(_TableScreen):
    """REST, GraphQL and gRPC, one row per feature, with the nuance each cell needs."""

    def body(self) -> ComposeResult:
        comparison = self.app.catalog.api_comparison
        self.sub_title = comparison.title
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="comparison")
        table.add_column("Feature")
        for style in comparison.styles:
            table.add_column(style.name)
        for feature in comparison.features:
            cells = [Text(feature.label, style="bold")]
            for style in comparison.styles:
                cell = feature.values[style.id]
                mark, colour = _SUPPORT_MARK.get(cell.support or "", ("", ""))
                cells.append(Text.assemble((mark, colour), cell.text))
            table.add_row(*cells, key=feature.id)
        yield table
        notes = Text()
        for feature in comparison.features:
            if feature.note:
                notes.append(f"{feature.label}: ", style="bold")
                notes.append(feature.note + "\n")
        yield Static(notes, classes="notes")
        yield _note(comparison.note)


def _bar(value: float, largest: float, width: int = 20) -> Text:
    filled = max(1, round(width * value / largest))
    return Text("█" * filled, style="cyan")


class BenchmarksScreen(_TableScreen):
    """The guide's payload-size and latency tables, with their provenance up front."""

    def body(self) -> ComposeResult:
        bench = self.app.catalog.benchmarks
        self.sub_title = "Payload and latency"
        yield _note(bench.provenance)
        payload = bench.payload
        yield Static(Text(f"{payload.title} — {payload.scenario}", style="bold"), classes="table-title")
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="payload")
        table.add_columns("Format", "Size", "Compressed", "")
        largest = max(r.size_kb for r in payload.rows)
        for row in payload.rows:
            compressed = f"{row.compressed_kb:g} KB" if row.compressed_kb else ""
            table.add_row(
                Text(row.format),
                Text(f"{row.size_kb:g} KB", justify="right"),
                Text(f"{row.compression}" if not compressed else f"{compressed} ({row.compression})"),
                _bar(row.size_kb, largest),
                key=row.id,
            )
        yield table
        latency = bench.latency
        yield Static(Text(f"{latency.title} — {latency.scenario}", style="bold"), classes="table-title")
        table = DataTable(cursor_type="row", zebra_stripes=True, id="latency")
        table.add_columns("Protocol", "p50", "p99", "")
        slowest = max(r.p99_ms for r in latency.rows)
        for row in latency.rows:
            table.add_row(
                Text(row.protocol),
                Text(f"{row.p50_ms:g} ms", justify="right"),
                Text(f"{row.p99_ms:g} ms", justify="right"),
                _bar(row.p99_ms, slowest),
                key=row.id,
            )
        yield table
        yield Static(Text("\n".join(f"• {c}" for c in bench.caveats)), classes="notes")
