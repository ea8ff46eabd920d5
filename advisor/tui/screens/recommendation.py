"""The recommendation: every technology by decision, with its verdict, reasons and flips."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from advisor.models.recommendation import AnswerValue
from advisor.models.report import Report, ReportTechnology
from advisor.tui.background import in_thread
from advisor.tui.screens.base import AdvisorScreen
from advisor.tui.widgets.hanging_text import HangingText, Paragraph
from advisor.tui.widgets.inline_code import inline_code
from advisor.tui.widgets.key_bar import KeyBar
from advisor.tui.widgets.title_bar import TitleBar

VERDICT_STYLE = {
    "recommended": ("✓ recommended", "bold $text-success"),
    "consider": ("~ consider", "bold $text-warning"),
    "avoid": ("✗ avoid", "bold $text-error"),
}
MUTED = "$foreground-muted"
NAME_WIDTH = 22  # the list's name column; a longer name wraps within it
BAR_CELLS = 5  # the longest bar, for the largest score in the report
_EIGHTHS = " ▏▎▍▌▋▊▉"


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
                f"score {t.score:+d} (recommended at {th['recommended']:+d}, avoid at {th['avoid']:+d})"
                + (" · vetoed" if t.vetoed else "")
                + f" · confidence {t.confidence:.0%}",
                MUTED,
            )
        ),
        _line(inline_code(t.summary)),
    ]
    indent = Content(" " * 7)
    for direction, title, colour in (("for", "For", "$text-success"), ("against", "Against", "$text-error")):
        reasons = [r for r in t.reasons if r.direction == direction]
        if not reasons:
            continue
        paragraphs += [_line(), _line((title, f"bold {colour}"))]
        for r in reasons:
            weight = "veto" if r.veto else f"{r.weight:+d}"
            paragraphs.append((Content.styled(f" {weight:>4}  ", f"bold {colour}"), inline_code(r.text)))
            paragraphs.append((indent, Content.styled(r.rests_on_title, f"italic {MUTED}")))
            paragraphs += [(indent, Content.styled(f"source: {s.title}, checked {s.as_of}", MUTED)) for s in r.sources]
    paragraphs += [_line(), _line(("What would change this verdict", "bold"))]
    if not t.flips:
        paragraphs.append((Content("  "), Content.styled("No single answer change moves it.", MUTED)))
    for f in t.flips:
        flip_label, flip_style = VERDICT_STYLE[f.verdict]
        body = Content.assemble(
            f"{f.question_text} {f.from_label} → {f.to_label}: ", (f"{flip_label} ({f.score:+d})", flip_style)
        )
        paragraphs.append((Content("  • "), body))
    if t.section_title:
        paragraphs += [_line(), _line((f"Press g to read {t.section_title} in the guide.", MUTED))]
    return paragraphs


def score_bar(score: int, largest: int, cells: int = BAR_CELLS) -> Content:
    """The score as a number and a bar in eighths of a cell, scaled so the largest score in the
    report fills `cells`: +4, +5 and +7 differ in length (and the number says which is which)."""
    eighths = round(abs(score) / max(1, largest) * cells * 8)
    if score:
        eighths = max(1, eighths)
    full, rest = divmod(eighths, 8)
    bar = ("█" * full + (_EIGHTHS[rest] if rest else "")).ljust(cells)
    colour = "$text-success" if score > 0 else "$text-error" if score < 0 else MUTED
    return Content.assemble((f"{score:+3d} ", f"bold {colour}" if score else MUTED), (bar, colour))


def _row(t: ReportTechnology, largest: int) -> Content:
    """`✓ recommended  Serverless functions    +7 ████▊`; a long name wraps within its column."""
    label, style = VERDICT_STYLE[t.verdict]
    names = textwrap.wrap(t.name, NAME_WIDTH) or [""]
    lead = Content.assemble((f"{label:<14}", style), names[0].ljust(NAME_WIDTH), " ", score_bar(t.score, largest))
    rest = [Content(" " * 14 + name) for name in names[1:]]
    return Content("\n").join([lead, *rest])


class RecommendationScreen(AdvisorScreen):
    """Pick a technology on the left; its case is on the right. g opens its guide section."""

    AUTO_FOCUS = "#rec-list"  # focused as the screen opens: no second frame to move focus

    CSS_PATH = "recommendation.tcss"
    # Side by side only where the reasons beside the list get room to read (at 80 columns they
    # had about 25); narrower, the list sits above the reasons.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012 - Textual's own declaration
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.back", "Back to questions"),
        Binding("g", "guide", "Read in the guide"),
        Binding("e", "export", "Export"),
        Binding("k", "keep", "Keep"),
        Binding("m", "milestones", "Compare kept"),
        Binding("h", "app.open('home')", "Home"),
        Binding("tab", "app.focus_next", "Switch pane"),
    ]

    def __init__(self, report: Report, answers: dict[str, AnswerValue]) -> None:
        super().__init__()
        self.report = report
        self.answers = answers

    def compose(self) -> ComposeResult:
        report = self.report
        yield TitleBar()
        summary = (
            f"Confidence {report.confidence_label} · {len(report.answers)} answered, {len(report.unanswered)} not sure"
        )
        yield Static(Content.styled(summary, MUTED), id="rec-summary")
        # bars scale to the largest score, but never below twice the threshold: +1 is not a full bar
        largest = max(2 * report.thresholds["recommended"], *(abs(t.score) for t in report.technologies))
        options: list[Option | None] = []
        for n, decision in enumerate(report.decisions):
            if n:
                options.append(None)
            heading = Content.styled(decision.title.upper(), f"bold {MUTED}")
            options.append(Option(heading, id=f"decision:{decision.id}", disabled=True))
            options += [Option(_row(report.technology(tid), largest), id=tid) for tid in decision.technologies]
        first = report.technology(report.decisions[0].technologies[0])
        with Horizontal(classes="split"):
            yield OptionList(*options, id="rec-list", classes="verdicts")
            with VerticalScroll(classes="reader", id="rec-detail"):
                yield HangingText(technology_text(report, first), id="rec-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "Recommendation"
        self.query_one("#rec-list", OptionList).highlighted = 1

    def selected(self) -> ReportTechnology | None:
        """The technology highlighted in the list."""
        verdicts = self.query_one("#rec-list", OptionList)
        if verdicts.highlighted is None:
            return None
        option_id = verdicts.get_option_at_index(verdicts.highlighted).id
        return self.report.technology(option_id) if option_id and not option_id.startswith("decision:") else None

    def on_option_list_option_highlighted(self, _: OptionList.OptionHighlighted) -> None:
        t = self.selected()
        if t is None:
            return
        self.query_one("#rec-text", HangingText).update(technology_text(self.report, t))
        self.query_one("#rec-detail", VerticalScroll).scroll_home(animate=False)

    def on_option_list_option_selected(self, _: OptionList.OptionSelected) -> None:
        self.query_one("#rec-detail", VerticalScroll).focus()

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Export the recommendation", "Markdown, HTML, JSON or an ADR", self.action_export)
        yield SystemCommand("Keep the recommendation", "Save it as a milestone to compare later", self.action_keep)

    def action_export(self) -> None:
        from advisor.tui.dialogs.export import ExportDialog

        self.app.push_screen(ExportDialog(), self._export)

    def _export(self, choice: tuple[str, Path] | None) -> None:
        if choice is not None:
            self._write(self.report, *choice)

    @in_thread(group="export")
    def _write(self, report: Report, fmt: str, path: Path) -> None:
        from advisor.destination import write_text
        from advisor.reports.formats import render_report

        problem = write_text(path, render_report(report, fmt))
        if problem:
            self.app.call_from_thread(self.notify, problem, title="Not exported", severity="error", markup=False)
        else:
            self.app.call_from_thread(self.notify, f"Wrote {path.resolve()}", title="Exported", markup=False)

    def action_keep(self) -> None:
        from advisor.tui.dialogs.text import TextDialog

        self.app.push_screen(TextDialog("Keep this recommendation as", "my workload"), self._keep)

    def _keep(self, name: str | None) -> None:
        if not name:
            return
        data = self.report.model_dump(mode="json", by_alias=True)
        answers, store = dict(self.answers), self.advisor.store
        self.advisor.writer.submit(
            lambda: store.save_milestone(name, answers, data),
            lambda number: self.notify(f"Kept as milestone {number}: {name}", markup=False),
        )

    def action_milestones(self) -> None:
        self.advisor.action_open("milestones")

    def action_guide(self) -> None:
        t = self.selected()
        if t is not None and t.section:
            self.advisor.action_open(f"section:{t.section}")
        else:
            self.notify("This one is a baseline; the guide has no section of its own for it.")
