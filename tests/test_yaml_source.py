"""Parsing: every way a YAML file can be unusable gives one located problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.loading.problems import DataError
from advisor.loading.yaml_source import read_source
from tests.conftest import write


def problem_of(path: Path) -> str:
    with pytest.raises(DataError) as info:
        read_source(path, display="f.yaml")
    assert len(info.value.problems) == 1
    return str(info.value.problems[0])


def test_locations_of_values_and_keys(tmp_path: Path) -> None:
    src = read_source(write(tmp_path / "a.yaml", "kind: section\nchecklist:\n  - id: one\n    text: hi\n"))
    assert src.data == {"kind": "section", "checklist": [{"id": "one", "text": "hi"}]}
    assert src.locate(("checklist", 0, "text")) == (4, 11)
    assert src.locate(("checklist", 0, "text"), at_key=True) == (4, 5)
    # a path the document does not have falls back to the nearest ancestor
    assert src.locate(("checklist", 0, "missing")) == (3, 5)


def test_malformed_yaml_names_line_and_column(tmp_path: Path) -> None:
    assert problem_of(write(tmp_path / "a.yaml", "kind: x\nlist: [1, 2\n")).startswith("f.yaml:3:1: invalid YAML")


def test_tab_indentation(tmp_path: Path) -> None:
    assert "invalid YAML" in problem_of(write(tmp_path / "a.yaml", "kind: x\nitems:\n\t- a\n"))


def test_duplicate_key(tmp_path: Path) -> None:
    msg = problem_of(write(tmp_path / "a.yaml", "kind: x\ntitle: a\ntitle: b\n"))
    assert msg == "f.yaml:3:1: title: duplicate key 'title' (first at line 2)"


def test_python_tags_are_refused_not_executed(tmp_path: Path) -> None:
    msg = problem_of(write(tmp_path / "a.yaml", "kind: !!python/object/apply:os.system ['echo hacked']\n"))
    assert "unsupported tag" in msg and "kind" in msg


def test_empty_file(tmp_path: Path) -> None:
    assert "the file is empty" in problem_of(write(tmp_path / "a.yaml", "# only a comment\n"))


def test_document_must_be_a_mapping(tmp_path: Path) -> None:
    assert "the document is a list" in problem_of(write(tmp_path / "a.yaml", "- a\n- b\n"))
    assert "the document is a str" in problem_of(write(tmp_path / "b.yaml", "just words\n"))


def test_several_documents(tmp_path: Path) -> None:
    assert "f.yaml:3:1: the file holds several YAML documents" in problem_of(
        write(tmp_path / "a.yaml", "kind: x\n---\nkind: y\n")
    )


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"kind: x\ntitle: caf\xe9\n")
    assert problem_of(path) == "f.yaml:2:11: not valid UTF-8 (byte 0xe9); save the file as UTF-8"


def test_bom_and_windows_line_endings_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes("\ufeffkind: x\r\ntitle: ok\r\n".encode())
    assert read_source(path).data == {"kind": "x", "title": "ok"}


def test_words_that_yaml_1_1_calls_booleans_stay_words(tmp_path: Path) -> None:
    src = read_source(write(tmp_path / "a.yaml", "a: no\nb: yes\nc: true\nd: 'off'\ne: 3\nf: 1.5\ng: null\n"))
    assert src.data == {"a": "no", "b": "yes", "c": True, "d": "off", "e": 3, "f": 1.5, "g": None}


def test_alias_bomb_is_bounded(tmp_path: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        name = chr(ord("a") + i)
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 10)}]")
    assert "aliases expand the document more than 1,000 times" in problem_of(
        write(tmp_path / "a.yaml", "\n".join(lines) + "\n")
    )


def test_deep_nesting_is_bounded(tmp_path: Path) -> None:
    assert "nested more than" in problem_of(write(tmp_path / "a.yaml", "a: " + "[" * 100 + "]" * 100 + "\n"))


def test_huge_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"a: " + b"x" * (5 * 1024 * 1024) + b"\n")
    assert "the limit is" in problem_of(path)
