"""One scratch folder per benchmark run, removed when the run ends.

Every module of the benchmark (and every process it starts, through TMPDIR) makes its
temporary homes, packs and caches in here, so a run leaves nothing behind in /tmp.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

ROOT = tempfile.mkdtemp(prefix="advisor-bench-run-")
os.environ["TMPDIR"] = ROOT
tempfile.tempdir = ROOT
atexit.register(shutil.rmtree, ROOT, ignore_errors=True)
