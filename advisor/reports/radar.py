"""The report as a technology radar: the CSV that Thoughtworks' Build Your Own Radar (BYOR) reads.

BYOR wants the columns `name,ring,quadrant,isNew,description`, the rings Adopt, Trial, Assess and
Hold, and exactly four quadrants; the hosted BYOR (radar.thoughtworks.com) only plots blips in its
own four (Techniques, Platforms, Tools, Languages & Frameworks: any other name is dropped), so the
decisions map onto those in `QUADRANTS`, the one table of that mapping. BYOR reads `isNew` as
true when it says TRUE (any case), and renders the description as HTML (a few tags allowed), so
every text from the data is escaped there; names are plain text to BYOR.

The ring is `ring_for`'s: recommended → Trial, consider → Assess, avoid → Hold, and Adopt for a
technology recommended now that a kept milestone recommended too and the team accepted.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterable, Sequence
from typing import Literal

from advisor.models.recommendation import Verdict
from advisor.models.report import Report, ReportTechnology
from advisor.models.workload import DECISION_KINDS
from advisor.reports.highlights import technology_outcome, where_line
from advisor.text.controls import visible

Ring = Literal["Adopt", "Trial", "Assess", "Hold"]
RINGS: tuple[Ring, ...] = ("Adopt", "Trial", "Assess", "Hold")  # BYOR's order, innermost first
COLUMNS = ("name", "ring", "quadrant", "isNew", "description")

# Decision id → BYOR quadrant, after what Thoughtworks' radar files under each: where code runs
# is a platform, how clients talk is a language or framework, what carries calls between services
# is a tool, whether state or its history is the record is a technique; a Wasm runtime for
# extensions is a platform, and CRDTs are a technique for shared state.
QUADRANTS: dict[str, str] = {
    "compute": "Platforms",
    "api-style": "Languages & Frameworks",
    "service-networking": "Tools",
    "state-model": "Techniques",
    "extension-compute": "Platforms",
    "shared-state": "Techniques",
}
# A decision of a user's pack that the table does not name: a way of structuring software
OTHER_QUADRANT = "Techniques"

_VERDICT_RING: dict[Verdict, Ring] = {"recommended": "Trial", "consider": "Assess", "avoid": "Hold"}


def ring_for(verdict: Verdict, previously_recommended: bool, accepted: bool) -> Ring:
    """The radar ring of a verdict: Adopt only for what is recommended now, was recommended by a
    kept milestone, and the team accepted; otherwise Trial, Assess or Hold by the verdict."""
    if verdict == "recommended" and previously_recommended and accepted:
        return "Adopt"
    return _VERDICT_RING[verdict]


def quadrant_for(decision: str) -> str:
    """The BYOR quadrant of a decision (see QUADRANTS)."""
    return QUADRANTS.get(decision, OTHER_QUADRANT)


def _text(text: str) -> str:
    """Data text for BYOR's HTML description: control characters visible, markup inert, line breaks kept."""
    return html.escape(visible(text), quote=False).replace("\n", "<br>")


def _description(report: Report, t: ReportTechnology) -> str:
    """The verdict, the technology's summary and every reason, as the small HTML BYOR allows."""
    decisions = {d.id: d.title for d in report.decisions}
    head = f"{_text(decisions.get(t.decision, t.decision))}: <strong>{_text(technology_outcome(t))}</strong>"
    parts = [f"<p>{head}</p>"]
    if t.scopes:  # one ring for the technology; the boundaries it was decided at say where
        parts.append(f"<p>Where: {_text(where_line(t))}</p>")
    if t.summary:
        parts.append(f"<p>{_text(t.summary)}</p>")
    if t.team_decision is not None:
        said = DECISION_KINDS[t.team_decision.decision]
        why = f": {_text(t.team_decision.reason)}" if t.team_decision.reason else ""
        parts.append(f"<p>Team decision: <strong>{said}</strong>{why}</p>")
    reasons = [
        f"<li>{'veto' if r.veto else f'{r.weight or 0:+d}'}: {_text(r.text)} ({_text(r.rests_on_title)})</li>"
        for r in t.reasons
    ]
    if reasons:
        parts.append(f"<ul>{''.join(reasons)}</ul>")
    return "".join(parts)


def accepted(report: Report) -> set[str]:
    """The technologies whose verdict the team accepted (a decision of "accept" on it)."""
    return {t.id for t in report.technologies if t.team_decision is not None and t.team_decision.decision == "accept"}


def radar_csv(report: Report, *, previous: Report | None = None, kept: Iterable[Report] = ()) -> str:
    """The radar of `report` as BYOR's CSV, one row per technology, innermost ring first.

    `previous` is the kept recommendation this one is compared with: `isNew` marks what moved (a
    verdict that changed, or a technology it did not have); without it nothing is new. A
    technology is Adopt when it is recommended now, `previous` or another `kept` recommendation
    recommended it too, and the team accepted it (its decision in `report`).
    """
    before = {t.id: t.verdict for t in previous.technologies} if previous is not None else None
    recommended_before = {
        t.id for r in (*kept, *([previous] if previous else [])) for t in r.technologies if t.verdict == "recommended"
    }
    team_accepted = accepted(report)
    rows = []
    for t in report.technologies:
        ring = ring_for(t.verdict, t.id in recommended_before, t.id in team_accepted)
        moved = before is not None and before.get(t.id) != t.verdict
        rows.append(
            (visible(t.name), ring, quadrant_for(t.decision), "TRUE" if moved else "FALSE", _description(report, t))
        )
    rows.sort(key=lambda row: RINGS.index(row[1]))  # old BYOR orders the rings as they first appear
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return out.getvalue()


def render_radar(report: Report, kept: Sequence[Report] = ()) -> str:
    """The report's radar, Adopt judged against the recommendations kept before it: the FORMATS entry."""
    return radar_csv(report, kept=kept)


def compare_radar(name_a: str, a: Report, name_b: str, b: Report, kept: Sequence[Report] = ()) -> str:
    """B's radar with what moved since A marked new (the names are the milestones', unused in a CSV)."""
    return radar_csv(b, previous=a, kept=kept)
