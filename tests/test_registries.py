"""Every kind is in every table: question types, report formats and condition operators.

Adding a kind means adding it to each table listed in docs/design.md; these tests fail until
every one of them has it.
"""

from __future__ import annotations

import argparse

from advisor.models.quiz import QUESTION_TYPES
from advisor.models.rules import OPERATORS, Condition
from advisor.reports.formats import FORMATS


def test_every_question_type_has_a_prompt_an_answer_widget_and_gift_and_anki_writers() -> None:
    from advisor.cli.plain import PLAIN_PROMPTS
    from advisor.interop.anki.notes import ANKI_WRITERS
    from advisor.interop.gift.writer import GIFT_WRITERS
    from advisor.tui.widgets.answers import ANSWER_WIDGETS

    for table in (PLAIN_PROMPTS, GIFT_WRITERS, ANKI_WRITERS, ANSWER_WIDGETS):
        assert set(table) == set(QUESTION_TYPES)


def test_every_question_type_grades_and_knows_what_it_shuffles() -> None:
    for question_type in QUESTION_TYPES:
        assert "grade" in question_type.__dict__, question_type.__name__
        listed = question_type.listed
        assert listed is None or listed in question_type.model_fields


def test_the_cli_offers_every_report_format() -> None:
    from advisor.cli.parser import build_parser

    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name in ("recommend", "report"):
        fmt = next(a for a in commands.choices[name]._actions if a.dest == "format")
        assert list(fmt.choices) == list(FORMATS)


def test_every_report_format_renders_and_names_its_file(catalog) -> None:
    from advisor.advise.engine import recommend
    from advisor.reports.build import build_report

    report = build_report(catalog, recommend(catalog, {}))
    names = set()
    for fmt in FORMATS.values():
        assert fmt.render(report).strip()
        assert fmt.default_name("x").startswith("x") and fmt.default_name("x").endswith(fmt.suffix)
        names.add(fmt.default_name("x"))
    assert len(names) == len(FORMATS)  # every format gets its own default file name
    for fmt in FORMATS.values():  # a comparer, where a format has one, writes two recommendations
        if fmt.comparer is not None:
            assert fmt.compare("a", report, "b", report).strip()


def test_every_condition_test_is_an_operator() -> None:
    combinators = {"all", "any", "not_", "always", "question"}
    tests = set(Condition.model_fields) - combinators
    assert tests == {op.field for op in OPERATORS.values()}
    for op in OPERATORS.values():
        alias = Condition.model_fields[op.field].alias or op.field
        assert alias == op.name  # the YAML key is the operator's name


async def test_the_export_dialog_offers_every_format(make_app) -> None:
    from textual.widgets import RadioButton

    from advisor.tui.dialogs.export import ExportDialog

    app = make_app()
    async with app.run_test(size=(100, 30)):
        dialog = ExportDialog()
        await app.push_screen(dialog)
        assert [b.name for b in dialog.query(RadioButton)] == list(FORMATS)


def test_every_decision_kind_is_said_offered_styled_and_read() -> None:
    from typing import get_args

    from advisor.models.workload import DECISION_KINDS, DECISION_OFFERS, DecisionKind
    from advisor.tui.screens.recommendation import DECISION_STYLE

    for table in (DECISION_KINDS, DECISION_OFFERS, DECISION_STYLE):
        assert list(table) == list(get_args(DecisionKind))


def test_every_weighted_concern_is_named_by_the_cli_and_the_template() -> None:
    from advisor.advise.answers import dump_workload
    from advisor.advise.priorities import weighted_concerns
    from advisor.cli.parser import build_parser
    from advisor.models.workload import Workload

    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    flag = next(a for a in commands.choices["recommend"]._actions if a.dest == "priority")
    template = dump_workload(Workload(), [], [])
    for concern in weighted_concerns():
        assert concern in (flag.help or "")
        assert f"  {concern}: " in template
