"""A user's pack adds to the shipped data; it can neither shadow nor silently merge with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.cli import main
from tests.conftest import ROOT, write

SECTION = (ROOT / "tests" / "data" / "minimal_section.yaml").read_text(encoding="utf-8")


def test_a_pack_adds_a_section(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "pack" / "extra.yaml", SECTION.replace("order: 1", "order: 40"))
    assert main(["--pack", str(tmp_path / "pack"), "progress"]) == 0
    assert "Demo" in capsys.readouterr().out


@pytest.mark.parametrize(
    "change, message",
    [
        (
            lambda s: s.replace("id: demo\n", "id: serverless\n").replace("order: 1", "order: 40"),
            "duplicate id 'serverless'",
        ),
        (
            lambda s: (
                s.replace("id: demo-first", "id: serverless-deploy-lambda")
                .replace("[demo-first]", "[serverless-deploy-lambda]")
                .replace("order: 1", "order: 40")
            ),
            "duplicate id 'serverless-deploy-lambda' (first at",
        ),
        (lambda s: s, "order 1 is also used by"),
    ],
    ids=["section-id", "checklist-id", "section-order"],
)
def test_a_pack_that_clashes_is_reported(
    change, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "pack" / "clash.yaml", change(SECTION))
    assert main(["--pack", str(tmp_path / "pack"), "progress"]) == 2
    err = capsys.readouterr().err
    assert message in err and "clash.yaml" in err and "Traceback" not in err


def test_a_pack_that_is_not_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--pack", str(tmp_path / "missing"), "progress"]) == 2
    assert "--pack needs a folder" in capsys.readouterr().err
