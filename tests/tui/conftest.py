"""Apps for pilot and snapshot tests: shipped data, a private store, a fixed theme."""

from __future__ import annotations

import pytest

from advisor.catalog import Catalog
from advisor.store import ProgressStore
from advisor.tui.app import AdvisorApp


@pytest.fixture
def make_app(catalog: Catalog):
    """A factory: each app gets its own store on the test's ADVISOR_HOME, closed afterwards."""
    stores: list[ProgressStore] = []

    def factory(the_catalog: Catalog | None = None, **kwargs) -> AdvisorApp:
        store = ProgressStore()
        stores.append(store)
        return AdvisorApp(the_catalog or catalog, store, **kwargs)

    yield factory
    for store in stores:
        store.close()
