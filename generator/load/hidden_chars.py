"""Invisible characters in listing text: refused, because they let a listing disguise itself.

A right-to-left override (U+202E) shows '(503) 555-0142' typed backwards as the right number,
and a zero-width space makes 'Harbor Light' a different name that looks the same, so a copy of a
listing slips past the duplicate check and search. Readers cannot see either. The policy:

- Control characters (Unicode category Cc) other than tab and line breaks are errors.
- Format characters (Cf) are errors: the bidirectional embeddings, overrides and isolates
  (U+202A-202E, U+2066-2069), the direction marks (U+200E, U+200F, U+061C), zero-width space
  (U+200B), word joiner (U+2060), byte-order mark (U+FEFF), soft hyphen (U+00AD) and the rest.
- Except zero-width non-joiner and joiner (U+200C, U+200D) between two letters of a script
  other than Latin: Persian, Urdu and Indic spellings need them.
- Letters and marks that show nothing are errors too: the Hangul fillers (U+3164, U+115F,
  U+1160, U+FFA0), the combining grapheme joiner (U+034F), the Khmer inherent vowels, the
  variation selectors and the blank Braille pattern (U+2800). 'Harbor Light' followed by a
  Hangul filler looks exactly like 'Harbor Light'.
- Code points that are no character at all are errors: unassigned ones and the noncharacters
  (category Cn, such as U+FFFE and U+FFFF), private-use characters (Co, which every device draws
  differently), surrogates (Cs), and the line and paragraph separators (U+2028, U+2029), which
  some tools read as line breaks and others do not.

Right-to-left letters themselves (Arabic, Hebrew) are ordinary text and always allowed; the
site shows each text in its own direction.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from generator.load.diagnostics import Diagnostic, Severity
from generator.load.yamlload import Document, Path, dotted

_ALLOWED_CONTROLS = {"\t", "\n", "\r"}
_JOINERS = {"\u200c", "\u200d"}
_NOT_CHARACTERS = {"Cn": "is not a character (unassigned, or a Unicode noncharacter)",
                   "Co": "is a private-use character, which each device shows differently",
                   "Cs": "is half of a UTF-16 surrogate pair, not a character",
                   "Zl": "is a line separator, which some tools read as a line break",
                   "Zp": "is a paragraph separator, which some tools read as a line break"}
# Printable letters, marks and symbols that show nothing (most are Default_Ignorable_Code_Point).
INVISIBLE = re.compile("[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180d\u180f\u2800\u3164"
                       "\ufe00-\ufe0f\uffa0\U000e0100-\U000e01ef]")


def find(doc: Document, text: str | None = None) -> dict[Path, Diagnostic]:
    """One error per text field that holds a hidden character, at the field's value, by field
    path (other checks then leave those fields alone: one message per field is enough).
    `text`, the file the document was read from, lets a clean file skip the walk. (Mutants
    of that shortcut and of `_clean` survive mutation testing: they only make it slower.)"""
    if text is not None and _clean(text):
        return {}
    found = {}
    for path, value in _strings(doc.data, ()):
        if value.isprintable() and not INVISIBLE.search(value):  # the usual case, in C
            continue
        hidden = [i for i, ch in enumerate(value) if _hidden(value, i, ch)]
        if hidden:
            line, col = doc.position(path)
            found[path] = Diagnostic(doc.path, line, col, Severity.ERROR,
                                     _message(path, value, hidden))
    return found


def _clean(text: str) -> bool:
    """No hidden character can be in a value: the file has none (line breaks and tabs aside),
    and no backslash, so no escape in a quoted value ("\\u202E") can make one. Checked in C."""
    if "\\" in text or INVISIBLE.search(text):
        return False
    flat = text.replace("\n", " ")
    if "\t" in flat or "\r" in flat:
        flat = flat.replace("\t", " ").replace("\r", " ")
    return flat.isprintable()


def _strings(data: Any, path: Path) -> Iterator[tuple[Path, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from _strings(item, (*path, i))


def _hidden(text: str, i: int, ch: str) -> bool:
    category = unicodedata.category(ch)
    if category == "Cc":
        return ch not in _ALLOWED_CONTROLS
    if category in _NOT_CHARACTERS:
        return True
    if category != "Cf":
        return INVISIBLE.match(ch) is not None
    return not (ch in _JOINERS and _joins_letters(text, i))


def _joins_letters(text: str, i: int) -> bool:
    if i == 0 or i == len(text) - 1:
        return False
    return all(_non_latin_letter(c) for c in (text[i - 1], text[i + 1]))


def _non_latin_letter(ch: str) -> bool:
    """A letter or combining mark of a script other than Latin (the joiners' legitimate use).
    Every letter and mark has a name, and no category starts with X, so mutants of the
    default "" and of "LM" are equivalent."""
    return unicodedata.category(ch)[0] in "LM" and not ch.isascii() \
        and not unicodedata.name(ch, "").startswith("LATIN")


def _message(path: Path, value: str, hidden: list[int]) -> str:
    first = value[hidden[0]]
    more = len(hidden) - 1
    also = f" ({more} more hidden character{'s' if more > 1 else ''} after it)" if more else ""
    code = f"U+{ord(first):04X}"
    not_one = _NOT_CHARACTERS.get(unicodedata.category(first))
    if not_one:
        return (f"{dotted(path)}: character {hidden[0] + 1}, {code}, {not_one}{also}; delete "
                "it (if you cannot see it, retype the text around it)")
    name = unicodedata.name(first, "a control character")
    return (f"{dotted(path)}: character {hidden[0] + 1} is {code} {name}{also}, an "
            "invisible character that can disguise text (show it reversed, or make two names "
            "look alike); delete it (if you cannot see it, retype the text around it)")
