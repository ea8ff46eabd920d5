"""A program in a real terminal: a detached tmux server of a fixed size, read as a person reads it.

The benchmarks time what a user sees (the screen tmux holds), never a pilot: a pilot press costs
about 80 ms by itself here, far more than the keys being measured.
"""

from __future__ import annotations

import subprocess
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
ADVISOR = str(ROOT / ".venv" / "bin" / "advisor")


class Terminal:
    """One command in its own tmux server (so runs cannot disturb each other)."""

    def __init__(self, command: str, size: str = "120x40", env: dict[str, str] | None = None) -> None:
        self.server = "bench-" + uuid.uuid4().hex[:8]
        width, height = size.split("x")
        prefix = " ".join(f"{k}={v}" for k, v in (env or {}).items())
        self.started = time.perf_counter()
        # `exec` keeps the pane's process the program itself, so its pid is the program's
        self.tmux("new-session", "-d", "-x", width, "-y", height, f"{prefix} exec {command}".strip())

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.server, *args], capture_output=True, text=True).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p")

    def wait_for(self, marker: str, limit: float = 20.0, poll: float = 0.003) -> float | None:
        """Seconds since start until `marker` shows, or None."""
        while time.perf_counter() - self.started < limit:
            if marker in self.screen():
                return time.perf_counter() - self.started
            time.sleep(poll)
        return None

    def press(self, key: str, until: str | None = None, limit: float = 5.0) -> float:
        """Send `key`; seconds until the screen changes (or until `until` shows on it)."""
        before = self.screen()
        start = time.perf_counter()
        self.tmux("send-keys", key)
        while time.perf_counter() - start < limit:
            now = self.screen()
            if (until in now) if until else (now != before):
                return time.perf_counter() - start
            time.sleep(0.002)
        return float("nan")

    def send(self, *keys: str, pause: float = 0.4) -> None:
        """Send keys one by one with a pause after each (to reach a screen, not timed)."""
        for key in keys:
            self.tmux("send-keys", key)
            time.sleep(pause)

    def pid(self) -> int:
        return int(self.tmux("display-message", "-p", "#{pane_pid}").strip())

    def rss_mb(self, field: str = "VmRSS") -> float:
        """The program's resident memory now (VmRSS) or at its peak (VmHWM), in MB."""
        for line in Path(f"/proc/{self.pid()}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
        raise RuntimeError(f"no {field} for the program")

    def close(self) -> None:
        self.tmux("kill-server")

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def percentile(values: list[float], q: float) -> float:
    got = sorted(v for v in values if v == v)
    return got[min(len(got) - 1, round(q * (len(got) - 1)))]
