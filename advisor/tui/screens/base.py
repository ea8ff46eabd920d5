"""The base of every advisor screen: typed access to the app, and what the help dialog shows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar, TypeVar, cast

from textual.app import SystemCommand
from textual.screen import ModalScreen, Screen

from advisor.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from advisor.tui.app import AdvisorApp

ResultType = TypeVar("ResultType")


class AdvisorScreen(Screen[None]):
    """A full screen of the app; `advisor` is the app with its catalog, store and writer.

    The help dialog lists the screen's bindings; `KEY_NOTES` adds the keys no single binding
    describes (number keys, typing), as (keys, what they do), and `HELP_NOTE` a line of prose
    (what a figure on the screen means).
    """

    KEY_NOTES: ClassVar[list[tuple[str, str]]] = []
    HELP_NOTE: ClassVar[str] = ""

    @property
    def advisor(self) -> AdvisorApp:
        return cast("AdvisorApp", self.app)

    def palette_commands(self) -> Iterable[SystemCommand]:
        """Commands this screen adds to the command palette while it is shown."""
        return ()


class AdvisorDialog(ModalScreen[ResultType]):
    """A dialog over the current screen, dismissed with a result; its child is the framed box.

    It has a key bar of its own: the keys that work in the dialog, not those of the screen beneath.
    """

    DEFAULT_CSS = """
    AdvisorDialog {
        align: center middle;
    }
    /* `Widget`, not `*`: a type selector outranks Vertical's own `width: 1fr; height: 1fr` */
    AdvisorDialog > Widget {
        width: 70%;
        max-width: 80;
        height: auto;
        border: thick $accent;
        background: $surface;
        padding: 1 2;
    }
    AdvisorDialog > KeyBar {
        width: 1fr;
        max-width: 100%;
        height: 1;
        border: none;
        background: $footer-background;
        padding: 0;
    }
    """

    def on_mount(self) -> None:
        self.mount(KeyBar())

    @property
    def advisor(self) -> AdvisorApp:
        return cast("AdvisorApp", self.app)
