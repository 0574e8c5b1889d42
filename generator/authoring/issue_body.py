"""Read the body of an issue made from one of the issue forms: each answer under its label.

GitHub writes a submitted form as Markdown: '### Label', a blank line, the answer, and
'_No response_' for a field left empty; a multiple choice as 'A, B' and checkboxes as
'- [X] text'. Only headings that are labels of the form's fields count, so a '### ' typed in
an answer stays part of that answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.model.issue_forms import NO_RESPONSE, Field

_HEADING = re.compile(r"^### (?P<label>.+?)\s*$")
_CHECKED = re.compile(r"^- \[[xX]\] (?P<text>.+)$")


def answers(body: str, fields: Sequence[Field]) -> dict[str, str]:
    """{field id: answer} for the fields found; an empty answer is ''."""
    ids = {f.label: f.id for f in fields}
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in body.replace("\r\n", "\n").split("\n"):
        heading = _HEADING.match(line)
        if heading and heading["label"] in ids and ids[heading["label"]] not in found:
            current = found[ids[heading["label"]]] = []
        elif current is not None:
            current.append(line)
    return {key: _clean("\n".join(lines)) for key, lines in found.items()}


def _clean(answer: str) -> str:
    text = answer.strip()
    return "" if text == NO_RESPONSE else text


def checked(answer: str) -> list[str]:
    """The ticked boxes of a checkboxes answer."""
    return [m["text"].strip() for line in answer.splitlines() if (m := _CHECKED.match(line))]
