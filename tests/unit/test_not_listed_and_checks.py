"""Facts the source does not give (`not_listed` payment, populations, services; an undated
unknown intake status) and the records of calls (`verification`, `unreachable`, `recheck`)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
import yaml

from generator.load.catalog import load_file
from generator.model import fmt
from generator.model.vocab import PAYMENT
from generator.opendata import programs_csv, providers_json
from generator.opendata.paths import PROGRAMS_CSV
from tests.unit.helpers import listing, program, provider

TODAY = dt.date(2026, 11, 26)


def _messages(data: dict[str, Any]) -> list[str]:
    raw = yaml.safe_dump(data, sort_keys=False).encode()
    result = load_file(raw, "providers/unit.yaml", "unit", ".yaml", TODAY)
    return [f"{d.severity.value}: {d.message}" for d in result.diagnostics]


def _unknown_fields() -> dict[str, Any]:
    return program(payment="not_listed", populations="not_listed", services="not_listed",
                   accepting_new_patients={"status": "unknown"})


def test_the_source_may_leave_payment_populations_and_services_unsaid() -> None:
    assert _messages(listing(programs=[_unknown_fields()])) == []


def test_a_single_code_instead_of_a_list_says_how_to_write_either() -> None:
    [message] = _messages(listing(programs=[program(payment="medicaid")]))
    assert message == ("error: programs[0].payment: 'medicaid' is not valid; write a list, like "
                       "[medicaid, self_pay], or not_listed when the source does not say")


def test_an_empty_list_is_not_the_same_as_not_listed() -> None:
    [message] = _messages(listing(programs=[program(services=[])]))
    assert "programs[0].services: the list needs at least 1 item" in message


def test_a_known_intake_status_needs_its_date() -> None:
    [message] = _messages(listing(programs=[program(accepting_new_patients={"status": "yes"})]))
    assert "missing required field 'as_of' in programs[0].accepting_new_patients" in message
    assert "only an unknown status goes without one" in message


def test_the_model_reads_not_listed_as_no_codes_and_no_date() -> None:
    [read] = provider(listing(programs=[_unknown_fields()])).programs
    assert (read.payment, read.populations, read.services) == ((), (), ())
    assert read.accepting_as_of is None


def test_words_for_what_is_not_listed() -> None:
    assert fmt.labels((), PAYMENT) == "Not listed in the source: call to ask"
    assert fmt.labels(("medicaid", "self_pay"), PAYMENT) == "Medicaid, Self-pay"
    assert fmt.intake("Intake status unknown", None) == "Intake status unknown"
    assert fmt.intake("Waiting list", "2026-11-01") == "Waiting list (as of 2026-11-01)"


def test_open_data_says_null_for_unknown_and_words_in_the_csv() -> None:
    clinic = provider(listing(programs=[_unknown_fields()]))
    [record] = providers_json.build([clinic], TODAY)["providers"][0]["programs"]
    assert (record["payment"], record["populations"], record["services"]) == (None, None, None)
    assert record["accepting_new_patients"] == {"status": "unknown", "as_of": None}
    csv_text = programs_csv.generate([clinic])[PROGRAMS_CSV]
    assert "Not listed in the source: call to ask" in csv_text


def _calls() -> dict[str, Any]:
    return {
        "verification": {"by": "Volunteer caller", "method": "phone_call", "date": "2026-10-01"},
        "unreachable": {"reason": "no_answer", "attempts": 3, "date": "2026-09-01"},
        "recheck": {"reason": "The phone number reaches another office", "date": "2026-09-15",
                    "report": "https://github.com/example/iopdir/issues/12"},
    }


def test_records_of_calls_are_valid_and_read_into_the_model() -> None:
    data = listing(**_calls())
    assert _messages(data) == []
    clinic = provider(data)
    assert clinic.verification is not None and clinic.verification.method == "phone_call"
    assert clinic.unreachable is not None and clinic.unreachable.attempts == 3
    assert clinic.recheck is not None and clinic.recheck.report is not None
    exported = providers_json.build([clinic], TODAY)["providers"][0]
    assert exported["unreachable"] == {"reason": "no_answer", "attempts": 3,
                                       "date": "2026-09-01", "by": None}
    assert json.dumps(exported)  # plain JSON


def test_dates_of_calls_cannot_be_in_the_future() -> None:
    calls = _calls()
    calls["unreachable"]["date"] = "2027-01-01"
    [message] = _messages(listing(**calls))
    assert message == ("error: unreachable.date: '2027-01-01' is in the future; use the date it "
                       "happened")


@pytest.mark.parametrize("field", ["verification", "recheck"])
def test_each_record_of_a_call_has_its_date_checked_at_its_own_field(field: str) -> None:
    calls = _calls()
    calls[field]["date"] = "2027-01-01"
    messages = _messages(listing(**calls))
    assert f"error: {field}.date: '2027-01-01' is in the future; use the date it happened" \
        in messages


def test_last_verified_should_not_be_older_than_the_latest_check() -> None:
    calls = _calls()
    calls["verification"]["date"] = "2026-11-01"
    [message] = _messages(listing(**calls))
    assert message.startswith("warning: last_verified: is '2026-10-01', before "
                              "verification.date '2026-11-01'")


def test_unknown_reason_and_method_get_the_allowed_values() -> None:
    calls = _calls()
    calls["unreachable"]["reason"] = "busy"
    calls["verification"]["method"] = "phone"
    messages = _messages(listing(**calls))
    assert any("verification.method: 'phone' is not allowed; did you mean 'phone_call'?" in m
               for m in messages)
    assert any("unreachable.reason: 'busy' is not allowed" in m for m in messages)


def test_a_schedule_not_listed_cannot_come_with_tracks() -> None:
    messages = _messages(listing(programs=[program(schedule_status="not_listed")]))
    assert messages == [
        "error: programs[0].schedule_status: is 'not_listed' but the program lists tracks; "
        "remove this line now that the schedule is known (or remove the tracks)"]
