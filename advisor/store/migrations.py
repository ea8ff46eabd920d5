"""The schema of the progress database, as an append-only list of migrations.

Each entry upgrades the schema from version i to i+1; `PRAGMA user_version` records where a
file is. Never edit a shipped entry: add one.
"""

from __future__ import annotations

import sqlite3

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
    """
    -- milestone names are unique: `advisor report NAME` must mean one. Older files may hold the
    -- same name twice; every copy after the first gets its number added ("before the split (4)").
    UPDATE milestones SET name = name || ' (' || id || ')' WHERE EXISTS (
        SELECT 1 FROM milestones AS older WHERE older.name = milestones.name AND older.id < milestones.id
    );
    CREATE UNIQUE INDEX milestones_name ON milestones (name);
    """,
    """
    CREATE TABLE settings (  -- the user's preferences by name, e.g. 'theme'; kept on this machine only
        name       TEXT PRIMARY KEY,
        value      TEXT NOT NULL,
        changed_at TEXT NOT NULL
    );
    """,
    """
    CREATE TABLE quiz_sessions (  -- a session's questions and their order, so an interrupted quiz resumes
        session_id TEXT PRIMARY KEY,
        started_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        plan       TEXT NOT NULL,  -- what was asked for (JSON: quizzes, due, limit, seed)
        items      TEXT NOT NULL,  -- JSON: [{question, revision, order, practice}], in the order asked
        closed     INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1))  -- finished, or set aside
    );
    CREATE INDEX quiz_answers_session ON quiz_answers (session_id);
    CREATE TABLE quiz_overrides (  -- append-only: the learner's own call on a grade; the last one counts
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        answer_id     INTEGER NOT NULL REFERENCES quiz_answers (id),
        correct       INTEGER NOT NULL CHECK (correct IN (0, 1)),
        overridden_at TEXT NOT NULL
    );
    CREATE INDEX quiz_overrides_answer ON quiz_overrides (answer_id, id);
    CREATE TRIGGER quiz_overrides_no_update BEFORE UPDATE ON quiz_overrides
        BEGIN SELECT RAISE(ABORT, 'quiz overrides are append-only'); END;
    CREATE TRIGGER quiz_overrides_no_delete BEFORE DELETE ON quiz_overrides
        BEGIN SELECT RAISE(ABORT, 'quiz overrides are append-only'); END;
    """,
    """
    -- what a user says about a workload beyond its answers (JSON each): the priorities
    -- (concern -> level), notes (question id -> text) and decisions (technology id -> {decision, reason})
    ALTER TABLE workloads ADD COLUMN priorities TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE workloads ADD COLUMN notes TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE workloads ADD COLUMN decisions TEXT NOT NULL DEFAULT '{}';
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(db: sqlite3.Connection, version: int) -> None:
    """Bring `db` from schema `version` to SCHEMA_VERSION, one transaction per step.

    `db` must be in autocommit mode (`isolation_level=None`). Two copies of the app may open the
    same file at once (two terminals, two browser tabs on `advisor serve`): each step takes the
    write lock, then reads the version again, so a step the other copy ran while this one waited
    is skipped, never run twice (which would fail and make the file look unusable).
    """
    for target in range(version + 1, SCHEMA_VERSION + 1):
        db.execute("BEGIN IMMEDIATE")  # waits out the busy timeout while another copy migrates
        try:
            if db.execute("PRAGMA user_version").fetchone()[0] < target:
                for statement in statements(MIGRATIONS[target - 1]):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {target}")
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise


def statements(script: str) -> list[str]:
    """The SQL statements of `script`, one each (a trigger's body stays whole)."""
    found: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            found.append(pending.strip())
            pending = ""
    if pending.strip():
        found.append(pending.strip())  # a last statement without its semicolon
    return found
