"""Writing what a command produced: to stdout or to a file, never over a file by accident."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # kept out of start-up: `advisor --version` needs none of it
    from advisor.loading.catalog import Catalog
    from advisor.models.recommendation import Recommendation
    from advisor.models.report import Report

EXIT_OK, EXIT_USAGE = 0, 2


def interactive() -> bool:
    """Whether both ends are a terminal (stdin may even be closed: then sys.stdin is None)."""
    return all(stream is not None and stream.isatty() for stream in (sys.stdin, sys.stdout))


def check_output(path: Path, force: bool) -> str | None:
    """Why `path` cannot be written as a report, or None when it can."""
    if path.is_dir():
        return f"{path} is a folder; give a file name"
    if path.exists() and not force:
        return f"{path} exists; add --force to overwrite it"
    if not path.parent.is_dir():
        return f"folder {path.parent} does not exist"
    return None


def emit(text: str, output: Path | None) -> int:
    """Print `text`, or write it to `output` (already checked with check_output)."""
    if output is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"advisor: cannot write {output}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"wrote {output}", file=sys.stderr)
    return EXIT_OK


FORMATS = ("md", "html", "json", "adr")
EXTENSIONS = {"md": "md", "html": "html", "json": "json", "adr": "md"}


def render_report(report: Report, fmt: str) -> str:
    """A built report in `fmt`: md, html, json or adr."""
    if fmt == "json":
        from advisor.reports.json_report import render_json

        return render_json(report)
    if fmt == "html":
        from advisor.reports.html import render_html

        return render_html(report)
    if fmt == "adr":
        from advisor.reports.adr import render_adr

        return render_adr(report)
    from advisor.reports.markdown import render_markdown

    return render_markdown(report)


def render(catalog: Catalog, rec: Recommendation, fmt: str) -> str:
    """The recommendation as a report in `fmt`."""
    from advisor.reports.build import build_report

    return render_report(build_report(catalog, rec), fmt)
