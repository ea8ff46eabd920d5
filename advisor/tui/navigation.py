"""Every place the app can open, in one table: bindings, the command palette and Learn read it.

A target is a destination's name, or `name:argument` for one that takes an argument
(`section:serverless`). Screens are imported when first opened, to keep start-up fast.

Adding a screen: its module under `screens/`, one `Destination` here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen

    from advisor.tui.app import AdvisorApp


@dataclass(frozen=True)
class Destination:
    """A screen the user can open: its name, how it is listed, and how it is built."""

    name: str
    title: str
    blurb: str
    make: Callable[[AdvisorApp, str], Screen[None]]  # the app and the target's argument ("" if none)
    page: bool = False  # one of the guide's reference pages, listed under the sections in Learn
    palette: bool = True  # offered in the command palette (those that take an argument list each one)


def _learn(app: AdvisorApp, _: str) -> Screen[None]:
    from advisor.tui.screens.learn import LearnScreen

    return LearnScreen()


def _section(app: AdvisorApp, section_id: str) -> Screen[None]:
    from advisor.tui.screens.section import SectionScreen

    return SectionScreen(app.catalog.section(section_id))


def _item(app: AdvisorApp, item_id: str) -> Screen[None]:
    """Where an item of the guide is shown: its section at that concept or checklist item, or its page."""
    from advisor.tui.screens.section import SectionScreen

    place = app.catalog.place(item_id)
    if place is None:
        raise KeyError(item_id)
    if place.section is not None:
        tab = {"concept": "concepts", "checklist": "checklist", "exercise": "exercises"}[place.kind]
        return SectionScreen(app.catalog.section(place.section), tab, item=item_id)
    return DESTINATIONS["use-cases" if place.kind == "use-case" else "matrix"].make(app, "")


def _advise(app: AdvisorApp, _: str) -> Screen[None]:
    from advisor.tui.screens.advise import AdviseScreen

    return AdviseScreen()


def _quiz(app: AdvisorApp, quiz_id: str) -> Screen[None]:
    """The quiz chooser; `quiz:<id>` starts that quiz straight away."""
    from advisor.quiz.plan import QuizPlan
    from advisor.tui.screens.quiz import QuizChooser

    if quiz_id and quiz_id not in {q.id for q in app.catalog.quizzes}:
        raise KeyError(quiz_id)
    return QuizChooser(QuizPlan((quiz_id,)) if quiz_id else None)


def _milestones(app: AdvisorApp, _: str) -> Screen[None]:
    from advisor.tui.screens.milestones import MilestonesScreen

    return MilestonesScreen()


def _matrix(app: AdvisorApp, _: str) -> Screen[None]:
    from advisor.tui.screens.reference import MatrixScreen

    return MatrixScreen()


def _comparison(app: AdvisorApp, _: str) -> Screen[None]:
    from advisor.tui.screens.reference import ComparisonScreen

    return ComparisonScreen()


def _benchmarks(app: AdvisorApp, _: str) -> Screen[None]:
    from advisor.tui.screens.reference import BenchmarksScreen

    return BenchmarksScreen()


def _use_cases(app: AdvisorApp, _: str) -> Screen[None]:
    from advisor.learn.markdown import use_case_parts
    from advisor.tui.screens.pages import MarkdownPage

    names = {row.id: row.name for row in app.catalog.matrix.technologies}
    return MarkdownPage("Use and avoid", use_case_parts(app.catalog.use_cases, names))


def _overview(app: AdvisorApp, _: str) -> Screen[None]:
    from advisor.learn.markdown import overview_parts
    from advisor.tui.screens.pages import MarkdownPage

    return MarkdownPage("About this guide", overview_parts(app.catalog.guide))


def _checklist(app: AdvisorApp, _: str) -> Screen[None]:
    from advisor.tui.screens.checklist import ChecklistScreen

    return ChecklistScreen()


DESTINATIONS: dict[str, Destination] = {
    d.name: d
    for d in (
        Destination("learn", "Learn", "Sections and reference pages", _learn),
        Destination("advise", "Advise", "Describe a workload, get a recommendation", _advise),
        Destination("quiz", "Quiz", "Test yourself on a section, or review what is due", _quiz),
        Destination("section", "Read", "A section of the guide", _section, palette=False),
        Destination("item", "Read", "An item of the guide where it is shown", _item, palette=False),
        Destination(
            "matrix",
            "Decision matrix",
            "Six technologies by complexity, cost at scale and best fit.",
            _matrix,
            page=True,
        ),
        Destination(
            "comparison", "REST · GraphQL · gRPC", "The three API styles side by side.", _comparison, page=True
        ),
        Destination(
            "use-cases", "Use and avoid", "When to reach for each technology, and when not to.", _use_cases, page=True
        ),
        Destination(
            "benchmarks",
            "Payload and latency",
            "The guide's illustrative size and latency figures.",
            _benchmarks,
            page=True,
        ),
        Destination(
            "checklist", "Learning checklist", "Every checklist item of the guide in one list.", _checklist, page=True
        ),
        Destination(
            "overview", "About this guide", "Prerequisites, setup, timeline, completion criteria.", _overview, page=True
        ),
        Destination("milestones", "Kept recommendations", "Compare two milestones", _milestones),
    )
}
PAGES = [d for d in DESTINATIONS.values() if d.page]


def screen_for(app: AdvisorApp, target: str) -> Screen[None] | None:
    """The screen for `target` ('learn', 'section:serverless'...), or None for an unknown one."""
    name, _, argument = target.partition(":")
    destination = DESTINATIONS.get(name)
    if destination is None:
        return None
    try:
        return destination.make(app, argument)
    except KeyError:  # e.g. a section id that is not in the catalog
        return None
