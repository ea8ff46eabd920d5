"""The command line's grammar: every command, flag and help text (argparse)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from advisor import __version__
from advisor.cli import exit_codes
from advisor.reports.formats import FORMATS


class _Parser(argparse.ArgumentParser):
    commands: dict[str, argparse.ArgumentParser]  # the top-level parser's subcommands, by name

    def error(self, message: str) -> NoReturn:  # argparse exits 2 already; keep its wording short
        self.print_usage(sys.stderr)
        self.exit(exit_codes.USAGE, f"advisor: error: {message}\n")

    def parse_args(  # type: ignore[override]  # only the form the CLI calls
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        """As argparse, but an unknown flag is reported with the usage of the command it follows."""
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            command = getattr(self, "commands", {}).get(getattr(parsed, "command", None) or "", self)
            command.error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is too small; give 1 or more")
    return value


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{value} is not a port; give 1 to 65535")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The `advisor` parser with every subcommand."""
    parser = _Parser(
        prog="advisor", description="Learn, decide on and quiz yourself about distributed-systems technology."
    )
    parser.add_argument("--version", action="version", version=f"advisor {__version__}")
    parser.add_argument(
        "--pack",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="also load your own content, rules or quizzes from DIR (repeatable); "
        "ids must not clash with the shipped ones",
    )
    parser.add_argument(
        "--fresh-store",
        action="store_true",
        help="keep this run's progress in a new, empty store, deleted when the run ends "
        "(your own progress is not touched)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    formats = list(FORMATS)

    learn = sub.add_parser("learn", help="open the guide in the terminal UI, optionally at a section")
    learn.add_argument("section", nargs="?", help="a section id, e.g. serverless")

    rec = sub.add_parser("recommend", help="advise on a workload: the wizard, or headless with --answers")
    rec.add_argument(
        "--answers",
        type=Path,
        metavar="FILE",
        help="a YAML answers file (advisor answers-template writes one): answers, priorities, notes, decisions",
    )
    rec.add_argument("--format", choices=formats, help="report format (default: md)")
    rec.add_argument("-o", "--output", type=Path, metavar="FILE", help="write the report to FILE instead of stdout")
    rec.add_argument("--force", action="store_true", help="overwrite the -o file if it exists")
    rec.add_argument(
        "--plain",
        action="store_true",
        help="ask the questions with simple prompts, no full screen (not with --answers: nothing to ask)",
    )
    rec.add_argument("--save", metavar="NAME", help="keep this recommendation (a milestone) under NAME, a new name")
    rec.add_argument(
        "--priority",
        action="append",
        default=[],
        metavar="CONCERN=LEVEL",
        help="weight a concern: cost, latency, operations, compliance, delivery = low, normal or high "
        "(repeatable; over the answers file's priorities)",
    )
    rec.add_argument(
        "--trace",
        action="store_true",
        help="print every rule evaluated for each technology, whether it fired, its condition, the answers it "
        "read and what it added (text; with --format json, in the report as `trace`)",
    )
    rec.add_argument(
        "--quick",
        action="store_true",
        help="ask first what could still change a verdict, and stop when nothing left can (the wizard or --plain)",
    )

    template = sub.add_parser(
        "answers-template",
        help="print an answers file to fill in: every question, its choices and help as comments",
        description="Print an answers file for `advisor recommend --answers FILE`: every question with its "
        "choices and help as comments, each answer null (not sure) until you fill it in.",
    )
    template.add_argument("-o", "--output", type=Path, metavar="FILE", help="write it to FILE instead of stdout")
    template.add_argument("--force", action="store_true", help="overwrite the -o file if it exists")

    report = sub.add_parser("report", help="re-render a kept recommendation, list them, or compare two")
    report.add_argument("ref", nargs="?", help="a milestone number or name (default: the last one kept)")
    report.add_argument("--format", choices=formats, default="md", help="report format (default: md)")
    report.add_argument("-o", "--output", type=Path, metavar="FILE")
    report.add_argument("--force", action="store_true", help="overwrite the -o file if it exists")
    actions = report.add_mutually_exclusive_group()
    actions.add_argument("--list", action="store_true", help="list the kept recommendations")
    actions.add_argument(
        "--compare",
        nargs=2,
        metavar=("A", "B"),
        help="what changed from milestone A to B: Markdown, or with --format radar B's radar, what moved marked new",
    )
    actions.add_argument("--rename", nargs=2, metavar=("MILESTONE", "NEW_NAME"), help="give a milestone a new name")
    actions.add_argument("--delete", metavar="MILESTONE", help="delete a kept recommendation (a number or name)")

    quiz = sub.add_parser(
        "quiz",
        help="quiz yourself: advisor quiz [QUIZ...] [--plain] [--due]; advisor quiz import|export ...",
        description="Take a quiz (all quizzes when none is named), or: advisor quiz import FILE.gift [-o OUT.yaml]; "
        "advisor quiz export QUIZ [--format gift] [-o FILE]; advisor quiz export QUIZ --format anki -o FILE.apkg.",
    )
    quiz.add_argument("names", nargs="*", metavar="QUIZ", help="quiz ids (e.g. serverless grpc), or import/export")
    quiz.add_argument("--plain", action="store_true", help="ask with simple prompts, no full screen")
    quiz.add_argument("--due", action="store_true", help="only the questions due for review (of the quizzes named)")
    quiz.add_argument("--seed", type=int, help="the shuffle seed, to replay a session")
    quiz.add_argument("--resume", action="store_true", help="continue the quiz you stopped, where you stopped")
    quiz.add_argument("--limit", type=_positive, help="questions per quiz (default 10; with --due, every question due)")
    quiz.add_argument(
        "--format",
        choices=("gift", "anki"),
        default="gift",
        help="export format: gift (Moodle), or anki (a deck, .apkg; needs -o)",
    )
    quiz.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="where import/export writes (import creates its folder)"
    )
    quiz.add_argument(
        "--id",
        dest="quiz_id",
        metavar="NEW_ID",
        help="import under this quiz id (its questions' ids follow), e.g. to re-import a quiz we exported",
    )
    quiz.add_argument("--force", action="store_true", help="overwrite the -o file if it exists")

    validate = sub.add_parser(
        "validate", help="check content, rules and quizzes (the shipped ones or your own folders)"
    )
    validate.add_argument(
        "folders", nargs="*", type=Path, metavar="DIR", help="folders or files to check (default: the shipped data)"
    )
    validate.add_argument(
        "--stale",
        type=_positive,
        metavar="MONTHS",
        help="also list the sourced facts last checked more than MONTHS months ago (exit 2 if any)",
    )

    schema = sub.add_parser("schema", help="print or write the JSON Schema of each YAML file kind")
    schema.add_argument("kind", nargs="?", help="one file kind (default: all)")
    schema.add_argument("-o", "--output", type=Path, metavar="DIR", help="write one <kind>.json per kind into DIR")
    schema.add_argument("--force", action="store_true", help="overwrite the schema files already in DIR")

    progress = sub.add_parser("progress", help="show checklist completion; export or import your progress")
    group = progress.add_mutually_exclusive_group()
    group.add_argument("--export", type=Path, metavar="FILE.json", help="write all progress to a JSON file")
    group.add_argument(
        "--import", dest="import_", type=Path, metavar="FILE.json", help="merge progress from a JSON export"
    )
    progress.add_argument("--force", action="store_true", help="overwrite the --export file if it exists")
    serve = sub.add_parser(
        "serve",
        help="serve the full-screen interface in a web browser (each tab runs its own advisor)",
        description="Serve the full-screen interface over HTTP with textual-serve: open the address it prints "
        "in a browser. Every tab runs its own advisor; they share your progress store unless --isolated.",
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 for every network interface)",
    )
    serve.add_argument("--port", type=_port, default=8000, help="the port to listen on (default: 8000)")
    serve.add_argument(
        "--isolated",
        action="store_true",
        help="give every browser tab a fresh, empty progress store, deleted when the tab closes "
        "(a workshop: nobody's answers mix)",
    )
    serve.add_argument(
        "--public-url",
        metavar="URL",
        help="the address browsers use, when it is not http://HOST:PORT (behind a proxy, or with --host 0.0.0.0)",
    )
    parser.commands = dict(sub.choices)
    return parser
