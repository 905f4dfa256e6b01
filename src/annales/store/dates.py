"""Dates as the store needs them: a numeric position on the timeline, the Gregorian counterpart
of a date in another calendar, and dates typed by users in filters.

Sort keys come from the calendar layer (``annales.temporal.calendars.sort_key``): the first and
last day a value covers as proleptic-Gregorian Julian day numbers, the same scale for every
calendar, so Julian and Gregorian dates interleave correctly. The store keeps the first day.
"""

from __future__ import annotations

import math
import re

from annales.errors import AnnalesError, InputError
from annales.temporal import calendars as _cal

#: Words accepted after a date in a filter to name its calendar (longest first).
CALENDAR_WORDS = {
    "old style": "julian",
    "new style": "gregorian",
    "gregorian": "gregorian",
    "julian": "julian",
    "o.s.": "julian",
    "n.s.": "gregorian",
    "os": "julian",
    "ns": "gregorian",
}


def bounds_key(value: str | None, calendar: str = "gregorian") -> tuple[float, float] | None:
    """(first day, last day) of ``value`` as Julian day numbers, or None when undated."""
    if not value:
        return None
    try:
        lo, hi = _cal.sort_key(value, calendar)
    except (AnnalesError, ValueError):
        return None
    if math.isinf(lo) or math.isnan(lo):
        return None
    return lo, hi


def sort_key(value: str | None, calendar: str = "gregorian") -> float | None:
    """Timeline position (first day, as a Julian day number) of a TIMEX3 value, or None."""
    b = bounds_key(value, calendar)
    return None if b is None else b[0]


def to_gregorian(value: str | None, calendar: str) -> str | None:
    """The Gregorian form of a TIMEX3 value written in ``calendar`` (None if not a date)."""
    if not value:
        return None
    try:
        return _cal.convert(value, calendar, "gregorian")
    except (AnnalesError, ValueError):
        return None


def parse_filter_date(text: str) -> tuple[float, float]:
    """A date typed by a user (``1917``, ``1917-06``, ``1917-06-22``, optionally followed by
    ``julian``/``O.S.``/``gregorian``/``N.S.``) → (first day, last day) as Julian day numbers.
    Raises InputError when unreadable."""
    raw = text.strip()
    calendar = "gregorian"
    low = raw.lower()
    for word, cal in CALENDAR_WORDS.items():
        m = re.search(rf"\s*\(?{re.escape(word)}\)?$", low)
        if m and (m.start() > 0):
            raw, calendar = raw[: m.start()].strip(), cal
            break
    problem = (
        "not a date (use YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by 'julian' or 'O.S.')"
    )
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", raw):
        raise InputError(text, problem)
    b = bounds_key(raw, calendar)
    if b is None:
        raise InputError(text, problem)
    return b
