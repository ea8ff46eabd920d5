"""Home: the three paths through the tool and progress at a glance."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

_PATHS = (
    ("learn", "Learn", "read the guide, its tables and your checklist", True),
    ("advise", "Advise", "describe a workload, get a recommendation you can defend", True),
    ("quiz", "Quiz", "test yourself, and review what you are about to forget", True),
)


class HomeScreen(Screen[None]):
    """The first screen: where to go, and how far the user has got."""

    BINDINGS = [
        Binding("l", "app.open('learn')", "Learn"),
        Binding("a", "app.open('advise')", "Advise"),
        Binding("q", "app.open('quiz')", "Quiz"),
    ]

    def compose(self) -> ComposeResult:
        guide = self.app.catalog.guide
        yield Header()
        with Vertical(id="home"):
            yield Static(Text(guide.title, style="bold"), id="home-title")
            yield Static(Text(guide.summary), id="home-summary")
            options = []
            for key, name, blurb, ready in _PATHS:
                prompt = Text.assemble((f"{name:<8}", "bold" if ready else "dim bold"), (blurb, "" if ready else "dim"))
                options.append(Option(prompt, id=key))
            yield OptionList(*options, id="paths")
            yield Static(id="progress-label")
            yield ProgressBar(id="progress", show_eta=False)
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_progress()

    def on_screen_resume(self) -> None:
        self.refresh_progress()

    def refresh_progress(self) -> None:
        """Re-read the checklist totals (called when the screen shows again)."""
        done, total = self.app.checklist_totals()
        from advisor.quiz.session import due_questions

        due = len(due_questions(self.app.catalog, self.app.store))
        self.query_one("#progress-label", Static).update(
            Text.assemble(
                f"Learning checklist: {done} of {total} items done · ",
                (f"{due} quiz question(s) due for review", "bold" if due else "dim"),
            )
        )
        self.query_one("#progress", ProgressBar).update(total=total, progress=done)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_choose(event.option.id or "")

    def action_choose(self, path: str) -> None:
        self.app.action_open(path)

