"""The guide as typed, immutable data: sections, reference tables and the overview.

Every model here is the schema of one YAML file kind in ``content/``; ``advisor schema``
publishes them as JSON Schema for editors.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import Field, model_validator

from advisor.models.base import DataModel, Id, SourceRef, Text


class Origin(StrEnum):
    """Where a piece of content comes from: the source guide, or written by us to fill a gap."""

    guide = "guide"
    ours = "ours"


class Level(StrEnum):
    low = "low"
    medium = "medium"
    high = "high"


class Difficulty(StrEnum):
    easy = "easy"
    medium = "medium"
    hard = "hard"


class MinuteRange(DataModel):
    """An estimate such as '75-90 minutes'."""

    min: int = Field(ge=0)
    max: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> MinuteRange:
        if self.max < self.min:
            raise ValueError(f"max ({self.max}) is smaller than min ({self.min})")
        return self


# --- the overview -----------------------------------------------------------------------


class TimelineEntry(DataModel):
    id: Id
    label: Text
    minutes: MinuteRange


class Criterion(DataModel):
    """One completion criterion; `refs` point at checklist items or sections it is met by."""

    id: Id
    text: Text
    optional: bool = False
    refs: list[Id] = []


class PreviousPhase(DataModel):
    phase: int = Field(ge=1)
    topic: Text
    connection: Text


class Related(DataModel):
    previous: list[PreviousPhase] = []
    next_steps: list[Text] = []


class Guide(DataModel):
    """The guide's front matter: what it covers, what it needs, and when it is done."""

    kind: Literal["guide"]
    id: Id
    title: Text
    summary: Text
    difficulty: Literal["beginner", "intermediate", "advanced"]
    content_size_kb: int = Field(ge=0)
    reading_time: MinuteRange
    prerequisites: list[Text]
    technical_setup: list[Text]
    timeline: list[TimelineEntry] = Field(min_length=1)
    completion_criteria: list[Criterion] = Field(min_length=1)
    related: Related


# --- sections ---------------------------------------------------------------------------


class Topic(DataModel):
    """A sub-topic of a section, e.g. GraphQL and gRPC inside 'Modern API patterns'."""

    id: Id
    title: Text
    summary: Text


class Figure(DataModel):
    """A measured or illustrative range quoted by a concept, e.g. runtime init 100-300 ms."""

    id: Id
    label: Text
    low: float
    high: float
    unit: Text
    origin: Origin = Origin.guide
    sources: list[SourceRef] = []

    @model_validator(mode="after")
    def _ordered(self) -> Figure:
        if self.high < self.low:
            raise ValueError(f"high ({self.high}) is smaller than low ({self.low})")
        return self


class Concept(DataModel):
    """A key concept, written out in Markdown (code blocks welcome)."""

    id: Id
    title: Text
    topic: Id | None = None
    origin: Origin = Origin.guide
    body: Text
    figures: list[Figure] = []
    sources: list[SourceRef] = []  # for the provider-specific limits, prices and versions in `body`


class ChecklistItem(DataModel):
    """A learning-checklist item; its id is stored with the user's tick, so it never changes."""

    id: Id
    text: Text
    topic: Id | None = None
    origin: Origin = Origin.guide
    concepts: list[Id] = []


class Exercise(DataModel):
    id: Id
    title: Text
    topic: Id | None = None
    origin: Origin = Origin.guide
    minutes: int = Field(gt=0)
    difficulty: Difficulty
    goal: Text
    steps: list[Text] = Field(min_length=1)
    checklist: list[Id] = []


class Resource(DataModel):
    title: Text
    kind: Literal["docs", "site", "book", "paper", "talk"]
    url: str | None = Field(default=None, pattern=r"^https://\S+$")
    topic: Id | None = None
    origin: Origin = Origin.guide
    note: Text | None = None


class Section(DataModel):
    """One section of the guide with everything a learner needs to work through it."""

    kind: Literal["section"]
    id: Id
    order: int = Field(ge=1)
    title: Text
    summary: Text
    size_kb: int | None = Field(default=None, ge=0)
    topics: list[Topic] = Field(min_length=1)
    concepts: list[Concept] = Field(min_length=1)
    checklist: list[ChecklistItem] = Field(min_length=1)
    exercises: list[Exercise] = []
    resources: list[Resource] = []


# --- reference tables -------------------------------------------------------------------


class MatrixRow(DataModel):
    id: Id
    name: Text
    complexity: Level
    cost_at_scale: Level
    best_for: Text
    section: Id
    topic: Id | None = None


class Matrix(DataModel):
    """The technology decision matrix."""

    kind: Literal["matrix"]
    title: Text
    note: Text
    technologies: list[MatrixRow] = Field(min_length=1)


class Cell(DataModel):
    text: Text
    support: Literal["yes", "no", "partial"] | None = None


class Feature(DataModel):
    id: Id
    label: Text
    values: dict[Id, Cell]
    note: Text | None = None
    sources: list[SourceRef] = []


class ApiStyle(DataModel):
    id: Id
    name: Text


class ApiComparison(DataModel):
    """REST, GraphQL and gRPC side by side, one row per feature."""

    kind: Literal["api-comparison"]
    title: Text
    note: Text
    styles: list[ApiStyle] = Field(min_length=2)
    features: list[Feature] = Field(min_length=1)

    @model_validator(mode="after")
    def _every_style_has_a_value(self) -> ApiComparison:
        styles = [s.id for s in self.styles]
        for feature in self.features:
            missing = [s for s in styles if s not in feature.values]
            extra = [s for s in feature.values if s not in styles]
            if missing or extra:
                raise ValueError(
                    f"feature '{feature.id}' must give exactly one value per style "
                    f"({', '.join(styles)}); missing: {missing or 'none'}, unknown: {extra or 'none'}"
                )
        return self


class UseCase(DataModel):
    id: Id
    text: Text
    why: Text
    sources: list[SourceRef] = []


class UseCaseList(DataModel):
    technology: Id
    origin: Origin = Origin.guide
    use: list[UseCase] = Field(min_length=1)
    avoid: list[UseCase] = Field(min_length=1)


class UseCases(DataModel):
    """When to reach for each technology, and when not to."""

    kind: Literal["use-cases"]
    title: Text
    lists: list[UseCaseList] = Field(min_length=1)


class PayloadRow(DataModel):
    id: Id
    format: Text
    api: Id
    size_kb: float = Field(gt=0)
    compressed_kb: float | None = Field(default=None, gt=0)
    compression: Text
    note: Text | None = None


class LatencyRow(DataModel):
    id: Id
    protocol: Text
    api: Id
    p50_ms: float = Field(gt=0)
    p99_ms: float = Field(gt=0)

    @model_validator(mode="after")
    def _ordered(self) -> LatencyRow:
        if self.p99_ms < self.p50_ms:
            raise ValueError(f"p99_ms ({self.p99_ms}) is smaller than p50_ms ({self.p50_ms})")
        return self


class PayloadTable(DataModel):
    title: Text
    scenario: Text
    rows: list[PayloadRow] = Field(min_length=1)


class LatencyTable(DataModel):
    title: Text
    scenario: Text
    rows: list[LatencyRow] = Field(min_length=1)


class Benchmarks(DataModel):
    """The guide's payload-size and latency tables; every figure is illustrative."""

    kind: Literal["benchmarks"]
    provenance: Text
    caveats: list[Text] = Field(min_length=1)
    payload: PayloadTable
    latency: LatencyTable
