"""One answer widget per kind of answer: pick one, pick several, or type it.

Each shows a presented question (`show`) and, when the learner submits, posts `Answered` with
the response grading expects, or `NotAnswered` saying what is missing. `ANSWER_WIDGETS` says
which widget answers each question type (a test checks every type has one).
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, OptionList, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from advisor.models.quiz import (
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from advisor.quiz.session import Presented
from advisor.quiz.typed_input import LETTERS, Invalid, parse_matching, parse_ordering
from advisor.tui.messages import Answered, NotAnswered
from advisor.tui.widgets.ticks import TickList

_NUMBER_KEYS: list[BindingType] = [Binding(str(n), f"number({n})", show=False) for n in range(1, 10)]


class ChoiceAnswer(OptionList):
    """One option of a few (single choice, true or false): a number or ↑↓ and enter."""

    DEFAULT_CSS = """
    ChoiceAnswer {
        height: auto;
        max-height: 12;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = _NUMBER_KEYS
    HINT = "a number, or ↑↓ then enter, answers"

    def show(self, presented: Presented) -> None:
        q = presented.question
        self.clear_options()
        if isinstance(q, TrueFalse):
            self.add_options([Option(Content("1  True"), id="true"), Option(Content("2  False"), id="false")])
        else:
            assert isinstance(q, SingleChoice)
            text = {o.id: o.text for o in q.options}
            self.add_options([Option(Content(f"{n}  {text[i]}"), id=i) for n, i in enumerate(presented.order, 1)])
        self.presented = presented
        # nothing highlighted: a quick second enter after feedback must not answer an unread question
        self.highlighted = None

    def submit(self, index: int | None = None) -> None:
        """Answer with the option at `index` (the highlighted one by default)."""
        index = self.highlighted if index is None else index
        if index is None:
            self.post_message(NotAnswered("Choose an answer first: a number, or ↑↓ then enter."))
            return
        choice = self.get_option_at_index(index).id
        response: Any = choice == "true" if isinstance(self.presented.question, TrueFalse) else choice
        self.post_message(Answered(response))

    def action_number(self, n: int) -> None:
        # answer without moving the highlight first: the feedback then shows in the very next frame
        if 1 <= n <= self.option_count:
            self.submit(n - 1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # enter is the screen's: it submits, or moves on after the feedback


class SeveralAnswer(TickList[str]):
    """Every right option of several: a number or space ticks, enter submits."""

    DEFAULT_CSS = """
    SeveralAnswer {
        height: auto;
        max-height: 12;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = _NUMBER_KEYS
    HINT = "pick every right answer: a number or space ticks; enter submits"

    def show(self, presented: Presented) -> None:
        q = presented.question
        assert isinstance(q, MultipleChoice)
        text = {o.id: o.text for o in q.options}
        self.clear_options()
        self.add_options([Selection(Content(f"{n}  {text[i]}"), i) for n, i in enumerate(presented.order, 1)])
        self.presented = presented
        self.highlighted = 0  # space ticks the row under the cursor, so it starts on the first row

    def submit(self) -> None:
        picked = sorted(self.selected)
        if not picked:  # at least one option is right, so an empty pick is no answer
            self.post_message(NotAnswered("Tick at least one answer first (a number or space)."))
        else:
            self.post_message(Answered(picked))

    def action_number(self, n: int) -> None:
        if 1 <= n <= len(self.presented.order):
            self.toggle(self.presented.order[n - 1])

    def on_selection_list_selection_toggled(self, event: SelectionList.SelectionToggled[str]) -> None:
        event.stop()


class TypedAnswer(Vertical):
    """A typed answer: short text, a number, an order (`3 1 2`) or matches (`b a c`)."""

    DEFAULT_CSS = """
    TypedAnswer {
        height: auto;
    }
    TypedAnswer #typed-listing {
        margin-bottom: 1;
    }
    """
    HINT = "type the answer; enter submits"

    def compose(self) -> ComposeResult:
        yield Static(id="typed-listing")
        yield Input(id="typed-input")

    def show(self, presented: Presented) -> None:
        self.presented = presented
        q = presented.question
        listing = self.query_one("#typed-listing", Static)
        box = self.query_one("#typed-input", Input)
        box.value = ""
        listing.display = isinstance(q, Ordering | Matching)
        if isinstance(q, Ordering):
            text = {i.id: i.text for i in q.items}
            listing.update(Content("\n".join(f"{n}. {text[i]}" for n, i in enumerate(presented.order, 1))))
            box.placeholder = "the numbers in the right order, e.g. 3 1 2 4"
        elif isinstance(q, Matching):
            right = {p.id: p.right for p in q.pairs}
            lefts = [Content(f"{n}. {pair.left}\n") for n, pair in enumerate(q.pairs, 1)]
            rights = [
                Content.styled(f"{letter}) {right[pid]}\n", "$text-accent")
                for letter, pid in zip(LETTERS, presented.order, strict=False)
            ]
            listing.update(Content("").join([*lefts, Content("\n"), *rights]))
            box.placeholder = "for 1, 2, 3… the letter of its match, e.g. b a c"
        elif isinstance(q, Numeric):
            box.placeholder = f"a number{f' ({q.unit})' if q.unit else ''}"
        else:
            box.placeholder = "your answer (case and spacing do not matter)"

    def focus(self, scroll_visible: bool = True) -> TypedAnswer:
        self.query_one("#typed-input", Input).focus(scroll_visible)
        return self

    def submit(self) -> None:
        text = self.query_one("#typed-input", Input).value
        if not text.strip():
            self.post_message(NotAnswered("Type an answer first (escape ends the quiz)."))
            return
        q = self.presented.question
        parsed: Any = text
        if isinstance(q, Ordering):
            parsed = parse_ordering(text, self.presented.order)
        elif isinstance(q, Matching):
            parsed = parse_matching(text, [p.id for p in q.pairs], self.presented.order)
        if isinstance(parsed, Invalid):
            self.post_message(NotAnswered(parsed.message))
        else:
            self.post_message(Answered(parsed))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()  # enter is the screen's


AnswerWidget = ChoiceAnswer | SeveralAnswer | TypedAnswer

# Which widget answers each question type.
ANSWER_WIDGETS: dict[type, type[Widget]] = {
    SingleChoice: ChoiceAnswer,
    TrueFalse: ChoiceAnswer,
    MultipleChoice: SeveralAnswer,
    ShortAnswer: TypedAnswer,
    Numeric: TypedAnswer,
    Ordering: TypedAnswer,
    Matching: TypedAnswer,
}
