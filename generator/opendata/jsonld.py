"""schema.org JSON-LD for a provider page: a MedicalClinic with each track as a Service whose
hoursAvailable are OpeningHoursSpecifications, so search engines can read the schedules.

schema.org defines `availableLanguage` on a ServiceChannel, not on a clinic: each service has
one (`availableChannel`) with the program's languages, and the clinic has `knowsLanguage`.

The JSON sits in a <script> element in the page head (overrides/main.html, from the front matter
that provider_page.py writes), and listing text is untrusted: `<`, `>`,
`&` and the JavaScript line separators U+2028/9 are written as \\u escapes, so no text can close
the element or start markup, and the JSON still parses to exactly the listing's text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from generator.model.links import linkable
from generator.model.records import Location, Program, Provider, Track, hhmm
from generator.model.vocab import DAY_NAMES, LEVELS, PAYMENT, language_name

Json = dict[str, Any]
_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                          "\u2028": "\\u2028", "\u2029": "\\u2029"})
DAY_URLS = {day: f"https://schema.org/{name}" for day, name in DAY_NAMES.items()}


def dumps(data: Json) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_ESCAPES)


def clinic(provider: Provider) -> Json:
    data: Json = {
        "@context": "https://schema.org",
        "@type": "MedicalClinic",
        "name": provider.name,
        "description": provider.description,
        "telephone": provider.phone,
        "address": [_address(loc) for loc in provider.locations],
        "knowsLanguage": languages(_languages(provider)),
        # None when the source lists no payment: unknown, so not said (dropped below).
        "paymentAccepted": ", ".join(PAYMENT[p] for p in _payment(provider)) or None,
        "hasOfferCatalog": {"@type": "OfferCatalog", "name": "Programs", "itemListElement": [
            {"@type": "Offer", "itemOffered": service}
            for program in provider.programs for service in _services(program)]},
    }
    if data["paymentAccepted"] is None:
        del data["paymentAccepted"]
    accepting = is_accepting(provider)
    if accepting is not None:
        data["isAcceptingNewPatients"] = accepting
    for key, value in (("url", linkable(provider.website)), ("email", provider.email)):
        if value:
            data[key] = value
    return data


def is_accepting(provider: Provider) -> bool | None:
    """True if any program takes new people now; None when no program's status is known."""
    known = [p.accepting for p in provider.programs if p.accepting != "unknown"]
    return "yes" in known if known else None


def _address(loc: Location) -> Json:
    return {"@type": "PostalAddress", "streetAddress": loc.street, "addressLocality": loc.city,
            "addressRegion": loc.state, "postalCode": loc.zip, "addressCountry": "US"}


def _languages(provider: Provider) -> list[str]:
    return list(dict.fromkeys(code for p in provider.programs for code in p.languages))


def _payment(provider: Provider) -> list[str]:
    used = {code for p in provider.programs for code in p.payment}
    return [code for code in PAYMENT if code in used]


def languages(codes: Iterable[str]) -> list[Json]:
    return [{"@type": "Language", "name": language_name(c), "alternateName": c} for c in codes]


def _services(program: Program) -> list[Json]:
    base: Json = {"@type": "Service", "serviceType": LEVELS[program.level_of_care],
                  "availableChannel": {"@type": "ServiceChannel",
                                       "availableLanguage": languages(program.languages)}}
    if program.description:
        base["description"] = program.description
    if not program.tracks:
        return [{**base, "name": program.name}]
    return [{**base, "name": f"{program.name}: {track.name}", "hoursAvailable": hours(track)}
            for track in program.tracks]


def hours(track: Track) -> list[Json]:
    """One OpeningHoursSpecification per meeting of the week (local time of the location)."""
    return [{"@type": "OpeningHoursSpecification", "dayOfWeek": DAY_URLS[day],
             "opens": hhmm(start), "closes": hhmm(end)} for day, start, end in track.by_day()]

