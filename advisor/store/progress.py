"""The progress store: the one writer of user state, with a typed method per kind of record.

Checklist ticks, the append-only quiz answer log, the Advise answers kept by name (workloads),
kept recommendations (milestones) and preferences (settings, such as the theme). Each write is
one transaction, stamped with `clock`.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from advisor.models.progress import Answer, ImportSummary, Milestone, MilestoneInfo, NewAnswer, SavedSession, Tick

if TYPE_CHECKING:  # pydantic stays out of start-up: Home's first frame opens the store
    from advisor.models.workload import TeamDecision, Workload

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
UPSERT_SETTING = (
    "INSERT INTO settings (name, value, changed_at) VALUES (?, ?, ?) "
    "ON CONFLICT (name) DO UPDATE SET value = excluded.value, changed_at = excluded.changed_at"
)


class StoreError(Exception):
    """The store cannot do what was asked (e.g. an import file is not ours); the message says why."""


class MilestoneError(StoreError):
    """A milestone cannot be kept, renamed or deleted as asked (a name taken, none of that number...)."""


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

    def save_workload_context(
        self,
        name: str,
        *,
        priorities: dict[str, str] | None = None,
        notes: dict[str, str] | None = None,
        decisions: dict[str, TeamDecision] | None = None,
    ) -> None:
        """Keep what is given of a workload's priorities, notes and decisions (None: leave as kept)."""
        given = {
            column: json.dumps(value, sort_keys=True)
            for column, value in (
                ("priorities", priorities),
                ("notes", notes),
                ("decisions", None if decisions is None else {t: d.model_dump() for t, d in decisions.items()}),
            )
            if value is not None
        }
        if not given:
            return
        stamp = self.clock()

        def save(db: sqlite3.Connection) -> None:
            db.execute(
                "INSERT INTO workloads (name, answers, updated_at) VALUES (?, '{}', ?) ON CONFLICT (name) DO NOTHING",
                (name, stamp),
            )
            sets = ", ".join(f"{column} = ?" for column in given)  # column names from the tuple above only
            db.execute(f"UPDATE workloads SET {sets}, updated_at = ? WHERE name = ?", (*given.values(), stamp, name))

        self.db.write(save)

    def workload(self, name: str) -> Workload | None:
        """Everything kept under `name` (answers, priorities, notes, decisions), or None.

        A value another version wrote in a shape this one cannot read is left out, not fatal.
        """
        from pydantic import ValidationError

        from advisor.models.workload import Workload

        rows = self.db.read("SELECT answers, priorities, notes, decisions FROM workloads WHERE name = ?", (name,))
        if not rows:
            return None
        fields = {}
        for column, raw in zip(("answers", "priorities", "notes", "decisions"), rows[0], strict=True):
            value = json.loads(str(raw))
            if isinstance(value, dict):
                fields[column] = value
        try:
            return Workload.model_validate(fields)
        except ValidationError:
            return Workload(answers=fields.get("answers", {}))

    # --- milestones (kept recommendations) ----------------------------------------------------
    # A name is unique (a unique index holds it) and never only digits, so `advisor report REF`
    # means one milestone whether REF is its number or its name.

    def milestone_name_problem(self, name: str, *, renaming: int | None = None) -> str | None:
        """Why `name` cannot name a kept recommendation (the one numbered `renaming` aside), or None."""
        with self.db.lock:
            return _name_problem(self.db.connection, name.strip(), renaming)

    def free_milestone_name(self, wanted: str) -> str:
        """`wanted`, or the first of 'wanted 2', 'wanted 3'... not taken: a default to offer."""
        names = {info.name for info in self.milestones()}
        name, n = wanted, 1
        while name in names:
            n += 1
            name = f"{wanted} {n}"
        return name

    def save_milestone(self, name: str, answers: dict[str, Any], report: dict[str, Any]) -> int:
        """Keep a recommendation under a new `name`; returns its number. MilestoneError if the name cannot be used."""
        name = name.strip()

        def insert(db: sqlite3.Connection) -> int:
            problem = _name_problem(db, name)
            if problem:
                raise MilestoneError(problem)
            cursor = db.execute(
                "INSERT INTO milestones (name, created_at, answers, report) VALUES (?, ?, ?, ?)",
                (name, self.clock(), json.dumps(answers, sort_keys=True), json.dumps(report, sort_keys=True)),
            )
            return int(cursor.lastrowid or 0)

        return self.db.write(insert)

    def rename_milestone(self, ref: str | int, new_name: str) -> MilestoneInfo:
        """Give a kept recommendation (by number or name) a new name; returns it as it was before."""
        new_name = new_name.strip()

        def rename(db: sqlite3.Connection) -> MilestoneInfo:
            found = _find_milestone(db, ref)
            problem = _name_problem(db, new_name, found.number)
            if problem:
                raise MilestoneError(problem)
            db.execute("UPDATE milestones SET name = ? WHERE id = ?", (new_name, found.number))
            return found

        return self.db.write(rename)

    def delete_milestone(self, ref: str | int) -> MilestoneInfo:
        """Delete a kept recommendation (by number or name); returns what was deleted."""

        def delete(db: sqlite3.Connection) -> MilestoneInfo:
            found = _find_milestone(db, ref)
            db.execute("DELETE FROM milestones WHERE id = ?", (found.number,))
            return found

        return self.db.write(delete)

    def milestones(self) -> list[MilestoneInfo]:
        """Every kept recommendation, oldest first."""
        rows = self.db.read("SELECT id, name, created_at FROM milestones ORDER BY id")
        return [MilestoneInfo(int(str(r[0])), str(r[1]), str(r[2])) for r in rows]

    def milestone(self, ref: str | int | None = None) -> Milestone | None:
        """A kept recommendation by number or name; the last one when None."""
        columns = "SELECT id, name, created_at, answers, report FROM milestones"
        if ref is None:
            rows = self.db.read(f"{columns} ORDER BY id DESC LIMIT 1")
        else:
            where, value = _where(ref)
            rows = self.db.read(f"{columns} WHERE {where}", (value,))
        if not rows:
            return None
        r = rows[0]
        return Milestone(int(str(r[0])), str(r[1]), str(r[2]), json.loads(str(r[3])), json.loads(str(r[4])))

    # --- settings (preferences such as the theme) ---------------------------------------------

    def setting(self, name: str) -> str | None:
        """The value of the preference `name`, or None if it was never set."""
        rows = self.db.read("SELECT value FROM settings WHERE name = ?", (name,))
        return str(rows[0][0]) if rows else None

    def set_setting(self, name: str, value: str) -> None:
        """Keep `value` as the preference `name`."""
        self._execute(UPSERT_SETTING, (name, value, self.clock()))

    # --- export / import ---------------------------------------------------------------------

    def export_data(self) -> dict[str, Any]:
        """Everything the store holds, as JSON-ready data (see `store.transfer`)."""
        from advisor.store.transfer import export_data

        return export_data(self)

    def import_data(self, data: Any) -> ImportSummary:
        """Merge an export into this store in one transaction; says what changed."""
        from advisor.store.transfer import import_data

        return import_data(self, data)


def _where(ref: str | int) -> tuple[str, str | int]:
    """The SQL test and value that find a milestone by number (digits) or by name."""
    if isinstance(ref, int) or str(ref).strip().isdigit():
        return "id = ?", int(ref)
    return "name = ?", str(ref).strip()


def _find_milestone(db: sqlite3.Connection, ref: str | int) -> MilestoneInfo:
    where, value = _where(ref)
    row = db.execute(f"SELECT id, name, created_at FROM milestones WHERE {where}", (value,)).fetchone()
    if row is None:
        raise MilestoneError(f"no kept recommendation {str(ref)!r}; advisor report --list shows them")
    return MilestoneInfo(int(row[0]), str(row[1]), str(row[2]))


def _name_problem(db: sqlite3.Connection, name: str, renaming: int | None = None) -> str | None:
    if not name:
        return "give the milestone a name"
    if name.isdigit():
        return f"{name!r} is only digits, which would read as a milestone number; use a word too"
    row = db.execute("SELECT id, created_at FROM milestones WHERE name = ?", (name,)).fetchone()
    if row is not None and row[0] != renaming:
        when = str(row[1])[:16].replace("T", " ")
        return f"{name!r} is the name of milestone {row[0]} already (kept {when}); choose another name"
    return None


def answer_values(a: Answer) -> tuple[Any, ...]:
    """An answer as the values of ANSWER_COLUMNS."""
    return (
        a.question_id, a.revision, a.session_id, a.answered_at, int(a.correct),
        json.dumps(a.response, sort_keys=True), a.seconds, int(a.practice),
    )  # fmt: skip
