"""Every id the files define, where each is defined, and the helpers every checker shares."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from advisor.loading.files import LoadedFile
from advisor.loading.problems import FieldPath, Problem
from advisor.models.content import ApiComparison, Benchmarks, Guide, Matrix, Section, UseCases
from advisor.models.rules import Questions, Technologies
from advisor.text.suggest import did_you_mean

if TYPE_CHECKING:
    from advisor.loading.catalog import Catalog

# Item ids share one namespace so that a reference such as `rests_on: serverless-cold-start`
# is unambiguous whatever kind of item it names.
ITEM = "item"


@dataclass(frozen=True)
class Definition:
    """One defined id: its namespace, what it names, and where."""

    namespace: str
    id: str
    what: str  # "concept", "checklist item"... for messages and typed references
    file: LoadedFile
    path: FieldPath


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
            for i, criterion in enumerate(m.completion_criteria):
                yield Definition(ITEM, criterion.id, "completion criterion", f, ("completion_criteria", i, "id"))
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


class IdIndex:
    """The ids defined by the files being checked, plus those of a reference catalog.

    A pack validated on its own may cite the shipped guide: `find` looks in both, while
    duplicates are only reported among the files themselves.
    """

    def __init__(self, files: Sequence[LoadedFile], reference: Catalog | None = None) -> None:
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
        others = reference.files if reference else ()
        self.reference = {(d.namespace, d.id): d for d in definitions(others)}
        self.reference_questions = {
            q.id: q for f in others if isinstance(f.model, Questions) for q in f.model.questions
        }
        self.reference_technologies = [
            t.id for f in others if isinstance(f.model, Technologies) for t in f.model.technologies
        ]

    def find(self, namespace: str, id_: str) -> Definition | None:
        """Where `id_` is defined in `namespace`, here or in the reference catalog."""
        return self.own.get((namespace, id_)) or self.reference.get((namespace, id_))

    def known(self, *namespaces: str) -> list[str]:
        """The ids these files define in `namespaces`, sorted (for 'did you mean')."""
        return sorted(i for (ns, i) in self.own if ns in namespaces)

    def require(self, f: LoadedFile, path: FieldPath, namespace: str, id_: str, *whats: str) -> None:
        """Report a problem unless `id_` is defined in `namespace` (and is one of `whats`, if given)."""
        found = self.find(namespace, id_)
        label = " or ".join(whats) if whats else namespace
        if found is None:
            known = sorted(i for (ns, i), d in self.own.items() if ns == namespace and (not whats or d.what in whats))
            hint = did_you_mean(id_, known)
            self.problems.append(f.source.problem(path, f"unknown {label} {id_!r}{hint}"))
        elif whats and found.what not in whats:
            self.problems.append(f.source.problem(path, f"{id_!r} is a {found.what}, expected a {label}"))


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


def duplicate_ids(
    f: LoadedFile, entries: Iterable[_HasId], path: FieldPath, label: str, suffix: str = ""
) -> list[Problem]:
    """A problem for each entry whose id came earlier in the same list: 'duplicate <label> 'x''.

    `path` is the list's path; the problem points at the repeated entry's `id`.
    """
    problems: list[Problem] = []
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        if entry.id in seen:
            problems.append(f.source.problem((*path, i, "id"), f"duplicate {label} {entry.id!r}{suffix}"))
        seen.add(entry.id)
    return problems


class FirstSeen:
    """Ids that must be unique across files: the first file to define each, for messages."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.first: dict[str, LoadedFile] = {}

    def check(self, f: LoadedFile, path: FieldPath, id_: str) -> list[Problem]:
        """A problem if `id_` was defined before (naming where), else remember it."""
        if id_ not in self.first:
            self.first[id_] = f
            return []
        where = "this file" if self.first[id_] is f else self.first[id_].source.display
        return [f.source.problem(path, f"duplicate {self.label} {id_!r} (first in {where})")]
