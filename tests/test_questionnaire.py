"""One questionnaire decides which questions apply: the engine, the wizard and the plain prompts agree.

A chain a → b → c (b asked only when a is yes, c only when b is x) is where separate copies of
the `ask_if` logic used to disagree; every combination of answers is tried here.
"""

from __future__ import annotations

import itertools
import shutil
from typing import Any

import pytest

from advisor.advise.engine import recommend
from advisor.advise.questionnaire import Questionnaire
from advisor.loading.catalog import Catalog, load_catalog
from tests.conftest import ROOT

CHAIN = """
  - id: chain_a
    text: A?
    help: The first of the chain.
    choices: [{id: "yes", label: "Yes"}, {id: "no", label: "No"}]
  - id: chain_b
    text: B?
    help: Asked when A is yes.
    ask_if: {question: chain_a, is: "yes"}
    choices: [{id: x, label: X}, {id: y, label: Y}]
  - id: chain_c
    text: C?
    help: Asked when B is x.
    ask_if: {question: chain_b, is: x}
    choices: [{id: p, label: P}, {id: q, label: Q}]
"""
# every combination of a chain answer or none (not sure), the moot ones included
COMBINATIONS = [
    {k: v for k, v in zip(("chain_a", "chain_b", "chain_c"), values, strict=True) if v is not None}
    for values in itertools.product(["yes", "no", None], ["x", "y", None], ["p", "q", None])
]


@pytest.fixture(scope="module")
def chain_catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    rules = tmp_path_factory.mktemp("pack") / "rules"
    shutil.copytree(ROOT / "rules", rules)
    questions = rules / "questions.yaml"
    questions.write_text(questions.read_text(encoding="utf-8").rstrip("\n") + "\n" + CHAIN, encoding="utf-8")
    return load_catalog([ROOT / "content", rules, ROOT / "quizzes"])


def engine_asks(catalog: Catalog, answers: dict[str, Any]) -> list[str]:
    """The chain questions the engine counts as asked (everything not skipped)."""
    rec = recommend(catalog, answers)
    return [q.id for q in catalog.questions if q.id.startswith("chain_") and q.id not in rec.skipped]


def plain_asks(catalog: Catalog, answers: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The chain questions the plain prompts ask, answering each with `answers` (or not sure)."""
    import questionary

    from advisor.advise.questionnaire import NOT_SURE
    from advisor.cli.plain import ask_all

    asked: list[str] = []
    by_text = {q.text: q.id for q in catalog.questions}

    class Prompt:
        def __init__(self, title: str, **_: Any) -> None:
            self.id = by_text[title.split(") ", 1)[1]]

        def ask(self) -> Any:
            asked.append(self.id)
            return answers.get(self.id, [] if self.id == "clients" else NOT_SURE)

    monkeypatch.setattr(questionary, "select", Prompt)
    monkeypatch.setattr(questionary, "checkbox", Prompt)
    assert ask_all(catalog, {}) is not None
    return [q for q in asked if q.startswith("chain_")]


@pytest.mark.parametrize(
    "answers", COMBINATIONS, ids=lambda a: ",".join(f"{k[-1]}={v}" for k, v in a.items()) or "none"
)
def test_engine_and_plain_prompts_ask_the_same(chain_catalog, answers, monkeypatch) -> None:
    expected = [q.id for q in Questionnaire(chain_catalog.questions).applicable(answers) if q.id.startswith("chain_")]
    assert engine_asks(chain_catalog, answers) == expected
    # the plain prompts ask in order and see only what was answered so far: the same questions
    assert plain_asks(chain_catalog, answers, monkeypatch) == expected


def test_a_chain_is_followed_as_a_person_would() -> None:
    import yaml

    from advisor.models.rules import Question

    questionnaire = Questionnaire([Question.model_validate(q) for q in yaml.safe_load(CHAIN)])

    def ids(answers: dict[str, str]) -> list[str]:
        return [q.id for q in questionnaire.applicable(answers)]

    assert ids({}) == ["chain_a", "chain_b", "chain_c"]  # "not sure" decides nothing: still asked
    # b is moot, so its old x no longer counts, and c, which follows from b, is skipped with it
    assert ids({"chain_a": "no", "chain_b": "x"}) == ["chain_a"]
    assert ids({"chain_a": "yes", "chain_b": "y"}) == ["chain_a", "chain_b"]
    assert ids({"chain_a": "yes", "chain_b": "x"}) == ["chain_a", "chain_b", "chain_c"]
    counted = questionnaire.counted({"chain_a": "no", "chain_b": "x", "chain_c": "p"})
    assert counted.answers == {"chain_a": "no"} and counted.skipped == ["chain_b", "chain_c"]


def test_stale_stored_answers_are_ignored_not_fatal(catalog) -> None:
    """A choice id removed from the questionnaire since the answers were kept does not count (or crash)."""
    rec = recommend(catalog, {"service_count": "gone", "clients": ["browser", "gone"], "nope": "x"})
    assert "service_count" not in rec.answers and "clients" not in rec.answers


WIZARD_CASES = [
    {},
    {"chain_a": "no", "chain_b": "x"},
    {"chain_a": "yes", "chain_b": "y"},
    {"chain_a": "yes", "chain_b": "x"},
]


async def test_the_wizard_asks_the_same(chain_catalog, make_app) -> None:
    """In the wizard, → from the chain's first question shows exactly the chain questions that apply."""
    from advisor.tui.screens.advise import AdviseScreen

    app = make_app(chain_catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        for answers in WIZARD_CASES:
            expected = [q.id for q in Questionnaire(chain_catalog.questions).applicable(answers)]
            chain = [q for q in expected if q.startswith("chain_")]
            screen = AdviseScreen(dict(answers))
            await app.push_screen(screen)
            screen.index = expected.index("chain_a")
            shown = [screen.current().id]
            while shown[-1] != chain[-1]:
                await pilot.press("right")
                shown.append(screen.current().id)
            assert shown == chain, answers
            app.pop_screen()


def test_central_request_state_names_hot_in_memory_state_and_per_request_flushing(catalog) -> None:
    question = next(q for q in catalog.questions if q.id == "per_request_state")
    central = next(c for c in question.choices if c.id == "central")
    said = f"{central.label} {central.help}".lower()
    assert "hot" in said and "in-memory cache" in said and "analytics" in said and "database" in said
