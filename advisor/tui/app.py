"""The Textual application: wiring only (catalog, store, screens, commands, themes)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from advisor.loading.catalog import Catalog
from advisor.store import ProgressStore
from advisor.tui.messages import ProgressSaved, TickChanged

DARK, LIGHT = "textual-dark", "textual-light"


class AdvisorApp(App[None]):
    """`advisor` in the terminal. The catalog is read-only; the store is the only writer."""

    TITLE = "advisor"
    CSS_PATH = "app.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]
    BINDINGS = [
        Binding("question_mark", "help", "Help"),
        Binding("t", "toggle_theme", "Theme"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(
        self, catalog: Catalog, store: ProgressStore, *, section: str | None = None, start: str | None = None
    ) -> None:
        super().__init__()
        self.catalog = catalog
        self.store = store
        self.start_section = section
        self.start = start
        # One thread for every write to the store: off the event loop, and in the order the user
        # acted, so a quick tick-untick can never be saved the wrong way round.
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="advisor-store")
        self.theme = DARK

    def on_mount(self) -> None:
        from advisor.tui.screens.home import HomeScreen

        self.push_screen(HomeScreen())
        if self.start_section:
            self.action_open("learn")
            self.action_open(f"section:{self.start_section}")
        elif self.start and self.start.startswith("quiz"):
            self.action_open("quiz")
            if self.start != "quiz":
                self.call_after_refresh(self._start_quiz, self.start)
        elif self.start:
            self.action_open(self.start)
        for warning in self.store.warnings:
            self.notify(warning, title="Progress store", severity="warning", timeout=15, markup=False)
        self.store.on_warning = self._store_warning

    def _store_warning(self, warning: str) -> None:
        """Warnings raised later (a folder that stops taking writes) arrive from worker threads."""
        show = lambda: self.notify(warning, title="Progress store", severity="warning", timeout=15, markup=False)  # noqa: E731
        if threading.get_ident() == self._thread_id:
            show()
        else:
            self.call_from_thread(show)

    # --- navigation ----------------------------------------------------------------------

    def make_screen(self, target: str) -> Screen[None] | None:
        """The screen for a navigation target such as 'learn' or 'section:serverless'."""
        if target == "learn":
            from advisor.tui.screens.learn import LearnScreen

            return LearnScreen()
        if target == "advise":
            from advisor.tui.screens.advise import AdviseScreen

            return AdviseScreen()
        if target == "quiz":
            from advisor.tui.screens.quiz import QuizChooser

            return QuizChooser()
        if target == "milestones":
            from advisor.tui.screens.milestones import MilestonesScreen

            return MilestonesScreen()
        if target.startswith("section:"):
            from advisor.tui.screens.section import SectionScreen

            return SectionScreen(self.catalog.section(target.removeprefix("section:")))
        if target in ("matrix", "comparison", "benchmarks"):
            from advisor.tui.screens import reference

            return {"matrix": reference.MatrixScreen, "comparison": reference.ComparisonScreen,
                    "benchmarks": reference.BenchmarksScreen}[target]()
        if target == "checklist":
            from advisor.tui.screens.checklist import ChecklistScreen

            return ChecklistScreen()
        if target in ("use-cases", "overview"):
            from advisor.learn import markdown as guide_markdown
            from advisor.tui.screens.pages import MarkdownPage

            if target == "overview":
                return MarkdownPage("About this guide", guide_markdown.overview_parts(self.catalog.guide))
            names = {row.id: row.name for row in self.catalog.matrix.technologies}
            return MarkdownPage("Use and avoid", guide_markdown.use_case_parts(self.catalog.use_cases, names))
        return None

    def action_open(self, target: str) -> None:
        """Show `target`; 'home' unwinds to the first screen."""
        if target == "home":
            while len(self.screen_stack) > 2:
                self.pop_screen()
            return
        screen = self.make_screen(target)
        if screen is not None:
            self.push_screen(screen)

    def _start_quiz(self, start: str) -> None:
        """`advisor quiz grpc edge` or `advisor quiz --due`: straight into the questions."""
        from advisor.tui.screens.quiz import QuizChooser

        chooser = self.screen
        if isinstance(chooser, QuizChooser):
            if start == "quiz-due":
                chooser.action_due()
            else:
                chooser.start_with(start.removeprefix("quiz:").split(","))

    def _due_review(self) -> None:
        self.action_open("quiz")
        self.call_after_refresh(self._start_quiz, "quiz-due")

    def action_back(self) -> None:
        if len(self.screen_stack) > 2:  # the default screen and Home stay
            self.pop_screen()

    def action_help(self) -> None:
        from advisor.tui.dialogs.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.theme == DARK else DARK

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Home", "The start screen", lambda: self.action_open("home"))
        yield SystemCommand("Learn", "Sections and reference pages", lambda: self.action_open("learn"))
        yield SystemCommand("Advise", "Describe a workload, get a recommendation", lambda: self.action_open("advise"))
        yield SystemCommand("Quiz", "Test yourself on a section, or review what is due", lambda: self.action_open("quiz"))
        for section in self.catalog.sections:
            yield SystemCommand(
                f"Read: {section.title}", section.summary, lambda s=section.id: self.action_open(f"section:{s}")
            )
        from advisor.tui.screens.learn import PAGES

        for page, title, blurb in PAGES:
            yield SystemCommand(title, blurb, lambda p=page: self.action_open(p))
        yield SystemCommand("Quiz: questions due for review", "Spaced repetition: what you are about to forget", self._due_review)
        from advisor.tui.screens.recommendation import RecommendationScreen

        if isinstance(screen, RecommendationScreen):
            yield SystemCommand("Export the recommendation", "Markdown, HTML, JSON or an ADR", screen.action_export)
            yield SystemCommand("Keep the recommendation", "Save it as a milestone to compare later", screen.action_keep)
        yield SystemCommand("Kept recommendations", "Compare two milestones", lambda: self.action_open("milestones"))
        yield SystemCommand("Help", "Keys and where progress is kept", self.action_help)
        yield SystemCommand("Toggle dark/light theme", "Switch the colour theme", self.action_toggle_theme)

    # --- progress ----------------------------------------------------------------------

    def checklist_totals(self) -> tuple[int, int]:
        """(items ticked, items in all) over the whole guide."""
        done = self.store.done_items()
        items = [item.id for _, item in self.catalog.checklist()]
        return sum(1 for i in items if i in done), len(items)

    def mastery(self) -> dict[str, float]:
        """Recall per checklist item from the quiz history, where there is enough evidence."""
        from datetime import datetime, timezone

        from advisor.quiz.scheduling import card_states, mastery

        questions = [q for quiz in self.catalog.quizzes for q in quiz.questions]
        tested: dict[str, list[str]] = {}
        for q in questions:
            for item in q.tests:
                tested.setdefault(item, []).append(q.id)
        states = card_states(((q.id, q.revision) for q in questions), self.store.answers())
        return mastery(tested, states, datetime.now(timezone.utc))

    def write(self, action: Callable[[], Any], then: Callable[[Any], None] | None = None) -> None:
        """Run a store write on the writer thread; `then(result)` runs back on the event loop."""

        def run() -> None:
            result = action()
            if then is not None:
                self.call_from_thread(then, result)

        self._writer.submit(run)

    async def writes_done(self) -> None:
        """Wait until every write submitted so far has reached the store (tests, shutdown)."""
        await asyncio.wrap_future(self._writer.submit(lambda: None))

    def on_unmount(self) -> None:
        self._writer.shutdown(wait=True)  # nothing the user did is dropped on quit

    def on_tick_changed(self, message: TickChanged) -> None:
        self.write(
            lambda: self.store.set_tick(message.item_id, message.done),
            lambda _: self.screen.post_message(ProgressSaved()),
        )
