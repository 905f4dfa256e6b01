"""Dates for display and plotting: TIMEX3 values → Gregorian day intervals, labels and EDTF.

Exports and the web timeline need three things the tagger does not give directly: the span of
days a value covers (``1917-06`` is thirty days, ``late June`` the last ten), a label a reader
understands in either calendar, and an EDTF string. Years are astronomical (``0`` is 1 BC,
``-0043`` is 44 BC, as in ISO 8601 and EDTF); TIMEX3's ``BC0044`` is accepted too. Day
arithmetic is our own (proleptic Gregorian, any year) because ``datetime`` stops at year 1.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

Ymd = tuple[int, int, int]

_VALUE = re.compile(
    r"^(?P<year>BC\d{1,6}|[+-]\d{1,6}|\d{4,6}|\d{2,3})"
    r"(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?|(?P<season>SP|SU|FA|AU|WI)"
    r"|W(?P<week>\d{2})(?:-WE)?|(?P<part>Q[1-4]|H[12])))?"
    r"(?:T(?P<time>[0-9:.]+|MO|AF|EV|NI|DT))?$"
)
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}
_PART_MONTHS = {
    "Q1": (1, 3),
    "Q2": (4, 6),
    "Q3": (7, 9),
    "Q4": (10, 12),
    "H1": (1, 6),
    "H2": (7, 12),
}
_EDTF_SEASON = {"SP": "21", "SU": "22", "FA": "23", "AU": "23", "WI": "24"}


@cache
def words() -> dict[str, Any]:
    """The display words (month names, seasons, calendar marks) from ``data/labels.toml``."""
    text = resources.files("annales.export").joinpath("data/labels.toml").read_text("utf-8")
    return tomllib.loads(text)


@dataclass(frozen=True, slots=True)
class Value:
    """A parsed TIMEX3 date value. ``year`` is astronomical; ``precision`` names the unit."""

    year: int
    precision: str  # century | decade | year | month | day | season | week | part
    month: int | None = None
    day: int | None = None
    season: str | None = None
    week: int | None = None
    part: str | None = None
    time: str | None = None


def parse(value: str | None, lenient: bool = False) -> Value | None:
    """Parse a date-like TIMEX3 value; None for durations, sets, ``XXXX`` and invalid dates.

    ``lenient`` accepts any day up to 31: a Julian 29 February 1900 is a real day."""
    if not value:
        return None
    m = _VALUE.match(value.strip())
    if not m:
        return None
    ytext = m.group("year")
    if ytext.startswith("BC"):
        year, precision = 1 - int(ytext[2:]), "year"
    elif len(ytext) == 2:
        year, precision = int(ytext) * 100, "century"
    elif len(ytext) == 3:
        year, precision = int(ytext) * 10, "decade"
    else:
        year, precision = int(ytext), "year"
    month = int(m.group("month")) if m.group("month") else None
    day = int(m.group("day")) if m.group("day") else None
    if month is not None:
        if not 1 <= month <= 12 or precision != "year":
            return None
        precision = "month"
        if day is not None:
            if not 1 <= day <= (31 if lenient else month_length(year, month)):
                return None
            precision = "day"
    elif m.group("season"):
        precision = "season"
    elif m.group("week"):
        if not 1 <= int(m.group("week")) <= 53:
            return None
        precision = "week"
    elif m.group("part"):
        precision = "part"
    return Value(
        year,
        precision,
        month,
        day,
        m.group("season"),
        int(m.group("week")) if m.group("week") else None,
        m.group("part"),
        m.group("time"),
    )


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def month_length(year: int, month: int) -> int:
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def days_from_civil(y: int, m: int, d: int) -> int:
    """Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm)."""
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def civil_from_days(z: int) -> Ymd:
    z += 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    return (yoe + era * 400 + (m <= 2), m, d)


def interval(value: str | None, mod: str | None = None) -> tuple[Ymd, Ymd] | None:
    """The inclusive range of Gregorian days a value covers, narrowed by START/MID/END.

    Intervals ``A/B`` (a Julian month converted to Gregorian days) span A's first to B's last."""
    if value and "/" in value:
        a, _, b = value.partition("/")
        ia, ib = interval(a), interval(b)
        if ia is None or ib is None or ib[1] < ia[0]:
            return None
        return _narrow(ia[0], ib[1], mod)
    v = parse(value)
    if v is None:
        return None
    y = v.year
    if v.precision == "day":
        first = last = (y, v.month or 1, v.day or 1)
    elif v.precision == "month":
        first, last = (y, v.month or 1, 1), (y, v.month or 1, month_length(y, v.month or 1))
    elif v.precision in ("season", "part"):
        m1, m2 = (_SEASON_MONTHS if v.season else _PART_MONTHS)[v.season or v.part or "Q1"]
        yb, m2 = (y + 1, m2 - 12) if m2 > 12 else (y, m2)
        first, last = (y, m1, 1), (yb, m2, month_length(yb, m2))
    elif v.precision == "week":
        jan4 = days_from_civil(y, 1, 4)
        monday = jan4 - (jan4 + 3) % 7 + 7 * ((v.week or 1) - 1)
        first, last = civil_from_days(monday), civil_from_days(monday + 6)
    else:
        span = {"century": 100, "decade": 10}.get(v.precision, 1)
        first, last = (y, 1, 1), (y + span - 1, 12, 31)
    return _narrow(first, last, mod)


def _narrow(first: Ymd, last: Ymd, mod: str | None) -> tuple[Ymd, Ymd]:
    """START/MID/END keep the first, middle or last third of a range ("late June": 21-30)."""
    if mod in ("START", "MID", "END") and first != last:
        a, b = days_from_civil(*first), days_from_civil(*last)
        third = (b - a + 1) / 3
        lo = {"START": 0, "MID": 1, "END": 2}[mod]
        na, nb = a + round(lo * third), a + round((lo + 1) * third) - 1
        first, last = civil_from_days(na), civil_from_days(max(na, nb))
    return first, last


def iso(day: Ymd) -> str:
    """``(y, m, d)`` → ISO 8601 with an astronomical, signed year when negative."""
    y, m, d = day
    return f"{y:04d}-{m:02d}-{d:02d}" if y >= 0 else f"-{-y:04d}-{m:02d}-{d:02d}"


def year_label(year: int) -> str:
    """Astronomical year → the historian's form (``-43`` → ``44 BC``)."""
    return str(year) if year > 0 else f"{1 - year} {words()['era']['bc']}"


def historical_year(year: int) -> int:
    """Astronomical year → signed historical year with no year zero (``-43`` → ``-44``)."""
    return year if year > 0 else year - 1


def label(value: str | None, mod: str | None = None) -> str:
    """A reader's label: ``24 June 1917``, ``late June 1917``, ``summer 1917``, ``44 BC``."""
    v = parse(value, lenient=True)
    if v is None:
        return value or ""
    w = words()
    if v.precision == "century":
        body = f"{v.year}s" if v.year > 0 else year_label(v.year)
    elif v.precision == "decade":
        body = f"{v.year}s" if v.year > 0 else year_label(v.year)
    elif v.precision == "day":
        body = f"{v.day} {w['months'][(v.month or 1) - 1]} {year_label(v.year)}"
    elif v.precision == "month":
        body = f"{w['months'][(v.month or 1) - 1]} {year_label(v.year)}"
    elif v.precision == "season":
        body = f"{w['seasons'][v.season]} {year_label(v.year)}"
    elif v.precision == "week":
        body = f"week {v.week} of {year_label(v.year)}"
    elif v.precision == "part":
        body = f"{w['quarters'][v.part]} {year_label(v.year)}"
    else:
        body = year_label(v.year)
    if v.time and re.match(r"\d{2}:\d{2}", v.time):
        body += f", {v.time[:5]}"
    prefix = w["mods"].get(mod or "", "")
    return f"{prefix} {body}" if prefix else body


def dual_label(
    value: str | None, calendar: str, gregorian: str | None, mod: str | None = None
) -> str:
    """Both calendars when they differ (``24 June 1917 (O.S.) · 7 July 1917 (N.S.)``), else one.

    The calendar layer's label is used when it knows the value, so every view words a date the
    same way; ours covers what it does not (``-0043`` years, odd precisions)."""
    from annales.temporal import calendars

    for v, cal in ((value, calendar), (gregorian, "gregorian")):
        if v:
            try:
                text = calendars.label(v, cal, mod)
            except Exception:  # noqa: BLE001 - any failure falls back to our own wording
                text = None
            if text:
                return text
    marks = words()["calendar_marks"]
    if calendar != "gregorian" and value and gregorian and gregorian != value:
        mark = marks.get(calendar, calendar)
        return f"{label(value, mod)} {mark} · {label(gregorian, mod)} {marks['gregorian']}"
    return label(gregorian or value, mod)


def edtf(value: str | None, mod: str | None = None) -> str | None:
    """EDTF (ISO 8601-2) form of a Gregorian value: ``1917-07-07``, ``1917-22`` (summer),
    ``1917-06-21/1917-06-30`` (late June), ``1917-06~`` (about June), ``../1917`` (before)."""
    if value and "/" in value:
        span = interval(value, mod)
        return f"{iso(span[0])}/{iso(span[1])}" if span else None
    v = parse(value)
    if v is None:
        return None
    y = f"{v.year:04d}" if v.year >= 0 else f"-{-v.year:04d}"
    if v.precision == "day":
        base = f"{y}-{v.month:02d}-{v.day:02d}"
    elif v.precision == "month":
        base = f"{y}-{v.month:02d}"
    elif v.precision == "year":
        base = y
    elif v.precision == "season" and v.season:
        base = f"{y}-{_EDTF_SEASON[v.season]}"
    elif v.precision == "decade" and v.year >= 0:
        base = f"{v.year // 10:03d}X"
    elif v.precision == "century" and v.year >= 0:
        base = f"{v.year // 100:02d}XX"
    else:
        span = interval(value)
        assert span is not None
        base = f"{iso(span[0])}/{iso(span[1])}"
    if mod in ("START", "MID", "END"):
        span = interval(value, mod)
        if span and span[0] != span[1]:
            return f"{iso(span[0])}/{iso(span[1])}"
    if mod == "APPROX" and "/" not in base:
        return f"{base}~"
    if mod in ("BEFORE", "ON_OR_BEFORE") and "/" not in base:
        return f"../{base}"
    if mod in ("AFTER", "ON_OR_AFTER") and "/" not in base:
        return f"{base}/.."
    return base


#: Julian day number of 1970-01-01, the origin of :func:`days_from_civil`.
JDN_1970 = 2440588


def sort_position(day: Ymd) -> float:
    """The store's timeline key for a day (a proleptic-Gregorian Julian day number), so
    windows match the ``sort_key`` columns."""
    return float(days_from_civil(*day) + JDN_1970)


def from_sort_position(key: float) -> Ymd:
    return civil_from_days(int(math.floor(key)) - JDN_1970)


def densest(sorted_keys: Sequence[float], share: float = 0.6) -> tuple[float, float] | None:
    """The shortest stretch of sorted keys holding ``share`` of them: where a timeline should
    open, so a few stray dates (a misread "AD 1039") do not squeeze the busy years."""
    n = len(sorted_keys)
    if n == 0:
        return None
    w = max(1, math.ceil(share * n))
    if w >= n:
        return float(sorted_keys[0]), float(sorted_keys[-1])
    best = min(range(n - w + 1), key=lambda i: sorted_keys[i + w - 1] - sorted_keys[i])
    return float(sorted_keys[best]), float(sorted_keys[best + w - 1])


def focus(sorted_keys: Sequence[float], share: float = 0.6) -> tuple[float, float] | None:
    """The densest stretch widened by half its length on each side (at least a week)."""
    span = densest(sorted_keys, share)
    if span is None:
        return None
    pad = max((span[1] - span[0]) / 2, 7.0)
    return max(span[0] - pad, float(sorted_keys[0])), min(span[1] + pad, float(sorted_keys[-1]))
