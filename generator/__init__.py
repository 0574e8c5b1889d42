"""iopdir: a static directory and schedule-aware finder of intensive outpatient programs."""

from __future__ import annotations

__version__ = "0.1.0"
