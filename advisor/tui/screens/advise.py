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
from advisor.text.plural import plural
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
        Binding("ctrl+z", "undo", "Undo start over"),
        Binding("ctrl+o", "load", "Load file", show=False),
        Binding("ctrl+s", "save", "Save file", show=False),
        # priority: in the several-choice list, enter must go on rather than toggle
        Binding("enter", "enter", "Next", priority=True, show=False),
        *(Binding(str(n), f"number({n})", show=False) for n in range(10)),
    ]
    KEY_NOTES: ClassVar[list[tuple[str, str]]] = [
        ("1 – 9, enter", "choose (or tick, where several are allowed)"),
        ("0", "not sure"),
        ("ctrl+n", "clear the answers and start over (asks first; ctrl+z undoes it once)"),
        ("ctrl+o / ctrl+s", "load answers from / save them to a YAML file"),
    ]

    index: reactive[int] = reactive(0, init=False, always_update=True)
    """Which of the applicable questions is on screen."""

    def __init__(self, answers: dict[str, AnswerValue] | None = None) -> None:
        super().__init__()
        self.answers: dict[str, AnswerValue] = dict(answers or {})
        self.cleared: dict[str, AnswerValue] | None = None  # what ctrl+n cleared, until ctrl+z or another answer
        self._overwrite: Path | None = None  # the answers file the user was just asked about overwriting

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
        self.index = self.first_unanswered()

    def first_unanswered(self) -> int:
        """Where to carry on: the first question that applies and has no answer (the first if all have)."""
        questions = self.applicable()
        return next((i for i, q in enumerate(questions) if q.id not in self.answers), 0)

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
        several = " · several allowed" if q.multiple else ""  # said here, not in the question's text
        self.query_one("#step", Static).update(
            Content.styled(f"Question {index + 1} of {len(questions)}{several}", "$foreground-muted")
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
        if self.cleared is not None:  # a new answer after a start over: the old set is gone for good
            self.cleared = None
            self.refresh_bindings()
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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return self.cleared is not None  # shown (and working) only right after a start over
        return True

    def action_restart(self) -> None:
        if not self.answers:
            self.index = 0
            return
        from advisor.tui.dialogs.confirm import ConfirmDialog

        question = f"Clear all {plural(len(self.answers), 'answer')} and start over?"
        self.app.push_screen(
            ConfirmDialog(question, "clear them (ctrl+z brings them back)", "keep them"), self._restart
        )

    def _restart(self, clear: bool | None) -> None:
        if not clear:
            return
        self.cleared = dict(self.answers)
        self.answers = {}
        self.save()
        self.index = 0
        self.refresh_bindings()
        self.notify("Answers cleared. ctrl+z brings them back.", markup=False)

    def action_undo(self) -> None:
        if self.cleared is None:
            return
        self.answers, self.cleared = self.cleared, None
        self.save()
        self.index = self.first_unanswered()
        self.refresh_bindings()
        self.notify(f"{plural(len(self.answers), 'answer').capitalize()} back.", markup=False)

    def _answers_file(self) -> str:
        """The file the load and save dialogs offer: the last one used in this run, else workload.yaml."""
        return str(self.advisor.recent.answers_file or "workload.yaml")

    def action_load(self) -> None:
        from advisor.tui.dialogs.text import TextDialog

        self.app.push_screen(TextDialog("Load answers from", self._answers_file(), accept=self._load))

    def _load(self, name: str) -> str | None:
        """Load the answers in file `name`; why not (the dialog stays open to show it), or None."""
        from advisor.advise.answers import load_answers
        from advisor.loading.problems import DataError

        path = Path(name).expanduser()
        try:
            answers = load_answers(path, self.advisor.catalog.questions)
        except DataError as exc:
            shown = [str(p) for p in exc.problems[:3]]
            more = len(exc.problems) - len(shown)
            return "\n".join(shown + ([f"and {plural(more, 'other problem')}"] if more else []))
        self.answers = dict(answers)
        self.advisor.recent.answers_file = path
        self.save()
        self.index = 0
        self.notify(f"Loaded {plural(len(answers), 'answer')} from {path}", markup=False)
        return None

    def action_save(self) -> None:
        from advisor.tui.dialogs.text import TextDialog

        self.app.push_screen(TextDialog("Save answers to", self._answers_file(), accept=self._save))

    def _save(self, name: str) -> str | None:
        """Write the answers to file `name`; why not (the dialog stays open to show it), or None."""
        from advisor.advise.answers import dump_answers
        from advisor.destination import why_not_writable, write_text

        path = Path(name).expanduser()
        confirmed, self._overwrite = self._overwrite == path, None
        problem = why_not_writable(path, force=True)
        if not problem and path.exists() and not confirmed:
            self._overwrite = path  # the same path again, at once, overwrites it
            return f"{path} exists. Press enter again to overwrite it."
        problem = problem or write_text(path, dump_answers(self.answers, self.advisor.catalog.questions))
        if problem:
            return f"{problem[0].upper()}{problem[1:]}."
        self.advisor.recent.answers_file = path
        self.notify(f"Saved to {path}", markup=False)
        return None

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
