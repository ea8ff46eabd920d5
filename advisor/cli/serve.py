"""`advisor serve`: the full-screen interface in a web browser, through textual-serve.

textual-serve runs a command per browser connection and relays its screen over a websocket, so
each tab is its own `advisor` process. With `--isolated` that command is `advisor --fresh-store`:
every tab starts from an empty progress store of its own, deleted when the tab closes.
Only this module imports textual_serve (which brings aiohttp, not Textual), and only the serve
command imports this module.
"""

from __future__ import annotations

import asyncio
import errno
import os
import shlex
import socket
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from aiohttp import web
from textual_serve.server import Server

from advisor.cli import exit_codes
from advisor.cli.output import err


class AdvisorServer(Server):
    """textual-serve's server, which also ends every connection's app when it stops.

    Left to itself, a server stopped while tabs are open (SIGTERM, or Ctrl+C) waits a minute
    for their websockets, then leaves their apps running without it, each with its store.
    """

    def __init__(self, command: str, host: str, port: int, public_url: str | None) -> None:
        super().__init__(command, host=host, port=port, title="advisor", public_url=public_url)
        self.connections: set[asyncio.Task[object]] = set()

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One connection: textual-serve's handler, known to the server while it runs."""
        task = asyncio.current_task()
        if task is not None:
            self.connections.add(task)
        try:
            return await super().handle_websocket(request)
        finally:
            self.connections.discard(task)

    async def on_shutdown(self, app: web.Application) -> None:
        """Close every connection: textual-serve then asks its app to quit and waits for it."""
        for task in self.connections:
            task.cancel()
        await asyncio.gather(*self.connections, return_exceptions=True)


def app_command(packs: Sequence[Path], *, isolated: bool) -> str:
    """The shell command textual-serve runs for each connection: this Python, this advisor, the same packs."""
    argv = [sys.executable, "-m", "advisor"]
    for pack in packs:
        argv += ["--pack", str(pack.resolve())]
    if isolated:
        argv.append("--fresh-store")
    # textual-serve starts it through the shell
    return subprocess.list2cmdline(argv) if os.name == "nt" else shlex.join(argv)


def bind_problem(host: str, port: int) -> str | None:
    """Why a server could not listen on host:port (taken, not this machine's address...), or None.

    Checked before serving so the message comes before textual-serve prints its banner; the
    server's own bind is still guarded, for a port taken in between.
    """
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        return f"--host {host}: not an address this machine knows ({exc.strerror})"
    for family, kind, proto, _, address in addresses:
        with socket.socket(family, kind, proto) as probe:
            if os.name != "nt":  # as the server will: a port left in TIME_WAIT is free to take
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(address)
            except OSError as exc:
                return listen_failure(host, port, exc)
    return None


def listen_failure(host: str, port: int, exc: OSError) -> str:
    """The message for a failed bind."""
    if exc.errno == errno.EADDRINUSE:
        return f"port {port} is already in use on {host}; choose another with --port"
    if exc.errno == errno.EADDRNOTAVAIL:
        return f"--host {host}: not an address of this machine, so nothing can listen there"
    if exc.errno == errno.EACCES:
        return f"not allowed to listen on port {port} (ports below 1024 need privileges); choose another with --port"
    return f"cannot listen on {host}:{port}: {exc.strerror or exc}"


def serve(host: str, port: int, packs: Sequence[Path], *, isolated: bool, public_url: str | None) -> int:
    """Serve the app until Ctrl+C; the exit code (2 when host:port cannot be had)."""
    problem = bind_problem(host, port)
    if problem:
        err(problem)
        return exit_codes.USAGE
    server = AdvisorServer(app_command(packs, isolated=isolated), host, port, public_url)
    store = "a fresh store for each connection" if isolated else "one store shared by every connection"
    print(f"advisor: {store}; open {server.public_url} in a browser", file=sys.stderr)
    try:
        server.serve()
    except OSError as exc:  # taken between the check and the server's bind
        err(listen_failure(host, port, exc))
        return exit_codes.USAGE
    return exit_codes.OK
