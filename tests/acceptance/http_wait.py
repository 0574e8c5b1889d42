"""Helpers for tests that start `iopdir serve`: a free port, a fetch that never raises, polling
until the served site shows what a test waits for, and a server process that always stops."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def fetch(url: str, timeout: float = 30) -> tuple[int, str]:
    """(HTTP status, body); (0, '') while the server is not answering yet."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            body: bytes = response.read()
            return response.status, body.decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except (urllib.error.URLError, ConnectionError):
        return 0, ""


def wait_for(check: Callable[[], bool], what: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


class Served:
    """`iopdir serve ARGS` in a child process, its stderr collected as it comes, stopped for sure.

    The child gets the default SIGINT handling even when the tests run as a background job
    (which starts with SIGINT ignored), so SIGINT stops MkDocs cleanly; if it does not stop,
    SIGTERM and then SIGKILL follow, so no server outlives its test.
    """

    def __init__(self, args: Sequence[str], cwd: Path,
                 sigint: signal.Handlers = signal.SIG_DFL) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", *args], cwd=cwd,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            preexec_fn=lambda: signal.signal(signal.SIGINT, sigint))
        self._lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self._lines.append(line)

    @property
    def stderr(self) -> str:
        return "".join(self._lines)

    def stop(self, grace: float = 30) -> str:
        """SIGINT, then SIGTERM, then SIGKILL, each given `grace` seconds; returns stderr."""
        signals: list[Callable[[], None]] = [
            lambda: self.process.send_signal(signal.SIGINT), self.process.terminate,
            self.process.kill]
        for send in signals:
            if self.process.poll() is not None:
                break
            send()
            try:
                self.process.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                continue
        self.process.wait()
        self._reader.join(timeout=10)
        if self.process.stderr is not None:
            self.process.stderr.close()
        return self.stderr
