"""Reading a kept recommendation back: the one place a stored report is decoded."""

from __future__ import annotations

from pydantic import ValidationError

from advisor.models.progress import Milestone
from advisor.models.report import Report


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
