"""The progress store: the one writer of user state, with a typed method per kind of record.

Checklist ticks, the append-only quiz answer log, the Advise answers kept by name (workloads)
and kept recommendations (milestones). Each write is one transaction, stamped with `clock`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from advisor.models.progress import Answer, Milestone, MilestoneInfo, NewAnswer, SavedSession, Tick

ANSWER_COLUMNS = "question_id, revision, session_id, answered_at, correct, response, seconds, practice"
INSERT_ANSWER = f"INSERT INTO quiz_answers ({ANSWER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
# Every answer as it counts: the learner's last override, where there is one, replaces the grade.
_OVERRIDE = "(SELECT o.correct FROM quiz_overrides o WHERE o.answer_id = a.id ORDER BY o.id DESC LIMIT 1)"
SELECT_ANSWERS = (
    f"SELECT a.question_id, a.revision, a.session_id, a.answered_at, COALESCE({_OVERRIDE}, a.correct), "
    f"a.response, a.seconds, a.practice, {_OVERRIDE} IS NOT NULL, a.id FROM quiz_answers a"
)
UPSERT_SESSION = (
    "INSERT INTO quiz_sessions (session_id, started_at, updated_at, plan, items, closed) VALUES (?, ?, ?, ?, ?, 0) "
    "ON CONFLICT (session_id) DO UPDATE SET updated_at = excluded.updated_at, items = excluded.items, closed = 0"
)
UPSERT_TICK = (
    "INSERT INTO checklist (item_id, done, changed_at) VALUES (?, ?, ?) "
    "ON CONFLICT (item_id) DO UPDATE SET done = excluded.done, changed_at = excluded.changed_at"
)
UPSERT_WORKLOAD = (
    "INSERT INTO workloads (name, answers, updated_at) VALUES (?, ?, ?) "
    "ON CONFLICT (name) DO UPDATE SET answers = excluded.answers, updated_at = excluded.updated_at"
)


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
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def answer_row(row: tuple[Any, ...]) -> Answer:
    """An Answer from a row of ANSWER_COLUMNS (or of SELECT_ANSWERS, which adds the override and the row)."""
    extra = (bool(row[8]), int(row[9])) if len(row) > 8 else ()
    return Answer(row[0], row[1], row[2], row[3], bool(row[4]), json.loads(row[5]), row[6], bool(row[7]), *extra)


class ProgressStore:
    """Open (or create) the database under `home`; `warnings` says what had to be repaired.

    If the folder cannot be written, the store keeps state in memory for this run and says so
    in `warnings`, so the app still works.
    """

    def __init__(self, home: Path | None = None, *, clock: Callable[[], str] = now) -> None:
        from advisor.store.connection import Database

        self.home = home if home is not None else default_home()
        self.clock = clock
        self.db = Database(self.home)
        self.path = self.db.path

    @property
    def warnings(self) -> list[str]:
        return self.db.warnings

    @property
    def in_memory(self) -> bool:
        return self.db.in_memory

    @property
    def on_warning(self) -> Callable[[str], None] | None:
        return self.db.on_warning

    @on_warning.setter
    def on_warning(self, listener: Callable[[str], None] | None) -> None:
        self.db.on_warning = listener

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _execute(self, sql: str, params: tuple[Any, ...]) -> int:
        """One statement as one transaction; the new row's id."""
        return self.db.write(lambda db: int(db.execute(sql, params).lastrowid or 0))

    # --- checklist ---------------------------------------------------------------------------

    def set_tick(self, item_id: str, done: bool) -> None:
        """Record that a checklist item was ticked or unticked."""
        self._execute(UPSERT_TICK, (item_id, int(done), self.clock()))

    def ticks(self) -> dict[str, Tick]:
        """Every checklist item the user ever touched, ticked or not."""
        rows = self.db.read("SELECT item_id, done, changed_at FROM checklist ORDER BY item_id")
        return {str(r[0]): Tick(str(r[0]), bool(r[1]), str(r[2])) for r in rows}

    def done_items(self) -> set[str]:
        """The ids of the checklist items ticked now."""
        return {str(r[0]) for r in self.db.read("SELECT item_id FROM checklist WHERE done = 1")}

    # --- quiz answers (append-only) -----------------------------------------------------------

    def record_answer(self, new: NewAnswer) -> Answer:
        """Append one answer to the log, in its own transaction, stamped with the clock."""
        answer = Answer(
            new.question_id,
            new.revision,
            new.session_id,
            self.clock(),
            new.correct,
            new.response,
            new.seconds,
            new.practice,
        )
        number = self._execute(INSERT_ANSWER, answer_values(answer))
        return replace(answer, number=number)

    def answers(self) -> list[Answer]:
        """Every recorded answer, oldest first, graded as it counts (the learner's override, if any)."""
        return [answer_row(r) for r in self.db.read(f"{SELECT_ANSWERS} ORDER BY a.answered_at, a.id")]

    def override_answer(self, number: int, correct: bool) -> None:
        """Record the learner's own call on answer `number` ("I was right"): it counts from now on."""
        self._execute(
            "INSERT INTO quiz_overrides (answer_id, correct, overridden_at) VALUES (?, ?, ?)",
            (number, int(correct), self.clock()),
        )

    # --- quiz sessions (to resume) -------------------------------------------------------------

    def save_session(self, session_id: str, plan: dict[str, Any], items: list[dict[str, Any]]) -> None:
        """Keep a session's questions and order; it becomes the one to resume (any other is set aside)."""
        stamp = self.clock()

        def save(db: Any) -> None:
            db.execute("UPDATE quiz_sessions SET closed = 1 WHERE closed = 0 AND session_id != ?", (session_id,))
            db.execute(UPSERT_SESSION, (session_id, stamp, stamp, json.dumps(plan), json.dumps(items)))

        self.db.write(save)

    def close_session(self, session_id: str) -> None:
        """The session is done, or set aside ("start over"): it is no longer offered to resume."""
        sql = "UPDATE quiz_sessions SET closed = 1, updated_at = ? WHERE session_id = ?"
        self._execute(sql, (self.clock(), session_id))

    def open_session(self) -> SavedSession | None:
        """The session to resume: the last one kept and neither closed nor fully answered, or None."""
        rows = self.db.read(
            "SELECT s.session_id, s.started_at, s.plan, s.items, "
            "(SELECT count(*) FROM quiz_answers a WHERE a.session_id = s.session_id) "
            "FROM quiz_sessions s WHERE s.closed = 0 ORDER BY s.updated_at DESC LIMIT 1"
        )
        if not rows:
            return None
        r = rows[0]
        saved = SavedSession(str(r[0]), str(r[1]), json.loads(str(r[2])), json.loads(str(r[3])), int(str(r[4])))
        return saved if saved.answered < len(saved.items) else None

    # --- workloads (Advise answers) ----------------------------------------------------------

    def save_workload(self, name: str, answers: dict[str, Any]) -> None:
        """Keep the answers of a workload under `name`, replacing what was there."""
        self._execute(UPSERT_WORKLOAD, (name, json.dumps(answers, sort_keys=True), self.clock()))

    def load_workload(self, name: str) -> dict[str, Any] | None:
        """The answers kept under `name`, or None."""
        rows = self.db.read("SELECT answers FROM workloads WHERE name = ?", (name,))
        if not rows:
            return None
        data = json.loads(str(rows[0][0]))
        return data if isinstance(data, dict) else None

    # --- milestones (kept recommendations) ----------------------------------------------------

    def save_milestone(self, name: str, answers: dict[str, Any], report: dict[str, Any]) -> int:
        """Keep a recommendation; returns its number."""
        return self._execute(
            "INSERT INTO milestones (name, created_at, answers, report) VALUES (?, ?, ?, ?)",
            (name, self.clock(), json.dumps(answers, sort_keys=True), json.dumps(report, sort_keys=True)),
        )

    def milestones(self) -> list[MilestoneInfo]:
        """Every kept recommendation, oldest first."""
        rows = self.db.read("SELECT id, name, created_at FROM milestones ORDER BY id")
        return [MilestoneInfo(int(str(r[0])), str(r[1]), str(r[2])) for r in rows]

    def milestone(self, ref: str | int | None = None) -> Milestone | None:
        """A kept recommendation by number or name (the newest of that name); the last one when None."""
        columns = "SELECT id, name, created_at, answers, report FROM milestones"
        if ref is None:
            rows = self.db.read(f"{columns} ORDER BY id DESC LIMIT 1")
        elif isinstance(ref, int) or str(ref).isdigit():
            rows = self.db.read(f"{columns} WHERE id = ?", (int(ref),))
        else:
            rows = self.db.read(f"{columns} WHERE name = ? ORDER BY id DESC LIMIT 1", (ref,))
        if not rows:
            return None
        r = rows[0]
        return Milestone(int(str(r[0])), str(r[1]), str(r[2]), json.loads(str(r[3])), json.loads(str(r[4])))

    # --- export / import ---------------------------------------------------------------------

    def export_data(self) -> dict[str, Any]:
        """Everything the store holds, as JSON-ready data (see `store.transfer`)."""
        from advisor.store.transfer import export_data

        return export_data(self)

    def import_data(self, data: Any) -> tuple[int, int]:
        """Merge an export into this store in one transaction; returns (ticks changed, answers added)."""
        from advisor.store.transfer import import_data

        return import_data(self, data)


def answer_values(a: Answer) -> tuple[Any, ...]:
    """An answer as the values of ANSWER_COLUMNS."""
    return (
        a.question_id, a.revision, a.session_id, a.answered_at, int(a.correct),
        json.dumps(a.response, sort_keys=True), a.seconds, int(a.practice),
    )  # fmt: skip
