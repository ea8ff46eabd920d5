"""The driver in a terminal: Textual's own, which also ends the app when its terminal goes away.

When the terminal closes under a running app (its window shut, tmux killed, an ssh link gone)
and the app was not told by SIGHUP (started by `make run`, say, whose `make` took the signal),
every read of the terminal returns nothing at once, and Textual's input loop read on for ever:
the app spun a core until killed. A second thread waits for the hangup without reading a byte
(poll with no events asked reports only a hangup or an error) and then asks the app to exit.
"""

from __future__ import annotations

import select
import threading

from textual import messages
from textual.drivers.linux_driver import LinuxDriver


class TerminalDriver(LinuxDriver):
    """Textual's LinuxDriver, except that the app quits when its terminal hangs up."""

    def run_input_thread(self) -> None:
        """Textual's input loop, with a watcher for the terminal's hangup beside it."""
        threading.Thread(target=self._watch_hangup, name="advisor-hangup", daemon=True).start()
        super().run_input_thread()

    def _watch_hangup(self) -> None:
        poller = select.poll()
        poller.register(self.fileno, 0)  # no events asked: poll reports only POLLHUP, POLLERR, POLLNVAL
        while not self.exit_event.is_set():
            if poller.poll(500):
                self._app.post_message(messages.ExitApp())
                return
