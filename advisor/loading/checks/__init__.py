"""Checks that span files: every id unique, every reference resolvable, one of each singleton.

Each checker reads an `IdIndex` of the ids the files define; `cross_check` runs them in order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from advisor.loading.checks.content import check_content
from advisor.loading.checks.index import IdIndex
from advisor.loading.checks.quizzes import check_quizzes
from advisor.loading.checks.rules import check_rules
from advisor.loading.files import LoadedFile
from advisor.loading.problems import Problem
from advisor.models.kinds import KINDS

if TYPE_CHECKING:
    from advisor.loading.catalog import Catalog

__all__ = ["IdIndex", "cross_check"]


def cross_check(files: Sequence[LoadedFile], *, complete: bool, reference: Catalog | None) -> list[Problem]:
    """Every problem that only shows when the files are seen together."""
    index = IdIndex(files, reference)
    problems = _singletons(files, complete)
    problems += check_content(files, index)
    problems += check_rules(files, index)
    problems += check_quizzes(files, index)
    return [*index.problems, *problems]


def _singletons(files: Sequence[LoadedFile], complete: bool) -> list[Problem]:
    problems = []
    first: dict[str, LoadedFile] = {}
    for f in files:
        if not KINDS[f.kind].singleton:
            continue
        if f.kind in first:
            problems.append(
                f.source.problem(("kind",), f"a second {f.kind} file; the first is {first[f.kind].source.display}")
            )
        first.setdefault(f.kind, f)
    if complete:
        for name in (n for n, kind in KINDS.items() if kind.singleton and n not in first):
            problems.append(Problem("(catalog)", 0, 0, "", f"no {name} file was found; the app needs one"))
    return problems
