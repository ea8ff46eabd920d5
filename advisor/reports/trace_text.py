"""The trace as plain text: every rule of every technology as the engine evaluated it.

One block per technology (per boundary where its decision is made per boundary): each rule,
whether it fired, what it added (its weight times its concern's priority factor), its condition
in words and the answers it read; then the sum, so anyone can check the arithmetic by hand.
`advisor recommend --trace` prints it; the recommendation screen shows one technology's block.
"""

from __future__ import annotations

from itertools import groupby

from advisor.models.recommendation import AnswerValue, RuleTrace
from advisor.models.report import Report, ReportTechnology
from advisor.text.numbers import signed

FIRED = {True: "fired", False: "no", None: "not sure"}


def _answer(value: AnswerValue) -> str:
    if value is None:
        return "not sure"
    return "[" + ", ".join(value) + "]" if isinstance(value, list) else value


TraceLine = tuple[str, str]  # (lead, text): a rule's status and contribution, then what it says


def rule_parts(r: RuleTrace) -> TraceLine:
    """('  fired     +4  ', 'serverless-spiky (cost: +2 × 2): traffic_pattern is spiky  ← traffic_pattern = spiky')."""
    if r.veto:
        added = "veto" if r.fired else "0"
        arithmetic = "veto"
    else:
        added = signed(r.contribution or 0) if r.fired else "0"
        factor = f"{r.multiplier:g}"
        arithmetic = f"{signed(r.weight or 0)}" + (f" × {factor}" if r.multiplier != 1 else "")
    read = ", ".join(f"{q} = {_answer(v)}" for q, v in r.read.items())
    text = f"{r.rule} ({r.concern}: {arithmetic}): {r.condition}" + (f"  ← {read}" if read else "")
    return f"  {FIRED[r.fired]:<9}{added:>5}  ", text


def rule_line(r: RuleTrace) -> str:
    """'  fired     +4  serverless-spiky (cost: +2 × 2): traffic_pattern is spiky  ← traffic_pattern = spiky'."""
    return "".join(rule_parts(r))


def technology_trace(report: Report, t: ReportTechnology) -> list[TraceLine]:
    """One technology's block: its verdict, each rule, and the sum per boundary, as (lead, text)
    lines: a screen that wraps the text keeps it beside the lead (the status and contribution)."""
    th = report.thresholds
    lines: list[TraceLine] = [
        (
            "",
            f"{t.name} ({t.id}): {t.verdict}, score {signed(t.score)}"
            + (" (vetoed)" if t.vetoed else "")
            + f" · recommended at {th['recommended']:+d} or more, avoid at {th['avoid']:+d} or less",
        )
    ]
    if not t.trace:
        return [*lines, ("  ", "(no trace: recommend with --trace)")]
    titles = {s.scope: s for s in t.scopes}
    for scope, rules in groupby(t.trace, key=lambda r: r.scope):
        traced = list(rules)
        if scope is not None and scope in titles:
            s = titles[scope]
            lines.append((" ", f"{s.title}: {s.verdict}, score {signed(s.score)}" + (" (vetoed)" if s.vetoed else "")))
        lines += [rule_parts(r) for r in traced]
        total = sum(r.contribution or 0 for r in traced if r.fired and not r.veto)
        vetoes = [r.rule for r in traced if r.fired and r.veto]
        lines.append((f"  {'':<9}{'=':>5}  ", signed(total) + (f", vetoed by {', '.join(vetoes)}" if vetoes else "")))
    if t.scopes:
        lines.append(("", overall_line(t)))
    return lines


def overall_line(t: ReportTechnology) -> str:
    """How a technology decided per boundary gets its one verdict and score, in words."""
    recommended = [s.title for s in t.scopes if s.verdict == "recommended"]
    if recommended:
        why = f"recommended {' and '.join(recommended)}, so recommended"
    elif all(s.verdict == "avoid" for s in t.scopes):
        why = "avoid at every boundary, so avoid"
    else:
        why = "recommended at no boundary and not avoid at every one, so consider"
    return f"Overall: {why}; score {signed(t.score)}, the highest of the boundaries' scores"


def trace_text(report: Report) -> str:
    """Every technology's block, by decision, as `advisor recommend --trace` prints it."""
    by_id = {t.id: t for t in report.technologies}
    lines = [
        "How each verdict was worked out: every rule, whether it fired (not sure: an answer it needs is "
        "missing), what it added (weight × the priority of its concern), its condition and the answers it read.",
    ]
    for d in report.decisions:
        lines += ["", f"== {d.title} =="]
        for tid in d.technologies:
            lines += ["", *("".join(line) for line in technology_trace(report, by_id[tid]))]
    return "\n".join(lines) + "\n"
