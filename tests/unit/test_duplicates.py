"""One provider in two files: same phone, website, or name and address, found in both files."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from generator.load import duplicates, yamlload
from generator.load.catalog import load_paths
from generator.load.diagnostics import Severity
from generator.model.records import Provider
from tests.conftest import PROVIDERS, TODAY
from tests.unit.helpers import listing, provider


def _pair(first: Mapping[str, object], second: Mapping[str, object]) -> list[Provider]:
    """Two listings that differ in everything the checks compare, except what each one says."""
    loc_a = {**listing()["locations"][0], "street": "1 Alder Road", "zip": "97201"}
    loc_b = {**listing()["locations"][0], "street": "9 Birch Lane", "zip": "97202",
             "city": "Milwaukie"}
    a = listing(name="Alder Counseling", phone="(503) 555-0101",
                website="https://alder.example.org", locations=[loc_a])
    b = listing(name="Birch Recovery", phone="(503) 555-0102",
                website="https://birch.example.org", locations=[loc_b])
    a.update(first)
    b.update(second)
    return [provider(a, slug="alder"), provider(b, slug="birch")]


def _found(providers: list[Provider]) -> list[tuple[str, str, list[str]]]:
    return [(d.kind, p.slug, [o.slug for o in others])
            for d in duplicates.find(providers) for p, others in d.clashes]


def test_keys_normalise_what_people_write_differently() -> None:
    assert duplicates.phone_key("(503) 555-0142") == duplicates.phone_key("+1 503.555.0142")
    assert duplicates.phone_key("503-555-0142 ext. 12") == "5035550142"
    harbor = duplicates.website_keys("https://harbor.example.org")
    for same in ("https://WWW.Harbor.example.org/about", "http://harbor.example.org./",
                 "https://www.harbor.example.org.:443/"):
        assert duplicates.website_keys(same) == harbor, same
    # The first segment of the path, whole, tells pages on a shared host apart.
    assert duplicates.website_keys("https://facebook.com/HarborLight/about") == \
        duplicates.website_keys("https://facebook.com/harborlight")
    assert duplicates.website_keys("https://facebook.com/Xanadu") != \
        duplicates.website_keys("https://facebook.com/anadu")
    assert duplicates.website_keys("https:///no-host") == ()
    assert duplicates.website_keys("https://www.facebook.com/HarborLight/") == \
        duplicates.website_keys("https://facebook.com/harborlight") != \
        duplicates.website_keys("https://facebook.com/otherclinic")
    # The IDNA spelling of a host is the same host.
    assert duplicates.website_keys("https://xn--bcher-kva.example.org") == \
        duplicates.website_keys("https://BÜCHER.example.org")
    assert duplicates.name_key("The Harbor Light Center, Inc.") == \
        duplicates.name_key("Harbor Light Center LLC") == "harbor light center"
    assert duplicates.name_key("Café & Co") == "cafe and"
    # '&' is the word 'and', and '#' is no word of a name, with or without look-alike folding.
    assert duplicates.name_keys("Harbor & Light #2") == duplicates.name_keys(
        "Harbor and Light 2") == ("harbor and light 2",)
    assert duplicates.street_key("100 North Example Street, Suite 2") == \
        duplicates.street_key("100 N. Example St #5") == "100 n example st"
    assert duplicates.street_keys("100 North Example Street, Suite 2") == \
        duplicates.street_keys("100 N. Example St #5")


@pytest.mark.parametrize("disguised", [
    "Hаrbor Light Center",  # Cyrillic 'а'
    "НАRBOR LIGHT CENTER",  # Cyrillic 'Н' and 'А' in capitals
    "Harbor Iight Center",  # a capital I for the l
    "Harbor 1ight Center",  # a digit one for the l
    "Ｈarbor Light Center",  # a full-width H
    "Harbor Light Center, Inc.",
])
def test_look_alike_names_share_a_key(disguised: str) -> None:
    assert set(duplicates.name_keys(disguised)) & set(duplicates.name_keys(
        "Harbor Light Center")), disguised
    assert not set(duplicates.name_keys(disguised)) & set(duplicates.name_keys(
        "Harbor Lights Centre"))


def test_a_copy_with_another_phone_and_a_disguised_name_is_found() -> None:
    """The review's case: a copy of a listing whose phone differs and whose name is spelled
    with Cyrillic look-alikes (or whose website ends in a dot) is still one provider twice."""
    loc = listing()["locations"][0]
    original = listing(name="Alder Counseling", website="https://alder.example.org",
                       locations=[loc])
    copy = listing(name="Аlder Cоunseling", phone="(503) 555-0177",  # Cyrillic А and о
                   website="https://ALDER.example.org./", locations=[loc])
    kinds = {kind for kind, _, _ in _found([provider(original, slug="alder"),
                                            provider(copy, slug="alder-2")])}
    assert kinds == {"website", "name and address"}


@pytest.mark.parametrize(("field", "value"), [
    ("phone", "503.555.0101"),
    ("website", "https://www.alder.example.org/contact"),
])
def test_shared_phone_or_website_is_an_error_on_both_files(field: str, value: str) -> None:
    providers = _pair({}, {field: value})
    assert _found(providers) == [(field, "alder", ["birch"]), (field, "birch", ["alder"])]
    # Whichever file comes first, both are named.
    assert _found(providers[::-1]) == _found(providers)
    (duplicate,) = duplicates.find(providers)
    assert duplicate.severity is Severity.ERROR


def test_related_listings_may_share_phone_and_website_in_either_direction() -> None:
    shared = {"phone": "(503) 555-0101", "website": "https://alder.example.org"}
    assert _found(_pair({"related_listings": ["birch"]}, shared)) == []
    assert duplicates.find(_pair({"related_listings": ["birch"]}, shared)) == []
    assert _found(_pair({}, {**shared, "related_listings": ["alder"]})) == []


def test_same_name_and_address_is_an_error_even_for_related_listings() -> None:
    loc = {**listing()["locations"][0], "street": "1 Alder Rd., Suite 4", "zip": "97201"}
    second = {"name": "Alder Counseling LLC", "locations": [loc], "related_listings": ["alder"]}
    assert _found(_pair({}, second)) == [
        ("name and address", "alder", ["birch"]), ("name and address", "birch", ["alder"])]


def test_same_name_in_the_same_city_is_only_a_warning() -> None:
    loc = {**listing()["locations"][0], "street": "77 Other Street", "zip": "97201"}
    (duplicate,) = duplicates.find(_pair({}, {"name": "Alder Counseling", "locations": [loc]}))
    assert duplicate.kind == "name" and duplicate.severity is Severity.WARNING
    # The same name in another city is another provider.
    assert _found(_pair({}, {"name": "Alder Counseling"})) == []


def test_unrelated_pages_on_a_shared_host_are_not_duplicates() -> None:
    providers = _pair({"website": "https://facebook.com/alder"},
                      {"website": "https://www.facebook.com/birch"})
    assert _found(providers) == []


def test_a_group_of_three_names_every_other_file() -> None:
    providers = _pair({}, {"phone": "(503) 555-0101"})
    third = provider(listing(name="Cedar House", phone="503 555 0101",
                             website="https://cedar.example.org",
                             related_listings=["alder"]), slug="cedar")
    # cedar and alder are related: only birch clashes with each of them.
    assert _found([*providers, third]) == [
        ("phone", "alder", ["birch"]), ("phone", "birch", ["alder", "cedar"]),
        ("phone", "cedar", ["birch"])]


def test_diagnostics_point_at_the_field_and_name_the_other_file() -> None:
    providers = _pair({}, {"phone": "(503) 555-0101"})
    positions: dict[str, duplicates.Positions] = {"providers/alder.yaml": {("phone",): (5, 8)}}
    found = duplicates.diagnostics(duplicates.find(providers), positions)
    assert [d.format_text() for d in found] == [
        "providers/alder.yaml:5:8: error: phone: the phone number '(503) 555-0101' is also the "
        "number of providers/birch.yaml; if they are sites of one organisation, list 'birch' in "
        "related_listings, otherwise correct the number",
        "providers/birch.yaml:1:1: error: phone: the phone number '(503) 555-0101' is also the "
        "number of providers/alder.yaml; if they are sites of one organisation, list 'alder' in "
        "related_listings, otherwise correct the number",
    ]


def test_unknown_related_listing_is_an_error_with_a_suggestion() -> None:
    providers = _pair({"related_listings": ["brich", "alder", "elm"]}, {})
    positions: dict[str, duplicates.Positions] = {
        "providers/alder.yaml": {("related_listings", 0): (12, 21)}}
    found = duplicates.related_problems(providers, positions, lambda p, slug: slug == "elm")
    assert [d.format_text() for d in found] == [
        "providers/alder.yaml:12:21: error: related_listings[0]: no listing is named 'brich'; "
        "did you mean 'birch'?",
        "providers/alder.yaml:1:1: error: related_listings[1]: names this listing itself; list "
        "only the other listings of the organisation",
    ]


def test_the_samples_have_no_duplicates() -> None:
    catalog = load_paths([PROVIDERS], TODAY)
    assert len(catalog.providers) == 14
    assert duplicates.find(catalog.providers) == []


def test_a_copied_sample_is_caught_at_the_right_lines(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "providers"
    shutil.copytree(PROVIDERS, folder)
    original = (folder / "otterbank-wellness-house.yaml").read_text(encoding="utf-8")
    (folder / "otterbank-copy.yaml").write_text(original, encoding="utf-8")
    lines = original.splitlines()
    phone_line = next(i for i, line in enumerate(lines, 1) if line.startswith("phone:"))
    found = [d for d in load_paths([folder], TODAY).diagnostics if d.message.startswith("phone")]
    assert [(d.path, d.line, d.col) for d in found] == [
        ("providers/otterbank-copy.yaml", phone_line, 8),
        ("providers/otterbank-wellness-house.yaml", phone_line, 8)]
    assert "providers/otterbank-wellness-house.yaml" in found[0].message
    assert "providers/otterbank-copy.yaml" in found[1].message


def test_related_listing_beside_the_file_counts_when_validating_one_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(PROVIDERS, tmp_path / "providers")
    path = tmp_path / "providers" / "otterbank-wellness-house.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "related_listings: [lanternfish-recovery-collective, nope]\n",
                    encoding="utf-8")
    found = load_paths([path], TODAY).diagnostics
    assert [d.message for d in found] == [
        "related_listings[1]: no listing is named 'nope'; write the file name of another "
        "listing, without '.yaml'"]


def test_twenty_thousand_listings_are_grouped_by_key_not_compared_in_pairs(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Only listings that share a key are ever compared: none here, so no group is looked at
    (how long it takes is measured in benchmarks/, never asserted in a test)."""
    base = provider()
    many = [dataclasses.replace(base, slug=f"p{i}", source_path=f"providers/p{i}.yaml",
                                name=f"Clinic {i}", phone=f"(503) 555-{i:05d}",
                                website=f"https://p{i}.example.org")
            for i in range(20_000)]
    looked_at: list[int] = []
    compare = duplicates._clashes

    def counted(kind: str, shared: str, group: list[duplicates.Listed], *rest: Any) -> Any:
        looked_at.append(len(group))
        return compare(kind, shared, group, *rest)

    monkeypatch.setattr(duplicates, "_clashes", counted)
    # Every copy shares the one location, but not the name: nothing clashes.
    assert duplicates.find(many) == []
    assert looked_at == []
    assert duplicates.find([*many[:3], dataclasses.replace(many[0], slug="copy")]) != []
    assert looked_at and max(looked_at) == 2  # the one pair that shares its keys


def test_name_messages_say_what_to_do_about_each_kind_of_clash() -> None:
    loc = {**listing()["locations"][0], "street": "1 Alder Rd., Suite 4", "zip": "97201"}
    same_place = _pair({}, {"name": "Alder Counseling LLC", "locations": [loc]})
    found = duplicates.diagnostics(duplicates.find(same_place), {})
    assert found[1].format_text() == (
        "providers/birch.yaml:1:1: error: name: 'Alder Counseling LLC' at '1 Alder Road, 97201' "
        "is also listed in providers/alder.yaml; one provider needs one listing: merge the two "
        "files and delete one")
    other_street = {**loc, "street": "77 Other Street"}
    same_city = _pair({}, {"name": "Alder Counseling", "locations": [other_street]})
    found = duplicates.diagnostics(duplicates.find(same_city), {})
    assert found[0].format_text() == (
        "providers/alder.yaml:1:1: warning: name: 'Alder Counseling' in Portland, OR is also "
        "listed in providers/birch.yaml; merge the files, tell the providers apart by name, or "
        "if they are sites of one organisation, list 'birch' in related_listings")


def test_a_long_list_of_other_files_names_three_and_counts_the_rest() -> None:
    base = provider()
    sharing = [dataclasses.replace(base, slug=f"p{i}", source_path=f"providers/p{i}.yaml",
                                   name=f"Clinic {i}", website=f"https://p{i}.example.org")
               for i in range(6)]

    def others(count: int) -> str:
        """The files that the first of `count` listings sharing one phone number names."""
        (first, *_) = duplicates.diagnostics(duplicates.find(sharing[:count]), {})
        return first.message.split(" is also the number of ")[1].split(";")[0]

    assert others(2) == "providers/p1.yaml"
    assert others(3) == "providers/p1.yaml and providers/p2.yaml"
    assert others(4) == "providers/p1.yaml, providers/p2.yaml and providers/p3.yaml"
    assert others(5) == ("providers/p1.yaml, providers/p2.yaml, providers/p3.yaml and 1 more "
                         "listing")
    assert others(6) == ("providers/p1.yaml, providers/p2.yaml, providers/p3.yaml and 2 more "
                         "listings")


def test_two_separate_copies_are_both_reported() -> None:
    first, second = _pair({}, {"phone": "(503) 555-0101"})
    third, fourth = _pair({"phone": "(503) 555-0177", "name": "Cedar House",
                           "website": "https://cedar.example.org"},
                          {"phone": "(503) 555-0177", "name": "Dogwood Center",
                           "website": "https://dogwood.example.org"})
    third = dataclasses.replace(third, slug="cedar", source_path="providers/cedar.yaml")
    fourth = dataclasses.replace(fourth, slug="dogwood", source_path="providers/dogwood.yaml")
    assert _found([first, second, third, fourth]) == [
        ("phone", "alder", ["birch"]), ("phone", "birch", ["alder"]),
        ("phone", "cedar", ["dogwood"]), ("phone", "dogwood", ["cedar"])]


def test_positions_are_kept_for_the_fields_that_cross_file_messages_point_at() -> None:
    text = ("name: Alder Counseling\nphone: '(503) 555-0101'\n"
            "website: https://alder.example.org\ncity: Portland\n"
            "related_listings:\n  - birch\n  - cedar\n")
    doc, _ = yamlload.load(text, "providers/alder.yaml")
    assert duplicates.positions(doc) == {
        ("name",): (1, 7), ("phone",): (2, 8), ("website",): (3, 10),
        ("related_listings", 0): (6, 5), ("related_listings", 1): (7, 5)}
    not_a_mapping, _ = yamlload.load("- birch\n", "providers/list.yaml")
    assert duplicates.positions(not_a_mapping) == {}


def test_same_name_and_address_is_not_also_warned_about_as_the_same_name() -> None:
    """And a ZIP+4 code is the same place as its five digits."""
    loc = {**listing()["locations"][0], "street": "1 Alder Road", "zip": "97201-1234"}
    providers = _pair({"locations": [loc]}, {"name": "Alder Counseling",
                                             "locations": [{**loc, "zip": "97201"}]})
    assert _found(providers) == [
        ("name and address", "alder", ["birch"]), ("name and address", "birch", ["alder"])]
    (duplicate,) = duplicates.find(providers)
    assert duplicate.shared == "1 Alder Road, 97201"


def test_the_website_message_names_the_shared_host() -> None:
    providers = _pair({}, {"website": "https://WWW.alder.example.org/about"})
    (first, _) = duplicates.diagnostics(duplicates.find(providers), {})
    assert first.message == (
        "website: the website 'alder.example.org' is also the website of providers/birch.yaml; "
        "if they are sites of one organisation, list 'birch' in related_listings, otherwise "
        "correct the address")


def test_related_problems_of_a_file_without_positions_are_on_its_first_line() -> None:
    providers = _pair({"related_listings": ["nowhere"]}, {})
    (found,) = duplicates.related_problems(providers, {}, lambda p, slug: False)
    assert found.format_text() == (
        "providers/alder.yaml:1:1: error: related_listings[0]: no listing is named 'nowhere'; "
        "write the file name of another listing, without '.yaml'")
