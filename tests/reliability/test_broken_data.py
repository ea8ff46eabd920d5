"""Broken data files: one clear message with file, line and field, exit 2, fast, nothing executed."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from advisor.cli import main
from tests.conftest import ROOT

SECTION = (ROOT / "tests" / "data" / "minimal_section.yaml").read_text(encoding="utf-8")


def bomb() -> str:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    return "\n".join(lines) + "\n"


CASES: dict[str, tuple[bytes, str]] = {
    "bad-indentation": (b"kind: section\nid: x\n  title: T\n", "x.yaml:3:8: invalid YAML"),
    "tabs": (b"kind: section\ntopics:\n\t- id: a\n", "x.yaml:3:1: invalid YAML"),
    "unclosed-quote": (b'kind: section\ntitle: "open\n', "x.yaml:3:1: invalid YAML"),
    "duplicate-key": (b"kind: section\nid: a\nid: b\n", "x.yaml:3:1: id: duplicate key 'id' (first at line 2)"),
    "a-list": (b"- kind: section\n", "x.yaml:1:1: the document is a list"),
    "a-scalar": (b"section\n", "x.yaml:1:1: the document is a str"),
    "several-documents": (b"kind: section\n---\nkind: quiz\n", "x.yaml:3:1: the file holds several YAML documents"),
    "empty": (b"", "x.yaml:1:1: the file is empty"),
    "five-megabytes": (b"kind: section\nsummary: " + b"x" * (5 * 1024 * 1024) + b"\n", "x.yaml: file is 5,242,"),
    "deep-nesting": (b"kind: section\nx: " + b"[" * 200 + b"]" * 200 + b"\n", "nested more than 64 levels deep"),
    "billion-laughs": (bomb().encode(), "aliases expand the document more than 1,000 times"),
    "python-object": (b"kind: !!python/object/apply:os.system ['touch /tmp/advisor-pwned']\n", "unsupported tag"),
    "wrong-type": (
        SECTION.replace("order: 1", "order: first").encode(),
        "x.yaml:3:8: order: input should be a valid integer",
    ),
    "unknown-field": (
        SECTION.replace("summary:", "sumary:").encode(),
        "x.yaml:5:1: sumary: unknown field 'sumary' (did you mean 'summary'?)",
    ),
    "dangling-reference": (
        SECTION.replace("concepts: [demo-concept]", "concepts: [nowhere]").encode(),
        "unknown concept 'nowhere'",
    ),
    "not-utf8": (b"kind: section\ntitle: caf\xe9\n", "x.yaml:2:11: not valid UTF-8 (byte 0xe9)"),
    "merge-key": (b"base: &b {x: 1}\nkind: section\nmore:\n  <<: *b\n", "merge keys ('<<') are not supported"),
    "unknown-kind": (b"kind: sektion\n", "unknown kind 'sektion' (did you mean 'section'?)"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_broken_file(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data, expected = CASES[name]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "x.yaml").write_bytes(data)
    start = time.perf_counter()
    code = main(["validate", "pack"])
    took = time.perf_counter() - start
    err = capsys.readouterr().err
    assert code == 2
    assert expected in err, err
    assert "Traceback" not in err
    assert took < 1.0, f"{name} took {took:.2f} s"
    assert not Path("/tmp/advisor-pwned").exists()


@pytest.mark.parametrize("text", ["\ufeffkind: section\n", "kind: section\r\n"])
def test_bom_and_crlf_are_read_like_any_file(text: str, tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    body = SECTION.replace("\n", "\r\n") if "\r" in text else "\ufeff" + SECTION
    (tmp_path / "x.yaml").write_bytes(body.encode("utf-8"))
    assert main(["validate", "x.yaml"]) == 0, capsys.readouterr().err


def test_ask_if_may_only_look_back(tmp_path: Path, monkeypatch, capsys) -> None:
    """A question that depends on itself or a later one would make a cycle: it is refused."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "q.yaml").write_text(
        "kind: questions\nquestions:\n"
        "  - {id: a, text: A, help: H, choices: [{id: x, label: X}, {id: y, label: Y}],\n"
        "     ask_if: {question: b, is: x}}\n"
        "  - {id: b, text: B, help: H, choices: [{id: x, label: X}, {id: y, label: Y}],\n"
        "     ask_if: {question: a, is: x}}\n",
        encoding="utf-8",
    )
    assert main(["validate", "q.yaml"]) == 2
    assert "q.yaml:4:25: questions[0].ask_if.question: unknown question 'b'" in capsys.readouterr().err


def test_answers_file_errors(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "w.yaml").write_bytes(b"clients: [browser, fax]\nservice_count: !!python/name:os.system\n")
    assert main(["recommend", "--answers", "w.yaml", "--format", "json"]) == 2
    err = capsys.readouterr().err
    assert "w.yaml:2:16: service_count: unsupported tag" in err and "Traceback" not in err
