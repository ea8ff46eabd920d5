"""A screen that shows a checklist and adds each item's recall forecast once the quiz history is read."""

from __future__ import annotations

from advisor.quiz.progress import item_mastery
from advisor.tui.background import in_thread
from advisor.tui.screens.base import AdvisorScreen
from advisor.tui.widgets.checklist import ChecklistView


class WithChecklist(AdvisorScreen):
    """A screen with a ChecklistView: `load_mastery()` reads the history off the event loop.

    The worker belongs to the screen, not to the list: a worker on the list sent its state changes
    to the list, and the section's next/previous key grew about 15 ms slower.
    """

    @in_thread(group="mastery", exclusive=True)
    def load_mastery(self) -> None:
        """Add `recall in a week n%` to the items the quiz history speaks for (none: nothing to add)."""
        mastery = item_mastery(self.advisor.catalog, self.advisor.store.answers())
        if mastery:
            self.app.call_from_thread(self.query_one(ChecklistView).show_mastery, mastery)
