"""The exit codes of every command, in one place (DESIGN.md: 0 ok, 1 our failure, 2 the user's input)."""

from __future__ import annotations

OK = 0
FAILURE = 1  # the tool's own failure (e.g. a kept recommendation this version cannot read)
USAGE = 2  # the user's input was wrong: a bad file, an unknown id, a bad flag
INTERRUPTED = 130  # Ctrl+C, as shells report SIGINT
