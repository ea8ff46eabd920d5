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
from advisor.reports.highlights import risks, summary
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
            f"  • {f.question_text} {f.change}: ",
            (f"{flip_label} " + ("(vetoed)" if f.vetoed else f"({f.score:+d})") + "\n", flip_style),
        ]
    if t.section_title:
        parts.append((f"\nPress g to read {t.section_title} in the guide.\n", "$foreground-muted"))
    return Content.assemble(*parts)


OVERVIEW = "overview"


def overview_text(report: Report) -> Content:
    """The summary (one line per decision) and the risks, as the Markdown report opens with them."""
    parts: list[Part] = [("Summary\n", "bold")]
    for line in summary(report):
        parts += [(f"  {line.decision}: ", "bold"), line.chosen + "\n"]
    found = risks(report)
    parts.append(("\nRisks\n", "bold"))
    if not found:
        parts.append(("  No veto, and nothing recommended has a reason against it.\n", "$foreground-muted"))
    for risk in found:
        what = ("ruled out", "bold $text-error") if risk.weight is None else (f"{risk.weight:+d}", "$text-error")
        parts += [
            "  • ",
            (risk.technology, "bold"),
            " ",
            what,
            f": {risk.text}\n",
            (f"    {risk.where}\n", "italic $foreground-muted"),
        ]
    parts.append(("\nPick a technology on the left for its whole case.\n", "$foreground-muted"))
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
        Binding("g", "guide", "Read what a reason cites"),
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
        options: list[Option | None] = [Option(Content.styled("Summary and risks", "bold"), id=OVERVIEW)]
        for decision in report.decisions:
            options.append(None)
            heading = Content.styled(decision.title.upper(), "bold $foreground-muted")
            options.append(Option(heading, id=f"decision:{decision.id}", disabled=True))
            options += [Option(_row(report.technology(tid)), id=tid) for tid in decision.technologies]
        with Horizontal(classes="split"):
            yield OptionList(*options, id="rec-list", classes="verdicts")
            with VerticalScroll(classes="reader", id="rec-detail"):
                yield Static(overview_text(report), id="rec-text")
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

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        t = self.selected()
        if t is not None:
            self.query_one("#rec-text", Static).update(technology_text(self.report, t))
        elif event.option.id == OVERVIEW:
            self.query_one("#rec-text", Static).update(overview_text(self.report))
        else:
            return
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
