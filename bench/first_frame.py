#!/usr/bin/env python3
"""Time from spawn to the first complete frame in a real terminal (tmux, 120x40), against a floor.

The floor is the smallest Textual app (bench/hello_app.py: one Static). Commands run interleaved
(floor, advisor, floor, advisor...) after one warm-up each, so machine noise hits them alike.
The cold run gives Python an empty bytecode cache (PYTHONPYCACHEPREFIX) every time.
Adapted from the workspace harness ../shared/bench/first_frame.py.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import scratch  # noqa: F401  (temporary files go to this run's scratch folder)

ROOT = Path(__file__).resolve().parent.parent
PY = ROOT / ".venv" / "bin" / "python"


def first_frame(command: str, marker: str, size: str = "120x40", limit: float = 20.0) -> float | None:
    """Seconds from spawn until `marker` shows on the tmux screen, or None."""
    server = "ff-" + uuid.uuid4().hex[:8]
    width, height = size.split("x")
    start = time.perf_counter()
    subprocess.run(["tmux", "-L", server, "new-session", "-d", "-x", width, "-y", height, command], check=True)
    try:
        while time.perf_counter() - start < limit:
            screen = subprocess.run(["tmux", "-L", server, "capture-pane", "-p"], capture_output=True, text=True).stdout
            if marker in screen:
                return time.perf_counter() - start
            time.sleep(0.003)
        return None
    finally:
        subprocess.run(["tmux", "-L", server, "kill-server"], capture_output=True)


def measure(runs: int) -> dict[str, list[float]]:
    home = tempfile.mkdtemp(prefix="advisor-bench-")
    env = f"ADVISOR_HOME={home}"
    commands = {
        "floor": ("ready", f"{PY} {ROOT / 'bench' / 'hello_app.py'}"),
        "advisor": ("Learning checklist", f"{env} {PY} -m advisor"),
    }
    cold = {
        "floor (cold)": ("ready", f"PYTHONPYCACHEPREFIX=$(mktemp -d) {PY} {ROOT / 'bench' / 'hello_app.py'}"),
        "advisor (cold)": ("Learning checklist", f"PYTHONPYCACHEPREFIX=$(mktemp -d) {env} {PY} -m advisor"),
    }
    times: dict[str, list[float]] = {name: [] for name in [*commands, *cold]}
    for marker, command in commands.values():
        first_frame(command, marker)
    for _ in range(runs):
        for name, (marker, command) in [*commands.items(), *cold.items()]:
            took = first_frame(command, marker)
            if took is not None:
                times[name].append(took)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    times = measure(args.runs)
    floor = statistics.median(times["floor"])
    cold_floor = statistics.median(times["floor (cold)"])
    for name, got in times.items():
        base = cold_floor if "cold" in name else floor
        print(
            f"{name:16s} median {statistics.median(got) * 1000:6.0f} ms"
            f"  ratio {statistics.median(got) / base:5.2f}  runs {len(got)}"
        )


if __name__ == "__main__":
    sys.exit(main())
