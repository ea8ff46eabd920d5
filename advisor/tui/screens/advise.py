"""Advise: the workload wizard, one question per step, then the recommendation."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import OptionList, ProgressBar, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from advisor.advise.questionnaire import CURRENT_WORKLOAD, NOT_SURE, Questionnaire
from advisor.models.recommendation import AnswerValue
from advisor.models.report import Report
from advisor.models.rules import Question
from advisor.tui.background import in_thread
from advisor.tui.screens.base import AdvisorScreen
from advisor.tui.widgets.hanging_text import Hanging
from advisor.tui.widgets.inline_code import inline_code
from advisor.tui.widgets.key_bar import KeyBar
from advisor.tui.widgets.ticks import TickList
from advisor.tui.widgets.title_bar import TitleBar


def _choice_body(label: str, help_text: str | None) -> Content:
    """A choice's label and, muted, what it means; inline `code` as code."""
    if not help_text:
        return inline_code(label)
    return Content.assemble(inline_code(label), inline_code(f" — {help_text}", "$foreground-muted"))


def _choice_text(n: int, label: str, help_text: str | None) -> Content:
    """One line for a list that draws its own indent (the several-choice list)."""
    return Content.assemble((f"{n}  ", "bold"), _choice_body(label, help_text))


def _choice(n: int, label: str, help_text: str | None) -> Hanging:
    """A choice whose wrapped lines start under its label, not under its number."""
    return Hanging(_choice_body(label, help_text), Content.styled(f"{n}  ", "bold"))


class AdviseScreen(AdvisorScreen):
    """One question at a time; answers are kept in the store after every step."""

    CSS_PATH = "advise.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.back", "Leave"),
        Binding("left,b", "step(-1)", "Back"),
        Binding("right,f", "step(1)", "Skip"),
        Binding("s", "not_sure", "Not sure"),
        Binding("r", "results", "Results"),
        Binding("ctrl+n", "restart", "Start over", show=False),
        Binding("ctrl+o", "load", "Load file", show=False),
        Binding("ctrl+s", "save", "Save file", show=False),
        # priority: in the several-choice list, enter must go on rather than toggle
        Binding("enter", "enter", "Next", priority=True, show=False),
        *(Binding(str(n), f"number({n})", show=False) for n in range(10)),
    ]
    KEY_NOTES: ClassVar[list[tuple[str, str]]] = [
        ("1 – 9, enter", "choose (or tick, where several are allowed)"),
        ("0", "not sure"),
        ("ctrl+n", "clear the answers and start over"),
        ("ctrl+o / ctrl+s", "load answers from / save them to a YAML file"),
    ]

    index: reactive[int] = reactive(0, init=False, always_update=True)
    """Which of the applicable questions is on screen."""

    def __init__(self, answers: dict[str, AnswerValue] | None = None) -> None:
        super().__init__()
        self.answers: dict[str, AnswerValue] = dict(answers or {})

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="wizard"):
            yield Static(id="step")
            yield ProgressBar(id="wizard-progress", show_eta=False, show_percentage=False)
            yield Static(id="question-text")
            yield Static(id="question-help")
            yield OptionList(id="single")
            yield TickList[str](id="multiple")
            yield Static(id="wizard-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "Advise"
        self.questionnaire = Questionnaire(self.advisor.catalog.questions)
        if not self.answers:
            self.answers = dict(self.advisor.store.load_workload(CURRENT_WORKLOAD) or {})
        self.index = 0

    # --- which questions apply -------------------------------------------------------------

    def applicable(self) -> list[Question]:
        """The questions still worth asking, given the answers so far (the questionnaire decides)."""
        return self.questionnaire.applicable(self.answers)

    def current(self) -> Question:
        return self.applicable()[self.index]

    # --- drawing ---------------------------------------------------------------------------

    def validate_index(self, index: int) -> int:
        return max(0, min(index, len(self.applicable()) - 1))

    def watch_index(self, index: int) -> None:
        questions = self.applicable()
        q = questions[index]
        self.query_one("#step", Static).update(
            Content.styled(f"Question {index + 1} of {len(questions)}", "$foreground-muted")
        )
        self.query_one("#wizard-progress", ProgressBar).update(total=len(questions), progress=index)
        self.query_one("#question-text", Static).update(inline_code(q.text, "bold"))
        self.query_one("#question-help", Static).update(inline_code(q.help))
        single = self.query_one("#single", OptionList)
        multiple = self.query_one("#multiple", SelectionList)
        current = self.answers.get(q.id)
        single.display = not q.multiple
        multiple.display = q.multiple
        if q.multiple:
            multiple.clear_options()
            chosen = current if isinstance(current, list) else []
            multiple.add_options(
                [Selection(_choice_text(n, c.label, c.help), c.id, c.id in chosen) for n, c in enumerate(q.offered, 1)]
            )
            multiple.highlighted = 0
            multiple.focus()
            hint = "space or a number picks; enter goes on (nothing picked means none of these); s: not sure"
        else:
            single.clear_options()
            options = [Option(_choice(n, c.label, c.help), id=c.id) for n, c in enumerate(q.offered, 1)]
            options.append(Option(Content.styled("0  Not sure", "italic"), id=NOT_SURE))
            single.add_options(options)
            ids = [c.id for c in q.offered]
            single.highlighted = ids.index(current) if isinstance(current, str) and current in ids else 0
            single.focus()
            hint = "a number or enter chooses; ← back, → skip; r shows the results so far"
        self.query_one("#wizard-hint", Static).update(Content.styled(hint, "$foreground-muted"))

    # --- answering --------------------------------------------------------------------------

    def record(self, value: AnswerValue) -> None:
        q = self.current()
        if value is None:
            self.answers.pop(q.id, None)
        else:
            self.answers[q.id] = value
        self.save()
        self.advance()

    def save(self) -> None:
        """Keep the answers in the store (the writer thread keeps saves in order)."""
        answers, store = dict(self.answers), self.advisor.store
        self.advisor.writer.submit(lambda: store.save_workload(CURRENT_WORKLOAD, answers))

    def advance(self) -> None:
        if self.index + 1 >= len(self.applicable()):
            self.action_results()
        else:
            self.index += 1

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        choice = event.option.id
        self.record(None if choice == NOT_SURE else choice)

    def on_selection_list_selection_toggled(self, event: SelectionList.SelectionToggled[str]) -> None:
        event.stop()

    def action_number(self, n: int) -> None:
        """Number keys choose (one answer) or tick (several); 0 is not sure."""
        q = self.current()
        if n == 0 and not q.multiple:
            self.record(None)
        elif 1 <= n <= len(q.offered):
            choice = q.offered[n - 1].id
            if q.multiple:
                self.query_one("#multiple", SelectionList).toggle(choice)
            else:
                self.record(choice)

    def action_enter(self) -> None:
        q = self.current()
        if q.multiple:
            selected = self.query_one("#multiple", SelectionList).selected
            order = [c.id for c in q.offered]
            self.record(sorted(selected, key=order.index))
        else:
            self.query_one("#single", OptionList).action_select()

    def action_not_sure(self) -> None:
        self.record(None)

    def action_step(self, delta: int) -> None:
        if delta > 0 and self.index + 1 >= len(self.applicable()):
            self.action_results()
            return
        self.index += delta

    def action_restart(self) -> None:
        self.answers = {}
        self.save()
        self.index = 0
        self.notify("Answers cleared.")

    def action_load(self) -> None:
        from advisor.tui.dialogs.text import TextDialog

        self.app.push_screen(TextDialog("Load answers from", "workload.yaml"), self._load)

    def _load(self, name: str | None) -> None:
        if not name:
            return
        from advisor.advise.answers import load_answers
        from advisor.loading.problems import DataError

        path = Path(name).expanduser()
        try:
            answers = load_answers(path, self.advisor.catalog.questions)
        except DataError as exc:
            problems = "\n".join(str(p) for p in exc.problems[:5])
            self.notify(problems, title="Cannot load answers", severity="error", markup=False)
            return
        self.answers = dict(answers)
        self.save()
        self.index = 0
        self.notify(f"Loaded {len(answers)} answer(s) from {path}", markup=False)

    def action_save(self) -> None:
        from advisor.tui.dialogs.text import TextDialog

        self.app.push_screen(TextDialog("Save answers to", "workload.yaml"), self._save)

    def _save(self, name: str | None) -> None:
        if not name:
            return
        from advisor.advise.answers import dump_answers
        from advisor.destination import why_not_writable, write_text

        path = Path(name).expanduser()
        problem = why_not_writable(path, overwrite_hint="give another name") or write_text(
            path, dump_answers(self.answers, self.advisor.catalog.questions)
        )
        if problem:
            self.notify(problem, title="Not saved", severity="error", markup=False)
        else:
            self.notify(f"Saved to {path}", markup=False)

    def action_results(self) -> None:
        self._work_out(dict(self.answers))

    @in_thread(group="recommendation", exclusive=True)
    def _work_out(self, answers: dict[str, AnswerValue]) -> None:
        """The verdicts, off the event loop; the recommendation screen then opens complete, in one frame."""
        from advisor.advise.engine import recommend
        from advisor.reports.build import build_report

        catalog = self.advisor.catalog
        report = build_report(catalog, recommend(catalog, answers))
        self.app.call_from_thread(self._show_results, report, answers)

    def _show_results(self, report: Report, answers: dict[str, AnswerValue]) -> None:
        from advisor.tui.screens.recommendation import RecommendationScreen

        if self.is_current:  # not if the user has left meanwhile
            self.app.push_screen(RecommendationScreen(report, answers))
