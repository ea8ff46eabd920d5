"""Advise: the workload wizard, one question per step, then the recommendation."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

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
from advisor.models.workload import TeamDecision, Workload
from advisor.text.plural import plural
from advisor.tui.background import in_thread
from advisor.tui.screens.base import AdvisorScreen
from advisor.tui.widgets.hanging_text import Hanging
from advisor.tui.widgets.inline_code import inline_code
from advisor.tui.widgets.key_bar import KeyBar
from advisor.tui.widgets.ticks import TickList
from advisor.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from advisor.advise.quick import Next


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
        # shown only while there is something to undo, and then before the keys that can wait:
        # a narrow footer drops keys from the end, and the toast that offers ctrl+z must be true
        Binding("ctrl+z", "undo", "Undo start over"),
        Binding("n", "note", "Note"),
        Binding("w", "priorities", "Priorities"),
        Binding("q", "quick", "Quick mode"),
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
        ("ctrl+n", "clear the answers and start over (asks first; ctrl+z undoes it once)"),
        ("ctrl+o / ctrl+s", "load answers (with priorities, notes, decisions) from / save them to a YAML file"),
        ("q", "quick mode: ask first what could still change a verdict, stop when nothing left can"),
    ]

    index: reactive[int] = reactive(0, init=False, always_update=True)
    """Which of the applicable questions is on screen."""

    def __init__(self, answers: dict[str, AnswerValue] | None = None, *, quick: bool = False) -> None:
        super().__init__()
        self.answers: dict[str, AnswerValue] = dict(answers or {})
        self.cleared: dict[str, AnswerValue] | None = None  # what ctrl+n cleared, until ctrl+z or another answer
        self._overwrite: Path | None = None  # the answers file the user was just asked about overwriting
        self.priorities: dict[str, str] = {}
        self.notes: dict[str, str] = {}
        self.decisions: dict[str, TeamDecision] = {}
        self.quick = quick
        self.quick_path: list[str] = []  # quick mode: the questions asked so far, in the order asked
        self.passed: set[str] = set()  # quick mode: asked, and left as not sure
        self.quick_left = 0  # quick mode: questions not asked yet that could still matter

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="wizard"):
            yield Static(id="step")
            yield ProgressBar(id="wizard-progress", show_eta=False, show_percentage=False)
            yield Static(id="question-text")
            yield Static(id="question-help")
            yield Static(id="question-note")
            yield OptionList(id="single")
            yield TickList[str](id="multiple")
            yield Static(id="wizard-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "Advise"
        self.questionnaire = Questionnaire(self.advisor.catalog.questions)
        kept = self.advisor.store.workload(CURRENT_WORKLOAD)
        if kept is not None:
            self.priorities, self.notes, self.decisions = dict(kept.priorities), dict(kept.notes), dict(kept.decisions)
        if not self.answers:
            self.answers = dict(kept.answers) if kept else {}
        self.index = self.first_unanswered()
        if self.quick:
            self._find_next(dict(self.answers), set(self.passed), dict(self.priorities))

    def first_unanswered(self) -> int:
        """Where to carry on: the first question that applies and has no answer (the first if all have)."""
        questions = self.applicable()
        return next((i for i, q in enumerate(questions) if q.id not in self.answers), 0)

    # --- which questions apply -------------------------------------------------------------

    def applicable(self) -> list[Question]:
        """The questions still worth asking, given the answers so far (the questionnaire decides);
        in quick mode, the questions it has asked so far."""
        if self.quick and self.quick_path:
            by_id = self.questionnaire.by_id
            return [by_id[q] for q in self.quick_path]
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
        if self.quick and self.quick_path:
            step = f"Quick mode · question {index + 1} · {plural(self.quick_left, 'question')} could still matter"
            total = index + self.quick_left
        else:
            step = f"Question {index + 1} of {len(questions)}"
            total = len(questions)
        self.query_one("#step", Static).update(Content.styled(step + several, "$foreground-muted"))
        self.query_one("#wizard-progress", ProgressBar).update(total=max(total, 1), progress=index)
        self._show_note(q)
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
            mode = "q: every question, in order" if self.quick else "q: quick mode"
            hint = f"a number or enter chooses; ← back, → skip; r shows the results so far; {mode}"
        self.query_one("#wizard-hint", Static).update(Content.styled(hint, "$foreground-muted"))

    def _show_note(self, q: Question) -> None:
        note = self.notes.get(q.id)
        shown = self.query_one("#question-note", Static)
        shown.display = bool(note)
        shown.update(Content.assemble(("Note: ", "bold $text-accent"), Content(note or "")))

    # --- notes and priorities ---------------------------------------------------------------

    def save_context(self) -> None:
        """Keep the priorities, notes and decisions in the store with the answers."""
        store = self.advisor.store
        priorities, notes, decisions = dict(self.priorities), dict(self.notes), dict(self.decisions)
        self.advisor.writer.submit(
            lambda: store.save_workload_context(
                CURRENT_WORKLOAD, priorities=priorities, notes=notes, decisions=decisions
            )
        )

    def action_note(self) -> None:
        from advisor.tui.dialogs.text import TextDialog

        q = self.current()
        dialog = TextDialog(
            f"Note on: {q.text}",
            self.notes.get(q.id, ""),
            empty_is_an_answer=True,
            hint="enter: keep (an empty note removes it) · escape: cancel",
        )
        self.app.push_screen(dialog, lambda text: self._noted(q.id, text))

    def _noted(self, question: str, text: str | None) -> None:
        if text is None:
            return
        if text:
            self.notes[question] = text
        else:
            self.notes.pop(question, None)
        self.save_context()
        self._show_note(self.current())

    def action_priorities(self) -> None:
        from advisor.tui.dialogs.priorities import PrioritiesDialog

        self.app.push_screen(PrioritiesDialog(self.priorities), self._prioritised)

    def _prioritised(self, priorities: dict[str, str] | None) -> None:
        if priorities is None:
            return
        self.priorities = priorities
        self.save_context()
        if self.quick:  # what could still matter depends on the weights
            self._find_next(dict(self.answers), set(self.passed), dict(self.priorities), keep=True)

    # --- quick mode --------------------------------------------------------------------------

    def action_quick(self) -> None:
        self.quick = not self.quick
        self.quick_path, self.passed = [], set()
        if self.quick:
            self.notify("Quick mode: the questions that could still change a verdict, most first.", markup=False)
            self._find_next(dict(self.answers), set(), dict(self.priorities))
        else:
            self.notify("The full questionnaire, in order.", markup=False)
            self.index = self.first_unanswered()

    @in_thread(group="quick", exclusive=True)
    def _find_next(
        self, answers: dict[str, AnswerValue], passed: set[str], priorities: dict[str, str], keep: bool = False
    ) -> None:
        """Which question quick mode asks next, off the event loop (a few milliseconds)."""
        from advisor.advise.quick import next_question

        found = next_question(self.advisor.catalog, answers, passed=passed, priorities=priorities)
        self.app.call_from_thread(self._quick_found, found, keep)

    def _quick_found(self, found: Next, keep: bool) -> None:
        if not self.quick or not self.is_attached:
            return
        self.quick_left = found.left
        if keep:  # only the count changed (new priorities): stay on the question shown
            self.index = self.index
            return
        if found.question is None:
            asked = len(self.quick_path)
            self.notify(
                f"Done: {asked} of {asked + found.skipped} asked; {found.skipped} could not change any verdict,"
                " given your answers and the questions you left unsure.",
                markup=False,
            )
            self.action_results()
            return
        self.quick_path.append(found.question)
        self.index = len(self.quick_path) - 1

    # --- answering --------------------------------------------------------------------------

    def record(self, value: AnswerValue) -> None:
        if self.cleared is not None:  # a new answer after a start over: the old set is gone for good
            self.cleared = None
            self.refresh_bindings()
        q = self.current()
        if value is None:
            self.answers.pop(q.id, None)
            self.passed.add(q.id)
        else:
            self.answers[q.id] = value
            self.passed.discard(q.id)
        self.save()
        self.advance()

    def save(self) -> None:
        """Keep the answers in the store (the writer thread keeps saves in order)."""
        answers, store = dict(self.answers), self.advisor.store
        self.advisor.writer.submit(lambda: store.save_workload(CURRENT_WORKLOAD, answers))

    def advance(self) -> None:
        if self.quick and self.index + 1 >= len(self.applicable()):
            self._find_next(dict(self.answers), set(self.passed), dict(self.priorities))
        elif self.index + 1 >= len(self.applicable()):
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
        if self.quick and delta > 0 and self.index + 1 >= len(self.applicable()):  # skipped: passed, as not sure
            self.passed.add(self.current().id)
            self._find_next(dict(self.answers), set(self.passed), dict(self.priorities))
            return
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
        from advisor.advise.answers import load_workload
        from advisor.loading.problems import DataError

        path = Path(name).expanduser()
        catalog = self.advisor.catalog
        try:
            workload = load_workload(path, catalog.questions, [t.id for t in catalog.technologies.technologies])
        except DataError as exc:
            shown = [str(p) for p in exc.problems[:3]]
            more = len(exc.problems) - len(shown)
            return "\n".join(shown + ([f"and {plural(more, 'other problem')}"] if more else []))
        answers = workload.answers
        self.answers = dict(answers)
        self.priorities, self.notes = dict(workload.priorities), dict(workload.notes)
        self.decisions = dict(workload.decisions)
        self.advisor.recent.answers_file = path
        self.save()
        self.save_context()
        self.quick_path, self.passed = [], set()
        self.index = 0
        self.notify(f"Loaded {plural(len(answers), 'answer')} from {path}", markup=False)
        return None

    def action_save(self) -> None:
        from advisor.tui.dialogs.text import TextDialog

        self.app.push_screen(TextDialog("Save answers to", self._answers_file(), accept=self._save))

    def _save(self, name: str) -> str | None:
        """Write the answers to file `name`; why not (the dialog stays open to show it), or None."""
        from advisor.advise.answers import dump_workload
        from advisor.destination import why_not_writable, write_text

        path = Path(name).expanduser()
        confirmed, self._overwrite = self._overwrite == path, None
        problem = why_not_writable(path, force=True)
        if not problem and path.exists() and not confirmed:
            self._overwrite = path  # the same path again, at once, overwrites it
            return f"{path} exists. Press enter again to overwrite it."
        catalog = self.advisor.catalog
        text = dump_workload(self.workload(), catalog.questions, catalog.technologies.technologies)
        problem = problem or write_text(path, text)
        if problem:
            return f"{problem[0].upper()}{problem[1:]}."
        self.advisor.recent.answers_file = path
        self.notify(f"Saved to {path}", markup=False)
        return None

    def workload(self) -> Workload:
        """The answers with the priorities, notes and decisions, as one value."""
        return Workload(
            answers=dict(self.answers),
            priorities=dict(self.priorities),
            notes=dict(self.notes),
            decisions=dict(self.decisions),
        )

    def action_results(self) -> None:
        self._work_out(self.workload())

    @in_thread(group="recommendation", exclusive=True)
    def _work_out(self, workload: Workload) -> None:
        """The verdicts, off the event loop; the recommendation screen then opens complete, in one frame."""
        from advisor.tui.screens.recommendation import work_out

        report = work_out(self.advisor.catalog, workload)
        self.app.call_from_thread(self._show_results, report, workload)

    def _show_results(self, report: Report, workload: Workload) -> None:
        from advisor.tui.screens.recommendation import RecommendationScreen

        if self.is_current:  # not if the user has left meanwhile
            self.app.push_screen(RecommendationScreen(report, workload, changed=self._changed_there))

    def _changed_there(self, workload: Workload) -> None:
        """The recommendation screen changed the priorities or a decision (and kept them in the store)."""
        self.priorities, self.decisions = dict(workload.priorities), dict(workload.decisions)
