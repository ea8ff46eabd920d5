"""Starting fast: Home is drawn from the cache's digest, the catalog loads behind the first frame."""

from __future__ import annotations

from advisor.loading.cache import Digest
from advisor.loading.problems import DataError, Problem
from advisor.store import ProgressStore
from advisor.tui.app import AdvisorApp


async def test_home_draws_from_the_digest_then_loads_the_catalog(catalog) -> None:
    digest = Digest("A digest title", "Its summary", tuple(tuple(i.id for i in s.checklist) for s in catalog.sections))
    loads = []

    def load():
        loads.append(1)
        return catalog

    with ProgressStore() as store:
        store.set_tick(catalog.sections[0].checklist[0].id, True)
        app = AdvisorApp(load, store, digest=digest)
        async with app.run_test(size=(100, 30)) as pilot:
            assert "A digest title" in str(app.screen.query_one("#home-title").render())
            assert "1 of" in str(app.screen.query_one("#progress-label").render())
            await pilot.pause(0.5)
            assert loads == [1] and app.catalog_loaded  # loaded once, after the first frame
            await pilot.press("l")
            assert app.screen.query_one("#learn-index").option_count > len(catalog.sections)


async def test_data_that_broke_meanwhile_ends_the_app_with_its_problems(catalog) -> None:
    digest = Digest("T", "S", ())

    def load():
        raise DataError([Problem("x.yaml", 3, 1, "id", "broken")])

    with ProgressStore() as store:
        app = AdvisorApp(load, store, digest=digest)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause(0.5)
        # the app only exits; the CLI reads load_error and returns 2 (the TUI leaves exit codes to it)
        assert isinstance(app.load_error, DataError)
