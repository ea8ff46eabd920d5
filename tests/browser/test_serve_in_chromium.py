"""`advisor serve` in a real browser: Debian's headless Chromium, driven by Playwright.

The page draws the terminal on a canvas (xterm.js), so the DOM holds no text. The tests read the
text of the terminal xterm.js holds in the page: a script added before the page's own catches
textual-serve's terminal object as it is made (its class is private to the bundle), and
`buffer.active` gives each row as drawn. Screenshots are saved beside the test's files, and
`--snapshot-update` rewrites `docs/serve.png`, the picture in the README.

One isolated server and one browser per module (per xdist worker), started once: each test opens
its own pages, and every page is a connection with its own advisor process.
"""

from __future__ import annotations

import base64
import contextlib
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.conftest import ROOT

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = [pytest.mark.slow, pytest.mark.tui, pytest.mark.browser]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOT = ROOT / "docs" / "serve.png"
TIMEOUT = 45  # seconds for a screen to appear: generous, the suite shares two cores

# Runs before the page's scripts: remembers each object that gets a `websocket_url`, which only
# textual-serve's terminal class sets (in its constructor, just before it makes `this.terminal`).
CATCH_TERMINAL = """
Object.defineProperty(Object.prototype, "websocket_url", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "websocket_url", {value, writable: true, configurable: true, enumerable: true});
    (window.__advisorTerminals = window.__advisorTerminals || []).push(this);
  },
});
"""
# The rows on screen, as text (null until the terminal exists).
READ_SCREEN = """() => {
  const found = window.__advisorTerminals;
  const terminal = found && found.length ? found[0].terminal : null;
  if (!terminal) return null;
  const buffer = terminal.buffer.active;
  const rows = [];
  for (let y = 0; y < terminal.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\\n");
}"""


def _chromium_or_skip() -> None:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(
            f"no Chromium at {CHROMIUM}: `make test` installs Debian's chromium when run as root "
            "(apt-get install chromium); the browser tests need it"
        )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    """An `advisor serve` process and the folders its connections use."""

    url: str
    temp: Path  # its TMPDIR: where --fresh-store makes each connection's store
    home: Path  # its ADVISOR_HOME: the store shared by connections without --isolated
    proc: subprocess.Popen[bytes]

    def sessions(self) -> list[Path]:
        return sorted(self.temp.glob("advisor-session-*"))


@contextmanager
def serving(folder: Path, cache: Path, *flags: str) -> Iterator[Server]:
    """`advisor serve FLAGS` on a free port, its state under `folder`; stopped after the block.

    `cache` is the catalog cache: warm after the first server, so the next starts sooner."""
    temp, home = folder / "tmp", folder / "home"
    temp.mkdir(parents=True)
    port = _free_port()
    env = {
        **os.environ,
        "ADVISOR_HOME": str(home),
        "ADVISOR_CACHE": str(cache),
        "TMPDIR": str(temp),
    }
    log = (folder / "server.log").open("wb")
    argv = [sys.executable, "-m", "advisor", "serve", "--port", str(port), *flags]
    proc = subprocess.Popen(argv, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        end = time.monotonic() + TIMEOUT
        while True:
            try:
                with urllib.request.urlopen(url, timeout=2):
                    break
            except OSError:
                log_text = (folder / "server.log").read_text(errors="replace")
                assert proc.poll() is None, f"advisor serve exited {proc.returncode}:\n{log_text}"
                assert time.monotonic() < end, f"advisor serve never answered on {url}:\n{log_text}"
                time.sleep(0.1)
        yield Server(url, temp, home, proc)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    _chromium_or_skip()
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright drives the browser: pip install playwright"
    )
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            # root needs --no-sandbox; the page asks for a web font: no name but the loopback resolves
            args=["--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"],
        )
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def catalog_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("serve-cache")


@pytest.fixture(scope="module")
def isolated(tmp_path_factory: pytest.TempPathFactory, catalog_cache: Path) -> Iterator[Server]:
    _chromium_or_skip()  # no server to start for tests that will skip
    with serving(tmp_path_factory.mktemp("serve-isolated"), catalog_cache, "--isolated") as server:
        yield server


def open_tabs(browser: Browser, server: Server, count: int = 1) -> list[Page]:
    """New tabs on the server (each a connection, so an advisor of its own), started together,
    each at Home with the keyboard on its terminal."""
    pages = [browser.new_page(viewport={"width": 1100, "height": 660}) for _ in range(count)]
    for page in pages:
        page.add_init_script(CATCH_TERMINAL)
        page.goto(server.url, wait_until="commit")
    for page in pages:
        _at_home_with_the_keyboard(page)
    return pages


def _at_home_with_the_keyboard(page: Page) -> None:
    wait_for(page, lambda screen: "Learning checklist:" in screen, "Home")
    # a click on the terminal gives it the keyboard: low on the right, where Home has nothing to click
    box = page.locator(".xterm-screen").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] - 20, box["y"] + box["height"] - 60)


def screen(page: Page) -> str:
    text: Any = page.evaluate(READ_SCREEN)
    return text or ""


def wait_for(page: Page, shown: Callable[[str], bool], what: str) -> str:
    """The screen's text once `shown` holds for it; fails naming `what` and showing the screen."""
    end = time.monotonic() + TIMEOUT
    while True:
        text = screen(page)
        if shown(text):
            return text
        if time.monotonic() > end:
            pytest.fail(f"{what} never appeared in the browser; the screen was:\n{text}")
        page.wait_for_timeout(100)


# The distinct colours in the terminal's part of a screenshot, counted by the browser itself.
COUNT_COLOURS = """async ([png, box]) => {
  const image = new Image();
  image.src = "data:image/png;base64," + png;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0);
  const pixels = context.getImageData(box.x, box.y, box.width, box.height).data;
  const seen = new Set();
  for (let i = 0; i < pixels.length; i += 4) seen.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
  return seen.size;
}"""


def drawn_colours(page: Page, png: bytes) -> int:
    """How many colours the terminal shows in `png` (a screenshot of `page`)."""
    box = page.locator(".xterm-screen").bounding_box()
    assert box is not None
    area = {k: int(v) for k, v in box.items()}
    return int(page.evaluate(COUNT_COLOURS, [base64.b64encode(png).decode("ascii"), area]))


def title(text: str) -> str:
    """The header row: what the app says the screen is."""
    return text.splitlines()[0] if text else ""


def test_home_learn_and_a_section_in_the_browser(
    browser: Browser, isolated: Server, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    [page] = open_tabs(browser, isolated)
    home = screen(page)
    assert "Learn   read the guide" in home and "0 of 46 items done" in home, home
    page.screenshot(path=tmp_path / "home.png")

    page.keyboard.press("l")
    learn = wait_for(page, lambda s: "advisor — Learn" in title(s), "Learn")
    assert "Decision matrix" in learn and "Serverless Architecture" in learn, learn

    page.keyboard.press("Enter")
    section = wait_for(
        page,
        lambda s: "Serverless Architecture · checklist 0/6" in title(s) and "n Next section" in s.splitlines()[-1],
        "the first section, with its keys",
    )
    assert "1 Concepts" in section and "Introduction" in section and "Cold starts" in section, section
    page.screenshot(path=tmp_path / "section.png")
    # the text above is the terminal's buffer; the picture must show it too (a canvas that failed to
    # draw would be one flat colour): drawn text and the theme's colours make hundreds
    colours = drawn_colours(page, (tmp_path / "section.png").read_bytes())
    assert colours >= 100, f"the terminal shows {colours} colours: not drawn?"  # about a thousand, drawn
    if request.config.getoption("--snapshot-update", default=False):
        SCREENSHOT.write_bytes((tmp_path / "section.png").read_bytes())
    page.close()


def test_without_isolated_tabs_share_the_store_and_stopping_ends_them(
    browser: Browser, tmp_path: Path, catalog_cache: Path
) -> None:
    with serving(tmp_path / "shared", catalog_cache) as server:
        first, second = open_tabs(browser, server, 2)
        tick_first_item(first)
        wait_for_ticks_saved(server.home / "progress.db", 1)  # the count shows at once; the save follows
        assert "1/46 done" in checklist_title(second)
        assert server.sessions() == [] and (server.home / "progress.db").exists()
        # stopped with both tabs open: their apps are ended and the server exits at once, not in a minute
        server.proc.terminate()
        assert server.proc.wait(timeout=15) == 0
        for page in (first, second):
            page.wait_for_selector("body.-closed", state="attached", timeout=5000)  # "Session ended."
            page.close()


def tick_first_item(page: Page) -> None:
    page.keyboard.press("l")
    wait_for(page, lambda s: "advisor — Learn" in title(s), "Learn")
    page.keyboard.press("k")
    wait_for(page, lambda s: "Learning checklist · 0/46 done" in title(s), "the checklist")
    page.keyboard.press("Space")
    wait_for(page, lambda s: "Learning checklist · 1/46 done" in title(s), "the tick")


def wait_for_ticks_saved(database: Path, count: int) -> None:
    """Until `count` checklist items are ticked in the store (written on the app's writer thread)."""
    end = time.monotonic() + TIMEOUT
    while True:
        with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:
            try:
                saved = db.execute("SELECT count(*) FROM checklist WHERE done = 1").fetchone()[0]
            except sqlite3.OperationalError:  # not made yet
                saved = 0
        if saved == count:
            return
        assert time.monotonic() < end, f"{saved} ticks in {database}, not {count}"
        time.sleep(0.05)


def checklist_title(page: Page) -> str:
    """Open Learn, then the checklist (read from the store as it opens); its title."""
    page.keyboard.press("l")
    wait_for(page, lambda s: "advisor — Learn" in title(s), "Learn")
    page.keyboard.press("k")
    return title(wait_for(page, lambda s: "Learning checklist ·" in title(s), "the checklist"))


def test_isolated_tabs_each_have_their_own_store(browser: Browser, isolated: Server) -> None:
    first, second = open_tabs(browser, isolated, 2)
    tick_first_item(first)
    assert "0/46 done" in checklist_title(second)
    assert "✓" not in screen(second), screen(second)
    assert len(isolated.sessions()) >= 2  # one store each, in the server's TMPDIR
    assert not (isolated.home / "progress.db").exists()  # the user's own store is not touched

    first.close()
    second.close()
    end = time.monotonic() + TIMEOUT
    while isolated.sessions():  # each connection's store goes with it
        assert time.monotonic() < end, f"left behind: {isolated.sessions()}"
        time.sleep(0.1)
