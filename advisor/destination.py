"""Where a command may write a file: the one check used by the CLI, the export dialog and answer files."""

from __future__ import annotations

from pathlib import Path


def why_not_writable(
    path: Path, *, force: bool = False, overwrite_hint: str = "add --force to overwrite it"
) -> str | None:
    """Why `path` cannot be written, or None.

    A folder, a missing parent folder or an empty name is always refused; an existing file only
    without `force` (the message then ends with `overwrite_hint`, which a dialog words its own way).
    """
    if not str(path).strip() or str(path) == ".":
        return "give a file name"
    if path.is_dir():
        return f"{path} is a folder; give a file name"
    if not path.parent.is_dir():
        return f"folder {path.parent} does not exist"
    if path.exists() and not force:
        return f"{path} exists; {overwrite_hint}"
    return None


def write_text(path: Path, text: str) -> str | None:
    """Write `text` to `path` as UTF-8; why it failed, or None."""
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        return f"cannot write {path}: {exc.strerror or exc}"
    return None
