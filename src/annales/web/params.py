"""Checking what users type into the URL: dates in either calendar, ids, window bounds.

Every problem becomes a ``BadParam`` (HTTP 400 with a one-line message), never a 500."""

from __future__ import annotations

import re

from annales.errors import AnnalesError
from annales.export import dates
from annales.store.dates import parse_filter_date

CALENDARS = ("gregorian", "julian")
_DATE = re.compile(r"^(?P<y>[+-]?\d{1,6})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?$")
_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")


class BadParam(ValueError):
    """A query parameter we cannot use; the message says which and why."""


def check_date(name: str, text: str, calendar: str = "gregorian") -> str:
    """A real calendar date (``1917``, ``1917-06``, ``1917-06-22``) or BadParam."""
    m = _DATE.match(text.strip())
    if not m:
        raise BadParam(f"{name}={text!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    y = int(m.group("y"))
    if m.group("m"):
        mo = int(m.group("m"))
        if not 1 <= mo <= 12:
            raise BadParam(f"{name}={text!r}: month {mo} does not exist (1-12)")
        if m.group("d"):
            d = int(m.group("d"))
            leap = y % 4 == 0 if calendar == "julian" else dates.is_leap(y)
            last = 29 if mo == 2 and leap else (28 if mo == 2 else dates.month_length(2001, mo))
            if not 1 <= d <= last:
                raise BadParam(f"{name}={text!r}: day {d} does not exist in that month (1-{last})")
    return text.strip()


def filter_key(name: str, text: str | None, calendar: str, *, end: bool = False) -> float | None:
    """Sort key of a user's date filter typed in ``calendar``; an end date includes all of
    its period (``to=1917-06`` keeps the whole of June)."""
    if not text or not text.strip():
        return None
    if calendar not in CALENDARS:
        raise BadParam(f"cal={calendar!r}: use one of {', '.join(CALENDARS)}")
    value = check_date(name, text, calendar)
    try:
        first, last = parse_filter_date(f"{value} {calendar}")
    except AnnalesError as exc:
        raise BadParam(f"{name}={text!r}: {exc}") from None
    return last + 1 if end else first


def window_key(name: str, text: str) -> float:
    """Sort key of a timeline window bound (Gregorian ISO, astronomical year)."""
    value = check_date(name, text)
    v = dates.parse(value)
    if v is None:
        raise BadParam(f"{name}={text!r} is not a date")
    span = dates.interval(value)
    assert span is not None
    return dates.sort_position(span[0])


def check_id(name: str, value: str) -> str:
    if not _ID.match(value or ""):
        raise BadParam(f"{name}={value!r} is not a valid id")
    return value
