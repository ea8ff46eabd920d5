"""The `advisor` command: argument parsing, then a hand-off to one front end.

Only the chosen front end is imported, so headless commands (`validate`, `schema`,
`progress`) never load Textual and start quickly.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from advisor import __version__
from advisor.cli.output import check_output, emit, interactive

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 already; keep its wording short
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"advisor: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="advisor", description="Learn, decide on and quiz yourself about distributed-systems technology.")
    parser.add_argument("--version", action="version", version=f"advisor {__version__}")
    parser.add_argument(
        "--pack", action="append", type=Path, default=[], metavar="DIR",
        help="also load your own content, rules or quizzes from DIR (repeatable); ids must not clash with the shipped ones",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    learn = sub.add_parser("learn", help="open the guide in the terminal UI, optionally at a section")
    learn.add_argument("section", nargs="?", help="a section id, e.g. serverless")

    rec = sub.add_parser("recommend", help="advise on a workload: the wizard, or headless with --answers")
    rec.add_argument("--answers", type=Path, metavar="FILE", help="a YAML answers file (question_id: choice_id)")
    rec.add_argument("--format", choices=("md", "html", "json", "adr"), default="md", help="report format (default: md)")
    rec.add_argument("-o", "--output", type=Path, metavar="FILE", help="write the report to FILE instead of stdout")
    rec.add_argument("--force", action="store_true", help="overwrite the -o file if it exists")
    rec.add_argument("--plain", action="store_true", help="ask the questions with simple prompts, no full screen")
    rec.add_argument("--save", metavar="NAME", help="keep this recommendation (a milestone) under NAME")

    report = sub.add_parser("report", help="re-render a kept recommendation, list them, or compare two")
    report.add_argument("ref", nargs="?", help="a milestone number or name (default: the last one kept)")
    report.add_argument("--format", choices=("md", "html", "json", "adr"), default="md")
    report.add_argument("-o", "--output", type=Path, metavar="FILE")
    report.add_argument("--force", action="store_true", help="overwrite the -o file if it exists")
    report.add_argument("--list", action="store_true", help="list the kept recommendations")
    report.add_argument("--compare", nargs=2, metavar=("A", "B"), help="what changed from milestone A to B")

    quiz = sub.add_parser(
        "quiz",
        help="quiz yourself: advisor quiz [QUIZ...] [--plain] [--due]; advisor quiz import|export ...",
        description="Take a quiz (all quizzes when none is named), or: advisor quiz import FILE.gift [-o OUT.yaml]; "
        "advisor quiz export QUIZ --format gift [-o FILE].",
    )
    quiz.add_argument("names", nargs="*", metavar="QUIZ", help="quiz ids (e.g. serverless grpc), or import/export")
    quiz.add_argument("--plain", action="store_true", help="ask with simple prompts, no full screen")
    quiz.add_argument("--due", action="store_true", help="only the questions due for review")
    quiz.add_argument("--seed", type=int, help="the shuffle seed, to replay a session")
    quiz.add_argument("--limit", type=int, default=10, help="questions per quiz (default 10)")
    quiz.add_argument("--format", choices=("gift",), default="gift", help="export format")
    quiz.add_argument("-o", "--output", type=Path, metavar="FILE", help="where import/export writes")
    quiz.add_argument("--force", action="store_true", help="overwrite the -o file if it exists")

    validate = sub.add_parser("validate", help="check content, rules and quizzes (the shipped ones or your own folders)")
    validate.add_argument("folders", nargs="*", type=Path, metavar="DIR", help="folders or files to check (default: the shipped data)")

    schema = sub.add_parser("schema", help="print or write the JSON Schema of each YAML file kind")
    schema.add_argument("kind", nargs="?", help="one file kind (default: all)")
    schema.add_argument("-o", "--output", type=Path, metavar="DIR", help="write one <kind>.json per kind into DIR")

    progress = sub.add_parser("progress", help="show checklist completion; export or import your progress")
    group = progress.add_mutually_exclusive_group()
    group.add_argument("--export", type=Path, metavar="FILE.json", help="write all progress to a JSON file")
    group.add_argument("--import", dest="import_", type=Path, metavar="FILE.json", help="merge progress from a JSON export")
    progress.add_argument("--force", action="store_true", help="overwrite the --export file if it exists")
    return parser


_PACKS: list[Path] = []


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 our failure, 2 bad input)."""
    args = _parser().parse_args(argv)
    _PACKS[:] = args.pack
    missing = [str(p) for p in args.pack if not p.is_dir()]
    if missing:
        _err(f"--pack needs a folder: {', '.join(missing)}")
        return EXIT_USAGE
    try:
        if args.command == "validate":
            return _validate(args.folders)
        if args.command == "schema":
            return _schema(args.kind, args.output)
        if args.command == "progress":
            return _progress(args.export, args.import_, args.force)
        if args.command == "report":
            return _report(args)
        if args.command == "quiz":
            return _quiz(args)
        if args.command == "recommend":
            if args.answers is not None:
                return _recommend(args.answers, args.format, args.output, args.force, args.save)
            if args.plain:
                from advisor.cli.plain import run_advise

                catalog = _load_catalog()
                return EXIT_USAGE if catalog is None else run_advise(catalog, args.format, args.output, args.force)
            return _tui(None, start="advise")
        return _tui(args.section if args.command == "learn" else None)
    except KeyboardInterrupt:
        return 130


def _err(message: str) -> None:
    print(f"advisor: {message}", file=sys.stderr)


def _load_catalog():
    """The shipped catalog plus any --pack folders, or None after printing every problem."""
    from advisor.loading.catalog import load_catalog
    from advisor.loading.paths import shipped_folders
    from advisor.loading.problems import DataError

    try:
        return load_catalog([*shipped_folders(), *_PACKS]) if _PACKS else load_catalog()
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        _err(f"{len(exc.problems)} problem(s) in the data; fix them and try again")
        return None


def _recommend(answers_path: Path, fmt: str, output: Path | None, force: bool, save: str | None = None) -> int:
    from advisor.advise.answers import load_answers
    from advisor.advise.engine import recommend
    from advisor.loading.problems import DataError

    if output is not None and (problem := check_output(output, force)):
        _err(problem)
        return EXIT_USAGE
    catalog = _load_catalog()
    if catalog is None:
        return EXIT_USAGE
    try:
        answers = load_answers(answers_path, catalog.questions)
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_USAGE
    from advisor.cli.output import render_report
    from advisor.reports.build import build_report

    report = build_report(catalog, recommend(catalog, answers))
    if save:
        from advisor.store import ProgressStore

        with ProgressStore() as store:
            number = store.save_milestone(save, answers, report.model_dump(mode="json", by_alias=True))
        print(f"kept as milestone {number} ({save})", file=sys.stderr)
    return emit(render_report(report, fmt), output)


def _report(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from advisor.models.report import Report
    from advisor.cli.output import render_report
    from advisor.store import ProgressStore

    with ProgressStore() as store:
        if args.list:
            rows = store.milestones()
            if not rows:
                print("No recommendation kept yet: advisor recommend --answers FILE --save NAME, or k in the TUI.")
            for number, name, created in rows:
                print(f"{number:>4}  {created[:16].replace('T', ' ')}  {name}")
            return EXIT_OK
        refs = args.compare or [args.ref]
        found = []
        for ref in refs:
            milestone = store.milestone(ref)
            if milestone is None:
                _err(f"no kept recommendation {ref!r}" if ref else "no recommendation kept yet; use recommend --save NAME")
                return EXIT_USAGE
            try:
                found.append((milestone[1], Report.model_validate(milestone[3])))
            except ValidationError:
                _err(f"milestone {milestone[0]} was made by another advisor version and cannot be read")
                return EXIT_FAILURE
    if args.output is not None and (problem := check_output(args.output, args.force)):
        _err(problem)
        return EXIT_USAGE
    if args.compare:
        from advisor.reports.compare import compare_markdown

        (name_a, a), (name_b, b) = found
        return emit(compare_markdown(name_a, a, name_b, b), args.output)
    return emit(render_report(found[0][1], args.format), args.output)


def _quiz(args: argparse.Namespace) -> int:
    names: list[str] = args.names
    if names and names[0] in ("import", "export"):
        from advisor.cli.quiz_files import export_quiz, import_quiz

        if len(names) != 2:
            _err(f"usage: advisor quiz {names[0]} {'FILE.gift' if names[0] == 'import' else 'QUIZ'} [-o FILE]")
            return EXIT_USAGE
        if names[0] == "import":
            return import_quiz(Path(names[1]), args.output, args.force)
        catalog = _load_catalog()
        return EXIT_USAGE if catalog is None else export_quiz(catalog, names[1], args.output, args.force)
    catalog = _load_catalog()
    if catalog is None:
        return EXIT_USAGE
    known = [q.id for q in catalog.quizzes]
    for name in names:
        if name not in known:
            from advisor.loading.validation import did_you_mean

            _err(f"unknown quiz {name!r}{did_you_mean(name, known)}; quizzes: {', '.join(known)}")
            return EXIT_USAGE
    if args.plain:
        from advisor.cli.plain import run_quiz

        return run_quiz(catalog, names, due=args.due, seed=args.seed, limit=args.limit)
    return _tui(None, start="quiz-due" if args.due else "quiz:" + ",".join(names) if names else "quiz")


def _validate(folders: list[Path]) -> int:
    from advisor.loading.catalog import load_catalog
    from advisor.loading.paths import shipped_folders, yaml_files
    from advisor.loading.problems import DataError

    missing = [str(f) for f in folders if not f.exists()]
    if missing:
        _err(f"no such file or folder: {', '.join(missing)}")
        return EXIT_USAGE
    try:
        if folders:
            reference = load_catalog()  # a pack may cite the shipped guide without copying it
            catalog = load_catalog(folders, complete=False, reference=reference)
        else:
            catalog = load_catalog()
            folders = shipped_folders()
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        files = len({p.file for p in exc.problems})
        _err(f"{len(exc.problems)} problem(s) in {files} file(s)")
        return EXIT_USAGE
    count = sum(len(yaml_files(f)) for f in folders)
    kinds: dict[str, int] = {}
    for f in catalog.files:
        kinds[f.kind] = kinds.get(f.kind, 0) + 1
    summary = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    print(f"ok: {count} file(s) valid ({summary or 'no data files'})")
    return EXIT_OK


def _schema(kind: str | None, output: Path | None) -> int:
    from advisor.models.kinds import KINDS
    from advisor.loading.schemas import schema_for
    from advisor.loading.validation import did_you_mean

    known = [*KINDS, "report"]
    if kind is not None and kind not in known:
        _err(f"unknown kind {kind!r}{did_you_mean(kind, known)}; kinds: {', '.join(known)}")
        return EXIT_USAGE
    kinds = [kind] if kind else [*KINDS, "report"]
    if output is None:
        document = schema_for(kinds[0]) if kind else {k: schema_for(k) for k in kinds}
        print(json.dumps(document, indent=2, ensure_ascii=False))
        return EXIT_OK
    if output.exists() and not output.is_dir():
        _err(f"{output} is a file; give a folder to write the schemas into")
        return EXIT_USAGE
    output.mkdir(parents=True, exist_ok=True)
    for k in kinds:
        (output / f"{k}.json").write_text(json.dumps(schema_for(k), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(kinds)} schema(s) to {output}")
    return EXIT_OK


def _progress(export: Path | None, import_: Path | None, force: bool) -> int:
    from advisor.store import ProgressStore, StoreError

    with ProgressStore() as store:
        for warning in store.warnings:
            _err(f"warning: {warning}")
        if export is not None:
            if problem := check_output(export, force):
                _err(problem)
                return EXIT_USAGE
            return emit(json.dumps(store.export_data(), indent=2, ensure_ascii=False) + "\n", export)
        if import_ is not None:
            try:
                data = json.loads(import_.read_text(encoding="utf-8"))
                changed, added = store.import_data(data)
            except OSError as exc:
                _err(f"cannot read {import_}: {exc.strerror or exc}")
                return EXIT_USAGE
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                _err(f"{import_}: not valid JSON ({exc})")
                return EXIT_USAGE
            except StoreError as exc:
                _err(f"{import_}: {exc}")
                return EXIT_USAGE
            print(f"imported {import_}: {changed} checklist change(s), {added} quiz answer(s) added")
            return EXIT_OK
        catalog = _load_catalog()
        if catalog is None:
            return EXIT_USAGE
        from advisor.cli.progress_table import print_progress

        print_progress(catalog, store)
        return EXIT_OK


def _tui(section: str | None, start: str | None = None) -> int:
    catalog = _load_catalog()
    if catalog is None:
        return EXIT_USAGE
    if section is not None and section not in {s.id for s in catalog.sections}:
        from advisor.loading.validation import did_you_mean

        ids = [s.id for s in catalog.sections]
        _err(f"unknown section {section!r}{did_you_mean(section, ids)}; sections: {', '.join(ids)}")
        return EXIT_USAGE
    if not interactive():
        _err("the full-screen interface needs a terminal; for scripts use the headless commands (see --help)")
        return EXIT_USAGE
    from advisor.store import ProgressStore
    from advisor.tui.app import AdvisorApp

    with ProgressStore() as store:
        AdvisorApp(catalog, store, section=section, start=start).run()
    return EXIT_OK
