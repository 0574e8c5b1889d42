"""Broken and hostile listings, each with its expected outcome committed beside it.

- invalid/NAME.yaml: `iopdir validate` exits 1 and prints exactly invalid/NAME.txt.
- literal/NAME.yaml: the listing is valid, and every line of literal/NAME.expect shows on its
  page as plain text: no element, attribute or link comes from it. tests/browser/
  test_hostile_site.py opens the same listings in Chromium.

Most cases run through `generator.cli.main` in this process, for speed; test_limits.py runs the
worst ones through the real command under memory and CPU limits. Regenerate the expected
outputs after an intended change with `UPDATE_GOLDEN=1 pytest tests/hostile`, then read the
diff: every line of it is something a provider will see.
"""

from __future__ import annotations

import html.parser
import os
import re
import subprocess
import sys
from pathlib import Path

import markdown
import markupsafe
import pytest
import yaml

from generator import cli
from generator.load.catalog import load_paths
from generator.pages import provider_page
from tests.conftest import ROOT, TODAY

HERE = Path(__file__).parent
INVALID = sorted((HERE / "invalid").glob("*.yaml"))
LITERAL = sorted((HERE / "literal").glob("*.yaml"))
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
# One line per problem: where, what, and how to fix it.
LINE = re.compile(r"(?P<path>[^:]+):\d+:\d+: (error|warning): (?P<message>\S.*)")
FIX = re.compile(r"\b(add|change|check|correct|delete|did you mean|fix|indent|list|merge|put|"
                 r"quote|remove|rename|retype|save|split|use|write)\b")
# What provider text may become on a page: the page's own structure, never more.
PAGE_TAGS = {"h1", "h2", "h3", "h4", "p", "ul", "li", "strong", "a", "span", "div", "table",
             "thead", "tbody", "tr", "th", "td", "hr", "nav"}
# mkdocs.yml's, MkDocs' own (fenced_code), and one that reads lines to include files
MD_EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc", "fenced_code",
                 "pymdownx.snippets"]


def compare(actual: str, expected_file: Path) -> None:
    if UPDATE:
        expected_file.write_text(actual, encoding="utf-8")
    assert expected_file.exists(), f"missing {expected_file}; run with UPDATE_GOLDEN=1"
    assert actual == expected_file.read_text(encoding="utf-8")


def validate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = cli.main(["validate", *args, "--today", TODAY.isoformat()])
    return code, capsys.readouterr().err


def test_the_corpus_covers_the_issue() -> None:
    assert len(INVALID) + len(LITERAL) >= 40
    for listing in INVALID + LITERAL:
        assert listing.with_suffix(".txt" if listing in INVALID else ".expect").exists(), listing


@pytest.mark.parametrize("listing", INVALID, ids=lambda p: p.stem)
def test_invalid_listing_exits_1_with_its_expected_messages(
        listing: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # paths in messages are relative to where iopdir runs
    code, err = validate(capsys, str(listing.relative_to(ROOT)))
    assert code == 1
    *problems, summary = err.splitlines()
    assert re.fullmatch(r"1 file checked: [1-9]\d* errors?, \d+ warnings?", summary), summary
    for line in problems:
        match = LINE.fullmatch(line)
        assert match and match["path"] == listing.relative_to(ROOT).as_posix(), line
        assert FIX.search(match["message"]), f"no hint on how to fix it: {line}"
    compare(err, listing.with_suffix(".txt"))


def test_a_directory_of_bad_listings_reports_every_file() -> None:
    """Through the real command: every file is reported (errors are collected, not fail-fast),
    nothing crashes, and the exit code is 1."""
    result = subprocess.run(
        [sys.executable, "-m", "generator", "validate", "tests/hostile/invalid",
         "--today", TODAY.isoformat()], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    reported = {LINE.fullmatch(line)["path"] for line in result.stderr.splitlines()  # type: ignore[index]
                if LINE.fullmatch(line)}
    assert reported == {p.relative_to(ROOT).as_posix() for p in INVALID}


@pytest.mark.parametrize("listing", LITERAL, ids=lambda p: p.stem)
def test_literal_listing_is_valid_and_its_page_shows_the_text_as_typed(
        listing: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, err = validate(capsys, "--strict", str(listing.relative_to(ROOT)))
    assert code == 0, err
    (provider,) = load_paths([listing], today=TODAY).providers
    meta, body = _split_front_matter(provider_page.render(provider, TODAY))
    rendered = markdown.markdown(body, extensions=MD_EXTENSIONS)
    assert rendered == body.strip()  # Python-Markdown keeps the page's HTML block as it is
    page = _Page()
    page.feed(rendered)
    assert page.tags <= PAGE_TAGS, page.tags - PAGE_TAGS
    assert page.risky == [], page.risky
    text = " ".join(page.text.split())
    for literal in listing.with_suffix(".expect").read_text(encoding="utf-8").splitlines():
        assert " ".join(literal.split()) in text
    # Themes print the title into <title> as it is: it is HTML-escaped already.
    assert meta["title"] == str(markupsafe.escape(provider.name))


class _Page(html.parser.HTMLParser):
    """The tags, risky attributes and visible text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.risky: list[str] = []
        self.text = ""
        self.in_data_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag == "script":  # only the page's own structured data, which is JSON
            self.in_data_script = dict(attrs).get("type") == "application/ld+json"
            if not self.in_data_script:
                self.risky.append(f"<script {attrs}>")
            return
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") or name in ("style", "srcdoc", "src") or \
                    (name == "id" and value.startswith("pwned")) or \
                    (name == "href" and _risky_href(value)):
                self.risky.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag: str) -> None:
        self.in_data_script = False

    def handle_data(self, data: str) -> None:
        if self.in_data_script:
            assert "<" not in data, "structured data must escape '<' so it cannot end the script"
        else:
            self.text += data + " "


def _risky_href(href: str) -> bool:
    """Anything but a web, phone or mail address, or a path on this site."""
    scheme = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", href)
    if scheme:
        return scheme[1].lower() not in ("https", "http", "tel", "mailto")
    return href.startswith("//")


def _split_front_matter(page: str) -> tuple[dict[str, str], str]:
    _, front, body = page.split("---\n", 2)
    meta: dict[str, str] = yaml.safe_load(front)
    return meta, body

