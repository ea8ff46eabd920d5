"""A closed screen is freed: nothing the app keeps (watchers, idle worker threads) holds on to it.

Two ways it was not: a screen watching `App.theme` stayed in the app's watcher list until the
theme next changed, and a Textual thread worker stayed in its idle pool thread's context.
"""

from __future__ import annotations

import gc
import weakref

import pytest


@pytest.mark.parametrize(
    ("opens", "keys"),
    [
        ("section:serverless", ["n", "2"]),  # its mastery is read in a thread
        ("matrix", []),  # it follows the theme
        ("advise", ["r"]),  # the verdicts are worked out in a thread (and the results open)
    ],
)
async def test_a_closed_screen_is_freed(make_app, opens: str, keys: list[str]) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.action_open(opens)
        await pilot.pause()
        screen = weakref.ref(app.screen)
        await pilot.press(*keys)
        await pilot.pause(0.3)
        while len(app.screen_stack) > 1:
            app.pop_screen()
            await pilot.pause()
        await pilot.pause(0.2)
        gc.collect()
        assert screen() is None, f"{opens}: the closed screen is still referenced"
        app.theme = "advisor-light"  # and telling the screens left about a theme change still works
        await pilot.pause()
