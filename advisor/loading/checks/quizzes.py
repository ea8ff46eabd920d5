"""Cross-file checks for quizzes: unique ids, and every question tests something the guide teaches."""

from __future__ import annotations

from collections.abc import Sequence

from advisor.loading.checks.index import ITEM, FirstSeen, IdIndex, duplicate_ids
from advisor.loading.files import LoadedFile
from advisor.loading.problems import Problem
from advisor.models.content import Section
from advisor.models.quiz import Quiz


def check_quizzes(files: Sequence[LoadedFile], index: IdIndex) -> list[Problem]:
    """Problems in quiz files that only show against the guide and each other."""
    problems: list[Problem] = []
    quiz_ids = FirstSeen("quiz id")
    question_ids = FirstSeen("question id")
    for f in files:
        quiz = f.model
        if not isinstance(quiz, Quiz):
            continue
        problems += quiz_ids.check(f, ("id",), quiz.id)
        if quiz.section is not None:
            index.require(f, ("section",), "section", quiz.section)
            found = index.find("section", quiz.section)
            section = found.file.model if found is not None else None
            if quiz.topic is not None and isinstance(section, Section):
                topics = {t.id for t in section.topics}
                if quiz.topic not in topics:
                    problems.append(
                        f.source.problem(
                            ("topic",), f"unknown topic {quiz.topic!r}; known: {', '.join(sorted(topics))}"
                        )
                    )
        for i, q in enumerate(quiz.questions):
            problems += question_ids.check(f, ("questions", i, "id"), q.id)
            for j, ref in enumerate(q.tests):
                index.require(f, ("questions", i, "tests", j), ITEM, ref, "checklist item", "concept")
            if q.listed:
                entries = getattr(q, q.listed)
                problems += duplicate_ids(f, entries, ("questions", i, q.listed), "id", " in this question")
            for path, message in q.consistency():
                problems.append(f.source.problem(("questions", i, *path), message))
    return problems
