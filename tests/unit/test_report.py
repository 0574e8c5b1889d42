"""`iopdir report`: stale listings, duplicates, programs without schedules, invalid files."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.authoring import report
from generator.load.catalog import Catalog, load_paths
from tests.conftest import PROVIDERS, TODAY
from tests.unit.helpers import listing, program, provider

# A mention as GitHub finds one: '@' (or its entity) right before a name.
MENTION = re.compile(r"(@|&#0*64;|&#x0*40;)[A-Za-z0-9]", re.IGNORECASE)


@pytest.fixture
def fixtures(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three samples, one stale, one copied under another name, plus one broken file."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "providers"
    folder.mkdir()
    for name in ("lanternfish-recovery-collective", "otterbank-wellness-house",
                 "puffin-and-pine-counseling"):
        shutil.copy(PROVIDERS / f"{name}.yaml", folder)
    stale = folder / "puffin-and-pine-counseling.yaml"
    stale.write_text(re.sub(r'last_verified: "[0-9-]+"', 'last_verified: "2025-03-01"',
                            stale.read_text(encoding="utf-8")), encoding="utf-8")
    shutil.copy(folder / "otterbank-wellness-house.yaml", folder / "otterbank-copy.yaml")
    (folder / "broken.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    return folder


def _section(output: str, title: str) -> str:
    return output.split(title, 1)[1].split("\n\n", 1)[0]


def test_the_report_names_the_stale_listing_and_both_duplicates(fixtures: Path) -> None:
    output = report.render_text(report.build(load_paths([fixtures], TODAY)))
    assert "5 listing files checked on 2026-11-26: 4 valid listings with" in output
    stale = _section(output, "Not verified in the last 12 months (1)")
    assert re.search(r"providers/puffin-and-pine-counseling\.yaml +2025-03-01 +635", stale)
    duplicates = _section(output, "Possible duplicates (3)")
    for kind in ("phone (error)", "website (error)", "name and address (error)"):
        assert re.search(re.escape(kind) + r".*providers/otterbank-copy\.yaml, "
                         r"providers/otterbank-wellness-house\.yaml", duplicates), kind
    invalid = _section(output, "Invalid listings (1)")
    assert "providers/broken.yaml  1" in invalid and "YAML syntax" in invalid


def test_stale_listings_come_oldest_first_and_the_limit_is_an_option() -> None:
    old = provider(listing(last_verified="2025-01-01"), slug="old")
    older = provider(listing(last_verified="2024-01-01"), slug="older")
    fresh = provider(listing(last_verified="2026-11-01"), slug="fresh")
    catalog = Catalog(TODAY, [old, fresh, older], [], 3)
    rows = report.build(catalog).tables[0].rows
    assert [r[0] for r in rows] == ["providers/older.yaml", "providers/old.yaml"]
    short = report.build(catalog, stale_after_days=20).tables[0]
    assert short.title == "Not verified in the last 20 days" and len(short.rows) == 3


def test_programs_without_schedules_and_counts() -> None:
    unlisted = program(name="Call Us IOP", schedule_status="not_listed")
    del unlisted["tracks"]
    data = listing(programs=[program(), unlisted])
    catalog = Catalog(TODAY, [provider(data)], [], 1)
    tables = {t.title: t for t in report.build(catalog).tables}
    assert tables["Programs without schedules"].rows == [
        ("providers/unit-test-clinic.yaml", "Call Us IOP", "(503) 555-0199")]
    assert tables["Listings by state"].rows == [("Oregon (OR)", "1", "2")]
    assert tables["Programs by level of care"].rows == [
        ("Intensive outpatient (ASAM 2.1)", "2", "1")]


def test_markdown_is_an_inert_issue_body() -> None:
    hostile = "Evil | <img src=x onerror=alert(1)> @maintainer **bold**"
    unlisted = program(name=hostile, schedule_status="not_listed")
    del unlisted["tracks"]
    catalog = Catalog(TODAY, [provider(listing(programs=[unlisted]))], [], 1)
    body = report.render_markdown(report.build(catalog))
    row = next(line for line in body.splitlines() if "Evil" in line)
    assert row.count(" | ") == 2  # three cells: the name's pipe is escaped
    assert "<img" not in body and "**bold**" not in body
    assert not MENTION.search(body), body  # GitHub decodes entities before finding mentions
    assert body.startswith("# Listings report, 2026-11-26\n")
    assert "## Programs without schedules (1)" in body


def test_markdown_tables_are_cut_to_fit_an_issue() -> None:
    many = [provider(listing(last_verified="2024-01-01"), slug=f"p{i}") for i in range(5)]
    body = report.render_markdown(report.build(Catalog(TODAY, many, [], 5)), max_rows=2)
    stale = body.split("## Not verified")[1].split("## ")[0]
    assert stale.count("providers/p") == 2 and "And 3 more rows." in stale


def test_failed_calls_and_reported_problems_are_listed() -> None:
    failed = provider(listing(unreachable={"reason": "disconnected", "attempts": 3,
                                           "date": "2026-11-02"}), slug="failed")
    reported = provider(listing(recheck={"reason": "The program has closed",
                                         "date": "2026-11-03",
                                         "report": "https://github.com/example/iop/issues/7"}),
                        slug="reported")
    tables = {t.title: t for t in report.build(Catalog(TODAY, [failed, reported], [], 2)).tables}
    assert tables["Could not be reached by phone"].rows == [
        ("providers/failed.yaml", "2026-11-02", "3", "the number is not in service",
         "(503) 555-0199")]
    assert tables["Reported problems waiting for a check"].rows == [
        ("providers/reported.yaml", "2026-11-03", "The program has closed",
         "https://github.com/example/iop/issues/7")]
    text = report.render_text(report.build(Catalog(TODAY, [provider()], [], 1)))
    assert "Every call recorded reached someone." in text
