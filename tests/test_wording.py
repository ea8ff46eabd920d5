"""Words on screen and in reports (Polish 7): counts in the singular or plural, no bookkeeping
a reader cannot use, and nothing said twice."""

from __future__ import annotations

import re
import tokenize

from advisor.learn.markdown import overview_parts
from advisor.models.content import Origin
from tests.conftest import ROOT


def test_no_count_is_written_with_an_s_in_brackets() -> None:
    """'1 exercise(s)', 'Loaded 23 answer(s)': every count goes through text.plural instead."""
    found = []
    for path in sorted((ROOT / "advisor").rglob("*.py")):
        if path.name == "plural.py":  # its docstring names what it replaces
            continue
        with path.open("rb") as source:
            for token in tokenize.tokenize(source.readline):
                if token.type != tokenize.STRING and token.type != getattr(tokenize, "FSTRING_MIDDLE", -1):
                    continue
                words = re.sub(r"\{[^{}]*\}", "", token.string)  # an f-string's fields are code, not words
                if re.search(r"[a-z]\(s\)", words):
                    found.append(f"{path.relative_to(ROOT)}:{token.start[0]}")
    assert found == []


def test_the_about_page_shows_no_size_in_kilobytes(catalog) -> None:
    about = dict(overview_parts(catalog.guide))
    assert not any("KB" in text for text in about.values())


def test_several_choice_questions_do_not_say_so_in_their_text(catalog) -> None:
    """The wizard and the prompts say "several allowed"; the text goes into reports and flips."""
    assert not [q.id for q in catalog.questions if "several allowed" in q.text]


def test_an_item_we_added_to_the_checklist_says_so_in_plain_words(catalog) -> None:
    from advisor.tui.widgets.checklist import ChecklistView

    ours = next(i for s in catalog.sections for i in s.checklist if i.origin is Origin.ours)
    shown = ChecklistView._prompt(ours, None).plain
    assert shown.endswith("(beyond the guide)") and "added by advisor" not in shown
