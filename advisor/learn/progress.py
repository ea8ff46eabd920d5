"""How far through the guide's checklist a learner is: per section and in all."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Home counts before the catalog's models are loaded
    from advisor.models.content import ChecklistItem, Section
    from advisor.text.charts import Completion


@dataclass(frozen=True)
class Count:
    """Items ticked of items in all."""

    done: int
    total: int

    @property
    def complete(self) -> bool:
        return self.done == self.total

    def __str__(self) -> str:
        return f"{self.done}/{self.total}"


def count(items: Iterable[ChecklistItem], done: set[str]) -> Count:
    """How many of `items` are in `done` (the ids of ticked items)."""
    return count_ids([item.id for item in items], done)


def count_ids(ids: Iterable[str], done: set[str]) -> Count:
    """How many of the item `ids` are in `done`."""
    listed = list(ids)
    return Count(sum(1 for i in listed if i in done), len(listed))


def section_count(section: Section, done: set[str]) -> Count:
    """One section's checklist progress."""
    return count(section.checklist, done)


def guide_count(sections: Iterable[Section], done: set[str]) -> Count:
    """The whole guide's checklist progress."""
    return count((item for s in sections for item in s.checklist), done)


def completion_by_section(sections: Iterable[Section], done: set[str]) -> list[Completion]:
    """Each section's checklist as a chart row: 'Serverless Architecture', 3 of 6 done."""
    from advisor.text.charts import Completion  # charts stay out of Home's first frame

    counts = [(s.title, section_count(s, done)) for s in sections]
    return [Completion(title, c.done, c.total) for title, c in counts]
