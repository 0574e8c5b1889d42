"""`iopdir new`: a listing template whose comments explain each field.

Values a provider must supply are left empty, so the untouched template fails validation with
"the value is empty" at each one instead of publishing placeholders.
"""

from __future__ import annotations

from pathlib import Path

from generator.catalog import UsageError
from generator.checks import SLUG, suggest_slug

TEMPLATE = """\
# Listing for the IOP program directory. Reference: docs/for-providers.md, or the schema in
# schema/provider.schema.json. Check it with: iopdir validate {path}
# Write times as 24-hour "HH:MM" and dates as "YYYY-MM-DD", both in quotes.

name:            # the provider's name, as people know it
description:     # one or two plain sentences: what you offer and to whom
website:         # https://...
phone:           # main intake number, e.g. "(503) 555-0142"
# email:         # optional; never ask people to email health details
accreditations: []   # any of: joint_commission, carf, coa, ncqa, state_license
levels_of_care: []   # your whole continuum, any of: withdrawal_management, inpatient,
                     # residential, php, iop, outpatient
last_verified:   # "YYYY-MM-DD": the day you checked this listing
source:          # who supplied the data, e.g. "Provider, by pull request"

locations:
  - id: main     # a short name that programs refer to
    # name: Eastside clinic
    street:
    city:
    state:       # two letters, e.g. OR
    zip:         # in quotes, e.g. "97201"
    timezone:    # e.g. America/Los_Angeles
    # latitude: 45.5078     # optional, for distance search
    # longitude: -122.6897

programs:
  - name:                # e.g. Adult Intensive Outpatient Program
    level_of_care:       # outpatient (ASAM 1), iop (ASAM 2.1) or php (ASAM 2.5)
    populations: []      # e.g. [adults, co_occurring]; see the reference for all values
    format:              # in_person, telehealth or hybrid
    # telehealth_states: [OR, WA]   # telehealth or hybrid: where people can join by video
    location: main       # the id of one of the locations above
    length_weeks:        # typical length, e.g. 8
    services: []         # e.g. [individual_therapy, group_therapy, relapse_prevention]
    medication_for_addiction_treatment:   # offered, coordinated, accepted or not_accepted
    payment: []          # e.g. [medicaid, private_insurance, self_pay]
    # insurance_carriers: [Aetna]        # optional, with private_insurance
    languages: [en]      # ISO 639 codes, e.g. [en, es]
    accepting_new_patients:
      status:            # "yes", "waitlist", "no" or "unknown", in quotes
      as_of:             # "YYYY-MM-DD"
    tracks:
      - name:            # e.g. Evening track
        sessions:
          - days: []     # e.g. [mon, tue, thu]
            start:       # e.g. "18:00"
            end:         # e.g. "21:00"
"""


def write_template(directory: Path, slug: str) -> Path:
    if not SLUG.fullmatch(slug):
        raise UsageError(f"{slug!r} is not a valid slug; try {suggest_slug(slug)!r}")
    if not directory.is_dir():
        raise UsageError(f"{directory}: no such directory")
    path = directory / f"{slug}.yaml"
    if path.exists():
        raise UsageError(f"{path} already exists; edit it instead")
    path.write_text(TEMPLATE.format(path=path), encoding="utf-8")
    return path
