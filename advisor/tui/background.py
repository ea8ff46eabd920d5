"""Work off the event loop: a screen method run in a thread, as a Textual worker.

Textual's own thread workers (`@work(thread=True)`) run on the event loop's shared thread pool
and mark the pool thread with the worker that ran last. An idle pool thread so keeps that worker,
and through it the screen that started it, alive after the screen has closed. Here the worker is
an async one that awaits `asyncio.to_thread`, which runs the method in a copy of the context that
is dropped when the call returns: a closed screen is freed at once.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from textual import work
from textual.dom import DOMNode
from textual.worker import Worker

P = ParamSpec("P")
R = TypeVar("R")
N = TypeVar("N", bound=DOMNode)


def in_thread(
    *, group: str, exclusive: bool = False
) -> Callable[[Callable[Concatenate[N, P], R]], Callable[Concatenate[N, P], Worker[R]]]:
    """Run the decorated method in a thread each time it is called; it returns the worker.

    `exclusive` cancels the group's previous call first (its thread finishes, but whatever it
    posts back must check that it still applies). Results reach the screen through
    `app.call_from_thread`, as from any thread.
    """

    def decorate(method: Callable[Concatenate[N, P], R]) -> Callable[Concatenate[N, P], Worker[R]]:
        @functools.wraps(method)
        async def run(node: N, /, *args: P.args, **kwargs: P.kwargs) -> R:
            return await asyncio.to_thread(method, node, *args, **kwargs)

        return work(run, group=group, exclusive=exclusive)

    return decorate
