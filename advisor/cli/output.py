"""Writing what a command produced: to stdout or to a file, never over a file by accident."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

from advisor.cli import exit_codes
from advisor.destination import write_text


def interactive() -> bool:
    """Whether both ends are a terminal (stdin may even be closed: then sys.stdin is None)."""
    return all(stream is not None and stream.isatty() for stream in (sys.stdin, sys.stdout))


def in_browser() -> bool:
    """Whether textual-serve started us: the app then draws through Textual's web driver, with no terminal."""
    return os.environ.get("TEXTUAL_DRIVER", "").startswith("textual.drivers.web_driver:")


def err(message: str) -> None:
    """An `advisor: …` line on stderr."""
    print(f"advisor: {message}", file=sys.stderr)


def print_problems(problems: Iterable[object]) -> int:
    """Print each problem on its own line on stderr; returns how many."""
    count = 0
    for problem in problems:
        print(problem, file=sys.stderr)
        count += 1
    return count


def emit(text: str, output: Path | None) -> int:
    """Print `text`, or write it to `output` (already checked with why_not_writable); the exit code."""
    if output is None:
        sys.stdout.write(text)
        return exit_codes.OK
    problem = write_text(output, text)
    if problem:
        err(problem)
        return exit_codes.USAGE
    print(f"wrote {output}", file=sys.stderr)
    return exit_codes.OK
