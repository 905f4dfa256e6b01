"""The calendar layer: Julian, Gregorian and French Republican dates side by side.

A timex's ``value`` is written in its own calendar (``timex.calendar``); this module adds the
Gregorian counterpart, the EDTF form and a human label, and gives one sortable key for all
calendars. Conventions (see also ``docs`` in the module functions):

* ``julian`` values are TIMEX3 values counted in the Julian calendar ("1917-06-22").
* ``french-republican`` values are carried as their Gregorian ISO equivalent, because TIMEX3
  has no syntax for Republican months; the label shows the Republican form
  ("9 Thermidor an II · 27 July 1794").
* Gregorian counterparts are exact for days (and times) and months (a Julian month becomes a
  Gregorian day interval, "1917-06-14/1917-07-13"); years and coarser units keep their number,
  as historians do (the offset is under two weeks).
* EDTF is written in the value's own calendar, as DESIGN.md shows; BC years use astronomical
  numbering (1 BC = ``0000``, 44 BC = ``-0043``) while TIMEX3 keeps ``BC0044``.

Nothing here raises on odd values: what cannot be computed is ``None``.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from convertdate import french_republican as _fr
from convertdate import gregorian as _greg
from convertdate import julian as _jul

from annales.errors import CalendarError
from annales.temporal.anchor import four_digit_year

DATA = Path(__file__).with_name("data")
CALENDARS = ("gregorian", "julian", "french-republican")
_ALIASES = {
    "gregorian": "gregorian",
    "julian": "julian",
    "french-republican": "french-republican",
    "french_republican": "french-republican",
    "republican": "french-republican",
    "new style": "gregorian",
    "old style": "julian",
    "n.s.": "gregorian",
    "o.s.": "julian",
}

Ymd = tuple[int, int, int]
_MDAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


# --------------------------------------------------------------------------- data


@cache
def _toml(name: str) -> dict[str, Any]:
    with (DATA / name).open("rb") as fh:
        return tomllib.load(fh)


@dataclass(frozen=True, slots=True)
class Switch:
    """One country's move from the Julian to the Gregorian calendar."""

    key: str
    name: str
    last_julian: Ymd
    first_gregorian: Ymd
    note: str | None = None
    outside_style: str = "julian"  # how histories written elsewhere date it before the switch


def _ymd(text: str) -> Ymd:
    y, m, d = (int(p) for p in text.split("-"))
    return y, m, d


@cache
def switches() -> dict[str, Switch]:
    """The switch table (data/switches.toml), keyed by country key ("russia", "britain"...)."""
    out = {}
    for key, row in _toml("switches.toml")["countries"].items():
        out[key] = Switch(
            key,
            row["name"],
            _ymd(row["last_julian"]),
            _ymd(row["first_gregorian"]),
            row.get("note"),
            row.get("outside_style", "julian"),
        )
    return out


def check_calendar(name: str) -> str:
    """The canonical calendar name, or a one-line ``CalendarError``."""
    if type(name) is str and name in _ALIASES:  # the usual case: a canonical name
        return _ALIASES[name]  # (every key is stripped and lower-case already)
    canon = _ALIASES.get(str(name).strip().lower())
    if canon is None:
        raise CalendarError(f"unknown calendar {name!r}: expected one of {', '.join(CALENDARS)}")
    return canon


# --------------------------------------------------------------------------- day arithmetic


def _jdn(cal: str, ymd: Ymd) -> int:
    """Julian day number of a date in ``cal`` (astronomical years); ValueError if impossible."""
    y, m, d = ymd
    if cal == "julian":
        return int(_jul.to_jd(y, m, d) + 0.5)
    if not (1 <= m <= 12 and 1 <= d <= _month_len("gregorian", y, m)):
        raise ValueError(f"no day {d} in month {m}")
    return int(_greg.to_jd(y, m, d) + 0.5)


def _from_jdn(cal: str, jdn: int) -> Ymd:
    if cal == "julian":
        y, m, d = _jul.from_jd(jdn - 0.5)
    else:
        y, m, d = _greg.from_jd(jdn - 0.5)
    return int(y), int(m), int(d)


def _month_len(cal: str, y: int, m: int) -> int:
    if cal == "julian":
        return 29 if m == 2 and y % 4 == 0 else _MDAYS[m - 1]
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    return 29 if m == 2 and leap else _MDAYS[m - 1]


def _base(cal: str) -> str:
    """Republican values are carried in Gregorian form."""
    return "gregorian" if cal == "french-republican" else cal


def julian_to_gregorian(year: int, month: int, day: int) -> Ymd:
    """Julian (astronomical year) → proleptic Gregorian date."""
    return _from_jdn("gregorian", _jdn("julian", (year, month, day)))


def gregorian_to_julian(year: int, month: int, day: int) -> Ymd:
    """Proleptic Gregorian (astronomical year) → Julian date."""
    return _from_jdn("julian", _jdn("gregorian", (year, month, day)))


def is_valid(year: int, month: int, day: int, calendar: str = "gregorian") -> bool:
    """Whether the day exists in the calendar (29 Feb 1700 is Julian but not Gregorian)."""
    cal = _base(check_calendar(calendar))
    return 1 <= month <= 12 and 1 <= day <= _month_len(cal, year, month)


@cache
def _rep_starts() -> list[int]:
    """JDN of 1 Vendémiaire for years I, II, ... (data table; convertdate's equinox method is
    exact but computes an equinox per call, far too slow for a tagger)."""
    return [_jdn("gregorian", _ymd(d)) for d in _toml("republican.toml")["year_starts"]]


def republican_date(year: int, month: int, day: int) -> tuple[int, int, int]:
    """Gregorian date → (an, mois, jour) of the French Republic (mois 13 = sansculottides)."""
    starts = _rep_starts()
    j = _jdn("gregorian", (year, month, day))
    if starts[0] <= j < starts[-1]:
        an = max(i for i, s in enumerate(starts) if s <= j) + 1
        k = j - starts[an - 1]
        return an, k // 30 + 1, k % 30 + 1
    an, mois, jour = _fr.from_gregorian(year, month, day)
    return int(an), int(mois), int(jour)


def republican_to_gregorian(an: int, mois: int, jour: int) -> Ymd:
    """(an, mois, jour) → Gregorian date; ValueError for impossible days."""
    if not (1 <= mois <= 13 and 1 <= jour <= (30 if mois < 13 else 6)):
        raise ValueError(f"no day {jour} in Republican month {mois}")
    starts = _rep_starts()
    if 1 <= an < len(starts):
        if mois == 13 and starts[an - 1] + 360 + jour - 1 >= starts[an]:
            raise ValueError(f"year {an} has no complementary day {jour}")
        return _from_jdn("gregorian", starts[an - 1] + (mois - 1) * 30 + jour - 1)
    if mois == 13 and jour == 6 and not _fr.leap(an):
        raise ValueError(f"year {an} has no sixth complementary day")
    y, m, d = _fr.to_gregorian(an, mois, jour)
    return int(y), int(m), int(d)


# --------------------------------------------------------------------------- value parsing

_VALUE = re.compile(
    r"^(?P<bc>BC)?(?P<y>[0-9X]{1,4})"
    r"(?:-(?:(?P<m>[0-9X]{2})(?:-(?P<d>[0-9X]{2}))?"
    r"|W(?P<w>[0-9X]{2})(?:-(?P<wd>[1-7X]|WE))?"
    r"|(?P<season>SP|SU|FA|WI)|Q(?P<q>[1-4X])|H(?P<h>[12X])))?"
    r"(?:T(?P<t>[0-9:.]+|MO|AF|EV|NI|DT)(?P<tz>Z|[+-][0-9:]+)?)?$"
)


@dataclass(frozen=True, slots=True)
class Parsed:
    """A TIMEX3 date value taken apart. ``year`` is astronomical (1 BC = 0)."""

    kind: str  # day | month | year | decade | century | millennium | season | quarter | half | week | weekend | weekday
    digits: str  # the year digits as written (may hold X)
    bc: bool
    year: int | None  # astronomical, for a 4-digit fully known year
    month: int | None = None
    day: int | None = None
    sub: str | None = None  # season code, quarter/half/week number
    time: str | None = None
    tz: str | None = None


@lru_cache(maxsize=4096)  # a big full cache is heap the collector walks on every pass
def parse(value: str) -> Parsed | None:
    """Parse a TIMEX3 date/time value; None for anything else (durations, PRESENT_REF...)."""
    mt = _VALUE.match(value or "")
    if not mt:
        return None
    g = mt.groupdict()
    digits, bc = g["y"], bool(g["bc"])
    year = None
    if bc and "X" not in digits and int(digits) == 0 and len(digits) == 4:
        return None  # there is no year 0 BC (1 BC is "BC0001")
    if len(digits) == 4 and "X" not in digits:
        year = 1 - int(digits) if bc else int(digits)
    kind = {4: "year", 3: "decade", 2: "century", 1: "millennium"}[len(digits)]
    month = day = None
    sub = None
    if g["m"] is not None:
        if len(digits) != 4:
            return None
        kind = "month"
        month = None if "X" in g["m"] else int(g["m"])
        if g["d"] is not None:
            kind = "day"
            day = None if "X" in g["d"] else int(g["d"])
    elif g["w"] is not None:
        kind, sub = "week", g["w"]
        if g["wd"] == "WE":
            kind = "weekend"
        elif g["wd"] is not None:
            kind, sub = "weekday", f"{g['w']}-{g['wd']}"
    elif g["season"]:
        kind, sub = "season", g["season"]
    elif g["q"]:
        kind, sub = "quarter", g["q"]
    elif g["h"]:
        kind, sub = "half", g["h"]
    if g["t"] is not None and kind != "day":
        return None
    if kind in ("season", "quarter", "half", "week", "weekend", "weekday") and len(digits) != 4:
        return None
    if month is not None and not 1 <= month <= 12:
        return None
    return Parsed(kind, digits, bc, year, month, day, sub, g["t"], g["tz"])


def _year_range(p: Parsed) -> tuple[int, int] | None:
    """Astronomical first and last year covered by a year/decade/century/millennium value."""
    if "X" in p.digits:
        head = p.digits.split("X", 1)[0]
        if len(head) + p.digits.count("X") != len(p.digits) or not head:
            return None
        width = 4 - len(head)
    else:
        head, width = p.digits, 4 - len(p.digits)
    lo, hi = int(head) * 10**width, int(head) * 10**width + 10**width - 1
    if p.bc:
        # BC years count back from 1 BC (astronomical 0): "BC00" is 99-1 BC, not 99 BC-"0 BC"
        lo, hi = 1 - hi, 1 - max(lo, 1)
    return lo, hi


def _interval(value: str) -> tuple[str, str] | None:
    """The two sides of an "A/B" interval value when both are dates with a full year."""
    a, _, b = value.partition("/")
    pa, pb = parse(a), parse(b)
    if pa is None or pb is None or len(pa.digits) != 4 or len(pb.digits) != 4 or "/" in b:
        return None
    return a, b


def bounds(value: str, calendar: str = "gregorian") -> tuple[Ymd, Ymd] | None:
    """First and last day (in ``calendar``'s own reckoning) of a fully known value, else None.

    Intervals "A/B" (used for named periods) give A's first and B's last day.
    """
    cal = _base(check_calendar(calendar))
    if "/" in value:
        if _interval(value) is None:
            return None
        a, _, b = value.partition("/")
        ba, bb = bounds(a, cal), bounds(b, cal)
        return (ba[0], bb[1]) if ba and bb else None
    p = parse(value)
    if p is None:
        return None
    if p.kind in ("year", "decade", "century", "millennium"):
        yr = _year_range(p)
        return ((yr[0], 1, 1), (yr[1], 12, 31)) if yr else None
    if p.year is None:
        return None
    y = p.year
    if p.kind == "month":
        if p.month is None:
            return (y, 1, 1), (y, 12, 31)
        return (y, p.month, 1), (y, p.month, _month_len(cal, y, p.month))
    if p.kind == "day":
        if p.month is None:
            return None
        if p.day is None:
            return (y, p.month, 1), (y, p.month, _month_len(cal, y, p.month))
        if not 1 <= p.day <= _month_len(cal, y, p.month):
            return None
        return (y, p.month, p.day), (y, p.month, p.day)
    if p.kind == "season":
        # meteorological seasons; winter runs from December of the year into February
        start, end = {
            "SP": ((3, 1), (5, 31)),
            "SU": ((6, 1), (8, 31)),
            "FA": ((9, 1), (11, 30)),
        }.get(p.sub or "", ((12, 1), (2, 28)))
        if p.sub == "WI":
            return (y, 12, 1), (y + 1, 2, _month_len(cal, y + 1, 2))
        return (y, *start), (y, *end)
    if p.kind == "quarter" and p.sub != "X":
        q = int(p.sub or 1)
        return (y, 3 * q - 2, 1), (y, 3 * q, _month_len(cal, y, 3 * q))
    if p.kind == "half" and p.sub != "X":
        h = int(p.sub or 1)
        return (y, 6 * h - 5, 1), (y, 6 * h, 30 if h == 1 else 31)  # June has 30 days
    if p.kind in ("week", "weekend", "weekday") and p.sub and "X" not in p.sub:
        wk = int(p.sub.split("-")[0])
        if not 1 <= wk <= 53 or y < 1:
            return None
        try:
            mon = _dt.date.fromisocalendar(y, wk, 1)
        except ValueError:
            return None
        if p.kind == "weekend":
            first, last = mon + _dt.timedelta(5), mon + _dt.timedelta(6)
        elif p.kind == "weekday":
            wd = int(p.sub.split("-")[1])
            first = last = mon + _dt.timedelta(wd - 1)
        else:
            first, last = mon, mon + _dt.timedelta(6)
        return (first.year, first.month, first.day), (last.year, last.month, last.day)
    return None


def _iso(ymd: Ymd) -> str:
    """Astronomical (y, m, d) → EDTF/ISO day string ("-0043-03-15")."""
    y, m, d = ymd
    return f"{'-' if y < 0 else ''}{abs(y):04d}-{m:02d}-{d:02d}"


def _timex_year(y: int) -> str:
    """Astronomical year → TIMEX3 year ("BC0044" for -43)."""
    return f"BC{1 - y:04d}" if y <= 0 else f"{y:04d}"


def _timex_day(ymd: Ymd) -> str:
    return f"{_timex_year(ymd[0])}-{ymd[1]:02d}-{ymd[2]:02d}"


# --------------------------------------------------------------------------- conversion


@lru_cache(maxsize=4096)  # a big full cache is heap the collector walks on every pass
def convert(value: str, src: str, dst: str) -> str | None:
    """Convert a TIMEX3 date value between calendars.

    Days (with any time part) map to days. A month maps to the exact day interval it covers
    ("1917-06" Julian → "1917-06-14/1917-07-13"). Years, decades, centuries, seasons, weeks and
    values with unknown (X) parts that do not depend on the offset keep their form. Intervals
    "A/B" convert each side. Republican values are carried in Gregorian form, so converting to or
    from ``french-republican`` is the Gregorian conversion. Returns None when the value is not a
    date or not convertible (an impossible day, an unknown year under a known day).
    """
    s, d = _base(check_calendar(src)), _base(check_calendar(dst))
    if not value:
        return None
    if "/" in value and _interval(value) is None:
        return None
    if s == d:
        return value if (parse(value) is not None or "/" in value) else None
    if "/" in value:
        a, _, b = value.partition("/")
        ca, cb = convert(a, s, d), convert(b, s, d)
        if ca is None or cb is None:
            return None
        return f"{ca.split('/')[0]}/{cb.split('/')[-1]}"
    p = parse(value)
    if p is None:
        return None
    if p.kind in ("year", "decade", "century", "millennium", "season", "quarter", "half") or (
        p.kind in ("week", "weekend", "weekday")
    ):
        return value
    if p.kind == "month":
        if p.year is None or p.month is None:
            return value if p.year is None and p.month is None else None
        span = bounds(value, s)
        if span is None:
            return None
        lo = _from_jdn(d, _jdn(s, span[0]))
        hi = _from_jdn(d, _jdn(s, span[1]))
        if not (four_digit_year(lo[0]) and four_digit_year(hi[0])):
            return None  # past TIMEX3's four-digit years ("December 9999" Julian)
        return f"{_timex_day(lo)}/{_timex_day(hi)}"
    # day
    if p.year is None or p.month is None or p.day is None:
        return None
    try:
        out = _from_jdn(d, _jdn(s, (p.year, p.month, p.day)))
    except ValueError:
        return None
    if not four_digit_year(out[0]):
        return None  # 31 December 9999 Julian is 10000 Gregorian: no TIMEX3 value
    res = _timex_day(out)
    if p.time is not None:
        res += f"T{p.time}{p.tz or ''}"
    return res


def sort_key(value: str, calendar: str = "gregorian") -> tuple[float, float]:
    """(first day, last day) as proleptic-Gregorian Julian day numbers; (inf, inf) if unknown.

    One key for every calendar: Julian and Republican dates sort by the instant they denote, BC
    years before AD ones, and the days skipped at a switch never collide.
    """
    cal = _base(check_calendar(calendar))
    try:
        b = bounds(value, cal)
    except ValueError:
        b = None
    if b is None:
        return (math.inf, math.inf)
    try:
        return (float(_jdn(cal, b[0])), float(_jdn(cal, b[1])))
    except ValueError:
        return (math.inf, math.inf)


# --------------------------------------------------------------------------- finalise


def _impossible(value: str, cal: str) -> str | None:
    """A warning when a fully given day does not exist in its calendar (31 June, 30 February)."""
    p = parse(value)
    if p is None or p.kind != "day" or p.year is None or p.month is None or p.day is None:
        return None
    if 1 <= p.day <= _month_len(cal, p.year, p.month):
        return None
    from annales.temporal.labels import _year_label

    months: list[str] = _toml("labels.toml")["months"]
    return (
        f"impossible date: {p.day} {months[p.month - 1]} {_year_label(p.year)} "
        f"does not exist in the {cal} calendar"
    )


def finalise(timex: Any, calendar: str) -> Any:
    """Set ``calendar``, ``gregorian``, ``edtf`` and ``label`` on a timex; return it.

    ``timex.value`` is read as a value in ``calendar``. Impossible days are never shifted: the
    day becomes ``XX`` and a warning is set. Unknown calendar names raise ``CalendarError``;
    any odd value only leaves fields ``None``.
    """
    # a canonical name (the usual case) without the call: this runs once per timex
    cal = _ALIASES.get(calendar) if type(calendar) is str else None
    if cal is None:
        cal = check_calendar(calendar)
    timex.calendar = cal
    value, greg, edtf, text, warn = _fields(
        timex.value or "", timex.mod, cal, getattr(timex, "type", "DATE")
    )
    timex.value, timex.gregorian, timex.edtf = value, greg, edtf
    own = getattr(timex, "label", None)  # a recogniser's label ("9 Thermidor", "Brumaire an IV")
    if cal == "french-republican" and own and text and own not in text:
        from annales.temporal import labels  # (labels imports this module)

        text = f"{own}{labels.separator()}{text}"  # a month: its Gregorian value is the nearest
    timex.label = text or own
    if warn and not getattr(timex, "warning", None):
        timex.warning = warn
    return timex


@lru_cache(maxsize=4096)  # a big full cache is heap the collector walks on every pass
def _fields(
    value: str, mod: str | None, cal: str, ttype: str
) -> tuple[str, str | None, str | None, str | None, str | None]:
    """(value, gregorian, edtf, label, warning) for one timex: pure, so cached (books repeat)."""
    if ttype not in ("DATE", "TIME") or (
        parse(value) is None and ("/" not in value or _interval(value) is None)
    ):
        return value, None, None, None, None
    base = _base(cal)
    warn = _impossible(value, base) if "/" not in value else None
    if warn:
        value = _x_day(value)
    try:
        greg = convert(value, base, "gregorian")
    except (ValueError, KeyError, TypeError):
        greg = None
    return value, greg, to_edtf(value, base, mod), label(value, cal, mod), warn


def _x_day(value: str) -> str:
    """The value with its day made unknown ("1917-06-31" → "1917-06-XX")."""
    m = _VALUE.match(value)
    if not m or m.group("d") is None:
        return value
    return value[: m.start("d")] + "XX" + value[m.end("d") :]


def to_edtf(value: str, calendar: str = "gregorian", mod: str | None = None) -> str | None:
    """EDTF for a TIMEX3 value and mod (see annales.temporal.edtf)."""
    from annales.temporal import edtf

    return edtf.to_edtf(value, calendar, mod)


def label(value: str, calendar: str = "gregorian", mod: str | None = None) -> str | None:
    """A human label in both calendars where they differ (see annales.temporal.labels)."""
    from annales.temporal import labels

    return labels.label(value, calendar, mod)


def to_gregorian(value: str, calendar: str) -> str | None:
    """``convert(value, calendar, "gregorian")`` that never raises (None when not convertible)."""
    try:
        return convert(value, calendar, "gregorian")
    except (ValueError, KeyError, TypeError, CalendarError):
        return None
