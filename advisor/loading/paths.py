"""Where the shipped YAML data lives: inside the wheel, or in the checkout during development."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

DATA_FOLDERS = ("content", "rules", "quizzes")


def shipped_root() -> Path:
    """The folder holding content/, rules/ and quizzes/.

    A wheel carries them as ``advisor/data/``; an editable install or a plain checkout has
    them beside the package.
    """
    packaged = Path(str(files("advisor"))) / "data"
    if (packaged / "content").is_dir():
        return packaged
    return Path(__file__).resolve().parents[2]


def shipped_folders() -> list[Path]:
    """The shipped data folders that exist, in loading order."""
    root = shipped_root()
    return [root / name for name in DATA_FOLDERS if (root / name).is_dir()]


def yaml_files(folder: Path) -> list[Path]:
    """Every YAML file under `folder` (or `folder` itself if it is a file), in a stable order."""
    if folder.is_file():
        return [folder]
    found = [
        path
        for pattern in ("*.yaml", "*.yml")
        for path in folder.rglob(pattern)
        if not any(part.startswith(".") for part in path.relative_to(folder).parts)
    ]
    return sorted(found)
