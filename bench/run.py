#!/usr/bin/env python3
"""Every benchmark against its floor, in one run, as one table with each target met or not.

`make bench` runs this (a few minutes; the machine should be otherwise idle). The table is
Markdown, ready for the README's Performance section. Each script can also be run alone for
more detail (see bench/README.md).
"""

from __future__ import annotations

import argparse
import datetime
import platform
import statistics
from dataclasses import dataclass

import first_frame
import headless
import keys
import memory
import scale
import scratch  # noqa: F401  (temporary files go to this run's scratch folder)
from terminal import percentile

KEY_TARGET_MS = 50.0
RECOMMENDATION_TARGET_MS = 100.0


@dataclass
class Row:
    measure: str
    figure: str
    floor: str
    ratio: str
    target: str
    met: bool | None  # None: shown for context, no target

    def cells(self) -> list[str]:
        met = "" if self.met is None else ("yes" if self.met else "**no**")
        return [self.measure, self.figure, self.floor, self.ratio, self.target, met]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def key_rows(presses: int) -> list[Row]:
    times = keys.measure(presses)
    floor = times.pop("floor")
    floor_cell = f"p50 {ms(percentile(floor, 0.5))}, p95 {ms(percentile(floor, 0.95))}"
    rows = []
    for label, got in times.items():
        p50, p95 = percentile(got, 0.5), percentile(got, 0.95)
        limit = RECOMMENDATION_TARGET_MS if "recommendation" in label else KEY_TARGET_MS
        rows.append(
            Row(
                f"key: {label}",
                f"p50 {ms(p50)}, p95 {ms(p95)}",
                floor_cell,
                f"{p95 / percentile(floor, 0.95):.1f}",
                f"p95 ≤ {limit:.0f} ms",
                p95 * 1000 <= limit,
            )
        )
    return rows


def first_frame_rows(runs: int) -> list[Row]:
    times = {name: statistics.median(got) for name, got in first_frame.measure(runs).items()}
    warm = times["advisor"] / times["floor"]
    cold = times["advisor (cold)"] / times["floor (cold)"]
    return [
        Row("first frame (tmux 120×40)", ms(times["advisor"]), f"{ms(times['floor'])} one-Static app",
            f"{warm:.2f}", "≤ 1.5", warm <= 1.5),
        Row("first frame, no bytecode cache", ms(times["advisor (cold)"]), ms(times["floor (cold)"]),
            f"{cold:.2f}", "", None),
    ]  # fmt: skip


def memory_rows(runs: int) -> list[Row]:
    got = memory.measure(runs)
    floor = got["floor"]["first frame"]
    advisor = got["advisor"]
    first, walked = advisor["first frame"] / floor, advisor["after every screen"] / floor
    floor_cell = f"{floor:.1f} MB one-Static app"
    return [
        Row("RSS at the first frame", f"{advisor['first frame']:.1f} MB", floor_cell, f"{first:.2f}", "≤ 1.35",
            first <= 1.35),
        Row("RSS after every screen", f"{advisor['after every screen']:.1f} MB", floor_cell, f"{walked:.2f}",
            "≤ 2", walked <= 2.0),
    ]  # fmt: skip


def headless_rows(runs: int) -> list[Row]:
    times = {name: statistics.median(got) for name, got in headless.measure(runs).items()}
    floor = times["floor+BaseModel"]
    floor_cell = f"{ms(floor)} `from pydantic import BaseModel; import yaml`"
    rows = []
    for name, label in (("recommend json", "`advisor recommend --format json`"), ("validate", "`advisor validate`")):
        ratio = times[name] / floor
        rows.append(Row(label, ms(times[name]), floor_cell, f"{ratio:.2f}", "≤ 1.5", ratio <= 1.5))
    return rows


def scale_rows() -> list[Row]:
    got = {row["size"]: row for row in scale.measure([1, 10, 100])}
    rows = []
    for size in (10, 100):
        row = got[size]
        cold, warm = row["cold"] / row["parse"], row["warm"] / row["cold"]
        step = row["cold"] / got[size // 10]["cold"]
        floor_cell = f"{row['parse']:.2f} s `CSafeLoader`"
        rows += [
            Row(f"cold load, {size}× pack ({row['mb']:.0f} MB)", f"{row['cold']:.2f} s", floor_cell, f"{cold:.2f}",
                "≤ 1.5", cold <= 1.5),
            Row(f"10× step to {size}×", f"{step:.1f}×", "", "", "≤ 11×", step <= 11),
            Row(f"warm load, {size}× pack", f"{row['warm']:.3f} s", f"cold {row['cold']:.2f} s", f"{warm:.2f}",
                "≤ 0.3", warm <= 0.3),
        ]  # fmt: skip
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer runs and presses (noisier)")
    args = parser.parse_args()
    runs, presses = (3, 20) if args.quick else (7, 40)
    rows = [
        *first_frame_rows(runs),
        *memory_rows(max(2, runs // 2)),
        *key_rows(presses),
        *headless_rows(runs + 2),
        *scale_rows(),
    ]
    print(f"Run {datetime.date.today()} on {platform.machine()}, Python {platform.python_version()}.\n")
    header = ["measure", "advisor", "floor (same run)", "ratio", "target", "met"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row.cells()) + " |")
    missed = [row.measure for row in rows if row.met is False]
    print(f"\n{len(rows) - len(missed)} of {len(rows)} met" + (f"; not met: {', '.join(missed)}" if missed else ""))


if __name__ == "__main__":
    main()
