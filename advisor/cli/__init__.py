"""The `advisor` command: parse the arguments, then hand off to one command (see `commands`)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from advisor.cli import exit_codes


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 our failure, 2 bad input, 130 Ctrl+C)."""
    from advisor.cli.commands import COMMANDS, Context
    from advisor.cli.output import err
    from advisor.cli.parser import build_parser

    args = build_parser().parse_args(argv)
    missing = [str(p) for p in args.pack if not p.is_dir()]
    if missing:
        err(f"--pack needs a folder: {', '.join(missing)}")
        return exit_codes.USAGE
    try:
        return COMMANDS[args.command](Context(args, tuple(args.pack)))
    except KeyboardInterrupt:
        return exit_codes.INTERRUPTED
    except BrokenPipeError:
        # the reader went away (`advisor schema | head`): stop quietly, as Unix tools do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return exit_codes.OK
