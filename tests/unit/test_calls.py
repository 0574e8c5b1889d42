"""`iopdir calls`: the listings to call, most urgent first, as a CSV and a printable page."""

from __future__ import annotations

import csv
import io
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.authoring import calls, calls_page
from generator.cli import main
from generator.load.catalog import Catalog
from tests.conftest import PROVIDERS, TODAY
from tests.unit.helpers import listing, program, provider
from tests.unit.samhsa_fixtures import run_import


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("imported")
    run_import(out)
    return out


def _rows(out: Path) -> list[dict[str, str]]:
    with (out / "calls.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_illinois_listings_without_schedules_come_first(imported: Path, tmp_path: Path) -> None:
    providers = tmp_path / "providers"
    shutil.copytree(imported, providers)
    shutil.copy(PROVIDERS / "lanternfish-recovery-collective.yaml", providers)  # a sample
    illinois = sorted(p.stem for p in providers.glob("*.yaml")
                      if "state: IL" in p.read_text(encoding="utf-8"))
    assert len(illinois) >= 3
    scheduled, fresh = illinois[0], illinois[1]
    assert main(["record", scheduled, "--providers", str(providers), "--schedule",
                 "Mon-Thu 6-9pm", "--by", "Volunteer caller", "--date", "2025-01-10",
                 "--today", TODAY.isoformat()]) == 0
    assert main(["record", fresh, "--providers", str(providers), "--schedule",
                 "Mon-Thu 9am-12pm", "--by", "Volunteer caller", "--today",
                 TODAY.isoformat()]) == 0
    out = tmp_path / "calls"
    assert main(["calls", "--providers", str(providers), "--state", "il", "--out", str(out),
                 "--today", TODAY.isoformat()]) == 0
    rows = _rows(out)
    assert {r["state"] for r in rows} == {"IL"}
    listed = [r["listing"].removesuffix(".yaml") for r in rows]
    # Every Illinois listing but the one checked today; the scheduled, stale one last.
    assert sorted(listed) == sorted(set(illinois) - {fresh})
    assert listed[-1] == scheduled
    assert all(r["why"].startswith("no schedule for 1 program") for r in rows[:-1])
    assert rows[-1]["why"] == "last verified 2025-01-10 (685 days ago)"
    assert [int(r["priority"]) for r in rows] == list(range(1, len(rows) + 1))
    assert rows[0]["record"].startswith(f"iopdir record {listed[0]} --schedule")
    assert "which days and times does each group meet" in rows[0]["ask"]
    assert "still these hours? Evening track: Mon-Thu 6-9pm" in rows[-1]["ask"]


def test_reports_first_and_unreachable_last_within_a_group() -> None:
    unlisted = program(schedule_status="not_listed")
    del unlisted["tracks"]
    plain = provider(listing(name="Plain", programs=[unlisted]), slug="plain")
    reported = provider(listing(name="Reported", programs=[unlisted], recheck={
        "reason": "The hours are wrong", "date": "2026-11-01"}), slug="reported")
    tried = provider(listing(name="Tried", programs=[unlisted], unreachable={
        "reason": "no_answer", "attempts": 2, "date": "2026-11-20"}), slug="tried")
    sample = provider(listing(name="Sample", programs=[unlisted], sample=True), slug="sample")
    found = calls.build(Catalog(TODAY, [tried, plain, sample, reported], [], 4))
    assert [c.provider.slug for c in found] == ["reported", "plain", "tried"]
    assert "2 calls reached nobody, the last on 2026-11-20 (nobody answered)" in \
        found[2].reasons[-1]
    assert found[0].questions[-1] == "Reported: The hours are wrong. Is that so?"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.addresses: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.addresses += [v or "" for k, v in attrs if k in ("href", "src")]


def test_the_page_escapes_listing_text_and_loads_nothing() -> None:
    hostile = '<script>alert(1)</script> & "Clinic"'
    unlisted = program(name="<img src=x onerror=alert(2)>", schedule_status="not_listed")
    del unlisted["tracks"]
    found = calls.build(Catalog(TODAY, [provider(listing(name=hostile, programs=[unlisted]))],
                                [], 1))
    html = calls_page.page(found, TODAY, ["OR"], 1)
    parsed = _Links()
    parsed.feed(html)
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;Clinic&#34;" in html
    assert parsed.addresses == ["tel:+15035550199"]
    assert "If they are busy, or someone is waiting for help" in html


def test_csv_cells_cannot_become_formulas() -> None:
    unlisted = program(schedule_status="not_listed")
    del unlisted["tracks"]
    found = calls.build(Catalog(TODAY, [provider(listing(name="=HYPERLINK(1)",
                                                         programs=[unlisted]))], [], 1))
    [row] = list(csv.DictReader(io.StringIO(calls_page.csv_text(found))))
    assert row["name"] == "'=HYPERLINK(1)"


def test_limit_and_states_are_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calls", "--providers", str(PROVIDERS), "--state", "ZZ", "--out",
                 str(tmp_path)]) == 2
    assert "--state ZZ: not a state code" in capsys.readouterr().err
    assert main(["calls", "--providers", str(PROVIDERS), "--out", str(tmp_path),
                 "--today", TODAY.isoformat()]) == 0
    assert re.search(r"Wrote 0 of 0 listings", capsys.readouterr().err)  # samples: no calls
