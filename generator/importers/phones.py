"""Phone numbers as the directory writes them ('800-662-HOPE', '503-555-0142 x12') in the
schema's form ('(800) 662-4673', '(503) 555-0142 ext. 12')."""

from __future__ import annotations

import re

# Letters on a phone keypad, for numbers written with words ('888-304-HOPE').
_KEYPAD = {letter: str(digit) for digit, letters in
           ((2, "ABC"), (3, "DEF"), (4, "GHI"), (5, "JKL"), (6, "MNO"), (7, "PQRS"), (8, "TUV"),
            (9, "WXYZ")) for letter in letters}
_EXTENSION = re.compile(r"\s*(?:x|ext\.?|extension)\s*(\d{1,6})\s*$", re.IGNORECASE)


def normalise(raw: str) -> tuple[str | None, bool]:
    """(the number in the schema's form, or None if it is not a US number; whether letters were
    turned into digits)."""
    text = raw.strip()
    if not text:
        return None, False
    extension = ""
    found = _EXTENSION.search(text)
    if found:
        extension, text = found.group(1), text[:found.start()]
    if not re.fullmatch(r"[0-9A-Za-z ().+-]+", text):
        return None, False
    lettered = any(c.isalpha() for c in text)
    digits = "".join(_KEYPAD.get(c.upper(), c) for c in text if c.isalnum())
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) != 10 or not digits.isdigit() or digits[0] in "01":
        return None, lettered
    shown = f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"
    return (f"{shown} ext. {extension}" if extension else shown), lettered
