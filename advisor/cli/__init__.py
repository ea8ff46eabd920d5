"""The `advisor` command."""

from advisor.cli.commands import main

__all__ = ["main"]
