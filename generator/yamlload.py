"""Safe YAML loading that keeps line numbers, refuses duplicate keys and avoids YAML 1.1 traps.

PyYAML resolves plain scalars with YAML 1.1 rules: `no` becomes False (the Norwegian language
code), `18:00` becomes the integer 1080, `2026-10-01` a date object, and a repeated key silently
replaces the first. Listings are typed by hand, so we compose the node tree with the C parser
(fast, and it builds no Python objects from tags) and convert nodes ourselves with the plain-scalar
rules of YAML 1.2's core schema, recording where every key and value sits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from generator.diagnostics import Diagnostic, Severity

Path = tuple[str | int, ...]

STR_TAG = "tag:yaml.org,2002:str"
_PLAIN_TAGS = {STR_TAG, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


class _PyComposer(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser,
                  yaml.composer.Composer, yaml.resolver.BaseResolver):
    """The pure-Python fallback, for a PyYAML built without libyaml."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        yaml.resolver.BaseResolver.__init__(self)


def _composer_class() -> Any:
    """Composing nodes only: BaseResolver has no implicit rules, so plain scalars keep STR_TAG.
    The C parser (libyaml, in PyYAML's wheels) is about eight times faster than pure Python."""
    try:
        from yaml._yaml import CParser
    except ImportError:  # pragma: no cover - depends on how PyYAML was built
        return _PyComposer

    class _CComposer(CParser, yaml.resolver.BaseResolver):
        pass

    return _CComposer


_COMPOSER = _composer_class()


def _compose(text: str) -> yaml.Node | None:
    node: yaml.Node | None = _COMPOSER(text).get_single_node()
    return node


@dataclass
class Document:
    """A loaded YAML file: its data and where each value (and each mapping key) starts."""

    path: str
    data: Any = None
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: Path, key: bool = False) -> tuple[int, int]:
        """Where the key (if asked and present) or the value at `path` starts; for a missing field,
        where its nearest existing parent starts."""
        if key and path in self.keys:
            return self.keys[path]
        while path not in self.values and path:
            path = path[:-1]
        return self.values.get(path, (1, 1))


def load(text: str, path: str) -> tuple[Document, list[Diagnostic]]:
    """Parse `text`; return the document and every duplicate-key or tag problem found."""
    doc = Document(path)
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        return doc, [_syntax_error(exc, path)]
    except yaml.YAMLError as exc:
        return doc, [Diagnostic(path, 1, 1, Severity.ERROR, f"cannot read YAML: {exc}")]
    if node is None:
        return doc, [Diagnostic(path, 1, 1, Severity.ERROR, "the file is empty; a listing is a "
                                "mapping of fields such as 'name:' and 'programs:'")]
    converter = _Converter(doc)
    doc.data = converter.convert(node, ())
    return doc, converter.problems


def _syntax_error(exc: yaml.MarkedYAMLError, path: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = " ".join(p for p in (exc.context, exc.problem) if p)
    return Diagnostic(path, line, col, Severity.ERROR,
                      f"YAML syntax: {what}; check indentation, and quote values that "
                      "contain ': ' or start with a special character")


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Converter:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.problems: list[Diagnostic] = []
        self.seen: set[int] = set()

    def error(self, node: yaml.Node, message: str) -> None:
        line, col = _pos(node)
        self.problems.append(Diagnostic(self.doc.path, line, col, Severity.ERROR, message))

    def convert(self, node: yaml.Node, path: Path) -> Any:
        if id(node) in self.seen:  # an alias: refuse it, which also stops "billion laughs"
            self.error(node, f"{dotted(path)}: anchors and aliases (&, *) are not supported; "
                       "write the value out in full")
            return None
        self.seen.add(id(node))
        self.doc.values[path] = _pos(node)
        if node.tag not in _PLAIN_TAGS:
            self.error(node, f"{dotted(path)}: YAML tags such as {node.tag!r} are not "
                       "supported; remove the tag")
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self.scalar(node, path)

    def mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self.key(key_node, path)
            if key is None:
                continue
            if key in result:
                first = self.doc.keys[(*path, key)]
                self.error(key_node, f"{dotted((*path, key))}: duplicate key {key!r} (first at "
                           f"line {first[0]}); YAML would keep only the last value, so remove one")
                continue
            self.doc.keys[(*path, key)] = _pos(key_node)
            result[key] = self.convert(value_node, (*path, key))
        return result

    def key(self, node: yaml.Node, path: Path) -> str | None:
        if not isinstance(node, yaml.ScalarNode):
            self.error(node, f"{dotted(path)}: a key must be a plain word, like 'name'")
            return None
        if node.value == "<<" and not node.style:
            self.error(node, f"{dotted(path)}: merge keys (<<) are not supported; "
                       "write the fields out in full")
            return None
        return str(node.value)

    def scalar(self, node: yaml.ScalarNode, path: Path) -> Any:
        if node.tag != STR_TAG:  # reported in convert(); keep the text
            return node.value
        if node.style:  # quoted, literal or folded: always a string (plain is None or "")
            return node.value
        return resolve_plain(node.value)


def resolve_plain(text: str) -> Any:
    """YAML 1.2 core-schema plain scalars; a leading zero keeps a number a string ('04101')."""
    if text in _NULL:
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text) and any(c.isdigit() for c in text) and not _leading_zero(text):
        return float(text)
    return text


def _leading_zero(text: str) -> bool:
    digits = text.lstrip("+-")
    return len(digits) > 1 and digits[0] == "0" and digits[1].isdigit()


def dotted(path: Path) -> str:
    """programs[0].tracks[1].end: the field path as people read it."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "(top level)"


