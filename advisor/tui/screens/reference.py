"""The guide's reference tables: the decision matrix, the API comparison, the figures."""

from __future__ import annotations

from typing import ClassVar, Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.style import Style
from textual.widgets import DataTable, Static

from advisor.models.content import Level
from advisor.tui.messages import ThemeChanged
from advisor.tui.screens.base import AdvisorScreen
from advisor.tui.widgets.key_bar import KeyBar
from advisor.tui.widgets.title_bar import TitleBar

_LEVEL_STYLE = {Level.low: "$text-success", Level.medium: "$text-warning", Level.high: "$text-error"}
_SUPPORT_MARK = {"yes": ("✓ ", "$text-success"), "no": ("✗ ", "$text-error"), "partial": ("~ ", "$text-warning")}


def cell(text: str, style: str = "", justify: Literal["left", "right"] | None = None) -> Text:
    """A DataTable cell. DataTable draws Rich text, so theme variables ('$text-success') are resolved
    here, for the theme in use; the screens rebuild their tables when the theme changes."""
    return Text(text, style=Style.parse(style).rich_style if style else "", justify=justify)


def _note(text: str) -> Static:
    return Static(Content.styled(text, "italic"), classes="note")


def _labels(*names: str) -> list[Text]:
    # plain Text: a str label would be read as Rich markup (and load Rich's emoji table to do it)
    return [Text(name) for name in names]


class _TableScreen(AdvisorScreen):
    AUTO_FOCUS = "DataTable"  # focused as the screen opens: no second frame to move focus
    DEFAULT_CSS = """
    _TableScreen .reference {
        padding: 0 1;
    }
    _TableScreen DataTable {
        height: auto;
        margin-bottom: 1;
    }
    _TableScreen .hint {
        color: $text-accent;
        margin-bottom: 1;
    }
    _TableScreen .note {
        color: $foreground-muted;
        margin-bottom: 1;
    }
    _TableScreen .notes {
        margin-bottom: 1;
    }
    _TableScreen .table-title {
        margin-top: 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.back", "Back")]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(classes="reference"):
            yield from self.body()
        yield KeyBar()

    def body(self) -> ComposeResult:  # pragma: no cover - each screen defines it
        raise NotImplementedError

    async def on_theme_changed(self, _: ThemeChanged) -> None:
        # table cells hold Rich styles resolved from the theme: build them again
        await self.recompose()
        if self.AUTO_FOCUS:
            self.query(self.AUTO_FOCUS).first().focus()


class MatrixScreen(_TableScreen):
    """The technology decision matrix; Enter on a row opens that technology's section."""

    def body(self) -> ComposeResult:
        matrix = self.advisor.catalog.matrix
        self.sub_title = matrix.title
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="matrix")
        table.add_columns(*_labels("Technology", "Complexity", "Cost at scale"))
        # The last column gets the width that is left, and rows grow to wrap its text.
        table.add_column(Text("Best for"), width=max(16, self.app.size.width - 52))
        for row in matrix.technologies:
            table.add_row(
                cell(row.name, "bold"),
                cell(row.complexity.value, _LEVEL_STYLE[row.complexity]),
                cell(row.cost_at_scale.value, _LEVEL_STYLE[row.cost_at_scale]),
                cell(row.best_for),
                key=row.id,
                height=None,
            )
        yield table
        yield Static(Content("Enter on a row opens that technology's section."), classes="hint")
        yield _note(matrix.note)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        for row in self.advisor.catalog.matrix.technologies:
            if row.id == event.row_key.value:
                self.advisor.action_open(f"section:{row.section}")


class ComparisonScreen(_TableScreen):
    """REST, GraphQL and gRPC, one row per feature, with the nuance each cell needs."""

    def body(self) -> ComposeResult:
        comparison = self.advisor.catalog.api_comparison
        self.sub_title = comparison.title
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="comparison")
        table.add_column(Text("Feature"))
        for style in comparison.styles:
            table.add_column(Text(style.name))
        for feature in comparison.features:
            cells = [cell(feature.label, "bold")]
            for style in comparison.styles:
                value = feature.values[style.id]
                mark, colour = _SUPPORT_MARK.get(value.support or "", ("", ""))
                cells.append(Text.assemble(cell(mark, colour), value.text))
            table.add_row(*cells, key=feature.id)
        yield table
        notes = [
            Content.assemble((f"{feature.label}: ", "bold"), feature.note + "\n")
            for feature in comparison.features
            if feature.note
        ]
        yield Static(Content("").join(notes), classes="notes")
        yield _note(comparison.note)


def _bar(value: float, largest: float, width: int = 20) -> Text:
    filled = max(1, round(width * value / largest))
    return cell("█" * filled, "$text-accent")


class BenchmarksScreen(_TableScreen):
    """The guide's payload-size and latency tables, with their provenance up front."""

    # the page scrolls as one: focusing a table would scroll the provenance note out of sight
    AUTO_FOCUS = ".reference"

    def body(self) -> ComposeResult:
        bench = self.advisor.catalog.benchmarks
        self.sub_title = "Payload and latency"
        yield _note(bench.provenance)
        payload = bench.payload
        yield Static(Content.styled(f"{payload.title} — {payload.scenario}", "bold"), classes="table-title")
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="payload")
        table.add_columns(*_labels("Format", "Size", "Compressed", "Size (bar)"))
        largest = max(r.size_kb for r in payload.rows)
        # the bars take what the figures leave: at 80 columns the whole table fits the screen
        bar = max(6, min(20, self.app.size.width - 66))
        for row in payload.rows:
            compressed = f"{row.compressed_kb:g} KB" if row.compressed_kb else ""
            table.add_row(
                cell(row.format),
                cell(f"{row.size_kb:g} KB", justify="right"),
                cell(f"{row.compression}" if not compressed else f"{compressed} ({row.compression})"),
                _bar(row.size_kb, largest, bar),
                key=row.id,
            )
        yield table
        latency = bench.latency
        yield Static(Content.styled(f"{latency.title} — {latency.scenario}", "bold"), classes="table-title")
        table = DataTable(cursor_type="row", zebra_stripes=True, id="latency")
        # the bar says which figure it draws: p99, the tail, where the protocols differ most
        table.add_columns(*_labels("Protocol", "p50", "p99", "p99 (bar)"))
        slowest = max(r.p99_ms for r in latency.rows)
        for timing in latency.rows:
            table.add_row(
                cell(timing.protocol),
                cell(f"{timing.p50_ms:g} ms", justify="right"),
                cell(f"{timing.p99_ms:g} ms", justify="right"),
                _bar(timing.p99_ms, slowest, bar),
                key=timing.id,
            )
        yield table
        yield Static(Content("\n".join(f"• {c}" for c in bench.caveats)), classes="notes")
