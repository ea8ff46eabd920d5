"""The plain front end: questionary prompts instead of a full-screen app (screen readers, logs).

Advise asks the same questions as the TUI wizard (the questionnaire decides which apply) and
saves the answers after each one; the command then prints (or writes) the same report as
`recommend --answers`.
The quiz asks the same questions as the Quiz screen, from the same plan, and records to the
same history. `PLAIN_PROMPTS` holds one prompt per question type.
"""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TextIO

import questionary

from advisor.advise.questionnaire import CURRENT_WORKLOAD, NOT_SURE, Questionnaire
from advisor.cli import exit_codes
from advisor.cli.output import err, interactive
from advisor.loading.catalog import Catalog
from advisor.models.quiz import (
    Grade,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from advisor.models.recommendation import AnswerValue
from advisor.models.rules import Question
from advisor.quiz.resume import begin_session, describe_saved, saved_items, saved_plan
from advisor.quiz.session import Presented, QuizPlan
from advisor.quiz.typed_input import LETTERS, Invalid, parse_ordering, read_number
from advisor.store import ProgressStore
from advisor.text.plural import plural

SELECT_INDENT = 3  # questionary draws a choice after " » "
CHECKBOX_INDENT = 5  # and a checkbox's after " » ○ "


def _fit(text: str, indent: int) -> str:
    """A choice's text wrapped to the terminal, its later lines under its first: questionary would
    let a long option run off the right edge, where the terminal cuts it."""
    width = shutil.get_terminal_size((80, 24)).columns - indent - 1
    lines = textwrap.wrap(text, max(20, width), break_on_hyphens=False)  # `re-established`, `--flag` stay whole
    return ("\n" + " " * indent).join(lines or [""])


def _ask_question(q: Question, title: str, old: AnswerValue) -> Any:
    """One workload question: the choice id (or ids), NOT_SURE, or None when the user stops (Ctrl+C)."""
    if q.multiple:
        choices = [
            questionary.Choice(
                _fit(c.label, CHECKBOX_INDENT), value=c.id, checked=isinstance(old, list) and c.id in old
            )
            for c in q.offered
        ]
        instruction = f"({q.help}) Several allowed: space picks, enter when done."
        value = questionary.checkbox(title, choices=choices, instruction=instruction).ask()
        if isinstance(value, list) and len(value) > 1:  # questionary shows "done (2 selections)": say which
            labels = {c.id: c.label for c in q.choices}
            questionary.print("  " + ", ".join(labels.get(str(v), str(v)) for v in value), style="italic")
        return value
    choices = [
        questionary.Choice(_fit(c.label + (f" — {c.help}" if c.help else ""), SELECT_INDENT), value=c.id)
        for c in q.offered
    ]
    choices.append(questionary.Choice("Not sure", value=NOT_SURE))
    default = old if isinstance(old, str) else NOT_SURE
    return questionary.select(title, choices=choices, default=default, instruction=f"({q.help})").ask()


def ask_all(catalog: Catalog, previous: dict[str, AnswerValue]) -> dict[str, AnswerValue] | None:
    """Ask every question that applies; None if the user stops (Ctrl+C).

    Each answer is saved as it is given, merged into what was kept before: stopping half way
    loses nothing, and a question not reached keeps its earlier answer.
    """
    questionnaire = Questionnaire(catalog.questions)
    kept: dict[str, AnswerValue] = {k: v for k, v in previous.items() if v is not None}
    total = len(questionnaire.questions)
    with ProgressStore() as store:
        for n, q in enumerate(questionnaire.questions, 1):
            if q.id not in {a.id for a in questionnaire.applicable(kept)}:
                continue
            value = _ask_question(q, f"({n}/{total}) {q.text}", kept.get(q.id))
            if value is None:  # Ctrl+C: what was answered is saved already
                return None
            if value == NOT_SURE:
                kept.pop(q.id, None)
            else:
                kept[q.id] = value
            store.save_workload(CURRENT_WORKLOAD, dict(kept))
    return kept


def ask_quick(
    catalog: Catalog, previous: dict[str, AnswerValue], priorities: Mapping[str, str]
) -> dict[str, AnswerValue] | None:
    """Quick mode: ask first the question that could still move the most verdicts, and stop when no
    question left could move any; None if the user stops (Ctrl+C). Answers are kept as `ask_all` keeps
    them; the questions answered before are not asked again."""
    from advisor.advise.quick import next_question

    kept: dict[str, AnswerValue] = {k: v for k, v in previous.items() if v is not None}
    before = len(kept)
    passed: set[str] = set()  # asked, and answered "not sure"
    asked = 0
    by_id = {q.id: q for q in catalog.questions}
    with ProgressStore() as store:
        while True:
            found = next_question(catalog, kept, passed=passed, priorities=priorities)
            if found.question is None:
                break
            q = by_id[found.question]
            title = f"({asked + 1}; could move {plural(found.impact, 'verdict')}; {found.left} still could) {q.text}"
            value = _ask_question(q, title, None)
            if value is None:
                return None
            asked += 1
            if value == NOT_SURE:
                passed.add(q.id)
            else:
                kept[q.id] = value
            store.save_workload(CURRENT_WORKLOAD, dict(kept))
    total = asked + found.skipped
    # given what was left unsure too: the report, which does not know that, may call some of these
    # "would make the verdicts firmer" (true if the unsure ones were answered)
    said = f"Done: {asked} of {total} asked; {found.skipped} could not change any verdict, given your answers"
    said += " and the questions you left unsure"
    if before:
        said += f" ({plural(before, 'question')} answered before)"
    print(said + ".", file=sys.stderr)
    return kept


def can_prompt() -> bool:
    """Whether plain prompts can reach a person: keys from a terminal, and a terminal to show
    them on: stdout, or stderr when stdout is redirected (`recommend --plain > report.md`)."""
    return _tty(sys.stdin) and (_tty(sys.stdout) or _tty(sys.stderr))


def _tty(stream: TextIO | None) -> bool:
    return stream is not None and stream.isatty()


@contextmanager
def _prompts_on_a_terminal() -> Iterator[None]:
    """Show the prompts on stdout, or on stderr while stdout goes to a file or a pipe."""
    if _tty(sys.stdout):
        yield
        return
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.output import create_output

    with create_app_session(output=create_output(stdout=sys.stderr)):
        yield


def ask_workload(
    catalog: Catalog, *, quick: bool = False, priorities: Mapping[str, str] | None = None
) -> dict[str, AnswerValue] | None:
    """`advisor recommend --plain [--quick]`: ask, starting from the answers kept last; None if stopped (Ctrl+C).

    Quick mode weighs what could still change a verdict with the priorities kept with the
    workload and those given as flags (`priorities`, which weigh over them).
    """
    with ProgressStore() as store:
        kept = store.workload(CURRENT_WORKLOAD)
    previous = dict(kept.answers) if kept else {}
    with _prompts_on_a_terminal():
        if quick:
            weights = {**(kept.priorities if kept else {}), **(priorities or {})}
            answers = ask_quick(catalog, previous, weights)
        else:
            answers = ask_all(catalog, previous)
    if answers is None:
        print("Stopped; the answers so far are saved and will be offered next time.", file=sys.stderr)
    return answers


# --- the quiz ---------------------------------------------------------------------------

STOP = object()  # what a prompt returns when the learner presses Ctrl+C


def _single(q: SingleChoice, presented: Presented) -> Any:
    by_id = {o.id: o for o in q.options}
    choices = [questionary.Choice(_fit(by_id[i].text, SELECT_INDENT), value=i) for i in presented.order]
    return questionary.select(q.prompt.strip(), choices=choices).ask()


def _true_false(q: TrueFalse, presented: Presented) -> Any:
    choices = [questionary.Choice("True", value=True), questionary.Choice("False", value=False)]
    return questionary.select(q.prompt.strip(), choices=choices).ask()


def _multiple(q: MultipleChoice, presented: Presented) -> Any:
    by_id = {o.id: o for o in q.options}
    choices = [questionary.Choice(_fit(by_id[i].text, CHECKBOX_INDENT), value=i) for i in presented.order]
    question = questionary.checkbox(
        q.prompt.strip(),
        choices=choices,
        instruction="(pick every right answer: space ticks, enter when done)",
        # at least one option is right, so no pick is no answer (as in the TUI)
        validate=lambda picked: bool(picked) or "Tick at least one answer first (space), then enter.",
    )
    # questionary would end on "done (2 selections)": the picks themselves are printed instead
    question.application.erase_when_done = True
    answer = question.ask()
    if answer is None:
        return None
    print(f"? {q.prompt.strip()}")
    for i in presented.order:
        if i in answer:
            print(f"  [x] {by_id[i].text}")
    return sorted(answer)


def _ordering(q: Ordering, presented: Presented) -> Any:
    by_id = {i.id: i for i in q.items}
    listing = "\n".join(f"  {n}. {by_id[i].text}" for n, i in enumerate(presented.order, 1))

    def check(text: str) -> bool | str:
        parsed = parse_ordering(text, presented.order)
        return parsed.message if isinstance(parsed, Invalid) else True

    text = questionary.text(f"{q.prompt.strip()}\n{listing}\nThe numbers in the right order:", validate=check).ask()
    return None if text is None else parse_ordering(text, presented.order)


def _matching(q: Matching, presented: Presented) -> Any:
    right = {p.id: p.right for p in q.pairs}
    answer = {}
    for pair in q.pairs:
        choices = [
            questionary.Choice(_fit(f"{letter}) {right[pid]}", SELECT_INDENT), value=pid)
            for letter, pid in zip(LETTERS, presented.order, strict=False)
        ]
        choice = questionary.select(f"{q.prompt.strip()}\n  {pair.left} →", choices=choices).ask()
        if choice is None:
            return None
        answer[pair.id] = choice
    return answer


def _numeric(q: Numeric, presented: Presented) -> Any:
    def check(text: str) -> bool | str:
        parsed = read_number(text, q.unit)
        return parsed.message if isinstance(parsed, Invalid) else True

    return questionary.text(f"{q.prompt.strip()}{f' ({q.unit})' if q.unit else ''}", validate=check).ask()


def _short(q: ShortAnswer, presented: Presented) -> Any:
    return questionary.text(q.prompt.strip()).ask()


# One prompt per question type (a test checks every type has one).
PLAIN_PROMPTS: dict[type, Callable[[Any, Presented], Any]] = {
    SingleChoice: _single,
    TrueFalse: _true_false,
    MultipleChoice: _multiple,
    Ordering: _ordering,
    Matching: _matching,
    Numeric: _numeric,
    ShortAnswer: _short,
}


def ask(presented: Presented) -> Any:
    """Ask one question; returns the response, or STOP when the learner presses Ctrl+C."""
    answer = PLAIN_PROMPTS[type(presented.question)](presented.question, presented)
    return STOP if answer is None else answer


def show(grade: Grade, presented: Presented) -> None:
    """Print the feedback: right or not, the explanations, the general explanation."""
    print(grade.headline)
    for line in grade.chosen:
        print(f"  your answer — {line}")
    for line in grade.expected:
        print(f"  right answer — {line}")
    print(f"  {presented.question.explanation}")
    for s in presented.question.sources:
        print(f"  source: {s.title}{f' <{s.url}>' if s.url else ''}, checked {s.as_of.isoformat()}")
    print()


def _offer_resume(catalog: Catalog, plan: QuizPlan, store: ProgressStore) -> QuizPlan | None:
    """`advisor quiz --plain` alone, with a quiz left unfinished: offer to go on with it (None: Ctrl+C)."""
    if plan != QuizPlan() or (saved := store.open_session()) is None:
        return plan
    choices = [
        questionary.Choice(f"Resume: {describe_saved(catalog, saved)}", value="resume"),
        questionary.Choice("Start a new quiz (the unfinished one is set aside)", value="new"),
    ]
    answer = questionary.select("You stopped a quiz before its end.", choices=choices).ask()
    if answer is None:
        return None
    return QuizPlan(resume=True) if answer == "resume" else plan


def _own_call(grade: Grade, presented: Presented) -> Any:
    """After a typed answer, the learner may overrule the grade (as in Anki); True/False, None to go on, or STOP."""
    if not presented.question.overridable:
        return None
    other = "I was wrong: count it as wrong" if grade.correct else "I was right: count it as right"
    choices = [questionary.Choice("Next question", value="next"), questionary.Choice(other, value="override")]
    answer = questionary.select("Go on?", choices=choices).ask()
    if answer is None:
        return STOP
    return (not grade.correct) if answer == "override" else None


def run_quiz(catalog: Catalog, plan: QuizPlan) -> int:
    """Run a session in plain prompts; returns the exit code."""
    if not interactive():
        err("the quiz asks questions and needs a terminal")
        return exit_codes.USAGE
    with ProgressStore() as store:
        asked = _offer_resume(catalog, plan, store)
        if asked is None:
            return exit_codes.INTERRUPTED
        session = begin_session(catalog, asked, store)
        if session is None:
            print("No unfinished quiz to resume." if asked.resume else "Nothing is due for review now.")
            return exit_codes.OK
        # kept, so a quiz stopped here resumes here (in the TUI too)
        store.save_session(session.session_id, saved_plan(session.plan), saved_items(session))
        where = f", from question {session.position + 1}" if session.position else ""
        print(f"{plural(len(session.items), 'question')}{where}; session {session.session_id}\n")
        stopped = False
        while (presented := session.current) is not None:
            response = ask(presented)
            if response is STOP:
                stopped = True
                break
            result = session.submit(response)
            result.number = store.record_answer(result.entry).number
            show(result.grade, presented)
            call = _own_call(result.grade, presented)
            if call is STOP:
                stopped = True
                break
            if isinstance(call, bool) and result.number is not None:
                store.override_answer(result.number, call)
                print(f"{session.override(call).grade.headline}\n")
            if not result.grade.correct and session.is_leech(presented, store.answers()):
                tests = presented.question.tests
                where = f"; re-read: {catalog.describe(tests[0])}" if tests else "."
                print(f"  You have missed this one several times{where}\n")
            session.advance()
        if session.finished:
            store.close_session(session.session_id)
        s = session.summary()
        if s.score.total:
            print(f"Score: {s.score.right} of {s.score.total} ({s.score.share:.0%})")
            for item in s.reread:
                print(f"  re-read: {catalog.describe(item)}")
    if stopped:
        print("Stopped; every answer so far is saved. `advisor quiz --resume` goes on from here.", file=sys.stderr)
        return exit_codes.INTERRUPTED  # as `recommend --plain`: 130, as shells report Ctrl+C
    return exit_codes.OK
