"""The priorities dialog: how much each concern (cost, latency, …) weighs in the verdicts."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from advisor.advise.priorities import DEFAULT, profile, weighted_concerns
from advisor.models.rules import CONCERNS, PRIORITY_LEVELS
from advisor.tui.screens.base import AdvisorDialog

LEVELS = list(PRIORITY_LEVELS)
LEVEL_STYLE = {"low": "$foreground-muted", "normal": "", "high": "bold $text-accent"}


def _row(concern: str, level: str) -> Content:
    return Content.assemble((f"{CONCERNS[concern].title:<24}", "bold"), (level, LEVEL_STYLE[level]))


class PrioritiesDialog(AdvisorDialog[dict[str, str] | None]):
    """Each weighted concern with its level; ← → change the highlighted one; enter keeps them all."""

    AUTO_FOCUS = "#priorities"
    DEFAULT_CSS = """
    PrioritiesDialog #priorities { height: auto; }
    PrioritiesDialog #priority-help { margin-bottom: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "level(-1)", "Lower"),
        Binding("right", "level(1)", "Higher"),
        Binding("minus", "level(-1)", show=False),
        Binding("plus,equals_sign", "level(1)", show=False),
        Binding("n", "normal", "All normal"),
        Binding("enter", "keep", "Keep", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, priorities: dict[str, str]) -> None:
        super().__init__()
        self.levels = profile(priorities)

    def compose(self) -> ComposeResult:
        with Vertical(id="priorities-dialog"):
            yield Static(Content.styled("What matters most for this workload?", "bold"))
            yield OptionList(*(Option(_row(c, self.levels[c]), id=c) for c in weighted_concerns()), id="priorities")
            yield Static(id="priority-help")
            yield Static(
                Content.styled(
                    "← → lower or raise it: low halves the weight of its rules, high doubles it; vetoes and "
                    "whether a technology fits at all never change. enter keeps them, escape cancels.",
                    "$foreground-muted",
                )
            )

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        concern = CONCERNS[str(event.option.id)]
        self.query_one("#priority-help", Static).update(
            Content.styled(f"{concern.title}: {concern.help}", "italic $foreground-muted"), layout=False
        )

    def _set(self, index: int, level: str) -> None:
        concern = weighted_concerns()[index]
        self.levels[concern] = level
        self.query_one("#priorities", OptionList).replace_option_prompt_at_index(index, _row(concern, level))

    def action_level(self, delta: int) -> None:
        index = self.query_one("#priorities", OptionList).highlighted
        if index is None:
            return
        now = LEVELS.index(self.levels[weighted_concerns()[index]])
        self._set(index, LEVELS[max(0, min(len(LEVELS) - 1, now + delta))])

    def action_normal(self) -> None:
        for index in range(len(weighted_concerns())):
            self._set(index, DEFAULT)

    def action_keep(self) -> None:
        self.dismiss({c: level for c, level in self.levels.items() if level != DEFAULT})

    def action_cancel(self) -> None:
        self.dismiss(None)
