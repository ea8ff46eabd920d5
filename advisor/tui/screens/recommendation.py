"""The recommendation: every technology by decision, with its verdict, reasons and flips."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from advisor.advise.questionnaire import CURRENT_WORKLOAD
from advisor.models.report import Report, ReportTechnology
from advisor.models.workload import DECISION_KINDS, DECISION_OFFERS, TeamDecision, Workload
from advisor.reports.highlights import (
    NO_MOVE,
    decision_text,
    flip_change,
    flip_detail,
    moved_lines,
    no_flip_text,
    priorities_line,
    reason_weight,
    risks,
    summary,
    where_line,
)
from advisor.text.charts import bar
from advisor.text.numbers import signed
from advisor.tui.background import in_thread
from advisor.tui.screens.base import AdvisorScreen
from advisor.tui.widgets.hanging_text import HangingText, Paragraph
from advisor.tui.widgets.inline_code import inline_code
from advisor.tui.widgets.key_bar import KeyBar
from advisor.tui.widgets.score_chart import ScoreChartView
from advisor.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from advisor.loading.catalog import Catalog
    from advisor.reports.trace_text import TraceLine


def work_out(catalog: Catalog, workload: Workload, *, trace: bool = False) -> Report:
    """The report of a workload as the TUI shows it (call it off the event loop)."""
    from advisor.advise.engine import recommend
    from advisor.reports.build import build_report

    rec = recommend(catalog, workload.answers, priorities=workload.priorities, trace=trace)
    return build_report(catalog, rec, notes=workload.notes, decisions=workload.decisions)


DECISION_STYLE = {"accept": "bold $text-success", "reject": "bold $text-error", "accept-risk": "bold $text-warning"}
VERDICT_STYLE = {
    "recommended": ("✓ recommended", "bold $text-success"),
    "consider": ("~ consider", "bold $text-warning"),
    "avoid": ("✗ avoid", "bold $text-error"),
}
MUTED = "$foreground-muted"
NAME_WIDTH = 22  # the list's name column; a longer name wraps within it
BAR_CELLS = 5  # the longest bar, for the largest score in the report


def _line(*parts: str | tuple[str, str] | Content) -> Paragraph:
    return Content(""), Content.assemble(*parts)


def technology_text(report: Report, t: ReportTechnology) -> list[Paragraph]:
    """One technology's case, as paragraphs whose wrapped lines keep their indent (reasons, flips)."""
    label, style = VERDICT_STYLE[t.verdict]
    th = report.thresholds
    paragraphs = [
        _line((t.name, "bold"), "  ", (label, style)),
        _line(
            (
                f"score {signed(t.score)} (recommended at {th['recommended']:+d}, avoid at {th['avoid']:+d})"
                + (" · vetoed" if t.vetoed else "")
                + f" · confidence {t.confidence:.0%}",
                MUTED,
            )
        ),
        _line(inline_code(t.summary)),
    ]
    if t.team_decision is not None:
        said = DECISION_KINDS[t.team_decision.decision]
        paragraphs.append(
            _line(
                ("Team decision: ", "bold"),
                (said, DECISION_STYLE[t.team_decision.decision]),
                Content(f" — {t.team_decision.reason}" if t.team_decision.reason else ""),
            )
        )
    if t.scopes:
        paragraphs.append(_line(("Where: ", "bold"), Content(where_line(t))))
    for s in t.scopes:  # decided per boundary: the verdict at each
        at_label, at_style = VERDICT_STYLE[s.verdict]
        score = "vetoed" if s.vetoed else signed(s.score)
        paragraphs.append((Content("  "), Content.assemble((at_label, at_style), f" ({score}) {s.title}")))
    titles = {s.scope: s.title for s in t.scopes}
    indent = Content(" " * 7)
    for direction, title, colour in (("for", "For", "$text-success"), ("against", "Against", "$text-error")):
        reasons = [r for r in t.reasons if r.direction == direction]
        if not reasons:
            continue
        paragraphs += [_line(), _line((title, f"bold {colour}"))]
        for r in reasons:
            weight = reason_weight(r)
            paragraphs.append((Content.styled(f" {weight:>4}  ", f"bold {colour}"), inline_code(r.text)))
            if t.scopes and len(r.scopes) < len(t.scopes):  # it holds at some boundaries only
                paragraphs.append((indent, Content.styled(", ".join(titles[s] for s in r.scopes), colour)))
            paragraphs.append((indent, Content.styled(r.rests_on_title, f"italic {MUTED}")))
            paragraphs += [(indent, Content.styled(f"source: {s.title}, checked {s.as_of}", MUTED)) for s in r.sources]
    paragraphs += [_line(), _line(("What would change this verdict", "bold"))]
    if not t.flips:
        paragraphs.append((Content("  "), Content.styled(no_flip_text(t), MUTED)))
    for f in t.flips:
        flip_label, flip_style = VERDICT_STYLE[f.verdict]
        body = Content.assemble(f"{flip_change(f)}: ", (flip_label, flip_style), " ", flip_detail(f))
        paragraphs.append((Content("  • "), body))
    if t.section_title:
        paragraphs += [_line(), _line(("Press g to read where the guide makes this case.", MUTED))]
    paragraphs.append(_line(("d: your decision on this verdict · x: every rule, as evaluated", MUTED)))
    return paragraphs


OVERVIEW = "overview"


def overview_text(report: Report) -> list[Paragraph]:
    """The summary (one line per decision) and the risks, as the Markdown report opens with them."""
    paragraphs = [_line(("Summary", "bold"))]
    for line in summary(report):
        paragraphs.append((Content("  "), Content.assemble((f"{line.decision}: ", "bold"), line.chosen)))
    paragraphs += [_line(), _line(("Risks", "bold"))]
    found = risks(report)
    if not found:
        none = "No veto, and nothing recommended has a reason against it."
        paragraphs.append((Content("  "), Content.styled(none, MUTED)))
    for risk in found:
        what = ("ruled out", "bold $text-error") if risk.weight is None else (signed(risk.weight), "bold $text-error")
        where = f" {risk.scope}" if risk.scope else ""
        body = Content.assemble((risk.technology, "bold"), where, " ", what, ": ", inline_code(risk.text))
        paragraphs.append((Content("  • "), body))
        paragraphs.append((Content("    "), Content.styled(risk.where, f"italic {MUTED}")))
    weights = priorities_line(report)
    paragraphs += [_line(), _line(("Priorities", "bold"))]
    paragraphs.append((Content("  "), Content(weights or "Every concern at normal weight (w changes them).")))
    for moved in moved_lines(report):
        paragraphs.append((Content("  • "), Content.assemble(("moved: ", "bold $text-accent"), Content(moved))))
    if weights and not report.moved:
        paragraphs.append((Content("  "), Content.styled(NO_MOVE, MUTED)))
    decided = [t for t in report.technologies if t.team_decision is not None]
    if decided:
        paragraphs += [_line(), _line(("Team decisions", "bold"))]
        for t in decided:
            assert t.team_decision is not None
            paragraphs.append(
                (Content("  • "), Content.assemble((t.name, "bold"), ": ", Content(decision_text(t.team_decision))))
            )
    notes = [a for a in [*report.answers, *report.unanswered] if a.note]
    if notes:
        paragraphs += [_line(), _line(("Notes", "bold"))]
        for a in notes:
            paragraphs.append((Content("  • "), Content.assemble((a.question, "bold"), " ", Content(a.note or ""))))
    paragraphs += [_line(), _line(("Pick a technology in the list for its whole case.", MUTED))]
    return paragraphs


def score_bar(score: float, largest: float, cells: int = BAR_CELLS) -> Content:
    """The score as a number and a bar in eighths of a cell, scaled so the largest score in the
    report fills `cells`: +4, +5 and +7 differ in length (and the number says which is which)."""
    fraction = abs(score) / max(1, largest)
    if score:  # any score shows: at least an eighth of a cell
        fraction = max(fraction, 1 / (cells * 8))
    filled, _track = bar(fraction, cells)
    colour = "$text-success" if score > 0 else "$text-error" if score < 0 else MUTED
    number = (f"{signed(score):>4} ", f"bold {colour}" if score else MUTED)
    return Content.assemble(number, (filled.ljust(cells), colour))


def _row(t: ReportTechnology, largest: float) -> Content:
    """`✓ recommended  Serverless functions    +7 ████▊`; a long name wraps within its column."""
    label, style = VERDICT_STYLE[t.verdict]
    names = textwrap.wrap(t.name, NAME_WIDTH) or [""]
    lead = Content.assemble((f"{label:<14}", style), names[0].ljust(NAME_WIDTH), " ", score_bar(t.score, largest))
    rest = [Content(" " * 14 + name) for name in names[1:]]
    return Content("\n").join([lead, *rest])


def _summary_line(report: Report) -> Content:
    unsure = sum(a.could_matter is not False for a in report.unanswered)
    said = f"Confidence {report.confidence_label} · {len(report.answers)} answered, {unsure} not sure"
    moot = len(report.unanswered) - unsure
    said += f", {moot} could not change any verdict" if moot else ""
    weights = priorities_line(report)
    return Content.styled(said + (f" · priorities: {weights}" if weights else ""), MUTED)


def _options(report: Report) -> list[Option | None]:
    """The list: the overview, then each decision's heading and technologies."""
    # bars scale to the largest score, but never below twice the threshold: +1 is not a full bar
    largest = max(2 * report.thresholds["recommended"], *(abs(t.score) for t in report.technologies))
    options: list[Option | None] = [Option(Content.styled("Summary and risks", "bold"), id=OVERVIEW)]
    for decision in report.decisions:
        options.append(None)
        heading = Content.styled(decision.title.upper(), f"bold {MUTED}")
        options.append(Option(heading, id=f"decision:{decision.id}", disabled=True))
        options += [Option(_row(report.technology(tid), largest), id=tid) for tid in decision.technologies]
    return options


class RecommendationScreen(AdvisorScreen):
    """Pick a technology on the left; its case is on the right. g opens its guide section."""

    AUTO_FOCUS = "#rec-list"  # focused as the screen opens: no second frame to move focus

    CSS_PATH = "recommendation.tcss"
    # Side by side only where the reasons beside the list get room to read (at 80 columns they
    # had about 25); narrower, the list sits above the reasons.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012 - Textual's own declaration
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.back", "Back", tooltip="Back to the questions"),
        Binding("g", "guide", "Guide", tooltip="Read what a reason cites, in the guide"),
        Binding("d", "decide", "Decide", tooltip="Record the team's decision on the highlighted verdict"),
        Binding("w", "priorities", "Priorities", tooltip="Weigh cost, latency, operations, compliance, time to market"),
        Binding("x", "trace", "Trace", tooltip="Every rule evaluated for the highlighted technology"),
        Binding("c", "chart", "Chart", tooltip="Every score as a bar against the thresholds"),
        Binding("e", "export", "Export"),
        Binding("k", "keep", "Keep"),
        Binding("m", "milestones", "Compare kept"),
        Binding("h", "app.open('home')", "Home"),
        Binding("tab", "app.focus_next", "Switch pane"),
    ]

    def __init__(
        self, report: Report, workload: Workload, *, changed: Callable[[Workload], None] | None = None
    ) -> None:
        super().__init__()
        self.report = report
        self.workload = workload
        self.changed = changed  # told when the priorities or a decision change here (the wizard keeps them)
        self._kept_as: tuple[int, Report] | None = None  # the milestone this report was kept as, here

    def compose(self) -> ComposeResult:
        report = self.report
        yield TitleBar()
        yield Static(_summary_line(report), id="rec-summary")
        with Horizontal(classes="split"):
            yield OptionList(*_options(report), id="rec-list", classes="verdicts")
            with VerticalScroll(classes="reader", id="rec-detail"):
                yield HangingText(overview_text(report), id="rec-text")
        yield ScoreChartView(report, id="rec-chart")  # shown instead of the split by c
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "Recommendation"
        self.query_one("#rec-list", OptionList).highlighted = 0

    def selected(self) -> ReportTechnology | None:
        """The technology highlighted in the list."""
        verdicts = self.query_one("#rec-list", OptionList)
        if verdicts.highlighted is None:
            return None
        option_id = verdicts.get_option_at_index(verdicts.highlighted).id
        if not option_id or option_id == OVERVIEW or option_id.startswith("decision:"):
            return None
        return self.report.technology(option_id)

    def show(self, report: Report) -> None:
        """Show a new report of the same workload (new priorities, a decision), keeping the highlight."""
        self.report = report
        verdicts = self.query_one("#rec-list", OptionList)
        highlighted = verdicts.highlighted
        verdicts.set_options(_options(report))
        verdicts.highlighted = highlighted
        self.query_one("#rec-summary", Static).update(_summary_line(report))
        t = self.selected()
        self.query_one("#rec-text", HangingText).update(
            technology_text(report, t) if t is not None else overview_text(report)
        )

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        t = self.selected()
        if t is not None:
            self.query_one("#rec-text", HangingText).update(technology_text(self.report, t))
        elif event.option.id == OVERVIEW:
            self.query_one("#rec-text", HangingText).update(overview_text(self.report))
        else:
            return
        self.query_one("#rec-detail", VerticalScroll).scroll_home(animate=False)

    def on_option_list_option_selected(self, _: OptionList.OptionSelected) -> None:
        self.query_one("#rec-detail", VerticalScroll).focus()

    def action_chart(self) -> None:
        """Show every score as a chart instead of the list and the case; c again (or esc) goes back."""
        shown = not self.has_class("-chart")
        self.set_class(shown, "-chart")
        self.query_one("#rec-chart" if shown else "#rec-list").focus()

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(
            "Export the recommendation", "Markdown, HTML, JSON, an ADR or a tech radar", self.action_export
        )
        yield SystemCommand("Keep the recommendation", "Save it as a milestone to compare later", self.action_keep)

    def action_export(self) -> None:
        from advisor.tui.dialogs.export import ExportDialog

        self.app.push_screen(ExportDialog(f"advisor-recommendation-{self.report.generated}"), self._export)

    def _export(self, choice: tuple[str, Path] | None) -> None:
        if choice is not None:
            self._write(self.report, *choice)

    @in_thread(group="export")
    def _write(self, report: Report, fmt: str, path: Path) -> None:
        from advisor.destination import write_text
        from advisor.reports.formats import FORMATS, render_report
        from advisor.reports.milestones import kept_reports

        # a radar's Adopt ring reads the milestones kept *before* this recommendation, never itself
        before = self._kept_as[0] if self._kept_as is not None and self._kept_as[1] is report else None
        kept = kept_reports(self.advisor.store, before=before) if FORMATS[fmt].uses_kept else []
        problem = write_text(path, render_report(report, fmt, kept))
        if problem:
            self.app.call_from_thread(self.notify, problem, title="Not exported", severity="error", markup=False)
        else:
            self.app.call_from_thread(self.notify, f"Wrote {path.resolve()}", title="Exported", markup=False)

    def action_keep(self) -> None:
        from advisor.tui.dialogs.text import TextDialog

        store = self.advisor.store  # names are unique: the dialog offers a free one and refuses a taken one
        dialog = TextDialog(
            "Keep this recommendation as", store.free_milestone_name("my workload"), store.milestone_name_problem
        )
        self.app.push_screen(dialog, self._keep)

    def _keep(self, name: str | None) -> None:
        if not name:
            return
        from advisor.store import MilestoneError

        report = self.report
        data = report.model_dump(mode="json", by_alias=True)
        answers, store = dict(self.workload.answers), self.advisor.store

        def keep() -> int | str:
            try:
                return store.save_milestone(name, answers, data)
            except MilestoneError as exc:  # taken meanwhile, by another running advisor
                return f"Not kept: {exc}"

        def kept(result: int | str) -> None:
            if isinstance(result, str):
                self.notify(result, severity="error", markup=False)
                return
            self._kept_as = (result, report)
            self.notify(f"Kept as milestone {result}: {name}", markup=False)

        self.advisor.writer.submit(keep, kept)

    # --- priorities, decisions, trace ----------------------------------------------------------

    def _keep_context(self) -> None:
        store, workload = self.advisor.store, self.workload
        self.advisor.writer.submit(
            lambda: store.save_workload_context(
                CURRENT_WORKLOAD, priorities=dict(workload.priorities), decisions=dict(workload.decisions)
            )
        )
        if self.changed is not None:
            self.changed(workload)

    def action_priorities(self) -> None:
        from advisor.tui.dialogs.priorities import PrioritiesDialog

        self.app.push_screen(PrioritiesDialog(dict(self.workload.priorities)), self._prioritised)

    def _prioritised(self, priorities: dict[str, str] | None) -> None:
        if priorities is None or priorities == self.workload.priorities:
            return
        self.workload = self.workload.model_copy(update={"priorities": priorities})
        self._keep_context()
        self._rework(self.workload)

    @in_thread(group="rework", exclusive=True)
    def _rework(self, workload: Workload) -> None:
        """The verdicts again with new priorities, off the event loop."""
        report = work_out(self.advisor.catalog, workload)
        self.app.call_from_thread(self._reworked, report, workload)

    def _reworked(self, report: Report, workload: Workload) -> None:
        if self.is_attached and workload == self.workload:
            self.show(report)
            moved = len(report.moved)
            self.notify(f"Priorities applied: {moved} verdict{'s' if moved != 1 else ''} moved.", markup=False)

    def action_decide(self) -> None:
        t = self.selected()
        if t is None:
            self.notify("Pick a technology first: a decision is on its verdict.")
            return
        from advisor.tui.dialogs.choose import ChooseDialog

        choices = list(DECISION_OFFERS.items())
        if t.team_decision is not None:
            choices.append(("clear", "Clear the decision"))
        self.app.push_screen(
            ChooseDialog(f"Your decision on {t.name} ({t.verdict})", choices, verb="choose"),
            lambda kind: self._decided(t.id, t.name, kind),
        )

    def _decided(self, technology: str, name: str, kind: str | None) -> None:
        if kind is None:
            return
        if kind == "clear":
            self._set_decision(technology, None)
            return
        from advisor.tui.dialogs.text import TextDialog

        now = self.report.technology(technology).team_decision
        dialog = TextDialog(
            f"Why ({DECISION_KINDS[kind]}: {name})?",
            now.reason if now is not None else "",
            empty_is_an_answer=True,
            hint="enter: keep (a reason may be left empty) · escape: cancel",
        )
        self.app.push_screen(
            dialog,
            lambda reason: (
                None
                if reason is None
                else self._set_decision(technology, TeamDecision.model_validate({"decision": kind, "reason": reason}))
            ),
        )

    def _set_decision(self, technology: str, decision: TeamDecision | None) -> None:
        decisions = dict(self.workload.decisions)
        if decision is None:
            decisions.pop(technology, None)
        else:
            decisions[technology] = decision
        self.workload = self.workload.model_copy(update={"decisions": decisions})
        self._keep_context()
        technologies = [
            t.model_copy(update={"team_decision": decisions.get(t.id)}) if t.id == technology else t
            for t in self.report.technologies
        ]  # the verdicts do not change: only this technology's decision
        self.show(self.report.model_copy(update={"technologies": technologies}))

    def action_trace(self) -> None:
        t = self.selected()
        if t is None:
            self.notify("Pick a technology first: the trace shows how its verdict was worked out.")
            return
        self._trace(self.workload, t.id)

    @in_thread(group="trace", exclusive=True)
    def _trace(self, workload: Workload, technology: str) -> None:
        """Every rule of one technology as evaluated, off the event loop."""
        from advisor.reports.trace_text import technology_trace

        report = work_out(self.advisor.catalog, workload, trace=True)
        lines = technology_trace(report, report.technology(technology))
        self.app.call_from_thread(self._show_trace, report.technology(technology).name, lines)

    def _show_trace(self, name: str, lines: list[TraceLine]) -> None:
        from advisor.tui.dialogs.trace import TraceDialog

        if self.is_current:
            self.app.push_screen(TraceDialog(f"How the verdict on {name} was worked out", lines))

    def action_milestones(self) -> None:
        self.advisor.action_open("milestones")

    def action_guide(self) -> None:
        """Open where the guide makes this technology's case: the place a reason cites, or its section."""
        t = self.selected()
        if t is None:
            self.notify("Pick a technology first: its reasons say where the guide makes the case.")
            return
        catalog = self.advisor.catalog
        choices: list[tuple[str, str]] = []
        for r in t.reasons:
            target = f"item:{r.rests_on}"
            if catalog.place(r.rests_on) is not None and all(key != target for key, _ in choices):
                marker = "−" if r.direction == "against" else "+"
                choices.append((target, f"{marker} {r.rests_on_title}"))
        if t.section and t.section_title:
            choices.append((f"section:{t.section}", f"{t.section_title} (the whole section)"))
        if not choices:
            self.notify("This one is a baseline; the guide has no section of its own for it.")
        elif len(choices) == 1:
            self.advisor.action_open(choices[0][0])
        else:
            from advisor.tui.dialogs.choose import ChooseDialog

            def chosen(target: str | None) -> None:
                if target:
                    self.advisor.action_open(target)

            self.app.push_screen(ChooseDialog(f"Read about {t.name} in the guide", choices), chosen)
