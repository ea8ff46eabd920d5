"""`advisor quiz import` / `export`: GIFT files in and out, written safely."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from advisor.cli import exit_codes
from advisor.cli.output import emit, err
from advisor.destination import why_not_writable
from advisor.loading.catalog import Catalog
from advisor.text.controls import visible
from advisor.text.suggest import did_you_mean


def import_quiz(source: Path, output: Path | None, force: bool) -> int:
    """Read a GIFT file into a quiz YAML file (or stdout); report what could not be represented."""
    from advisor.interop.gift import import_gift

    if output is not None and (problem := why_not_writable(output, force=force)):
        err(problem)
        return exit_codes.USAGE
    try:
        text = source.read_text(encoding="utf-8-sig")
    except OSError as exc:
        err(f"cannot read {source}: {exc.strerror or exc}")
        return exit_codes.USAGE
    except UnicodeDecodeError:
        err(f"{source} is not UTF-8 text")
        return exit_codes.USAGE
    slug = "".join(c if c.isalnum() else "-" for c in source.stem.lower()).strip("-") or "imported"
    result = import_gift(text, quiz_id=slug, title=source.stem)
    for skipped in result.skipped:
        print(visible(f"{source}:{skipped.line}: skipped: {skipped.reason}"), file=sys.stderr)
    header = "# yaml-language-server: $schema=https://advisor.invalid/schemas/quiz.json\n"
    body = yaml.safe_dump(result.quiz, allow_unicode=True, sort_keys=False, width=100)
    count = len(result.quiz.get("questions", []))
    print(f"imported {count} question(s), skipped {len(result.skipped)}", file=sys.stderr)
    return emit(header + body, output)


def export_quiz(catalog: Catalog, quiz_id: str, output: Path | None, force: bool) -> int:
    """Write one of our quizzes as GIFT."""
    from advisor.interop.gift import export_gift

    quizzes = {q.id: q for q in catalog.quizzes}
    if quiz_id not in quizzes:
        err(f"unknown quiz {quiz_id!r}{did_you_mean(quiz_id, quizzes)}; quizzes: {', '.join(quizzes)}")
        return exit_codes.USAGE
    if output is not None and (problem := why_not_writable(output, force=force)):
        err(problem)
        return exit_codes.USAGE
    return emit(export_gift(quizzes[quiz_id]), output)
