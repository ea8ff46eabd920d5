"""The TUI's one writer thread: writes in order, and a failed write is told, never dropped in silence."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from typing import Any

from advisor.tui.store_writer import StoreWriter


def _inline(callback: Callable[..., Any], *args: Any) -> Any:
    return callback(*args)  # stands in for App.call_from_thread: runs the callback where it is


def test_writes_run_in_order_and_a_failure_is_reported_not_dropped() -> None:
    done: list[str] = []
    failures: list[Exception] = []
    writer = StoreWriter(_inline, failures.append)

    def locked() -> None:
        raise sqlite3.OperationalError("database is locked")

    writer.submit(lambda: done.append("tick"), lambda _: done.append("then tick"))
    writer.submit(locked, lambda _: done.append("never"))
    writer.submit(lambda: done.append("untick"))
    asyncio.run(writer.done())
    writer.close()
    assert done == ["tick", "then tick", "untick"]
    assert [str(f) for f in failures] == ["database is locked"]
