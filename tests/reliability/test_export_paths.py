"""Every command that writes a file: odd names work; missing folders, folders and existing files are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.cli import main
from tests.conftest import write


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    return write(tmp_path / "w.yaml", "service_count: many\n")


def commands(answers: Path, target: Path) -> list[list[str]]:
    return [
        ["recommend", "--answers", str(answers), "--format", "html", "-o", str(target)],
        ["progress", "--export", str(target)],
        ["quiz", "export", "edge", "-o", str(target)],
        ["recommend", "--answers", str(answers), "--format", "radar", "-o", str(target)],
        ["quiz", "export", "edge", "--format", "anki", "-o", str(target)],
    ]


@pytest.mark.parametrize("n", range(5))
def test_spaces_and_unicode_in_the_path(n: int, answers: Path, tmp_path: Path) -> None:
    target = tmp_path / "my reports — été" / "résultat final.out"
    target.parent.mkdir()
    assert main(commands(answers, target)[n]) == 0
    assert target.stat().st_size > 0


@pytest.mark.parametrize("n", range(5))
def test_refusals(n: int, answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "no such folder" / "x.out"
    assert main(commands(answers, missing)[n]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(commands(answers, tmp_path)[n]) == 2
    assert "is a folder" in capsys.readouterr().err
    existing = write(tmp_path / "keep.out", "precious")
    assert main(commands(answers, existing)[n]) == 2
    assert "exists; add --force" in capsys.readouterr().err
    assert existing.read_text() == "precious"
    assert main([*commands(answers, existing)[n], "--force"]) == 0
    assert existing.read_bytes() != b"precious"  # (an Anki deck is binary)
