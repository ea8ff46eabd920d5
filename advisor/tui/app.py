"""The Textual application: wiring only (catalog, store and its writer, navigation, commands, themes)."""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from advisor.reports.formats import FORMATS
from advisor.store import ProgressStore
from advisor.tui.messages import CatalogLoaded, ProgressSaved, ThemeChanged, TickChanged
from advisor.tui.navigation import DESTINATIONS, screen_for
from advisor.tui.recent import RecentFiles
from advisor.tui.start import Start
from advisor.tui.store_writer import StoreWriter
from advisor.tui.themes import DARK, LIGHT, THEMES

if TYPE_CHECKING:  # the catalog (pydantic and every model) may load after the first frame
    from textual.command import Provider
    from textual.driver import Driver

    from advisor.learn.search import Entry
    from advisor.loading.cache import Digest
    from advisor.loading.catalog import Catalog


THEME_SETTING = "theme"  # the store's setting that keeps the theme chosen last
_TEXTUAL_COMMANDS_LEFT_OUT = {"Keys", "Maximize", "Minimize", "Theme"}


def _guide_search() -> type[Provider]:
    # imported when the palette first opens, not at start-up
    from advisor.tui.guide_search import GuideSearch

    return GuideSearch


class AdvisorApp(App[None]):
    """`advisor` in the terminal. The catalog is read-only; the store is the only writer."""

    TITLE = "advisor"
    CSS_PATH = "app.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]  # noqa: RUF012 - Textual's own declaration
    COMMANDS = App.COMMANDS | {_guide_search}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help"),
        Binding("t", "toggle_theme", "Theme"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(
        self,
        catalog: Catalog | Callable[[], Catalog],
        store: ProgressStore,
        *,
        start: Start | None = None,
        digest: Digest | None = None,
    ) -> None:
        """`catalog` may be a loader: the app then draws Home from `digest` (what a valid cache
        says Home needs) and loads the catalog on a thread once the first frame is on screen."""
        super().__init__()
        self._catalog: Catalog | None = None
        self._load: Callable[[], Catalog] | None = None
        if callable(catalog):
            self._load = catalog
        else:
            self._catalog = catalog
        self._loading: Future[Catalog] | None = None
        self.digest = digest
        self.load_error: BaseException | None = None
        self._guide_index: list[Entry] | None = None  # the palette's search of the guide, built once
        self.last_section: str | None = None  # the section read last, for Learn to show where the reader was
        self.store = store
        self.start = start or Start()
        self.writer = StoreWriter(self.call_from_thread, self._write_failed)
        self.recent = RecentFiles.kept_in(store, set(FORMATS))
        for theme in THEMES.values():
            self.register_theme(theme)
        saved = store.setting(THEME_SETTING)
        self.theme = saved if saved in THEMES else DARK
        # No animations: a key should show its result in the next frame, not slide towards it
        # (the tab underline alone repainted the screen sixty times a second for 300 ms).
        self.animation_level = "none"

    @property
    def catalog(self) -> Catalog:
        """The guide, rules and quizzes; waits for the background load if it is still running."""
        if self._catalog is None:
            if self._loading is None:
                assert self._load is not None
                self._catalog = self._load()
            else:
                self._catalog = self._loading.result()
        return self._catalog

    @property
    def catalog_loaded(self) -> bool:
        """Whether the catalog is in (a background load that failed is not)."""
        if self._catalog is not None:
            return True
        return self._loading is not None and self._loading.done() and self._loading.exception() is None

    def _load_in_background(self) -> None:
        if self._catalog is not None or self._load is None or self._loading is not None:
            return
        self._loading = ThreadPoolExecutor(max_workers=1, thread_name_prefix="advisor-catalog").submit(self._load)
        self._loading.add_done_callback(lambda _: self._on_app_thread(self._loaded))

    def _loaded(self) -> None:
        assert self._loading is not None
        error = self._loading.exception()
        if error is not None:  # the files changed under us between the check and the load
            self.load_error = error
            self.exit(return_code=2)  # exit_codes.USAGE, which the CLI returns too (the TUI may not import it)
            return
        self.screen.post_message(CatalogLoaded())

    def get_driver_class(self) -> type[Driver]:
        """Textual's choice, made to end the app when what it talks to goes: under textual-serve its
        web driver (the server), in a terminal on Linux its own driver (the terminal)."""
        driver = super().get_driver_class()
        if driver.__module__ == "textual.drivers.web_driver":
            from advisor.tui.served_driver import ServedDriver

            return ServedDriver
        # Linux only: macOS's poll() does not take terminals (it answers POLLNVAL at once)
        if driver.__module__ == "textual.drivers.linux_driver" and sys.platform.startswith("linux"):
            from advisor.tui.terminal_driver import TerminalDriver

            return TerminalDriver
        return driver

    def get_default_screen(self) -> Screen[Any]:
        from advisor.tui.screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, lambda _: self._theme_changed())
        start = self.start
        if start.screen == "learn":
            self.action_open("learn")
            if start.section:
                self.action_open(f"section:{start.section}")
        elif start.screen == "advise" and start.quick:
            from advisor.tui.screens.advise import AdviseScreen

            self.push_screen(AdviseScreen(quick=True))
        elif start.screen == "advise":
            self.action_open("advise")
        elif start.screen == "quiz":
            from advisor.tui.screens.quiz import QuizChooser

            self.push_screen(QuizChooser(start.quiz))
        for warning in self.store.warnings:
            self._show_warning(warning)
        self.store.on_warning = self._store_warning
        self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        """What Home does not need to be drawn: the catalog, the guide text's styles, a tidy heap."""
        self._load_in_background()
        self._markdown_theme()
        # Move what start-up built out of the cyclic collector's sight: it lives as long as the
        # app, and scanning it again and again is what made the slowest key presses slow.
        gc.collect()
        gc.freeze()

    def _show_warning(self, warning: str) -> None:
        self.notify(warning, title="Progress store", severity="warning", timeout=15, markup=False)

    def _write_failed(self, exc: Exception) -> None:
        self._show_warning(f"could not save that to {self.store.path}: {exc}")

    def _store_warning(self, warning: str) -> None:
        """Warnings raised later (a folder that stops taking writes) arrive from the writer thread."""
        self._on_app_thread(self._show_warning, warning)

    def _on_app_thread(self, callback: Callable[..., object], *args: object) -> None:
        """Run `callback` on the app's event loop, whichever thread asks."""
        if threading.get_ident() == self._thread_id:
            callback(*args)
        else:
            self.call_from_thread(callback, *args)

    # --- navigation ----------------------------------------------------------------------

    def action_open(self, target: str) -> None:
        """Show `target` (see `navigation`); 'home' goes back to Home, the first screen."""
        if target == "home":
            while len(self.screen_stack) > 1:
                self.pop_screen()
            return
        screen = screen_for(self, target)
        if screen is not None:
            self.push_screen(screen)

    def action_help(self) -> None:
        from advisor.tui.dialogs.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_toggle_theme(self) -> None:
        """Switch between the app's dark and light themes; the choice is kept for the next start."""
        self.theme = theme = LIGHT if self.theme == DARK else DARK
        store = self.store
        self.writer.submit(lambda: store.set_setting(THEME_SETTING, theme))

    def _theme_changed(self) -> None:
        """Tell every screen in the stack, shown or not.

        Screens are told rather than left to watch `App.theme`: a watcher on the app is only
        dropped when the theme next changes, so it would keep every closed screen alive till then.
        """
        self._markdown_theme(again=True)
        for screen in self.screen_stack:
            screen.post_message(ThemeChanged())

    def _markdown_theme(self, *, again: bool = False) -> None:
        """Guide text is Rich Markdown: give its styles the colours of the theme in use."""
        from advisor.tui.widgets.guide_text import GuideText, use_markdown_theme

        use_markdown_theme(self, again=again)
        for screen in self.screen_stack:  # every screen's, shown or not
            for text in screen.query(GuideText):
                text.refresh(layout=True)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        # Textual's own entries, less those that are not for this app's users: its key panel and
        # widget maximising (help lists the keys), and its theme list (the app offers the two
        # themes it checks for contrast, with its own toggle below).
        for command in super().get_system_commands(screen):
            if command.title not in _TEXTUAL_COMMANDS_LEFT_OUT:
                yield command
        yield SystemCommand("Home", "The start screen", lambda: self.action_open("home"))
        for destination in DESTINATIONS.values():
            if destination.palette:
                yield SystemCommand(
                    destination.title, destination.blurb, lambda d=destination.name: self.action_open(d)
                )
        for section in self.catalog.sections:
            yield SystemCommand(
                f"Read: {section.title}", section.summary, lambda s=section.id: self.action_open(f"section:{s}")
            )
        yield SystemCommand(
            "Quiz: questions due for review", "Spaced repetition: what you are about to forget", self._due_review
        )
        screen_commands = getattr(screen, "palette_commands", None)
        if screen_commands is not None:
            yield from screen_commands()
        yield SystemCommand("Help", "Keys and where progress is kept", self.action_help)
        yield SystemCommand("Toggle dark/light theme", "Switch the colour theme", self.action_toggle_theme)

    def _due_review(self) -> None:
        from advisor.quiz.session import QuizPlan
        from advisor.tui.screens.quiz import QuizChooser

        self.push_screen(QuizChooser(QuizPlan(due=True)))

    # --- the store ---------------------------------------------------------------------

    async def writes_done(self) -> None:
        """Wait until every write submitted so far has reached the store (tests)."""
        await self.writer.done()

    def on_unmount(self) -> None:
        self.writer.close()  # nothing the user did is dropped on quit

    def on_tick_changed(self, message: TickChanged) -> None:
        self.writer.submit(
            lambda: self.store.set_tick(message.item_id, message.done),
            lambda _: self.screen.post_message(ProgressSaved()),
        )
