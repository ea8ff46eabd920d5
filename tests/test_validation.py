"""Validation: one test per kind of message a data author can meet."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.loading.catalog import load_catalog
from advisor.loading.problems import DataError
from tests.conftest import write

SECTION = """\
kind: section
id: demo
order: 1
title: Demo
summary: A small section.
topics:
  - id: basics
    title: Basics
    summary: The basics.
concepts:
  - id: demo-concept
    title: A concept
    topic: basics
    body: |
      Some text with [brackets].
checklist:
  - id: demo-first
    text: Do the first thing
    concepts: [demo-concept]
  - id: demo-second
    text: Do the second thing
exercises:
  - id: demo-exercise
    title: Try it
    minutes: 30
    difficulty: medium
    goal: Learn by doing.
    steps: [one, two]
    checklist: [demo-first]
"""


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # file names in messages are relative to the working folder


def problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    for name, text in files.items():
        write(tmp_path / name, text)
    with pytest.raises(DataError) as info:
        load_catalog([tmp_path], complete=False)
    return [str(p) for p in info.value.problems]


def test_a_valid_pack_loads(tmp_path: Path) -> None:
    write(tmp_path / "demo.yaml", SECTION)
    catalog = load_catalog([tmp_path], complete=False)
    assert [s.id for s in catalog.sections] == ["demo"]


def test_duplicate_id_names_both_places(tmp_path: Path) -> None:
    text = SECTION.replace("id: demo-second", "id: demo-first")
    assert problems(tmp_path, {"s.yaml": text}) == [
        "s.yaml:20:9: checklist[1].id: duplicate id 'demo-first' (first at line 17)"
    ]


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    other = SECTION.replace("id: demo\n", "id: other\n").replace("order: 1", "order: 2")
    other = other.replace("demo-concept", "other-concept").replace("demo-second", "other-second")
    other = other.replace("demo-exercise", "other-exercise")
    found = problems(tmp_path, {"a.yaml": SECTION, "b.yaml": other})
    assert found == ["b.yaml:17:9: checklist[0].id: duplicate id 'demo-first' (first at a.yaml:17)"]


def test_missing_field(tmp_path: Path) -> None:
    text = SECTION.replace("    text: Do the second thing\n", "")
    assert problems(tmp_path, {"s.yaml": text}) == ["s.yaml:20:5: checklist[1].text: required field is missing"]


def test_unknown_field_suggests_the_near_miss(tmp_path: Path) -> None:
    text = SECTION.replace("    text: Do the second thing", "    txt: Do the second thing")
    found = problems(tmp_path, {"s.yaml": text})
    assert "s.yaml:21:5: checklist[1].txt: unknown field 'txt' (did you mean 'text'?)" in found


def test_unknown_field_lists_the_expected_ones(tmp_path: Path) -> None:
    text = SECTION.replace("    minutes: 30", "    minutes: 30\n    colour: red")
    found = problems(tmp_path, {"s.yaml": text})
    assert any(
        "exercises[0].colour: unknown field 'colour'; expected one of: checklist, difficulty" in p for p in found
    )


def test_wrong_type(tmp_path: Path) -> None:
    text = SECTION.replace("minutes: 30", "minutes: half an hour")
    assert problems(tmp_path, {"s.yaml": text}) == [
        "s.yaml:25:14: exercises[0].minutes: input should be a valid integer, unable to parse string as an integer,"
        " got 'half an hour'"
    ]


def test_bad_id(tmp_path: Path) -> None:
    text = SECTION.replace("id: demo-second", "id: Demo Second")
    assert problems(tmp_path, {"s.yaml": text}) == [
        "s.yaml:20:9: checklist[1].id: 'Demo Second' is not a valid id (lower-case letters, digits, '-' and '_',"
        " starting with a letter or digit)"
    ]


def test_choice_outside_the_allowed_values(tmp_path: Path) -> None:
    text = SECTION.replace("difficulty: medium", "difficulty: brutal")
    assert problems(tmp_path, {"s.yaml": text}) == [
        "s.yaml:26:17: exercises[0].difficulty: input should be 'easy', 'medium' or 'hard', got 'brutal'"
    ]


def test_unknown_kind(tmp_path: Path) -> None:
    assert problems(tmp_path, {"s.yaml": SECTION.replace("kind: section", "kind: sectoin")}) == [
        "s.yaml:1:7: kind: unknown kind 'sectoin' (did you mean 'section'?); expected one of: "
        "guide, section, matrix, api-comparison, use-cases, benchmarks, questions, technologies, rules, quiz"
    ]


def test_unknown_reference(tmp_path: Path) -> None:
    text = SECTION.replace("concepts: [demo-concept]", "concepts: [demo-concpet]")
    assert problems(tmp_path, {"s.yaml": text}) == [
        "s.yaml:19:16: checklist[0].concepts[0]: unknown concept 'demo-concpet' (did you mean 'demo-concept'?)"
    ]


def test_reference_to_the_wrong_kind_of_item(tmp_path: Path) -> None:
    text = SECTION.replace("checklist: [demo-first]", "checklist: [demo-concept]")
    assert problems(tmp_path, {"s.yaml": text}) == [
        "s.yaml:29:17: exercises[0].checklist[0]: 'demo-concept' is a concept, expected a checklist item"
    ]


def test_unknown_topic(tmp_path: Path) -> None:
    text = SECTION.replace("    topic: basics", "    topic: advanced")
    assert problems(tmp_path, {"s.yaml": text}) == [
        "s.yaml:13:12: concepts[0].topic: unknown topic 'advanced'; this section's topics: basics"
    ]


def test_value_rule_inside_a_model(tmp_path: Path) -> None:
    text = SECTION.replace(
        "    body: |", "    figures:\n      - {id: f, label: L, low: 9, high: 1, unit: ms}\n    body: |"
    )
    found = problems(tmp_path, {"s.yaml": text})
    assert found == ["s.yaml:15:9: concepts[0].figures[0]: high (1.0) is smaller than low (9.0)"]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = SECTION.replace("minutes: 30", "minutes: -1").replace("difficulty: medium", "difficulty: x")
    assert len(problems(tmp_path, {"s.yaml": text, "t.yaml": "kind: nope\n"})) == 3


def test_a_complete_catalog_needs_every_singleton(tmp_path: Path) -> None:
    write(tmp_path / "s.yaml", SECTION)
    with pytest.raises(DataError) as info:
        load_catalog([tmp_path], complete=True)
    assert "(catalog): no guide file was found; the app needs one" in str(info.value)


def test_second_singleton_is_reported(catalog, tmp_path: Path) -> None:
    matrix = next(f for f in catalog.files if f.kind == "matrix").source.path
    write(tmp_path / "a" / "matrix.yaml", matrix.read_text(encoding="utf-8"))
    write(tmp_path / "b" / "matrix.yaml", matrix.read_text(encoding="utf-8"))
    with pytest.raises(DataError) as info:
        load_catalog([tmp_path / "a", tmp_path / "b"], complete=False, reference=catalog)
    messages = [str(p) for p in info.value.problems]
    assert any("a second matrix file; the first is" in m for m in messages)


def test_a_rule_names_only_its_decisions_scopes(catalog, tmp_path: Path) -> None:
    """A misspelt scope would make a rule speak at no boundary at all: it is refused, with the near miss."""
    rules = next(f for f in catalog.files if f.kind == "technologies").source.path.parent
    for path in rules.glob("*.yaml"):
        write(tmp_path / "rules" / path.name, path.read_text(encoding="utf-8"))
    api = tmp_path / "rules" / "api-style.yaml"
    api.write_text(api.read_text(encoding="utf-8").replace("scopes: [public-api]", "scopes: [publc-api]", 1))
    compute = tmp_path / "rules" / "compute.yaml"
    text = compute.read_text(encoding="utf-8")
    compute.write_text(
        text.replace("    concern: operations\n", "    concern: operations\n    scopes: [internal]\n", 1)
    )
    with pytest.raises(DataError) as info:
        load_catalog([tmp_path / "rules"], complete=False, reference=catalog)
    messages = sorted(str(p).split(": ", 1)[1] for p in info.value.problems)
    assert messages == [
        "rules[0].scopes[0]: unknown scope 'internal'; its decision has none",
        "rules[1].scopes[0]: unknown scope 'publc-api' (did you mean 'public-api'?);"
        " its decision's scopes: client-edge, internal, public-api",
    ]
