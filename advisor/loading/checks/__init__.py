"""Checks that span files: every id unique, every reference resolvable, one of each singleton."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from typing import TYPE_CHECKING

from advisor.loading.checks.quizzes import check_quizzes
from advisor.loading.checks.rules import check_rules
from advisor.loading.files import LoadedFile
from advisor.models.content import ApiComparison, Benchmarks, Guide, Matrix, Section, UseCases
from advisor.models.kinds import KINDS
from advisor.models.rules import Questions, Technologies
from advisor.loading.problems import Path_, Problem
from advisor.loading.validation import did_you_mean

if TYPE_CHECKING:
    from advisor.loading.catalog import Catalog

# Item ids share one namespace so that a reference such as `rests_on: serverless-cold-start`
# is unambiguous whatever kind of item it names.
ITEM = "item"


@dataclass(frozen=True)
class Definition:
    namespace: str
    id: str
    what: str  # "concept", "checklist item"... for messages and typed references
    file: LoadedFile
    path: Path_


def definitions(files: Sequence[LoadedFile]) -> Iterator[Definition]:
    """Every id that `files` define, with where it is defined."""
    for f in files:
        m = f.model
        if isinstance(m, Section):
            yield Definition("section", m.id, "section", f, ("id",))
            for name, what in (("concepts", "concept"), ("checklist", "checklist item"), ("exercises", "exercise")):
                for i, item in enumerate(getattr(m, name)):
                    yield Definition(ITEM, item.id, what, f, (name, i, "id"))
        elif isinstance(m, Guide):
            for i, c in enumerate(m.completion_criteria):
                yield Definition(ITEM, c.id, "completion criterion", f, ("completion_criteria", i, "id"))
        elif isinstance(m, Matrix):
            for i, row in enumerate(m.technologies):
                yield Definition("technology", row.id, "technology", f, ("technologies", i, "id"))
        elif isinstance(m, ApiComparison):
            for i, style in enumerate(m.styles):
                yield Definition("style", style.id, "API style", f, ("styles", i, "id"))
            for i, feature in enumerate(m.features):
                yield Definition("feature", feature.id, "feature", f, ("features", i, "id"))
        elif isinstance(m, UseCases):
            for i, lst in enumerate(m.lists):
                for side in ("use", "avoid"):
                    for j, case in enumerate(getattr(lst, side)):
                        yield Definition(ITEM, case.id, "use case", f, ("lists", i, side, j, "id"))
        elif isinstance(m, Benchmarks):
            for table in ("payload", "latency"):
                for i, row in enumerate(getattr(m, table).rows):
                    yield Definition(ITEM, row.id, "benchmark row", f, (table, "rows", i, "id"))


def _where(first: Definition, here: LoadedFile) -> str:
    line = first.file.source.locate(first.path)[0]
    return f"line {line}" if first.file is here else f"{first.file.source.display}:{line}"


class _Index:
    def __init__(self, files: Sequence[LoadedFile], reference: Catalog | None) -> None:
        self.problems: list[Problem] = []
        self.own: dict[tuple[str, str], Definition] = {}
        for d in definitions(files):
            key = (d.namespace, d.id)
            if key in self.own:
                first = self.own[key]
                self.problems.append(
                    d.file.source.problem(d.path, f"duplicate id {d.id!r} (first at {_where(first, d.file)})")
                )
            else:
                self.own[key] = d
        self.reference = {(d.namespace, d.id): d for d in definitions(reference.files)} if reference else {}
        self.reference_technologies = [t.id for f in (reference.files if reference else ()) if isinstance(f.model, Technologies) for t in f.model.technologies]

    def find(self, namespace: str, id_: str) -> Definition | None:
        return self.own.get((namespace, id_)) or self.reference.get((namespace, id_))

    def require(self, f: LoadedFile, path: Path_, namespace: str, id_: str, *whats: str) -> None:
        found = self.find(namespace, id_)
        label = " or ".join(whats) if whats else namespace
        if found is None:
            known = sorted(i for (ns, i), d in self.own.items() if ns == namespace and (not whats or d.what in whats))
            hint = did_you_mean(id_, known)
            self.problems.append(f.source.problem(path, f"unknown {label} {id_!r}{hint}"))
        elif whats and found.what not in whats:
            self.problems.append(f.source.problem(path, f"{id_!r} is a {found.what}, expected a {label}"))


def cross_check(files: Sequence[LoadedFile], *, complete: bool, reference: Catalog | None) -> list[Problem]:
    """Every problem that only shows when the files are seen together."""
    index = _Index(files, reference)
    problems = index.problems
    reference_questions = {
        q.id: q for f in (reference.files if reference else ()) if isinstance(f.model, Questions) for q in f.model.questions
    }
    _singletons(files, problems, complete)
    orders: dict[int, LoadedFile] = {}
    for f in files:
        m = f.model
        if isinstance(m, Section):
            _section(f, m, index)
            if m.order in orders:
                problems.append(f.source.problem(("order",), f"order {m.order} is also used by {orders[m.order].source.display}"))
            orders.setdefault(m.order, f)
        elif isinstance(m, Matrix):
            for i, row in enumerate(m.technologies):
                index.require(f, ("technologies", i, "section"), "section", row.section)
                found = index.find("section", row.section)
                if row.topic and found is not None:
                    topics = {t.id for t in found.file.model.topics}  # type: ignore[attr-defined]
                    if row.topic not in topics:
                        problems.append(
                            f.source.problem(
                                ("technologies", i, "topic"),
                                f"unknown topic {row.topic!r} of section {row.section!r}; known: {', '.join(sorted(topics))}",
                            )
                        )
        elif isinstance(m, UseCases):
            seen: dict[str, int] = {}
            for i, lst in enumerate(m.lists):
                index.require(f, ("lists", i, "technology"), "technology", lst.technology)
                if lst.technology in seen:
                    problems.append(
                        f.source.problem(("lists", i, "technology"), f"{lst.technology!r} already has a list (lists[{seen[lst.technology]}])")
                    )
                seen.setdefault(lst.technology, i)
        elif isinstance(m, Benchmarks):
            for table in ("payload", "latency"):
                for i, row in enumerate(getattr(m, table).rows):
                    index.require(f, (table, "rows", i, "api"), "style", row.api)
        elif isinstance(m, Guide):
            for i, criterion in enumerate(m.completion_criteria):
                for j, ref in enumerate(criterion.refs):
                    if index.find("section", ref) is None and index.find(ITEM, ref) is None:
                        known = sorted(i for (ns, i) in index.own if ns in ("section", ITEM))
                        problems.append(
                            f.source.problem(
                                ("completion_criteria", i, "refs", j),
                                f"unknown section or item {ref!r}{did_you_mean(ref, known)}",
                            )
                        )
    problems.extend(check_rules(files, index, reference_questions))
    problems.extend(check_quizzes(files, index))
    return problems


def _singletons(files: Sequence[LoadedFile], problems: list[Problem], complete: bool) -> None:
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


def _section(f: LoadedFile, s: Section, index: _Index) -> None:
    topics = {t.id for t in s.topics}
    problems = index.problems
    seen_topics: set[str] = set()
    for i, topic in enumerate(s.topics):
        if topic.id in seen_topics:
            problems.append(f.source.problem(("topics", i, "id"), f"duplicate topic id {topic.id!r}"))
        seen_topics.add(topic.id)
    for name in ("concepts", "checklist", "exercises", "resources"):
        for i, item in enumerate(getattr(s, name)):
            if item.topic is not None and item.topic not in topics:
                hint = f"; this section's topics: {', '.join(sorted(topics))}"
                problems.append(f.source.problem((name, i, "topic"), f"unknown topic {item.topic!r}{hint}"))
    for i, concept in enumerate(s.concepts):
        figures: set[str] = set()
        for j, figure in enumerate(concept.figures):
            if figure.id in figures:
                problems.append(f.source.problem(("concepts", i, "figures", j, "id"), f"duplicate figure id {figure.id!r}"))
            figures.add(figure.id)
    for i, item in enumerate(s.checklist):
        for j, ref in enumerate(item.concepts):
            index.require(f, ("checklist", i, "concepts", j), ITEM, ref, "concept")
    for i, exercise in enumerate(s.exercises):
        for j, ref in enumerate(exercise.checklist):
            index.require(f, ("exercises", i, "checklist", j), ITEM, ref, "checklist item")
