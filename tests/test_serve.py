"""`advisor serve` without a browser: its flags and errors, `--fresh-store`, and the app as textual-serve runs it.

The browser itself is in tests/browser/.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from advisor.cli import main
from tests.conftest import write

ADVISOR = [sys.executable, "-m", "advisor"]
WEB_DRIVER = "textual.drivers.web_driver:WebDriver"  # what textual-serve sets for each app it starts


@pytest.fixture
def taken_port() -> Iterator[int]:
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        yield int(listening.getsockname()[1])


@pytest.mark.parametrize(
    ("port", "message"), [("0", "0 is not a port; give 1 to 65535"), ("65536", "not a port"), ("80x", "not a port")]
)
def test_a_port_out_of_range_is_refused(port: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["serve", "--port", port])
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err


def test_a_taken_port_is_a_clear_error(taken_port: int, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--port", str(taken_port)]) == 2
    err = capsys.readouterr().err
    assert f"port {taken_port} is already in use on 127.0.0.1; choose another with --port" in err
    assert "Traceback" not in err


def test_a_host_that_is_not_this_machine_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    # TEST-NET-1: never an address of this machine; binding to it sends nothing anywhere
    assert main(["serve", "--host", "192.0.2.1", "--port", "8000"]) == 2
    assert "--host 192.0.2.1: not an address of this machine" in capsys.readouterr().err


@pytest.mark.slow
def test_a_port_taken_after_the_check_is_still_a_clear_error(taken_port: int) -> None:
    """The server's own bind fails (the port went between our check and it): exit 2, one line, no traceback."""
    code = (
        "import advisor.cli.serve as serve\n"
        "serve.bind_problem = lambda host, port: None\n"
        "from advisor.cli import main\n"
        f"raise SystemExit(main(['serve', '--port', '{taken_port}']))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert f"port {taken_port} is already in use" in proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr


def test_fresh_store_keeps_nothing_and_leaves_your_store_alone(
    advisor_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    answers = write(tmp_path / "w.yaml", "clients: [browser]\n")
    assert main(["--fresh-store", "recommend", "--answers", str(answers), "--save", "kept nowhere"]) == 0
    assert os.environ["ADVISOR_HOME"] == str(advisor_home)
    assert not (advisor_home / "progress.db").exists()
    assert list(temp.iterdir()) == []  # the run's store went with it


@pytest.mark.slow
def test_the_app_runs_as_textual_serve_starts_it_and_ends_with_its_input(tmp_path: Path) -> None:
    """No terminal, the web driver, a fresh store: the app starts (it used to refuse: no TTY), and
    when its input ends (the server killed) it exits and its store goes, instead of running on."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "TEXTUAL_DRIVER": WEB_DRIVER, "TMPDIR": str(temp), "ADVISOR_CACHE": str(tmp_path / "cache")}
    proc = subprocess.Popen(
        [*ADVISOR, "--fresh-store"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()  # textual-serve waits for this line before relaying the screen
        assert first == b"__GANGLION__\n", first + proc.stdout.read() + (proc.stderr.read() if proc.stderr else b"")
        assert len(list(temp.glob("advisor-session-*"))) == 1
        _, err = proc.communicate(timeout=30)  # closes its stdin, as a server that is gone does
    finally:
        proc.kill()  # only if the test failed: it has exited otherwise
    assert proc.returncode == 0, err.decode(errors="replace")
    assert list(temp.iterdir()) == []


@pytest.mark.slow
def test_serving_never_imports_textual() -> None:
    """The server only relays: Textual is loaded by each connection's app, never by `advisor serve`."""
    code = (
        "import sys\nfrom advisor.cli import main\nimport advisor.cli.serve, textual_serve.server\n"
        "try:\n    main(['serve', '--port', '0'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual') or 'CLEAN')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip().splitlines()[-1] == "CLEAN", proc.stdout + proc.stderr


def test_each_connection_runs_this_advisor_with_the_same_packs(tmp_path: Path) -> None:
    import shlex

    from advisor.cli.serve import app_command

    pack = tmp_path / "my pack"
    shared = shlex.split(app_command([pack], isolated=False))
    assert shared == [sys.executable, "-m", "advisor", "--pack", str(pack.resolve())]
    assert shlex.split(app_command([], isolated=True)) == [sys.executable, "-m", "advisor", "--fresh-store"]
