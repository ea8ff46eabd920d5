"""The section reader: key concepts, checklist, exercises and resources in tabs."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widget import AwaitMount
from textual.widgets import Footer, Header, Markdown, OptionList, TabbedContent, TabPane
from textual.widgets.option_list import Option

from advisor.learn.markdown import concept_markdown, exercises_markdown, resources_markdown, section_intro_markdown
from advisor.learn.progress import section_count
from advisor.models.content import Section
from advisor.quiz.progress import item_mastery
from advisor.tui.messages import ProgressSaved
from advisor.tui.screens.base import AdvisorScreen
from advisor.tui.widgets.checklist import ChecklistView

TABS = ("concepts", "checklist", "exercises", "resources")


class SectionScreen(AdvisorScreen):
    """Everything one section holds; number keys switch tabs, n and p move between sections."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.back", "Back"),
        Binding("1", "tab('concepts')", "Concepts", show=False),
        Binding("2", "tab('checklist')", "Checklist", show=False),
        Binding("3", "tab('exercises')", "Exercises", show=False),
        Binding("4", "tab('resources')", "Resources", show=False),
        Binding("n", "step(1)", "Next section"),
        Binding("p", "step(-1)", "Previous"),
    ]
    KEY_NOTES: ClassVar[list[tuple[str, str]]] = [("1 – 4", "concepts, checklist, exercises, resources")]

    def __init__(self, section: Section, tab: str = "concepts") -> None:
        super().__init__()
        self.section = section
        self.initial_tab = tab

    def compose(self) -> ComposeResult:
        yield Header()
        # Tabs are filled when first shown: laying out every tab's widgets up front made
        # opening a section take over half a second.
        with TabbedContent(initial=self.initial_tab):
            for n, tab in enumerate(TABS, 1):
                yield TabPane(f"{n} {tab.title()}", id=tab)
        yield Footer()

    def _fill(self, tab: str) -> AwaitMount | None:
        """Mount the tab's content the first time it is shown."""
        pane = self.query_one(f"#{tab}", TabPane)
        if pane.children:
            return None
        s = self.section
        if tab == "concepts":
            options = [Option(Content.styled("Introduction", "italic"), id="")]
            options += [Option(Content(c.title), id=c.id) for c in s.concepts]
            reader = VerticalScroll(
                Markdown(section_intro_markdown(s), id="concept-text"), classes="reader", id="concept-reader"
            )
            return pane.mount(
                Horizontal(OptionList(*options, id="concept-list", classes="parts"), reader, classes="split")
            )
        if tab == "checklist":
            done = self.advisor.store.done_items()
            view = ChecklistView(((item, None) for item in s.checklist), done, id="section-checklist")
            self._load_mastery()
            return pane.mount(view)
        text = exercises_markdown(s) if tab == "exercises" else resources_markdown(s)
        return pane.mount(VerticalScroll(Markdown(text), classes="reader"))

    @work(thread=True, exclusive=True, group="mastery")
    def _load_mastery(self) -> None:
        mastery = item_mastery(self.advisor.catalog, self.advisor.store.answers())
        self.app.call_from_thread(self._show_mastery, mastery)

    def _show_mastery(self, mastery: dict[str, float]) -> None:
        for view in self.query(ChecklistView):
            view.show_mastery(mastery)

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        tab = event.pane.id or ""
        self._fill(tab)
        self.call_after_refresh(self._focus_tab, tab)

    def on_mount(self) -> None:
        self._update_title()
        self._fill(self.initial_tab)
        self.call_after_refresh(self._focus_tab, self.initial_tab)

    @on(OptionList.OptionHighlighted, "#concept-list")
    def _show_concept(self, event: OptionList.OptionHighlighted) -> None:
        concept_id = event.option.id or ""
        if concept_id:
            text = concept_markdown(next(c for c in self.section.concepts if c.id == concept_id))
        else:
            text = section_intro_markdown(self.section)
        self.query_one("#concept-text", Markdown).update(text)
        self.query_one("#concept-reader", VerticalScroll).scroll_home(animate=False)

    @on(OptionList.OptionSelected, "#concept-list")
    def _read_concept(self) -> None:
        self.query_one("#concept-reader", VerticalScroll).focus()

    def _update_title(self) -> None:
        count = section_count(self.section, self.advisor.store.done_items())
        self.sub_title = f"{self.section.title} · checklist {count}"

    def on_progress_saved(self, _: ProgressSaved) -> None:
        self._update_title()

    async def action_tab(self, tab: str) -> None:
        mounting = self._fill(tab)
        if mounting is not None:
            await mounting
        self.query_one(TabbedContent).active = tab
        self._focus_tab(tab)

    def _focus_tab(self, tab: str) -> None:
        pane = self.query_one(f"#{tab}", TabPane)
        targets = pane.query("OptionList, ChecklistView, VerticalScroll")
        if targets:
            targets.first().focus()

    def action_step(self, delta: int) -> None:
        sections = self.advisor.catalog.sections
        i = next(i for i, s in enumerate(sections) if s.id == self.section.id)
        j = i + delta
        if 0 <= j < len(sections):
            tab = self.query_one(TabbedContent).active or "concepts"
            self.app.switch_screen(SectionScreen(sections[j], tab))
        else:
            self.notify("That was the " + ("last" if delta > 0 else "first") + " section.", severity="information")
