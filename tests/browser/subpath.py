"""Serve a built site under a sub-path, the way a host serves a project site.

Like GitHub Pages for https://OWNER.github.io/REPO/: files live under the prefix, a missing path
under it gets the site's 404.html with status 404, and anything outside it gets a bare 404.
Every response carries the security headers of the site's own `_headers` file, as Netlify and
Cloudflare Pages would send them, so the browser enforces the Content-Security-Policy.
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.browser.conftest import Server
from tests.conftest import PROVIDERS, ROOT, TODAY

PREFIX = "/iop/"


def parse_headers_file(text: str) -> dict[str, dict[str, str]]:
    """{path pattern: {header: value}} from a `_headers` file of Netlify or Cloudflare Pages."""
    rules: dict[str, dict[str, str]] = {}
    current: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = rules.setdefault(line.strip(), {})
        elif ":" in line:
            name, value = line.split(":", 1)
            current[name.strip()] = value.strip()
    return rules


class SubpathHandler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args: Any, prefix: str, headers: dict[str, str], outside: list[str],
                 **kwargs: Any) -> None:
        self.prefix, self.extra_headers, self.outside = prefix, headers, outside
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self._inside():
            super().do_GET()

    def do_HEAD(self) -> None:
        if self._inside():
            super().do_HEAD()

    def _inside(self) -> bool:
        if self.path.startswith(self.prefix):
            return True
        self.outside.append(self.path)
        super().send_error(404)
        return False

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path[len(self.prefix):])

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        page = Path(self.directory, "404.html")
        if code != 404 or not page.exists():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@dataclass
class SubpathServer(Server):
    """A Server whose `url` ends in the prefix; `outside` lists requests that missed it."""

    outside: list[str] = field(default_factory=list)


def build_and_serve(out: Path, prefix: str = PREFIX) -> SubpathServer:
    """Bind a port, build the site for http://127.0.0.1:PORT/PREFIX/ with the CLI, serve it."""
    outside: list[str] = []
    headers: dict[str, str] = {}  # filled after the build, before the first request
    handler = functools.partial(SubpathHandler, directory=str(out), prefix=prefix,
                                headers=headers, outside=outside)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{httpd.server_address[1]}{prefix}"
    subprocess.run(
        [sys.executable, "-m", "generator", "build", "--providers", str(PROVIDERS),
         "--site-dir", str(out), "--strict", "--today", TODAY.isoformat(), "--site-url", url],
        cwd=ROOT, check=True, capture_output=True, text=True,
    )
    headers.update(parse_headers_file((out / "_headers").read_text(encoding="utf-8"))["/*"])
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return SubpathServer(out, url, httpd, outside=outside)
