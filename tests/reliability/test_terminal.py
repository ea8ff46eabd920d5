"""The terminal: every size, resizing mid-task, no colour, a dumb terminal, Ctrl+C, no terminal at all."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

import pytest

from advisor.store import ProgressStore
from advisor.tui.navigation import DESTINATIONS
from advisor.tui.screens.quiz import QuestionScreen

ADVISOR = [sys.executable, "-m", "advisor"]


@pytest.mark.parametrize("size", [(20, 6), (40, 12), (80, 24), (300, 100)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_screen_at_every_size(make_app, catalog, size) -> None:
    """Every screen opens, takes a key, shows help and closes again at sizes from tiny to huge."""
    from advisor.tui.screens.home import HomeScreen
    from advisor.tui.screens.recommendation import RecommendationScreen

    app = make_app()
    async with app.run_test(size=size) as pilot:
        last = catalog.sections[-1]
        arguments = {"section": last.id, "item": last.checklist[-1].id}  # the destinations that need one
        targets = [f"{name}:{arguments[name]}" if name in arguments else name for name in DESTINATIONS]
        for target in targets:
            app.action_open(target)
            await pilot.pause()
            opened = type(app.screen)
            assert opened is not HomeScreen, target
            await pilot.press("down", "2" if target.startswith(("section", "item")) else "down")
            await pilot.press("question_mark", "escape")
            assert type(app.screen) is opened, target  # help closed back onto the same screen
            app.action_open("home")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen), target
        app.action_open("advise")
        await pilot.press("1", "r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, RecommendationScreen) and app.screen.report is not None
        await pilot.press("e", "escape", "m", "escape")
        app.action_open("quiz")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("1", "enter", "escape")
        assert app.is_running


async def test_resizing_mid_quiz_and_mid_wizard(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q", "enter")
        assert isinstance(app.screen, QuestionScreen)
        for size in [(30, 8), (200, 60), (20, 6), (100, 30)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
        await pilot.press("1")
        await pilot.resize_terminal(40, 12)
        await pilot.press("enter")
        app.action_open("advise")
        await pilot.pause()
        await pilot.press("2")
        await pilot.resize_terminal(25, 7)
        await pilot.press("3")
        await pilot.resize_terminal(120, 40)
        assert app.screen.answers == {"traffic_pattern": "spiky", "request_volume": "high"}


class Pty:
    """A program in a pseudo-terminal, read and typed at as a person would."""

    def __init__(self, args: list[str], env: dict[str, str], stdout: IO[bytes] | None = None) -> None:
        """`stdout` sends the program's standard output there (a file) instead of the terminal."""
        self.master, slave = pty.openpty()
        self.proc = subprocess.Popen(args, stdin=slave, stdout=stdout or slave, stderr=slave, env=env, close_fds=True)
        os.close(slave)
        self.seen = b""

    def wait_for(self, text: bytes, timeout: float = 20) -> None:
        end = time.monotonic() + timeout
        while text not in self.seen:
            assert time.monotonic() < end, f"never saw {text!r}; saw {self.seen[-500:]!r}"
            ready, _, _ = select.select([self.master], [], [], 0.1)
            if ready:
                try:
                    self.seen += os.read(self.master, 65536)
                except OSError:
                    break

    def send(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def finish(self, timeout: float = 20) -> int:
        end = time.monotonic() + timeout
        while self.proc.poll() is None and time.monotonic() < end:
            self.wait_for(b"", 0.1) if False else select.select([self.master], [], [], 0.1)
            try:
                self.seen += os.read(self.master, 65536)
            except OSError:
                break
        code = self.proc.wait(timeout=5)
        os.close(self.master)
        return code


def env(home: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "ADVISOR_HOME": str(home), "COLUMNS": "100", "LINES": "30", **extra}


@pytest.mark.slow
def test_plain_advise_on_a_dumb_terminal_and_ctrl_c_keeps_answers(advisor_home: Path) -> None:
    p = Pty([*ADVISOR, "recommend", "--plain"], env(advisor_home, TERM="dumb"))
    p.wait_for(b"(1/30)")
    p.send(b"\x1b[B\r")  # from "Not sure", down wraps to the first choice
    p.wait_for(b"(2/30)")
    p.send(b"\x03")
    assert p.finish() == 130
    assert b"Traceback" not in p.seen and b"answers so far are saved" in p.seen
    with ProgressStore(advisor_home) as store:
        assert store.load_workload("current") == {"traffic_pattern": "steady"}


@pytest.mark.slow
def test_plain_advise_asks_on_the_terminal_while_the_report_goes_to_a_file(advisor_home: Path, tmp_path: Path) -> None:
    """`advisor recommend --plain > report.md`, as the README has it: prompts on the terminal."""
    report = tmp_path / "report.md"
    with report.open("wb") as out:
        p = Pty([*ADVISOR, "recommend", "--plain"], env(advisor_home, TERM="xterm"), stdout=out)
        p.wait_for(b"(1/30)")
        p.send(b"\x1b[B\r")  # from "Not sure", down wraps to the first choice
        for _ in range(2, 40):
            if p.proc.poll() is not None:
                break
            try:
                p.wait_for(b"/30)", timeout=5)
            except AssertionError:
                break
            p.seen = b""
            p.send(b"\r")  # not sure, or none of these
        assert p.finish() == 0, p.seen[-500:]
    text = report.read_text(encoding="utf-8")
    assert text.startswith("# Architecture recommendation") and "Steady" in text
    assert "(1/30)" not in text  # the questions went to the terminal, not into the report


@pytest.mark.slow
def test_plain_quiz_ctrl_c_keeps_what_was_answered(advisor_home: Path) -> None:
    p = Pty([*ADVISOR, "quiz", "edge", "--plain", "--seed", "3", "--limit", "3"], env(advisor_home, TERM="xterm"))
    p.wait_for(b"3 questions")
    p.wait_for(b"?")
    time.sleep(0.3)
    p.send(b"\x03")
    assert p.finish() == 130  # as `recommend --plain`
    assert b"Stopped; every answer so far is saved." in p.seen and b"Traceback" not in p.seen


@pytest.mark.slow
def test_no_color_keeps_the_tui_colourless(advisor_home: Path) -> None:
    p = Pty([*ADVISOR], env(advisor_home, TERM="xterm-256color", NO_COLOR="1"))
    p.wait_for(b"Learn")
    time.sleep(0.5)
    p.send(b"\x11")  # ctrl+q
    assert p.finish() == 0
    # Textual honours NO_COLOR by rendering in monochrome: every colour it sends is a grey
    truecolour = re.findall(rb"[34]8;2;(\d+);(\d+);(\d+)", p.seen)
    palette = [int(n) for n in re.findall(rb"[34]8;5;(\d+)", p.seen)]
    greys = {0, 7, 8, 15, *range(232, 256), *(16 + 43 * level for level in range(6))}  # ramp and cube diagonal
    assert truecolour or palette
    assert all(r == g == b for r, g, b in truecolour) and all(n in greys for n in palette)
    assert b"Learn" in p.seen


@pytest.mark.slow
def test_the_app_ends_when_its_terminal_goes_away(advisor_home: Path) -> None:
    # a terminal shut under a running app that no SIGHUP reached (started by `make run`, whose make
    # took the signal; here, a terminal that is not the app's controlling one): every read returns
    # nothing at once, and the app used to spin a core on it for ever
    p = Pty([*ADVISOR], env(advisor_home, TERM="xterm-256color"))
    p.wait_for(b"Learn")
    os.close(p.master)
    try:
        p.proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        p.proc.kill()
        p.proc.wait()
        pytest.fail("advisor kept running after its terminal closed")


@pytest.mark.slow
@pytest.mark.parametrize("args", [[], ["recommend", "--plain"], ["quiz", "--plain"], ["learn", "edge"]])
@pytest.mark.parametrize("stdin", ["devnull", "closed"])
def test_without_a_terminal_a_clear_message(args: list[str], stdin: str, advisor_home: Path) -> None:
    proc = subprocess.run(
        [*ADVISOR, *args],
        stdin=subprocess.DEVNULL if stdin == "devnull" else None,
        preexec_fn=(lambda: os.close(0)) if stdin == "closed" else None,
        capture_output=stdin == "devnull",
        stdout=subprocess.PIPE if stdin == "closed" else None,
        stderr=subprocess.PIPE if stdin == "closed" else None,
        text=True,
        timeout=60,
        env=env(advisor_home),
    )
    assert proc.returncode == 2, proc.stderr
    assert "needs a terminal" in proc.stderr and "Traceback" not in proc.stderr
