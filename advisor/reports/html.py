"""The report as one self-contained HTML file: the Markdown rendered by markdown-it-py, styles inline.

No script and no external resource, so it opens offline, attaches to a pull request, and prints.
Raw HTML in the Markdown is escaped (markdown-it's html option stays off).
"""

from __future__ import annotations

import html

from markdown_it import MarkdownIt

from advisor.models.report import Report
from advisor.reports.markdown import render_markdown
from advisor.reports.score_svg import with_score_chart

_CSS = """
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 60rem;
       margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
h1, h2, h3 { line-height: 1.25; } h2 { border-bottom: 1px solid #ddd; padding-bottom: .2rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: 1rem 0; } th, td { border: 1px solid #ccc; padding: .3rem .6rem; text-align: left; }
code { background: #f2f2f2; padding: 0 .2rem; border-radius: 3px; }
ul { padding-left: 1.4rem; } li { margin: .15rem 0; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } h2 { page-break-after: avoid; }
               h3, li { page-break-inside: avoid; } }
"""  # noqa: E501 - kept byte for byte: the golden HTML reports pin it


def render_html(report: Report) -> str:
    """A complete HTML document for the report."""
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    body = with_score_chart(md.render(render_markdown(report)), report)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(report.title)}</title>\n"
        f'<meta name="generator" content="advisor {html.escape(report.advisor_version)}">\n'
        f"<style>{_CSS}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )
