"""Learn: the sections with their progress, and the guide's reference pages."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from advisor.learn.progress import Count, section_count
from advisor.text.markdown import inline
from advisor.text.plural import plural
from advisor.tui.navigation import PAGES
from advisor.tui.screens.base import AdvisorScreen
from advisor.tui.widgets.guide_text import GuideText
from advisor.tui.widgets.hanging_text import Hanging
from advisor.tui.widgets.key_bar import KeyBar
from advisor.tui.widgets.title_bar import TitleBar


class LearnScreen(AdvisorScreen):
    """Pick a section or a reference page; the right pane previews it."""

    AUTO_FOCUS = "#learn-index"  # focused as the screen opens: no second frame to move focus

    CSS_PATH = "learn.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.back", "Back"),
        Binding("m", "app.open('matrix')", "Matrix"),
        Binding("c", "app.open('comparison')", "Compare APIs"),
        Binding("u", "app.open('use-cases')", "Use/avoid"),
        Binding("b", "app.open('benchmarks')", "Figures"),
        Binding("k", "app.open('checklist')", "Checklist"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._counts: list[Count] | None = None  # the checklist counts the index shows

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="learn"):
            yield OptionList(id="learn-index")
            with VerticalScroll(id="learn-preview"):
                yield GuideText(id="preview")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "Learn"
        self._fill()

    def on_screen_resume(self) -> None:
        self._fill()
        # back from reading: the index shows where the reader was (n and p may have moved on)
        index = self.query_one("#learn-index", OptionList)
        target = f"section:{self.advisor.last_section}" if self.advisor.last_section else None
        for n in range(index.option_count):
            if target and index.get_option_at_index(n).id == target and index.highlighted != n:
                index.highlighted = n
                break

    def _fill(self) -> None:
        index = self.query_one("#learn-index", OptionList)
        keep = index.highlighted
        done = self.advisor.store.done_items()
        counts = [section_count(section, done) for section in self.advisor.catalog.sections]
        if counts == self._counts:
            return  # nothing ticked since: coming back costs no redraw
        self._counts = counts
        index.clear_options()
        options: list[Option | None] = []
        for section, count in zip(self.advisor.catalog.sections, counts, strict=True):
            mark = Content.styled(
                f"{count.done:>2}/{count.total:<2} ", "$text-success" if count.complete else "$foreground-muted"
            )
            options.append(Option(Hanging(Content(section.title), mark), id=f"section:{section.id}"))
        options.append(None)
        options += [Option(Content(page.title), id=page.name) for page in PAGES]
        index.add_options(options)
        index.highlighted = keep if keep is not None else 0

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.query_one("#preview", GuideText).show(self._preview(event.option.id or ""))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.advisor.action_open(event.option.id or "")

    def _preview(self, target: str) -> str:
        if target.startswith("section:"):
            section = self.advisor.catalog.section(target.removeprefix("section:"))
            count = section_count(section, self.advisor.store.done_items())
            lines = [f"# {inline(section.title)}", "", inline(section.summary), ""]
            lines += [f"- **{inline(t.title)}**: {inline(t.summary)}" for t in section.topics]
            concepts = plural(len(section.concepts), "key concept")
            lines += [
                "",
                f"{concepts} · {plural(len(section.exercises), 'exercise')} · checklist {count}",
                "",
                "*Enter to read.*",
            ]
            return "\n".join(lines)
        for page in PAGES:
            if page.name == target:
                return f"# {page.title}\n\n{page.blurb}\n\n*Enter to open.*"
        return ""
