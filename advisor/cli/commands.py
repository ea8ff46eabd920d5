"""The body of each command: `advisor <command>` parsed, then handed to one function here.

Only what a command uses is imported, so headless commands (`validate`, `schema`, `progress`,
`recommend --answers`) never load Textual and start quickly.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from advisor.cli import exit_codes
from advisor.cli.output import emit, err, in_browser, interactive, print_problems
from advisor.destination import why_not_writable
from advisor.text.plural import plural
from advisor.text.suggest import did_you_mean

if TYPE_CHECKING:  # kept out of start-up: `advisor --version` needs none of it
    from advisor.loading.cache import Digest
    from advisor.loading.catalog import Catalog
    from advisor.models.report import Report
    from advisor.models.workload import Workload
    from advisor.store import ProgressStore
    from advisor.tui.start import Start


@dataclass(frozen=True)
class Context:
    """What every command may need: the parsed arguments and the user's extra packs."""

    args: argparse.Namespace
    packs: tuple[Path, ...]

    def catalog(self) -> Catalog | None:
        """The shipped catalog plus any --pack folders, or None after printing every problem."""
        from advisor.loading.catalog import load_catalog
        from advisor.loading.paths import shipped_folders
        from advisor.loading.problems import DataError

        try:
            folders = [*shipped_folders(), *self.packs]
            return load_catalog(folders, cache=True)
        except DataError as exc:
            count = print_problems(exc.problems)
            err(f"{plural(count, 'problem')} in the data; fix them and try again")
            return None


def _unwritable(output: Path | None, force: bool) -> bool:
    """Print why `output` cannot be written, if it cannot."""
    problem = None if output is None else why_not_writable(output, force=force)
    if problem:
        err(problem)
    return problem is not None


def recommend(ctx: Context) -> int:
    """`advisor recommend`: headless with --answers, the plain prompts, or the TUI wizard."""
    args = ctx.args
    if args.answers is not None and args.plain:
        err("--plain asks the questions and --answers FILE gives the answers: use one of them")
        return exit_codes.USAGE
    if args.answers is not None and args.quick:
        err("--quick chooses which questions to ask and --answers FILE gives the answers: use one of them")
        return exit_codes.USAGE
    if args.trace and args.format not in (None, "json"):
        err(f"--trace prints text, or goes into the report with --format json; not with --format {args.format}")
        return exit_codes.USAGE
    priorities = _priorities(args.priority)
    if priorities is None:
        return exit_codes.USAGE
    if args.answers is None and not args.plain:
        flags = (
            ("-o", args.output),
            ("--format", args.format),
            ("--save", args.save),
            ("--trace", args.trace),
            ("--priority", args.priority),
        )
        given = [flag for flag, value in flags if value]
        if given:
            err(
                f"{', '.join(given)} go with --answers FILE or --plain; in the full-screen wizard the "
                "recommendation is exported with e, kept with k, weighted with w and traced with x"
            )
            return exit_codes.USAGE
        from advisor.tui.start import Start

        return _tui(ctx, Start("advise", quick=args.quick))
    from advisor.advise.engine import recommend as advise
    from advisor.reports.build import build_report
    from advisor.reports.formats import render_report

    if _unwritable(args.output, args.force):
        return exit_codes.USAGE
    if args.plain:
        from advisor.cli.plain import can_prompt

        if not can_prompt():
            err("--plain asks questions and needs a terminal; use --answers FILE in scripts")
            return exit_codes.USAGE
    if args.save is not None and _milestone_name_taken(args.save):  # said before any question is asked
        return exit_codes.USAGE
    catalog = ctx.catalog()
    if catalog is None:
        return exit_codes.USAGE
    workload = _workload(ctx, catalog)
    if isinstance(workload, int):
        return workload
    weights = {**workload.priorities, **priorities}  # a flag weighs over the file
    rec = advise(catalog, workload.answers, priorities=weights, trace=args.trace)
    report = build_report(catalog, rec, notes=workload.notes, decisions=workload.decisions)
    kept_as: int | None = None  # the radar's Adopt ring reads the milestones kept before this one
    if args.save is not None:
        from advisor.store import MilestoneError, ProgressStore

        try:
            with ProgressStore() as store:
                # a milestone keeps the verdicts and reasons; the trace is for checking, not keeping
                data = report.model_dump(mode="json", by_alias=True, exclude={"technologies": {"__all__": {"trace"}}})
                kept_as = store.save_milestone(args.save, dict(workload.answers), data)
        except MilestoneError as exc:
            err(f"not kept: {exc}")
            return exit_codes.USAGE
        print(f"kept as milestone {kept_as} ({args.save.strip()})", file=sys.stderr)
    if args.trace and args.format is None:
        from advisor.reports.trace_text import trace_text

        return emit(trace_text(report), args.output)
    fmt = args.format or "md"
    return emit(render_report(report, fmt, _kept_before(fmt, kept_as)), args.output)


def _priorities(given: list[str]) -> dict[str, str] | None:
    """`--priority cost=high` flags as a mapping; None after saying what is wrong (unknown concern or level)."""
    from advisor.advise.priorities import problems, weighted_concerns

    found: dict[str, str] = {}
    for flag in given:
        concern, equals, level = flag.partition("=")
        if not equals:
            err(f"--priority {flag}: write CONCERN=LEVEL, e.g. cost=high; concerns: {', '.join(weighted_concerns())}")
            return None
        wrong = problems({concern.strip(): level.strip()})
        if wrong:
            err(f"--priority {flag}: {wrong[0]}")
            return None
        found[concern.strip()] = level.strip()
    return found


def _workload(ctx: Context, catalog: Catalog) -> Workload | int:
    """The workload: from --answers FILE, or asked with plain prompts (with the priorities, notes and
    decisions kept in the store); or the exit code."""
    if ctx.args.plain:
        from advisor.advise.questionnaire import CURRENT_WORKLOAD
        from advisor.cli.plain import ask_workload
        from advisor.models.workload import Workload
        from advisor.store import ProgressStore

        asked = ask_workload(catalog, quick=ctx.args.quick, priorities=_priorities(ctx.args.priority) or {})
        if asked is None:
            return exit_codes.INTERRUPTED
        with ProgressStore() as store:
            kept = store.workload(CURRENT_WORKLOAD) or Workload()
        return kept.model_copy(update={"answers": asked})
    from advisor.advise.answers import load_workload
    from advisor.loading.problems import DataError

    try:
        technologies = [t.id for t in catalog.technologies.technologies]
        return load_workload(ctx.args.answers, catalog.questions, technologies)
    except DataError as exc:
        print_problems(exc.problems)
        return exit_codes.USAGE


def _kept_before(fmt: str, number: int | None = None) -> list[Report]:
    """The kept recommendations (before milestone `number`) for a format that reads them, else none."""
    from advisor.reports.formats import FORMATS

    if not FORMATS[fmt].uses_kept:
        return []
    from advisor.reports.milestones import kept_reports
    from advisor.store import ProgressStore

    with ProgressStore() as store:
        return kept_reports(store, before=number)


def _milestone_name_taken(name: str) -> bool:
    """Print why `name` cannot name a new milestone, if it cannot."""
    from advisor.store import ProgressStore

    with ProgressStore() as store:
        problem = store.milestone_name_problem(name)
    if problem:
        err(f"{problem} (advisor report --list shows them; --rename and --delete change them)")
    return problem is not None


def answers_template(ctx: Context) -> int:
    """`advisor answers-template`: an answers file to fill in, every question and choice explained."""
    from advisor.advise.answers import dump_workload
    from advisor.models.workload import Workload

    args = ctx.args
    if _unwritable(args.output, args.force):
        return exit_codes.USAGE
    catalog = ctx.catalog()
    if catalog is None:
        return exit_codes.USAGE
    return emit(dump_workload(Workload(), catalog.questions, catalog.technologies.technologies), args.output)


def report(ctx: Context) -> int:
    """`advisor report`: list, re-render, compare, rename or delete kept recommendations."""
    from advisor.reports.formats import FORMATS, comparable_formats, render_report
    from advisor.reports.milestones import UnreadableMilestone, read_report
    from advisor.store import MilestoneError, ProgressStore

    args = ctx.args
    if args.ref is not None and (args.list or args.compare or args.rename or args.delete):
        err(f"{args.ref!r}: --list, --compare, --rename and --delete take no other milestone")
        return exit_codes.USAGE
    if args.compare and FORMATS[args.format].comparer is None:
        err(f"--compare writes {' or '.join(comparable_formats())}, not {args.format}")
        return exit_codes.USAGE
    with ProgressStore() as store:
        if args.list:
            _list_milestones(store)
            return exit_codes.OK
        try:
            if args.rename:
                ref, name = args.rename
                was = store.rename_milestone(ref, name)
                print(f"milestone {was.number} ({was.name}) is now called {name.strip()}")
                return exit_codes.OK
            if args.delete:
                was = store.delete_milestone(args.delete)
                print(f"deleted milestone {was.number} ({was.name}), kept {_when(was.created_at)}")
                return exit_codes.OK
        except MilestoneError as exc:
            err(str(exc))
            return exit_codes.USAGE
        refs = args.compare or [args.ref]
        found = []
        for ref in refs:
            milestone = store.milestone(ref)
            if milestone is None:
                err(
                    f"no kept recommendation {ref!r}; advisor report --list shows them"
                    if ref
                    else "no recommendation kept yet; use recommend --save NAME"
                )
                return exit_codes.USAGE
            try:
                found.append((milestone.number, milestone.name, read_report(milestone)))
            except UnreadableMilestone as exc:
                err(str(exc))
                return exit_codes.FAILURE
    if _unwritable(args.output, args.force):
        return exit_codes.USAGE
    if args.compare:
        (_, name_a, a), (number_b, name_b, b) = found
        fmt = FORMATS[args.format]
        return emit(fmt.compare(name_a, a, name_b, b, _kept_before(fmt.name, number_b)), args.output)
    number, _, kept = found[0]
    return emit(render_report(kept, args.format, _kept_before(args.format, number)), args.output)


def _when(created_at: str) -> str:
    """A stored UTC time as the lists show it: '2026-12-02 10:14'."""
    return created_at[:16].replace("T", " ")


def _list_milestones(store: ProgressStore) -> None:
    """One line per kept recommendation: number, when, confidence, questions answered, name."""
    from advisor.reports.milestones import UnreadableMilestone, read_report

    rows = store.milestones()
    if not rows:
        print("No recommendation kept yet: advisor recommend --answers FILE --save NAME, or k in the TUI.")
        return
    print(f"{'#':>4}  {'kept (UTC)':<16}  {'confidence':<10}  {'answered':<8}  name")
    for row in rows:
        milestone = store.milestone(row.number)
        try:
            kept = read_report(milestone) if milestone is not None else None
        except UnreadableMilestone:
            kept = None
        if kept is None:
            confidence, answered = "?", "?"
        else:
            confidence = kept.confidence_label
            answered = f"{len(kept.answers)} of {len(kept.answers) + len(kept.unanswered)}"
        print(f"{row.number:>4}  {_when(row.created_at):<16}  {confidence:<10}  {answered:<8}  {row.name}")


def quiz(ctx: Context) -> int:
    """`advisor quiz`: a session in the TUI or plain prompts, GIFT import, or GIFT and Anki export."""
    args = ctx.args
    names: list[str] = args.names
    if names and names[0] in ("import", "export"):
        from advisor.cli.quiz_files import export_quiz, import_quiz

        if len(names) != 2:
            usage = (
                "import FILE.gift [-o FILE]" if names[0] == "import" else "export QUIZ [--format gift|anki] [-o FILE]"
            )
            err(f"usage: advisor quiz {usage}")
            return exit_codes.USAGE
        if names[0] == "import":
            return import_quiz(Path(names[1]), args.output, args.force, args.quiz_id)
        catalog = ctx.catalog()
        if catalog is None:
            return exit_codes.USAGE
        return export_quiz(catalog, names[1], args.output, args.force, args.format)
    catalog = ctx.catalog()
    if catalog is None:
        return exit_codes.USAGE
    known = [q.id for q in catalog.quizzes]
    for name in names:
        if name not in known:
            err(f"unknown quiz {name!r}{did_you_mean(name, known)}; quizzes: {', '.join(known)}")
            return exit_codes.USAGE
    from advisor.quiz.session import QuizPlan

    if args.resume and (names or args.due or args.limit is not None or args.seed is not None):
        err("--resume continues the quiz you stopped, as it was: name no quiz and no --due, --limit or --seed")
        return exit_codes.USAGE
    plan = QuizPlan(tuple(names), due=args.due, limit=args.limit, seed=args.seed, resume=args.resume)
    if args.plain:
        from advisor.cli.plain import run_quiz

        return run_quiz(catalog, plan)
    from advisor.tui.start import Start

    # `advisor quiz` alone opens the chooser (which offers to resume); anything more says which session
    wants_session = bool(names) or args.due or args.resume or args.limit is not None or args.seed is not None
    return _tui(ctx, Start("quiz", quiz=plan if wants_session else None), catalog)


def validate(ctx: Context) -> int:
    """`advisor validate [DIR...]`: check the shipped data, or a user's packs against it."""
    from advisor.loading.catalog import load_catalog
    from advisor.loading.paths import shipped_folders, yaml_files
    from advisor.loading.problems import DataError

    folders: list[Path] = ctx.args.folders
    missing = [str(f) for f in folders if not f.exists()]
    if missing:
        err(f"no such file or folder: {', '.join(missing)}")
        return exit_codes.USAGE
    try:
        if folders:
            reference = load_catalog()  # a pack may cite the shipped guide without copying it
            catalog = load_catalog(folders, complete=False, reference=reference)
        else:
            catalog = load_catalog()
            folders = shipped_folders()
    except DataError as exc:
        count = print_problems(exc.problems)
        files = len({p.file for p in exc.problems})
        err(f"{plural(count, 'problem')} in {plural(files, 'file')}")
        return exit_codes.USAGE
    count = sum(len(yaml_files(f)) for f in folders)
    kinds: dict[str, int] = {}
    for f in catalog.files:
        kinds[f.kind] = kinds.get(f.kind, 0) + 1
    summary = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    print(f"ok: {plural(count, 'file')} valid ({summary or 'no data files'})")
    from advisor.loading.checks.guessing import guessing_warnings

    for warning in guessing_warnings(catalog.files):
        err(f"warning: {warning}")
    months: int | None = ctx.args.stale
    if months is None:
        return exit_codes.OK
    from advisor.loading.checks.sources import all_sources, stale_sources

    stale = stale_sources(catalog.files, months)
    for problem in stale:
        print(problem)
    total = sum(1 for _ in all_sources(catalog.files))
    print(f"{len(stale)} of {plural(total, 'sourced fact')} last checked more than {plural(months, 'month')} ago")
    return exit_codes.USAGE if stale else exit_codes.OK


def schema(ctx: Context) -> int:
    """`advisor schema [KIND] [-o DIR]`: the JSON Schema of each YAML file kind and of the report."""
    from advisor.loading.schemas import schema_for
    from advisor.models.kinds import KINDS
    from advisor.reports.json_report import report_schema

    makers: dict[str, Callable[[], dict[str, Any]]] = {k: partial(schema_for, k) for k in KINDS}
    makers["report"] = report_schema
    kind: str | None = ctx.args.kind
    output: Path | None = ctx.args.output
    if kind is not None and kind not in makers:
        err(f"unknown kind {kind!r}{did_you_mean(kind, makers)}; kinds: {', '.join(makers)}")
        return exit_codes.USAGE
    kinds = [kind] if kind else list(makers)
    if output is None:
        document = makers[kinds[0]]() if kind else {k: makers[k]() for k in kinds}
        return emit(json.dumps(document, indent=2, ensure_ascii=False) + "\n", None)
    if output.exists() and not output.is_dir():
        err(f"{output} is a file; give a folder to write the schemas into")
        return exit_codes.USAGE
    there = [f"{k}.json" for k in kinds if (output / f"{k}.json").exists()]
    if there and not ctx.args.force:
        shown = ", ".join(there[:3]) + (f" and {len(there) - 3} more" if len(there) > 3 else "")
        err(f"{output} holds {shown} already; add --force to overwrite")
        return exit_codes.USAGE
    output.mkdir(parents=True, exist_ok=True)
    for k in kinds:
        text = json.dumps(makers[k](), indent=2, ensure_ascii=False) + "\n"
        (output / f"{k}.json").write_text(text, encoding="utf-8")
    print(f"wrote {plural(len(kinds), 'schema')} to {output}")
    return exit_codes.OK


def progress(ctx: Context) -> int:
    """`advisor progress`: the checklist and quiz history, or an export or import of all progress."""
    from advisor.store import ProgressStore, StoreError

    args = ctx.args
    with ProgressStore() as store:
        for warning in store.warnings:
            err(f"warning: {warning}")
        if args.export is not None:
            if _unwritable(args.export, args.force):
                return exit_codes.USAGE
            return emit(json.dumps(store.export_data(), indent=2, ensure_ascii=False) + "\n", args.export)
        if args.import_ is not None:
            source: Path = args.import_
            try:
                data = json.loads(source.read_text(encoding="utf-8"))
                summary = store.import_data(data)
            except OSError as exc:
                err(f"cannot read {source}: {exc.strerror or exc}")
                return exit_codes.USAGE
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                err(f"{source}: not valid JSON ({exc})")
                return exit_codes.USAGE
            except StoreError as exc:
                err(f"{source}: {exc}")
                return exit_codes.USAGE
            added = [
                plural(summary.ticks_changed, "checklist change"),
                plural(summary.answers_added, "quiz answer"),
                plural(summary.milestones_added, "milestone"),
            ]
            print(f"imported {source}: {', '.join(added[:2])} and {added[2]} added")
            for name, kept_as in summary.renamed:
                print(f"  milestone {name!r} is kept as {kept_as!r}: a milestone here has that name")
            return exit_codes.OK
        catalog = ctx.catalog()
        if catalog is None:
            return exit_codes.USAGE
        from advisor.cli.progress_table import print_progress

        print_progress(catalog, store)
        return exit_codes.OK


def home(ctx: Context) -> int:
    """`advisor` alone: the TUI at Home, drawn at once when the data is as a previous run left it.

    Home needs only the guide's title and its checklist ids, which the catalog cache keeps in
    its header; the catalog itself then loads on a thread behind the first frame. Data that
    changed (or no cache) is loaded and checked first, so problems are reported before the UI.
    """
    from advisor.loading.cache import cache_key, read_digest
    from advisor.loading.paths import shipped_folders, yaml_files
    from advisor.tui.start import Start

    folders = [*shipped_folders(), *ctx.packs]
    digest = read_digest(cache_key([p for folder in folders for p in yaml_files(folder)]))
    if digest is None:
        return _tui(ctx, Start())

    def load() -> Catalog:
        from advisor.loading.catalog import load_catalog

        return load_catalog(folders, cache=True)

    return _tui(ctx, Start(), load, digest)


def learn(ctx: Context) -> int:
    """`advisor learn [SECTION]`: the TUI at Learn, or at a section."""
    from advisor.tui.start import Start

    section: str | None = getattr(ctx.args, "section", None)
    catalog = ctx.catalog()
    if catalog is None:
        return exit_codes.USAGE
    if section is not None and section not in {s.id for s in catalog.sections}:
        ids = [s.id for s in catalog.sections]
        err(f"unknown section {section!r}{did_you_mean(section, ids)}; sections: {', '.join(ids)}")
        return exit_codes.USAGE
    return _tui(ctx, Start("learn", section=section), catalog)


def _tui(
    ctx: Context,
    start: Start,
    catalog: Catalog | Callable[[], Catalog] | None = None,
    digest: Digest | None = None,
) -> int:
    if not (interactive() or in_browser()):
        err("the full-screen interface needs a terminal; for scripts use the headless commands (see --help)")
        return exit_codes.USAGE
    catalog = catalog or ctx.catalog()
    if catalog is None:
        return exit_codes.USAGE
    from advisor.store import ProgressStore
    from advisor.tui.app import AdvisorApp

    with ProgressStore() as store:
        app = AdvisorApp(catalog, store, start=start, digest=digest)
        app.run()
    if app.load_error is not None:  # the files changed while the app was starting
        from advisor.loading.problems import DataError

        if isinstance(app.load_error, DataError):
            count = print_problems(app.load_error.problems)
            err(f"{plural(count, 'problem')} in the data; fix them and try again")
            return exit_codes.USAGE
        raise app.load_error
    return exit_codes.OK


def serve(ctx: Context) -> int:
    """`advisor serve`: the full-screen interface in a browser, one advisor per connection."""
    if ctx.catalog() is None:  # said once here, not by every connection's app (and the cache is warm)
        return exit_codes.USAGE
    from advisor.cli.serve import serve as serve_app

    args = ctx.args
    return serve_app(args.host, args.port, ctx.packs, isolated=args.isolated, public_url=args.public_url)


COMMANDS: dict[str | None, Callable[[Context], int]] = {
    None: home,
    "learn": learn,
    "recommend": recommend,
    "report": report,
    "answers-template": answers_template,
    "quiz": quiz,
    "validate": validate,
    "schema": schema,
    "progress": progress,
    "serve": serve,
}
