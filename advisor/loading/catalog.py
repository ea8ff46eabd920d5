"""The whole of the data, loaded once, cross-checked, immutable, and indexed by id."""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal, TypeVar

from advisor.loading.cache import cache_key
from advisor.loading.cache import read as read_cache
from advisor.loading.cache import write as write_cache
from advisor.loading.checks import cross_check
from advisor.loading.files import LoadedFile, load_files
from advisor.loading.paths import shipped_folders, yaml_files
from advisor.loading.problems import DataError
from advisor.models.base import DataModel
from advisor.models.content import (
    ApiComparison,
    Benchmarks,
    ChecklistItem,
    Concept,
    Exercise,
    Guide,
    Matrix,
    Section,
    UseCases,
)
from advisor.models.kinds import KINDS_BY_MODEL
from advisor.models.quiz import Quiz
from advisor.models.rules import Question, Questions, Rule, Rules, Technologies

M = TypeVar("M", bound=DataModel)


@dataclass(frozen=True)
class Place:
    """Where an item of the guide is: what kind it is, and its section when it is in one."""

    kind: Literal["concept", "checklist", "exercise", "use-case", "technology"]
    id: str
    title: str  # for people: 'Serverless Architecture › Anatomy of a cold start'
    section: str | None


@dataclass(frozen=True)
class Catalog:
    """Every file of every kind, in loading order, plus lookups the front ends need."""

    files: tuple[LoadedFile, ...]
    sections: tuple[Section, ...] = field(init=False)

    def __post_init__(self) -> None:
        sections = sorted(self.of_kind(Section), key=lambda s: (s.order, s.id))
        object.__setattr__(self, "sections", tuple(sections))

    def of_kind(self, model: type[M]) -> list[M]:
        """Every file's model of this kind, in loading order."""
        return [f.model for f in self.files if isinstance(f.model, model)]

    def _single(self, model: type[M]) -> M:
        found = self.of_kind(model)
        if not found:
            raise LookupError(f"the catalog has no {KINDS_BY_MODEL[model]} file")
        return found[0]

    @cached_property
    def guide(self) -> Guide:
        return self._single(Guide)

    @cached_property
    def matrix(self) -> Matrix:
        return self._single(Matrix)

    @cached_property
    def api_comparison(self) -> ApiComparison:
        return self._single(ApiComparison)

    @cached_property
    def use_cases(self) -> UseCases:
        return self._single(UseCases)

    @cached_property
    def benchmarks(self) -> Benchmarks:
        return self._single(Benchmarks)

    @cached_property
    def questions(self) -> list[Question]:
        """The workload questionnaire, in the order it is asked."""
        return list(self._single(Questions).questions)

    @cached_property
    def technologies(self) -> Technologies:
        return self._single(Technologies)

    @cached_property
    def rules(self) -> list[Rule]:
        """Every recommendation rule, file by file in loading order."""
        return [rule for f in self.of_kind(Rules) for rule in f.rules]

    @cached_property
    def quizzes(self) -> list[Quiz]:
        """Every quiz, in guide order of their sections (user quizzes last)."""
        order = {s.id: s.order for s in self.sections}
        return sorted(self.of_kind(Quiz), key=lambda q: (order.get(q.section or "", 10**6), q.id))

    @cached_property
    def content_version(self) -> str:
        """A short hash of every data file's bytes: which guide, rules and quizzes made a report."""
        # hashes of each file, sorted: independent of the working folder and of loading order
        parts = sorted(hashlib.sha256(f.source.path.read_bytes()).hexdigest() for f in self.files)
        return hashlib.sha256("".join(parts).encode()).hexdigest()[:12]

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def checklist(self) -> list[tuple[Section, ChecklistItem]]:
        """Every checklist item with its section, in guide order."""
        return [(s, item) for s in self.sections for item in s.checklist]

    def concept(self, concept_id: str) -> tuple[Section, Concept]:
        for section in self.sections:
            for concept in section.concepts:
                if concept.id == concept_id:
                    return section, concept
        raise KeyError(concept_id)

    def place(self, item_id: str) -> Place | None:
        """Where a content item lives (a concept, checklist item, exercise, use case or matrix row)."""
        for section in self.sections:
            for concept in section.concepts:
                if concept.id == item_id:
                    return Place("concept", item_id, f"{section.title} › {concept.title}", section.id)
            for item in section.checklist:
                if item.id == item_id:
                    return Place("checklist", item_id, f"{section.title} › checklist: {item.text}", section.id)
            for exercise in section.exercises:
                if exercise.id == item_id:
                    return Place("exercise", item_id, f"{section.title} › exercise: {exercise.title}", section.id)
        names = {row.id: row.name for row in self.matrix.technologies}
        for lst in self.use_cases.lists:
            for side in ("use", "avoid"):
                for case in getattr(lst, side):
                    if case.id == item_id:
                        where = f"Use and avoid › {names.get(lst.technology, lst.technology)} › {side}: {case.text}"
                        return Place("use-case", item_id, where, None)
        if item_id in names:
            return Place("technology", item_id, f"Decision matrix › {names[item_id]}", None)
        return None

    def describe(self, item_id: str) -> str:
        """Where a content item lives, for people: 'Serverless Architecture › Anatomy of a cold start'."""
        found = self.place(item_id)
        return found.title if found else item_id

    def exercises(self) -> list[tuple[Section, Exercise]]:
        return [(s, e) for s in self.sections for e in s.exercises]


def load_catalog(
    folders: Sequence[Path] | None = None,
    *,
    complete: bool = True,
    reference: Catalog | None = None,
    cache: bool = False,
) -> Catalog:
    """Load and cross-check the YAML under `folders` (the shipped data when None).

    `complete` demands one of each singleton kind (what the app needs to run); a user's pack
    being validated on its own is not complete. Ids that a pack refers to but does not define
    may be found in `reference` (normally the shipped catalog). `cache` reuses (and keeps) the
    validated catalog of a previous run when not a byte of the files has changed since.
    """
    paths = [p for folder in (folders if folders is not None else shipped_folders()) for p in yaml_files(folder)]
    # Loading allocates many small objects that all live on: the cyclic collector would scan
    # them again and again (super-linear time on big packs) and can find nothing to free. They
    # are frozen once loaded, so no later collection scans them either.
    collecting = gc.isenabled()
    gc.disable()
    try:
        key = cache_key(paths) if cache and complete and reference is None else None
        loaded = read_cache(paths, key) if key else None
        if loaded is None:
            loaded, problems = load_files(paths)
            if not problems:  # with a file missing, every reference into it would be reported too
                problems = cross_check(loaded, complete=complete, reference=reference)
            if problems:
                raise DataError(problems)
            if key:
                write_cache(loaded, key)
        catalog = Catalog(tuple(loaded))
        gc.freeze()
    finally:
        if collecting:
            gc.enable()
    return catalog
