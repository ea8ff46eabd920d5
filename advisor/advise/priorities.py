"""The user's priorities: how much each concern (cost, latency, …) weighs in the verdicts.

A priority scales the weight of every rule that speaks to its concern: low halves it, high
doubles it, normal (the default) keeps it. Vetoes are never scaled, and neither is `fit` (whether
a technology can do the job at all is not a matter of taste). Every concern at normal gives the
verdicts the rules give on their own.
"""

from __future__ import annotations

from collections.abc import Mapping

from advisor.models.rules import CONCERNS, PRIORITY_LEVELS

Priorities = Mapping[str, str]  # concern id → "low" / "normal" / "high"

DEFAULT = "normal"


def weighted_concerns() -> list[str]:
    """The concerns a user may weight, in the table's order."""
    return [c.id for c in CONCERNS.values() if c.weighted]


def profile(priorities: Priorities | None) -> dict[str, str]:
    """Every weighted concern with its level (normal where not given)."""
    given = priorities or {}
    return {c: given.get(c, DEFAULT) for c in weighted_concerns()}


def multipliers(priorities: Priorities | None) -> dict[str, float]:
    """Concern → the factor its rules' weights are multiplied by (1 for `fit`)."""
    levels = profile(priorities)
    return {c.id: PRIORITY_LEVELS[levels[c.id]] if c.weighted else 1.0 for c in CONCERNS.values()}


def is_default(priorities: Priorities | None) -> bool:
    """True when every concern is at normal weight."""
    return all(level == DEFAULT for level in profile(priorities).values())


def problems(priorities: Mapping[str, object]) -> list[str]:
    """What is wrong with a priorities mapping as a user wrote it (unknown concern or level)."""
    found = []
    for concern, level in priorities.items():
        if concern not in CONCERNS or not CONCERNS[concern].weighted:
            found.append(f"unknown concern {concern!r}; one of {', '.join(weighted_concerns())}")
        elif level not in PRIORITY_LEVELS:
            found.append(f"{concern}: unknown priority {level!r}; one of {', '.join(PRIORITY_LEVELS)}")
    return found
