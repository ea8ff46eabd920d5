"""Messages the TUI's widgets post upwards; the screen or app that owns the state reacts to them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.message import Message


@dataclass
class TickChanged(Message):
    """The user ticked or unticked a checklist item."""

    item_id: str
    done: bool


@dataclass
class ProgressSaved(Message):
    """A tick reached the store; screens showing progress refresh."""


@dataclass
class Answered(Message):
    """An answer widget holds a complete response, ready to grade (the learner pressed enter)."""

    response: Any


@dataclass
class NotAnswered(Message):
    """The learner tried to submit something that is not an answer yet; `message` says what to do."""

    message: str


@dataclass
class CatalogLoaded(Message):
    """The catalog finished loading in the background (Home drew its first frame without it)."""


@dataclass
class ThemeChanged(Message):
    """The app's theme changed; sent to every screen in the stack (the app does not post upwards here)."""
