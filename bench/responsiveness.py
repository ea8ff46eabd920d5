#!/usr/bin/env python3
"""Key press to updated screen, in a pilot: answering quiz questions, stepping through the Advise
wizard, and the last answer to the rendered recommendation (flips included). Prints p50 and p95.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["ADVISOR_HOME"] = tempfile.mkdtemp(prefix="advisor-bench-")

from advisor.loading.catalog import load_catalog
from advisor.store import ProgressStore
from advisor.tui.app import AdvisorApp
from advisor.tui.screens.recommendation import RecommendationScreen


async def timed(pilot, *keys: str) -> float:
    start = time.perf_counter()
    await pilot.press(*keys)
    await pilot.pause()  # until the screen has processed and refreshed
    return time.perf_counter() - start


async def measure() -> dict[str, list[float]]:
    catalog = load_catalog()
    out: dict[str, list[float]] = {"quiz answer": [], "quiz next": [], "wizard step": [], "to recommendation": []}
    for _ in range(3):
        with ProgressStore() as store:
            app = AdvisorApp(catalog, store)
            async with app.run_test(size=(120, 40)) as pilot:
                await pilot.press("q", "enter")
                for _ in range(8):
                    q = app.screen.session.current.question
                    if q.type in ("single", "true_false"):
                        out["quiz answer"].append(await timed(pilot, "1"))
                        out["quiz next"].append(await timed(pilot, "enter"))
                    else:
                        app.screen.session.advance()
                        app.screen.show()
                app.action_open("advise")
                await pilot.pause()
                while True:
                    screen = app.screen
                    last = screen.index + 1 >= len(screen.applicable())
                    key = "1" if not screen.current().multiple else "enter"
                    took = await timed(pilot, key)
                    if isinstance(app.screen, RecommendationScreen):
                        out["to recommendation"].append(took)
                        break
                    out["wizard step"].append(took)
                    assert not last
    return out


def main() -> None:
    results = asyncio.run(measure())
    for name, got in results.items():
        got = sorted(got)
        p95 = got[min(len(got) - 1, round(0.95 * (len(got) - 1)))]
        print(f"{name:18s} p50 {statistics.median(got) * 1000:6.1f} ms  p95 {p95 * 1000:6.1f} ms  n {len(got)}")


if __name__ == "__main__":
    main()
