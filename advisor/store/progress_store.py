"""The progress store: the one writer of user state, a SQLite database on disk.

One transaction per user action, WAL mode so a reader never blocks the writer, and a busy
timeout so two running copies of the app queue their writes instead of losing one. The schema
version lives in ``PRAGMA user_version`` and only ever moves forward through ``MIGRATIONS``.
A database that cannot be used is moved aside, never overwritten: the user's history is the
one thing this tool must not lose.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

DB_NAME = "progress.db"
EXPORT_FORMAT = "advisor-progress"
EXPORT_VERSION = 1

# Each entry upgrades the schema from version i to i+1. Never edit a shipped entry: add one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE checklist (
        item_id    TEXT PRIMARY KEY,
        done       INTEGER NOT NULL CHECK (done IN (0, 1)),
        changed_at TEXT NOT NULL
    );
    CREATE TABLE quiz_answers (  -- append-only: rows are never updated or deleted
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        question_id TEXT NOT NULL,
        revision    INTEGER NOT NULL,
        session_id  TEXT NOT NULL,
        answered_at TEXT NOT NULL,
        correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
        response    TEXT NOT NULL,
        seconds     REAL,
        practice    INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX quiz_answers_question ON quiz_answers (question_id, answered_at);
    CREATE TRIGGER quiz_answers_no_update BEFORE UPDATE ON quiz_answers
        BEGIN SELECT RAISE(ABORT, 'quiz answers are append-only'); END;
    CREATE TRIGGER quiz_answers_no_delete BEFORE DELETE ON quiz_answers
        BEGIN SELECT RAISE(ABORT, 'quiz answers are append-only'); END;
    """,
    """
    CREATE TABLE workloads (  -- the Advise answers a user keeps, by name; 'current' is the wizard's
        name       TEXT PRIMARY KEY,
        answers    TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    """,
    """
    CREATE TABLE milestones (  -- recommendations a user keeps: the answers and the report as made
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        name       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        answers    TEXT NOT NULL,
        report     TEXT NOT NULL
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(Exception):
    """The store cannot do what was asked (e.g. an import file is not ours); the message says why."""


def default_home() -> Path:
    """Where user state lives: ``$ADVISOR_HOME`` or the platform's user data folder."""
    override = os.environ.get("ADVISOR_HOME")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path  # only paid for when the store is opened

    return user_data_path("advisor", appauthor=False)


def now() -> str:
    """The current UTC time as ISO 8601, the one format every stored time uses."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class Answer:
    """One row of the append-only quiz answer log."""

    question_id: str
    revision: int
    session_id: str
    answered_at: str
    correct: bool
    response: Any
    seconds: float | None
    practice: bool


@dataclass(frozen=True)
class Tick:
    item_id: str
    done: bool
    changed_at: str


class ProgressStore:
    """Open (or create) the database under `home`; `warnings` says what had to be repaired.

    If the folder cannot be written, the store keeps state in memory for this run and says so
    in `warnings`, so the app still works.
    """

    def __init__(self, home: Path | None = None, *, clock: Callable[[], str] = now) -> None:
        self.home = home if home is not None else default_home()
        self.path = self.home / DB_NAME
        self.clock = clock
        self.warnings: list[str] = []
        self.in_memory = False
        self.on_warning: Callable[[str], None] | None = None
        self._lock = threading.RLock()
        self._db = self._open()

    # --- opening, repairing, migrating -----------------------------------------------------

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
            return self._memory(f"cannot start a new database at {self.path} ({exc}); progress is kept for this run only")

    def _memory(self, warning: str, source: sqlite3.Connection | None = None) -> sqlite3.Connection:
        """An in-memory store holding what the file (or `source`) holds, so nothing shown is lost."""
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
        self._migrate(db, version if version <= SCHEMA_VERSION else 0)
        return db

    def warn(self, warning: str) -> None:
        """Record a warning and tell whoever listens (the TUI shows it as a notification)."""
        self.warnings.append(warning)
        if self.on_warning is not None:
            self.on_warning(warning)

    def _connect_checked(self) -> sqlite3.Connection:
        # check_same_thread=False: the TUI writes from a worker thread; _lock serialises use.
        db = sqlite3.connect(self.path, timeout=10.0, isolation_level=None, check_same_thread=False)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise _Unusable(f"was written by a newer advisor (schema {version}, this one knows {SCHEMA_VERSION})")
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise _Unusable("is damaged")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            self._migrate(db, version)
        except sqlite3.DatabaseError as exc:
            db.close()
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                raise
            raise _Unusable(f"is not a usable database ({exc})") from None
        except _Unusable:
            db.close()
            raise
        return db

    @staticmethod
    def _migrate(db: sqlite3.Connection, version: int) -> None:
        for target in range(version + 1, SCHEMA_VERSION + 1):
            # executescript commits first, so each step gets its own explicit transaction.
            db.executescript(f"BEGIN IMMEDIATE;\n{MIGRATIONS[target - 1]}\nPRAGMA user_version = {target};\nCOMMIT;")

    def _move_aside(self) -> Path:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
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
        with self._lock:
            self._db.close()

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One user action = one transaction; IMMEDIATE takes the write lock up front.

        If the file stops taking writes (a read-only folder, a full disk), the store copies itself
        into memory, warns once, and the action is done there: the run goes on and nothing the
        user did in it is lost before they can export it.
        """
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if self.in_memory or "locked" in str(exc):
                    raise
                self._db = self._memory(f"cannot write {self.path} ({exc}); progress is kept for this run only", self._db)
                self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except sqlite3.OperationalError as exc:
                if self._db.in_transaction:  # SQLite may have rolled back already (a full disk does)
                    self._db.execute("ROLLBACK")
                if self.in_memory or not _unwritable(exc):
                    raise
                self._db = self._memory(f"cannot write {self.path} ({exc}); progress is kept for this run only", self._db)
                raise _Retry from None
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
            try:
                self._db.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                if self.in_memory or not _unwritable(exc):
                    raise
                self._db = self._memory(f"cannot write {self.path} ({exc}); progress is kept for this run only", self._db)
                raise _Retry from None

    def _execute(self, sql: str, params: tuple[Any, ...]) -> int:
        """One statement as one transaction (retried once if the store had to move to memory)."""
        for _ in range(2):
            try:
                with self._transaction() as db:
                    return int(db.execute(sql, params).lastrowid or 0)
            except _Retry:
                continue
        raise sqlite3.OperationalError("the progress store could not write, even in memory")  # pragma: no cover

    # --- checklist ---------------------------------------------------------------------------

    def set_tick(self, item_id: str, done: bool) -> None:
        """Record that a checklist item was ticked or unticked."""
        self._execute(
            "INSERT INTO checklist (item_id, done, changed_at) VALUES (?, ?, ?) "
            "ON CONFLICT (item_id) DO UPDATE SET done = excluded.done, changed_at = excluded.changed_at",
            (item_id, int(done), self.clock()),
        )

    def ticks(self) -> dict[str, Tick]:
        """Every checklist item the user ever touched, ticked or not."""
        with self._lock:
            rows = self._db.execute("SELECT item_id, done, changed_at FROM checklist ORDER BY item_id").fetchall()
        return {r[0]: Tick(r[0], bool(r[1]), r[2]) for r in rows}

    def done_items(self) -> set[str]:
        with self._lock:
            return {r[0] for r in self._db.execute("SELECT item_id FROM checklist WHERE done = 1")}

    # --- quiz answers (append-only) -----------------------------------------------------------

    def record_answer(
        self,
        question_id: str,
        revision: int,
        session_id: str,
        correct: bool,
        response: Any,
        seconds: float | None = None,
        *,
        practice: bool = False,
    ) -> Answer:
        """Append one answer to the log, in its own transaction, stamped with the clock."""
        answer = Answer(question_id, revision, session_id, self.clock(), correct, response, seconds, practice)
        self._execute(
            "INSERT INTO quiz_answers (question_id, revision, session_id, answered_at, correct, response, seconds, practice) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (question_id, revision, session_id, answer.answered_at, int(correct),
             json.dumps(response, sort_keys=True), seconds, int(practice)),
        )
        return answer

    def answers(self) -> list[Answer]:
        """Every recorded answer, oldest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT question_id, revision, session_id, answered_at, correct, response, seconds, practice "
                "FROM quiz_answers ORDER BY answered_at, id"
            ).fetchall()
        return [Answer(r[0], r[1], r[2], r[3], bool(r[4]), json.loads(r[5]), r[6], bool(r[7])) for r in rows]

    # --- workloads (Advise answers) ----------------------------------------------------------

    def save_workload(self, name: str, answers: dict[str, Any]) -> None:
        """Keep the answers of a workload under `name`, replacing what was there."""
        self._execute(
            "INSERT INTO workloads (name, answers, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET answers = excluded.answers, updated_at = excluded.updated_at",
            (name, json.dumps(answers, sort_keys=True), self.clock()),
        )

    def load_workload(self, name: str) -> dict[str, Any] | None:
        """The answers kept under `name`, or None."""
        with self._lock:
            row = self._db.execute("SELECT answers FROM workloads WHERE name = ?", (name,)).fetchone()
        return None if row is None else json.loads(row[0])

    # --- milestones (kept recommendations) ----------------------------------------------------

    def save_milestone(self, name: str, answers: dict[str, Any], report: dict[str, Any]) -> int:
        """Keep a recommendation; returns its number."""
        return self._execute(
            "INSERT INTO milestones (name, created_at, answers, report) VALUES (?, ?, ?, ?)",
            (name, self.clock(), json.dumps(answers, sort_keys=True), json.dumps(report, sort_keys=True)),
        )

    def milestones(self) -> list[tuple[int, str, str]]:
        """(number, name, created_at) of every kept recommendation, oldest first."""
        with self._lock:
            return [tuple(r) for r in self._db.execute("SELECT id, name, created_at FROM milestones ORDER BY id")]  # type: ignore[misc]

    def milestone(self, ref: str | int | None = None) -> tuple[int, str, dict[str, Any], dict[str, Any]] | None:
        """A kept recommendation by number or name (the newest of that name); the last one when None."""
        with self._lock:
            if ref is None:
                row = self._db.execute("SELECT id, name, answers, report FROM milestones ORDER BY id DESC LIMIT 1").fetchone()
            elif isinstance(ref, int) or str(ref).isdigit():
                row = self._db.execute("SELECT id, name, answers, report FROM milestones WHERE id = ?", (int(ref),)).fetchone()
            else:
                row = self._db.execute(
                    "SELECT id, name, answers, report FROM milestones WHERE name = ? ORDER BY id DESC LIMIT 1", (ref,)
                ).fetchone()
        return None if row is None else (row[0], row[1], json.loads(row[2]), json.loads(row[3]))

    # --- export / import ---------------------------------------------------------------------

    def export_data(self) -> dict[str, Any]:
        """Everything the store holds, as JSON-ready data."""
        with self._lock:
            workloads = self._db.execute("SELECT name, answers, updated_at FROM workloads ORDER BY name").fetchall()
            milestones = self._db.execute("SELECT name, created_at, answers, report FROM milestones ORDER BY id").fetchall()
            answers = self._db.execute(
                "SELECT question_id, revision, session_id, answered_at, correct, response, seconds, practice "
                "FROM quiz_answers ORDER BY id"
            ).fetchall()
        return {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "exported_at": self.clock(),
            "workloads": [{"name": w[0], "answers": json.loads(w[1]), "updated_at": w[2]} for w in workloads],
            "milestones": [
                {"name": m[0], "created_at": m[1], "answers": json.loads(m[2]), "report": json.loads(m[3])} for m in milestones
            ],
            "checklist": [{"item_id": t.item_id, "done": t.done, "changed_at": t.changed_at} for t in self.ticks().values()],
            "quiz_answers": [
                {
                    "question_id": a[0],
                    "revision": a[1],
                    "session_id": a[2],
                    "answered_at": a[3],
                    "correct": bool(a[4]),
                    "response": json.loads(a[5]),
                    "seconds": a[6],
                    "practice": bool(a[7]),
                }
                for a in answers
            ],
        }

    def import_data(self, data: Any) -> tuple[int, int]:
        """Merge an export into this store in one transaction; returns (ticks changed, answers added).

        The newer change to a checklist item wins; quiz answers already present are skipped, so
        importing the same file twice adds nothing.
        """
        if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
            raise StoreError(f"not an advisor progress export (expected \"format\": \"{EXPORT_FORMAT}\")")
        if not isinstance(data.get("version"), int) or data["version"] > EXPORT_VERSION:
            raise StoreError(f"export version {data.get('version')!r} is not supported (this advisor reads up to {EXPORT_VERSION})")
        try:
            ticks = [(str(t["item_id"]), bool(t["done"]), str(t["changed_at"])) for t in data.get("checklist", [])]
            answers = [
                (
                    str(a["question_id"]), int(a["revision"]), str(a["session_id"]), str(a["answered_at"]),
                    int(bool(a["correct"])), json.dumps(a["response"], sort_keys=True),
                    None if a.get("seconds") is None else float(a["seconds"]), int(bool(a.get("practice", False))),
                )
                for a in data.get("quiz_answers", [])
            ]
            workloads = [
                (str(w["name"]), json.dumps(dict(w["answers"]), sort_keys=True), str(w["updated_at"]))
                for w in data.get("workloads", [])
            ]
            milestones = [
                (str(m["name"]), str(m["created_at"]), json.dumps(dict(m["answers"]), sort_keys=True),
                 json.dumps(dict(m["report"]), sort_keys=True))
                for m in data.get("milestones", [])
            ]
        except (KeyError, TypeError, ValueError) as exc:
            raise StoreError(f"malformed export entry ({type(exc).__name__}: {exc})") from None
        for _ in range(2):
            try:
                return self._import(ticks, workloads, milestones, answers)
            except _Retry:
                continue
        raise sqlite3.OperationalError("the progress store could not write, even in memory")  # pragma: no cover

    def _import(self, ticks: list, workloads: list, milestones: list, answers: list) -> tuple[int, int]:
        changed = added = 0
        with self._transaction() as db:
            for item_id, done, changed_at in ticks:
                cur = db.execute(
                    "INSERT INTO checklist (item_id, done, changed_at) VALUES (?, ?, ?) "
                    "ON CONFLICT (item_id) DO UPDATE SET done = excluded.done, changed_at = excluded.changed_at "
                    "WHERE excluded.changed_at > checklist.changed_at",
                    (item_id, int(done), changed_at),
                )
                changed += cur.rowcount
            for row in workloads:
                db.execute(
                    "INSERT INTO workloads (name, answers, updated_at) VALUES (?, ?, ?) "
                    "ON CONFLICT (name) DO UPDATE SET answers = excluded.answers, updated_at = excluded.updated_at "
                    "WHERE excluded.updated_at > workloads.updated_at",
                    row,
                )
            for row in milestones:
                if not db.execute("SELECT 1 FROM milestones WHERE name = ? AND created_at = ?", row[:2]).fetchone():
                    db.execute("INSERT INTO milestones (name, created_at, answers, report) VALUES (?, ?, ?, ?)", row)
            for row in answers:
                exists = db.execute(
                    "SELECT 1 FROM quiz_answers WHERE question_id = ? AND session_id = ? AND answered_at = ?",
                    (row[0], row[2], row[3]),
                ).fetchone()
                if not exists:
                    db.execute(
                        "INSERT INTO quiz_answers (question_id, revision, session_id, answered_at, correct, response, seconds, practice) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        row,
                    )
                    added += 1
        return changed, added


class _Unusable(Exception):
    """The file exists but is not a database this version can use."""


class _Retry(Exception):
    """The write failed on disk and the store moved to memory: the action must run again."""


def _unwritable(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return any(s in text for s in ("readonly", "read-only", "disk is full", "database or disk is full", "disk i/o", "unable to open"))
