"""Safe YAML loading that keeps line numbers, refuses duplicate keys and avoids YAML 1.1 traps.

PyYAML resolves plain scalars with YAML 1.1 rules: `no` becomes False (the Norwegian language
code), `18:00` becomes the integer 1080, `2026-10-01` a date object, and a repeated key silently
replaces the first. Listings are typed by hand, so we compose the node tree with the C parser
(fast, and it builds no Python objects from tags) and convert nodes ourselves with the plain-scalar
rules of YAML 1.2's core schema, recording where every key and value sits.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from generator.load import limits
from generator.load.diagnostics import Diagnostic, Severity

Path = tuple[str | int, ...]

STR_TAG = "tag:yaml.org,2002:str"
_PLAIN_TAGS = {STR_TAG, "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_NULL = {"", "~", "null", "Null", "NULL"}
MAX_DIGITS = 30  # far more than any number in a listing, far below Python's 4,300
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


class _Alias(yaml.Node):
    """Where an alias (`*name`) was written. The composers hand back the anchored node itself,
    whose position is the anchor's, so messages pointed at the wrong line."""

    id = "alias"


class _AliasMarkingComposer(_PyComposer):
    """Composes aliases as `_Alias` nodes at their own position, never expanding them."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.get_event()  # type: ignore[no-untyped-call]
            if event.anchor not in self.anchors:
                raise yaml.composer.ComposerError(
                    None, None, f"found undefined alias {event.anchor!r}", event.start_mark)
            return _Alias("", "", event.start_mark, event.end_mark)
        node: yaml.Node | None = super().compose_node(parent, index)
        return node


def _compose_marking_aliases(text: str) -> yaml.Node | None:
    """Slower (pure Python), so only for the rare file that has aliases."""
    node: yaml.Node | None = _AliasMarkingComposer(text).get_single_node()
    return node


@dataclass
class Document:
    """A loaded YAML file: its data and where each value (and each mapping key) starts."""

    path: str
    data: Any = None
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    refused: set[Path] = field(default_factory=set)  # values reported already, kept as text

    def position(self, path: Path, key: bool = False) -> tuple[int, int]:
        """Where the key (if asked and present) or the value at `path` starts; for a missing field,
        where its nearest existing parent starts."""
        if key and path in self.keys:
            return self.keys[path]
        while path not in self.values and path:
            path = path[:-1]
        return self.values.get(path, (1, 1))


def decode(raw: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    """The file's text, without a UTF-8 byte-order mark (some Windows editors add one), or why
    it is not UTF-8 text, pointing at the first bad byte."""
    encoding = _wide_encoding(raw)
    if encoding:
        return None, [Diagnostic(path, 1, 1, Severity.ERROR, f"the file is saved as {encoding}; "
                                 "save it as UTF-8 (in most editors: Save As, Encoding)")]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Diagnostic(path, line, col, Severity.ERROR,
                                 f"byte {raw[exc.start]:#04x} is not UTF-8 text; save the file "
                                 "as UTF-8 (in most editors: Save As, Encoding)")]


def _wide_encoding(raw: bytes) -> str | None:
    """UTF-32 or UTF-16, by the byte-order mark or, without one, by the zero bytes that ASCII
    text has in those encodings. UTF-32's marks begin like UTF-16's, so they are checked first."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = raw[:4]
    if len(head) == 4 and head.count(0) == 3:
        return "UTF-32"
    if len(head) == 4 and (head[1] == head[3] == 0 or head[0] == head[2] == 0):
        return "UTF-16"
    return None


def load(text: str, path: str) -> tuple[Document, list[Diagnostic]]:
    """Parse `text`; return the document and every duplicate-key, tag or limit problem found."""
    doc = Document(path)
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        return doc, [_syntax_error(exc, path, text)]
    except yaml.reader.ReaderError as exc:
        return doc, [_reader_error(exc, path, text)]
    except yaml.YAMLError as exc:
        return doc, [Diagnostic(path, 1, 1, Severity.ERROR, f"cannot read YAML: "
                                f"{quoted(str(exc), 200)}; save the file as UTF-8 text")]
    if node is None:
        return doc, [Diagnostic(path, 1, 1, Severity.ERROR, "the file is empty; write the "
                                "listing's fields in it, such as 'name:' and 'programs:' "
                                "('iopdir new NAME' writes a template to fill in)")]
    too_big = limits.tree_problems(node, path)
    if too_big:  # the converter recurses and schema checks can be quadratic: stop here
        return doc, too_big
    converter = _Converter(doc)
    doc.data = converter.convert(node, ())
    if converter.aliases:  # once more, to report each alias where it was written
        doc = Document(path)
        converter = _Converter(doc)
        doc.data = converter.convert(_compose_marking_aliases(text), ())
    return doc, converter.problems


def _syntax_error(exc: yaml.MarkedYAMLError, path: str, text: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or ""
    if "maximum nesting depth" in problem:  # libyaml's own limit, at 1,000 levels
        return limits.nesting_problem(path, line, col)
    if "tab" in problem or _char_at(text, line, col) == "\t":
        return Diagnostic(path, line, col, Severity.ERROR, "YAML syntax: a tab character "
                          "where YAML needs spaces; indent with spaces only (set your editor "
                          "to insert spaces for the Tab key)")
    what = " ".join(p for p in (exc.context, problem) if p)
    return Diagnostic(path, line, col, Severity.ERROR,
                      f"YAML syntax: {what}; check indentation, and quote values that "
                      "contain ': ' or start with a special character")


def _reader_error(exc: yaml.reader.ReaderError, path: str, text: str) -> Diagnostic:
    """A character YAML does not allow in a file at all, such as a control character."""
    at = min(max(exc.position, 0), len(text))
    line = text.count("\n", 0, at) + 1
    col = at - (text.rfind("\n", 0, at) + 1) + 1
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or " ")
    what = "a control character" if unicodedata.category(chr(code)) == "Cc" else "not a character"
    return Diagnostic(path, line, col, Severity.ERROR,
                      f"U+{code:04X} is {what}, which YAML does not allow; delete "
                      "it (if you cannot see it, retype the text around it)")


def _char_at(text: str, line: int, col: int) -> str:
    lines = text.split("\n", line)
    return lines[line - 1][col - 1:col] if len(lines) >= line else ""


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Converter:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.problems: list[Diagnostic] = []
        self.seen: set[int] = set()
        self.aliases, self.first_alias = 0, 0

    def error(self, node: yaml.Node, message: str) -> None:
        line, col = _pos(node)
        self.problems.append(Diagnostic(self.doc.path, line, col, Severity.ERROR, message))

    def convert(self, node: yaml.Node | None, path: Path) -> Any:
        assert node is not None
        if id(node) in self.seen:  # an alias: refuse it, which also stops "billion laughs"
            self.aliases += 1  # load() reads the file again to say where each one is
            return None
        self.seen.add(id(node))
        self.doc.values[path] = _pos(node)
        if isinstance(node, _Alias):
            self.alias(node, path)
            return None
        if node.tag not in _PLAIN_TAGS:
            self.error(node, f"{dotted(path)}: YAML tags such as {quoted(node.tag)} are not "
                       "supported; remove the tag")
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self.scalar(node, path)

    def alias(self, node: yaml.Node, path: Path) -> None:
        """Reported once, at the first alias, with a count: one message per alias would bury
        everything else."""
        self.aliases += 1
        if self.aliases == 1:
            self.first_alias = len(self.problems)
            self.error(node, f"{dotted(path)}: anchors and aliases (&, *) are not supported; "
                       "write the value out in full")
        else:
            first = self.problems[self.first_alias]
            message = first.message.split(" (this file has")[0]
            self.problems[self.first_alias] = Diagnostic(
                first.path, first.line, first.col, first.severity,
                f"{message} (this file has {self.aliases} aliases; each needs the same fix)")

    def mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self.key(key_node, path)
            if key is None:
                continue
            if key in result:
                first = self.doc.keys[(*path, key)]
                self.error(key_node, f"{dotted((*path, key))}: duplicate key {quoted(key)} "
                           f"(first at line {first[0]}); YAML would keep only the last value, "
                           "so remove one")
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
        digits = len(node.value.lstrip("+-"))
        if digits > MAX_DIGITS and _INT.fullmatch(node.value):
            # Python refuses to convert more than 4,300 digits (a guard against slow parsing).
            self.error(node, f"{dotted(path)}: a number {digits:,} digits long; no field of a "
                       "listing holds one this long: check the value, and write text in quotes")
            self.doc.refused.add(path)
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


_FIELD_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,59}")


def dotted(path: Path) -> str:
    """programs[0].tracks[1].end: the field path as people read it. A key that is not a plain
    word is quoted, so control or invisible characters cannot garble the message."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not _FIELD_NAME.fullmatch(part):
            out += f"[{quoted(part)}]"
        else:
            out += f".{part}" if out else part
    return out or "(top level)"


def quoted(value: object, limit: int = 60) -> str:
    """A value for a message: Python's repr (which escapes invisible characters), cut short."""
    if isinstance(value, str) and len(value) > limit:
        return f"{value[:limit]!r}... ({len(value):,} characters)"
    shown = repr(value)
    return shown if len(shown) <= limit + 20 else shown[:limit] + "..."


