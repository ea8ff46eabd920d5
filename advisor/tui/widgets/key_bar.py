"""The key bar: the bindings that work now, in one line at the bottom of every screen.

Textual's Footer mounts a widget per key and rebuilds them all whenever the bindings change
(every focus change and every screen); that cost most of a screen change here. This is one
widget that re-renders its line instead. Keys are clickable, as in the Footer.
"""

from __future__ import annotations

from textual.content import Content
from textual.style import Style
from textual.widgets import Static

# Keys that work alike on every screen, in the order they are kept when the line is short; a
# screen's Tab ("switch pane") is one of them, after help: the screen's own keys come first.
_GENERAL = {"help": 0, "app.focus_next": 1, "toggle_theme": 2, "quit": 3, "command_palette": 4}


class KeyBar(Static):
    """The keys of the bindings active on the screen, its own first."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        width: 1fr;
        background: $footer-background;
        color: $footer-foreground;
        link-style: bold;
        link-color: $footer-key-foreground;
        link-style-hover: bold reverse;
        link-color-hover: $footer-key-foreground;
        link-background-hover: $footer-background;
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, lambda _: self.refresh_keys())
        self.refresh_keys()

    def refresh_keys(self) -> None:
        """Draw the keys of the bindings active on this screen now, on one line, each key whole.

        The screen's own keys come first, then the general ones (help, tab, theme, quit, palette).
        When they do not all fit, keys are left out whole, the general ones first: help is always
        shown (it lists every key anyway), then the screen's keys in order, then the rest.
        """
        app = self.app
        own: list[Content] = []
        general: list[tuple[int, Content]] = []
        seen: set[str] = set()
        for key, (node, binding, enabled, _tooltip) in self.screen.active_bindings.items():
            palette = key == app.COMMAND_PALETTE_BINDING  # Textual hides it from footers and shows it apart
            if (not binding.show and not palette) or binding.action in seen:
                continue
            seen.add(binding.action)
            description = "palette" if palette else binding.description
            item = self._key(app.get_key_display(binding), description, key, enabled)
            rank = _GENERAL.get(binding.action)
            if node is app or rank is not None:
                general.append((5 if rank is None else rank, item))
            else:
                own.append(item)
        general.sort(key=lambda pair: pair[0])
        helps = [item for rank, item in general if rank == 0]
        others = [item for rank, item in general if rank != 0]
        shown: set[int] = set()
        used = -1  # no separator before the first key
        for n, item in enumerate([*helps, *own, *others]):
            if n < len(helps) or used + 1 + item.cell_length <= self.size.width:
                shown.add(id(item))
                used += 1 + item.cell_length
        parts = [item for item in [*own, *helps, *others] if id(item) in shown]
        self.update(Content(" ").join(parts), layout=False)  # one line, always: no layout pass

    @staticmethod
    def _key(display: str, description: str, key: str, enabled: bool) -> Content:
        # the key is a link that presses it, as in Textual's footer
        pressed = Style.from_meta({"@click": f"app.simulate_key({key!r})"})
        key_part = Content.styled(f" {display}", "bold" if enabled else "dim").stylize(pressed)
        return Content.assemble(
            key_part, Content.styled(f" {description}" if description else "", "" if enabled else "dim")
        )

    def on_resize(self) -> None:
        self.refresh_keys()
