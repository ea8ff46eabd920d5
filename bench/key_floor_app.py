"""The floor for key-to-screen latency: a Textual app whose only work on a key is to change one Static."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class KeyFloor(App[None]):
    BINDINGS = [("n", "next", "Next")]  # noqa: RUF012 - Textual's own declaration

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def compose(self) -> ComposeResult:
        yield Static("ready 0", id="text")

    def action_next(self) -> None:
        self.count += 1
        self.query_one("#text", Static).update(f"ready {self.count}")


if __name__ == "__main__":
    KeyFloor().run()
