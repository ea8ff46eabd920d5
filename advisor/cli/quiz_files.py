"""`advisor quiz import` / `export`: GIFT files in and out, Anki decks out, written safely."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import yaml

from advisor.cli import exit_codes
from advisor.cli.output import emit, err
from advisor.destination import why_not_writable
from advisor.loading.catalog import Catalog
from advisor.loading.paths import shipped_root
from advisor.models.quiz import Quiz
from advisor.text.controls import visible
from advisor.text.plural import plural
from advisor.text.suggest import did_you_mean


def import_quiz(source: Path, output: Path | None, force: bool, quiz_id: str | None = None) -> int:
    """Read a GIFT file into a quiz YAML file (or stdout); report what could not be represented.

    The quiz id is `quiz_id`, else the file's name; a copy of one of our own exports may take a
    new id, and its questions' ids follow, so it can be loaded beside the original.
    """
    from advisor.interop.gift import import_gift, slugify
    from advisor.interop.gift.reader import ID_MAX, ID_RE

    if quiz_id is not None and not (ID_RE.match(quiz_id) and len(quiz_id) <= ID_MAX):
        err(f"--id {quiz_id!r} is not an id: lowercase letters, digits, '-' and '_', up to {ID_MAX} characters")
        return exit_codes.USAGE
    try:
        text = source.read_text(encoding="utf-8-sig")
    except OSError as exc:
        err(f"cannot read {source}: {exc.strerror or exc}")
        return exit_codes.USAGE
    except UnicodeDecodeError:
        err(f"{source} is not UTF-8 text")
        return exit_codes.USAGE
    if output is not None and (problem := _writable_creating_folders(output, force)):
        err(problem)
        return exit_codes.USAGE
    result = import_gift(text, quiz_id=quiz_id or slugify(source.stem) or "imported")
    if result.exported_as is None:  # not our own export, which names its title: the file name is the best there is
        result.quiz["title"] = source.stem
    for skipped in result.skipped:
        print(visible(f"{source}:{skipped.line}: skipped: {skipped.reason}"), file=sys.stderr)
    header = f"# yaml-language-server: $schema={_schema_reference(output)}\n"
    body = yaml.safe_dump(result.quiz, allow_unicode=True, sort_keys=False, width=100)
    count = len(result.quiz.get("questions", []))
    print(f"imported {plural(count, 'question')}, skipped {len(result.skipped)}", file=sys.stderr)
    new_id = result.quiz["id"]
    if new_id in _shipped_quiz_ids():
        err(f"warning: {new_id!r} is a shipped quiz's id, so --pack would refuse this one; import it with --id NEW")
    if result.exported_as is not None and result.exported_as != new_id:
        note = f"quiz {result.exported_as!r} imported as {new_id!r}; its question ids start with {new_id}-"
        print(note, file=sys.stderr)
    return emit(header + body, output)


def _shipped_quiz_ids() -> set[str]:
    """The ids of the shipped quizzes (none if the shipped data cannot be read: not this command's concern)."""
    from advisor.loading.catalog import load_catalog
    from advisor.loading.problems import DataError

    try:
        return {q.id for q in load_catalog(cache=True).quizzes}
    except DataError:
        return set()


def _writable_creating_folders(output: Path, force: bool) -> str | None:
    """why_not_writable, after creating the folders `output` needs (a new pack's folder)."""
    if not output.parent.exists():
        try:
            output.parent.mkdir(parents=True)
        except OSError as exc:
            return f"cannot create folder {output.parent}: {exc.strerror or exc}"
    return why_not_writable(output, force=force)


def _schema_reference(output: Path | None) -> str:
    """Where the quiz schema is, for the editor's YAML language server: relative to the file
    written (as the shipped quizzes have it, `../schemas/quiz.json`), absolute on stdout."""
    schema = shipped_root() / "schemas" / "quiz.json"
    if output is None:
        return schema.as_uri()
    try:
        return Path(os.path.relpath(schema, output.resolve().parent)).as_posix()
    except ValueError:  # another drive (Windows): no relative path exists
        return schema.as_uri()


def export_quiz(catalog: Catalog, quiz_id: str, output: Path | None, force: bool, fmt: str = "gift") -> int:
    """Write one of our quizzes as GIFT (to a file or stdout) or as an Anki deck (to a file)."""
    if fmt == "anki" and output is None:
        err("an Anki deck is a binary package: give the file with -o FILE.apkg")
        return exit_codes.USAGE
    quizzes = {q.id: q for q in catalog.quizzes}
    if quiz_id not in quizzes:
        err(f"unknown quiz {quiz_id!r}{did_you_mean(quiz_id, quizzes)}; quizzes: {', '.join(quizzes)}")
        return exit_codes.USAGE
    if output is not None and (problem := why_not_writable(output, force=force)):
        err(problem)
        return exit_codes.USAGE
    if fmt == "anki" and output is not None:
        if output.suffix.lower() != ".apkg":  # written as asked (like every -o), but Anki's import wants .apkg
            print(
                f"note: Anki imports decks from .apkg files; rename {output.name} before importing it", file=sys.stderr
            )
        return _export_anki(catalog, quizzes[quiz_id], output)
    from advisor.interop.gift import export_gift

    return emit(export_gift(quizzes[quiz_id]), output)


def _export_anki(catalog: Catalog, quiz: Quiz, output: Path) -> int:
    """Write the deck (genanki is imported here, so no other command loads it)."""
    from advisor.interop.anki import write_anki

    try:
        count = write_anki(quiz, catalog, output)
    except OSError as exc:
        err(f"cannot write {output}: {exc.strerror or exc}")
        return exit_codes.USAGE
    print(f"wrote {output}: {plural(count, 'note')}, one per question", file=sys.stderr)
    return exit_codes.OK
