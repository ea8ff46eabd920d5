"""The help dialog: the keys of the screen it opens over, then the app's, from the bindings themselves."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from advisor.tui.screens.base import AdvisorDialog, AdvisorScreen
from advisor.tui.widgets.guide_text import GuideText
from advisor.tui.widgets.hanging_text import HangingText, Paragraph

_ABOUT = """\
Every screen is in the command palette (`ctrl+p`), with each section of the guide and the
questions due for review. Ticks, quiz answers, your Advise answers and the theme are kept in a
database in your user data folder (or `$ADVISOR_HOME`); `advisor progress --export FILE.json`
saves a copy.
"""
_NAMES = {"question_mark": "?", "left": "←", "right": "→", "up": "↑", "down": "↓", "escape": "esc"}
_KEY_COLUMN = 20  # wide enough for "ctrl+o / ctrl+s" on one line; a longer key pushes its text along


def key_names(key: str) -> str:
    """A binding's keys as the help shows them: 'left,b' → '← / b'."""
    return " / ".join(_NAMES.get(k.strip(), k.strip()) for k in key.split(","))


def key_rows(screen: Screen[Any]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(keys of this screen, keys that work everywhere), each as (keys, what they do).

    The screen's are the bindings active on it (its focused widget's, its own) and its
    `KEY_NOTES`; everywhere's are the app's bindings, Tab and the command palette.
    """
    app = screen.app
    own: list[tuple[str, str]] = []
    everywhere: list[tuple[str, str]] = []
    keys: dict[str, list[str]] = {}  # action → its keys, in binding order
    found: dict[str, tuple[Binding, bool]] = {}
    # every namespace, not `active_bindings`: there a focused list's hidden ← hides the screen's ←
    for node, bindings in screen._modal_binding_chain:
        for key, binding in bindings:
            if not binding.show or not binding.description or key == app.COMMAND_PALETTE_BINDING:
                continue
            if key not in keys.setdefault(binding.action, []):
                keys[binding.action].append(key)
            found.setdefault(binding.action, (binding, node is app))
    order = {"help": 0, "toggle_theme": 1, "quit": 2}  # the app's keys as the key bar shows them
    for action, (binding, general) in sorted(found.items(), key=lambda a: a[1][1] and order.get(a[0], 3)):
        if action != "app.focus_next":  # Tab is listed last, below
            # the key bar has room for a word or two; help gives the tooltip, the longer account, if any
            (everywhere if general else own).append(
                (key_names(",".join(keys[action])), binding.tooltip or binding.description)
            )
    if isinstance(screen, AdvisorScreen):
        own += screen.KEY_NOTES
    if "app.focus_next" in found:
        own.append(("tab", found["app.focus_next"][0].description))
    everywhere.append(("tab / shift+tab", "move to the next (previous) part of the screen"))
    everywhere.append(("ctrl+p", "command palette: open any screen, or search the guide by words"))
    return own, everywhere


def _table(rows: list[tuple[str, str]]) -> list[Paragraph]:
    return [(Content.styled(keys.ljust(_KEY_COLUMN), "bold"), Content(what)) for keys, what in rows]


class HelpScreen(AdvisorDialog[None]):
    """Keys, in a dialog over the current screen: its own first, then those that work everywhere."""

    DEFAULT_CSS = """
    HelpScreen > VerticalScroll {
        width: 80%;
        max-width: 90;
        height: 80%;
        padding: 0 1;
    }
    HelpScreen .help-note {
        margin-top: 1;
    }
    HelpScreen .help-heading {
        text-style: bold;
        color: $text-accent;
        margin-top: 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,question_mark,q", "dismiss", "Close")]

    def __init__(self, over: Screen[Any]) -> None:
        super().__init__()
        self.over = over

    def compose(self) -> ComposeResult:
        title = self.over.sub_title or "Home"
        own, everywhere = key_rows(self.over)
        with VerticalScroll(id="help"):
            yield Static(Content.assemble((f"Keys: {title}", "bold $text-accent")))
            yield Static(Content.styled("esc, ? or q closes this help.", "$foreground-muted"))
            yield Static(Content("On this screen"), classes="help-heading")
            yield HangingText(_table(own), id="help-screen-keys")
            if isinstance(self.over, AdvisorScreen) and self.over.HELP_NOTE:
                yield Static(Content.styled(self.over.HELP_NOTE, "$foreground-muted"), classes="help-note")
            yield Static(Content("Everywhere"), classes="help-heading")
            yield HangingText(_table(everywhere), id="help-app-keys")
            yield Static(Content(""))
            yield GuideText(_ABOUT)
