"""The recommendation: every technology by decision, with its verdict, reasons and flips."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from advisor.advise.engine import recommend
from advisor.models.recommendation import AnswerValue, TechnologyVerdict
from advisor.models.report import Report, ReportTechnology
from advisor.reports.build import build_report

VERDICT_STYLE = {"recommended": ("✓ recommended", "bold green"), "consider": ("~ consider", "yellow"), "avoid": ("✗ avoid", "bold red")}


def technology_text(report: Report, t: ReportTechnology) -> Text:
    """One technology's case as Rich Text: one widget, so moving through the list stays instant."""
    label, style = VERDICT_STYLE[t.verdict]
    th = report.thresholds
    text = Text.assemble((t.name, "bold"), "  ", (label, style), "\n")
    text.append(
        f"score {t.score:+d} (recommended at {th['recommended']:+d}, avoid at {th['avoid']:+d})"
        + (" · vetoed" if t.vetoed else "") + f" · confidence {t.confidence:.0%}\n",
        style="dim",
    )
    text.append(t.summary + "\n")
    for direction, title, colour in (("for", "For", "green"), ("against", "Against", "red")):
        reasons = [r for r in t.reasons if r.direction == direction]
        if not reasons:
            continue
        text.append(f"\n{title}\n", style=f"bold {colour}")
        for r in reasons:
            text.append(f" {'veto' if r.veto else f'{r.weight:+d}':>4}  ", style=colour)
            text.append(r.text)
            text.append(f"\n       {r.rests_on_title}\n", style="dim italic")
    text.append("\nWhat would change this verdict\n", style="bold")
    if not t.flips:
        text.append("  No single answer change moves it.\n", style="dim")
    for f in t.flips:
        flip_label, flip_style = VERDICT_STYLE[f.verdict]
        text.append(f"  • {f.question_text} {f.from_label} → {f.to_label}: ")
        text.append(f"{flip_label} ({f.score:+d})\n", style=flip_style)
    if t.section_title:
        text.append(f"\nPress g to read {t.section_title} in the guide.\n", style="dim")
    return text


def score_bar(score: int, width: int = 10) -> Text:
    """A bar centred on zero: red to the left for negative scores, green to the right."""
    n = min(width, abs(score))
    left = Text(" " * (width - n) + ("█" * n if score < 0 else ""), style="red")
    right = Text(("█" * n if score > 0 else "") + " " * (width - (n if score > 0 else 0)), style="green")
    return Text.assemble(left, ("│", "dim"), right)


class RecommendationScreen(Screen[None]):
    """Pick a technology on the left; its case is on the right. g opens its guide section."""

    BINDINGS = [
        Binding("escape", "app.back", "Back to questions"),
        Binding("g", "guide", "Read in the guide"),
        Binding("e", "export", "Export"),
        Binding("k", "keep", "Keep"),
        Binding("m", "milestones", "Compare kept"),
        Binding("h", "app.open('home')", "Home"),
    ]

    def __init__(self, answers: dict[str, AnswerValue]) -> None:
        super().__init__()
        self.answers = answers
        self.rec = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="rec-summary")
        with Horizontal(classes="split"):
            yield OptionList(id="rec-list", classes="verdicts")
            with VerticalScroll(classes="reader", id="rec-detail"):
                yield Static(id="rec-text")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Recommendation"
        self.rec = recommend(self.app.catalog, self.answers)
        self.report = build_report(self.app.catalog, self.rec)
        rec = self.rec
        self.query_one("#rec-summary", Static).update(
            Text(
                f"Confidence {rec.confidence_label} · {len(rec.answers)} answered, {len(rec.unanswered)} not sure",
                style="dim",
            )
        )
        options: list[Option | None] = []
        by_id = {t.id: t for t in rec.technologies}
        for n, decision in enumerate(rec.decisions):
            if n:
                options.append(None)
            options.append(Option(Text(decision.title.upper(), style="bold dim"), id=f"decision:{decision.id}", disabled=True))
            for tid in decision.technologies:
                options.append(Option(self._row(by_id[tid]), id=tid))
        verdicts = self.query_one("#rec-list", OptionList)
        verdicts.add_options(options)
        verdicts.highlighted = 1
        verdicts.focus()

    @staticmethod
    def _row(t: TechnologyVerdict) -> Text:
        label, style = VERDICT_STYLE[t.verdict]
        name = t.name if len(t.name) <= 22 else t.name[:21] + "…"
        return Text.assemble((f"{label:<14}", style), name.ljust(23), score_bar(t.score, 4))

    def selected(self) -> TechnologyVerdict | None:
        verdicts = self.query_one("#rec-list", OptionList)
        if verdicts.highlighted is None or self.rec is None:
            return None
        option = verdicts.get_option_at_index(verdicts.highlighted)
        return self.rec.technology(option.id) if option.id and not option.id.startswith("decision:") else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        t = self.selected()
        if t is None or self.rec is None:
            return
        self.query_one("#rec-text", Static).update(technology_text(self.report, self.report.technology(t.id)))
        self.query_one("#rec-detail", VerticalScroll).scroll_home(animate=False)

    def on_option_list_option_selected(self, _: OptionList.OptionSelected) -> None:
        self.query_one("#rec-detail", VerticalScroll).focus()

    def action_export(self) -> None:
        from advisor.tui.dialogs.export import ExportDialog

        self.app.push_screen(ExportDialog(), self._export)

    def _export(self, choice: tuple[str, Path] | None) -> None:
        if choice is None:
            return
        fmt, path = choice
        report = self.report

        def write() -> None:
            from advisor.cli.output import render_report

            try:
                path.write_text(render_report(report, fmt), encoding="utf-8")
            except OSError as exc:
                self.app.call_from_thread(
                    self.notify, f"cannot write {path}: {exc.strerror or exc}", title="Not exported", severity="error", markup=False
                )
                return
            self.app.call_from_thread(self.notify, f"Wrote {path.resolve()}", title="Exported", markup=False)

        self.app.run_worker(write, thread=True, group="export")

    def action_keep(self) -> None:
        from advisor.tui.dialogs.text import TextDialog

        self.app.push_screen(TextDialog("Keep this recommendation as", "my workload"), self._keep)

    def _keep(self, name: str | None) -> None:
        if not name:
            return
        data = self.report.model_dump(mode="json", by_alias=True)
        answers = dict(self.answers)

        self.app.write(
            lambda: self.app.store.save_milestone(name, answers, data),
            lambda number: self.notify(f"Kept as milestone {number}: {name}", markup=False),
        )

    def action_milestones(self) -> None:
        self.app.action_open("milestones")

    def action_guide(self) -> None:
        t = self.selected()
        if t is not None and t.section:
            self.app.action_open(f"section:{t.section}")
        else:
            self.notify("This one is a baseline; the guide has no section of its own for it.")
