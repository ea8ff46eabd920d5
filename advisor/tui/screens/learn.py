"""Learn: the sections with their progress, and the guide's reference pages."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown, OptionList
from textual.widgets.option_list import Option

from advisor.learn.markdown import inline

# The reference pages, in the order a reader meets them; ids are app.action_open targets.
PAGES = (
    ("matrix", "Decision matrix", "Six technologies by complexity, cost at scale and best fit."),
    ("comparison", "REST · GraphQL · gRPC", "The three API styles side by side."),
    ("use-cases", "Use and avoid", "When to reach for each technology, and when not to."),
    ("benchmarks", "Payload and latency", "The guide's illustrative size and latency figures."),
    ("checklist", "Learning checklist", "Every checklist item of the guide in one list."),
    ("overview", "About this guide", "Prerequisites, setup, timeline, completion criteria."),
)


class LearnScreen(Screen[None]):
    """Pick a section or a reference page; the right pane previews it."""

    BINDINGS = [
        Binding("escape", "app.back", "Back"),
        Binding("m", "app.open('matrix')", "Matrix"),
        Binding("c", "app.open('comparison')", "Compare APIs"),
        Binding("u", "app.open('use-cases')", "Use/avoid"),
        Binding("b", "app.open('benchmarks')", "Figures"),
        Binding("k", "app.open('checklist')", "Checklist"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="learn"):
            yield OptionList(id="learn-index")
            with VerticalScroll(id="learn-preview"):
                yield Markdown(id="preview")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Learn"
        self._fill()
        self.query_one("#learn-index", OptionList).focus()

    def on_screen_resume(self) -> None:
        self._fill()

    def _fill(self) -> None:
        index = self.query_one("#learn-index", OptionList)
        keep = index.highlighted
        done = self.app.store.done_items()
        index.clear_options()
        options: list[Option | None] = []
        for section in self.app.catalog.sections:
            n = sum(1 for item in section.checklist if item.id in done)
            complete = n == len(section.checklist)
            prompt = Text.assemble(
                (f"{n:>2}/{len(section.checklist):<2} ", "green" if complete else "dim"), section.title
            )
            options.append(Option(prompt, id=f"section:{section.id}"))
        options.append(None)
        options += [Option(Text(title), id=page) for page, title, _ in PAGES]
        index.add_options(options)
        index.highlighted = keep if keep is not None else 0

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.query_one("#preview", Markdown).update(self._preview(event.option.id or ""))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.app.action_open(event.option.id or "")

    def _preview(self, target: str) -> str:
        if target.startswith("section:"):
            section = self.app.catalog.section(target.removeprefix("section:"))
            done = self.app.store.done_items()
            n = sum(1 for item in section.checklist if item.id in done)
            lines = [f"# {inline(section.title)}", "", inline(section.summary), ""]
            lines += [f"- **{inline(t.title)}**: {inline(t.summary)}" for t in section.topics]
            lines += [
                "",
                f"{len(section.concepts)} key concepts · {len(section.exercises)} exercise(s) · "
                f"checklist {n}/{len(section.checklist)}",
                "",
                "*Enter to read.*",
            ]
            return "\n".join(lines)
        for page, title, blurb in PAGES:
            if page == target:
                return f"# {title}\n\n{blurb}\n\n*Enter to open.*"
        return ""
