"""Finding things in the guide by words: concepts, checklist items, exercises, use cases, sections, quizzes.

Every word of the query must appear (case-insensitive, as a prefix of a word) in an entry's title
or text; entries whose title holds every word rank first, then shorter titles. Each entry carries
the navigation target that shows it (`item:<id>`, `section:<id>`, `quiz:<id>`), so any front end
can open what was found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from advisor.loading.catalog import Catalog

_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True)
class Entry:
    """One thing that can be found."""

    target: str  # where the app shows it
    title: str
    where: str  # what kind and where: "Serverless Architecture · concept"
    text: str = ""  # the body, searched but not shown

    @cached_property
    def title_words(self) -> frozenset[str]:
        return frozenset(w.lower() for w in _WORD.findall(self.title))

    @cached_property
    def all_words(self) -> frozenset[str]:
        return self.title_words | {w.lower() for w in _WORD.findall(self.text)}


@dataclass(frozen=True)
class Found:
    entry: Entry
    in_title: bool  # every word of the query is in the title


def entries(catalog: Catalog) -> list[Entry]:
    """Everything the search can find, in guide order."""
    found: list[Entry] = []
    for section in catalog.sections:
        found.append(Entry(f"section:{section.id}", section.title, "section", section.summary))
        for concept in section.concepts:
            found.append(Entry(f"item:{concept.id}", concept.title, f"{section.title} · concept", concept.body))
        for item in section.checklist:
            found.append(Entry(f"item:{item.id}", item.text, f"{section.title} · checklist"))
        for exercise in section.exercises:
            text = " ".join([exercise.goal, *exercise.steps])
            found.append(Entry(f"item:{exercise.id}", exercise.title, f"{section.title} · exercise", text))
    names = {row.id: row.name for row in catalog.matrix.technologies}
    for lst in catalog.use_cases.lists:
        for side in ("use", "avoid"):
            for case in getattr(lst, side):
                where = f"{names.get(lst.technology, lst.technology)} · {side}"
                found.append(Entry(f"item:{case.id}", case.text, where, case.why))
    for quiz in catalog.quizzes:
        found.append(Entry(f"quiz:{quiz.id}", f"Quiz: {quiz.title}", f"{len(quiz.questions)} questions"))
    return found


def search(index: list[Entry], query: str, limit: int = 20) -> list[Found]:
    """The entries holding every word of `query` (as word prefixes), best first."""
    words = [w.lower() for w in _WORD.findall(query)]
    if not words:
        return []

    def holds(vocabulary: frozenset[str]) -> bool:
        return all(any(v.startswith(w) for v in vocabulary) for w in words)

    hits = [Found(e, holds(e.title_words)) for e in index if holds(e.all_words)]
    hits.sort(key=lambda f: (not f.in_title, len(f.entry.title)))
    return hits[:limit]
