"""Reading a kept recommendation back: the one place a stored report is decoded."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import ValidationError

from advisor.models.progress import Milestone
from advisor.models.report import Report
from advisor.store import ProgressStore


class UnreadableMilestone(Exception):
    """A milestone whose report another advisor version wrote in a shape this one cannot read."""

    def __init__(self, milestone: Milestone) -> None:
        self.milestone = milestone
        super().__init__(
            f"milestone {milestone.number} ({milestone.name}) was made by another advisor version and cannot be read"
        )


def read_report(milestone: Milestone) -> Report:
    """The report kept with `milestone`; raises UnreadableMilestone if its shape is not this version's."""
    try:
        return Report.model_validate(milestone.report)
    except ValidationError:
        raise UnreadableMilestone(milestone) from None


def readable_reports(milestones: Iterable[Milestone]) -> list[Report]:
    """The reports of `milestones` this version can read (the others are left out, not an error)."""
    reports = []
    for milestone in milestones:
        try:
            reports.append(read_report(milestone))
        except UnreadableMilestone:
            continue
    return reports


def kept_reports(store: ProgressStore, before: int | None = None) -> list[Report]:
    """The readable reports of the kept recommendations, oldest first (those numbered below `before`)."""
    numbers = [m.number for m in store.milestones() if before is None or m.number < before]
    return readable_reports(m for n in numbers if (m := store.milestone(n)) is not None)
