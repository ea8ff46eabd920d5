"""Advise: the workload wizard, one question per step, then the recommendation."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, ProgressBar, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from advisor.advise.conditions import evaluate
from advisor.advise.engine import normalise
from advisor.models.recommendation import AnswerValue
from advisor.models.rules import Question

NOT_SURE = "__not_sure__"
WORKLOAD = "current"


class AdviseScreen(Screen[None]):
    """One question at a time; answers are kept in the store after every step."""

    BINDINGS = [
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
    ]

    def __init__(self, answers: dict[str, AnswerValue] | None = None) -> None:
        super().__init__()
        self.answers: dict[str, AnswerValue] = dict(answers or {})
        self.index = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="wizard"):
            yield Static(id="step")
            yield ProgressBar(id="wizard-progress", show_eta=False, show_percentage=False)
            yield Static(id="question-text")
            yield Static(id="question-help")
            yield OptionList(id="single")
            yield SelectionList[str](id="multiple")
            yield Static(id="wizard-hint")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Advise"
        if not self.answers:
            self.answers = dict(self.app.store.load_workload(WORKLOAD) or {})
        self.show()

    # --- which questions apply -------------------------------------------------------------

    def applicable(self) -> list[Question]:
        """The questions still worth asking, given the answers so far (ask_if)."""
        by_id = {q.id: q for q in self.app.catalog.questions}
        given = normalise(self.answers)
        return [q for q in self.app.catalog.questions if q.ask_if is None or evaluate(q.ask_if, given, by_id) is not False]

    # --- drawing ---------------------------------------------------------------------------

    def show(self) -> None:
        questions = self.applicable()
        self.index = max(0, min(self.index, len(questions) - 1))
        q = questions[self.index]
        self.query_one("#step", Static).update(Text(f"Question {self.index + 1} of {len(questions)}", style="dim"))
        self.query_one("#wizard-progress", ProgressBar).update(total=len(questions), progress=self.index)
        self.query_one("#question-text", Static).update(Text(q.text, style="bold"))
        self.query_one("#question-help", Static).update(Text(q.help))
        single = self.query_one("#single", OptionList)
        multiple = self.query_one("#multiple", SelectionList)
        current = self.answers.get(q.id)
        single.display = not q.multiple
        multiple.display = q.multiple
        if q.multiple:
            multiple.clear_options()
            chosen = current if isinstance(current, list) else []
            multiple.add_options(
                [Selection(_choice_text(n, c.label, c.help), c.id, c.id in chosen) for n, c in enumerate(q.choices, 1)]
            )
            multiple.focus()
            hint = "space or a number picks; enter goes on (nothing picked means none of these); s: not sure"
        else:
            single.clear_options()
            options = [Option(_choice_text(n, c.label, c.help), id=c.id) for n, c in enumerate(q.choices, 1)]
            options.append(Option(Text("0  Not sure", style="italic"), id=NOT_SURE))
            single.add_options(options)
            ids = [c.id for c in q.choices]
            single.highlighted = ids.index(current) if isinstance(current, str) and current in ids else 0
            single.focus()
            hint = "a number or enter chooses; ← back, → skip; r shows the results so far"
        self.query_one("#wizard-hint", Static).update(Text(hint, style="dim"))

    # --- answering --------------------------------------------------------------------------

    def current(self) -> Question:
        return self.applicable()[self.index]

    def record(self, value: AnswerValue) -> None:
        q = self.current()
        if value is None:
            self.answers.pop(q.id, None)
        else:
            self.answers[q.id] = value
        self.save()
        self.advance()

    def save(self) -> None:
        """Keep the answers in the store (the app's writer thread keeps saves in order)."""
        answers = dict(self.answers)
        self.app.write(lambda: self.app.store.save_workload(WORKLOAD, answers))

    def advance(self) -> None:
        if self.index + 1 >= len(self.applicable()):
            self.action_results()
        else:
            self.index += 1
            self.show()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        choice = event.option.id
        self.record(None if choice == NOT_SURE else choice)

    def on_key(self, event) -> None:  # number keys choose (single) or toggle (several)
        if not event.character or not event.character.isdigit():
            return
        q = self.current()
        n = int(event.character)
        if n == 0 and not q.multiple:
            event.stop()
            self.record(None)
        elif 1 <= n <= len(q.choices):
            event.stop()
            choice = q.choices[n - 1].id
            if q.multiple:
                self.query_one("#multiple", SelectionList).toggle(choice)
            else:
                self.record(choice)

    def action_next_multiple(self) -> None:
        selected = self.query_one("#multiple", SelectionList).selected
        order = [c.id for c in self.current().choices]
        self.record(sorted(selected, key=order.index))

    def on_selection_list_selection_toggled(self, event: SelectionList.SelectionToggled) -> None:
        event.stop()

    def action_enter(self) -> None:
        if self.current().multiple:
            self.action_next_multiple()
        else:
            self.query_one("#single", OptionList).action_select()

    def action_not_sure(self) -> None:
        self.record(None)

    def action_step(self, delta: int) -> None:
        if delta > 0 and self.index + 1 >= len(self.applicable()):
            self.action_results()
            return
        self.index = max(0, self.index + delta)
        self.show()

    def action_restart(self) -> None:
        self.answers = {}
        self.index = 0
        self.save()
        self.show()
        self.notify("Answers cleared.")

    def action_load(self) -> None:
        from advisor.tui.dialogs.text import TextDialog

        self.app.push_screen(TextDialog("Load answers from", "workload.yaml"), self._load)

    def _load(self, name: str | None) -> None:
        if not name:
            return
        path = Path(name).expanduser()
        from advisor.advise.answers import load_answers
        from advisor.loading.problems import DataError

        try:
            answers = load_answers(path, self.app.catalog.questions)
        except DataError as exc:
            self.notify("\n".join(str(p) for p in exc.problems[:5]), title="Cannot load answers", severity="error", markup=False)
            return
        self.answers = dict(answers)
        self.index = 0
        self.save()
        self.show()
        self.notify(f"Loaded {len(answers)} answer(s) from {path}", markup=False)

    def action_save(self) -> None:
        from advisor.tui.dialogs.text import TextDialog

        self.app.push_screen(TextDialog("Save answers to", "workload.yaml"), self._save)

    def _save(self, name: str | None) -> None:
        if not name:
            return
        path = Path(name).expanduser()
        from advisor.advise.answers import dump_answers
        from advisor.cli.output import check_output

        problem = check_output(path, force=False)
        if problem:
            self.notify(problem, title="Not saved", severity="error", markup=False)
            return
        try:
            path.write_text(dump_answers(self.answers, self.app.catalog.questions), encoding="utf-8")
        except OSError as exc:
            self.notify(f"cannot write {path}: {exc.strerror or exc}", title="Not saved", severity="error", markup=False)
            return
        self.notify(f"Saved to {path}", markup=False)

    def action_results(self) -> None:
        from advisor.tui.screens.recommendation import RecommendationScreen

        self.app.push_screen(RecommendationScreen(dict(self.answers)))


def _choice_text(n: int, label: str, help_text: str | None) -> Text:
    text = Text.assemble((f"{n}  ", "bold"), label)
    if help_text:
        text.append(f"  — {help_text}", style="dim")
    return text
