"""`foiclock serve` for real: a subprocess on 127.0.0.1 and a free port (`--port 0`, the server
names the port it got on stderr), waited for at most STARTUP_SECONDS and stopped by its own pid.
For the real-server and browser tests, and bench/web.py."""

from __future__ import annotations

import os
import queue
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

STARTUP_SECONDS = 30
STOP_SECONDS = 10
#: The line it starts with, in any language: the first address in it is the page's.
_SERVING = re.compile(r"^foiclock: .*?(http://127\.0\.0\.1:\d+/)")


class Server:
    """A running `foiclock serve`: its address and its process."""

    def __init__(self, url: str, process: subprocess.Popen[str], lines: queue.Queue[str]) -> None:
        self.url = url
        self.process = process
        self.lines = lines  # what it writes to stderr after the first line

    def stop(self) -> int:
        """SIGTERM to its own pid, then SIGKILL if it has not gone in STOP_SECONDS; its exit
        code."""
        if self.process.poll() is None:
            self.process.terminate()
        try:
            return self.process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()


@contextmanager
def running_server(
    *arguments: str, before: tuple[str, ...] = (), env: dict[str, str] | None = None
) -> Iterator[Server]:
    """`foiclock BEFORE serve --port 0 ARGUMENTS` on 127.0.0.1 until the block ends."""
    command = [sys.executable, "-m", "foiclock", *before, "serve", "--host", "127.0.0.1"]
    command += ["--port", "0"]
    process = subprocess.Popen(
        [*command, *arguments],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:  # drains stderr, so that the server never blocks on a full pipe
        assert process.stderr is not None
        for line in process.stderr:
            lines.put(line)

    threading.Thread(target=read, daemon=True).start()
    server = None
    try:
        try:
            first = lines.get(timeout=STARTUP_SECONDS)
        except queue.Empty:
            raise AssertionError(f"foiclock serve said nothing in {STARTUP_SECONDS} s") from None
        served = _SERVING.match(first)
        assert served is not None, f"foiclock serve did not start: {first!r}"
        server = Server(served.group(1), process, lines)
        yield server
    finally:
        if server is not None:
            server.stop()
        elif process.poll() is None:
            process.kill()
            process.wait()
