"""Opening the progress database, repairing what can be repaired, and one transaction per action.

One transaction per user action, WAL mode so a reader never blocks the writer, and a busy
timeout so two running copies of the app queue their writes instead of losing one. A database
that cannot be used is moved aside, never overwritten: the user's history is the one thing this
tool must not lose. When the file stops taking writes (a read-only folder, a full disk), the
database copies itself into memory, warns, and the run goes on.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from advisor.store.migrations import SCHEMA_VERSION, migrate

DB_NAME = "progress.db"
T = TypeVar("T")


class Database:
    """The SQLite connection under `home`, shared by threads under one lock.

    `warnings` says what had to be repaired; `on_warning` hears of later ones (the TUI shows them).
    """

    def __init__(self, home: Path) -> None:
        self.home = home
        self.path = home / DB_NAME
        self.warnings: list[str] = []
        self.in_memory = False
        self.on_warning: Callable[[str], None] | None = None
        self.lock = threading.RLock()
        self.connection = self._open()

    # --- opening and repairing ---------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            self.home.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return self._memory(f"cannot create {self.home} ({exc.strerror}); progress is kept for this run only")
        try:
            return self._connect_checked()
        except _Unusable as exc:
            moved = self._move_aside()
            self.warn(f"{self.path} {exc}; it was moved to {moved.name} and a new database was started")
        except sqlite3.OperationalError as exc:
            return self._memory(f"cannot open {self.path} ({exc}); progress is kept for this run only")
        try:
            return self._connect_checked()
        except (sqlite3.Error, _Unusable) as exc:
            return self._memory(
                f"cannot start a new database at {self.path} ({exc}); progress is kept for this run only"
            )

    def _memory(self, warning: str, source: sqlite3.Connection | None = None) -> sqlite3.Connection:
        """An in-memory database holding what the file (or `source`) holds, so nothing shown is lost."""
        self.warn(warning)
        self.in_memory = True
        db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        try:
            if source is not None:
                source.backup(db)
            elif self.path.is_file():
                # immutable: a read-only folder has no room for the -shm file a normal open needs
                reader = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True)
                reader.backup(db)
                reader.close()
        except sqlite3.Error:
            db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        version = db.execute("PRAGMA user_version").fetchone()[0]
        migrate(db, version if version <= SCHEMA_VERSION else 0)
        return db

    def warn(self, warning: str) -> None:
        """Record a warning and tell whoever listens."""
        self.warnings.append(warning)
        if self.on_warning is not None:
            self.on_warning(warning)

    def _connect_checked(self) -> sqlite3.Connection:
        # check_same_thread=False: the TUI writes from a worker thread; `lock` serialises use.
        db = sqlite3.connect(self.path, timeout=10.0, isolation_level=None, check_same_thread=False)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise _Unusable(f"was written by a newer advisor (schema {version}, this one knows {SCHEMA_VERSION})")
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise _Unusable("is damaged")
            _use_wal(db)
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            migrate(db, version)
        except sqlite3.DatabaseError as exc:
            db.close()
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                raise
            raise _Unusable(f"is not a usable database ({exc})") from None
        except _Unusable:
            db.close()
            raise
        return db

    def _move_aside(self) -> Path:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = self.path.with_name(f"{DB_NAME}.unusable-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{DB_NAME}.unusable-{stamp}-{n}")
        os.replace(self.path, target)
        for suffix in ("-wal", "-shm"):
            side = self.path.with_name(DB_NAME + suffix)
            if side.exists():
                os.replace(side, target.with_name(target.name + suffix))
        return target

    def close(self) -> None:
        with self.lock:
            self.connection.close()

    # --- reading and writing -----------------------------------------------------------------

    def read(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        """All rows of one query."""
        with self.lock:
            return self.connection.execute(sql, params).fetchall()

    def write(self, action: Callable[[sqlite3.Connection], T]) -> T:
        """Run `action` as one transaction (run again once if the database had to move to memory)."""
        for _ in range(2):
            try:
                with self._transaction() as db:
                    return action(db)
            except _Retry:
                continue
        raise sqlite3.OperationalError("the progress store could not write, even in memory")  # pragma: no cover

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One user action = one transaction; IMMEDIATE takes the write lock up front."""
        with self.lock:
            try:
                self.connection.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if self.in_memory or "locked" in str(exc):
                    raise
                self._to_memory(exc)
                self.connection.execute("BEGIN IMMEDIATE")
            try:
                yield self.connection
            except sqlite3.OperationalError as exc:
                if self.connection.in_transaction:  # SQLite may have rolled back already (a full disk does)
                    self.connection.execute("ROLLBACK")
                if self.in_memory or not _unwritable(exc):
                    raise
                self._to_memory(exc)
                raise _Retry from None
            except BaseException:
                if self.connection.in_transaction:
                    self.connection.execute("ROLLBACK")
                raise
            try:
                self.connection.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                if self.connection.in_transaction:
                    self.connection.execute("ROLLBACK")
                if self.in_memory or not _unwritable(exc):
                    raise
                self._to_memory(exc)
                raise _Retry from None

    def _to_memory(self, exc: sqlite3.OperationalError) -> None:
        warning = f"cannot write {self.path} ({exc}); progress is kept for this run only"
        self.connection = self._memory(warning, self.connection)


class _Unusable(Exception):
    """The file exists but is not a database this version can use."""


class _Retry(Exception):
    """The write failed on disk and the database moved to memory: the action must run again."""


def _use_wal(db: sqlite3.Connection, patience: float = 10.0) -> None:
    """Put `db` in WAL mode, waiting for a copy of the app that opens the same new file at once.

    The switch needs the file to itself and SQLite does not wait for that (the busy timeout
    does not apply), so ask again until the other copy has let go or `patience` runs out.
    """
    deadline = time.monotonic() + patience
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _unwritable(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    signs = ("readonly", "read-only", "disk is full", "database or disk is full", "disk i/o", "unable to open")
    return any(s in text for s in signs)
