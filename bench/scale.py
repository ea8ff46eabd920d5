#!/usr/bin/env python3
"""The loader on packs 1x, 10x and 100x the shipped quizzes and rules: time and memory.

A pack is the shipped quizzes and rules files copied N times with every id suffixed, so ids stay
unique and the cross-checks do real work. Each size loads in a fresh process (peak RSS from
`resource`) as a user's pack beside the shipped guide. The floor is PyYAML's `CSafeLoader`
loading the same files. A cold load reads and checks every file; a warm load is the same
catalog again with its files unchanged (from the validated-catalog cache).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import scratch  # noqa: F401  (temporary files go to this run's scratch folder)

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
SOURCES = sorted((ROOT / "quizzes").glob("*.yaml")) + sorted(
    p for p in (ROOT / "rules").glob("*.yaml") if p.name not in ("questions.yaml", "technologies.yaml")
)

PROBE = r"""
import json, os, resource, sys, tempfile, time
from pathlib import Path
import yaml
from advisor.loading.catalog import load_catalog
from advisor.loading.paths import shipped_folders, yaml_files
os.environ["ADVISOR_CACHE"] = tempfile.mkdtemp(prefix="advisor-scale-cache-")
folders = [*shipped_folders(), Path(sys.argv[1])]
files = [p for folder in folders for p in yaml_files(folder)]
def timed(fn):
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t
parse = timed(lambda: [yaml.load(f.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) for f in files])
cold = timed(lambda: load_catalog(folders))
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
load_catalog(folders, cache=True)  # keeps the validated catalog
warm = timed(lambda: load_catalog(folders, cache=True))
print(json.dumps({"parse": parse, "cold": cold, "warm": warm, "rss_mb": rss / 1024}))
"""


def make_pack(folder: Path, copies: int) -> int:
    """Write `copies` renamed copies of every quiz and rules file; returns the bytes written."""
    size = 0
    for n in range(copies):
        for source in SOURCES:
            text = source.read_text(encoding="utf-8")
            # suffix every definition id; references to the shipped guide (tests, rests_on...) stay
            text = re.sub(r"(?m)^(  - id: |\bid: )([a-z0-9][a-z0-9_-]*)$", rf"\1\2-x{n}", text)
            text = re.sub(r"(?m)^(id: )([a-z0-9_-]+)$", rf"\1\2-x{n}", text)
            target = folder / f"{source.stem}-{n}.yaml"
            target.write_text(text, encoding="utf-8")
            size += len(text.encode())
    return size


def measure(sizes: list[int]) -> list[dict[str, float]]:
    """One row per size: MB of YAML, parse floor, cold and warm load (seconds), peak RSS in MB."""
    rows = []
    for copies in sizes:
        folder = Path(tempfile.mkdtemp(prefix=f"advisor-scale-{copies}-"))
        size = make_pack(folder, copies)
        out = subprocess.run([PY, "-c", PROBE, str(folder)], capture_output=True, text=True, cwd=ROOT)
        if out.returncode:
            print(out.stderr[-2000:], file=sys.stderr)
            raise SystemExit(1)
        rows.append({"size": copies, "mb": size / 1e6, **json.loads(out.stdout)})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1,10,100")
    args = parser.parse_args()
    rows = measure([int(s) for s in args.sizes.split(",")])
    columns = ("size", "MB", "parse s", "cold s", "/parse", "warm s", "/cold", "step", "peak MB")
    print(" ".join(f"{c:>8s}" for c in columns))
    previous = None
    for row in rows:
        step = f"{row['cold'] / previous:5.1f}x" if previous else "-"
        cells = (
            f"{row['size']}x",
            f"{row['mb']:.1f}",
            f"{row['parse']:.2f}",
            f"{row['cold']:.2f}",
            f"{row['cold'] / row['parse']:.2f}",
            f"{row['warm']:.3f}",
            f"{row['warm'] / row['cold']:.2f}",
            step,
            f"{row['rss_mb']:.0f}",
        )
        print(" ".join(f"{c:>8s}" for c in cells))
        previous = row["cold"]


if __name__ == "__main__":
    main()
