"""What every format says the same way: the choice per decision, the risks, and how verdicts read.

The summary is one line per decision: its recommended technologies, or, where the decision is
made per boundary, what is recommended at each ("GraphQL for browsers and mobile apps; gRPC
between our own services"). The risks are what a reviewer should hear about before agreeing:
every veto (a technology ruled out, and why) and the reasons against each recommended
technology, strongest first. A verdict after a veto is worded with the veto's reason, never with
the score the veto overrides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from advisor.models.report import Report, ReportFlip, ReportReason, ReportScope, ReportTechnology
from advisor.models.rules import CONCERNS
from advisor.models.workload import DECISION_KINDS, TeamDecision
from advisor.text.numbers import signed

NO_CLEAR_CHOICE = "no clear choice: see the verdicts"


@dataclass(frozen=True)
class SummaryLine:
    decision: str  # the decision's title
    chosen: str  # the recommended technologies' names (per boundary where it is decided per boundary)


@dataclass(frozen=True)
class Risk:
    kind: Literal["veto", "against"]
    technology: str  # its name
    text: str  # the rule's reason
    where: str  # where the guide says so
    weight: float | None  # what it took off the score; None for a veto
    scope: str = ""  # the boundaries it holds at ("between your own services"); "" when decided as a whole


NO_CLEAR_CHOICE_AT = "no clear choice"  # at a boundary: "no clear choice between your own services"


def summary(report: Report) -> list[SummaryLine]:
    """One line per decision, in the report's order."""
    by_id = {t.id: t for t in report.technologies}
    lines = []
    for d in report.decisions:
        if not d.scopes:
            lines.append(SummaryLine(d.title, ", ".join(by_id[t].name for t in d.chosen) or NO_CLEAR_CHOICE))
            continue
        # boundaries with the same choice read as one: "Service mesh for the services that need
        # it and for the rest of the fleet", not the name twice
        by_choice: dict[str, list[str]] = {}
        for scope, title in d.scopes.items():
            chosen = [
                by_id[t].name
                for t in d.technologies
                if any(s.scope == scope and s.verdict == "recommended" for s in by_id[t].scopes)
            ]
            by_choice.setdefault(", ".join(chosen), []).append(title)
        parts = [f"{choice or NO_CLEAR_CHOICE_AT} {' and '.join(titles)}" for choice, titles in by_choice.items()]
        lines.append(SummaryLine(d.title, "; ".join(parts)))
    return lines


def chosen_scopes(t: ReportTechnology) -> list[ReportScope]:
    """The boundaries where `t` is recommended; all of them when it is recommended at none."""
    return [s for s in t.scopes if s.verdict == "recommended"] or list(t.scopes)


def chosen_name(t: ReportTechnology) -> str:
    """'GraphQL for browsers and mobile apps': the name with the boundaries where it is recommended."""
    titles = [s.title for s in t.scopes if s.verdict == "recommended"]
    return f"{t.name} {' and '.join(titles)}" if titles else t.name


def reasons_where_chosen(t: ReportTechnology, direction: str) -> list[tuple[ReportReason, str]]:
    """`t`'s reasons one way at the boundaries where it is recommended (at every boundary when it is
    recommended at none), each with those boundaries named ("" when decided as a whole)."""
    if not t.scopes:
        return [(r, "") for r in t.reasons if r.direction == direction]
    titles = {s.scope: s.title for s in chosen_scopes(t)}
    found = []
    for r in t.reasons:
        at = [titles[s] for s in r.scopes if s in titles]
        if r.direction == direction and at:
            found.append((r, " and ".join(at)))
    return found


def risks(report: Report) -> list[Risk]:
    """Vetoes first (by technology, in report order), then the reasons against what is recommended,
    at the boundaries where it is recommended, each naming them."""
    vetoes = [
        Risk("veto", t.name, r.text, r.rests_on_title, None, " and ".join(_titles(t, r.scopes)))
        for t in report.technologies
        for r in t.reasons
        if r.veto
    ]
    against = [
        Risk(
            "against",
            t.name,
            r.text,
            r.rests_on_title,
            r.contribution if r.contribution is not None else r.weight,
            scope,
        )
        for t in report.technologies
        if t.verdict == "recommended"
        for r, scope in reasons_where_chosen(t, "against")
        if not r.veto
    ]
    against.sort(key=lambda risk: risk.weight or 0)  # the most negative first; stable within a weight
    return vetoes + against


def _titles(t: ReportTechnology, scopes: list[str]) -> list[str]:
    titles = {s.scope: s.title for s in t.scopes}
    return [titles[s] for s in scopes if s in titles]


def first_sentence(text: str) -> str:
    """The first sentence of a reason (all of it when it is one)."""
    found = re.match(r"(.+?[.;:])(\s|$)", text)
    return found.group(1).rstrip(".;:") if found else text


def detail(score: float, vetoed: bool, veto_reason: str | None = None) -> str:
    """'(+4)', '(veto: …)' or '(vetoed)': what stands behind a verdict; a veto never shows the score it overrides."""
    if vetoed:
        return f"(veto: {first_sentence(veto_reason)})" if veto_reason else "(vetoed)"
    return f"({signed(score)})"


def outcome(verdict: str, score: float, vetoed: bool, veto_reason: str | None = None) -> str:
    """'avoid (veto: …)', 'avoid (vetoed)' or 'recommended (+4)'."""
    return f"{verdict} {detail(score, vetoed, veto_reason)}"


def flip_outcome(flip: ReportFlip) -> str:
    """Where a flip moves the verdict, worded as `outcome` does."""
    return outcome(flip.verdict, flip.score, flip.vetoed, flip.veto_reason)


def flip_detail(flip: ReportFlip) -> str:
    """What stands behind the verdict a flip moves to, worded as `detail` does."""
    return detail(flip.score, flip.vetoed, flip.veto_reason)


def flip_change(flip: ReportFlip) -> str:
    """The change in words, both changes for a pair: 'Spiky → Steady, and Which cost…? add …'."""
    if flip.also is None:
        return f"{flip.question_text} {flip.change}"
    return f"{flip.question_text} {flip.change}, and {flip.also.question_text} {flip.also.change}"


def no_flip_text(t: ReportTechnology) -> str:
    """What to say when nothing found moves a verdict: exactly what was searched."""
    if t.flips_bounded:
        return "No single change moves it, nor any pair of changes tried (the pair search is bounded)."
    # singles try every answer; pairs join two one-step changes (a choice swapped, added or removed)
    return "No single change moves it, nor any pair of one-step changes (a choice swapped, added or removed)."


def technology_outcome(t: ReportTechnology) -> str:
    """A technology's verdict, worded as `outcome` does."""
    return outcome(t.verdict, t.score, t.vetoed)


def reason_weight(r: ReportReason) -> str:
    """'veto', or what the reason added to the score ('+2', '+4' when its concern weighs double)."""
    if r.veto:
        return "veto"
    return signed(r.contribution if r.contribution is not None else (r.weight or 0))


def scope_line(t: ReportTechnology) -> str:
    """'recommended for browsers and mobile apps (+5) · consider between our own services (+1)'."""
    return " · ".join(f"{outcome(s.verdict, s.score, s.vetoed)} {s.title}" for s in t.scopes)


def where_line(t: ReportTechnology) -> str:
    """Where a technology decided per boundary is for, plainly: 'recommended between our own
    services; avoid for browsers and mobile apps' (boundaries with the same verdict together)."""
    parts = []
    for verdict in ("recommended", "consider", "avoid"):
        titles = [s.title for s in t.scopes if s.verdict == verdict]
        if titles:
            parts.append(f"{verdict} {' and '.join(titles)}")
    return "; ".join(parts)


def decision_text(decision: TeamDecision) -> str:
    """'risk accepted: we know the cold starts', or the decision alone when no reason was given."""
    said = DECISION_KINDS[decision.decision]
    return f"{said}: {decision.reason}" if decision.reason else said


def priorities_line(report: Report) -> str | None:
    """'Cost high · Latency low (the others normal)', or None when every concern is at normal."""
    weighted = [f"{CONCERNS[c].title} {level}" for c, level in report.priorities.items() if level != "normal"]
    if not weighted:
        return None
    others = " (the others normal)" if len(weighted) < len(report.priorities) else ""
    return " · ".join(weighted) + others


NO_MOVE = "They moved no verdict: each is what normal weights give."  # said where a profile is shown


def moved_lines(report: Report) -> list[str]:
    """'Serverless functions: consider → recommended' for each verdict the priorities moved (a
    boundary's too: 'REST over HTTP for third-party developers: recommended → consider')."""
    names = {t.id: t.name for t in report.technologies}
    return [
        f"{names.get(m.technology, m.technology)}{f' {m.scope}' if m.scope else ''}: {m.default} → {m.verdict}"
        for m in report.moved
    ]


def accepted_risks(report: Report) -> list[tuple[ReportTechnology, list[ReportReason]]]:
    """Each technology whose risk the team accepted, with the reasons against it (vetoes first)."""
    return [
        (t, [r for r in t.reasons if r.direction == "against"])
        for t in report.technologies
        if t.team_decision is not None and t.team_decision.decision == "accept-risk"
    ]
