"""One answer widget per kind of answer: pick one, pick several, put in order, match, or type it.

Each shows a presented question (`show`) and, when the learner submits, posts `Answered` with
the response grading expects, or `NotAnswered` saying what is missing. After the grade, `reveal`
marks the answer in place: ✓ on right options, ✗ on wrong picks, "your pick", steps out of place,
wrong matches. `ANSWER_WIDGETS` says which widget answers each question type (a test checks every
type has one).

Options wrap with a hanging indent (`Hanging`), so no option is ever cut off with "…".
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from advisor.models.quiz import (
    RIGHT,
    WRONG,
    Grade,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from advisor.quiz.session import Presented
from advisor.quiz.typed_input import LETTERS, Invalid, parse_ordering, read_number
from advisor.tui.messages import Answered, NotAnswered
from advisor.tui.widgets.hanging_text import Hanging
from advisor.tui.widgets.inline_code import inline_code

_NUMBER_KEYS: list[BindingType] = [Binding(str(n), f"number({n})", show=False) for n in range(1, 10)]
_BLANK_MARK = Content("  ")


def _mark(right: bool | None) -> Content:
    """The column before each entry: blank while answering, then ✓ (right) or ✗ (a wrong pick)."""
    if right is None:
        return _BLANK_MARK
    return Content.styled(f"{RIGHT} " if right else f"{WRONG} ", "bold $text-success" if right else "bold $text-error")


def _note(text: str, style: str = "bold") -> Content:
    return Content.styled(f"  ← {text}", style)


def _entry(mark: Content, label: str, text: str | Content, note: Content | None = None) -> Hanging:
    body = inline_code(text) if isinstance(text, str) else text  # `code` drawn as in the guide
    return Hanging(body if note is None else Content.assemble(body, note), Content.assemble(mark, label))


class AnswerList(OptionList):
    """An option list as tall as its entries: the quiz screen scrolls, not the list."""

    DEFAULT_CSS = """
    AnswerList {
        height: auto;
        max-height: 1000;
        overflow-y: hidden;
    }
    """


class ChoiceAnswer(AnswerList):
    """One option of a few (single choice, true or false): a number or ↑↓ and enter."""

    BINDINGS: ClassVar[list[BindingType]] = _NUMBER_KEYS
    HINT = "a number, or ↑↓ then enter, answers"

    def show(self, presented: Presented) -> None:
        q = presented.question
        if isinstance(q, TrueFalse):
            self.entries = [("true", "True"), ("false", "False")]
        else:
            assert isinstance(q, SingleChoice)
            text = {o.id: o.text for o in q.options}
            self.entries = [(i, text[i]) for i in presented.order]
        self.clear_options()
        self.add_options([Option(_entry(_BLANK_MARK, f"{n}  ", t), id=i) for n, (i, t) in enumerate(self.entries, 1)])
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

    def reveal(self, grade: Grade, response: Any) -> None:
        """✓ on the right option, ✗ on a wrong pick, and which one the learner picked."""
        picked = ("true" if response else "false") if isinstance(response, bool) else response
        for index, (option_id, text) in enumerate(self.entries):
            right = grade.marks.get(option_id, False)
            mark = _mark(True if right else False if option_id == picked else None)
            note = _note("your pick") if option_id == picked else None
            self.replace_option_prompt_at_index(index, _entry(mark, f"{index + 1}  ", text, note))

    def action_number(self, n: int) -> None:
        # answer without moving the highlight first: the feedback then shows in the very next frame
        if 1 <= n <= self.option_count:
            self.submit(n - 1)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # enter is the screen's: it submits, or moves on after the feedback


class SeveralAnswer(AnswerList):
    """Every right option of several: a number or space ticks (the cursor starts on the first), enter submits."""

    BINDINGS: ClassVar[list[BindingType]] = [*_NUMBER_KEYS, Binding("space", "tick", "Tick", show=False)]
    HINT = "pick every right answer: a number, or space on the highlighted one, ticks; enter submits"

    def show(self, presented: Presented) -> None:
        q = presented.question
        assert isinstance(q, MultipleChoice)
        text = {o.id: o.text for o in q.options}
        self.entries = [(i, text[i]) for i in presented.order]
        self.ticked: set[str] = set()
        self.presented = presented
        self.clear_options()
        self.add_options([Option(self._prompt(n), id=i) for n, (i, _) in enumerate(self.entries)])
        self.highlighted = 0  # space ticks the row under the cursor, so it starts on the first row

    def _prompt(self, index: int, mark: Content = _BLANK_MARK, note: Content | None = None) -> Hanging:
        option_id, text = self.entries[index]
        box = "[x] " if option_id in self.ticked else "[ ] "
        return _entry(mark, f"{box}{index + 1}  ", text, note)

    @property
    def selected(self) -> list[str]:
        """The ticked option ids, in the order shown."""
        return [i for i, _ in self.entries if i in self.ticked]

    def toggle(self, option_id: str) -> None:
        """Tick or untick one option."""
        self.ticked.symmetric_difference_update({option_id})
        index = next(n for n, (i, _) in enumerate(self.entries) if i == option_id)
        self.replace_option_prompt_at_index(index, self._prompt(index))

    def submit(self) -> None:
        picked = sorted(self.ticked)
        if not picked:  # at least one option is right, so an empty pick is no answer
            self.post_message(NotAnswered("Tick at least one answer first (a number or space)."))
        else:
            self.post_message(Answered(picked))

    def reveal(self, grade: Grade, response: Any) -> None:
        """✓ on every right option, ✗ on each wrong pick; "your pick" and "missed" say what was ticked."""
        picked = set(response) if isinstance(response, list) else set()
        for index, (option_id, _) in enumerate(self.entries):
            right = grade.marks.get(option_id, False)
            chose = option_id in picked
            note = _note("your pick") if chose else _note("missed", "bold $text-warning") if right else None
            mark = _mark(True if right else False if chose else None)
            self.replace_option_prompt_at_index(index, self._prompt(index, mark, note))

    def action_number(self, n: int) -> None:
        if 1 <= n <= len(self.entries):
            self.toggle(self.entries[n - 1][0])

    def action_tick(self) -> None:
        if self.highlighted is not None:
            self.toggle(self.entries[self.highlighted][0])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # a click ticks; enter is the screen's
        if event.option.id is not None:
            self.toggle(event.option.id)


class OrderList(AnswerList):
    """The steps of an ordering question in the learner's order; the highlighted one moves.

    Keys: shift+↑↓ or ctrl+↑↓ move it. Mouse: drag a step onto another place, or click one
    step, then the place it goes. Digits start typing the order instead (the shortcut).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("shift+up", "move(-1)", "Move", key_display="shift+↑↓"),
        Binding("shift+down", "move(1)", "Move down", show=False),
        Binding("ctrl+up", "move(-1)", "Move up", show=False),
        Binding("ctrl+down", "move(1)", "Move down", show=False),
        *(Binding(str(n), f"type({n})", show=False) for n in range(1, 10)),
    ]

    def show(self, presented: Presented) -> None:
        q = presented.question
        assert isinstance(q, Ordering)
        self.text = {i.id: i.text for i in q.items}
        self.label = {item: n for n, item in enumerate(presented.order, 1)}  # the numbers typing uses
        self.arrangement = list(presented.order)
        self.moved = False
        self.locked = False
        self._grabbed: int | None = None
        self._pressed: int | None = None
        self._dragged = False
        self.clear_options()
        self.add_options([Option(self._prompt(n)) for n in range(len(self.arrangement))])
        self.highlighted = 0

    def _prompt(self, row: int, mark: Content = _BLANK_MARK, note: Content | None = None) -> Hanging:
        item = self.arrangement[row]
        if note is None and row == self._grabbed:
            note = _note("moving: click where it goes", "italic $text-accent")
        return _entry(mark, f"{self.label[item]}. ", self.text[item], note)

    def _redraw(self) -> None:
        for row in range(len(self.arrangement)):
            self.replace_option_prompt_at_index(row, self._prompt(row))

    def put_in_order(self, order: list[str]) -> None:
        """Show the steps in `order` (typed, or moved)."""
        if self.locked or order == self.arrangement:
            return
        self.arrangement = list(order)
        self.moved = True
        self._redraw()

    def move_row(self, source: int, target: int) -> None:
        """Move the step at row `source` to row `target`, keeping it highlighted."""
        if self.locked or source == target or not 0 <= target < len(self.arrangement):
            return
        order = list(self.arrangement)
        order.insert(target, order.pop(source))
        self._grabbed = None
        self.put_in_order(order)
        self.highlighted = target

    def action_move(self, step: int) -> None:
        if self.highlighted is not None:
            self.move_row(self.highlighted, self.highlighted + step)

    def action_type(self, n: int) -> None:
        parent = self.parent
        if isinstance(parent, OrderAnswer) and not self.locked:
            parent.start_typing(str(n))

    def reveal(self, grade: Grade) -> None:
        """✓ on each step in its place; ✗ and where it belongs on the others."""
        self.locked = True
        self._grabbed = None
        place = {item: n for n, item in enumerate(self.presented_order, 1)}
        for row, item in enumerate(self.arrangement):
            right = grade.marks.get(item, False)
            note = None if right else _note(f"belongs at {place[item]}", "$text-error")
            self.replace_option_prompt_at_index(row, self._prompt(row, _mark(right), note))

    @property
    def presented_order(self) -> list[str]:
        parent = self.parent
        assert isinstance(parent, OrderAnswer)
        q = parent.presented.question
        assert isinstance(q, Ordering)
        return [i.id for i in q.items]

    # --- the mouse: drag onto a place, or click a step and then its place -------------------

    def on_mouse_down(self, event: events.MouseDown) -> None:
        row = event.style.meta.get("option")
        self._pressed = row if isinstance(row, int) and not self.locked else None
        self._dragged = False

    def on_mouse_up(self, event: events.MouseUp) -> None:
        source, self._pressed = self._pressed, None
        row = event.style.meta.get("option")
        if source is not None and isinstance(row, int) and row != source:
            self._dragged = True  # the click that follows must not pick the step up again
            self.move_row(source, row)

    async def _on_click(self, event: events.Click) -> None:
        event.prevent_default()  # not OptionList's "select": a click picks a step up or puts it down
        row = event.style.meta.get("option")
        if self._dragged or self.locked or not isinstance(row, int):
            self._dragged = False
            return
        if self._grabbed is None or self._grabbed == row:
            self._grabbed = None if self._grabbed == row else row
            self.highlighted = row
            self._redraw()
        else:
            self.move_row(self._grabbed, row)


class OrderAnswer(Vertical):
    """Put the steps in order: move them (keys or mouse), or type their numbers (`3 1 2 4`)."""

    DEFAULT_CSS = """
    OrderAnswer {
        height: auto;
    }
    """
    HINT = (
        "shift+↑↓ moves the highlighted step (or drag it, or click it then its place);"
        " digits type the order; enter submits"
    )

    def compose(self) -> ComposeResult:
        yield OrderList(id="order-list")
        yield Input(id="order-typed", select_on_focus=False)  # the digit that moved focus here stays

    def show(self, presented: Presented) -> None:
        self.presented = presented
        box = self.query_one("#order-typed", Input)
        box.value = ""
        example = " ".join(str(n) for n in range(len(presented.order), 0, -1))
        box.placeholder = f"or type the numbers in order, e.g. {example}"
        self.query_one(OrderList).show(presented)

    def focus(self, scroll_visible: bool = True) -> OrderAnswer:
        self.query_one(OrderList).focus(scroll_visible)
        return self

    def start_typing(self, text: str) -> None:
        """A digit pressed in the list: carry on typing in the box below."""
        box = self.query_one("#order-typed", Input)
        box.focus()
        box.insert_text_at_cursor(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        # a complete typed order shows in the list as it is typed
        parsed = parse_ordering(event.value, self.presented.order) if event.value.strip() else None
        if isinstance(parsed, list):
            self.query_one(OrderList).put_in_order(parsed)

    def submit(self) -> None:
        text = self.query_one("#order-typed", Input).value
        order = self.query_one(OrderList)
        if text.strip():
            parsed = parse_ordering(text, self.presented.order)
            if isinstance(parsed, Invalid):
                self.post_message(NotAnswered(parsed.message))
                return
            self.post_message(Answered(parsed))
        elif not order.moved:  # the shuffle as shown is never the answer, and a stray enter is not one either
            self.post_message(NotAnswered("Put the steps in order first: shift+↑↓ moves one (or type 3 1 2…)."))
        else:
            self.post_message(Answered(list(order.arrangement)))

    def reveal(self, grade: Grade, response: Any) -> None:
        order = self.query_one(OrderList)
        if isinstance(response, list):
            order.arrangement = list(response)
        order.reveal(grade)
        self.query_one("#order-typed", Input).disabled = True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()  # enter is the screen's


class MatchLefts(AnswerList):
    """The items to match, each with the letter of its match so far; a letter matches the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "match('a')", "Match", key_display="a b c…"),
        *(Binding(letter, f"match('{letter}')", show=False) for letter in LETTERS[1:10]),
        Binding("backspace", "unmatch", "Clear"),
        Binding("delete", "unmatch", "Clear", show=False),
    ]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # a click highlights the item; its match is then a click on the right side

    def action_match(self, letter: str) -> None:
        parent = self.parent
        if isinstance(parent, MatchAnswer) and self.highlighted is not None:
            parent.match_letter(self.highlighted, letter)

    def action_unmatch(self) -> None:
        parent = self.parent
        if isinstance(parent, MatchAnswer) and self.highlighted is not None:
            parent.unmatch(self.highlighted)


class MatchRights(AnswerList):
    """The right sides, lettered; a click matches one to the highlighted item."""

    can_focus = False

    DEFAULT_CSS = """
    MatchRights {
        border: none;
        padding: 0 1;
    }
    """

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        parent = self.parent
        if isinstance(parent, MatchAnswer):
            parent.match_letter(None, LETTERS[event.option_index])


class MatchAnswer(Vertical):
    """Match each item to one right side: pick the item (↑↓ or a click), then its match (a letter or a click)."""

    DEFAULT_CSS = """
    MatchAnswer {
        height: auto;
    }
    MatchAnswer #match-heading {
        margin-top: 1;
        color: $foreground-muted;
    }
    """
    HINT = "↑↓ or a click picks an item; its letter (or a click below) matches it; backspace clears; enter submits"

    def compose(self) -> ComposeResult:
        yield MatchLefts(id="match-lefts")
        yield Static(Content("Their matches:"), id="match-heading")
        yield MatchRights(id="match-rights")

    def show(self, presented: Presented) -> None:
        q = presented.question
        assert isinstance(q, Matching)
        self.presented = presented
        self.lefts = [(p.id, p.left) for p in q.pairs]
        right = {p.id: p.right for p in q.pairs}
        self.rights = [(pid, right[pid]) for pid in presented.order]
        self.matches: dict[str, str] = {}  # left pair id → letter
        self.locked = False
        lefts = self.query_one(MatchLefts)
        lefts.clear_options()
        lefts.add_options([Option(self._left(n)) for n in range(len(self.lefts))])
        lefts.highlighted = 0
        rights = self.query_one(MatchRights)
        rights.clear_options()
        rights.add_options([Option(self._right(n)) for n in range(len(self.rights))])

    def _left(self, row: int, mark: Content = _BLANK_MARK, note: Content | None = None) -> Hanging:
        pid, text = self.lefts[row]
        letter = self.matches.get(pid)
        match = (
            Content.styled(f"{letter})", "bold $text-accent") if letter else Content.styled("?", "$foreground-muted")
        )
        body = Content.assemble(inline_code(text), ("  → ", "$foreground-muted"), match)
        return _entry(mark, f"{row + 1}. ", body, note)

    def _right(self, index: int) -> Hanging:
        letter = LETTERS[index]
        users = [str(n) for n, (pid, _) in enumerate(self.lefts, 1) if self.matches.get(pid) == letter]
        note = _note(", ".join(users), "$text-accent") if users else None
        return _entry(_BLANK_MARK, f"{letter}) ", inline_code(self.rights[index][1], "$text-accent"), note)

    def _redraw(self) -> None:
        lefts, rights = self.query_one(MatchLefts), self.query_one(MatchRights)
        for row in range(len(self.lefts)):
            lefts.replace_option_prompt_at_index(row, self._left(row))
        for index in range(len(self.rights)):
            rights.replace_option_prompt_at_index(index, self._right(index))

    def focus(self, scroll_visible: bool = True) -> MatchAnswer:
        self.query_one(MatchLefts).focus(scroll_visible)
        return self

    def match_letter(self, row: int | None, letter: str) -> None:
        """Match the item at `row` (the highlighted one when None) to the right side `letter`; go to the next."""
        lefts = self.query_one(MatchLefts)
        row = lefts.highlighted if row is None else row
        if self.locked or row is None or letter not in LETTERS[: len(self.rights)]:
            return
        self.matches[self.lefts[row][0]] = letter
        self._redraw()
        lefts.highlighted = min(row + 1, len(self.lefts) - 1)

    def unmatch(self, row: int) -> None:
        if not self.locked and self.matches.pop(self.lefts[row][0], None) is not None:
            self._redraw()

    def submit(self) -> None:
        missing = len(self.lefts) - len(self.matches)
        if missing:
            self.post_message(
                NotAnswered(f"Match every item first: {missing} of {len(self.lefts)} still need a letter.")
            )
            return
        by_letter = {LETTERS[n]: pid for n, (pid, _) in enumerate(self.rights)}
        self.post_message(Answered({left: by_letter[letter] for left, letter in self.matches.items()}))

    def reveal(self, grade: Grade, response: Any) -> None:
        """✓ on each item matched right; ✗ and the right letter on the others."""
        self.locked = True
        letter_of = {pid: LETTERS[n] for n, (pid, _) in enumerate(self.rights)}
        lefts = self.query_one(MatchLefts)
        for row, (pid, _) in enumerate(self.lefts):
            right = grade.marks.get(pid, False)
            note = None if right else _note(f"right: {letter_of[pid]})", "$text-error")
            lefts.replace_option_prompt_at_index(row, self._left(row, _mark(right), note))


class TypedAnswer(Vertical):
    """A typed answer: short text or a number."""

    DEFAULT_CSS = """
    TypedAnswer {
        height: auto;
    }
    """
    HINT = "type the answer; enter submits"

    def compose(self) -> ComposeResult:
        yield Input(id="typed-input")

    def show(self, presented: Presented) -> None:
        self.presented = presented
        q = presented.question
        box = self.query_one("#typed-input", Input)
        box.value = ""
        box.disabled = False
        if isinstance(q, Numeric):
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
        parsed: str | Invalid = read_number(text, q.unit) if isinstance(q, Numeric) else text
        if isinstance(parsed, Invalid):
            self.post_message(NotAnswered(parsed.message))
        else:
            self.post_message(Answered(parsed))

    def reveal(self, grade: Grade, response: Any) -> None:
        self.query_one("#typed-input", Input).disabled = True  # the answer is given; keys go to the screen

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()  # enter is the screen's


AnswerWidget = ChoiceAnswer | SeveralAnswer | OrderAnswer | MatchAnswer | TypedAnswer

# Which widget answers each question type.
ANSWER_WIDGETS: dict[type, type[Widget]] = {
    SingleChoice: ChoiceAnswer,
    TrueFalse: ChoiceAnswer,
    MultipleChoice: SeveralAnswer,
    ShortAnswer: TypedAnswer,
    Numeric: TypedAnswer,
    Ordering: OrderAnswer,
    Matching: MatchAnswer,
}
