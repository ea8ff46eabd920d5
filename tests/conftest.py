"""Shared fixtures: a private ADVISOR_HOME for every test, and the shipped catalog loaded once.

Lanes: tests that drive the TUI are marked `tui` (every test under tests/tui, and any test that
builds an app), tests that start other processes `slow`. `make test-fast` runs the rest.
"""

from __future__ import annotations

import inspect
import os
from pathlib import Path

import pytest

from advisor.loading.catalog import Catalog, load_catalog
from advisor.store import ProgressStore

ROOT = Path(__file__).resolve().parent.parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        # an async test drives an app through a pilot, wherever it lives
        pilot = inspect.iscoroutinefunction(getattr(item, "function", None))
        in_tui = pilot or "tests/tui/" in item.nodeid or "make_app" in getattr(item, "fixturenames", ())
        if in_tui or "snap_compare" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.tui)


@pytest.fixture(autouse=True)
def advisor_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test touches the real user data folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("ADVISOR_HOME", str(home))
    monkeypatch.setenv("ADVISOR_CACHE", str(tmp_path / "cache"))
    return home


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


# A consumer app (browsers and phones, varied nested screens, a few services, a small team): the
# workload the TUI tests open the recommendation with.
MOBILE_WORKLOAD = {
    "clients": ["browser", "mobile"],
    "client_data_needs": "varied",
    "data_shape": "nested",
    "service_count": "few",
    "ops_maturity": "low",
    "traffic_pattern": "spiky",
    "domain_complexity": "moderate",
}


def write(path: Path, text: str) -> Path:
    """Write `text` (UTF-8) creating folders; returns the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _tolerate_replaced_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """`app.workers.wait_for_complete()` waits for what is running, not for what was replaced.

    Textual's version raises WorkerCancelled when a worker of an exclusive group (Home's progress
    count, say) was cancelled by a newer call while the test waited: the app meant that, and on a
    busy machine it happens often enough to make tests flaky. Other failures still raise.
    """
    import asyncio

    from textual.worker import WorkerState
    from textual.worker_manager import WorkerManager

    async def wait_for_complete(self: WorkerManager, workers=None) -> None:
        chosen = list(workers or self)
        results = await asyncio.gather(*(w.wait() for w in chosen), return_exceptions=True)
        for worker, result in zip(chosen, results, strict=True):
            if isinstance(result, BaseException) and worker.state != WorkerState.CANCELLED:
                raise result

    monkeypatch.setattr(WorkerManager, "wait_for_complete", wait_for_complete)


@pytest.fixture
def make_app(catalog: Catalog, monkeypatch: pytest.MonkeyPatch):
    """A factory of apps: shipped data (or a given catalog), a store on the test's ADVISOR_HOME."""
    from advisor.tui.app import AdvisorApp  # only the tests that drive the UI pay for Textual

    _tolerate_replaced_workers(monkeypatch)
    stores: list[ProgressStore] = []

    def factory(the_catalog: Catalog | None = None, **kwargs) -> AdvisorApp:
        store = ProgressStore()
        stores.append(store)
        return AdvisorApp(the_catalog or catalog, store, **kwargs)

    yield factory
    for store in stores:
        store.close()


def examples(n: int) -> int:
    """Hypothesis examples for a property: all `n` in `make test`, a third in `make test-fast`
    (the inner loop, which sets ADVISOR_TEST_LANE=fast)."""
    return max(10, n // 3) if os.environ.get("ADVISOR_TEST_LANE") == "fast" else n
