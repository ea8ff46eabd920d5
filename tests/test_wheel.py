"""The wheel carries the YAML data: built, installed outside the checkout, and run from there."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_installed_wheel_validates_its_own_data(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    wheel = next(dist.glob("advisor-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)  # the test environment's pip installs into it: no ensurepip
    python = env_dir / "bin" / "python"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    # Dependencies come from the test environment (no network needed); a plain path in a .pth
    # file does not bring in that environment's editable install of advisor itself.
    site = Path(
        subprocess.check_output(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], text=True
        ).strip()
    )
    (site / "deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    where = subprocess.run(
        [
            str(python),
            "-c",
            "import advisor, advisor.loading.paths as d; print(advisor.__file__); print(d.shipped_root())",
        ],
        cwd=outside,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert where[0].startswith(str(env_dir)) and where[1].startswith(str(env_dir)), where
    for command in ([str(env_dir / "bin" / "advisor"), "validate"], [str(python), "-m", "advisor", "validate"]):
        proc = subprocess.run(command, cwd=outside, capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        assert "6 section" in proc.stdout
