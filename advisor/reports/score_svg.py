"""The score chart as inline SVG for the HTML report: no script, no external resource.

Readable in black and white: each verdict has its own fill (solid, hatched, cross-hatched) and
every bar is labelled with its score and verdict in words; a veto is written, not drawn as a
score. `<title>` and `<desc>` (with every number) are its text alternative. Every string from
the data is escaped, control characters made visible first (XML refuses them even escaped).
"""

from __future__ import annotations

import textwrap
from html import escape

from advisor.models.recommendation import Verdict
from advisor.models.report import Report
from advisor.reports.score_chart import ScoreRow, ScoreScale, row_text, score_groups, score_scale
from advisor.text.controls import visible
from advisor.text.numbers import signed

WIDTH = 760
LABEL_X, LABEL_CHARS = 4, 34  # labels wrap at about this many characters of 13 px type
PLOT_X0, PLOT_X1 = 270, 610  # the axis, in px
VALUE_X = 620
TOP = 56  # below the axis and its labels
LINE = 16  # a line of label text
BAR = 14
INK = "#1b1b1b"
ID = "score-chart"  # prefix of the ids inside the SVG (one chart per page)

# the fill of each verdict: solid, hatched, cross-hatched (they tell apart in black and white)
FILL: dict[Verdict, str] = {
    "recommended": "#1a7f37",
    "consider": f"url(#{ID}-hatch)",
    "avoid": f"url(#{ID}-cross)",
}
STROKE: dict[Verdict, str] = {"recommended": "#1a7f37", "consider": "#8a5a00", "avoid": "#b3261e"}
LEGEND: tuple[tuple[Verdict, str], ...] = (("recommended", "solid"), ("consider", "hatched"), ("avoid", "crossed"))
PATTERNS = f"""<defs>
<pattern id="{ID}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
<rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#8a5a00" stroke-width="3"/></pattern>
<pattern id="{ID}-cross" width="6" height="6" patternUnits="userSpaceOnUse">\
<rect width="6" height="6" fill="#fff"/><path d="M0 0L6 6M6 0L0 6" stroke="#b3261e" stroke-width="1.5"/></pattern>
</defs>"""


def _text(value: str) -> str:
    """Data text made safe inside an SVG (XML) element or attribute."""
    return escape(visible(value), quote=True)


def _x(scale: ScoreScale, value: float) -> float:
    return round(PLOT_X0 + scale.at(value) * (PLOT_X1 - PLOT_X0), 1)


def _row(scale: ScoreScale, row: ScoreRow, y: int) -> tuple[list[str], int]:
    """A row's label, bar (or veto) and value, from `y` down; returns the elements and its height."""
    indent = 14 if row.scope else 0
    labels = textwrap.wrap(row.label, LABEL_CHARS - indent // 7) or [""]
    height = max(len(labels) * LINE, BAR) + 8
    size = ' font-size="12"' if row.scope else ""
    spans = "".join(
        f'<tspan x="{LABEL_X + indent}" dy="{0 if i == 0 else LINE}">{_text(line)}</tspan>'
        for i, line in enumerate(labels)
    )
    parts = [f'<text y="{y + 12}"{size}>{spans}</text>']
    mid = y + 12  # the baseline of the first line; the bar sits on it
    verdict = f"{signed(row.score)} {row.verdict}"
    if row.vetoed:
        parts.append(
            f'<text class="veto" x="{PLOT_X0 + 4}" y="{mid}" font-weight="bold" '
            f'fill="{STROKE["avoid"]}">✗ vetoed</text>'
        )
        verdict = "vetoed: avoid"
    else:
        x0, x1 = sorted((_x(scale, 0), _x(scale, row.score)))
        width = max(x1 - x0, 1.5)  # a score of 0 still shows a sliver at the zero line
        parts.append(
            f'<rect class="bar" x="{x0}" y="{mid - BAR + 3}" width="{round(width, 1)}" height="{BAR}" '
            f'fill="{FILL[row.verdict]}" stroke="{STROKE[row.verdict]}"/>'
        )
    parts.append(f'<text x="{VALUE_X}" y="{mid}"{size}>{_text(verdict)}</text>')
    return parts, height


def render_score_svg(report: Report) -> str:
    """The chart as one `<svg>` element (with its xmlns, so it parses on its own as well)."""
    scale = score_scale(report)
    th = report.thresholds
    body: list[str] = []
    words: list[str] = []
    y = TOP
    for group in score_groups(report):
        body.append(f'<text x="{LABEL_X}" y="{y + 16}" font-weight="bold">{_text(group.title)}</text>')
        y += 24
        for row in group.rows:
            parts, height = _row(scale, row, y)
            body += parts
            y += height
        words.append(f"{group.title}: " + "; ".join(row_text(r) for r in group.rows) + ".")
    bottom = y + 4
    axis = [f'<line x1="{PLOT_X0}" y1="{TOP - 4}" x2="{PLOT_X1}" y2="{TOP - 4}" stroke="{INK}"/>']
    names = {
        scale.avoid: f"avoid at {signed(scale.avoid)} or less",
        scale.recommended: f"recommended at {signed(scale.recommended)} or more",
    }
    for value in sorted({scale.low, scale.avoid, 0, scale.recommended, scale.high}):
        x = _x(scale, value)
        number = signed(value) if value else "0"
        axis.append(f'<text x="{x}" y="{TOP - 10}" text-anchor="middle">{number}</text>')
        if value in names:  # a threshold: a dashed line down the chart, named above its number
            anchor = "end" if value < 0 else "start"  # the name reads away from zero: never over the other
            axis.append(f'<text x="{x}" y="{TOP - 26}" text-anchor="{anchor}">{names[value]}</text>')
            axis.append(
                f'<line class="threshold" x1="{x}" y1="{TOP - 4}" x2="{x}" y2="{bottom}" stroke="{INK}" '
                'stroke-dasharray="4 3"/>'
            )
        elif value == 0:  # where every bar starts
            axis.append(f'<line class="zero" x1="{x}" y1="{TOP - 8}" x2="{x}" y2="{bottom}" stroke="{INK}"/>')
        else:
            axis.append(f'<line x1="{x}" y1="{TOP - 8}" x2="{x}" y2="{TOP - 4}" stroke="{INK}"/>')
    legend_y = bottom + 22
    legend = []
    for i, (verdict, name) in enumerate(LEGEND):
        x = LABEL_X + i * 200
        legend.append(
            f'<rect x="{x}" y="{legend_y - 11}" width="18" height="12" fill="{FILL[verdict]}" '
            f'stroke="{STROKE[verdict]}"/><text x="{x + 24}" y="{legend_y}">{verdict} ({name})</text>'
        )
    legend_y += 20
    legend.append(f'<text x="{LABEL_X}" y="{legend_y}">Bars start at 0; the dashed lines are the thresholds.</text>')
    height = legend_y + 10
    title = "Scores by decision"
    desc = (
        f"Each technology's score against the thresholds: recommended at {signed(th['recommended'])} or more, "
        f"avoid at {signed(th['avoid'])} or less; a veto means avoid whatever the score. " + " ".join(words)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{ID}-title {ID}-desc" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" style="max-width:{WIDTH}px" '
        f'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif" font-size="13" fill="{INK}">\n'
        f'<title id="{ID}-title">{title}</title>\n<desc id="{ID}-desc">{_text(desc)}</desc>\n{PATTERNS}\n'
        + "\n".join([*axis, *body, *legend])
        + "\n</svg>\n"
    )


def with_score_chart(body: str, report: Report) -> str:
    """The report's HTML body with the chart as a section of its own, after the summary and risks."""
    section = f'<h2>Scores</h2>\n<figure class="scores">\n{render_score_svg(report)}</figure>\n'
    marker = "<h2>Workload</h2>"
    if marker in body:
        return body.replace(marker, section + marker, 1)
    return body + section  # never lose the chart if the sections change
