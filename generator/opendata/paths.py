"""Where the open data files live among the docs files (and so on the site).

Every path is relative to the docs directory; pages link to them relatively, so the files work
when the site is hosted under a sub-path.
"""

from __future__ import annotations

DATA_DIR = "data"
PROVIDERS_JSON = f"{DATA_DIR}/providers.json"
PROVIDERS_SCHEMA = f"{DATA_DIR}/providers.schema.json"
PROGRAMS_CSV = f"{DATA_DIR}/programs.csv"
HSDS_DIR = f"{DATA_DIR}/hsds"
CALENDARS_DIR = f"{DATA_DIR}/calendars"


def calendar_path(slug: str, program_index: int, track_index: int) -> str:
    """One track's calendar; indexes count from 1 like the page anchors (#program-1-track-2)."""
    return f"{CALENDARS_DIR}/{slug}/program-{program_index}-track-{track_index}.ics"


def page_url(slug: str) -> str:
    """A provider page's address relative to the site root (use_directory_urls)."""
    return f"providers/{slug}/"
