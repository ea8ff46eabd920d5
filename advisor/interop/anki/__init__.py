"""Anki decks out: `notes` turns questions into notes (HTML fields, tags), `package` writes the .apkg.

genanki is imported only when a deck is written, so no other command pays for it.
"""

from advisor.interop.anki.notes import ANKI_WRITERS, AnkiNote, quiz_notes
from advisor.interop.anki.package import deck_id, model_id, note_guid, write_anki

__all__ = ["ANKI_WRITERS", "AnkiNote", "deck_id", "model_id", "note_guid", "quiz_notes", "write_anki"]
