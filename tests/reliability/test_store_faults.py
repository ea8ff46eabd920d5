"""The progress store under faults: killed writers, damaged files, folders that stop taking writes."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from advisor.models.progress import NewAnswer
from advisor.store import DB_NAME, SCHEMA_VERSION, ProgressStore

KILLS = 200


def _writer(home: Path, pipe_w: int) -> None:
    """In a forked child: append answers as fast as possible, reporting each commit on the pipe."""
    store = ProgressStore(home)
    n = 0
    while True:
        store.record_answer(NewAnswer(f"q{os.getpid()}-{n}", 1, "s", n % 2 == 0, {"n": n}))
        os.write(pipe_w, f"{os.getpid()}-{n}\n".encode())
        n += 1


@pytest.mark.slow
def test_sigkill_at_random_points_loses_no_committed_answer(tmp_path: Path) -> None:
    home = tmp_path / "home"
    ProgressStore(home).close()
    rng = random.Random(1234)
    committed: set[str] = set()
    deadline = time.monotonic() + 40
    for _ in range(KILLS):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child never returns to pytest
            os.close(read_fd)
            try:
                _writer(home, write_fd)
            finally:
                os._exit(0)
        os.close(write_fd)
        time.sleep(rng.uniform(0.0, 0.02))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        with os.fdopen(read_fd, "rb") as reader:
            committed |= {f"q{line.decode().strip()}" for line in reader.read().splitlines() if line.strip()}
        assert time.monotonic() < deadline, "the kill loop is too slow for the suite's budget"
    with ProgressStore(home) as store:
        assert store.warnings == []
        ids = {a.question_id for a in store.answers()}
    # every answer a child reported as committed is there (one committed but not yet reported may be too)
    assert committed <= ids
    assert len(committed) > KILLS / 4


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", None),
        (b"SQLite format 3\x00" + b"\x01" * 30, "is not a usable database"),
        (b"\x00" * 4096, "is not a usable database"),
        (b"#!/bin/sh\necho not a database\n", "is not a usable database"),
    ],
    ids=["empty", "truncated", "zeros", "not-a-database"],
)
def test_unusable_files_are_moved_aside_and_the_app_starts(tmp_path: Path, content: bytes, message: str | None) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / DB_NAME).write_bytes(content)
    with ProgressStore(home) as store:
        store.set_tick("still-works", True)
        assert store.done_items() == {"still-works"}
        if message:
            assert message in store.warnings[0]
            assert [p.read_bytes() for p in home.iterdir() if ".unusable-" in p.name] == [content]


def test_a_future_schema_is_moved_aside(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    db = sqlite3.connect(home / DB_NAME)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with ProgressStore(home) as store:
        assert "newer advisor" in store.warnings[0]


def test_a_folder_that_stops_taking_writes_keeps_the_run_going(tmp_path: Path) -> None:
    """Simulated: the store's connection is swapped for a read-only one, as a remount would do."""
    home = tmp_path / "home"
    heard: list[str] = []
    with ProgressStore(home) as store:
        store.set_tick("before", True)
        store.on_warning = heard.append
        store.db.connection.close()
        store.db.connection = sqlite3.connect(
            f"file:{home / DB_NAME}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
        )
        store.set_tick("after", True)  # no exception: moved to memory, with the earlier tick
        assert store.in_memory and store.done_items() == {"before", "after"}
        assert heard and "kept for this run only" in heard[0]
        store.record_answer(NewAnswer("q", 1, "s", True, "x"))
        assert len(store.answers()) == 1


def test_a_full_disk_keeps_the_run_going(tmp_path: Path) -> None:
    """Simulated with max_page_count: SQLite reports 'database or disk is full' as a full disk would."""
    with ProgressStore(tmp_path / "home") as store:
        store.set_tick("first", True)
        pages = store.db.connection.execute("PRAGMA page_count").fetchone()[0]
        store.db.connection.execute(f"PRAGMA max_page_count = {pages}")
        for i in range(300):
            store.save_workload(f"w{i}", {"padding": "x" * 2000})
        assert store.in_memory and "full" in store.warnings[-1]
        assert store.done_items() == {"first"} and store.load_workload("w299") is not None


def test_an_uncreatable_folder_runs_in_memory(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with ProgressStore(tmp_path / "file" / "home") as store:
        assert store.in_memory and "kept for this run only" in store.warnings[0]
        store.set_tick("a", True)
