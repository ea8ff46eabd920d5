"""The progress store: persistence, migrations, repair, crashes and concurrent writers."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from advisor.models.progress import ImportSummary
from advisor.store import DB_NAME, SCHEMA_VERSION, MilestoneError, ProgressStore, StoreError


def test_ticks_persist_across_reopen(advisor_home: Path) -> None:
    with ProgressStore() as store:
        store.set_tick("serverless-deploy-lambda", True)
        store.set_tick("edge-deploy-worker", True)
        store.set_tick("edge-deploy-worker", False)
    with ProgressStore() as store:
        assert store.done_items() == {"serverless-deploy-lambda"}
        assert set(store.ticks()) == {"serverless-deploy-lambda", "edge-deploy-worker"}
    assert (advisor_home / DB_NAME).is_file()


def test_schema_version_and_wal(advisor_home: Path) -> None:
    ProgressStore().close()
    db = sqlite3.connect(advisor_home / DB_NAME)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_settings_are_kept_and_replaced(advisor_home: Path) -> None:
    with ProgressStore() as store:
        assert store.setting("theme") is None
        store.set_setting("theme", "advisor-light")
        store.set_setting("theme", "advisor-dark")
    with ProgressStore() as store:
        assert store.setting("theme") == "advisor-dark"


def test_migrates_forward_from_an_older_version(advisor_home: Path) -> None:
    advisor_home.mkdir(parents=True)
    sqlite3.connect(advisor_home / DB_NAME).close()  # an empty database: version 0
    with ProgressStore() as store:
        assert store.warnings == []
        store.set_tick("a", True)
        assert store.done_items() == {"a"}


def test_quiz_answers_are_append_only(advisor_home: Path) -> None:
    ProgressStore().close()
    db = sqlite3.connect(advisor_home / DB_NAME)
    db.execute(
        "INSERT INTO quiz_answers (question_id, revision, session_id, answered_at, correct, response) "
        "VALUES ('q', 1, 's', '2026-01-01T00:00:00+00:00', 1, '\"a\"')"
    )
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE quiz_answers SET correct = 0")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM quiz_answers")


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"this is not a database" * 100, "is not a usable database"),
        (b"", None),  # sqlite treats an empty file as a new database: nothing to move
        (b"SQLite format 3\x00" + b"\x00" * 50, "is not a usable database"),  # truncated header
    ],
)
def test_unusable_file_is_moved_aside_not_lost(advisor_home: Path, content: bytes, reason: str | None) -> None:
    advisor_home.mkdir(parents=True)
    (advisor_home / DB_NAME).write_bytes(content)
    with ProgressStore() as store:
        store.set_tick("a", True)
        if reason is None:
            assert store.warnings == []
            return
        assert len(store.warnings) == 1 and reason in store.warnings[0] and "moved to" in store.warnings[0]
    aside = [p for p in advisor_home.iterdir() if ".unusable-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == content


def test_a_damaged_database_is_moved_aside(advisor_home: Path) -> None:
    with ProgressStore() as store:
        for i in range(500):
            store.set_tick(f"item-{i}", True)
    path = advisor_home / DB_NAME
    sqlite3.connect(path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    raw = bytearray(path.read_bytes())
    assert len(raw) > 3 * 4096
    raw[4096:] = b"\xff" * (len(raw) - 4096)  # scribble over every page after the header page
    path.write_bytes(bytes(raw))
    with ProgressStore() as store:
        assert store.warnings and "moved to" in store.warnings[0]
        assert store.done_items() == set()


def test_database_from_a_newer_version_is_moved_aside(advisor_home: Path) -> None:
    advisor_home.mkdir(parents=True)
    db = sqlite3.connect(advisor_home / DB_NAME)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    db.close()
    with ProgressStore() as store:
        assert "newer advisor" in store.warnings[0]
    assert any(".unusable-" in p.name for p in advisor_home.iterdir())


def test_unwritable_home_keeps_progress_in_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with ProgressStore(blocker / "home") as store:  # a folder cannot be made under a file
        assert store.in_memory and "kept for this run only" in store.warnings[0]
        store.set_tick("a", True)
        assert store.done_items() == {"a"}


_WRITER = textwrap.dedent(
    """
    import os, sys, time
    from advisor.store import ProgressStore
    store = ProgressStore()
    store.set_tick("committed", True)
    db = store.db.connection
    db.execute("BEGIN IMMEDIATE")
    db.execute("INSERT INTO checklist VALUES ('uncommitted', 1, 'now')")
    print("ready", flush=True)
    time.sleep(60)
    """
)


@pytest.mark.slow
def test_a_crash_mid_write_keeps_every_committed_change(advisor_home: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", _WRITER], stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    with ProgressStore() as store:
        assert store.warnings == []
        assert store.done_items() == {"committed"}


_TICKER = textwrap.dedent(
    """
    import sys
    from advisor.store import ProgressStore
    store = ProgressStore()
    for i in range(150):
        store.set_tick(f"{sys.argv[1]}-{i}", True)
    """
)


@pytest.mark.slow
def test_two_instances_writing_at_once_lose_nothing(advisor_home: Path) -> None:
    ProgressStore().close()
    procs = [subprocess.Popen([sys.executable, "-c", _TICKER, name], env=os.environ.copy()) for name in ("a", "b")]
    assert [p.wait(timeout=60) for p in procs] == [0, 0]
    with ProgressStore() as store:
        assert len(store.done_items()) == 300


_OPENER = textwrap.dedent(
    """
    import sys, time
    from advisor.store import ProgressStore
    start = float(sys.argv[1])
    while time.time() < start:  # every copy opens the new file at the same moment
        pass
    store = ProgressStore()
    store.set_tick(sys.argv[2], True)
    print(store.warnings)
    """
)


@pytest.mark.slow
@pytest.mark.parametrize("existing", [None, 0], ids=["no file yet", "a file from before every migration"])
def test_copies_opening_one_store_at_the_same_moment_share_it(advisor_home: Path, existing: int | None) -> None:
    # two terminals, or two browser tabs on `advisor serve`: no copy may run a migration the other
    # already ran, take the file for damaged and move it aside, or fall back to memory
    if existing is not None:
        advisor_home.mkdir(parents=True)
        sqlite3.connect(advisor_home / DB_NAME).close()
    start = f"{time.time() + 1.0:.3f}"  # after every interpreter has started
    names = [f"copy-{n}" for n in range(4)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _OPENER, start, name], env=os.environ.copy(), stdout=subprocess.PIPE, text=True
        )
        for name in names
    ]
    outputs = [p.communicate(timeout=60)[0].strip() for p in procs]
    assert [p.returncode for p in procs] == [0] * 4
    assert outputs == ["[]"] * 4
    assert sorted(f.name for f in advisor_home.iterdir() if "unusable" in f.name) == []
    with ProgressStore() as store:
        assert store.done_items() == set(names)


def test_export_import_round_trip(tmp_path: Path) -> None:
    with ProgressStore(tmp_path / "one", clock=lambda: "2026-01-01T00:00:00.000+00:00") as one:
        one.set_tick("a", True)
        one.set_tick("b", False)
        data = one.export_data()
    assert data["format"] == "advisor-progress"
    json.dumps(data)  # JSON-ready
    with ProgressStore(tmp_path / "two", clock=lambda: "2025-01-01T00:00:00.000+00:00") as two:
        two.set_tick("a", False)  # older than the import: loses
        two.set_tick("c", True)
        assert two.import_data(data) == ImportSummary(2, 0, 0)
        assert two.done_items() == {"a", "c"}
        assert two.import_data(data) == ImportSummary(0, 0, 0)  # idempotent


@pytest.mark.parametrize(
    "data, message",
    [
        ([], "not an advisor progress export"),
        ({"format": "advisor-progress", "version": 99}, "not supported"),
        ({"format": "advisor-progress", "version": 1, "checklist": [{"done": True}]}, "malformed export entry"),
    ],
)
def test_import_rejects_what_is_not_an_export(tmp_path: Path, data: object, message: str) -> None:
    with ProgressStore(tmp_path) as store, pytest.raises(StoreError, match=message):
        store.import_data(data)


def test_milestone_names_are_unique_and_never_only_digits(advisor_home: Path) -> None:
    with ProgressStore(clock=lambda: "2026-12-02T10:14:00.000+00:00") as store:
        assert store.save_milestone(" before the split ", {}, {}) == 1
        with pytest.raises(
            MilestoneError, match=r"'before the split' is the name of milestone 1 already \(kept 2026-12-02 10:14\)"
        ):
            store.save_milestone("before the split", {"a": "b"}, {})
        with pytest.raises(MilestoneError, match="only digits"):
            store.save_milestone("42", {}, {})
        with pytest.raises(MilestoneError, match="give the milestone a name"):
            store.save_milestone("  ", {}, {})
        assert [m.name for m in store.milestones()] == ["before the split"]
        assert store.milestone_name_problem("before the split") is not None
        assert store.milestone_name_problem("before the split", renaming=1) is None
        assert store.free_milestone_name("before the split") == "before the split 2"
        assert store.free_milestone_name("after") == "after"


def test_a_milestone_can_be_renamed_and_deleted(advisor_home: Path) -> None:
    with ProgressStore() as store:
        store.save_milestone("one", {}, {})
        store.save_milestone("two", {}, {})
        assert store.rename_milestone("one", "first").name == "one"
        assert store.rename_milestone(2, "second").name == "two"
        assert [m.name for m in store.milestones()] == ["first", "second"]
        with pytest.raises(MilestoneError, match="'second' is the name of milestone 2 already"):
            store.rename_milestone("first", "second")
        with pytest.raises(MilestoneError, match="no kept recommendation 'nope'"):
            store.rename_milestone("nope", "x")
        assert store.delete_milestone("first").number == 1
        assert [m.name for m in store.milestones()] == ["second"]
        with pytest.raises(MilestoneError, match="no kept recommendation '1'"):
            store.delete_milestone("1")
        assert store.save_milestone("first", {}, {}) == 3  # a deleted name is free again


def test_the_migration_renames_milestones_that_shared_a_name(advisor_home: Path) -> None:
    """A database from before names were unique keeps every milestone; copies get their number."""
    from advisor.store.migrations import MIGRATIONS

    advisor_home.mkdir(parents=True)
    db = sqlite3.connect(advisor_home / DB_NAME)
    for script in MIGRATIONS[:3]:
        db.executescript(script)
    db.execute("PRAGMA user_version = 3")
    for name in ("split", "other", "split", "split"):
        db.execute(
            "INSERT INTO milestones (name, created_at, answers, report) VALUES (?, '2026-01-01', '{}', '{}')", (name,)
        )
    db.commit()
    db.close()
    with ProgressStore() as store:
        assert store.warnings == []
        assert [m.name for m in store.milestones()] == ["split", "other", "split (3)", "split (4)"]
        with pytest.raises(MilestoneError):
            store.save_milestone("split", {}, {})


def test_importing_a_milestone_whose_name_is_taken_keeps_both(tmp_path: Path) -> None:
    with ProgressStore(tmp_path / "one", clock=lambda: "2026-01-01T00:00:00.000+00:00") as one:
        one.save_milestone("before the split", {"a": "1"}, {"x": 1})
        data = one.export_data()
    with ProgressStore(tmp_path / "two", clock=lambda: "2026-02-01T00:00:00.000+00:00") as two:
        two.save_milestone("before the split", {"a": "2"}, {"x": 2})
        summary = two.import_data(data)
        assert summary.milestones_added == 1
        assert summary.renamed == (("before the split", "before the split (2)"),)
        assert [m.name for m in two.milestones()] == ["before the split", "before the split (2)"]
        two.rename_milestone("before the split (2)", "from my laptop")
        assert two.import_data(data).milestones_added == 0  # the same one, renamed since: not again


def test_a_workload_keeps_priorities_notes_and_decisions(advisor_home: Path) -> None:
    from advisor.models.workload import TeamDecision, Workload

    with ProgressStore() as store:
        assert store.workload("current") is None
        store.save_workload_context("current", priorities={"cost": "high"})  # before any answer
        store.save_workload("current", {"service_count": "many"})
        store.save_workload_context(
            "current", notes={"service_count": "forty"}, decisions={"grpc": TeamDecision(decision="accept")}
        )
        store.save_workload("current", {"service_count": "few"})  # answers alone leave the rest as kept
    kept = Workload(
        answers={"service_count": "few"},
        priorities={"cost": "high"},
        notes={"service_count": "forty"},
        decisions={"grpc": TeamDecision(decision="accept")},
    )
    with ProgressStore() as store:
        assert store.workload("current") == kept
        exported = store.export_data()
    with ProgressStore(advisor_home / "other") as other:  # an export carries them
        other.import_data(exported)
        assert other.workload("current") == kept


def test_a_database_from_before_priorities_notes_and_decisions_keeps_its_workloads(advisor_home: Path) -> None:
    """Migration 7 adds the columns; the answers kept before it are still there, the rest empty."""
    from advisor.models.workload import Workload
    from advisor.store.migrations import MIGRATIONS

    advisor_home.mkdir(parents=True)
    db = sqlite3.connect(advisor_home / DB_NAME)
    for script in MIGRATIONS[:6]:
        db.executescript(script)
    db.execute("PRAGMA user_version = 6")
    db.execute("INSERT INTO workloads VALUES ('current', '{\"service_count\": \"many\"}', '2026-01-01')")
    db.commit()
    db.close()
    with ProgressStore() as store:
        assert store.warnings == []
        assert store.load_workload("current") == {"service_count": "many"}
        assert store.workload("current") == Workload(answers={"service_count": "many"})
