"""JSON Schema validation with messages a provider can act on: where, what, and how to fix it."""

from __future__ import annotations

import difflib
import itertools
import json
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path as FsPath
from typing import TYPE_CHECKING, Any

import jsonschema_rs

from generator.load import limits
from generator.load.diagnostics import Diagnostic, Severity
from generator.load.yamlload import Document, Path, dotted, quoted
from generator.model import resources

if TYPE_CHECKING:  # jsonschema is imported only to explain errors: 8 MB most builds never need
    import jsonschema
    from jsonschema.exceptions import ValidationError

SCHEMA_PATH = resources.schema_path("provider.schema.json")
_TYPE_NAMES = {
    "string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
    "array": "a list", "object": "a group of fields", "null": "nothing",
}


@lru_cache(maxsize=4)
def load_schema(path: str = str(SCHEMA_PATH)) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(FsPath(path).read_text(encoding="utf-8"))
    return schema


@lru_cache(maxsize=4)
def validator(path: str = str(SCHEMA_PATH)) -> jsonschema.Draft202012Validator:
    """Compiled once, from a copy with every `$ref` inlined: reference lookups were a third of
    the validation time, and the messages stay the same (a `$ref` site keeps its own keys)."""
    import jsonschema

    schema = load_schema(path)
    jsonschema.Draft202012Validator.check_schema(schema)
    # A subclass in all but name: extend() is untyped in the stubs.
    extended: Any = jsonschema.validators.extend(  # type: ignore[no-untyped-call]
        jsonschema.Draft202012Validator, {"uniqueItems": _unique_items})
    checker: jsonschema.Draft202012Validator = extended(
        inline_refs(schema, schema), format_checker=jsonschema.FormatChecker())
    return checker


def _unique_items(validator: Any, unique: Any, instance: Any,
                  schema: dict[str, Any]) -> Iterator[ValidationError]:
    """jsonschema compares unsortable items (mappings) pair by pair, so a listing with long
    lists of small mappings stalled validation for minutes. Canonical JSON makes it one pass.
    (1 and 1.0 count as different here; no list in a listing holds numbers.)"""
    from jsonschema.exceptions import ValidationError

    if not (unique and validator.is_type(instance, "array")):
        return
    seen: set[str] = set()
    for item in instance:
        key = json.dumps(item, sort_keys=True, default=repr)
        if key in seen:
            yield ValidationError(f"{quoted(instance)} has non-unique elements")
            return
        seen.add(key)


def inline_refs(node: Any, root: dict[str, Any]) -> Any:
    """`node` with each local `{"$ref": "#/$defs/x", ...}` replaced by the definition merged
    with the referring keys. The listing schema has no recursive definitions."""
    if isinstance(node, list):
        return [inline_refs(item, root) for item in node]
    if not isinstance(node, dict):
        return node
    own = {k: inline_refs(v, root) for k, v in node.items() if k not in ("$ref", "$defs")}
    ref = node.get("$ref")
    if not isinstance(ref, str):
        return own
    return {**inline_refs(ref_target(ref, root), root), **own}


def ref_target(ref: str, root: dict[str, Any]) -> Any:
    """What a local `$ref` such as '#/$defs/time' points at."""
    target: Any = root
    for part in ref.removeprefix("#/").split("/"):
        target = target[part]
    return target


@lru_cache(maxsize=4)
def gate(path: str = str(SCHEMA_PATH)) -> Callable[[Any], bool] | None:
    """A fast "is this valid?" for the schema: jsonschema-rs, compiled once, answers in about
    0.02 ms where jsonschema takes 0.6. Only its yes is trusted; on a no, jsonschema finds the
    errors and explains them, so messages never change. It must never pass what jsonschema
    rejects: on this schema it is as strict or stricter (regular expressions without Python's
    `$` before a final line feed; formats checked to the RFCs; 1 and 1.0 the same in unique
    lists), which `tests/unit/test_schema_gate.py` checks on valid and broken listings."""
    try:
        compiled = jsonschema_rs.validator_for(load_schema(path), validate_formats=True,
                                               offline=True)
    except Exception:  # a schema it cannot compile: jsonschema does it all
        return None
    check: Callable[[Any], bool] = compiled.is_valid
    return check


def check(doc: Document, skip: Iterable[Path] = ()) -> list[Diagnostic]:
    """Every schema problem of `doc`, at most one per field, each with a hint to fix it; fields
    in `skip` were reported by another check already."""
    fast = gate()
    if fast is not None and fast(doc.data):
        return []  # valid, found thirty times faster than jsonschema would
    seen: set[Path] = set(skip)
    found: list[Diagnostic] = []
    # Lazily, and no more than a person would read: a file of thousands of wrong values
    # would otherwise cost seconds and megabytes here.
    first = itertools.islice(validator().iter_errors(doc.data), limits.MAX_PROBLEMS + 1)
    for error in sorted(first, key=lambda e: e.path):
        for path, key, message in _explain(error):
            if path in seen:
                continue
            seen.add(path)
            line, col = doc.position(path, key=key)
            found.append(Diagnostic(doc.path, line, col, Severity.ERROR, message))
    return found


def _explain(error: ValidationError) -> Iterator[tuple[Path, bool, str]]:
    """(field path, whether to point at the key, message) for one jsonschema error."""
    path: Path = tuple(error.absolute_path)
    where = dotted(path)
    kind, limit, value, schema = error.validator, _any(error.validator_value), error.instance, \
        _schema_of(error)
    if kind == "additionalProperties":
        yield from _unknown_fields(value, schema, path)
    elif kind == "required":
        for name in limit:
            if isinstance(value, dict) and name not in value:
                yield (*path, name), True, _missing(where, name, schema)
    elif kind == "type":
        yield path, False, f"{where}: {_type_problem(value, limit, schema.get('x-hint'))}"
    elif kind == "enum":
        yield path, False, f"{where}: {_enum_problem(value, limit, schema.get('x-hint'))}"
    elif kind in ("pattern", "format"):
        hint = schema.get("x-hint", "see the field's description in the schema")
        what = "a real date" if limit == "date" and kind == "format" else "valid"
        yield path, False, f"{where}: {quoted(value)} is not {what}; {hint}"
    else:
        yield path, False, f"{where}: {_other_problem(str(kind), limit, value, error.message)}"


def _any(value: object) -> Any:
    return value


def _schema_of(error: ValidationError) -> dict[str, Any]:
    return error.schema if isinstance(error.schema, dict) else {}


def _unknown_fields(instance: Any, schema: dict[str, Any],
                    path: Path) -> Iterator[tuple[Path, bool, str]]:
    allowed = sorted(schema.get("properties", {}))
    for name in instance:
        if name in allowed:
            continue
        close = difflib.get_close_matches(str(name), allowed, n=1, cutoff=0.6)
        fix = (f"did you mean {close[0]!r}?" if close
               else "remove it, or use a field allowed here: " + ", ".join(allowed))
        yield (*path, name), True, f"{dotted((*path, name))}: unknown field {quoted(name)}; {fix}"


def _missing(where: str, name: str, schema: dict[str, Any]) -> str:
    field = schema.get("properties", {}).get(name, {})
    about = field.get("description", "")
    where_text = "" if where == "(top level)" else f" in {where}"
    return f"missing required field {name!r}{where_text}; add it" + (f" ({about})" if about else "")


def _type_problem(value: Any, wanted: Any, hint: str | None) -> str:
    wanted_list = wanted if isinstance(wanted, list) else [wanted]
    names = " or ".join(_TYPE_NAMES.get(w, str(w)) for w in wanted_list)
    if value is None:
        return f"the value is empty; {hint or f'write {names} here'}"
    message = f"expected {names}, found {quoted(value)}"
    if "string" in wanted_list and isinstance(value, (int, float)) and not isinstance(value, bool):
        return message + f"; put it in quotes: \"{value}\""
    if "string" in wanted_list and isinstance(value, bool):
        return message + "; put it in quotes, like \"yes\""
    if "array" in wanted_list and not isinstance(value, list):
        return message + "; write a list, like [first, second]"
    return message + "; " + _TYPE_FIXES.get(wanted_list[0], f"write {names} here")


_TYPE_FIXES = {  # how to write each kind of value, for a value of the wrong kind
    "boolean": "write true or false, without quotes",
    "integer": "write a whole number without quotes, like 8",
    "number": "write a number without quotes, like 45.52",
    "object": "write fields as 'name: value' lines, one field a line",
    "string": "write the text on the same line, in quotes if it has ': ' or starts with a "
              "special character",
}


def _enum_problem(value: Any, allowed: list[Any], hint: str | None) -> str:
    choices = ", ".join(repr(a) for a in allowed)
    close = difflib.get_close_matches(str(value), [str(a) for a in allowed], n=1, cutoff=0.6)
    if value is None:
        return f"the value is empty; {hint or f'use one of {choices}'}"
    if isinstance(value, bool):
        return f"{quoted(value)} is not allowed; use one of {choices} (in quotes, like \"yes\")"
    if close:
        return f"{quoted(value)} is not allowed; did you mean {close[0]!r}?"
    if hint:
        return f"{quoted(value)} is not allowed; {hint}"
    return f"{quoted(value)} is not allowed; use one of {choices}"


def _other_problem(kind: str, limit: Any, value: Any, default: str) -> str:
    if kind == "minLength":
        return f"{quoted(value)} is too short; write at least {limit} characters"
    if kind == "maxLength":
        return f"the text is too long ({len(value):,} characters); keep it to {limit}"
    if kind == "minItems":
        return f"the list needs at least {limit} item{'s' if limit != 1 else ''}"
    if kind == "uniqueItems":
        return "the list names an item twice; remove the repeat"
    if kind in ("minimum", "maximum"):
        side = "at least" if kind == "minimum" else "at most"
        return f"{quoted(value)} is out of range; use a number {side} {limit}"
    return default
