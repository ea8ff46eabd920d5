"""The driver under textual-serve: Textual's web driver, which also ends the app when its server goes."""

from __future__ import annotations

from textual import messages
from textual.drivers.web_driver import WebDriver


class ServedDriver(WebDriver):
    """Textual's WebDriver, except that the app quits when its input ends.

    textual-serve talks to each app over its stdin. A server that stops in good order asks its
    apps to quit; one that is killed just goes, the app's stdin ends, and Textual's driver would
    leave the app running with no one to show it to, for ever, its store (and, with
    `--fresh-store`, its folder) still there.
    """

    def run_input_thread(self) -> None:
        """Textual's input loop; when it ends without being asked to, the app exits."""
        super().run_input_thread()
        if not self.exit_event.is_set():
            self._app.post_message(messages.ExitApp())
