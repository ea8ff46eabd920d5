"""Writing a quiz as an Anki package (.apkg) with genanki, under ids that never change.

Anki recognises a note it has seen by its guid, and a deck and a note type by their ids, so
importing an updated deck updates the cards (and keeps their review history) instead of adding
copies: the guid is derived from the quiz and question ids, the deck and note type ids from the
quiz id. genanki writes the collection; this module only chooses the ids and the layout.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import sqlite3
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

from advisor.interop.anki.notes import AnkiNote, quiz_notes
from advisor.loading.catalog import Catalog
from advisor.models.quiz import Quiz
from advisor.text.controls import visible

FIELDS = ("Front", "Back", "Guide")
_CSS = """
.card { font-family: sans-serif; font-size: 18px; text-align: left; line-height: 1.4; }
.hint, .section, .why { opacity: 0.75; }
.hint { font-style: italic; }
.answer { font-weight: bold; }
.right { color: #1b7f3b; }
.wrong { color: #b3261e; }
.night_mode .right { color: #7fd48f; }
.night_mode .wrong { color: #f2a39d; }
.guide { margin-top: 1em; font-size: 0.85em; }
"""
_BACK = '{{FrontSide}}<hr id="answer">{{Back}}<div class="guide">{{Guide}}</div>'


def _stable_id(kind: str, quiz_id: str) -> int:
    """A deck or note type id from the quiz id, in the range genanki advises (2**30 to 2**31)."""
    digest = hashlib.sha256(f"advisor:{kind}:{quiz_id}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


def deck_id(quiz_id: str) -> int:
    """The id of the quiz's deck, the same at every export."""
    return _stable_id("deck", quiz_id)


def model_id(quiz_id: str) -> int:
    """The id of the quiz's note type, the same at every export."""
    return _stable_id("model", quiz_id)


def note_guid(quiz_id: str, question_id: str) -> str:
    """The note's guid, from the quiz and question ids (genanki's hash, as Anki's guids look)."""
    import genanki

    guid: str = genanki.guid_for(quiz_id, question_id)
    return guid


def _deck(quiz: Quiz, notes: list[AnkiNote]) -> Any:
    import genanki

    title = " ".join(visible(quiz.title).split())
    model = genanki.Model(
        model_id(quiz.id),
        f"advisor: {title}",
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Question", "qfmt": "{{Front}}", "afmt": _BACK}],
        css=_CSS,
    )
    deck = genanki.Deck(deck_id(quiz.id), f"advisor::{title}")
    for note in notes:
        fields = [note.front, note.back, note.guide]
        deck.add_note(
            genanki.Note(model=model, fields=fields, tags=list(note.tags), guid=note_guid(quiz.id, note.question_id))
        )
    return deck


def write_anki(quiz: Quiz, catalog: Catalog, path: Path) -> int:
    """Write `quiz` as an Anki package at `path`; how many notes it holds. Raises OSError.

    As genanki's own `write_to_file`, but the collection is built in a folder that is removed
    afterwards (genanki leaves its temporary database behind).
    """
    import genanki

    notes = quiz_notes(quiz, catalog)
    package = genanki.Package(_deck(quiz, notes))
    timestamp = time.time()  # Anki updates a note on import only when the package's copy is newer
    with tempfile.TemporaryDirectory(prefix="advisor-anki-") as folder:
        collection = os.path.join(folder, "collection.anki2")
        connection = sqlite3.connect(collection)
        try:
            package.write_to_db(connection.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
            connection.commit()
        finally:
            connection.close()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(collection, "collection.anki2")
            archive.writestr("media", "{}")
    return len(notes)
