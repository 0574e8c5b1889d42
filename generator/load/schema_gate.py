"""A fast yes-or-not-sure answer to "is this listing valid under the schema?".

jsonschema is general and slow: about 0.6 ms a listing, half of all validation time, although
almost every listing is valid. This module compiles the schema once into nested Python checks that
answer True only when the data is certainly valid; on False, `schema_check` runs jsonschema as
before, which finds the errors and explains them. So messages never change, and a wrong answer here
can only cost time, never let invalid data through, as long as every check is at least as strict as
jsonschema's. Each one is written that way: a keyword this module does not know makes `compile`
return None (no gate at all), and anything unusual (an integer written as 1.0, a list in an enum)
answers False. `tests/unit/test_schema_gate.py` compares the two on valid and broken listings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import jsonschema

Check = Callable[[Any], bool]
Compiler = Callable[[Any, dict[str, Any]], Check]

# Keywords that only describe: they never make an instance invalid.
ANNOTATIONS = frozenset({"$schema", "$id", "$comment", "title", "description", "examples",
                         "default", "deprecated", "readOnly", "writeOnly"})
_FORMATS = jsonschema.FormatChecker()


class Unsupported(Exception):
    """The schema uses something this module does not check: no gate, jsonschema does it all."""


def compile_schema(schema: Any) -> Check | None:
    """A check for `schema` (with `$ref`s already inlined), or None if any keyword is unknown."""
    try:
        return _compile(schema)
    except Unsupported:
        return None


def _compile(schema: Any) -> Check:
    if schema is True:
        return lambda _: True
    if not isinstance(schema, dict):
        raise Unsupported(repr(schema))
    checks: list[Check] = []
    for keyword, value in schema.items():
        if keyword in ANNOTATIONS or keyword.startswith("x-") or keyword in _COMPANIONS:
            continue
        compiler = _KEYWORDS.get(keyword)
        if compiler is None:
            raise Unsupported(keyword)
        checks.append(compiler(value, schema))
    return _all(checks)


def _all(checks: list[Check]) -> Check:
    if len(checks) == 1:
        return checks[0]

    def check(x: Any) -> bool:
        for test in checks:  # noqa: SIM110 - all() over a generator costs a third more here
            if not test(x):
                return False
        return True

    return check


def _is_number(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool)


_TYPES: dict[str, Check] = {
    "string": lambda x: isinstance(x, str),
    "integer": lambda x: isinstance(x, int) and not isinstance(x, bool),  # 1.0: not sure
    "number": _is_number,
    "boolean": lambda x: isinstance(x, bool),
    "array": lambda x: isinstance(x, list),
    "object": lambda x: isinstance(x, dict),
    "null": lambda x: x is None,
}


def _type(value: Any, _: dict[str, Any]) -> Check:
    names = [value] if isinstance(value, str) else list(value)
    if any(name not in _TYPES for name in names):
        raise Unsupported(f"type {value!r}")
    tests = [_TYPES[name] for name in names]
    if len(tests) == 1:
        return tests[0]
    return lambda x: any(test(x) for test in tests)


def _same(x: Any, allowed: Any) -> bool:
    """Equal and of the same type (so True is not 1); lists and objects: not sure."""
    return type(x) is type(allowed) and not isinstance(x, list | dict) and x == allowed


def _enum(value: Any, _: dict[str, Any]) -> Check:
    if all(isinstance(v, str) for v in value):  # the usual case: one set lookup
        names = frozenset(value)
        return lambda x: isinstance(x, str) and x in names
    return lambda x: any(_same(x, allowed) for allowed in value)


def _const(value: Any, _: dict[str, Any]) -> Check:
    return lambda x: _same(x, value)


def _properties(value: Any, schema: dict[str, Any]) -> Check:
    known = {name: _compile(sub) for name, sub in value.items()}
    extra = schema.get("additionalProperties", True)
    other = None if extra is False else _compile(extra)

    def check(x: Any) -> bool:
        if not isinstance(x, dict):
            return True
        for name, item in x.items():
            test = known.get(name, other)
            if test is None or not test(item):
                return False
        return True

    return check


def _additional(value: Any, schema: dict[str, Any]) -> Check:
    if "properties" in schema:
        return lambda x: True  # checked together with "properties"
    return _properties({}, schema)


def _required(value: Any, _: dict[str, Any]) -> Check:
    names = tuple(value)
    return lambda x: not isinstance(x, dict) or all(name in x for name in names)


def _items(value: Any, _: dict[str, Any]) -> Check:
    item = _compile(value)
    return lambda x: not isinstance(x, list) or all(item(v) for v in x)


def _min_items(value: Any, _: dict[str, Any]) -> Check:
    return lambda x: not isinstance(x, list) or len(x) >= value


def _max_items(value: Any, _: dict[str, Any]) -> Check:
    return lambda x: not isinstance(x, list) or len(x) <= value


def _unique_items(value: Any, _: dict[str, Any]) -> Check:
    if not value:
        return lambda x: True

    def check(x: Any) -> bool:
        if not isinstance(x, list):
            return True
        if not all(isinstance(v, str | int | float) for v in x):
            return False  # lists, objects or null inside: not sure
        # True and 1 are different values in JSON Schema, 1 and 1.0 the same (as in Python).
        keys = {("bool", v) if isinstance(v, bool) else v for v in x}
        return len(keys) == len(x)

    return check


def _min_length(value: Any, _: dict[str, Any]) -> Check:
    return lambda x: not isinstance(x, str) or len(x) >= value


def _max_length(value: Any, _: dict[str, Any]) -> Check:
    return lambda x: not isinstance(x, str) or len(x) <= value


def _pattern(value: Any, _: dict[str, Any]) -> Check:
    compiled = re.compile(value)  # jsonschema also uses Python's re.search
    return lambda x: not isinstance(x, str) or compiled.search(x) is not None


def _bound(test: Callable[[Any, Any], bool]) -> Compiler:
    def compiler(value: Any, _: dict[str, Any]) -> Check:
        return lambda x: not _is_number(x) or test(x, value)

    return compiler


def _format(value: Any, _: dict[str, Any]) -> Check:
    if value not in _FORMATS.checkers:
        raise Unsupported(f"format {value!r}")
    return lambda x: _FORMATS.conforms(x, value)  # jsonschema's own format check


def _if(value: Any, schema: dict[str, Any]) -> Check:
    """The condition is decided by jsonschema itself: a check that is only "at least as strict"
    would pick the wrong branch. Its branches are gated as usual."""
    condition = jsonschema.Draft202012Validator(value, format_checker=_FORMATS)
    then = _compile(schema.get("then", True))
    otherwise = _compile(schema.get("else", True))
    return lambda x: then(x) if condition.is_valid(x) else otherwise(x)


_KEYWORDS: dict[str, Compiler] = {
    "type": _type, "enum": _enum, "const": _const, "properties": _properties,
    "additionalProperties": _additional, "required": _required, "items": _items,
    "minItems": _min_items, "maxItems": _max_items, "uniqueItems": _unique_items,
    "minLength": _min_length, "maxLength": _max_length, "pattern": _pattern,
    "minimum": _bound(lambda x, v: x >= v), "maximum": _bound(lambda x, v: x <= v),
    "exclusiveMinimum": _bound(lambda x, v: x > v),
    "exclusiveMaximum": _bound(lambda x, v: x < v),
    "format": _format, "if": _if,
}
_COMPANIONS = frozenset({"then", "else"})  # compiled with "if"
