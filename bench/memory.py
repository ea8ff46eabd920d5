#!/usr/bin/env python3
"""Resident memory in a real terminal (tmux 120x40), against the one-Static floor app in the same run.

Read from /proc while each program runs as a user runs it:
- at the first frame: VmRSS the moment the first screen shows;
- settled: VmRSS two seconds later (advisor has loaded its catalog behind Home by then);
- after every screen: VmRSS after a walk by keys through every screen (the six sections and
  their tabs, the five reference pages, a quiz and its summary, Advise, the recommendation and
  the kept recommendations) back to Home, and VmHWM, the peak on the way.

advisor runs with a cache folder primed by one earlier start, as after any first use.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time

import scratch  # noqa: F401  (temporary files go to this run's scratch folder)
from terminal import ADVISOR, PY, ROOT, Terminal

FLOOR = f"{PY} {ROOT / 'bench' / 'hello_app.py'}"
HOME = "Learning checklist"

# from Home through every screen and back to Home
WALK = [
    "l", "Enter", "2", "3", "4", "1", *["n"] * 5, "Escape",
    *[k for page in "mcubk" for k in (page, "Escape")], "Escape",
    "q", "Enter", "2", "Enter", "Escape", "Escape", "Escape",
    "a", "r", "m", "Escape", "Escape", "Escape",
]  # fmt: skip


def floor_run() -> dict[str, float]:
    """The floor app's figures, in MB, from one fresh process."""
    with Terminal(FLOOR) as term:
        if term.wait_for("ready") is None:
            raise SystemExit("the floor app never showed")
        first = term.rss_mb()
        time.sleep(2.0)
        return {"first frame": first, "settled": term.rss_mb()}


def advisor_run() -> dict[str, float]:
    """advisor's figures, in MB, from one fresh process (after a start that primes its cache)."""
    home = tempfile.mkdtemp(prefix="advisor-bench-")
    env = {"ADVISOR_HOME": home, "ADVISOR_CACHE": home}
    with Terminal(ADVISOR, env=env) as term:
        term.wait_for(HOME)
        time.sleep(2.0)
    with Terminal(ADVISOR, env=env) as term:
        if term.wait_for(HOME) is None:
            raise SystemExit("advisor: Home never showed")
        figures = {"first frame": term.rss_mb()}
        time.sleep(2.0)
        figures["settled"] = term.rss_mb()
        term.send(*WALK, pause=0.35)
        time.sleep(1.0)
        if HOME not in term.screen():
            raise SystemExit("advisor: the walk through every screen did not end on Home")
        figures["after every screen"] = term.rss_mb()
        figures["peak"] = term.rss_mb("VmHWM")
        return figures


def measure(runs: int = 3) -> dict[str, dict[str, float]]:
    """Median figures in MB for the floor and advisor, runs interleaved."""
    rows: dict[str, list[dict[str, float]]] = {"floor": [], "advisor": []}
    for _ in range(runs):
        rows["floor"].append(floor_run())
        rows["advisor"].append(advisor_run())
    return {name: {k: statistics.median(r[k] for r in got) for k in got[0]} for name, got in rows.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    result = measure(parser.parse_args().runs)
    floor = result["floor"]["first frame"]
    print(f"floor (one Static) at first frame {floor:6.1f} MB, settled {result['floor']['settled']:6.1f} MB")
    for what, mb in result["advisor"].items():
        print(f"advisor {what:20s} {mb:6.1f} MB  ratio {mb / floor:4.2f}")


if __name__ == "__main__":
    main()
