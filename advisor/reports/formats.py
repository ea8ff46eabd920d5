"""The one table of report formats: the CLI's --format choices, the export dialog and the tests read it.

Adding a format: a renderer module beside this one (Report → str) and one entry in FORMATS; give it
a `comparer` too if `advisor report --compare A B` can write it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the table is read by the CLI parser, which must start without pydantic
    from advisor.models.report import Report


@dataclass(frozen=True)
class ReportFormat:
    """One way to write a report: its name on the command line, label, file name and renderer."""

    name: str
    label: str  # what the export dialog shows
    suffix: str  # the file extension, with its dot
    stem_suffix: str  # added to the default file name, so an ADR and the Markdown report can sit side by side
    renderer: str  # "module:function", imported when first used (HTML needs markdown-it, the rest do not)
    also: tuple[str, ...] = ()  # other extensions a file of this format may have
    uses_kept: bool = False  # the renderer also reads the kept recommendations (the radar's Adopt ring)
    # "module:function" writing two kept recommendations A → B in this format (name_a, a, name_b, b,
    # and `kept` when uses_kept); None: `report --compare` refuses the format rather than write another
    comparer: str | None = None

    def fits(self, path: Path) -> bool:
        """Whether `path` has an extension of this format ('.md' for Markdown, '.htm' for HTML...)."""
        return path.suffix.lower() in (self.suffix, *self.also)

    def render(self, report: Report, kept: Sequence[Report] = ()) -> str:
        """The report in this format; `kept` are the recommendations kept before it (for `uses_kept`)."""
        module, function = self.renderer.split(":")
        if self.uses_kept:
            with_kept: Callable[[Report, Sequence[Report]], str] = getattr(import_module(module), function)
            return with_kept(report, kept)
        render: Callable[[Report], str] = getattr(import_module(module), function)
        return render(report)

    def compare(self, name_a: str, a: Report, name_b: str, b: Report, kept: Sequence[Report] = ()) -> str:
        """What changed from `a` to `b`, in this format; only for a format with a `comparer`."""
        if self.comparer is None:
            raise ValueError(f"{self.name} has no comparison form")
        module, function = self.comparer.split(":")
        found = getattr(import_module(module), function)
        text: str = found(name_a, a, name_b, b, kept) if self.uses_kept else found(name_a, a, name_b, b)
        return text

    def default_name(self, stem: str) -> str:
        """The file name to offer: 'advisor-recommendation-2026-12-02-adr.md'."""
        return f"{stem}{self.stem_suffix}{self.suffix}"


FORMATS: dict[str, ReportFormat] = {
    f.name: f
    for f in (
        ReportFormat(
            "md",
            "Markdown",
            ".md",
            "",
            "advisor.reports.markdown:render_markdown",
            also=(".markdown",),
            comparer="advisor.reports.compare:compare_markdown",
        ),
        ReportFormat(
            "html", "HTML (one self-contained file)", ".html", "", "advisor.reports.html:render_html", also=(".htm",)
        ),
        ReportFormat("json", "JSON", ".json", "", "advisor.reports.json_report:render_json"),
        ReportFormat(
            "adr",
            "Architecture Decision Record (MADR)",
            ".md",
            "-adr",
            "advisor.reports.adr:render_adr",
            also=(".markdown",),
        ),
        ReportFormat(
            "radar",
            "Tech radar (CSV for Build Your Own Radar)",
            ".csv",
            "-radar",
            "advisor.reports.radar:render_radar",
            uses_kept=True,
            comparer="advisor.reports.radar:compare_radar",
        ),
    )
}


def comparable_formats() -> list[str]:
    """The formats `advisor report --compare` can write."""
    return [f.name for f in FORMATS.values() if f.comparer is not None]


def render_report(report: Report, fmt: str, kept: Sequence[Report] = ()) -> str:
    """`report` in the format named `fmt` (a key of FORMATS); `kept`: the recommendations kept before it."""
    return FORMATS[fmt].render(report, kept)
