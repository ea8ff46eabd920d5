"""The `advisor` command: parse the arguments, then hand off to one command (see `commands`)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from advisor.cli import exit_codes


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 our failure, 2 bad input, 130 Ctrl+C).

    A reader that goes away (`advisor schema | head -1`) ends any command quietly, as Unix
    tools do: stdout is flushed here, inside the guard, never first at the interpreter's exit.
    """
    try:
        try:
            return _run(argv)
        finally:  # argparse's --help and --version leave by SystemExit: theirs is flushed here too
            if sys.stdout is not None:
                sys.stdout.flush()
    except KeyboardInterrupt:
        return exit_codes.INTERRUPTED
    except BrokenPipeError:
        # what is still buffered can never be written: send it, and the exit's flush, nowhere
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return exit_codes.OK


def _run(argv: Sequence[str] | None) -> int:
    from advisor.cli.commands import COMMANDS, Context
    from advisor.cli.output import err
    from advisor.cli.parser import build_parser

    args = build_parser().parse_args(argv)
    missing = [str(p) for p in args.pack if not p.is_dir()]
    if missing:
        err(f"--pack needs a folder: {', '.join(missing)}")
        return exit_codes.USAGE
    command = COMMANDS[args.command]
    if args.fresh_store:
        from advisor.cli.fresh_store import fresh_home

        with fresh_home():
            return command(Context(args, tuple(args.pack)))
    return command(Context(args, tuple(args.pack)))
