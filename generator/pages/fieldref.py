"""The field reference for providers: the listing schema rendered as Markdown tables.

Pure: reads the schema dict, returns Markdown. One section per kind of object (Provider,
Location, Program, ...), found by walking the schema from the top, so a field added to the
schema appears here with no other change. Every table cell goes through `cell()`, so no text
in the schema can break a row.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from generator.load.schema_check import load_schema, ref_target
from generator.model.records import Provider
from generator.model.vocab import (
    ACCEPTING,
    ACCREDITATIONS,
    CONTINUUM,
    DAY_NAMES,
    FORMATS,
    LEVELS,
    MAT,
    PAYMENT,
    POPULATIONS,
    SERVICES,
    STATES,
)

Schema = dict[str, Any]

# What the site shows for each code, by field name, so providers see the words people will read.
LABELS: dict[str, Mapping[str, str]] = {
    "accreditations": ACCREDITATIONS, "levels_of_care": CONTINUUM, "level_of_care": LEVELS,
    "populations": POPULATIONS, "format": FORMATS, "services": SERVICES,
    "medication_for_addiction_treatment": MAT, "payment": PAYMENT, "status": ACCEPTING,
    "days": DAY_NAMES, "state": STATES, "telehealth_states": STATES,
}
INLINE_AFTER = 12  # longer lists of values (the states) go on one line, not one a line

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Section:
    title: str
    where: str  # e.g. "programs[].tracks[]"; "" for the top level
    schema: Schema


def render(schema: Schema | None = None) -> str:
    """Markdown for every object in the schema (the project's schema by default)."""
    root = schema if schema is not None else load_schema()
    return "\n".join(_section(s, root) for s in sections(root))


def field_reference(providers: list[Provider]) -> str:
    """The `<!-- iopdir:field-reference -->` marker; the listings do not matter here."""
    return render()


def sections(root: Schema) -> list[Section]:
    """The top-level object, then each nested object in the order its field appears."""
    found: list[Section] = []

    def visit(title: str, where: str, obj: Schema) -> None:
        found.append(Section(title, where, obj))
        for name, prop in obj.get("properties", {}).items():
            nested = _nested(prop, root)
            if nested is not None:
                child, is_list = nested
                path = f"{where}.{name}" if where else name
                visit(_title(name, prop), path + ("[]" if is_list else ""), child)

    visit("Provider", "", root)
    return found


def anchor(title: str) -> str:
    return "fields-" + re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def resolve(prop: Schema, root: Schema) -> Schema:
    """`prop` with its `$ref` (a `#/$defs/NAME`) merged in; the property's own keys win."""
    ref = prop.get("$ref")
    if not isinstance(ref, str):
        return prop
    own = {k: v for k, v in prop.items() if k != "$ref"}
    return {**resolve(ref_target(ref, root), root), **own}


def _is_list(field: Schema) -> bool:
    """A list, or a list that may be the word not_listed instead (type [array, string])."""
    kind = field.get("type")
    return kind == "array" or (isinstance(kind, list) and "array" in kind)


def _nested(prop: Schema, root: Schema) -> tuple[Schema, bool] | None:
    """(the object schema, whether it is a list of them) when a field holds objects."""
    field = resolve(prop, root)
    if _is_list(field):
        items = resolve(field.get("items", {}), root)
        return (items, True) if "properties" in items else None
    return (field, False) if "properties" in field else None


def _title(name: str, prop: Schema) -> str:
    ref = prop.get("$ref") or prop.get("items", {}).get("$ref")
    base = ref.rsplit("/", 1)[-1] if isinstance(ref, str) else name
    return base.replace("_", " ").capitalize()


def _section(section: Section, root: Schema) -> str:
    where = (f"In a listing file: {code(section.where)}" if section.where
             else "The top level of a listing file.")
    required = set(section.schema.get("required", []))
    rows = [_row(name, prop, name in required, root)
            for name, prop in section.schema.get("properties", {}).items()]
    return "\n".join([
        f"### {section.title} {{ #{anchor(section.title)} }}", "", where, "",
        "| Field | Required | What to write |", "|---|---|---|", *rows, "",
    ])


def _row(name: str, prop: Schema, required: bool, root: Schema) -> str:
    field = resolve(prop, root)
    what = " ".join(part for part in _what(name, field, root) if part)
    return f"| {ident(name)} | {'Yes' if required else 'No'} | {what} |"


def _what(name: str, field: Schema, root: Schema) -> Iterator[str]:
    """The parts of the "What to write" cell, already escaped for a table."""
    items = resolve(field.get("items", {}), root) if _is_list(field) else None
    holder = items if items is not None else field
    values = [str(v) for v in holder.get("enum", [])]
    description = str(field.get("description", ""))
    yield cell(_lead(description, values))
    nested = _nested(field, root)
    if nested is not None:
        yield _link_to(_title(name, field), nested[1])
    elif values:
        described = str(holder.get("description") or description)
        yield _values(values, described, items is not None, LABELS.get(name, {}))
    else:
        yield _kind(field, items)  # built from numbers and fixed words only
    hint = holder.get("x-hint") or field.get("x-hint")
    if isinstance(hint, str):
        yield cell(_sentence(hint[:1].upper() + hint[1:]))
    yield _examples(field.get("examples"))


def _lead(description: str, values: list[str]) -> str:
    """A description that lists the allowed values, cut to what comes before the list."""
    if not values:
        return description
    first = re.search(rf"(?<!\w){re.escape(values[0])}(?!\w)", description)
    if first is None:
        return description
    lead = description[:first.start()].strip().rstrip(":").strip()
    return _sentence(lead) if lead else ""


def _link_to(title: str, is_list: bool) -> str:
    what = "A list. The fields of each item:" if is_list else "A group of fields:"
    return f"{what} [{cell(title)}](#{anchor(title)})."


def _values(values: list[str], described: str, is_list: bool,
            labels: Mapping[str, str]) -> str:
    shown = {v: label(labels.get(v, ""), meaning(described, v)) for v in values}
    intro = "One or more of:" if is_list else "One of:"
    if len(values) > INLINE_AFTER:
        return f"{intro} " + ", ".join(
            ident(v) + (f" ({cell(m)})" if m else "") for v, m in shown.items()) + "."
    if not any(shown.values()):
        return f"{intro} " + ", ".join(ident(v) for v in values) + "."
    lines = [ident(v) + (f": {cell(m)}" if m else "") for v, m in shown.items()]
    return intro + "<br>" + "<br>".join(lines)


def label(shown: str, meant: str) -> str:
    """The site's label for a code, then the schema's meaning when it adds something."""
    if not shown or not meant or _words(meant) <= _words(shown):
        return shown or meant
    return f"{shown} — {meant}"


def _words(text: str) -> set[str]:
    return set(re.findall(r"[\w.+]+", text.casefold())) - {"and", "or", "the", "a", "of", "by"}


def _examples(examples: object) -> str:
    """The schema's `examples`, written as they would be in a listing."""
    if not isinstance(examples, list) or not examples:
        return ""
    shown = ", ".join(code(_yaml(e)) for e in examples)
    return f"Example{'s' if len(examples) > 1 else ''}: {shown}."


def _yaml(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_yaml(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def meaning(described: str, value: str) -> str:
    """What the schema says `value` means: `value: meaning;` or `value (meaning)`."""
    name = rf"(?<![\w-]){re.escape(value)}"
    colon = re.search(name + r": ([^;]*?)\.?(?:;|$)", described)
    if colon:
        return colon.group(1).strip()
    paren = re.search(name + r" \(([^)]*)\)", described)
    return paren.group(1).strip() if paren else ""


def _kind(field: Schema, items: Schema | None) -> str:
    if items is not None:
        least = field.get("minItems", 0)
        lead = "A list, at least one item" if least == 1 else "A list"
        each = _kind(items, None)
        return f"{lead}; each item: {each[:1].lower()}{each[1:]}" if each else f"{lead}."
    kind = field.get("type")
    if kind == "string":
        return _text_kind(field)
    if kind in ("integer", "number"):
        noun = "A whole number" if kind == "integer" else "A number"
        return _sentence(f"{noun}{_range(field.get('minimum'), field.get('maximum'))}")
    if kind == "boolean":
        return f"{code('true')} or {code('false')}."
    return ""


def _text_kind(field: Schema) -> str:
    if field.get("format") == "email":
        return "An email address."
    if "pattern" in field or "format" in field:
        return ""  # the x-hint says how to write it
    low, high = field.get("minLength"), field.get("maxLength")
    if low and high:
        return f"Text, {low} to {high} characters."
    return f"Text, up to {high} characters." if high else "Text."


def _range(low: object, high: object) -> str:
    if low is not None and high is not None:
        return f" from {low} to {high}"
    if low is not None:
        return f", at least {low}"
    return f", at most {high}" if high is not None else ""


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text.endswith((".", "?", "!")) else text + "."


def cell(text: str) -> str:
    """Text for a table cell: one line, HTML-escaped, with no `|` left to split the row."""
    flat = _SPACE.sub(" ", text).strip()
    return html.escape(flat, quote=False).replace("|", "&#124;")


def ident(name: str) -> str:
    """A field name or value in code that wraps only after an underscore, never in a word."""
    parts = cell(name).split("_")
    return '<code class="iop-field">' + "_<wbr>".join(parts) + "</code>"


def code(text: str) -> str:
    """A code span that is safe in a table cell (backticks would show an escaped `\\|`)."""
    return f"<code>{cell(text)}</code>"
