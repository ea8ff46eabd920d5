#!/usr/bin/env python3
"""The loader on packs 10x, 100x and 1,000x the shipped quizzes and rules: time and memory.

A pack is the shipped quizzes and rules files copied N times with every id suffixed, so ids stay
unique and the cross-checks do real work. Each size loads in a fresh process (peak RSS from
`resource`); the parse-only time of PyYAML's C composer is shown beside it as the floor.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
SOURCES = sorted((ROOT / "quizzes").glob("*.yaml")) + sorted(
    p for p in (ROOT / "rules").glob("*.yaml") if p.name not in ("questions.yaml", "technologies.yaml")
)

PROBE = r"""
import resource, sys, time
from pathlib import Path
import yaml
from advisor.loading.catalog import load_catalog
folder = Path(sys.argv[1])
files = sorted(folder.glob("*.yaml"))
t = time.perf_counter()
for f in files:
    yaml.load(f.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
parse = time.perf_counter() - t
reference = load_catalog()
t = time.perf_counter()
load_catalog([folder], complete=False, reference=reference)
load = time.perf_counter() - t
print(f"{parse:.3f} {load:.3f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}")
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1,10,100")
    args = parser.parse_args()
    previous = None
    print(f"{'size':>6s} {'MB':>7s} {'parse s':>8s} {'load s':>8s} {'peak MB':>8s} {'step':>6s}")
    for copies in (int(s) for s in args.sizes.split(",")):
        folder = Path(tempfile.mkdtemp(prefix=f"advisor-scale-{copies}-"))
        size = make_pack(folder, copies)
        out = subprocess.run([PY, "-c", PROBE, str(folder)], capture_output=True, text=True, cwd=ROOT)
        if out.returncode:
            print(out.stderr[-2000:], file=sys.stderr)
            raise SystemExit(1)
        parse, load, rss = out.stdout.split()
        step = f"{float(load) / previous:5.1f}x" if previous else "   -"
        print(
            f"{copies:5d}x {size / 1e6:7.1f} {float(parse):8.2f} {float(load):8.2f} {int(rss) / 1024:8.0f} {step:>6s}"
        )
        previous = float(load)


if __name__ == "__main__":
    main()
