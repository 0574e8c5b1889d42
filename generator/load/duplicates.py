"""One provider listed twice: listings that share a phone number, a website or a name and address.

Each shared value is looked up in a dict, so the cost grows with the number of listings, not with
the number of pairs (20,000 listings are 200 million pairs). Every listing in a clash gets its own
error naming the others, so a pull request that adds a copy shows the problem on both files.
Listings that name each other in `related_listings` are sites of one organisation: they may share
a phone line and a website, never a name and address.
"""

from __future__ import annotations

import dataclasses
import difflib
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from generator.load import lookalike
from generator.load.diagnostics import Diagnostic, Severity
from generator.load.yamlload import Document, Path, dotted
from generator.model.links import site_host
from generator.model.records import Provider

Positions = dict[Path, tuple[int, int]]

# Kinds of clash, in the order they are reported. Only "same name" alone is a warning: two
# providers in one city can share a common name ("New Beginnings").
PHONE, WEBSITE, NAME_ADDRESS, NAME_CITY = "phone", "website", "name and address", "name"
_FIELD = {PHONE: "phone", WEBSITE: "website", NAME_ADDRESS: "name", NAME_CITY: "name"}
_SHARABLE = {PHONE, WEBSITE, NAME_CITY}  # allowed between related listings

# Sites that host pages of many unrelated providers: the first path segment tells them apart.
SHARED_HOSTS = frozenset({
    "facebook.com", "m.facebook.com", "instagram.com", "linkedin.com", "sites.google.com",
    "google.com", "linktr.ee", "twitter.com", "x.com", "yelp.com", "psychologytoday.com",
})
_DROPPED_NAME_WORDS = frozenset({
    "the", "inc", "incorporated", "llc", "ltd", "limited", "corp", "corporation", "co",
    "company", "pc", "pllc", "plc", "lp", "llp",
})
_STREET_WORDS = {
    "street": "st", "avenue": "ave", "av": "ave", "road": "rd", "boulevard": "blvd",
    "drive": "dr", "lane": "ln", "court": "ct", "place": "pl", "highway": "hwy",
    "parkway": "pkwy", "square": "sq", "terrace": "ter", "circle": "cir", "way": "way",
    "north": "n", "south": "s", "east": "e", "west": "w", "northeast": "ne",
    "northwest": "nw", "southeast": "se", "southwest": "sw",
}
# A unit ends the part of an address that names the building: same name in one building is one
# provider, whichever suite each file gives.
_UNIT_WORDS = frozenset({"suite", "ste", "unit", "apt", "room", "rm", "floor", "fl", "bldg",
                         "building", "#"})
_WORD = re.compile(r"#|[^\W_]+")


@dataclass(frozen=True)
class Listed:
    """What the checks across files read of a listing, with its duplicate keys computed once:
    validation makes it in its worker processes, so the main process checks 20,000 listings
    for duplicates without unpacking a single provider (see results.py)."""

    source_path: str
    slug: str
    name: str
    phone: str
    related_listings: tuple[str, ...]
    # (key, what people read) of each kind of clash
    keys: dict[str, list[tuple[str, str]]] = dataclasses.field(hash=False)

    @classmethod
    def of(cls, provider: Provider | Listed) -> Listed:
        if isinstance(provider, Listed):
            return provider
        keys = {kind: list(_keys(provider, kind)) for kind in _FIELD}
        return cls(provider.source_path, provider.slug, provider.name, provider.phone,
                   provider.related_listings, keys)

    def __reduce__(self) -> tuple[Any, ...]:
        """A plain tuple of fields: the shortest pickle, 20,000 of them go to the cache file."""
        return (Listed, (self.source_path, self.slug, self.name, self.phone,
                         self.related_listings, self.keys))


@dataclass(frozen=True)
class Duplicate:
    """Listings sharing one value; `clashes` holds, for each listing, the others it clashes
    with (related listings sharing a phone or website do not clash)."""

    kind: str
    shared: str  # what they share, as the first listing writes it, for people to read
    clashes: tuple[tuple[Listed, tuple[Listed, ...]], ...]

    @property
    def listings(self) -> tuple[Listed, ...]:
        return tuple(provider for provider, _ in self.clashes)

    @property
    def severity(self) -> Severity:
        return Severity.WARNING if self.kind == NAME_CITY else Severity.ERROR


def find(providers: Iterable[Provider | Listed]) -> list[Duplicate]:
    """Every clash among `providers`, each pair once per kind, in a stable order."""
    ordered = sorted(map(Listed.of, providers), key=lambda p: p.source_path)
    related = _related_pairs(ordered)
    found: list[Duplicate] = []
    exact: set[frozenset[str]] = set()  # pairs of files with the same name and address
    for kind in (PHONE, WEBSITE, NAME_ADDRESS, NAME_CITY):
        allowed = related if kind in _SHARABLE else set()
        # A name warning adds nothing to a name-and-address error about the same pair; `exact`
        # is empty until the name-and-address pairs are known, which is just before NAME_CITY.
        done = set(exact)
        for shared, group in _groups(ordered, kind):
            duplicate = _clashes(kind, shared, group, allowed, done)
            if duplicate is not None:
                found.append(duplicate)
        if kind == NAME_ADDRESS:
            exact = done
    return found


def _groups(providers: list[Listed], kind: str) -> Iterator[tuple[str, list[Listed]]]:
    by_key: dict[str, list[Listed]] = defaultdict(list)
    shown: dict[str, str] = {}
    for provider in providers:
        for key, label in provider.keys[kind]:
            members = by_key[key]
            if not members or members[-1] is not provider:  # one entry per listing
                members.append(provider)
            shown.setdefault(key, label)
    for key, members in by_key.items():
        if len(members) > 1:
            yield shown[key], members


def _keys(provider: Provider, kind: str) -> Iterator[tuple[str, str]]:
    """(key, what people read) for each way `provider` could match another; names, streets and
    hosts have up to three look-alike forms each (see lookalike.py)."""
    if kind == PHONE:
        yield phone_key(provider.phone), provider.phone
    elif kind == WEBSITE and provider.website:
        shown = site_host(provider.website)
        for host in website_keys(provider.website):
            yield host, shown
    elif kind == NAME_ADDRESS:
        for loc in provider.locations:
            for name, street in itertools.product(name_keys(provider.name),
                                                  street_keys(loc.street)):
                yield f"{name}|{street}|{loc.zip[:5]}", f"{loc.street}, {loc.zip[:5]}"
    elif kind == NAME_CITY:
        for loc in provider.locations:
            for name, city in itertools.product(name_keys(provider.name), name_keys(loc.city)):
                yield f"{name}|{city}|{loc.state}", f"{loc.city}, {loc.state}"


def _clashes(kind: str, shared: str, group: list[Listed], allowed: set[frozenset[str]],
             done: set[frozenset[str]]) -> Duplicate | None:
    """The clashes in one group; `allowed` pairs of slugs may share the value, and pairs of
    files in `done` were reported already (two listings can share two locations)."""
    rows = []
    fresh = set()
    for provider in group:
        others = []
        for other in group:
            files = frozenset((provider.source_path, other.source_path))
            if other is provider or files in done:
                continue
            if frozenset((provider.slug, other.slug)) not in allowed:
                others.append(other)
                fresh.add(files)
        if others:
            rows.append((provider, tuple(others)))
    done |= fresh
    return Duplicate(kind, shared, tuple(rows)) if rows else None


def _related_pairs(providers: list[Listed]) -> set[frozenset[str]]:
    """Pairs of slugs where either listing names the other in `related_listings`."""
    return {frozenset((p.slug, r)) for p in providers for r in p.related_listings}


# Keys are cached (the same values come on every rebuild of `serve`) as `name = lru_cache(...)
# (_name)`: mutmut (`make mutation`) leaves decorated functions unmutated (docs/quality.md).
def _phone_key(phone: str) -> str:
    """Digits only, without the US country code or an extension: '(503) 555-0142',
    '+1 503.555.0142' and '503-555-0142 ext. 12' are one line."""
    digits = "".join(c for c in phone.split("ext")[0] if c.isdigit())
    # `or` alike for US numbers: ten digits never start with 1 (no area code does), eleven
    # always do (the country code).
    return digits[1:] if len(digits) == 11 and digits.startswith("1") else digits


phone_key = lru_cache(maxsize=1 << 16)(_phone_key)


def _website_keys(url: str) -> tuple[str, ...]:
    """The host in its look-alike forms: case, a final dot, 'www.' and the IDNA spelling
    ('xn--...') make no difference; on a shared host, with the first path segment."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").removesuffix(".").removeprefix("www.")
        # Codec names ignore case: "ASCII" and "IDNA" are the same codecs.
        host = host.encode("ascii").decode("idna") if host.isascii() else host
    except (ValueError, UnicodeError):
        return ()
    if not host:
        return ()
    if host in SHARED_HOSTS:
        segment = parts.path.strip("/").split("/")[0].casefold()
        # `or True` alike: every bare address of the host then ends in "/", so they still match.
        host = f"{host}/{segment}" if segment else host
    return lookalike.forms(host)


website_keys = lru_cache(maxsize=1 << 16)(_website_keys)


def _words(text: str) -> list[str]:
    """Lowercase words without accents or punctuation; '#' is kept as a word (a unit)."""
    plain = text.replace("&", " and ")  # " AND " alike: the words are casefolded below
    if not plain.isascii():  # ASCII has no accents or compatibility forms: most names skip this
        plain = lookalike.plain(plain)
    return _WORD.findall(plain.casefold())


def _word_forms(text: str) -> Iterator[list[str]]:
    """The words of each look-alike form of `text` (see lookalike.py)."""
    # " AND " alike: look-alike forms are casefolded.
    for form in lookalike.forms(text.replace("&", " and ")):
        yield _WORD.findall(form)


def _make_folded_tables() -> tuple[frozenset[str], dict[str, str], frozenset[str]]:
    """The word lists above in the look-alike forms that names and streets are compared in."""
    def folded(words: Iterable[str]) -> frozenset[str]:
        return frozenset(form for word in words for form in lookalike.forms(word))

    street = {form: lookalike.forms(short)[0] for word, short in _STREET_WORDS.items()
              for form in lookalike.forms(word)}
    return folded(_DROPPED_NAME_WORDS), street, folded(_UNIT_WORDS)


_folded_tables = lru_cache(maxsize=1)(_make_folded_tables)


def _name(words: list[str], dropped: frozenset[str]) -> str:
    return " ".join(w for w in words if w not in dropped and w != "#")


def _street(words: list[str], abbreviations: dict[str, str], units: frozenset[str]) -> str:
    kept: list[str] = []
    for word in words:
        if word in units:
            break
        kept.append(abbreviations.get(word, word))
    return " ".join(kept)


def _name_keys(name: str) -> tuple[str, ...]:
    """'The Harbor Light Center, Inc.', 'Harbor Light Center LLC' and 'Hаrbor Light Center'
    (with a Cyrillic 'а') share a key."""
    dropped = _folded_tables()[0]
    return tuple(dict.fromkeys(_name(words, dropped) for words in _word_forms(name)))


name_keys = lru_cache(maxsize=1 << 16)(_name_keys)


def _street_keys(street: str) -> tuple[str, ...]:
    """'100 North Example Street, Suite 2' and '100 N Example St #5' share a key."""
    _, abbreviations, units = _folded_tables()
    return tuple(dict.fromkeys(_street(words, abbreviations, units)
                               for words in _word_forms(street)))


street_keys = lru_cache(maxsize=1 << 16)(_street_keys)


def _name_key(name: str) -> str:
    """name_keys without look-alike folding, for the importers' matching of rows to files:
    'The Harbor Light Center, Inc.' and 'Harbor Light Center LLC' give 'harbor light center'."""
    return _name(_words(name), _DROPPED_NAME_WORDS)


name_key = lru_cache(maxsize=1 << 16)(_name_key)


def _street_key(street: str) -> str:
    """street_keys without look-alike folding, for the importers: '100 n example st'."""
    return _street(_words(street), _STREET_WORDS, _UNIT_WORDS)


street_key = lru_cache(maxsize=1 << 16)(_street_key)


def diagnostics(found: list[Duplicate], positions: dict[str, Positions]) -> list[Diagnostic]:
    """One finding per listing in each clash, at the clashing field, naming the other files."""
    out = []
    for duplicate in found:
        field = _FIELD[duplicate.kind]
        for provider, others in duplicate.clashes:
            line, col = positions.get(provider.source_path, {}).get((field,), (1, 1))
            message = f"{field}: {_message(duplicate, provider, others)}"
            out.append(Diagnostic(provider.source_path, line, col, duplicate.severity, message))
    return out


def _message(duplicate: Duplicate, provider: Listed, others: tuple[Listed, ...]) -> str:
    files = _files(others)
    one_org = (f"if they are sites of one organisation, list {others[0].slug!r} in "
               "related_listings")
    if duplicate.kind == PHONE:
        return (f"the phone number {provider.phone!r} is also the number of {files}; "
                f"{one_org}, otherwise correct the number")
    if duplicate.kind == WEBSITE:
        return (f"the website {duplicate.shared!r} is also the website of {files}; "
                f"{one_org}, otherwise correct the address")
    if duplicate.kind == NAME_ADDRESS:
        return (f"{provider.name!r} at {duplicate.shared!r} is also listed in {files}; one "
                "provider needs one listing: merge the two files and delete one")
    return (f"{provider.name!r} in {duplicate.shared} is also listed in {files}; merge the "
            f"files, tell the providers apart by name, or {one_org}")


def _files(others: tuple[Listed, ...], shown: int = 3) -> str:
    names = [o.source_path for o in others[:shown]]
    more = len(others) - shown
    if more > 0:
        names.append(f"{more} more listing{'s' if more != 1 else ''}")
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def positions(doc: Document) -> Positions:
    """Where the fields that cross-file checks point at start: the only positions kept after a
    file is loaded (a whole Document per listing would cost memory at national scale)."""
    paths: list[Path] = [("name",), ("phone",), ("website",)]
    related = doc.data.get("related_listings") if isinstance(doc.data, dict) else None
    if isinstance(related, list):
        paths += [("related_listings", i) for i in range(len(related))]
    return {path: doc.values[path] for path in paths if path in doc.values}


def related_problems(providers: Sequence[Provider | Listed], positions: dict[str, Positions],
                     exists: Callable[[Listed, str], bool]) -> list[Diagnostic]:
    """`related_listings` entries that name no listing (checked against the loaded listings,
    then `exists`, which looks beside the file when only some files are validated)."""
    listed = [Listed.of(p) for p in providers]
    slugs = sorted({p.slug for p in listed})
    known = set(slugs)
    out = []
    for provider in listed:
        for i, slug in enumerate(provider.related_listings):
            problem = _related_problem(provider, slug, known, slugs, exists)
            if problem:
                path: Path = ("related_listings", i)
                line, col = positions.get(provider.source_path, {}).get(path, (1, 1))
                out.append(Diagnostic(provider.source_path, line, col, Severity.ERROR,
                                      f"{dotted(path)}: {problem}"))
    return out


def _related_problem(provider: Listed, slug: str, known: set[str], slugs: list[str],
                     exists: Callable[[Listed, str], bool]) -> str | None:
    if slug == provider.slug:
        return "names this listing itself; list only the other listings of the organisation"
    if slug in known or exists(provider, slug):
        return None
    # Only the best match is shown: n=1 or the default 3 give the same close[0].
    close = difflib.get_close_matches(slug, slugs, n=1)
    fix = (f"did you mean {close[0]!r}?" if close
           else "write the file name of another listing, without '.yaml'")
    return f"no listing is named {slug!r}; {fix}"
