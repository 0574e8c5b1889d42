"""The Markdown page of one provider: contact, locations, and each program with its schedules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from generator.model import fmt
from generator.model.links import site_host
from generator.model.records import Program, Provider, Track
from generator.model.vocab import (
    ACCEPTING,
    ACCREDITATIONS,
    CONTINUUM,
    DAY_NAMES,
    FORMATS,
    LEVELS,
    MAT,
    PAYMENT,
    POPULATIONS,
    SERVICES,
    language_name,
)
from generator.opendata import jsonld
from generator.opendata.paths import calendar_path
from generator.pages.mdtext import front_matter, link, mailto, phone_link, text

STALE_AFTER_DAYS = 365


def page_path(slug: str) -> str:
    """Where a provider's page lives among the docs files (its URL is providers/<slug>/)."""
    return f"providers/{slug}.md"


def render(provider: Provider, today: dt.date,
           related: Sequence[tuple[str, str]] = ()) -> str:
    """`related`: (slug, name) of the organisation's other listings (see `related_sites`)."""
    parts = [
        # schema.org data for search engines; overrides/main.html puts it in <head>, where
        # Material's instant navigation never re-runs it as a script (it does in the content).
        front_matter(title=provider.name, description=_meta_description(provider),
                     script_data={"iopdir_jsonld": jsonld.dumps(jsonld.clinic(provider))}),
        f"# {text(provider.name)}\n",
        _sample_notice(provider),
        _stale_notice(provider, today),
        text(provider.description) + "\n",
        _contact(provider),
        _locations(provider),
        _related(related),
        "## Programs\n",
        # Search indexes the name, description and places; the finder covers program details.
        # Indexing every schedule would make the search index many megabytes at national scale.
        '<div markdown data-search-exclude>\n',
        *(_program(provider, p, i) for i, p in enumerate(provider.programs, 1)),
        "</div>\n",
        _verified(provider),
    ]
    return "\n".join(part for part in parts if part)


def _meta_description(provider: Provider) -> str:
    places = "; ".join(sorted({fmt.place(loc) for loc in provider.locations}))
    levels = ", ".join(LEVELS[lv].split(" (")[0] for lv in _program_levels(provider))
    return f"{levels} in {places}. Schedules, insurance, languages and how to reach them."


def _program_levels(provider: Provider) -> list[str]:
    return [lv for lv in LEVELS if any(p.level_of_care == lv for p in provider.programs)]


def _sample_notice(provider: Provider) -> str:
    if not provider.sample:
        return ""
    return ('!!! warning "Sample listing"\n    This provider is fictional. It is sample data that '
            "shows how the directory works; do not contact it.\n")


def _contact(provider: Provider) -> str:
    rows = [f"- **Phone:** {phone_link(provider.phone)}"]
    if provider.intake_phones:
        rows.append("- **Intake:** " + ", ".join(phone_link(p) for p in provider.intake_phones))
    if provider.website:
        rows.append(f"- **Website:** {link(provider.website, site_host(provider.website))}")
    if provider.email:
        rows.append(f"- **Email:** {mailto(provider.email)}")
    rows.append("- **Levels of care offered:** "
                + ", ".join(CONTINUUM[c] for c in provider.levels_of_care))
    if provider.accreditations:
        rows.append("- **Accreditation:** "
                    + ", ".join(ACCREDITATIONS[a] for a in provider.accreditations))
    return "\n".join(rows) + "\n"


def _locations(provider: Provider) -> str:
    title = "## Location\n" if len(provider.locations) == 1 else "## Locations\n"
    rows = []
    for loc in provider.locations:
        name = f"**{text(loc.name)}:** " if loc.name else ""
        rows.append(f"- {name}{text(fmt.address(loc))} ({fmt.zone_name(loc.timezone)})")
    return title + "\n" + "\n".join(rows) + "\n"


def program_anchor(index: int) -> str:
    return f"program-{index}"


def _program(provider: Provider, program: Program, index: int) -> str:
    loc = provider.location_of(program)
    badges = " ".join(_badge(*b) for b in program_badges(program))
    parts = [
        '<div markdown class="iop-program">\n',  # wrappers: hooks for print.css
        f"### {text(program.name)} {{ #{program_anchor(index)} }}\n",
        badges + "\n",
        text(program.description) + "\n" if program.description else "",
        _facts(provider, program),
        *(_track(track, loc.timezone, index, j, provider.slug)
          for j, track in enumerate(program.tracks, 1)),
        "" if program.schedule_listed else _schedule_not_listed(provider),
        "</div>\n",
    ]
    return "\n".join(p for p in parts if p)


def _schedule_not_listed(provider: Provider) -> str:
    return (f"**Schedule not listed:** call {phone_link(provider.phone)} to ask about evening "
            "and weekend tracks.\n")


def program_badges(program: Program) -> list[tuple[str, str]]:
    """(css modifier, label) pairs: level of care, intake status, schedule and format facts."""
    badges = [("level", LEVELS[program.level_of_care]),
              ("accepting-" + program.accepting, ACCEPTING[program.accepting])]
    if any(t.evening for t in program.tracks):
        badges.append(("evening", "Evening"))
    if any(t.weekend for t in program.tracks):
        badges.append(("weekend", "Weekend"))
    if not program.schedule_listed:
        badges.append(("unlisted", "Schedule not listed"))
    if program.format != "in_person":
        badges.append(("format", FORMATS[program.format]))
    return badges


def _badge(kind: str, label: str) -> str:
    return f'<span class="iop-badge iop-badge--{kind}">{label}</span>'


def _facts(provider: Provider, program: Program) -> str:
    loc = provider.location_of(program)
    where = (text(loc.name) + ": " if loc.name else "") + text(fmt.address(loc))
    rows = [
        ("Call", call_phones(provider)),
        ("Accepting new patients", f"{ACCEPTING[program.accepting]} (as of "
                                   f"{program.accepting_as_of})"),
        ("Format", FORMATS[program.format] + _telehealth_states(program, loc.state)),
        ("Who it serves", ", ".join(POPULATIONS[p] for p in program.populations)),
        ("Where", where),
        ("Typical length", f"{program.length_weeks} weeks" if program.length_weeks else ""),
        ("Insurance and payment", _payment(program)),
        ("Languages", ", ".join(language_name(c) for c in program.languages)),
        ("Medication for addiction treatment", MAT[program.mat] if program.mat else ""),
        ("Services", ", ".join(SERVICES[s] for s in program.services)),
    ]
    return "\n".join(f"- **{label}:** {value}" for label, value in rows if value) + "\n"


def call_phones(provider: Provider) -> str:
    """The numbers to call about a program, intake lines first, so the finder's link to a
    program (#program-N) lands with a phone number in view."""
    return ", ".join(phone_link(p) for p in (*provider.intake_phones, provider.phone))


def _telehealth_states(program: Program, home: str) -> str:
    if program.format == "in_person":
        return ""
    states = program.telehealth_states or (home,)
    return "; video sessions for people in " + ", ".join(fmt.state_name(s) for s in states)


def _payment(program: Program) -> str:
    shown = ", ".join(PAYMENT[p] for p in program.payment)
    if program.insurance_carriers:
        shown += " (plans: " + ", ".join(text(c) for c in program.insurance_carriers) + ")"
    return shown


def _track(track: Track, timezone: str, program_index: int, index: int, slug: str) -> str:
    flags = [label for flag, label in ((track.evening, "Evening"), (track.weekend, "Weekend"))
             if flag]
    badges = " ".join(_badge(label.lower(), label) for label in flags)
    heading = (f"#### {text(track.name)}: {fmt.hours(track.hours_per_week)} a week "
               f"{{ #program-{program_index}-track-{index} }}\n")
    table = [f"Times are local, {fmt.zone_name(timezone)}.\n",
             "| Day | Start | End | Hours |", "|---|---|---|---|"]
    for day, start, end in track.by_day():
        table.append(f"| {DAY_NAMES[day]} | {fmt.clock(start)} | {fmt.clock(end)} | "
                     f"{fmt.hours((end - start) / 60).split()[0]} |")
    table.append(f"| **Each week** | | | **{fmt.hours(track.hours_per_week).split()[0]}** |")
    table.append(f"\n{calendar_link(slug, program_index, index)}")
    return ('<div markdown class="iop-track">\n\n' + heading
            + (badges + "\n\n" if badges else "\n") + "\n".join(table) + "\n\n</div>\n")


def calendar_link(slug: str, program_index: int, index: int) -> str:
    """The track's .ics file, linked relatively from providers/<slug>.md."""
    target = calendar_path(slug, program_index, index)
    return f"[Add to calendar (.ics)](../{target}){{ .iop-calendar }}"


def _verified(provider: Provider) -> str:
    note = f"Last verified {provider.last_verified}. Source: {text(provider.source)}."
    return "---\n\n" + note + "\n"


def is_stale(last_verified: str, today: dt.date) -> bool:
    """Verified more than STALE_AFTER_DAYS ago: 365 days is still current, 366 is not."""
    return (today - dt.date.fromisoformat(last_verified)).days > STALE_AFTER_DAYS


def _stale_notice(provider: Provider, today: dt.date) -> str:
    """Near the top, where people see it before they read the schedules."""
    if not is_stale(provider.last_verified, today):
        return ""
    return ('!!! warning "This listing may be out of date"\n'
            f"    It was last verified on {provider.last_verified}, over a year ago. Call "
            f"{phone_link(provider.phone)} to confirm schedules and intake before you go.\n")


def related_sites(providers: Sequence[Provider]) -> dict[str, list[tuple[str, str]]]:
    """For each slug, (slug, name) of the listings it names in `related_listings` or that name
    it: one listing naming the other is enough, as for the duplicate checks."""
    names = {p.slug: p.name for p in providers}
    links: dict[str, set[str]] = {slug: set() for slug in names}
    for provider in providers:
        for other in provider.related_listings:
            if other in names and other != provider.slug:
                links[provider.slug].add(other)
                links[other].add(provider.slug)
    return {slug: sorted(((o, names[o]) for o in others), key=lambda r: (r[1].casefold(), r[0]))
            for slug, others in links.items() if others}


def _related(related: Sequence[tuple[str, str]]) -> str:
    if not related:
        return ""
    links = [f"- [{text(name)}]({slug}.md)" for slug, name in related]
    return "## Other sites of this organisation\n\n" + "\n".join(links) + "\n"
