"""The fast reader gives exactly the full reader's data, or declines: on every listing the
repository holds (valid, broken and hostile), on generated scalars of every kind, and through
the whole of `load_file`, whose results must not change with it."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.synth import make_listing_text
from generator.load import catalog, fastyaml, yamlload
from tests.conftest import PROVIDERS, ROOT

FILES = sorted(PROVIDERS.glob("*.yaml")) + sorted((ROOT / "tests").rglob("*.yaml"))
TODAY = dt.date(2026, 11, 27)


def _same(a: Any, b: Any) -> bool:
    """Equal, and of the same types all the way down (1, 1.0 and True are all == in Python)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _agrees(text: str) -> bool:
    fast = fastyaml.parse(text)
    if fast is None:
        return True
    doc, problems = yamlload.load(text, "x.yaml")
    return problems == [] and _same(fast, doc.data)


def _text(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_readers_agree_on_every_listing_in_the_repository(path: Path) -> None:
    text = _text(path)
    assert text is None or _agrees(text)


def test_ordinary_listings_take_the_fast_reader() -> None:
    """Else it would be a slower way to the same result."""
    texts = [make_listing_text(i, random.Random(i)) for i in range(20)]
    fast = [text for text in texts if fastyaml.parse(text) is not None]
    # All but those with a ZIP code like 01608 written without quotes (New England's).
    assert len(fast) == len([t for t in texts if not re.search(r"zip: 0", t)]) >= 15
    assert all(_agrees(text) for text in texts)
    assert all(fastyaml.parse(p.read_text(encoding="utf-8")) is not None
               for p in sorted(PROVIDERS.glob("*.yaml")))


SCALARS = [
    "0", "-0", "+0", "7", "+12", "-3", "04101", "007", "0x1F", "0o17", "0b101", "1_000", "1e3",
    "1E-2", "1.", ".5", "-.5", "+.5", "0.5", "00.5", "1.5e", ".inf", "-.Inf", ".NaN", "1e999",
    "12345678901234567890", "true", "True", "TRUE", "tRUE", "false", "yes", "no", "on", "off",
    "y", "n", "null", "Null", "NULL", "nULL", "~", "", "18:00", "1:30", "2026-01-01",
    "2026-01-01T10:00:00Z", "'04101'", '"04101"', "'it''s'", '"a \\"b\\""', '"\\x41"',
    '"tab\\there"', "a # comment", "a#b", "key: value", "[a, b]", "[04101, 1]", "{a: 1}",
    "{a: 1, a: 2}", "&anchor x", "*alias", "!!str 12", "!tag x", "<<", "@at", "`tick",
    "% percent", "- dash", "?q", "? q", "[a, [b, {c: d}]]", "[a,\n  b]",
    "|\n  literal\n  text\n", ">\n  folded\n  text\n",
    "|-\n  strip\n", "|+\n  keep\n\n", ">2\n   indented\n", "'multi\n  line'", "plain\n  folded",
    "\u2028", "a\u2028b", "\u0085", "\ufeff", "caf\u00e9", "\u0645\u0631\u062d\u0628\u0627",
    "\U0001f600", "a\tb", "'\t'", "x\r", "---", "...", "=", "0.0.1", "1,000", "$5", "-", "--",
]


@pytest.mark.parametrize("scalar", SCALARS)
def test_the_readers_agree_on_scalars_of_every_kind(scalar: str) -> None:
    for text in (f"a: {scalar}\n", f"a:\n  - {scalar}\n", f"a: [{scalar}]\n",
                 f"a: {{b: {scalar}}}\n", f"{scalar}: 1\n", f"a: x\nb: {scalar}\nc: 1\n"):
        assert _agrees(text), text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "name", "zip", "1", "x y"]),
                          st.one_of(st.sampled_from(SCALARS),
                                    st.text(alphabet="0123456789abex.+-_:# '\"[]{},&*!|>\n",
                                            max_size=12))),
                max_size=4))
def test_the_readers_agree_on_generated_mappings(pairs: list[tuple[str, str]]) -> None:
    text = "".join(f"{key}: {value}\n" for key, value in pairs)
    assert _agrees(text), text


def test_deep_or_long_data_goes_to_the_full_reader() -> None:
    deep = "a: " + "[" * 20 + "]" * 20 + "\n"
    long = "a: [" + ", ".join(["x"] * 600) + "]\n"
    assert fastyaml.parse(deep) is None and fastyaml.parse(long) is None
    assert fastyaml.parse("a: [[[1]]]\n") == {"a": [[[1]]]}


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_load_file_gives_the_same_result_with_either_reader(
        path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Diagnostics with their positions, providers and cross-file positions, all unchanged."""
    raw = path.read_bytes()
    shown = str(path.relative_to(ROOT))
    fast = catalog.load_file(raw, shown, path.stem, path.suffix, TODAY)
    monkeypatch.setattr(fastyaml, "parse", lambda text: None)
    full = catalog.load_file(raw, shown, path.stem, path.suffix, TODAY)
    assert fast.diagnostics == full.diagnostics
    assert fast.provider == full.provider
    assert fast.positions is None or fast.positions == full.positions


def test_positions_are_read_when_a_message_needs_one(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Two files with one phone: the duplicate message points at the phone's line in each,
    although both were read without positions."""
    text = make_listing_text(1, random.Random(1))
    for name in ("first-copy", "second-copy"):
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    found = catalog.load_paths([Path()], TODAY)
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith("phone:"))
    phones = [d for d in found.diagnostics if "phone" in d.message]
    assert phones and all(d.line == line for d in phones)


_LEAVES = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6),
                    st.floats(allow_nan=False, allow_infinity=False, width=32),
                    st.text(max_size=30), st.sampled_from(SCALARS))
_DATA = st.recursive(_LEAVES, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=8), _DATA, max_size=5),
       st.sampled_from([False, True, None]), st.sampled_from([20, 80]))
def test_the_readers_agree_on_files_written_by_a_yaml_dumper(
        data: dict[str, Any], flow: bool | None, width: int) -> None:
    """Quoting, wrapping, block and flow styles as PyYAML writes them."""
    text = yaml.safe_dump(data, default_flow_style=flow, width=width, allow_unicode=True)
    assert _agrees(text), text


def _plain_flows_by_brackets(text: str) -> bool:
    """The bracket-by-bracket walk that `_plain_flows` shortens for lists without nesting."""
    end = 0
    for opening in fastyaml._FLOW_OPEN.finditer(text):
        start = opening.end() - 1
        if start < end:
            continue
        depth = 0
        for bracket in fastyaml._BRACKET.finditer(text, start):
            depth += 1 if bracket.group() in "[{" else -1
            if depth == 0:
                end = bracket.end()
                break
        else:
            return False
        if fastyaml._FLOW_INDICATORS.search(text, start, end):
            return False
    return True


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="[]{} \n,a-|#'\"", max_size=40))
def test_the_short_way_through_brackets_agrees_with_the_walk(text: str) -> None:
    assert fastyaml._plain_flows(text) == _plain_flows_by_brackets(text)


@given(st.text(alphabet=" \t\n[{,&*!%+-._0123456789abexfinINFNa#]}:'\"", max_size=40))
def test_the_search_from_candidates_finds_what_the_search_everywhere_finds(text: str) -> None:
    assert fastyaml._unusual_syntax(text) == bool(fastyaml._UNUSUAL_SYNTAX.search(text))
