"""Size and shape limits, so one broken or hostile listing cannot stall a build for everyone.

A listing is small: the largest real ones are a few kilobytes, nest eight levels deep (programs,
tracks, sessions, days) and hold dozens of items in a list. The limits are far above that and
far below what makes the checks slow: JSON Schema's `uniqueItems` compares unsortable items
pair by pair, so a 200 KB list of 20,000 small mappings took minutes; nesting a thousand levels
deep overflowed the converter's recursion. The tree is checked before anything walks it
recursively.
"""

from __future__ import annotations

import yaml

from generator.load.diagnostics import Diagnostic, Severity

MAX_BYTES = 256 * 1024
MAX_DEPTH = 16      # lists and groups inside each other; a full listing needs 8
MAX_ENTRIES = 500   # items of one list, or fields of one group
MAX_PROBLEMS = 100  # shown per file; more than that is one mistake repeated

_NESTING_HINT = (f"a listing nests at most 8 levels (programs, tracks, sessions, days), and "
                 f"iopdir reads at most {MAX_DEPTH}; check the indentation and the brackets")


def size_problem(size: int, path: str) -> Diagnostic | None:
    """Checked before the file is read: a listing over the limit is surely not one listing."""
    if size <= MAX_BYTES:
        return None
    return Diagnostic(path, 1, 1, Severity.ERROR,
                      f"the file is {size:,} bytes, over the limit of {MAX_BYTES:,} "
                      f"({MAX_BYTES // 1024} KiB); a listing is usually under 10 KiB: "
                      "split a large organisation into one file per provider")


def nesting_problem(path: str, line: int, col: int) -> Diagnostic:
    return Diagnostic(path, line, col, Severity.ERROR,
                      f"lists and groups are nested too deeply here; {_NESTING_HINT}")


def tree_problems(root: yaml.Node, path: str) -> list[Diagnostic]:
    """Nodes nested deeper than MAX_DEPTH or holding more than MAX_ENTRIES items, found without
    recursion. Each node is visited once, so aliases (even one that contains itself) cost
    nothing here; the converter refuses them."""
    found: list[Diagnostic] = []
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen or isinstance(node, yaml.ScalarNode):
            continue
        seen.add(id(node))
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        if depth > MAX_DEPTH:
            return [nesting_problem(path, line, col)]  # one is enough: the rest is the same
        if len(node.value) > MAX_ENTRIES:
            found.append(_too_many(node, path, line, col))
            continue
        stack.extend((child, depth + 1) for child in _children(node))
    return found


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    children: list[yaml.Node] = node.value
    return children


def _too_many(node: yaml.Node, path: str, line: int, col: int) -> Diagnostic:
    what = "group has" if isinstance(node, yaml.MappingNode) else "list has"
    return Diagnostic(path, line, col, Severity.ERROR,
                      f"this {what} {len(node.value):,} entries, over the limit of "
                      f"{MAX_ENTRIES}; a listing needs far fewer: check for a pasted or "
                      "repeated block")


def capped(found: list[Diagnostic], path: str) -> list[Diagnostic]:
    """The first MAX_PROBLEMS problems of one file, and a note when there were more."""
    if len(found) <= MAX_PROBLEMS:
        return found
    kept = sorted(found)[:MAX_PROBLEMS]
    note = Diagnostic(path, 1, 1, Severity.ERROR,  # first, so it is read first
                      f"more problems than the {MAX_PROBLEMS} shown; fix these (often one "
                      "mistake repeated), then check the file again")
    return [*kept, note]
