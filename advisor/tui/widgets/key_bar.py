"""The key bar: the bindings that work now, in one line at the bottom of every screen.

Textual's Footer mounts a widget per key and rebuilds them all whenever the bindings change
(every focus change and every screen); that cost most of a screen change here. This is one
widget that re-renders its line instead. Keys are clickable, as in the Footer.
"""

from __future__ import annotations

from textual.content import Content
from textual.style import Style
from textual.widgets import Static


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
        """Draw the keys of the bindings active on this screen now.

        The screen's own keys come first; the app's (help, theme, quit) and the palette key follow
        where they fit, help first: it lists every key anyway.
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
            if node is app:
                rank = {"help": 0, "toggle_theme": 1, "quit": 2, "command_palette": 3}.get(binding.action, 4)
                general.append((rank, item))
            else:
                own.append(item)
        parts = own
        for _, item in sorted(general, key=lambda pair: pair[0]):
            if sum(p.cell_length + 1 for p in parts) + item.cell_length <= self.size.width:
                parts = [*parts, item]
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
