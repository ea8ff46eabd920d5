"""The base of every advisor screen: typed access to the app, and what the help dialog shows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar, TypeVar, cast

from textual.app import SystemCommand
from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from advisor.tui.app import AdvisorApp

ResultType = TypeVar("ResultType")


class AdvisorScreen(Screen[None]):
    """A full screen of the app; `advisor` is the app with its catalog, store and writer.

    The help dialog lists the screen's bindings; `KEY_NOTES` adds the keys no single binding
    describes (number keys, typing), as (keys, what they do).
    """

    KEY_NOTES: ClassVar[list[tuple[str, str]]] = []

    @property
    def advisor(self) -> AdvisorApp:
        return cast("AdvisorApp", self.app)

    def palette_commands(self) -> Iterable[SystemCommand]:
        """Commands this screen adds to the command palette while it is shown."""
        return ()


class AdvisorDialog(ModalScreen[ResultType]):
    """A dialog over the current screen, dismissed with a result; its one child is the framed box."""

    DEFAULT_CSS = """
    AdvisorDialog {
        align: center middle;
    }
    AdvisorDialog > * {
        width: 70%;
        max-width: 80;
        height: auto;
        border: thick $accent;
        background: $surface;
        padding: 1 2;
    }
    """

    @property
    def advisor(self) -> AdvisorApp:
        return cast("AdvisorApp", self.app)
