"""Cross-file checks for quizzes: unique ids, and every question tests something the guide teaches."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from advisor.models.quiz import Matching, MultipleChoice, Ordering, Quiz, SingleChoice
from advisor.loading.problems import Problem

if TYPE_CHECKING:
    from advisor.loading.checks import _Index
    from advisor.loading.files import LoadedFile


def check_quizzes(files: Sequence[LoadedFile], index: _Index) -> list[Problem]:
    """Problems in quiz files that only show against the guide and each other."""
    problems: list[Problem] = []
    quiz_ids: dict[str, str] = {}
    question_ids: dict[str, str] = {}
    for f in files:
        quiz = f.model
        if not isinstance(quiz, Quiz):
            continue
        where = f.source.display
        if quiz.id in quiz_ids:
            problems.append(f.source.problem(("id",), f"duplicate quiz id {quiz.id!r} (first in {quiz_ids[quiz.id]})"))
        quiz_ids.setdefault(quiz.id, where)
        section = None
        if quiz.section is not None:
            index.require(f, ("section",), "section", quiz.section)
            section = index.find("section", quiz.section)
        if quiz.topic is not None and section is not None:
            topics = {t.id for t in section.file.model.topics}  # type: ignore[attr-defined]
            if quiz.topic not in topics:
                problems.append(f.source.problem(("topic",), f"unknown topic {quiz.topic!r}; known: {', '.join(sorted(topics))}"))
        for i, q in enumerate(quiz.questions):
            if q.id in question_ids:
                problems.append(
                    f.source.problem(("questions", i, "id"), f"duplicate question id {q.id!r} (first in {question_ids[q.id]})")
                )
            question_ids.setdefault(q.id, where)
            for j, ref in enumerate(q.tests):
                index.require(f, ("questions", i, "tests", j), "item", ref, "checklist item", "concept")
            parts: list[tuple[str, list]] = []
            if isinstance(q, SingleChoice | MultipleChoice):
                parts.append(("options", q.options))
            elif isinstance(q, Ordering):
                parts.append(("items", q.items))
            elif isinstance(q, Matching):
                parts.append(("pairs", q.pairs))
                rights = [p.right for p in q.pairs]
                if len(set(rights)) != len(rights):
                    problems.append(f.source.problem(("questions", i, "pairs"), "two pairs share a right-hand side; matching would be ambiguous"))
            for name, entries in parts:
                seen: set[str] = set()
                for j, entry in enumerate(entries):
                    if entry.id in seen:
                        problems.append(f.source.problem(("questions", i, name, j, "id"), f"duplicate id {entry.id!r} in this question"))
                    seen.add(entry.id)
    return problems
