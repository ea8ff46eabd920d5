"""Quiz: choose what to practise, answer one question at a time, read why, see the summary."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Markdown, OptionList, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from advisor.quiz.grading import Grade
from advisor.models.quiz import Matching, MultipleChoice, Numeric, Ordering, ShortAnswer, SingleChoice, TrueFalse
from advisor.quiz.typed_input import LETTERS, parse_matching, parse_ordering
from advisor.quiz.session import QuizSession, due_questions

QUESTIONS_PER_QUIZ = 10


class QuizChooser(Screen[None]):
    """Pick one quiz or several (space), or the questions due for review (d)."""

    BINDINGS = [
        Binding("escape", "app.back", "Back"),
        Binding("enter", "start", "Start", priority=True),
        Binding("d", "due", "Due review"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="chooser"):
            yield Static(id="due-label")
            yield SelectionList[str](id="quizzes")
            yield Static(Text("space picks several · enter starts (10 questions each) · d: questions due for review", style="dim"))
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Quiz"
        quizzes = self.query_one("#quizzes", SelectionList)
        quizzes.add_options(
            [Selection(Text.assemble(q.title, (f"  {len(q.questions)} questions", "dim")), q.id) for q in self.app.catalog.quizzes]
        )
        quizzes.highlighted = 0
        quizzes.focus()
        self.on_screen_resume()

    def on_screen_resume(self) -> None:
        n = len(due_questions(self.app.catalog, self.app.store))
        self.query_one("#due-label", Static).update(Text(f"{n} question(s) due for review", style="bold" if n else "dim"))

    def action_start(self) -> None:
        quizzes = self.query_one("#quizzes", SelectionList)
        chosen = list(quizzes.selected)
        if not chosen and quizzes.highlighted is not None:
            chosen = [quizzes.get_option_at_index(quizzes.highlighted).value]
        self.start_with(chosen)

    def start_with(self, chosen: list[str]) -> None:
        """Start a session over the quizzes `chosen` (all quizzes when empty)."""
        limit = QUESTIONS_PER_QUIZ * max(1, len(chosen))
        session = QuizSession.start(self.app.catalog, self.app.store, quiz_ids=chosen, limit=limit)
        self.app.push_screen(QuestionScreen(session))

    def action_due(self) -> None:
        ids = due_questions(self.app.catalog, self.app.store)
        if not ids:
            self.notify("Nothing is due for review now.")
            return
        self.app.push_screen(QuestionScreen(QuizSession.start(self.app.catalog, self.app.store, question_ids=ids)))


class QuestionScreen(Screen[None]):
    """One question; after the answer, its feedback; then the next, and the summary at the end."""

    BINDINGS = [
        Binding("escape", "leave", "End quiz"),
        Binding("enter", "enter", "Submit / next", priority=True),
    ]

    def __init__(self, session: QuizSession) -> None:
        super().__init__()
        self.session = session
        self.answered: Grade | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="quiz"):
            yield Static(id="quiz-step")
            yield Markdown(id="quiz-prompt")
            yield Static(id="quiz-listing")
            yield OptionList(id="quiz-single")
            yield SelectionList[str](id="quiz-multiple")
            yield Input(id="quiz-input")
            yield Static(id="quiz-hint")
            yield Static(id="quiz-feedback")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Quiz"
        self.show()

    # --- showing a question ---------------------------------------------------------------

    def show(self) -> None:
        presented = self.session.current
        if presented is None:
            from advisor.tui.screens.quiz_summary import QuizSummaryScreen

            self.app.switch_screen(QuizSummaryScreen(self.session))
            return
        q = presented.question
        self.answered = None
        total = len(self.session.items)
        practice = " · practice (not a review)" if presented.practice else ""
        self.query_one("#quiz-step", Static).update(
            Text(f"Question {self.session.position + 1} of {total} · {presented.quiz.title} · {q.difficulty.value}{practice}", style="dim")
        )
        self.query_one("#quiz-prompt", Markdown).update(q.prompt)
        single = self.query_one("#quiz-single", OptionList)
        multiple = self.query_one("#quiz-multiple", SelectionList)
        box = self.query_one("#quiz-input", Input)
        listing = self.query_one("#quiz-listing", Static)
        feedback = self.query_one("#quiz-feedback", Static)
        for widget in (single, multiple, box, listing):
            widget.display = False
        feedback.display = False
        hint = ""
        if isinstance(q, SingleChoice | TrueFalse):
            single.clear_options()
            if isinstance(q, TrueFalse):
                single.add_options([Option(Text("1  True"), id="true"), Option(Text("2  False"), id="false")])
            else:
                by_id = {o.id: o for o in q.options}
                single.add_options([Option(Text(f"{n}  {by_id[i].text}"), id=i) for n, i in enumerate(presented.order, 1)])
            single.highlighted = 0
            single.display = True
            single.focus()
            hint = "a number or ↑↓ and enter answers"
        elif isinstance(q, MultipleChoice):
            by_id = {o.id: o for o in q.options}
            multiple.clear_options()
            multiple.add_options([Selection(Text(f"{n}  {by_id[i].text}"), i) for n, i in enumerate(presented.order, 1)])
            multiple.display = True
            multiple.focus()
            hint = "pick every right answer: a number or space toggles; enter submits"
        else:
            box.value = ""
            box.display = True
            if isinstance(q, Ordering):
                by_id = {i.id: i for i in q.items}
                listing.update(Text("\n".join(f"{n}. {by_id[i].text}" for n, i in enumerate(presented.order, 1))))
                listing.display = True
                box.placeholder = "the numbers in the right order, e.g. 3 1 2 4"
            elif isinstance(q, Matching):
                text = Text()
                for n, pair in enumerate(q.pairs, 1):
                    text.append(f"{n}. {pair.left}\n")
                right = {p.id: p.right for p in q.pairs}
                text.append("\n")
                for letter, pid in zip(LETTERS, presented.order, strict=False):
                    text.append(f"{letter}) {right[pid]}\n", style="cyan")
                listing.update(text)
                listing.display = True
                box.placeholder = "for 1, 2, 3… the letter of its match, e.g. b a c"
            elif isinstance(q, Numeric):
                box.placeholder = f"a number{f' ({q.unit})' if q.unit else ''}"
            elif isinstance(q, ShortAnswer):
                box.placeholder = "your answer (case and spacing do not matter)"
            box.focus()
            hint = "type the answer; enter submits"
        self.query_one("#quiz-hint", Static).update(Text(hint, style="dim"))
        self.query_one("#quiz", VerticalScroll).scroll_home(animate=False)

    # --- answering ---------------------------------------------------------------------------

    def response(self) -> object | str | None:
        """The answer as grading wants it; a str starting with '!' is a message for the learner."""
        presented = self.session.current
        assert presented is not None
        q = presented.question
        if isinstance(q, SingleChoice | TrueFalse):
            single = self.query_one("#quiz-single", OptionList)
            if single.highlighted is None:
                return None
            choice = single.get_option_at_index(single.highlighted).id
            return choice == "true" if isinstance(q, TrueFalse) else choice
        if isinstance(q, MultipleChoice):  # at least one option is right, so an empty pick is no answer
            return sorted(self.query_one("#quiz-multiple", SelectionList).selected) or None
        text = self.query_one("#quiz-input", Input).value
        if not text.strip():
            return None
        if isinstance(q, Ordering):
            parsed = parse_ordering(text, presented.order)
        elif isinstance(q, Matching):
            parsed = parse_matching(text, [p.id for p in q.pairs], presented.order)
        else:
            return text
        return parsed if not isinstance(parsed, str) else "!" + parsed

    def submit(self) -> None:
        answer = self.response()
        if answer is None:
            self.notify("Choose or type an answer first (escape ends the quiz).")
            return
        if isinstance(answer, str) and answer.startswith("!"):
            self.notify(answer[1:], title="Not understood", severity="warning", markup=False)
            return
        presented = self.session.current
        grade = self.session.submit(answer, defer=self.app.write)
        self.answered = grade
        self.show_feedback(grade)
        if not grade.correct and presented is not None:
            # after the answer is stored: has this question been missed again and again?
            self.app.write(lambda: self.session.is_leech(presented), lambda leech: self._leech(presented, grade, leech))

    def _leech(self, presented, grade: Grade, leech: bool) -> None:
        if leech and self.answered is grade:
            where = "; ".join(self.app.catalog.describe(t) for t in presented.question.tests[:2])
            self.notify(f"You have missed this one several times. Re-read: {where}", title="Worth re-reading",
                        severity="warning", timeout=12, markup=False)

    def show_feedback(self, grade: Grade) -> None:
        presented = self.session.current
        assert presented is not None
        # Rich Text in one Static: a Markdown widget per feedback took a noticeable moment to lay out
        text = Text()
        if grade.correct:
            text.append("✓ Right\n", style="bold green")
        else:
            credit = f" ({grade.credit:.0%} credit)" if grade.credit else ""
            text.append(f"✗ Not quite{credit}\n", style="bold red")
        for title, lines in (("Your answer", grade.chosen), ("The right answer", grade.expected)):
            if lines:
                text.append(f"\n{title}\n", style="bold")
                for line in lines:
                    text.append(f"  • {line}\n")
        text.append(f"\n{presented.question.explanation}\n")
        text.append("\nEnter: next question", style="dim italic")
        feedback = self.query_one("#quiz-feedback", Static)
        feedback.update(text)
        feedback.display = True
        self.query_one("#quiz-hint", Static).update("")
        self.call_after_refresh(self.query_one("#quiz", VerticalScroll).scroll_end, animate=False)

    def action_enter(self) -> None:
        if self.answered is not None:
            self.session.advance()
            self.show()
        else:
            self.submit()

    def on_key(self, event) -> None:
        if self.answered is not None or not event.character or not event.character.isdigit():
            return
        presented = self.session.current
        if presented is None:
            return
        n = int(event.character)
        q = presented.question
        if isinstance(q, SingleChoice | TrueFalse):
            single = self.query_one("#quiz-single", OptionList)
            if 1 <= n <= single.option_count:
                event.stop()
                single.highlighted = n - 1
                self.submit()
        elif isinstance(q, MultipleChoice) and 1 <= n <= len(presented.order):
            event.stop()
            self.query_one("#quiz-multiple", SelectionList).toggle(presented.order[n - 1])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # enter is handled by action_enter

    def action_leave(self) -> None:
        if self.session.results:
            from advisor.tui.screens.quiz_summary import QuizSummaryScreen

            self.app.switch_screen(QuizSummaryScreen(self.session))
        else:
            self.app.pop_screen()
