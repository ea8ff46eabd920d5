#!/usr/bin/env python3
"""Peak RSS of the TUI after visiting every screen, against the floor app (one Static), each in a
fresh process driven by a pilot at 120x40."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")

FLOOR = r"""
import asyncio, resource, sys
sys.path.insert(0, "bench")
from hello_app import Hello
async def main():
    async with Hello().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
asyncio.run(main())
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

ADVISOR = r"""
import asyncio, resource
from advisor.loading.catalog import load_catalog
from advisor.store import ProgressStore
from advisor.tui.app import AdvisorApp
from advisor.tui.navigation import PAGES
async def main():
    catalog = load_catalog()
    with ProgressStore() as store:
        app = AdvisorApp(catalog, store)
        async with app.run_test(size=(120, 40)) as pilot:
            sections = [f"section:{s.id}" for s in catalog.sections]
            for target in ["learn", *sections, *(p.name for p in PAGES), "advise"]:
                app.action_open(target)
                await pilot.pause()
                await pilot.press("2", "3", "4") if target.startswith("section") else None
                if target != "advise":
                    app.pop_screen()  # as a user goes back
                    await pilot.pause()
            await pilot.press("r")
            await pilot.pause()
            app.action_open("quiz")
            await pilot.pause()
            await pilot.press("enter", "1", "enter", "escape")
            await pilot.pause()
asyncio.run(main())
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak(code: str) -> int:
    env_home = tempfile.mkdtemp(prefix="advisor-bench-")
    out = subprocess.run(
        [PY, "-c", code], capture_output=True, text=True, cwd=ROOT, env={"ADVISOR_HOME": env_home, "PATH": ""}
    )
    if out.returncode:
        sys.exit(out.stderr[-2000:])
    return int(out.stdout.split()[-1])


def main() -> None:
    floor = min(peak(FLOOR) for _ in range(3))
    advisor = min(peak(ADVISOR) for _ in range(3))
    print(f"floor   peak RSS {floor / 1024:6.1f} MB")
    print(f"advisor peak RSS {advisor / 1024:6.1f} MB  ratio {advisor / floor:4.2f}")


if __name__ == "__main__":
    main()
