"""Arbitrary Unicode in every text, web address and email field of a valid listing: the listing
is refused with path:line:col errors, or its pages keep every character as text and pass the
post-build audit. Never a traceback.

The first test renders the pages and Markdown in this process, for many examples; the second
builds a few real sites with `iopdir build`, which runs the audit itself.
"""

from __future__ import annotations

import re
import shutil
from typing import Any, Literal

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import cli
from generator.load.catalog import load_file
from generator.load.diagnostics import Severity
from generator.load.hidden_chars import INVISIBLE
from generator.model.links import EMAIL as EMAIL_PATTERN
from generator.output import audit, hosting
from generator.pages import browse, provider_page
from tests.conftest import PROVIDERS, TODAY
from tests.unit.helpers import listing, program, track

# mkdocs.yml's, MkDocs' own (fenced_code), and one that reads lines to include files
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc", "fenced_code",
              "pymdownx.snippets"]
LINE = re.compile(r"providers/[a-z0-9-]+\.yaml:\d+:\d+: (error|warning): .+")
SURROGATES: tuple[Literal["Cs"]] = ("Cs",)  # the one thing a Python str can hold but UTF-8 not
ANY_TEXT = st.text(st.characters(blacklist_categories=SURROGATES), min_size=0, max_size=40)
# Every character validation lets through, for listings with odd text in every field at once.
SHOWN_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Cn", "Co", "Zl", "Zp"),
                                   blacklist_characters="\u034f\u115f\u1160\u17b4\u17b5\u2800"
                                                      "\u3164\uffa0"),
                     min_size=0, max_size=40).filter(lambda t: not INVISIBLE.search(t))
# Pieces that the escaping and the checks care about, so examples hit them often.
HOSTILE_BITS = st.sampled_from([
    "<", ">", "&", '"', "'", "`", "[", "](", ")", "!", "*", "_", "{:", "}", "#", "|", "\\",
    "\n", "\r", "\t", "<!--", "]]>", "</div>", "<script>", "javascript:", "onerror=", "%",
    "\u00e9", "\u0430", "\u202e", "\u3164", "\ufffe", "\U0001f600", "\u2028", "\x00", " ",
])
TEXT = st.one_of(ANY_TEXT, st.lists(HOSTILE_BITS | ANY_TEXT, max_size=8).map("".join))
LABEL = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True)
URL = st.one_of(
    TEXT,
    st.builds(lambda host, path: f"https://{host}.example.org/{path}", LABEL, TEXT),
    st.builds(lambda path, query: f"https://clinic.example.org/{path}?{query}", TEXT, TEXT),
)
EMAIL = st.one_of(TEXT, st.from_regex(EMAIL_PATTERN, fullmatch=True).filter(
    lambda e: len(e) <= 254))
TEXT_FIELDS = ("name", "description", "source", "street", "city", "location_name",
               "program_name", "program_description", "carrier", "track_name")


def _data(values: dict[str, str]) -> Any:
    """A valid listing with `values` in its text, web address and email fields."""
    v = {field: "Clinic" for field in TEXT_FIELDS} | {
        "description": "A fictional clinic.", "website": "https://clinic.example.org",
        "email": "intake@clinic.example.org"} | values
    data = listing(name=v["name"], description=v["description"], source=v["source"],
                   website=v["website"], email=v["email"], programs=[program(
                       name=v["program_name"], description=v["program_description"],
                       insurance_carriers=[v["carrier"]], payment=["private_insurance"],
                       tracks=[track((["mon", "wed", "fri"], "18:00", "21:00"),
                                     name=v["track_name"])])])
    data["locations"][0].update(street=v["street"], city=v["city"], name=v["location_name"])
    return data


def _padded(text: str) -> str:
    """Long enough for the fields with a minimum length (2 to 10 characters)."""
    return text + " of the clinic"


ONE_FIELD = st.one_of(
    st.builds(lambda field, text: _data({field: _padded(text)}),
              st.sampled_from(TEXT_FIELDS), TEXT),
    st.builds(lambda url: _data({"website": url}), URL),
    st.builds(lambda email: _data({"email": email}), EMAIL),
)
ALL_FIELDS = st.builds(
    lambda texts, url, email: _data({**dict(zip(TEXT_FIELDS, map(_padded, texts),
                                                 strict=True)), "website": url,
                                     "email": email}),
    st.lists(SHOWN_TEXT, min_size=len(TEXT_FIELDS), max_size=len(TEXT_FIELDS)),
    st.builds(lambda host, path: f"https://{host}.example.org/{path}", LABEL, SHOWN_TEXT),
    st.from_regex(EMAIL_PATTERN, fullmatch=True).filter(lambda e: len(e) <= 254))
LISTING = st.one_of(ONE_FIELD, ALL_FIELDS)


def _loaded(data: Any, slug: str = "prop") -> tuple[Any, list[str]]:
    raw = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
    result = load_file(raw, f"providers/{slug}.yaml", slug, ".yaml", TODAY)
    lines = [d.format_text() for d in result.diagnostics]
    assert all(LINE.fullmatch(line) for line in lines), lines
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    assert (result.provider is None) == bool(errors), lines
    return result.provider, lines


def _shell(body_html: str) -> str:
    """The rendered Markdown in a page like the theme's, with its policy."""
    html = (f'<!doctype html><html><head><meta charset="utf-8"><title>t</title></head>'
            f"<body><article>{body_html}</article></body></html>")
    return hosting.with_policy(html)[0]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LISTING)
def test_any_listing_is_refused_or_rendered_as_text(data: Any) -> None:
    found, _ = _loaded(data)
    if found is not None:
        _check_pages(found)


def test_a_hostile_but_valid_listing_reaches_the_pages() -> None:
    """Guard: text full of markup is valid, so the property above checks pages, not only
    refusals."""
    found, lines = _loaded(_data({
        "name": "Clinic <b>bold</b> *em*{: onclick=x }",
        "description": "</div><script>x()</script>\n\n# H",
        "street": "1 Main St & Co", "program_name": "IOP [x](javascript:x)",
        "track_name": "Evening <!--", "carrier": "Aetna ]]>", "source": "source `code`",
        "website": "https://clinic.example.org/[x](y)?a=%3Cb%3E",
        "email": "intake+iop@clinic.example.org"}))
    assert found is not None, lines
    _check_pages(found)


def _check_pages(found: Any) -> None:
    pages = {"providers/prop.md": provider_page.render(found, TODAY),
             **browse.generate([found])}
    for path, page in pages.items():
        body = page.split("---\n", 2)[2].lstrip("\n")
        rendered = markdown.markdown(body, extensions=EXTENSIONS)
        assert rendered == body.strip(), path  # kept as it is: no Markdown ran on it
        assert audit.audit_page(_shell(rendered), path) == [], path
        meta = yaml.safe_load(page.split("---\n", 2)[1])
        assert isinstance(meta["title"], str)


@pytest.mark.slow
@settings(max_examples=3, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(LISTING, min_size=4, max_size=4))
def test_sites_built_from_any_listings_pass_the_audit(tmp_path_factory: pytest.TempPathFactory,
                                                      listings: list[Any]) -> None:
    work = tmp_path_factory.mktemp("property")
    folder = work / "providers"
    shutil.copytree(PROVIDERS, folder)
    valid = 0
    for i, data in enumerate(listings):
        # Four copies of one listing would be duplicates: tell them apart.
        data.update(name=f"{data['name']} {i}", phone=f"(503) 555-018{i}",
                    website=data["website"].replace("clinic.example.org",
                                                    f"clinic-{i}.example.org"))
        found, _ = _loaded(data, f"prop-{i}")
        # Only valid listings go in: one error would stop the build before the pages.
        if found is not None:
            (folder / f"prop-{i}.yaml").write_text(
                yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
            valid += 1
    site = work / "site"
    code = cli.main(["build", "--providers", str(folder), "--site-dir", str(site),
                     "--today", TODAY.isoformat(), "--no-cache"])
    assert code == 0  # the build audits every page and fails on any finding
    assert len(list((site / "providers").iterdir())) == len(list(PROVIDERS.glob("*.yaml"))) \
        + valid
    assert cli.main(["audit", str(site)]) == 0
