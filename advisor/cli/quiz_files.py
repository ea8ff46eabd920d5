"""`advisor quiz import` / `export`: GIFT files in and out, written safely."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from advisor.loading.catalog import Catalog
from advisor.cli.output import check_output, emit
from advisor.loading.problems import visible


def import_quiz(source: Path, output: Path | None, force: bool) -> int:
    """Read a GIFT file into a quiz YAML file (or stdout); report what could not be represented."""
    from advisor.interop.gift import import_gift

    if output is not None and (problem := check_output(output, force)):
        print(f"advisor: {problem}", file=sys.stderr)
        return 2
    try:
        text = source.read_text(encoding="utf-8-sig")
    except OSError as exc:
        print(f"advisor: cannot read {source}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except UnicodeDecodeError:
        print(f"advisor: {source} is not UTF-8 text", file=sys.stderr)
        return 2
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
    from advisor.loading.validation import did_you_mean

    quizzes = {q.id: q for q in catalog.quizzes}
    if quiz_id not in quizzes:
        print(f"advisor: unknown quiz {quiz_id!r}{did_you_mean(quiz_id, quizzes)}; quizzes: {', '.join(quizzes)}", file=sys.stderr)
        return 2
    if output is not None and (problem := check_output(output, force)):
        print(f"advisor: {problem}", file=sys.stderr)
        return 2
    return emit(export_gift(quizzes[quiz_id]), output)
