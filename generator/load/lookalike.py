"""Look-alike text folded to one form, so a copy of a listing spelled with other letters that look
the same ('Hаrbor' with a Cyrillic 'а') is still found as a copy.

This follows the "skeleton" of Unicode Technical Standard #39: each character is replaced by
the prototype it is confusable with, using Unicode's confusables data as shipped by the
`confusable-homoglyphs` package. That package stores each pair of confusables.txt in both
directions; a source character has exactly one partner (its prototype) while a prototype lists
all its look-alikes, which is how the direction is recovered here. Accents are dropped and case
folded as in the other duplicate keys.

Case folding and the skeleton do not commute: 'I' looks like 'l' yet folds to 'i', and the
Cyrillic 'Н' looks like 'H' while its lowercase 'н' looks like no Latin letter. So up to three
forms are made: the skeleton of the folded text; the same after replacing only the non-ASCII
look-alikes first; and the same after replacing every look-alike first. Two names look alike
when any of their forms are equal.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Cached as `name = lru_cache(...)(_name)`, not with the decorator: mutmut, the mutation
# tester of `make mutation`, leaves decorated functions unmutated (docs/quality.md).


def _prototypes() -> dict[int, str]:
    """{code point of a look-alike: its prototype}, built once from the package's data."""
    from confusable_homoglyphs.confusables import confusables_data  # 9,600 entries: lazily

    data: dict[str, list[dict[str, str]]] = confusables_data
    table: dict[int, str] = {}
    for char, partners in data.items():
        if len(char) != 1 or len(partners) != 1:
            continue  # a prototype of several look-alikes, or a sequence such as 'rn'
        other = partners[0]["c"]
        if len(other) > 1 or len(data.get(other, ())) > 1:
            table[ord(char)] = other  # `char` is a look-alike of the prototype `other`
        elif other < char:
            table[ord(char)] = other  # a pair of one look-alike each: either way, one form
    return table


prototypes = lru_cache(maxsize=1)(_prototypes)


def plain(text: str) -> str:
    """Without accents or compatibility forms ('ﬁ', full-width letters): NFKD, marks dropped."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _make_non_ascii() -> dict[int, str]:
    return {code: proto for code, proto in prototypes().items() if code > 127}


_non_ascii = lru_cache(maxsize=1)(_make_non_ascii)


def _forms(text: str) -> tuple[str, ...]:
    """The folded forms of `text` (one to three), lowercase, without accents."""
    table = prototypes()
    base = plain(text)
    found = [base.casefold().translate(table)]
    for first in (_non_ascii(), table):
        form = base.translate(first).casefold().translate(table)
        if form not in found:
            found.append(form)
    return tuple(found)


forms = lru_cache(maxsize=1 << 16)(_forms)  # the same texts on every rebuild of `serve`
