"""Cross-file checks for the guide: sections, the matrix, use cases, figures and the overview."""

from __future__ import annotations

from collections.abc import Sequence

from advisor.loading.checks.index import ITEM, IdIndex, duplicate_ids
from advisor.loading.files import LoadedFile
from advisor.loading.problems import Problem
from advisor.models.content import Benchmarks, Guide, Matrix, Section, UseCases
from advisor.text.suggest import did_you_mean


def check_content(files: Sequence[LoadedFile], index: IdIndex) -> list[Problem]:
    """Problems in the guide's files that only show when they are seen together."""
    problems: list[Problem] = []
    orders: dict[int, LoadedFile] = {}
    for f in files:
        m = f.model
        if isinstance(m, Section):
            problems += _section(f, m, index)
            if m.order in orders:
                problems.append(
                    f.source.problem(("order",), f"order {m.order} is also used by {orders[m.order].source.display}")
                )
            orders.setdefault(m.order, f)
        elif isinstance(m, Matrix):
            problems += _matrix(f, m, index)
        elif isinstance(m, UseCases):
            seen: dict[str, int] = {}
            for i, lst in enumerate(m.lists):
                index.require(f, ("lists", i, "technology"), "technology", lst.technology)
                if lst.technology in seen:
                    problems.append(
                        f.source.problem(
                            ("lists", i, "technology"),
                            f"{lst.technology!r} already has a list (lists[{seen[lst.technology]}])",
                        )
                    )
                seen.setdefault(lst.technology, i)
        elif isinstance(m, Benchmarks):
            for table in ("payload", "latency"):
                for i, row in enumerate(getattr(m, table).rows):
                    index.require(f, (table, "rows", i, "api"), "style", row.api)
        elif isinstance(m, Guide):
            problems += _guide(f, m, index)
    return problems


def _topics_of(index: IdIndex, section_id: str) -> set[str] | None:
    found = index.find("section", section_id)
    if found is None or not isinstance(found.file.model, Section):
        return None
    return {t.id for t in found.file.model.topics}


def _matrix(f: LoadedFile, m: Matrix, index: IdIndex) -> list[Problem]:
    problems = []
    for i, row in enumerate(m.technologies):
        index.require(f, ("technologies", i, "section"), "section", row.section)
        topics = _topics_of(index, row.section)
        if row.topic and topics is not None and row.topic not in topics:
            problems.append(
                f.source.problem(
                    ("technologies", i, "topic"),
                    f"unknown topic {row.topic!r} of section {row.section!r}; known: {', '.join(sorted(topics))}",
                )
            )
    return problems


def _guide(f: LoadedFile, m: Guide, index: IdIndex) -> list[Problem]:
    problems = []
    for i, criterion in enumerate(m.completion_criteria):
        for j, ref in enumerate(criterion.refs):
            if index.find("section", ref) is None and index.find(ITEM, ref) is None:
                hint = did_you_mean(ref, index.known("section", ITEM))
                problems.append(
                    f.source.problem(("completion_criteria", i, "refs", j), f"unknown section or item {ref!r}{hint}")
                )
    return problems


def _section(f: LoadedFile, s: Section, index: IdIndex) -> list[Problem]:
    topics = {t.id for t in s.topics}
    problems = duplicate_ids(f, s.topics, ("topics",), "topic id")
    for name in ("concepts", "checklist", "exercises", "resources"):
        for i, item in enumerate(getattr(s, name)):
            if item.topic is not None and item.topic not in topics:
                hint = f"; this section's topics: {', '.join(sorted(topics))}"
                problems.append(f.source.problem((name, i, "topic"), f"unknown topic {item.topic!r}{hint}"))
    for i, concept in enumerate(s.concepts):
        problems += duplicate_ids(f, concept.figures, ("concepts", i, "figures"), "figure id")
    for i, checklist_item in enumerate(s.checklist):
        for j, ref in enumerate(checklist_item.concepts):
            index.require(f, ("checklist", i, "concepts", j), ITEM, ref, "concept")
    for i, exercise in enumerate(s.exercises):
        for j, ref in enumerate(exercise.checklist):
            index.require(f, ("exercises", i, "checklist", j), ITEM, ref, "checklist item")
    return problems
