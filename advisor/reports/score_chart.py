"""What the score chart shows, for every front end that draws it (the TUI in cells, HTML in SVG).

One row per technology, by decision, and one per boundary under a technology whose decision is
made per boundary; the scale runs from below the avoid threshold to above the recommend one, and
wide enough for every score. A vetoed row is drawn as a veto, not as its score.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from advisor.models.recommendation import Verdict
from advisor.models.report import Report
from advisor.text.numbers import signed

VERDICT_MARK: dict[Verdict, str] = {"recommended": "✓", "consider": "~", "avoid": "✗"}


@dataclass(frozen=True)
class ScoreRow:
    """One bar: a technology, or one boundary of the technology above it (`scope` is True)."""

    label: str
    technology: str  # the technology's id
    score: float
    verdict: Verdict
    vetoed: bool
    scope: bool = False


@dataclass(frozen=True)
class ScoreGroup:
    """A decision's rows, under its title."""

    title: str
    rows: tuple[ScoreRow, ...]


@dataclass(frozen=True)
class ScoreScale:
    """The chart's axis: `low` to `high` (whole points), with the two thresholds on it."""

    low: int
    high: int
    avoid: int
    recommended: int

    def at(self, value: float) -> float:
        """Where `value` falls along the axis, 0 at `low` and 1 at `high`."""
        return (value - self.low) / (self.high - self.low)


def score_groups(report: Report) -> list[ScoreGroup]:
    """The rows of the chart, decision by decision, in the report's order."""
    groups = []
    for d in report.decisions:
        rows: list[ScoreRow] = []
        for tid in d.technologies:
            t = report.technology(tid)
            rows.append(ScoreRow(t.name, t.id, t.score, t.verdict, t.vetoed))
            rows += [ScoreRow(s.title, t.id, s.score, s.verdict, s.vetoed, scope=True) for s in t.scopes]
        groups.append(ScoreGroup(d.title, tuple(rows)))
    return groups


def score_scale(report: Report) -> ScoreScale:
    """An axis one point beyond each threshold, or beyond the lowest and highest score drawn."""
    avoid, recommended = report.thresholds["avoid"], report.thresholds["recommended"]
    scores = [r.score for g in score_groups(report) for r in g.rows if not r.vetoed]
    low = min([avoid - 1, *scores])
    high = max([recommended + 1, *scores])
    return ScoreScale(math.floor(min(low, 0)), math.ceil(max(high, 0)), avoid, recommended)


def row_text(row: ScoreRow) -> str:
    """The row in words, for a text alternative: 'GraphQL: +5, recommended' or '…: vetoed, avoid'."""
    score = "vetoed" if row.vetoed else signed(row.score)
    return f"{row.label}: {score}, {row.verdict}"
