"""Anki export: the .apkg opened as Anki would (a zip holding a SQLite collection), every note checked."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import genanki
import pytest

from advisor.cli import main
from advisor.interop.anki import deck_id, model_id, note_guid, quiz_notes, write_anki
from advisor.interop.anki.notes import shown_order, text_html
from advisor.models.quiz import QUESTION_TYPES, Matching, Ordering
from tests.conftest import write


def collection(package: Path, tmp_path: Path) -> sqlite3.Connection:
    """The package's collection, as Anki's importer opens it."""
    with zipfile.ZipFile(package) as archive:
        assert set(archive.namelist()) == {"collection.anki2", "media"}
        archive.extract("collection.anki2", tmp_path / package.stem)
    return sqlite3.connect(tmp_path / package.stem / "collection.anki2")


def notes(package: Path, tmp_path: Path) -> dict[str, tuple[int, list[str], list[str]]]:
    """guid → (note type id, fields, tags) of every note in the package."""
    with collection(package, tmp_path) as db:
        return {
            guid: (mid, flds.split("\x1f"), tags.split())
            for guid, mid, flds, tags in db.execute("SELECT guid, mid, flds, tags FROM notes")
        }


def test_a_deck_has_one_note_per_question_with_stable_ids(catalog, tmp_path: Path) -> None:
    quiz = next(q for q in catalog.quizzes if q.id == "serverless")
    first, second = tmp_path / "one.apkg", tmp_path / "two.apkg"
    assert write_anki(quiz, catalog, first) == len(quiz.questions)
    write_anki(quiz, catalog, second)
    got = notes(first, tmp_path)
    assert got == notes(second, tmp_path)  # the same guids, fields and tags: an update, not copies
    guids = [genanki.guid_for(quiz.id, q.id) for q in quiz.questions]
    assert set(got) == set(guids) == {note_guid(quiz.id, q.id) for q in quiz.questions}
    assert {mid for mid, _, _ in got.values()} == {model_id(quiz.id)}
    with collection(first, tmp_path) as db:
        decks = json.loads(db.execute("SELECT decks FROM col").fetchone()[0])
        models = json.loads(db.execute("SELECT models FROM col").fetchone()[0])
        assert db.execute("SELECT COUNT(*) FROM cards").fetchone()[0] == len(quiz.questions)
        assert {c for (c,) in db.execute("SELECT DISTINCT did FROM cards")} == {deck_id(quiz.id)}
    assert decks[str(deck_id(quiz.id))]["name"] == f"advisor::{quiz.title}"
    assert [f["name"] for f in models[str(model_id(quiz.id))]["flds"]] == ["Front", "Back", "Guide"]
    for question, guid in zip(quiz.questions, guids, strict=True):
        _, (front, back, guide), tags = got[guid]
        assert text_html(question.prompt) in front
        assert "Serverless Architecture" in guide
        assert "advisor::section::serverless" in tags
        for item in question.tests:
            assert any(t.endswith(f"::{item}") for t in tags)
            place = catalog.place(item)
            assert place is not None and f"advisor::{place.kind}::{item}" in tags
        assert text_html(question.explanation) in back


def test_ids_differ_between_quizzes_and_stay_in_ankis_range() -> None:
    assert deck_id("serverless") == deck_id("serverless") != deck_id("edge")
    assert model_id("serverless") != deck_id("serverless")
    assert all(1 << 30 <= n < 1 << 31 for n in (deck_id("a"), model_id("a"), deck_id("zz"), model_id("zz")))
    assert note_guid("edge", "q1") != note_guid("edge", "q2") != note_guid("grpc", "q1")


def test_every_question_type_is_on_a_card_with_its_explanations(catalog) -> None:
    seen = set()
    for quiz in catalog.quizzes:
        for question, note in zip(quiz.questions, quiz_notes(quiz, catalog), strict=True):
            seen.add(type(question))
            assert note.question_id == question.id and note.front and note.back
            for option in getattr(question, "options", []):  # every option's explanation on the back
                assert text_html(option.text) in note.front and text_html(option.explanation) in note.back
            if isinstance(question, Ordering | Matching):  # never shown with the answer in place
                assert shown_order(quiz.id, question) != question.choice_ids()
            assert all(" " not in tag for tag in note.tags)
    assert seen == set(QUESTION_TYPES)


def test_the_cli_writes_a_deck_only_to_a_file_and_guards_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deck = tmp_path / "edge.apkg"
    assert main(["quiz", "export", "edge", "--format", "anki"]) == 2
    assert "-o FILE.apkg" in capsys.readouterr().err
    assert main(["quiz", "export", "edge", "--format", "anki", "-o", str(tmp_path / "deck.txt")]) == 0
    assert "Anki imports decks from .apkg files; rename deck.txt" in capsys.readouterr().err
    assert zipfile.is_zipfile(tmp_path / "deck.txt")
    assert main(["quiz", "export", "egde", "--format", "anki", "-o", str(deck)]) == 2
    message = capsys.readouterr().err
    assert "unknown quiz 'egde'" in message and "did you mean 'edge'" in message and "serverless" in message
    assert not deck.exists()
    assert main(["quiz", "export", "edge", "--format", "anki", "-o", str(deck)]) == 0
    assert "notes, one per question" in capsys.readouterr().err
    assert zipfile.is_zipfile(deck)
    write(deck, "precious")
    assert main(["quiz", "export", "edge", "--format", "anki", "-o", str(deck)]) == 2
    assert "exists; add --force" in capsys.readouterr().err and deck.read_text() == "precious"
    assert main(["quiz", "export", "edge", "--format", "anki", "-o", str(deck), "--force"]) == 0
    assert zipfile.is_zipfile(deck)


def test_fenced_code_is_a_block_that_keeps_its_indentation(catalog) -> None:
    quiz = next(q for q in catalog.quizzes if q.id == "performance")
    fenced = [q for q in quiz.questions if "```" in q.prompt]
    assert fenced  # the performance quiz shows a query and a plan
    for note in quiz_notes(quiz, catalog):
        assert "```" not in note.front, note.question_id
    html = text_html("A plan:\n\n```text\nSort\n  -> Seq Scan on t\n```\n\nWhy `slow`?")
    assert html == "A plan:<br><br><pre><code>Sort\n  -&gt; Seq Scan on t</code></pre><br>Why <code>slow</code>?"
