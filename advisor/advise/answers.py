"""Answer files, checked with care: version 2 (answers, priorities, notes, decisions) or version 1.

Version 2 is `{version: 2, answers: {question_id: choice_id}, priorities: {concern: level},
notes: {question_id: text}, decisions: {technology_id: {decision, reason}}}`; version 1 (still
read everywhere: answers files in other repositories use it) is the answers alone, flat at the
top level. Question and choice ids are a public interface, so a typo is an error that names the
file, the line, the field and the valid values, never a silently ignored answer.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from advisor.advise.priorities import weighted_concerns
from advisor.loading.problems import DataError, FieldPath, Problem
from advisor.loading.yaml_source import Source, read_source
from advisor.models.recommendation import AnswerValue
from advisor.models.rules import CONCERNS, PRIORITY_LEVELS, Question, Technology
from advisor.models.workload import DECISION_KINDS, TeamDecision, Workload
from advisor.text.suggest import did_you_mean

VERSION = 2
SECTIONS = ("version", "answers", "priorities", "notes", "decisions")
EXPECTED = "a mapping of question ids to choice ids, or version 2 (answers, priorities, notes, decisions)"


def load_workload(path: Path, questions: Sequence[Question], technologies: Collection[str] | None = None) -> Workload:
    """Read and check an answers file (version 2 or 1); raise DataError listing every problem in it.

    `technologies` are the ids a decision may name (None: not checked).
    """
    return check_workload(read_source(path, expected=EXPECTED), questions, technologies)


def load_answers(path: Path, questions: Sequence[Question]) -> dict[str, AnswerValue]:
    """The answers alone of an answers file (see `load_workload`)."""
    return load_workload(path, questions).answers


def check_workload(
    source: Source, questions: Sequence[Question], technologies: Collection[str] | None = None
) -> Workload:
    """The workload in `source`, checked against `questions` and `technologies` (see `load_workload`)."""
    data = source.data
    if "version" not in data:  # version 1: the answers, flat
        flat, found = _check_answers(source, data, (), questions)
        if found:
            raise DataError(found)
        return Workload(answers=flat)
    problems: list[Problem] = []
    if data["version"] != VERSION:
        problems.append(source.problem(("version",), f"unknown version {data['version']!r}; this advisor reads 2"))
    for key in data:
        if key not in SECTIONS:
            hint = did_you_mean(str(key), SECTIONS)
            problems.append(
                source.problem((key,), f"unknown section {key!r}{hint}; sections: {', '.join(SECTIONS)}", at_key=True)
            )
    answers: dict[str, AnswerValue] = {}
    if "answers" in data:
        section = _mapping(source, "answers", problems)
        answers, wrong = _check_answers(source, section, ("answers",), questions)
        problems += wrong
    priorities = _check_priorities(source, _mapping(source, "priorities", problems), problems)
    notes = _check_notes(source, _mapping(source, "notes", problems), questions, problems)
    decisions = _check_decisions(source, _mapping(source, "decisions", problems), technologies, problems)
    if problems:
        raise DataError(problems)
    return Workload(answers=answers, priorities=priorities, notes=notes, decisions=decisions)


def check_answers(source: Source, questions: Sequence[Question]) -> dict[str, AnswerValue]:
    """The answers in `source` (either version), checked against `questions`."""
    return check_workload(source, questions).answers


def _mapping(source: Source, section: str, problems: list[Problem]) -> Mapping[Any, Any]:
    value = source.data.get(section)
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.append(source.problem((section,), f"{section!r} should be a mapping, not {type(value).__name__}"))
        return {}
    return value


def _check_answers(
    source: Source, data: Mapping[Any, Any], at: FieldPath, questions: Sequence[Question]
) -> tuple[dict[str, AnswerValue], list[Problem]]:
    by_id = {q.id: q for q in questions}
    problems: list[Problem] = []
    answers: dict[str, AnswerValue] = {}
    for key, value in data.items():
        question = by_id.get(str(key))
        if question is None:
            hint = did_you_mean(str(key), by_id)
            listing = "" if hint else f"; questions: {', '.join(by_id)}"
            problems.append(source.problem((*at, key), f"unknown question {key!r}{hint}{listing}", at_key=True))
            continue
        choices = [c.id for c in question.choices]
        offered = {c.id for c in question.offered}
        if value is None:  # written out as "not sure"
            continue
        if question.multiple:
            values = value if isinstance(value, list) else [value]
            picked: list[str] = []
            for i, item in enumerate(values):
                path = (*at, key, i) if isinstance(value, list) else (*at, key)
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
                    (*at, key), f"{question.id!r} takes one answer, not a list; choose one of: {', '.join(choices)}"
                )
            )
        elif str(value) not in choices:
            problems.append(source.problem((*at, key), _bad_choice(question, value, choices)))
        elif str(value) in offered:
            answers[question.id] = str(value)
        # else a retired choice: accepted, and read as "not sure" (no answer)
    return {q.id: answers[q.id] for q in questions if q.id in answers}, problems


def _check_priorities(source: Source, data: Mapping[Any, Any], problems: list[Problem]) -> dict[str, str]:
    concerns = weighted_concerns()
    found: dict[str, str] = {}
    for key, level in data.items():
        if str(key) not in concerns:
            hint = did_you_mean(str(key), concerns)
            problems.append(
                source.problem(
                    ("priorities", key), f"unknown concern {key!r}{hint}; concerns: {', '.join(concerns)}", at_key=True
                )
            )
        elif level is None:
            continue
        elif str(level) not in PRIORITY_LEVELS:
            problems.append(
                source.problem(("priorities", key), f"unknown level {level!r}; levels: {', '.join(PRIORITY_LEVELS)}")
            )
        else:
            found[str(key)] = str(level)
    return found


def _check_notes(
    source: Source, data: Mapping[Any, Any], questions: Sequence[Question], problems: list[Problem]
) -> dict[str, str]:
    ids = [q.id for q in questions]
    found: dict[str, str] = {}
    for key, text in data.items():
        if str(key) not in ids:
            hint = did_you_mean(str(key), ids)
            problems.append(source.problem(("notes", key), f"a note on an unknown question {key!r}{hint}", at_key=True))
        elif text is None or str(text).strip() == "":
            continue
        elif not isinstance(text, str | int | float):
            problems.append(source.problem(("notes", key), "a note is text"))
        else:
            found[str(key)] = str(text).strip()
    return {q: found[q] for q in ids if q in found}


def _check_decisions(
    source: Source, data: Mapping[Any, Any], technologies: Collection[str] | None, problems: list[Problem]
) -> dict[str, TeamDecision]:
    kinds = ", ".join(DECISION_KINDS)
    found: dict[str, TeamDecision] = {}
    for key, value in data.items():
        at: FieldPath = ("decisions", key)
        if technologies is not None and str(key) not in technologies:
            hint = did_you_mean(str(key), technologies)
            problems.append(source.problem(at, f"a decision on an unknown technology {key!r}{hint}", at_key=True))
            continue
        if isinstance(value, str):  # the short form: `lambda: accept`
            value = {"decision": value}
        if not isinstance(value, dict):
            problems.append(source.problem(at, f"write {{decision: {kinds.replace(', ', '|')}, reason: text}}"))
            continue
        for field in value:
            if field not in ("decision", "reason"):
                problems.append(
                    source.problem((*at, field), f"unknown field {field!r}; fields: decision, reason", at_key=True)
                )
        decision = value.get("decision")
        if decision not in DECISION_KINDS:
            hint = did_you_mean(str(decision), DECISION_KINDS) if decision is not None else ""
            problems.append(source.problem((*at, "decision"), f"decision {decision!r}{hint}; one of: {kinds}"))
            continue
        reason = value.get("reason")
        found[str(key)] = TeamDecision(decision=decision, reason="" if reason is None else str(reason).strip())
    return found


def _bad_choice(question: Question, value: object, choices: list[str]) -> str:
    hint = did_you_mean(str(value), choices)
    return f"{value!r} is not a choice of {question.id!r}{hint}; choices: {', '.join(choices)}"


def dump_answers(answers: Mapping[str, AnswerValue], questions: Sequence[Question]) -> str:
    """An answers file (version 2) holding these answers alone; see `dump_workload`."""
    return dump_workload(Workload(answers=dict(answers)), questions, [])


def dump_workload(workload: Workload, questions: Sequence[Question], technologies: Sequence[Technology]) -> str:
    """An answers file (version 2) for `workload`, in questionnaire order, that explains itself.

    Each section says what it holds; each question comes with its help and its choices (id,
    label, help) as comments, so the file can be filled in by hand. `dump_workload(Workload(), ...)`
    is the blank template `advisor answers-template` prints. Every value is JSON, which YAML reads
    as written.
    """
    lines = [
        "# advisor answers (version 2): use with `advisor recommend --answers FILE`.",
        "# The older flat form (question_id: choice_id at the top level) is still read.",
        f"version: {VERSION}",
        "",
        "# answers: each answer is question_id: choice_id; where several are allowed, a list: [a, b]",
        "# ([] = none of them). Not sure: null, or leave the question out. The ids never change;",
        "# the comments show the labels.",
        "answers:",
    ]
    for q in questions:
        several = " Several allowed, as a list." if q.multiple else ""
        lines += ["", f"  # {q.text}{several}"]
        lines += [f"  # {line}" for line in textwrap.wrap(" ".join(q.help.split()), 92)]
        width = max(len(c.id) for c in q.offered)
        for c in q.offered:
            lines.append(f"  #   {c.id:<{width}}  {c.label}" + (f": {c.help}" if c.help else ""))
        value = workload.answers.get(q.id)
        lines.append(f"  {q.id}: {'null' if value is None else json.dumps(value)}")
    levels = "/".join(PRIORITY_LEVELS)
    lines += [
        "",
        f"# priorities: how much each concern weighs in the verdicts, {levels} (normal when left out).",
        "# low halves the weight of the rules that speak to it, high doubles it; vetoes never change.",
        "priorities:",
    ]
    for concern in weighted_concerns():
        info = CONCERNS[concern]
        lines.append(f"  # {info.title}: {info.help}")
        lines.append(f"  {concern}: {json.dumps(workload.priorities.get(concern, 'normal'))}")
    lines += [
        "",
        "# notes: why an answer is what it is, by question id, e.g.",
        '#   request_volume: "10k requests a second at launch, from the sales plan"',
    ]
    lines += _json_mapping("notes", dict(workload.notes))
    kinds = "|".join(DECISION_KINDS)
    lines += [
        "",
        f"# decisions: the team's call on a verdict, by technology id: {{decision: {kinds}, reason: text}}.",
        "# accept-risk accepts a recommendation with the reasons against it; the ADR lists it as a risk.",
    ]
    if technologies:
        ids = ", ".join(t.id for t in technologies)
        lines += [f"# technologies: {line}" for line in textwrap.wrap(ids, 80, break_on_hyphens=False)]
    lines += _json_mapping("decisions", {t: d.model_dump() for t, d in workload.decisions.items()})
    return "\n".join(lines) + "\n"


def _json_mapping(name: str, values: Mapping[str, Any]) -> list[str]:
    if not values:
        return [f"{name}: {{}}"]
    return [f"{name}:", *(f"  {key}: {json.dumps(value, ensure_ascii=False)}" for key, value in values.items())]
