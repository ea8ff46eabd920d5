"""`advisor progress --export/--import`: the whole store as one JSON document, and merging it back.

Importing merges: the newer change to a checklist item or workload wins, milestones and quiz
answers already present are skipped, so importing the same file twice adds nothing. A milestone
whose name is taken by another one here is added under a new name ("before the split (2)").
"""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING, Any

from advisor.models.progress import ImportSummary
from advisor.store.progress import (
    INSERT_ANSWER,
    SELECT_ANSWERS,
    UPSERT_TICK,
    StoreError,
    answer_row,
)

if TYPE_CHECKING:
    from advisor.store.progress import ProgressStore

EXPORT_FORMAT = "advisor-progress"
EXPORT_VERSION = 1
# a workload's parts (JSON each); an export from before priorities, notes and decisions has answers only
WORKLOAD_PARTS = ("answers", "priorities", "notes", "decisions")
_UPSERT_WHOLE_WORKLOAD = (
    f"INSERT INTO workloads (name, {', '.join(WORKLOAD_PARTS)}, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (name) DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in (*WORKLOAD_PARTS, "updated_at"))
)


def export_data(store: ProgressStore) -> dict[str, Any]:
    """Everything the store holds, as JSON-ready data."""
    db = store.db
    workloads = db.read(f"SELECT name, updated_at, {', '.join(WORKLOAD_PARTS)} FROM workloads ORDER BY name")
    milestones = db.read("SELECT name, created_at, answers, report FROM milestones ORDER BY id")
    # each answer as it counts: an override travels as the answer's grade
    answers = [answer_row(r) for r in db.read(f"{SELECT_ANSWERS} ORDER BY a.id")]
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": store.clock(),
        "workloads": [
            {
                "name": w[0],
                "updated_at": w[1],
                **{part: json.loads(str(value)) for part, value in zip(WORKLOAD_PARTS, w[2:], strict=True)},
            }
            for w in workloads
        ],
        "milestones": [
            {"name": m[0], "created_at": m[1], "answers": json.loads(str(m[2])), "report": json.loads(str(m[3]))}
            for m in milestones
        ],
        "checklist": [
            {"item_id": t.item_id, "done": t.done, "changed_at": t.changed_at} for t in store.ticks().values()
        ],
        "quiz_answers": [
            {
                "question_id": a.question_id,
                "revision": a.revision,
                "session_id": a.session_id,
                "answered_at": a.answered_at,
                "correct": a.correct,
                "response": a.response,
                "seconds": a.seconds,
                "practice": a.practice,
            }
            for a in answers
        ],
    }


Row = tuple[Any, ...]


def import_data(store: ProgressStore, data: Any) -> ImportSummary:
    """Merge an export into `store` in one transaction; says what changed."""
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise StoreError(f'not an advisor progress export (expected "format": "{EXPORT_FORMAT}")')
    version = data.get("version")
    if not isinstance(version, int) or version > EXPORT_VERSION:
        raise StoreError(f"export version {version!r} is not supported (this advisor reads up to {EXPORT_VERSION})")
    try:
        ticks = [(str(t["item_id"]), int(bool(t["done"])), str(t["changed_at"])) for t in data.get("checklist", [])]
        answers: list[Row] = [
            (
                str(a["question_id"]),
                int(a["revision"]),
                str(a["session_id"]),
                str(a["answered_at"]),
                int(bool(a["correct"])),
                json.dumps(a["response"], sort_keys=True),
                None if a.get("seconds") is None else float(a["seconds"]),
                int(bool(a.get("practice", False))),
            )
            for a in data.get("quiz_answers", [])
        ]
        workloads: list[Row] = [
            (
                str(w["name"]),
                *(json.dumps(dict(w.get(part, {})), sort_keys=True) for part in WORKLOAD_PARTS),
                str(w["updated_at"]),
            )
            for w in data.get("workloads", [])
        ]
        milestones: list[Row] = [
            (
                str(m["name"]),
                str(m["created_at"]),
                json.dumps(dict(m["answers"]), sort_keys=True),
                json.dumps(dict(m["report"]), sort_keys=True),
            )
            for m in data.get("milestones", [])
        ]
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreError(f"malformed export entry ({type(exc).__name__}: {exc})") from None

    def merge(db: sqlite3.Connection) -> ImportSummary:
        changed = added = kept = 0
        renamed: list[tuple[str, str]] = []
        for row in ticks:
            changed += db.execute(f"{UPSERT_TICK} WHERE excluded.changed_at > checklist.changed_at", row).rowcount
        for row in workloads:
            db.execute(f"{_UPSERT_WHOLE_WORKLOAD} WHERE excluded.updated_at > workloads.updated_at", row)
        for name, created_at, answers_json, report_json in milestones:
            # the same one (imported before, perhaps renamed since): kept at that moment with that report
            same = "SELECT 1 FROM milestones WHERE created_at = ? AND report = ?"
            if db.execute(same, (created_at, report_json)).fetchone():
                continue
            if not name.strip() or name.strip().isdigit():  # a name must not read as a number
                name = f"imported {name.strip()}".strip()
            free, n = name, 1
            while db.execute("SELECT 1 FROM milestones WHERE name = ?", (free,)).fetchone():
                n += 1
                free = f"{name} ({n})"
            if free != name:
                renamed.append((name, free))
            db.execute(
                "INSERT INTO milestones (name, created_at, answers, report) VALUES (?, ?, ?, ?)",
                (free, created_at, answers_json, report_json),
            )
            kept += 1
        for answer in answers:
            exists = db.execute(
                "SELECT 1 FROM quiz_answers WHERE question_id = ? AND session_id = ? AND answered_at = ?",
                (answer[0], answer[2], answer[3]),
            ).fetchone()
            if not exists:
                db.execute(INSERT_ANSWER, answer)
                added += 1
        return ImportSummary(changed, added, kept, tuple(renamed))

    return store.db.write(merge)


__all__ = ["EXPORT_FORMAT", "EXPORT_VERSION", "export_data", "import_data"]
