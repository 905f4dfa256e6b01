"""Dates as the store needs them: a numeric position on the Gregorian timeline and
the Gregorian counterpart of a date given in another calendar (for event dates and filters).

The sort key is the store's own, so every row in one database is ordered by the same rule
whatever the version of the tagger that wrote it: ``year*372 + (month-1)*31 + (day-1)``
(+ hour/24), monotone in the calendar date, defined for negative (BC) years, and a partial date
sorts at the start of its period. It is not a day count; it is only for ordering and ranges.
"""

from __future__ import annotations

import re

from annales.errors import InputError

_ISO = re.compile(
    r"^(?P<y>[+-]?\d{1,6})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})(?:T(?P<h>\d{2}))?)?)?"
    r"|^(?P<y2>[+-]?\d{1,6})-(?P<season>SP|SU|FA|AU|WI)"
    r"|^(?P<y3>[+-]?\d{1,6})-W(?P<w>\d{2})"
    r"|^(?P<y4>[+-]?\d{1,6})-Q(?P<q>[1-4])"
)
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "AU": 9, "WI": 12}

#: Words accepted after a date in a filter to name its calendar.
CALENDAR_WORDS = {
    "julian": "julian",
    "o.s.": "julian",
    "os": "julian",
    "old style": "julian",
    "gregorian": "gregorian",
    "n.s.": "gregorian",
    "ns": "gregorian",
    "new style": "gregorian",
}


def sort_key(value: str | None) -> float | None:
    """Timeline position of a Gregorian TIMEX3/ISO value, or None when it names no date."""
    if not value:
        return None
    m = _ISO.match(value.strip())
    if not m:
        return None
    if m.group("y") is not None:
        y, mo, d = int(m.group("y")), int(m.group("m") or 1), int(m.group("d") or 1)
        h = int(m.group("h") or 0)
    elif m.group("y2") is not None:
        y, mo, d, h = int(m.group("y2")), _SEASON_MONTH[m.group("season")], 1, 0
    elif m.group("y3") is not None:
        days = (int(m.group("w")) - 1) * 7
        y, mo, d, h = int(m.group("y3")), 1 + days // 31, 1 + days % 31, 0
    else:
        y, mo, d, h = int(m.group("y4")), 3 * int(m.group("q")) - 2, 1, 0
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return float(y * 372 + (mo - 1) * 31 + (d - 1)) + h / 24.0


def to_gregorian(value: str | None, calendar: str) -> str | None:
    """The Gregorian form of an ISO date ``value`` given in ``calendar`` (None if unknown).

    Uses the temporal package's calendar layer when present; falls back to convertdate for
    full Julian dates. Partial dates (year, year-month) are returned as they are: the
    calendars differ by days, not months, at that precision.
    """
    if not value:
        return None
    if calendar == "gregorian":
        return value
    try:  # the calendar layer (engineer C) knows more calendars and partial values
        from annales.temporal import calendars as _cal  # type: ignore[attr-defined]

        conv = getattr(_cal, "to_gregorian", None)
        if conv is not None:
            out = conv(value, calendar)
            if out is None or isinstance(out, str):
                return out
    except Exception:  # noqa: BLE001 - optional dependency: fall back below
        pass
    m = re.match(r"^([+-]?\d{1,6})-(\d{2})-(\d{2})$", value)
    if calendar == "julian" and m:
        from convertdate import julian

        try:
            y, mo, d = julian.to_gregorian(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
        return f"{y:04d}-{mo:02d}-{d:02d}" if y >= 0 else f"-{-y:04d}-{mo:02d}-{d:02d}"
    if re.match(r"^[+-]?\d{1,6}(-\d{2})?$", value):
        return value
    return None


def parse_filter_date(text: str) -> tuple[str, float]:
    """A date typed by a user (``1917-06-22``, ``1917-06-22 julian``, ``1917-06-22 O.S.``,
    ``1917``) → its Gregorian ISO value and sort key. Raises InputError when unreadable."""
    raw = text.strip()
    calendar = "gregorian"
    low = raw.lower()
    for word, cal in sorted(CALENDAR_WORDS.items(), key=lambda kv: -len(kv[0])):
        for form in (f" {word}", f"({word})", f" ({word})"):
            if low.endswith(form):
                raw, calendar = raw[: len(raw) - len(form)].strip(), cal
                low = raw.lower()
                break
        else:
            continue
        break
    value = _iso_from_text(raw)
    if value is None:
        raise InputError(text, "not a date (use YYYY, YYYY-MM or YYYY-MM-DD, optionally 'julian')")
    greg = to_gregorian(value, calendar) or value
    key = sort_key(greg)
    if key is None:
        raise InputError(text, "not a date (use YYYY, YYYY-MM or YYYY-MM-DD, optionally 'julian')")
    return greg, key


def _iso_from_text(raw: str) -> str | None:
    return raw if re.fullmatch(r"[+-]?\d{1,6}(-\d{2}(-\d{2})?)?", raw) else None
