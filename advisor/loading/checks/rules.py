"""Cross-file checks for the Advise data: questions, technologies and rules agree with each other."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from advisor.models.rules import Condition, Question, Questions, Rules, Technologies
from advisor.loading.problems import Path_, Problem
from advisor.loading.validation import did_you_mean

if TYPE_CHECKING:
    from advisor.loading.checks import _Index
    from advisor.loading.files import LoadedFile


def check_rules(files: Sequence[LoadedFile], index: _Index, reference_questions: dict[str, Question]) -> list[Problem]:
    """Problems in questions.yaml, technologies.yaml and every rules file, seen together."""
    problems: list[Problem] = []
    questions: dict[str, Question] = dict(reference_questions)
    technologies: set[str] = set()
    for f in files:
        if isinstance(f.model, Questions):
            questions = {}
            for i, q in enumerate(f.model.questions):
                if q.id in questions:
                    problems.append(f.source.problem(("questions", i, "id"), f"duplicate question id {q.id!r}"))
                seen: set[str] = set()
                for j, c in enumerate(q.choices):
                    if c.id in seen:
                        problems.append(f.source.problem(("questions", i, "choices", j, "id"), f"duplicate choice id {c.id!r}"))
                    seen.add(c.id)
                if q.ask_if is not None:
                    # ask_if may only look back: the wizard asks in order.
                    problems += _condition(f, ("questions", i, "ask_if"), q.ask_if, questions)
                questions[q.id] = q
        elif isinstance(f.model, Technologies):
            decisions = {d.id for d in f.model.decisions}
            for i, t in enumerate(f.model.technologies):
                if t.id in technologies:
                    problems.append(f.source.problem(("technologies", i, "id"), f"duplicate technology id {t.id!r}"))
                technologies.add(t.id)
                if t.decision not in decisions:
                    problems.append(
                        f.source.problem(
                            ("technologies", i, "decision"),
                            f"unknown decision {t.decision!r}{did_you_mean(t.decision, decisions)}; known: {', '.join(sorted(decisions))}",
                        )
                    )
                if t.section is not None:
                    index.require(f, ("technologies", i, "section"), "section", t.section)
    if not technologies and index.reference_technologies:
        technologies = set(index.reference_technologies)
    rule_ids: dict[str, LoadedFile] = {}
    with_prior: set[str] = set()
    for f in files:
        if not isinstance(f.model, Rules):
            continue
        for i, rule in enumerate(f.model.rules):
            if rule.id in rule_ids:
                where = "this file" if rule_ids[rule.id] is f else rule_ids[rule.id].source.display
                problems.append(f.source.problem(("rules", i, "id"), f"duplicate rule id {rule.id!r} (first in {where})"))
            rule_ids.setdefault(rule.id, f)
            if rule.technology not in technologies:
                problems.append(
                    f.source.problem(
                        ("rules", i, "technology"),
                        f"unknown technology {rule.technology!r}{did_you_mean(rule.technology, technologies)}",
                    )
                )
            problems += _condition(f, ("rules", i, "when"), rule.when, questions)
            if rule.when.always:
                with_prior.add(rule.technology)
            if index.find("item", rule.rests_on) is None and index.find("technology", rule.rests_on) is None:
                known = sorted(i for (ns, i) in index.own if ns in ("item", "technology"))
                problems.append(
                    f.source.problem(
                        ("rules", i, "rests_on"),
                        f"unknown content item {rule.rests_on!r}{did_you_mean(rule.rests_on, known)}"
                        " (expected a concept, checklist item, use case or matrix technology)",
                    )
                )
    has_rules = any(isinstance(f.model, Rules) for f in files)
    for f in files:
        if isinstance(f.model, Technologies) and has_rules:
            for i, t in enumerate(f.model.technologies):
                if t.id not in with_prior:
                    # the prior is what every verdict can cite when no answer speaks to it
                    problems.append(
                        f.source.problem(("technologies", i, "id"), f"{t.id!r} has no `always` rule (its prior)")
                    )
    return problems


def _condition(f: LoadedFile, path: Path_, cond: Condition, questions: dict[str, Question]) -> list[Problem]:
    out: list[Problem] = []
    for key, children in (("all", cond.all), ("any", cond.any)):
        for i, child in enumerate(children or []):
            out += _condition(f, (*path, key, i), child, questions)
    if cond.not_ is not None:
        out += _condition(f, (*path, "not"), cond.not_, questions)
    if cond.question is None:
        return out
    question = questions.get(cond.question)
    if question is None:
        hint = did_you_mean(cond.question, questions)
        return [*out, f.source.problem((*path, "question"), f"unknown question {cond.question!r}{hint}")]
    choices = [c.id for c in question.choices]
    tests = [("is", cond.is_), ("includes", cond.includes), ("at_least", cond.at_least), ("at_most", cond.at_most)]
    named = [(key, [value]) for key, value in tests if value is not None]
    if cond.in_ is not None:
        named.append(("in", list(cond.in_)))
    for key, values in named:
        for j, value in enumerate(values):
            if value not in choices:
                where = (*path, key, j) if key == "in" else (*path, key)
                out.append(
                    f.source.problem(
                        where,
                        f"{value!r} is not a choice of {question.id!r}{did_you_mean(value, choices)}; choices: {', '.join(choices)}",
                    )
                )
        if key == "includes" and not question.multiple:
            out.append(f.source.problem((*path, key), f"{question.id!r} takes one answer; use `is` or `in`, not `includes`"))
        if key in ("is", "in", "at_least", "at_most") and question.multiple:
            out.append(f.source.problem((*path, key), f"{question.id!r} takes several answers; use `includes`"))
    return out
