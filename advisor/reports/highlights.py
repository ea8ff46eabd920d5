"""What a reader needs first, the same in every format: the choice per decision, and the risks.

The summary is one line per decision (its recommended technologies, or that there is no clear
choice). The risks are what a reviewer should hear about before agreeing: every veto (a
technology ruled out, and why) and the reasons against each recommended technology, strongest
first. Verdicts after a veto are worded as vetoed, never with the score that the veto overrides.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from advisor.models.report import Report, ReportFlip, ReportTechnology

NO_CLEAR_CHOICE = "no clear choice: see the verdicts"


@dataclass(frozen=True)
class SummaryLine:
    decision: str  # the decision's title
    chosen: str  # the recommended technologies' names, or NO_CLEAR_CHOICE


@dataclass(frozen=True)
class Risk:
    kind: Literal["veto", "against"]
    technology: str  # its name
    text: str  # the rule's reason
    where: str  # where the guide says so
    weight: int | None  # None for a veto


def summary(report: Report) -> list[SummaryLine]:
    """One line per decision, in the report's order."""
    names = {t.id: t.name for t in report.technologies}
    return [SummaryLine(d.title, ", ".join(names[t] for t in d.chosen) or NO_CLEAR_CHOICE) for d in report.decisions]


def risks(report: Report) -> list[Risk]:
    """Vetoes first (by technology, in report order), then the reasons against what is recommended."""
    vetoes = [
        Risk("veto", t.name, r.text, r.rests_on_title, None) for t in report.technologies for r in t.reasons if r.veto
    ]
    against = [
        Risk("against", t.name, r.text, r.rests_on_title, r.weight)
        for t in report.technologies
        if t.verdict == "recommended"
        for r in t.reasons
        if r.direction == "against" and not r.veto
    ]
    against.sort(key=lambda risk: risk.weight or 0)  # the most negative first; stable within a weight
    return vetoes + against


def outcome(verdict: str, score: int, vetoed: bool) -> str:
    """'avoid (vetoed)' or 'recommended (+4)': a vetoed verdict never shows the score it overrides."""
    return f"{verdict} (vetoed)" if vetoed else f"{verdict} ({score:+d})"


def flip_outcome(flip: ReportFlip) -> str:
    """Where a flip moves the verdict, worded as `outcome` does."""
    return outcome(flip.verdict, flip.score, flip.vetoed)


def technology_outcome(t: ReportTechnology) -> str:
    """A technology's verdict, worded as `outcome` does."""
    return outcome(t.verdict, t.score, t.vetoed)
