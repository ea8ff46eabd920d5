"""Every YAML file kind, the model that is its schema, and the folder it usually lives in."""

from __future__ import annotations

from dataclasses import dataclass

from advisor.models.base import DataModel
from advisor.models.content import ApiComparison, Benchmarks, Guide, Matrix, Section, UseCases
from advisor.models.quiz import Quiz
from advisor.models.rules import Questions, Rules, Technologies


@dataclass(frozen=True)
class FileKind:
    name: str
    model: type[DataModel]
    folder: str
    singleton: bool  # one per catalog (the guide, the matrix...) rather than one per topic


KINDS: dict[str, FileKind] = {
    kind.name: kind
    for kind in (
        FileKind("guide", Guide, "content", True),
        FileKind("section", Section, "content/sections", False),
        FileKind("matrix", Matrix, "content", True),
        FileKind("api-comparison", ApiComparison, "content", True),
        FileKind("use-cases", UseCases, "content", True),
        FileKind("benchmarks", Benchmarks, "content", True),
        FileKind("questions", Questions, "rules", True),
        FileKind("technologies", Technologies, "rules", True),
        FileKind("rules", Rules, "rules", False),
        FileKind("quiz", Quiz, "quizzes", False),
    )
}

KINDS_BY_MODEL: dict[type[DataModel], str] = {kind.model: name for name, kind in KINDS.items()}
