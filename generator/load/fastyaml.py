"""A fast first reading of ordinary listings, which the full reader (yamlload) stands behind.

`yamlload` composes every node with its line and column, which makes messages exact but costs
about half a millisecond a listing: most of a cold validation at national scale. `yaml_rs` (a
YAML 1.2 parser written in Rust) reads a listing ten times faster but keeps no positions and
resolves a few plain scalars differently (`04101`, `0x1F` and `1_000` become numbers; tags,
aliases and merge keys are accepted). So it is used only on text where the two readers give the
same data: `parse` returns None for any text that uses something they might disagree on, and
the caller then reads the file with `yamlload` as before. Positions, wanted only for messages,
come from the full reader on first use (`LazyDocument`). `tests/unit/test_fastyaml.py` compares
both readers on the hostile corpus, the golden files and generated variations.
"""

from __future__ import annotations

import re
from typing import Any

import yaml_rs

from generator.load import limits
from generator.load.yamlload import Document, Path, load

# Anything but line feeds and the characters libyaml reads as printable text; also the line
# separators YAML 1.1 (libyaml) breaks lines at but YAML 1.2 does not, a byte-order mark inside
# the text, tabs, carriage returns and backslashes (escapes in double quotes).
_UNUSUAL_CHAR = re.compile(
    r"[^\n\x20-\x5b\x5d-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
    r"\U00010000-\U0010ffff]")
# Where a node can start (a line's start, after ': ', '- ' or '? ', inside brackets), what is
# before it is a space, a line break or a bracket; the text is searched with a line break put
# in front. Searching from that one character class is twenty times faster than naming the
# indicators, and matches more places, which only costs the full reader's time.
_START = r"[ \t\n\[{,]"
# Anchors, aliases, tags and directives at a node's start, and plain numbers that the readers
# resolve differently (leading zeros, 0x, 0o, 0b, underscores, .inf and .nan) or very long
# digit runs; merge keys and document markers are searched as plain strings.
_UNUSUAL_SYNTAX = re.compile(
    _START + r"(?:[&*!%]|[-+]?(?:0[0-9a-z_]|\.(?:inf|nan)|[0-9.]*_|[0-9]{16})[0-9a-z_.+-]*"
    r"[ \t]*(?:$|#|[,\]}]))", re.MULTILINE | re.IGNORECASE)
# Where that pattern can match: a node's start, then the first character of one of its forms.
# Most starts are spaces before a letter; trying the full pattern only at these pairs is 1.6
# times faster than trying it at every start. (No start character is also a first character:
# the pairs cannot overlap.)
_SYNTAX_CANDIDATE = re.compile(_START + r"[&*!%+\-.0-9_]")
_MARKERS = ("<<", "\n---", "\n...")
# A list or group in brackets ("days: [mon, wed]"), which may go on over several lines. The
# readers agree on those that hold only plain or quoted words, no indicator of another kind.
_FLOW_OPEN = re.compile(_START + r"[\[{]")
_BRACKET = re.compile(r"[\[\]{}]")
_FLAT_FLOW = re.compile(r"[^\[\]{}]*[\]}]")  # the rest of one that holds no bracket: most do
_FLOW_INDICATORS = re.compile(r"[|>?@`&*!%#]|-[ \t]")
# Listings are a few kilobytes; a large file (surely broken, maybe hostile) goes to the full
# reader, whose limits are checked before anything walks the tree.
MAX_CHARS = 32 * 1024


def parse(text: str) -> Any:
    """The listing's data as `yamlload.load` would return it, or None when the fast reader
    cannot vouch for that (unusual syntax, a parse error, data over the limits, not a mapping)."""
    if _unusual(text):
        return None
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # any complaint at all: the full reader explains it
        return None
    return data if isinstance(data, dict) and _ordinary(data, 1) else None


def _unusual(text: str) -> bool:
    text = "\n" + text
    return bool(len(text) > MAX_CHARS or _UNUSUAL_CHAR.search(text)
                or any(marker in text for marker in _MARKERS) or _unusual_syntax(text)
                or not _plain_flows(text))


def _unusual_syntax(text: str) -> bool:
    """`_UNUSUAL_SYNTAX.search(text)`, faster."""
    return any(_UNUSUAL_SYNTAX.match(text, candidate.start())
               for candidate in _SYNTAX_CANDIDATE.finditer(text))


def _plain_flows(text: str) -> bool:
    """Every bracketed list or group closes and holds nothing but plain or quoted words."""
    end = 0
    for opening in _FLOW_OPEN.finditer(text):
        start = opening.end() - 1
        if start < end:
            continue  # inside the previous one, already checked
        flat = _FLAT_FLOW.match(text, start + 1)  # where the bracket loop below would stop
        end = flat.end() if flat else _closing(text, start)
        if end < 0:
            return False  # never closed
        if _FLOW_INDICATORS.search(text, start, end):
            return False
    return True


def _closing(text: str, start: int) -> int:
    """Just after the bracket that closes the one at `start`, or -1."""
    depth = 0
    for bracket in _BRACKET.finditer(text, start):
        depth += 1 if bracket.group() in "[{" else -1
        if depth == 0:
            return bracket.end()
    return -1


def _ordinary(node: dict[Any, Any] | list[Any], depth: int) -> bool:
    """Text keys only, no text of nothing but spaces and line breaks (an empty block scalar is
    a line feed in yaml_rs, empty in yamlload), and within the limits that
    `limits.tree_problems` enforces. Scalars are checked inline: this runs on every listing."""
    if depth > limits.MAX_DEPTH or len(node) > limits.MAX_ENTRIES:
        return False
    if isinstance(node, dict):
        if not all(type(key) is str for key in node):
            return False
        node = list(node.values())
    for value in node:
        kind = type(value)
        if kind is str:
            if value and value.isspace():
                return False
        elif kind is dict or kind is list:
            if not _ordinary(value, depth + 1):
                return False
        elif value is not None and kind not in (int, float, bool):
            return False
    return True


class LazyDocument(Document):
    """A document read by the fast reader: its data now, its positions from the full reader the
    first time a message needs one."""

    def __init__(self, path: str, data: Any, text: str) -> None:
        super().__init__(path, data)
        self.text: str | None = text
        self.positioned = False

    def position(self, path: Path, key: bool = False) -> tuple[int, int]:
        if self.text is not None:
            full = load(self.text, self.path)[0]
            self.values, self.keys, self.text = full.values, full.keys, None
            self.positioned = True
        return super().position(path, key)
