"""What the command line asks the app to open, typed: built by the CLI, read by the app on mount.

Kept free of Textual so the CLI can build it before deciding to start the full-screen app.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from advisor.quiz.plan import QuizPlan


@dataclass(frozen=True)
class Start:
    """The first screen: Home, a section of the guide, the Advise wizard, or a quiz."""

    screen: Literal["home", "learn", "advise", "quiz"] = "home"
    section: str | None = None  # with "learn": open at this section
    quiz: QuizPlan | None = None  # with "quiz": start this session at once; None shows the chooser
    quick: bool = False  # with "advise": quick mode (ask what could still change a verdict first)
