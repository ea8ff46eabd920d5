"""One thread for every write to the store: off the event loop, and in the order the user acted.

A quick tick-untick can never be saved the wrong way round, and quitting waits for what is
pending, so nothing the user did is dropped. A write that fails (the file locked by another copy
of the app for longer than the busy timeout) is reported, never dropped in silence.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


class StoreWriter:
    """Runs store actions one at a time on its own thread; `then` runs back on the event loop.

    `on_error(exc)` runs on the event loop when an action raises.
    """

    def __init__(self, call_from_thread: Callable[..., Any], on_error: Callable[[Exception], object]) -> None:
        self._call_from_thread = call_from_thread
        self._on_error = on_error
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="advisor-store")

    def submit(self, action: Callable[[], T], then: Callable[[T], object] | None = None) -> None:
        """Queue `action`; when it is done, `then(result)` runs on the app's event loop."""

        def run() -> None:
            try:
                result = action()
            except Exception as exc:  # told to the user; the thread goes on
                self._call_from_thread(self._on_error, exc)
                return
            if then is not None:
                self._call_from_thread(then, result)

        self._pool.submit(run)

    async def done(self) -> None:
        """Wait until every action submitted so far has run (tests, shutdown)."""
        await asyncio.wrap_future(self._pool.submit(lambda: None))

    def close(self) -> None:
        """Finish what is queued, then stop the thread."""
        self._pool.shutdown(wait=True)
