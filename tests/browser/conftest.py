"""Build the sample site once, serve it on 127.0.0.1, and drive it in Debian's Chromium.

Every page opened through the `page` fixture records requests to any host but this server and
aborts them, so tests can assert the site makes no third-party request.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Dialog,
    Page,
    Route,
    sync_playwright,
)

from tests.conftest import PROVIDERS, ROOT, SHARED_DATA, TODAY

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# WCAG 2.0 to 2.2, levels A and AA (2.2 adds the 24 x 24 px target size), and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def build_site(out: Path, providers: Path = PROVIDERS) -> Path:
    """Build with the real CLI, as a maintainer would."""
    subprocess.run(
        [sys.executable, "-m", "generator", "build", "--providers", str(providers),
         "--site-dir", str(out), "--strict", "--today", TODAY.isoformat()],
        cwd=ROOT, check=True, capture_output=True, text=True,
    )
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _GzipHandler(_QuietHandler):
    """Text compressed on the fly, as every static host does (GitHub Pages, Netlify...): what
    Lighthouse measures then is what a person's phone downloads."""

    TEXT = ("text/", "application/javascript", "application/json", "application/xml",
            "image/svg+xml")

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        kind = self.guess_type(str(path))
        if (not path.is_file() or not kind.startswith(self.TEXT)
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        data = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)


@dataclass
class Server:
    root: Path
    url: str
    httpd: http.server.ThreadingHTTPServer
    providers: Path = PROVIDERS  # the listings the site was built from

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def serve(root: Path, compress: bool = False) -> Server:
    handler = functools.partial(_GzipHandler if compress else _QuietHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return Server(root, f"http://127.0.0.1:{httpd.server_address[1]}/", httpd)


def serve_at_own_address(work: Path) -> Server:
    """The sample site served from `work/site`, built for its own address: Material's instant
    navigation follows only links its sitemap lists, matched by port as well, so serve first,
    then build with that site_url."""
    (work / "site").mkdir()
    server = serve(work / "site")
    config = work / "mkdocs.yml"
    config.write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\nsite_url: {server.url}\n"
                      f"docs_dir: {ROOT / 'docs'}\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "generator", "build", "--providers", str(PROVIDERS),
         "--config", str(config), "--site-dir", str(work / "site"), "--strict",
         "--today", TODAY.isoformat()],
        cwd=ROOT, check=True, capture_output=True, text=True)
    return server


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    server = serve(build_site(tmp_path_factory.mktemp("site") / "site"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make test` (it installs Debian's "
                    "chromium), or deselect browser tests with -m 'not browser'")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@dataclass
class Visit:
    """A page plus what it tried to fetch from elsewhere and what it printed to the console."""

    page: Page
    third_party: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture
def visit(browser: Browser, site: Server) -> Iterator[Visit]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield watch(context, site)
    context.close()


@pytest.fixture
def visit_on(browser: Browser) -> Iterator[Callable[..., Visit]]:
    """A visit of any served site, with context options: visit_on(server, viewport=...)."""
    contexts: list[BrowserContext] = []

    def open_visit(server: Server, **options: Any) -> Visit:
        context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **options})
        contexts.append(context)
        return watch(context, server)

    yield open_visit
    for context in contexts:
        context.close()


@pytest.fixture
def visit_with(visit_on: Callable[..., Visit], site: Server) -> Callable[..., Visit]:
    """`visit` with context options: visit_with(timezone_id="America/New_York")."""
    return lambda **options: visit_on(site, **options)


def axe_check(page: Page) -> None:
    """axe with the WCAG 2.2 AA tags finds nothing on the page as it is now, once its colour
    transitions have ended (axe measures the colours drawn, and a button just pressed is still
    between two)."""
    page.wait_for_function(
        "() => document.getAnimations().every((a) => a.playState !== 'running')")
    found = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS},
                                     "resultTypes": ["violations"]})
    assert found.violations_count == 0, found.generate_report()


def watch(context: BrowserContext, site: Server) -> Visit:
    """A new page of `context` whose third-party requests, console errors and dialogs are kept."""
    page = context.new_page()
    seen = Visit(page)
    local = urlsplit(site.url).netloc

    def guard(route: Route) -> None:
        url = route.request.url
        if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).netloc != local:
            seen.third_party.append(url)
            route.abort()
        else:
            route.continue_()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            seen.console_errors.append(message.text)

    def on_dialog(dialog: Dialog) -> None:
        seen.dialogs.append(dialog.message)
        dialog.dismiss()

    context.route("**/*", guard)
    page.on("console", on_console)
    page.on("dialog", on_dialog)
    return seen


@pytest.fixture(scope="session")
def national_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The site of SAMHSA's national directory (../shared/data), imported and built once per
    session, served compressed as a static host would."""
    source = SHARED_DATA / "samhsa-nsumhss"
    if not (source / "facilities.csv.gz").is_file():
        pytest.skip(f"{source} is absent: the national site cannot be built")
    work = tmp_path_factory.mktemp("national")
    subprocess.run(
        [sys.executable, "-m", "generator", "import", "samhsa", str(source / "facilities.csv.gz"),
         "--definitions", str(source / "service_definitions.csv.gz"), "--out",
         str(work / "providers"), "--survey-year", "2024"],
        cwd=ROOT, check=True, capture_output=True, text=True)
    # The importer dates intake status by the real day, so the build checks against it too.
    subprocess.run(
        [sys.executable, "-m", "generator", "build", "--providers", str(work / "providers"),
         "--site-dir", str(work / "site")],
        cwd=ROOT, check=True, capture_output=True, text=True)
    server = serve(work / "site", compress=True)
    server.providers = work / "providers"
    yield server
    server.stop()


@pytest.fixture(scope="session")
def imported_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A small site as an imported directory is: the committed SAMHSA sample (182 real
    facilities, no hours listed, nobody has checked them), imported and built on TODAY."""
    from tests.unit.samhsa_fixtures import DEFINITIONS, FACILITIES

    work = tmp_path_factory.mktemp("imported")
    subprocess.run(
        [sys.executable, "-m", "generator", "import", "samhsa", str(FACILITIES),
         "--definitions", str(DEFINITIONS), "--out", str(work / "providers"),
         "--survey-year", "2024", "--today", TODAY.isoformat()],
        cwd=ROOT, check=True, capture_output=True, text=True)
    server = serve(build_site(work / "site", work / "providers"))
    server.providers = work / "providers"
    yield server
    server.stop()


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The sample site built for http://127.0.0.1:PORT/iop/ and served only under /iop/, with
    404.html for missing pages and the headers of its _headers file (tests/browser/subpath.py).
    The server is a SubpathServer; its `outside` lists requests made outside /iop/."""
    from tests.browser.subpath import build_and_serve  # it imports this module

    server = build_and_serve(tmp_path_factory.mktemp("subpath") / "site")
    yield server
    server.stop()
