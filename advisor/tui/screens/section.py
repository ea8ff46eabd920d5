"""The section reader: key concepts, checklist, exercises and resources in tabs."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import ContentSwitcher, OptionList
from textual.widgets.option_list import Option

from advisor.learn.markdown import concept_markdown, exercises_markdown, resources_markdown, section_intro_markdown
from advisor.learn.progress import count as count_items
from advisor.models.content import Section
from advisor.tui.messages import ProgressSaved, TickChanged
from advisor.tui.screens.with_checklist import WithChecklist
from advisor.tui.widgets.checklist import ChecklistView
from advisor.tui.widgets.guide_text import GuideText
from advisor.tui.widgets.hanging_text import Hanging
from advisor.tui.widgets.key_bar import KeyBar
from advisor.tui.widgets.pane_list import PaneList
from advisor.tui.widgets.tab_strip import TabStrip
from advisor.tui.widgets.title_bar import TitleBar

TABS = ("concepts", "checklist", "exercises", "resources")


class SectionScreen(WithChecklist):
    """Everything one section holds; number keys switch tabs, n and p move between sections.

    The widgets are built once; moving to another section fills them with its content (one
    widget per piece of guide text, so that is cheap), and the tab in use stays in use.
    """

    AUTO_FOCUS = "#concept-list"  # focused as the screen opens: no second frame to move focus

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.back", "Back"),
        Binding("1", "tab('concepts')", "Concepts", show=False),
        Binding("2", "tab('checklist')", "Checklist", show=False),
        Binding("3", "tab('exercises')", "Exercises", show=False),
        Binding("4", "tab('resources')", "Resources", show=False),
        Binding("n", "step(1)", "Next section"),
        Binding("p", "step(-1)", "Previous"),
        Binding("tab", "app.focus_next", "Switch pane"),
    ]
    KEY_NOTES: ClassVar[list[tuple[str, str]]] = [
        ("1 – 4", "concepts, checklist, exercises, resources"),
        ("↑ ↓", "choose a concept (in the list), or scroll its text (in the reading pane)"),
        ("pgup / pgdn", "scroll the text, from the list or the reading pane"),
        ("← →", "in the reading pane: scroll a wide code block sideways"),
    ]
    HELP_NOTE = (
        "recall 82% beside a checklist item: how well you recall its quiz questions, once there are enough answers."
    )

    def __init__(self, section: Section, tab: str = "concepts", *, item: str | None = None) -> None:
        """`item` opens on a concept (in Concepts) or a checklist item (in Checklist) of `section`."""
        super().__init__()
        self.section = section
        self.initial_tab = tab
        self.initial_item = item

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield TabStrip([(tab, tab.title()) for tab in TABS], self.initial_tab, action="screen.tab")
        with ContentSwitcher(initial=self.initial_tab):
            with Horizontal(classes="split", id="concepts"):
                yield PaneList(pane="#concept-reader", id="concept-list", classes="parts")
                with VerticalScroll(classes="reader", id="concept-reader"):
                    yield GuideText(id="concept-text")
            yield ChecklistView((), set(), id="checklist")
            with VerticalScroll(classes="reader", id="exercises"):
                yield GuideText(id="exercises-text")
            with VerticalScroll(classes="reader", id="resources"):
                yield GuideText(id="resources-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show_section(self.section)
        if self.initial_tab != "concepts":
            self.action_tab(self.initial_tab)
        if self.initial_item:
            self.show_item(self.initial_item)

    def show_item(self, item_id: str) -> None:
        """Highlight a concept (its text shows) or a checklist item of this section."""
        concepts = self.query_one("#concept-list", OptionList)
        for index in range(concepts.option_count):
            if concepts.get_option_at_index(index).id == item_id:
                concepts.highlighted = index
                return
        checklist = self.query_one(ChecklistView)
        for index in range(checklist.option_count):
            if checklist.get_option_at_index(index).value == item_id:
                checklist.highlighted = index
                return

    def show_section(self, section: Section) -> None:
        """Fill every tab with `section`'s content."""
        self.section = section
        self.advisor.last_section = section.id
        concepts = self.query_one("#concept-list", OptionList)
        concepts.clear_options()
        concepts.add_options(
            [
                Option(Content.styled("Introduction", "italic"), id=""),
                *(Option(Hanging(Content(c.title), indent=2), id=c.id) for c in section.concepts),
            ]
        )
        concepts.highlighted = 0
        self.query_one("#concept-text", GuideText).show(section_intro_markdown(section))
        done = self.advisor.store.done_items()
        self.query_one(ChecklistView).set_items(((item, None) for item in section.checklist), done)
        self.query_one("#exercises-text", GuideText).show(exercises_markdown(section))
        self.query_one("#resources-text", GuideText).show(resources_markdown(section))
        for reader in self.query(VerticalScroll):
            reader.scroll_home(animate=False)
        self._update_title(done)
        self.load_mastery()
        self.refresh(layout=True)  # in the coming frame, not after the widgets' requests reach the screen

    @on(OptionList.OptionHighlighted, "#concept-list")
    def _show_concept(self, event: OptionList.OptionHighlighted) -> None:
        concept_id = event.option.id or ""
        concept = next((c for c in self.section.concepts if c.id == concept_id), None)
        text = concept_markdown(concept) if concept else section_intro_markdown(self.section)
        self.query_one("#concept-text", GuideText).show(text)
        self.query_one("#concept-reader", VerticalScroll).scroll_home(animate=False)

    @on(OptionList.OptionSelected, "#concept-list")
    def _read_concept(self) -> None:
        self.query_one("#concept-reader", VerticalScroll).focus()

    def _update_title(self, done: set[str]) -> None:
        self.sub_title = f"{self.section.title} · checklist {count_items(self.section.checklist, done)}"

    def on_progress_saved(self, _: ProgressSaved) -> None:
        self._update_title(self.advisor.store.done_items())

    def on_tick_changed(self, _: TickChanged) -> None:
        # the count follows the tick at once; the store catches up on its writer thread
        self._update_title(set(self.query_one(ChecklistView).selected))

    def action_tab(self, tab: str) -> None:
        self.query_one(ContentSwitcher).current = tab
        self.query_one(TabStrip).active = tab
        self._focus_tab(tab)

    def _focus_tab(self, tab: str) -> None:
        self.query_one("#concept-list" if tab == "concepts" else f"#{tab}").focus()

    def action_step(self, delta: int) -> None:
        sections = self.advisor.catalog.sections
        i = next(i for i, s in enumerate(sections) if s.id == self.section.id)
        j = i + delta
        if 0 <= j < len(sections):
            self.show_section(sections[j])
        else:
            self.notify("That was the " + ("last" if delta > 0 else "first") + " section.", severity="information")
