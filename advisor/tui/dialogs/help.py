"""The help dialog: the keys of the screen it opens over, generated from the bindings, and a little prose."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen

from advisor.text.markdown import inline
from advisor.tui.screens.base import AdvisorDialog, AdvisorScreen
from advisor.tui.widgets.guide_text import GuideText

_ABOUT = """\
## Everywhere

Every screen is in the command palette (`ctrl+p`), with each section of the guide and the
questions due for review. Ticks, quiz answers and your Advise answers are kept in a database in
your user data folder (or `$ADVISOR_HOME`); `advisor progress --export FILE.json` saves a copy.
"""


def _key(binding: Binding) -> str:
    keys = [k.strip() for k in binding.key.split(",")]
    names = {"question_mark": "?", "left": "←", "right": "→", "up": "↑", "down": "↓"}
    return " / ".join(f"`{names.get(k, k)}`" for k in keys)


def keys_table(screen: Screen[Any], app_bindings: list[BindingType]) -> str:
    """A Markdown table of the keys that work on `screen`: its bindings, its notes, the app's."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    bindings = [b for b in [*getattr(screen, "BINDINGS", []), *app_bindings] if isinstance(b, Binding)]
    for binding in bindings:
        if binding.description and binding.key not in seen and binding.show:
            seen.add(binding.key)
            rows.append((_key(binding), binding.description))
    if isinstance(screen, AdvisorScreen):
        rows += [(f"`{keys}`", what) for keys, what in screen.KEY_NOTES]
    rows.append(("`ctrl+p`", "command palette: jump to any screen"))
    lines = ["| Key | Does |", "| --- | --- |", *(f"| {keys} | {inline(what)} |" for keys, what in rows)]
    return "\n".join(lines)


class HelpScreen(AdvisorDialog[None]):
    """Keys, in a dialog over the current screen."""

    DEFAULT_CSS = """
    HelpScreen > VerticalScroll {
        width: 80%;
        max-width: 90;
        height: 80%;
        padding: 0 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,question_mark,q", "dismiss", "Close")]

    def __init__(self, over: Screen[Any]) -> None:
        super().__init__()
        self.over = over

    def compose(self) -> ComposeResult:
        title = self.over.sub_title or "Home"
        text = f"# Keys: {inline(title)}\n\n{keys_table(self.over, self.app.BINDINGS)}\n\n{_ABOUT}"
        with VerticalScroll(id="help"):
            yield GuideText(text)
