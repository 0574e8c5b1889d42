"""How the finder's data files are coded: compact JSON of columns of small numbers (see
finder_index.py for the index and zip_table.py for the ZIP table). The finder's data.js reads
them back."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from functools import lru_cache
from typing import Any, TypeVar

from generator.model.vocab import DAYS

FORMAT_VERSION = 2  # of finder/index.json and finder/zips.json; data.js checks it
H = TypeVar("H", bound=Hashable)


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def ranked(values: Sequence[H]) -> tuple[list[H], list[int]]:
    """A table of the distinct values, most frequent first, and each value's number in it."""
    counts = Counter(values)
    table = sorted(counts, key=lambda v: -counts[v])  # stable: ties keep first-seen order
    number = {value: i for i, value in enumerate(table)}
    return table, [number[v] for v in values]


def column(values: Sequence[int]) -> str | list[int]:
    """Small non-negative numbers as one base-36 digit each; anything else as a list."""
    if all(0 <= v < 36 for v in values):
        return "".join("0123456789abcdefghijklmnopqrstuvwxyz"[v] for v in values)
    return list(values)


def delta(values: Iterable[int]) -> list[int]:
    out, previous = [], 0
    for value in values:
        out.append(value - previous)
        previous = value
    return out


def bits(codes: Iterable[str], order: Sequence[str]) -> int:
    """The bitmask of a set of codes: bit i stands for order[i]."""
    return bitmask(codes, bit_of(tuple(order)))


@lru_cache(maxsize=64)
def bit_of(order: tuple[str, ...]) -> dict[str, int]:
    return {code: 1 << i for i, code in enumerate(order)}


def bitmask(codes: Iterable[str], bit_of: dict[str, int]) -> int:
    mask = 0
    for code in codes:
        mask |= bit_of[code]
    return mask


def day_mask(days: Iterable[str]) -> int:
    return bitmask(days, bit_of(DAYS))


def runs(values: Sequence[int]) -> list[int]:
    """[value, count, value, count, ...] for runs of equal values."""
    flat: list[int] = []
    for value in values:
        if flat and flat[-2] == value:
            flat[-1] += 1
        else:
            flat += [value, 1]
    return flat
