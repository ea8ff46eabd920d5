"""Quiz: choose what to practise, answer one question at a time, read why, see the summary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import ProgressBar, SelectionList, Static
from textual.widgets.selection_list import Selection

from advisor.models.progress import SavedSession
from advisor.models.quiz import RIGHT, WRONG, Grade
from advisor.quiz.progress import DueOutlook, QuizHistory, due_outlook, quiz_history
from advisor.quiz.resume import begin_session, describe_saved, plan_from, saved_items, saved_plan
from advisor.quiz.session import QUESTIONS_PER_QUIZ, Presented, QuizPlan, QuizSession
from advisor.text.plural import plural
from advisor.tui.background import in_thread
from advisor.tui.messages import Answered, NotAnswered
from advisor.tui.screens.base import AdvisorScreen
from advisor.tui.widgets.answers import (
    ANSWER_WIDGETS,
    AnswerWidget,
    ChoiceAnswer,
    MatchAnswer,
    OrderAnswer,
    SeveralAnswer,
    TypedAnswer,
)
from advisor.tui.widgets.guide_text import GuideText
from advisor.tui.widgets.hanging_text import HangingText, Paragraph
from advisor.tui.widgets.inline_code import inline_code
from advisor.tui.widgets.key_bar import KeyBar
from advisor.tui.widgets.ticks import TickList
from advisor.tui.widgets.title_bar import TitleBar


@dataclass(frozen=True)
class ChooserState:
    """What the chooser shows beside the quizzes, read off the event loop: due outlook, history, a session to resume."""

    outlook: DueOutlook
    history: dict[str, QuizHistory]
    saved: SavedSession | None
    saved_label: str


class QuizChooser(AdvisorScreen):
    """Pick one quiz or several (space), the questions due for review (d), or resume the quiz you stopped (r).

    Given a plan (from the command line or the palette), the session starts at once.
    """

    AUTO_FOCUS = "#quizzes"  # focused as the screen opens: no second frame to move focus

    CSS_PATH = "quiz.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.back", "Back"),
        Binding("enter", "start", "Start", priority=True),
        Binding("r", "resume", "Resume"),
        Binding("x", "start_over", "Start over"),
        Binding("d", "due", "Due review"),
    ]

    state: reactive[ChooserState | None] = reactive(None, repaint=False)
    """Due outlook, per-quiz history and the session to resume (None until the answer log has been read)."""

    def __init__(self, plan: QuizPlan | None = None) -> None:
        super().__init__()
        self.plan = plan

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="chooser"):
            yield Static(id="resume-label")
            yield Static(id="due-label")
            yield TickList[str](id="quizzes")
            yield Static(id="quiz-history")
            hint = (
                f"space picks several · enter starts ({QUESTIONS_PER_QUIZ} questions each)"
                " · d: questions due for review"
            )
            yield Static(Content.styled(hint, "$foreground-muted"))
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "Quiz"
        self.query_one("#resume-label", Static).display = False
        self.query_one("#quizzes", SelectionList).add_options(
            [Selection(self._row(q.id), q.id) for q in self.advisor.catalog.quizzes]
        )
        self.query_one("#quizzes", SelectionList).highlighted = 0
        if self.plan is not None:
            self.start(self.plan)
        self.on_screen_resume()

    def on_screen_resume(self) -> None:
        self._read_progress()

    @in_thread(group="quiz-due", exclusive=True)
    def _read_progress(self) -> None:
        catalog, store = self.advisor.catalog, self.advisor.store
        answers = store.answers()
        saved = store.open_session()
        state = ChooserState(
            due_outlook(catalog, answers),
            {row.quiz.id: row for row in quiz_history(catalog, answers)},
            saved,
            describe_saved(catalog, saved) if saved is not None else "",
        )
        self.app.call_from_thread(setattr, self, "state", state)

    def _row(self, quiz_id: str) -> Content:
        quiz = next(q for q in self.advisor.catalog.quizzes if q.id == quiz_id)
        history = self.state.history.get(quiz_id) if self.state is not None else None
        due = f" · {history.due} due" if history is not None and history.due else ""
        count = f"  {plural(len(quiz.questions), 'question')}"
        return Content.assemble(quiz.title, (count, "$foreground-muted"), (due, "bold"))

    def watch_state(self, state: ChooserState | None) -> None:
        label = self.query_one("#due-label", Static)
        if state is None:
            label.update(Content.styled("counting questions due for review…", "$foreground-muted"))
            return
        text = f"Review: {state.outlook.label(datetime.now(UTC))}"
        label.update(Content.styled(text, "bold" if state.outlook.now else "$foreground-muted"))
        resume = self.query_one("#resume-label", Static)
        resume.display = state.saved is not None
        if state.saved is not None:
            resume.update(
                Content.assemble(
                    ("Unfinished: ", "bold"),
                    state.saved_label,
                    (" · r resumes it, x starts it over", "$foreground-muted"),
                )
            )
        quizzes = self.query_one("#quizzes", SelectionList)
        for index, quiz in enumerate(self.advisor.catalog.quizzes):
            quizzes.replace_option_prompt_at_index(index, self._row(quiz.id))
        self._show_history()
        self.refresh_bindings()
        self.refresh(layout=True)

    def on_selection_list_selection_highlighted(self, _: SelectionList.SelectionHighlighted[str]) -> None:
        self._show_history()

    def _show_history(self) -> None:
        """The highlighted quiz's record: last score, sessions, first tries right, due now."""
        quizzes = self.query_one("#quizzes", SelectionList)
        if self.state is None or quizzes.highlighted is None:
            return
        row = self.state.history.get(quizzes.get_option_at_index(quizzes.highlighted).value)
        if row is None:
            return
        if not row.answers:
            text = f"{row.quiz.title}: not taken yet."
        else:
            sessions = plural(row.sessions, "session")
            text = (
                f"{row.quiz.title}: last {row.last_right} of {row.last_total} right ({row.last}) · {sessions}"
                f" · {row.share:.0%} of {row.answers} first tries right · {row.due} due now"
            )
        self.query_one("#quiz-history", Static).update(Content.styled(text, "$foreground-muted"), layout=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("resume", "start_over"):
            return self.state is not None and self.state.saved is not None
        return True

    def action_start(self) -> None:
        quizzes = self.query_one("#quizzes", SelectionList)
        chosen = list(quizzes.selected)
        if not chosen and quizzes.highlighted is not None:
            chosen = [quizzes.get_option_at_index(quizzes.highlighted).value]
        self.start(QuizPlan(tuple(chosen)))

    def action_due(self) -> None:
        self.start(QuizPlan(due=True))

    def action_resume(self) -> None:
        self.start(QuizPlan(resume=True))

    def action_start_over(self) -> None:
        """Set the unfinished session aside and start the same plan afresh (its answers stay in the log)."""
        saved = self.state.saved if self.state is not None else None
        if saved is not None:
            self.start(plan_from(saved))  # a new session: saving it sets the old one aside

    @in_thread(group="quiz-start", exclusive=True)
    def start(self, plan: QuizPlan) -> None:
        """Draw the session `plan` asks for (reading the answer log off the event loop), then show it."""
        session = begin_session(self.advisor.catalog, plan, self.advisor.store)
        self.app.call_from_thread(self._begin, plan, session)

    def _begin(self, plan: QuizPlan, session: QuizSession | None) -> None:
        if session is None:
            self.notify("No unfinished quiz to resume." if plan.resume else "Nothing is due for review now.")
        elif not session.items:
            self.notify("These quizzes have no questions.")
        else:
            self.app.push_screen(QuestionScreen(session))


class QuestionScreen(AdvisorScreen):
    """One question; after the answer, its feedback; then the next, and the summary at the end."""

    CSS_PATH = "quiz.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "End quiz"),
        Binding("enter", "enter", "Submit / next", priority=True),
        Binding("r", "override(True)", "I was right"),
        Binding("w", "override(False)", "I was wrong"),
    ]
    KEY_NOTES: ClassVar[list[tuple[str, str]]] = [
        ("1 – 9", "choose (or tick, where several are right)"),
        ("shift+↑↓", "move the highlighted step of an ordering question (or drag it; digits type the order)"),
        ("a b c…", "match the highlighted item of a matching question (or click its match)"),
        ("typing", "short and numeric answers"),
    ]

    presented: reactive[Presented | None] = reactive(None, init=False, always_update=True, repaint=False)
    """The question on screen."""
    answered: reactive[Grade | None] = reactive(None, init=False, always_update=True, repaint=False)
    """The grade of the answer just given, while its feedback shows; None while answering."""

    def __init__(self, session: QuizSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="quiz"):
            yield Static(id="quiz-step")
            with Horizontal(id="quiz-bar"):
                yield ProgressBar(id="quiz-progress", show_eta=False, show_percentage=False)
                yield Static(id="quiz-score")
            yield GuideText(id="quiz-prompt")
            # one widget per kind of answer, built once and filled per question
            yield ChoiceAnswer(id="answer-choice")
            yield SeveralAnswer(id="answer-several")
            yield OrderAnswer(id="answer-order")
            yield MatchAnswer(id="answer-match")
            yield TypedAnswer(id="answer-typed")
            yield Static(id="quiz-hint")
            yield HangingText(id="quiz-feedback")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "Quiz"
        # keep the session's questions and order, so a quiz interrupted here resumes here
        store, session = self.advisor.store, self.session
        session_id, plan, items = session.session_id, saved_plan(session.plan), saved_items(session)
        self.advisor.writer.submit(lambda: store.save_session(session_id, plan, items))
        self.presented = self.session.current

    def answer_widget(self) -> AnswerWidget:
        """The widget answering the question on screen."""
        assert self.presented is not None
        kind = ANSWER_WIDGETS[type(self.presented.question)]
        return next(w for w in self._answer_widgets() if isinstance(w, kind))

    def _answer_widgets(self) -> list[AnswerWidget]:
        return [
            self.query_one(ChoiceAnswer),
            self.query_one(SeveralAnswer),
            self.query_one(OrderAnswer),
            self.query_one(MatchAnswer),
            self.query_one(TypedAnswer),
        ]

    # --- showing a question ---------------------------------------------------------------

    def _show_step(self) -> None:
        """Where the learner is: question n of m, the running score, and a bar."""
        presented, session = self.presented, self.session
        assert presented is not None
        total = len(session.items)
        done = session.position + (self.answered is not None)
        score = session.summary().score
        practice = " · practice (not a review)" if presented.practice else ""
        level = presented.question.difficulty.value
        step = f"Question {session.position + 1} of {total} · {presented.quiz.title} · {level}{practice}"
        tally = f"{score.right} of {score.total} right so far" if score.total else "no answers yet"
        self.query_one("#quiz-step", Static).update(Content.styled(step, "$foreground-muted"), layout=False)
        self.query_one("#quiz-score", Static).update(Content.styled(tally, "$foreground-muted"), layout=False)
        self.query_one("#quiz-progress", ProgressBar).update(total=total, progress=done)

    def watch_presented(self, presented: Presented | None) -> None:
        if presented is None:
            from advisor.tui.screens.quiz_summary import QuizSummaryScreen

            store, session_id = self.advisor.store, self.session.session_id
            self.advisor.writer.submit(lambda: store.close_session(session_id))  # done: nothing to resume
            self.app.switch_screen(QuizSummaryScreen(self.session))
            return
        self.query_one("#quiz-prompt", GuideText).show(presented.question.prompt)
        current = self.answer_widget()
        widget: Widget
        for widget in self._answer_widgets():
            widget.display = widget is current
        current.show(presented)
        current.focus(scroll_visible=False)
        hint = self.query_one("#quiz-hint", Static)
        hint.display = True
        hint.update(Content.styled(current.HINT, "$foreground-muted"))
        self.answered = None
        self._show_step()
        scroll = self.query_one("#quiz", VerticalScroll)
        scroll.scroll_home(animate=False)
        # once laid out, keep the answer in view (a long question at 80×24 used to push it off screen)
        self.call_after_refresh(self._answer_in_view)

    def _answer_in_view(self) -> None:
        focused = self.focused
        if focused is not None and self.answered is None:
            self.query_one("#quiz", VerticalScroll).scroll_to_widget(focused, animate=False, top=False)

    # --- answering ---------------------------------------------------------------------------

    def action_enter(self) -> None:
        if self.answered is not None:
            self.session.advance()
            self.presented = self.session.current
        elif self.presented is not None:
            self.answer_widget().submit()

    def on_not_answered(self, message: NotAnswered) -> None:
        self.notify(message.message, title="Not an answer yet", severity="warning", markup=False)

    def on_answered(self, message: Answered) -> None:
        presented = self.presented
        if self.answered is not None or presented is None:
            return  # a second submit of the same question (a quick double press)
        result = self.session.submit(message.response)
        store = self.advisor.store

        def record() -> bool:
            result.number = store.record_answer(result.entry).number
            # after the answer is stored: has this question been missed again and again?
            return not result.grade.correct and self.session.is_leech(presented, store.answers())

        self.advisor.writer.submit(record, lambda leech: self._leech(presented, result.grade, leech))
        self.answer_widget().reveal(result.grade, message.response)
        self.answered = result.grade

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "override":  # "I was right" after a wrong grade, "I was wrong" after a right one
            grade, presented = self.answered, self.presented
            overridable = grade is not None and presented is not None and presented.question.overridable
            return overridable and grade is not None and grade.correct != parameters[0]
        return True

    def action_override(self, correct: bool) -> None:
        """The learner's own call on a typed answer: it counts (score and schedule) as they say."""
        if not self.check_action("override", (correct,)):
            return
        result = self.session.override(correct)
        store = self.advisor.store

        def record() -> None:
            if result.number is not None:  # stored by now: the writer runs in order
                store.override_answer(result.number, correct)

        self.advisor.writer.submit(record)
        self.answered = result.grade

    def _leech(self, presented: Presented, grade: Grade, leech: bool) -> None:
        if leech and self.answered is grade:
            where = "; ".join(self.advisor.catalog.describe(t) for t in presented.question.tests[:2])
            self.notify(
                f"You have missed this one several times. Re-read: {where}",
                title="Worth re-reading",
                severity="warning",
                timeout=12,
                markup=False,
            )

    def watch_answered(self, grade: Grade | None) -> None:
        feedback = self.query_one("#quiz-feedback", HangingText)
        feedback.display = grade is not None
        if grade is None or self.presented is None:
            return
        feedback.update(feedback_paragraphs(grade, self.presented))
        self.query_one("#quiz-hint", Static).display = False  # the feedback says what to do next
        self._show_step()
        self.refresh_bindings()  # "I was right" / "I was wrong" apply now
        scroll = self.query_one("#quiz", VerticalScroll)
        scroll.focus(scroll_visible=False)  # the answer is given: keys scroll the feedback, enter goes on
        # lay the screen out in the coming frame (a widget's own request would wait a frame more)
        self.refresh(layout=True)
        self.call_after_refresh(scroll.scroll_to_widget, feedback, animate=False, top=False)

    def action_leave(self) -> None:
        if self.session.results:
            from advisor.tui.screens.quiz_summary import QuizSummaryScreen

            self.app.switch_screen(QuizSummaryScreen(self.session))
        else:
            self.app.pop_screen()


def feedback_paragraphs(grade: Grade, presented: Presented) -> list[Paragraph]:
    """The feedback under an answer: the verdict, the learner's answer marked, the right one, why.

    Each marked line is a paragraph whose wrapped lines stay under its text, not under its mark."""
    # text in one widget: a Markdown widget per feedback took a noticeable moment to lay out
    none = Content("")
    colour = "$text-success" if grade.correct else "$text-error"
    paragraphs: list[Paragraph] = [(none, Content.styled(grade.headline, f"bold {colour}"))]
    for title, lines in (("Your answer", grade.chosen), ("The right answer", grade.expected)):
        if lines:
            paragraphs += [(none, none), (none, Content.styled(title, "bold"))]
            for line in lines:
                mark = line[:1] if line[:2] in (f"{RIGHT} ", f"{WRONG} ") else ""
                style = "bold $text-success" if mark == RIGHT else "bold $text-error"
                lead = Content.styled(f"  {mark} ", style) if mark else Content("  • ")
                paragraphs.append((lead, inline_code(line[2:] if mark else line)))
    question = presented.question
    paragraphs += [(none, none), (none, inline_code(question.explanation))]
    for s in question.sources:
        source = f"Source: {s.title}, checked {s.as_of.isoformat()}"
        paragraphs.append((none, Content.styled(source, "$foreground-muted")))
    call = ""
    if question.overridable:
        call = " · w: I was wrong" if grade.correct else " · r: I was right (a spelling the list misses)"
    paragraphs += [(none, none), (none, Content.styled(f"Enter: next question{call}", "italic $foreground-muted"))]
    return paragraphs
