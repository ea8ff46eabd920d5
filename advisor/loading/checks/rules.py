"""Cross-file checks for the Advise data: questions, technologies and rules agree with each other."""

from __future__ import annotations

from collections.abc import Sequence

from advisor.loading.checks.index import ITEM, FirstSeen, IdIndex, duplicate_ids
from advisor.loading.files import LoadedFile
from advisor.loading.problems import FieldPath, Problem
from advisor.models.rules import OPERATORS, Condition, Question, Questions, Rules, Technologies
from advisor.text.suggest import did_you_mean


def check_rules(files: Sequence[LoadedFile], index: IdIndex) -> list[Problem]:
    """Problems in questions.yaml, technologies.yaml and every rules file, seen together."""
    problems: list[Problem] = []
    questions: dict[str, Question] = dict(index.reference_questions)
    technologies: set[str] = set()
    for f in files:
        if isinstance(f.model, Questions):
            questions = {}
            problems += duplicate_ids(f, f.model.questions, ("questions",), "question id")
            for i, q in enumerate(f.model.questions):
                problems += duplicate_ids(f, q.choices, ("questions", i, "choices"), "choice id")
                if q.ask_if is not None:
                    # ask_if may only look back: the wizard asks in order.
                    problems += _condition(f, ("questions", i, "ask_if"), q.ask_if, questions)
                questions[q.id] = q
        elif isinstance(f.model, Technologies):
            problems += duplicate_ids(f, f.model.technologies, ("technologies",), "technology id")
            decisions = {d.id for d in f.model.decisions}
            for i, t in enumerate(f.model.technologies):
                technologies.add(t.id)
                if t.decision not in decisions:
                    hint = did_you_mean(t.decision, decisions)
                    problems.append(
                        f.source.problem(
                            ("technologies", i, "decision"),
                            f"unknown decision {t.decision!r}{hint}; known: {', '.join(sorted(decisions))}",
                        )
                    )
                if t.section is not None:
                    index.require(f, ("technologies", i, "section"), "section", t.section)
    if not technologies:
        technologies = set(index.reference_technologies)
    # the scopes each technology's decision is made at; a rule may name only those
    scopes_of: dict[str, set[str]] = {}
    for f in files:
        if isinstance(f.model, Technologies):
            scopes_of |= _scopes(f, f.model, questions, problems)
    rule_ids = FirstSeen("rule id")
    with_prior: set[str] = set()
    rule_files = [f for f in files if isinstance(f.model, Rules)]
    for f in rule_files:
        assert isinstance(f.model, Rules)
        for i, rule in enumerate(f.model.rules):
            problems += rule_ids.check(f, ("rules", i, "id"), rule.id)
            if rule.technology not in technologies:
                problems.append(
                    f.source.problem(
                        ("rules", i, "technology"),
                        f"unknown technology {rule.technology!r}{did_you_mean(rule.technology, technologies)}",
                    )
                )
            problems += _condition(f, ("rules", i, "when"), rule.when, questions)
            known = scopes_of.get(rule.technology)
            for j, scope in enumerate(rule.scopes):
                if known is not None and scope not in known:
                    listing = f"its decision's scopes: {', '.join(sorted(known))}" if known else "its decision has none"
                    problems.append(
                        f.source.problem(
                            ("rules", i, "scopes", j),
                            f"unknown scope {scope!r}{did_you_mean(scope, known)}; {listing}",
                        )
                    )
            if rule.when.always:
                with_prior.add(rule.technology)
            if index.find(ITEM, rule.rests_on) is None and index.find("technology", rule.rests_on) is None:
                hint = did_you_mean(rule.rests_on, index.known(ITEM, "technology"))
                problems.append(
                    f.source.problem(
                        ("rules", i, "rests_on"),
                        f"unknown content item {rule.rests_on!r}{hint}"
                        " (expected a concept, checklist item, use case or matrix technology)",
                    )
                )
    if rule_files:
        for f in files:
            if isinstance(f.model, Technologies):
                for i, t in enumerate(f.model.technologies):
                    if t.id not in with_prior:
                        # the prior is what every verdict can cite when no answer speaks to it
                        problems.append(
                            f.source.problem(("technologies", i, "id"), f"{t.id!r} has no `always` rule (its prior)")
                        )
    return problems


def _scopes(
    f: LoadedFile, model: Technologies, questions: dict[str, Question], problems: list[Problem]
) -> dict[str, set[str]]:
    """Check each decision's scopes (unique ids, conditions on known questions); technology → scope ids."""
    by_decision: dict[str, set[str]] = {}
    for i, decision in enumerate(model.decisions):
        problems += duplicate_ids(f, decision.scopes, ("decisions", i, "scopes"), "scope id")
        for j, scope in enumerate(decision.scopes):
            problems += _condition(f, ("decisions", i, "scopes", j, "when"), scope.when, questions)
            for k, named in enumerate(scope.titles):
                problems += _condition(f, ("decisions", i, "scopes", j, "titles", k, "when"), named.when, questions)
        by_decision[decision.id] = {s.id for s in decision.scopes}
    return {t.id: by_decision[t.decision] for t in model.technologies if t.decision in by_decision}


def _condition(f: LoadedFile, path: FieldPath, cond: Condition, questions: dict[str, Question]) -> list[Problem]:
    out: list[Problem] = []
    for place, child in cond.children():
        out += _condition(f, (*path, *place), child, questions)
    test = cond.test()
    if cond.question is None or test is None:
        return out
    question = questions.get(cond.question)
    if question is None:
        hint = did_you_mean(cond.question, questions)
        return [*out, f.source.problem((*path, "question"), f"unknown question {cond.question!r}{hint}")]
    operator, argument = test
    choices = [c.id for c in question.choices]
    values = argument if isinstance(argument, list) else [argument]
    for j, value in enumerate(values):
        if value not in choices:
            where = (*path, operator.name, j) if isinstance(argument, list) else (*path, operator.name)
            out.append(
                f.source.problem(
                    where,
                    f"{value!r} is not a choice of {question.id!r}{did_you_mean(value, choices)}; "
                    f"choices: {', '.join(choices)}",
                )
            )
    if operator.several != question.multiple:
        fitting = [f"`{op.name}`" for op in OPERATORS.values() if op.several == question.multiple]
        takes = "several answers" if question.multiple else "one answer"
        out.append(
            f.source.problem(
                (*path, operator.name),
                f"{question.id!r} takes {takes}; use {' or '.join(fitting)}, not `{operator.name}`",
            )
        )
    return out
