"""The guide rendered as Markdown, for the reader screens and, later, the reports.

Pure text building: no Textual, no Rich. Markdown is not Rich markup, so `[brackets]` in
content show as written; only a bracket followed by `(` could form a link, and that is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence

from advisor.models.base import SourceRef
from advisor.models.content import Concept, Exercise, Figure, Guide, MinuteRange, Origin, Resource, Section, UseCases
from advisor.text.markdown import inline, minutes, source_link


def _figure_row(f: Figure) -> str:
    span = f"{f.low:g}" if f.low == f.high else f"{f.low:g}–{f.high:g}"
    return f"| {inline(f.label)} | {span} {inline(f.unit)} |"


def concept_markdown(concept: Concept) -> str:
    """One key concept: its body, then its figures as a table."""
    parts = [f"## {inline(concept.title)}", ""]
    if concept.origin is Origin.ours:
        parts += ["*Written for advisor; the guide names this topic without explaining it.*", ""]
    parts.append(concept.body.rstrip())
    if concept.figures:
        parts += ["", "| Step | Time |", "| --- | --- |", *(_figure_row(f) for f in concept.figures)]
        if Origin.guide in {f.origin for f in concept.figures}:
            parts += ["", "*Figures: the guide's illustrative ranges, not measurements.*"]
    parts += sources_markdown([*concept.sources, *(s for f in concept.figures for s in f.sources)])
    return "\n".join(parts)


def sources_markdown(sources: Sequence[SourceRef]) -> list[str]:
    """A 'Sources' list (each with the day it was last checked), or nothing; each source once."""
    unique = list({(s.title, s.url, s.as_of): s for s in sources}.values())
    if not unique:
        return []
    return ["", "**Sources**", "", *(f"- {source_link(s.title, s.url, s.as_of.isoformat())}" for s in unique)]


def section_intro_markdown(section: Section) -> str:
    """The section's summary, its topics and the concepts it explains."""
    lines = [f"# {inline(section.title)}", "", inline(section.summary), ""]
    lines += [f"- **{inline(t.title)}**: {inline(t.summary)}" for t in section.topics]
    lines += ["", "**Key concepts:** " + " · ".join(inline(c.title) for c in section.concepts), ""]
    return "\n".join(lines)


def exercise_markdown(exercise: Exercise) -> str:
    lines = [
        f"## {inline(exercise.title)}",
        "",
        f"**Time:** {exercise.minutes} min · **Difficulty:** {exercise.difficulty.value}"
        + (" · *exercise written for advisor*" if exercise.origin is Origin.ours else ""),
        "",
        inline(exercise.goal),
        "",
    ]
    lines += [f"{i}. {inline(step)}" for i, step in enumerate(exercise.steps, 1)]
    return "\n".join(lines)


def exercises_markdown(section: Section) -> str:
    if not section.exercises:
        return "# Exercises\n\nThis section has no hands-on exercise.\n"
    return "# Exercises\n\n" + "\n\n".join(exercise_markdown(e) for e in section.exercises) + "\n"


def resource_line(resource: Resource) -> str:
    text = f"**{inline(resource.title)}**"
    if resource.url:
        text += f" — <{resource.url}>"
    text += f" *({resource.kind})*"
    if resource.note:
        text += f": {inline(resource.note)}"
    return f"- {text}"


def resources_markdown(section: Section) -> str:
    if not section.resources:
        return "# Resources\n\nNo resources listed.\n"
    return "# Resources\n\n" + "\n".join(resource_line(r) for r in section.resources) + "\n"


def _cited(sources: Sequence[SourceRef]) -> str:
    return "".join(f" (source: {source_link(s.title, s.url, s.as_of.isoformat())})" for s in sources)


def use_case_parts(use_cases: UseCases, names: dict[str, str]) -> list[tuple[str, str]]:
    """(technology name, Markdown) for each technology's use and avoid lists."""
    parts = []
    for lst in use_cases.lists:
        name = names.get(lst.technology, lst.technology)
        lines = [f"# {inline(name)}", ""]
        if lst.origin is Origin.ours:
            lines += ["*Written for advisor; the guide has no list for this technology.*", ""]
        lines += ["**Use it for**", ""]
        lines += [f"- ✓ **{inline(c.text)}** — {inline(c.why)}{_cited(c.sources)}" for c in lst.use]
        lines += ["", "**Avoid it for**", ""]
        lines += [f"- ✗ **{inline(c.text)}** — {inline(c.why)}{_cited(c.sources)}" for c in lst.avoid]
        parts.append((name, "\n".join(lines) + "\n"))
    return parts


def overview_parts(guide: Guide) -> list[tuple[str, str]]:
    """The guide's front matter as (title, Markdown) parts: about, before you start, timeline..."""
    total = MinuteRange(min=sum(t.minutes.min for t in guide.timeline), max=sum(t.minutes.max for t in guide.timeline))
    about = [
        f"# {inline(guide.title)}",
        "",
        inline(guide.summary),
        "",
        # the guide's size in KB is kept in the data but not shown: it tells a reader nothing
        f"**Difficulty:** {guide.difficulty}"
        f" · **Reading time:** {minutes(guide.reading_time.min, guide.reading_time.max)}",
    ]
    start = [
        "# Before you start",
        "",
        *(f"- {inline(p)}" for p in guide.prerequisites),
        "",
        "## Technical setup",
        "",
        *(f"- {inline(p)}" for p in guide.technical_setup),
    ]
    timeline = [
        "# Estimated timeline",
        "",
        "| Activity | Time |",
        "| --- | --- |",
        *(f"| {inline(t.label)} | {minutes(t.minutes.min, t.minutes.max)} |" for t in guide.timeline),
        f"| **Total** | **{minutes(total.min, total.max)}** |",
    ]
    criteria = [
        "# Completion criteria",
        "",
        *(f"- {inline(c.text)}" + (" *(optional)*" if c.optional else "") for c in guide.completion_criteria),
    ]
    related = [
        "# Related topics",
        "",
        # the guide is one phase of a longer curriculum whose other phases advisor does not have:
        # say so, rather than name "Phase 2" as if it were a page to open
        "*The guide is one part of a longer curriculum. These topics come from its other parts,"
        " which are not in advisor: read them elsewhere first if they are new to you.*",
        "",
        *(
            f"- **{inline(p.topic)}** (phase {p.phase} of the curriculum) — {inline(p.connection)}"
            for p in guide.related.previous
        ),
        "",
        "## Next steps",
        "",
        *(f"- {inline(s)}" for s in guide.related.next_steps),
    ]
    return [
        ("About", "\n".join(about) + "\n"),
        ("Before you start", "\n".join(start) + "\n"),
        ("Timeline", "\n".join(timeline) + "\n"),
        ("Completion criteria", "\n".join(criteria) + "\n"),
        ("Related topics", "\n".join(related) + "\n"),
    ]
