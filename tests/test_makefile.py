"""The Makefile's set-up, run with a stand-in Python that only logs what it is asked to do:
`make run` installs only what the app needs, `make test` adds the test and dev extras, and
neither installs again what the other has installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    fake = tmp_path / "fake"
    fake.mkdir()
    for tool in ("python", "advisor"):
        script = fake / tool
        script.write_text(f'#!/bin/sh\necho "{tool} $*" >> "{tmp_path}/log"\n', encoding="utf-8")
        script.chmod(0o755)
    (tmp_path / ".venv").mkdir()  # what `python -m venv` would have made
    return tmp_path


def make(folder: Path, target: str) -> list[str]:
    """Run `make TARGET` with the stand-in; the pip installs it asked for."""
    log = folder / "log"
    log.write_text("", encoding="utf-8")
    # -o chromium: the browser the real `make test` installs is not this test's business (tested below)
    argv = ["make", "-o", "chromium", target, f"BIN={folder / 'fake'}"]
    subprocess.run(argv, cwd=folder, capture_output=True, timeout=30, check=True)
    return [line for line in log.read_text(encoding="utf-8").splitlines() if "pip install" in line]


def pip_installs(lines: list[str]) -> list[str]:
    return [line.removeprefix("python -m pip install ") for line in lines if "--upgrade pip" not in line]


def test_make_run_installs_only_the_app_and_make_test_adds_the_extras(checkout: Path) -> None:
    assert pip_installs(make(checkout, "run")) == ["-e ."]
    assert pip_installs(make(checkout, "run")) == []
    assert pip_installs(make(checkout, "test")) == ["-e .[test,dev]"]
    assert pip_installs(make(checkout, "test")) == []
    assert pip_installs(make(checkout, "run")) == []


def test_make_run_after_make_test_installs_nothing(checkout: Path) -> None:
    assert pip_installs(make(checkout, "test")) == ["-e .[test,dev]"]
    assert pip_installs(make(checkout, "run")) == []


def test_pip_is_not_silenced_while_it_installs(checkout: Path) -> None:
    makefile = (checkout / "Makefile").read_text(encoding="utf-8")
    installs = [line for line in makefile.splitlines() if "pip install" in line and "--upgrade pip" not in line]
    assert installs and not any("--quiet" in line or " -q" in line for line in installs)


def test_make_test_sees_to_the_browser_first(checkout: Path) -> None:
    """CI never skips the browser tests for want of Chromium: `make test` installs it (as root) first."""
    plan = subprocess.run(
        ["make", "-n", "test", f"BIN={checkout / 'fake'}"], cwd=checkout, capture_output=True, text=True, timeout=30
    ).stdout
    assert plan.index("command -v chromium") < plan.index("-m pytest")
    assert "apt-get install -y -q chromium" in plan
