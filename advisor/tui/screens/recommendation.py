"""The recommendation: every technology by decision, with its verdict, reasons and flips."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar, Literal

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
from advisor.tui.widgets.key_bar import KeyBar
from advisor.tui.widgets.title_bar import TitleBar

VERDICT_STYLE = {
    "recommended": ("✓ recommended", "bold $text-success"),
    "consider": ("~ consider", "$text-warning"),
    "avoid": ("✗ avoid", "bold $text-error"),
}
Part = str | tuple[str, str]


def technology_text(report: Report, t: ReportTechnology) -> Content:
    """One technology's case: one widget's content, so moving through the list stays instant."""
    label, style = VERDICT_STYLE[t.verdict]
    th = report.thresholds
    parts: list[Part] = [(t.name, "bold"), "  ", (label, style), "\n"]
    parts.append(
        (
            f"score {t.score:+d} (recommended at {th['recommended']:+d}, avoid at {th['avoid']:+d})"
            + (" · vetoed" if t.vetoed else "")
            + f" · confidence {t.confidence:.0%}\n",
            "$foreground-muted",
        )
    )
    parts.append(t.summary + "\n")
    for direction, title, colour in (("for", "For", "$text-success"), ("against", "Against", "$text-error")):
        reasons = [r for r in t.reasons if r.direction == direction]
        if not reasons:
            continue
        parts.append((f"\n{title}\n", f"bold {colour}"))
        for r in reasons:
            weight = "veto" if r.veto else f"{r.weight:+d}"
            parts += [
                (f" {weight:>4}  ", colour),
                r.text,
                (f"\n       {r.rests_on_title}\n", "italic $foreground-muted"),
            ]
            parts += [(f"       source: {s.title}, checked {s.as_of}\n", "$foreground-muted") for s in r.sources]
    parts.append(("\nWhat would change this verdict\n", "bold"))
    if not t.flips:
        parts.append(("  No single answer change moves it.\n", "$foreground-muted"))
    for f in t.flips:
        flip_label, flip_style = VERDICT_STYLE[f.verdict]
        parts += [
            f"  • {f.question_text} {f.from_label} → {f.to_label}: ",
            (f"{flip_label} ({f.score:+d})\n", flip_style),
        ]
    if t.section_title:
        parts.append((f"\nPress g to read {t.section_title} in the guide.\n", "$foreground-muted"))
    return Content.assemble(*parts)


def score_bar(score: int, width: int = 10) -> Content:
    """A bar centred on zero: to the left for negative scores, to the right for positive ones."""
    n = min(width, abs(score))
    left = " " * (width - n) + ("█" * n if score < 0 else "")
    right = ("█" * n if score > 0 else "") + " " * (width - (n if score > 0 else 0))
    return Content.assemble((left, "$text-error"), ("│", "$foreground-muted"), (right, "$text-success"))


def _row(t: ReportTechnology) -> Content:
    label, style = VERDICT_STYLE[t.verdict]
    name = t.name if len(t.name) <= 22 else t.name[:21] + "…"
    return Content.assemble((f"{label:<14}", style), name.ljust(23), score_bar(t.score, 4))


class RecommendationScreen(AdvisorScreen):
    """Pick a technology on the left; its case is on the right. g opens its guide section."""

    AUTO_FOCUS = "#rec-list"  # focused as the screen opens: no second frame to move focus

    CSS_PATH = "recommendation.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.back", "Back to questions"),
        Binding("g", "guide", "Read in the guide"),
        Binding("e", "export", "Export"),
        Binding("k", "keep", "Keep"),
        Binding("m", "milestones", "Compare kept"),
        Binding("h", "app.open('home')", "Home"),
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
        yield Static(Content.styled(summary, "$foreground-muted"), id="rec-summary")
        options: list[Option | None] = []
        for n, decision in enumerate(report.decisions):
            if n:
                options.append(None)
            heading = Content.styled(decision.title.upper(), "bold $foreground-muted")
            options.append(Option(heading, id=f"decision:{decision.id}", disabled=True))
            options += [Option(_row(report.technology(tid)), id=tid) for tid in decision.technologies]
        first = report.technology(report.decisions[0].technologies[0])
        with Horizontal(classes="split"):
            yield OptionList(*options, id="rec-list", classes="verdicts")
            with VerticalScroll(classes="reader", id="rec-detail"):
                yield Static(technology_text(report, first), id="rec-text")
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
        self.query_one("#rec-text", Static).update(technology_text(self.report, t))
        self.query_one("#rec-detail", VerticalScroll).scroll_home(animate=False)

    def on_option_list_option_selected(self, _: OptionList.OptionSelected) -> None:
        self.query_one("#rec-detail", VerticalScroll).focus()

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Export the recommendation", "Markdown, HTML, JSON or an ADR", self.action_export)
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
        from advisor.reports.formats import render_report

        problem = write_text(path, render_report(report, fmt))
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

        data = self.report.model_dump(mode="json", by_alias=True)
        answers, store = dict(self.answers), self.advisor.store

        def keep() -> tuple[str, Literal["information", "error"]]:
            try:
                return f"Kept as milestone {store.save_milestone(name, answers, data)}: {name}", "information"
            except MilestoneError as exc:  # taken meanwhile, by another running advisor
                return f"Not kept: {exc}", "error"

        self.advisor.writer.submit(keep, lambda said: self.notify(said[0], severity=said[1], markup=False))

    def action_milestones(self) -> None:
        self.advisor.action_open("milestones")

    def action_guide(self) -> None:
        t = self.selected()
        if t is not None and t.section:
            self.advisor.action_open(f"section:{t.section}")
        else:
            self.notify("This one is a baseline; the guide has no section of its own for it.")
