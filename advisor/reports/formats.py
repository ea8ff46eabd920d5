"""The one table of report formats: the CLI's --format choices, the export dialog and the tests read it.

Adding a format: a renderer module beside this one (Report → str) and one entry in FORMATS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
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

    def render(self, report: Report) -> str:
        """The report in this format."""
        module, function = self.renderer.split(":")
        render: Callable[[Report], str] = getattr(import_module(module), function)
        return render(report)

    def default_name(self, stem: str) -> str:
        """The file name to offer: 'architecture-recommendation-adr.md'."""
        return f"{stem}{self.stem_suffix}{self.suffix}"


FORMATS: dict[str, ReportFormat] = {
    f.name: f
    for f in (
        ReportFormat("md", "Markdown", ".md", "", "advisor.reports.markdown:render_markdown"),
        ReportFormat("html", "HTML (one self-contained file)", ".html", "", "advisor.reports.html:render_html"),
        ReportFormat("json", "JSON", ".json", "", "advisor.reports.json_report:render_json"),
        ReportFormat("adr", "Architecture Decision Record (MADR)", ".md", "-adr", "advisor.reports.adr:render_adr"),
    )
}


def render_report(report: Report, fmt: str) -> str:
    """`report` in the format named `fmt` (a key of FORMATS)."""
    return FORMATS[fmt].render(report)
