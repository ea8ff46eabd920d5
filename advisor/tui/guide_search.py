"""The command palette's search of the guide: type 'cold start' and open that concept.

The index is built once per app, off the event loop, the first time the palette opens; each
search then only scans it (a few milliseconds). What a hit opens is a navigation target, so a
concept opens in its section, a checklist item on the Checklist tab, and a quiz starts.
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import Hit, Hits, Provider

if TYPE_CHECKING:
    from advisor.learn.search import Entry
    from advisor.tui.app import AdvisorApp


class GuideSearch(Provider):
    """Hits for the words typed: sections, concepts, checklist items, exercises, use cases and quizzes."""

    _index: list[Entry] | None = None

    async def startup(self) -> None:
        app = cast("AdvisorApp", self.app)
        if getattr(app, "_guide_index", None) is None:
            from advisor.learn.search import entries

            # the catalog may still be loading behind Home: wait for it in a thread, not on the loop
            app._guide_index = await asyncio.to_thread(lambda: entries(app.catalog))
        self._index = app._guide_index

    async def search(self, query: str) -> Hits:
        from advisor.learn.search import search

        app = cast("AdvisorApp", self.app)
        matcher = self.matcher(query)
        for found in search(self._index or [], query):
            entry = found.entry
            # a title holding every word ranks above one whose body does; the matcher orders within
            score = (0.5 + matcher.match(entry.title) / 2) if found.in_title else 0.25
            yield Hit(score, matcher.highlight(entry.title), partial(app.action_open, entry.target), help=entry.where)
