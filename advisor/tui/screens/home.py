"""Home: the three paths through the tool and progress at a glance."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from advisor.learn.progress import Count, count_ids, guide_count
from advisor.tui.background import in_thread
from advisor.tui.messages import CatalogLoaded
from advisor.tui.screens.base import AdvisorScreen
from advisor.tui.widgets.key_bar import KeyBar
from advisor.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from advisor.quiz.progress import DueOutlook  # Home's first frame imports no quiz code
    from advisor.tui.widgets.progress_charts import ProgressData  # nor the charts

_PATHS = (
    ("learn", "Learn", "read the guide, its tables and your checklist"),
    ("advise", "Advise", "describe a workload, get a recommendation you can defend"),
    ("quiz", "Quiz", "test yourself, and review what you are about to forget"),
)


class HomeScreen(AdvisorScreen):
    """The first screen: where to go, and how far the user has got."""

    AUTO_FOCUS = "#paths"  # focused as the screen opens: no second frame to move focus

    # DEFAULT_CSS, not a .tcss beside it: Home is the app's default screen, and Textual reads a
    # screen's CSS_PATH only when a screen is pushed.
    DEFAULT_CSS = """
    #home {
        padding: 1 2;
        height: 1fr;
    }
    #home-title {
        text-style: bold;
        color: $text-accent;
        margin-bottom: 1;
    }
    #home-summary {
        margin-bottom: 1;
        color: $text-muted;
    }
    #paths {
        height: auto;
        max-height: 8;
        margin-bottom: 1;
    }
    #progress-label {
        margin-top: 1;
    }
    #progress {
        margin-bottom: 1;
    }
    #home-charts {
        height: 1fr;
    }
    /* Short terminals: the progress charts, read at every visit, before the guide's blurb */
    HomeScreen.-short #home-summary {
        display: none;
    }
    """
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # noqa: RUF012 - Textual's own declaration
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("l", "app.open('learn')", "Learn"),
        Binding("a", "app.open('advise')", "Advise"),
        Binding("q", "app.open('quiz')", "Quiz"),
    ]

    checklist: reactive[Count | None] = reactive(None)
    """Checklist items ticked of all (None until read)."""
    due: reactive[DueOutlook | None] = reactive(None)
    """Quiz questions due for review now and next (None until the log has been read)."""

    def compose(self) -> ComposeResult:
        title, summary = self._guide_heading()
        yield TitleBar()
        with Vertical(id="home"):
            yield Static(Content(title), id="home-title")
            yield Static(Content(summary), id="home-summary")
            options = [Option(Content.assemble((f"{name:<8}", "bold"), blurb), id=key) for key, name, blurb in _PATHS]
            yield OptionList(*options, id="paths")
            yield Static(id="progress-label")
            yield ProgressBar(id="progress", show_eta=False)
            yield VerticalScroll(id="home-charts")  # filled once the catalog is in (_read_progress)
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_progress()

    def on_screen_resume(self) -> None:
        self.refresh_progress()

    def _guide_heading(self) -> tuple[str, str]:
        app = self.advisor
        if app.digest is not None and not app.catalog_loaded:  # the first frame comes before the catalog
            return app.digest.title, app.digest.summary
        return app.catalog.guide.title, app.catalog.guide.summary

    def refresh_progress(self) -> None:
        """Re-read the checklist totals now, and the questions due in the background."""
        app, done = self.advisor, self.advisor.store.done_items()
        if app.digest is not None and not app.catalog_loaded:
            self.checklist = count_ids(app.digest.item_ids, done)
            return  # the questions due are counted once the catalog is in (CatalogLoaded)
        self.checklist = guide_count(app.catalog.sections, done)
        self._read_progress()

    def on_catalog_loaded(self, _: CatalogLoaded) -> None:
        self.refresh_progress()

    @in_thread(group="home-progress", exclusive=True)
    def _read_progress(self) -> None:
        # the answer log grows with the history: read once, off the event loop, for the questions
        # due (every FSRS card rebuilt from it) and the charts; the chart module is imported here,
        # never for the first frame
        from advisor.quiz.progress import due_outlook
        from advisor.tui.widgets.progress_charts import read_progress

        app = self.advisor
        answers = app.store.answers()
        due = due_outlook(app.catalog, answers)
        data = read_progress(app.catalog, app.store, answers)
        self.app.call_from_thread(self._show_read, due, data)

    def _show_read(self, due: DueOutlook, data: ProgressData) -> None:
        self.due = due
        self._show_charts(data)

    def _show_charts(self, data: ProgressData) -> None:
        from advisor.tui.widgets.progress_charts import ProgressCharts

        shown = self.query("#progress-charts").results(ProgressCharts)
        for charts in shown:
            charts.show(data)
            return
        self.query_one("#home-charts", VerticalScroll).mount(ProgressCharts(data, id="progress-charts"))

    def watch_checklist(self) -> None:
        self._show_progress()

    def watch_due(self) -> None:
        self._show_progress()

    def _show_progress(self) -> None:
        count = self.checklist
        if count is None:
            return
        if self.due is None:
            due = Content.styled("counting questions due for review…", "$foreground-muted")
        else:  # when reviews fall due, not only how many are due now (that number grows fast at first)
            text = f"quiz review: {self.due.label(datetime.now(UTC))}"
            due = Content.styled(text, "bold" if self.due.now else "$foreground-muted")
        label = Content.assemble(f"Learning checklist: {count.done} of {count.total} items done · ", due)
        self.query_one("#progress-label", Static).update(label)
        self.query_one("#progress", ProgressBar).update(total=count.total, progress=count.done)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.advisor.action_open(event.option.id or "")
