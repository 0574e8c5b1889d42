"""Change a listing file the way a person would: the rest of it (comments, key order, quoting,
layout) stays exactly as it was. A round-trip YAML library (ruamel.yaml) keeps what the
project's own loader throws away; the result is always checked with the project's validator
before it is written (see listing_edit.py).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from generator.load.catalog import UsageError

Node = Any


def _yaml() -> YAML:
    yaml = YAML()  # round-trip
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long description onto new lines
    yaml.indent(mapping=2, sequence=4, offset=2)  # '  - id: main', as listings are written
    return yaml


def load(text: str, where: str) -> CommentedMap:
    try:
        doc = _yaml().load(text)
    except YAMLError as exc:
        raise UsageError(f"{where}: cannot read the file as YAML ({exc}); run iopdir validate "
                         f"{where}") from None
    if not isinstance(doc, CommentedMap):
        raise UsageError(f"{where}: not a listing (a mapping of fields)")
    return doc


def dump(doc: CommentedMap) -> str:
    out = io.StringIO()
    _yaml().dump(doc, out)
    return out.getvalue()


def quoted(text: str) -> Any:
    """A string written in double quotes, as dates, times and free text are in listings."""
    return DoubleQuotedScalarString(text)


def flow(items: Sequence[Any]) -> CommentedSeq:
    """A list written on one line: [mon, tue, thu]."""
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def flow_map(fields: dict[str, Any]) -> CommentedMap:
    """A small mapping on one line: {status: yes, as_of: "2026-11-20"}."""
    mapping = CommentedMap(fields)
    mapping.fa.set_flow_style()
    return mapping


def block_map(fields: dict[str, Any]) -> CommentedMap:
    return CommentedMap(fields)


def tracks(named: Sequence[tuple[str, Sequence[dict[str, Any]]]]) -> CommentedSeq:
    """The `tracks:` of a program from (name, sessions) pairs, in the layout of listings."""
    seq = CommentedSeq()
    for name, sessions in named:
        found = CommentedSeq()
        for session in sessions:
            found.append(CommentedMap([("days", flow(session["days"])),
                                       ("start", quoted(session["start"])),
                                       ("end", quoted(session["end"]))]))
        seq.append(CommentedMap([("name", quoted(name)), ("sessions", found)]))
    return seq


def update_tracks(current: CommentedSeq,
                  named: Sequence[tuple[str, Sequence[dict[str, Any]]]]) -> None:
    """Make existing `tracks:` say `named`, changing only the values that differ, so a moved
    start time is a one-line change and every comment stays."""
    fresh = tracks(named)
    for i, track in enumerate(fresh):
        if i >= len(current) or not isinstance(current[i], CommentedMap):
            _put(current, i, track)
            continue
        old = current[i]
        if old.get("name") != track["name"]:
            old["name"] = track["name"]
        sessions = old.get("sessions")
        if not isinstance(sessions, CommentedSeq):
            old["sessions"] = track["sessions"]
            continue
        for j, session in enumerate(track["sessions"]):
            if j < len(sessions) and isinstance(sessions[j], CommentedMap):
                _same_values(sessions[j], session)
            else:
                _put(sessions, j, session)
        del sessions[len(track["sessions"]):]
    del current[len(fresh):]


def _put(seq: CommentedSeq, index: int, value: Any) -> None:
    if index < len(seq):
        seq[index] = value
    else:
        seq.append(value)


def _same_values(old: CommentedMap, new: CommentedMap) -> None:
    """Set in `old` only the values that differ from `new` (lists compared as lists)."""
    for key, value in new.items():
        if key not in old or _comparable(old[key]) != _comparable(value):
            old[key] = value
    for key in [k for k in old if k not in new]:
        remove_field(old, key)


def _comparable(value: Any) -> Any:
    return list(value) if isinstance(value, list) else str(value)


def set_field(mapping: CommentedMap, key: str, value: Any, order: Sequence[str]) -> None:
    """Set `key`; a new key goes after the last field before it in `order` (unknown fields
    and fields missing from `order` keep their place). A mapping given for a field that holds
    one is merged into it, so comments inside it stay."""
    if key in mapping:
        old = mapping[key]
        if isinstance(old, CommentedMap) and isinstance(value, dict):
            update_map(old, value)
        else:
            mapping[key] = value
        return
    position = 0
    wanted = order.index(key) if key in order else len(order)
    for i, existing in enumerate(mapping):
        if existing in order and order.index(existing) < wanted:
            position = i + 1
    _insert(mapping, position, key, value)


def update_map(mapping: CommentedMap, fields: dict[str, Any]) -> None:
    """Make `mapping` hold exactly `fields`, in place: kept keys keep their comments, new ones
    go at the end, removed ones leave their comment lines behind."""
    for key in [k for k in mapping if k not in fields]:
        remove_field(mapping, key)
    for key, value in fields.items():
        if key in mapping:
            mapping[key] = value
        else:
            _insert(mapping, len(mapping), key, value)


def _insert(mapping: CommentedMap, position: int, key: str, value: Any) -> None:
    """Insert at `position`. Comment lines that followed the field before (ruamel keeps them
    with it) describe the field after: they move below the new field."""
    keys = list(mapping)
    before = keys[position - 1] if position > 0 else None
    moved = _take_after(mapping, before) if before is not None else None
    mapping.insert(position, key, value)
    if moved is not None:
        _attach(mapping, key, [moved])


def _take_after(mapping: CommentedMap, key: Any) -> Any:
    """Remove and return the comment after `key`'s value (ruamel's slot 2), if any."""
    entry = mapping.ca.items.get(key)
    if entry is None or len(entry) < 3 or entry[2] is None:
        return None
    token = entry[2]
    entry[2] = None
    return token


def replace_field(mapping: CommentedMap, old: str, new: str, value: Any) -> None:
    """Put `new` where `old` was (e.g. tracks for schedule_status): comment lines above the
    old field stay above the new one, a comment after it goes after the new value."""
    position = list(mapping).index(old)
    entry = mapping.ca.items.pop(old, None)
    del mapping[old]
    mapping.insert(position, new, value)
    if entry is None:
        return
    if len(entry) > 1 and entry[1]:
        mapping.ca.items[new] = [None, entry[1], None, None]
    if len(entry) > 2 and entry[2] is not None:
        _attach(mapping, new, [entry[2]])


def _attach(mapping: CommentedMap, key: Any, tokens: list[Any]) -> None:
    """Comment tokens put after `mapping[key]`: on the key itself for a one-line value, else on
    the last one-line value inside the block; joined to a comment already there."""
    token = _joined(tokens)
    holder: Any = mapping
    index: Any = key
    while _is_block(holder[index]) and len(holder[index]):
        inner = holder[index]
        holder, index = inner, (len(inner) - 1 if isinstance(inner, CommentedSeq)
                                else list(inner)[-1])
    slot = 2 if isinstance(holder, CommentedMap) else 0
    entry = holder.ca.items.get(index)
    if entry is None:
        holder.ca.items[index] = [None, None, token, None] if slot == 2 else [token, None]
    elif entry[slot] is None:
        entry[slot] = token
    else:
        entry[slot] = _joined([entry[slot], token])


def _joined(tokens: list[Any]) -> Any:
    """One comment token holding the lines of several, in order."""
    first = tokens[0]
    first.value = "".join(t.value if t.value.endswith("\n") else t.value + "\n"
                          for t in tokens)
    return first


def _is_block(value: Any) -> bool:
    return isinstance(value, CommentedMap | CommentedSeq) and not value.fa.flow_style()


def remove_field(mapping: CommentedMap, key: str) -> None:
    """Delete `key`; every comment above it, on it or inside its value stays, after the field
    before it."""
    if key not in mapping:
        return
    keys = list(mapping)
    position = keys.index(key)
    entry = mapping.ca.items.pop(key, None) or [None, None, None, None]
    above = list(entry[1] or []) if len(entry) > 1 else []
    after = [entry[2]] if len(entry) > 2 and entry[2] is not None else []
    inner = _tokens(mapping[key])
    found = above + (after + inner if _is_block(mapping[key]) else inner + after)
    del mapping[key]
    if found and position > 0:
        _attach(mapping, keys[position - 1], found)


def _tokens(value: Any) -> list[Any]:
    """The comment tokens inside a value, in the order they appear."""
    found: list[Any] = []
    if isinstance(value, CommentedMap):
        for key in value:
            entry = value.ca.items.get(key)
            if entry is not None and len(entry) > 2 and entry[2] is not None:
                found.append(entry[2])
            found += _tokens(value[key])
    elif isinstance(value, CommentedSeq):
        for index, item in enumerate(value):
            entry = value.ca.items.get(index)
            if entry is not None and entry[0] is not None:
                found.append(entry[0])
            found += _tokens(item)
    return found
