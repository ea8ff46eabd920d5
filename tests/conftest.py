"""Shared fixtures: a private ADVISOR_HOME for every test, and the shipped catalog loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.catalog import Catalog, load_catalog

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def advisor_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test touches the real user data folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("ADVISOR_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


def write(path: Path, text: str) -> Path:
    """Write `text` (UTF-8) creating folders; returns the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
