#!/usr/bin/env python3
"""Headless commands against the floor `python -c "import pydantic, yaml"`, interleaved in one run.

Each command is a fresh process (what a script or CI pays); medians over --runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import scratch  # noqa: F401  (temporary files go to this run's scratch folder)

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
ANSWERS = "clients: [browser, mobile]\nclient_data_needs: varied\ndata_shape: nested\nservice_count: few\n"


def commands(answers: Path) -> dict[str, list[str]]:
    return {
        "floor": [PY, "-c", "import pydantic, yaml"],
        "floor+BaseModel": [PY, "-c", "from pydantic import BaseModel; import yaml"],
        "validate": [PY, "-m", "advisor", "validate"],
        "recommend json": [PY, "-m", "advisor", "recommend", "--answers", str(answers), "--format", "json"],
    }


def measure(runs: int) -> dict[str, list[float]]:
    tmp = Path(tempfile.mkdtemp(prefix="advisor-bench-"))
    answers = tmp / "w.yaml"
    answers.write_text(ANSWERS)
    env = {**os.environ, "ADVISOR_HOME": str(tmp / "home")}
    cmds = commands(answers)
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for cmd in cmds.values():  # warm-up: page cache and __pycache__
        subprocess.run(cmd, env=env, capture_output=True, check=True)
    for _ in range(runs):
        for name, cmd in cmds.items():
            start = time.perf_counter()
            subprocess.run(cmd, env=env, capture_output=True, check=True)
            times[name].append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    times = measure(parser.parse_args().runs)
    floor = statistics.median(times["floor"])
    for name, got in times.items():
        median = statistics.median(got)
        print(f"{name:16s} median {median * 1000:6.0f} ms  ratio {median / floor:5.2f}")


if __name__ == "__main__":
    main()
