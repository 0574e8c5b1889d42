"""Round-trip edits of a listing file: the fields change, every comment stays."""

from __future__ import annotations

import re
from collections import Counter

from generator.authoring import yamledit

TEXT = '''name: x  # the name
# about unreachable
unreachable: {reason: no_answer, attempts: 1, date: "2026-01-01"}  # tried once
# about recheck
recheck:
  reason: "x"  # why
  date: "2026-01-02"
# after recheck
phone: "1"
programs:
  - accepting_new_patients:
      # status first
      status: "yes"
      as_of: "2026-01-01"
    # about the schedule
    schedule_status: not_listed
'''


def _comments(text: str) -> Counter[str]:
    return Counter(m.strip() for m in re.findall(r"#[^\n]*", text))


def test_removed_fields_leave_their_comments_behind() -> None:
    doc = yamledit.load(TEXT, "t")
    yamledit.remove_field(doc, "unreachable")
    yamledit.remove_field(doc, "recheck")
    out = yamledit.dump(doc)
    assert _comments(out) == _comments(TEXT)
    assert "unreachable:" not in out and "recheck:" not in out
    assert yamledit.load(out, "t")["phone"] == "1"
    assert out.index("# after recheck") < out.index('phone: "1"')


def test_a_new_field_goes_in_schema_order_before_the_next_fields_comment() -> None:
    doc = yamledit.load(TEXT, "t")
    yamledit.set_field(doc, "website", yamledit.quoted("https://example.org"),
                       ("name", "website", "phone"))
    out = yamledit.dump(doc)
    assert _comments(out) == _comments(TEXT)
    assert out.index('website: "https://example.org"') < out.index("# about unreachable")


def test_a_mapping_is_updated_in_place_and_a_replaced_line_keeps_its_comments() -> None:
    doc = yamledit.load(TEXT, "t")
    program = doc["programs"][0]
    yamledit.set_field(program, "accepting_new_patients",
                       {"status": yamledit.quoted("unknown")}, ())
    yamledit.replace_field(program, "schedule_status", "tracks", yamledit.tracks(
        [("Evening track", [{"days": ["mon"], "start": "18:00", "end": "21:00"}])]))
    out = yamledit.dump(doc)
    assert _comments(out) == _comments(TEXT)
    assert '      # status first\n      status: "unknown"\n' in out
    assert "as_of" not in out
    assert '            start: "18:00"\n            end: "21:00"\n' in out
