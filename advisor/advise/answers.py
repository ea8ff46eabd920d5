"""Answer files: `question_id: choice_id` (a list for several-choice questions), checked with care.

Question and choice ids are a public interface, so a typo is an error that names the file, the
line, the bad id and the valid ones, never a silently ignored answer.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path

from advisor.loading.problems import DataError, Problem
from advisor.loading.yaml_source import Source, read_source
from advisor.models.recommendation import AnswerValue
from advisor.models.rules import Question
from advisor.text.suggest import did_you_mean


def load_answers(path: Path, questions: Sequence[Question]) -> dict[str, AnswerValue]:
    """Read and check an answers file; raise DataError listing every problem in it."""
    source = read_source(path, expected="a mapping of question ids to choice ids")
    return check_answers(source, questions)


def check_answers(source: Source, questions: Sequence[Question]) -> dict[str, AnswerValue]:
    """The answers in `source`, checked against `questions` (see `load_answers`)."""
    by_id = {q.id: q for q in questions}
    problems: list[Problem] = []
    answers: dict[str, AnswerValue] = {}
    for key, value in source.data.items():
        question = by_id.get(str(key))
        if question is None:
            hint = did_you_mean(str(key), by_id)
            listing = "" if hint else f"; questions: {', '.join(by_id)}"
            problems.append(source.problem((key,), f"unknown question {key!r}{hint}{listing}", at_key=True))
            continue
        choices = [c.id for c in question.choices]
        offered = {c.id for c in question.offered}
        if value is None:  # written out as "not sure"
            continue
        if question.multiple:
            values = value if isinstance(value, list) else [value]
            picked: list[str] = []
            for i, item in enumerate(values):
                path = (key, i) if isinstance(value, list) else (key,)
                if str(item) not in choices:
                    problems.append(source.problem(path, _bad_choice(question, item, choices)))
                elif str(item) in picked:
                    problems.append(source.problem(path, f"{item!r} is listed twice"))
                elif str(item) in offered:
                    picked.append(str(item))  # a retired choice is accepted and left out
            answers[question.id] = sorted(picked, key=choices.index)
        elif isinstance(value, list):
            problems.append(
                source.problem(
                    (key,), f"{question.id!r} takes one answer, not a list; choose one of: {', '.join(choices)}"
                )
            )
        elif str(value) not in choices:
            problems.append(source.problem((key,), _bad_choice(question, value, choices)))
        elif str(value) in offered:
            answers[question.id] = str(value)
        # else a retired choice: accepted, and read as "not sure" (no answer)
    if problems:
        raise DataError(problems)
    return {q.id: answers[q.id] for q in questions if q.id in answers}


def _bad_choice(question: Question, value: object, choices: list[str]) -> str:
    hint = did_you_mean(str(value), choices)
    return f"{value!r} is not a choice of {question.id!r}{hint}; choices: {', '.join(choices)}"


def dump_answers(answers: Mapping[str, AnswerValue], questions: Sequence[Question]) -> str:
    """An answers file for `answers`, in questionnaire order, that explains itself.

    Each question comes with its help and its choices (id, label, help) as comments, so the
    file can be filled in by hand; `dump_answers({}, questions)` is the blank template that
    `advisor answers-template` prints. Every value is JSON, which YAML reads as written.
    """
    lines = [
        "# advisor answers: use with `advisor recommend --answers FILE`.",
        "# Each answer is question_id: choice_id; where several are allowed, a list: [a, b] ([] = none of them).",
        "# Not sure: null, or leave the question out. The ids never change; the comments show the labels.",
    ]
    for q in questions:
        several = " Several allowed, as a list." if q.multiple else ""
        lines += ["", f"# {q.text}{several}"]
        lines += [f"# {line}" for line in textwrap.wrap(" ".join(q.help.split()), 94)]
        width = max(len(c.id) for c in q.offered)
        for c in q.offered:
            lines.append(f"#   {c.id:<{width}}  {c.label}" + (f": {c.help}" if c.help else ""))
        value = answers.get(q.id)
        lines.append(f"{q.id}: {'null' if value is None else json.dumps(value)}")
    return "\n".join(lines) + "\n"
