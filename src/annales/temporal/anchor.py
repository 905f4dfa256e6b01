"""Calendar arithmetic for anchoring: parse a reference value, shift it, format TIMEX3 values.

Pure functions on (year, month, day) triples in a named calendar ("gregorian" or "julian"),
through Julian Day Numbers so that Julian documents count their own leap days. Week numbers
are ISO weeks of the same day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from types import ModuleType

from convertdate import gregorian as _greg
from convertdate import julian as _jul

_REF = re.compile(
    r"^(?P<bc>BC)?(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|Q(?P<q>[1-4])|H(?P<h>[12])|W(?P<w>\d{1,2})(?:-WE)?|(?P<s>SP|SU|FA|WI)))?(?:T.*)?$"
)
#: a month to stand for each season in its labelled year ("1941-WI" runs from December 1941)
SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 12}
#: the month each season begins (winter in December: "1941-WI" = Dec 1941 - Feb 1942)
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
SEASONS = ("WI", "SP", "SU", "FA")


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference point: the year always, finer parts when the text established them."""

    year: int
    month: int | None = None
    day: int | None = None
    quarter: int | None = None
    half: int | None = None
    week: int | None = None
    season: str | None = None

    @property
    def gran(self) -> str:
        if self.day is not None:
            return "D"
        if self.week is not None:
            return "W"
        if self.month is not None:
            return "M"
        if self.quarter is not None:
            return "Q"
        if self.half is not None:
            return "H"
        if self.season is not None:
            return "S"
        return "Y"

    @property
    def any_month(self) -> int | None:
        """The month, or the middle of the quarter/season/week when only those are known."""
        if self.month is not None:
            return self.month
        if self.quarter is not None:
            return self.quarter * 3 - 1
        if self.season is not None:
            return SEASON_MONTH[self.season]
        return None


@lru_cache(maxsize=4096)  # Ref is frozen; dense date lists parse the same few values often
def parse_ref(value: str | None) -> Ref | None:
    """``"1917-06-22"`` → Ref(1917, 6, 22), ``"BC0490"`` → Ref(-489) (astronomical years: 1 BC
    is 0, so "ten years later" is plain arithmetic); None for X-values and REF values."""
    if not value:
        return None
    m = _REF.match(value.strip())
    if not m:
        return None
    y = 1 - int(m["y"]) if m["bc"] else int(m["y"])
    if m["w"]:  # with the month of its Thursday (the month most of its days are in), so that
        # "the last week in November ... On the 29th" finds its month
        w = int(m["w"])
        try:
            month = date.fromisocalendar(y, w, 4).month if 1 <= y <= 9999 else None
        except ValueError:
            month = None
        return Ref(y, month, week=w)
    return Ref(
        y,
        int(m["m"]) if m["m"] else None,
        int(m["d"]) if m["d"] else None,
        int(m["q"]) if m["q"] else None,
        int(m["h"]) if m["h"] else None,
        None,
        m["s"],
    )


def _mod(cal: str) -> ModuleType:
    mod: ModuleType = _jul if cal == "julian" else _greg  # convertdate ships no type hints
    return mod


def month_length(year: int, month: int, calendar: str = "gregorian") -> int:
    if month == 2:
        leap = (
            (year % 4 == 0)
            if calendar == "julian"
            else (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))
        )
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def valid(year: int | None, month: int, day: int, calendar: str = "gregorian") -> bool:
    """Is day/month possible (in ``year``, or in some year when the year is unknown)?"""
    if not 1 <= month <= 12 or day < 1:
        return False
    if year is None:
        return day <= (29 if month == 2 else month_length(2001, month))
    return day <= month_length(year, month, calendar)


def jdn(y: int, m: int, d: int, calendar: str = "gregorian") -> int:
    return int(_mod(calendar).to_jd(y, m, d) + 0.5)


def from_jdn(n: int, calendar: str = "gregorian") -> tuple[int, int, int]:
    y, m, d = _mod(calendar).from_jd(n - 0.5)
    return int(y), int(m), int(d)


def add_days(y: int, m: int, d: int, n: int, calendar: str = "gregorian") -> tuple[int, int, int]:
    return from_jdn(jdn(y, m, d, calendar) + n, calendar)


def weekday(y: int, m: int, d: int, calendar: str = "gregorian") -> int:
    """ISO weekday (Monday 1 … Sunday 7)."""
    return jdn(y, m, d, calendar) % 7 + 1


def iso_week(y: int, m: int, d: int, calendar: str = "gregorian") -> tuple[int, int]:
    gy, gm, gd = from_jdn(jdn(y, m, d, calendar), "gregorian")
    if not 1 <= gy <= 9999:
        return gy, 1
    iy, iw, _ = date(gy, gm, gd).isocalendar()
    return iy, iw


def week_monday(iy: int, iw: int, calendar: str = "gregorian") -> tuple[int, int, int]:
    """The Monday of ISO week ``iw`` of ``iy``, in ``calendar``."""
    g = date.fromisocalendar(max(1, min(9999, iy)), max(1, min(iw, 52)), 1)
    return from_jdn(jdn(g.year, g.month, g.day), calendar)


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + n
    return t // 12, t % 12 + 1


def fmt_year(y: int) -> str:
    if y <= 0:
        return f"BC{1 - y:04d}"
    return f"{y:04d}"


def fmt_date(y: int, m: int | None = None, d: int | None = None) -> str:
    s = fmt_year(y)
    if m is not None:
        s += f"-{m:02d}"
        if d is not None:
            s += f"-{d:02d}"
    return s


def fmt_week(iy: int, iw: int) -> str:
    return f"{fmt_year(iy)}-W{iw:02d}"


def season_of(month: int) -> str:
    return SEASONS[(month % 12) // 3]


def ref_day(ref: Ref | None) -> tuple[int, int, int] | None:
    if ref is None or ref.month is None or ref.day is None:
        return None
    return ref.year, ref.month, ref.day


_VALUE_YEAR = re.compile(r"^(BC)?(\d+)")


def shift(
    ref: Ref, unit: str, n: int, calendar: str = "gregorian", keep: bool = False
) -> str | None:
    """The period ``n`` ``unit``s from ``ref`` (TIMEX3 value), at the unit's granularity
    (``keep``: at the reference's own granularity when that is a quarter or half-year);
    None beyond TIMEX3's four-digit years ("the next day" after 31 December 9999)."""
    v = _shift(ref, unit, n, calendar, keep)
    m = _VALUE_YEAR.match(v) if v else None
    return v if m is None or len(m.group(2)) <= 4 else None


def four_digit_year(year: int) -> bool:
    """Can TIMEX3 write ``year`` (astronomical) in its four digits, AD 9999 down to 9999 BC?"""
    return -9998 <= year <= 9999


def _shift(ref: Ref, unit: str, n: int, calendar: str, keep: bool) -> str | None:
    y = ref.year
    if unit in ("Y", "DE", "CE", "ML"):
        span = {"Y": 1, "DE": 10, "CE": 100, "ML": 1000}[unit] * n
        if not four_digit_year(y + span):
            return None  # beyond TIMEX3's four-digit years ("1917 decades from now")
    if keep and unit in ("Y", "DE", "CE"):
        k = {"Y": 1, "DE": 10, "CE": 100}[unit] * n
        if ref.quarter:
            return f"{fmt_year(y + k)}-Q{ref.quarter}"
        if ref.half:
            return f"{fmt_year(y + k)}-H{ref.half}"
        if ref.season:
            return f"{fmt_year(y + k)}-{ref.season}"
        if ref.month and ref.day:
            return fmt_date(
                y + k, ref.month, min(ref.day, month_length(y + k, ref.month, calendar))
            )
        if ref.month:
            return fmt_date(y + k, ref.month)
    if unit == "Y":
        return fmt_year(y + n)
    if unit == "DE":
        return fmt_year(y + 10 * n)
    if unit == "CE":
        return fmt_year(y + 100 * n)
    if unit == "ML":
        return fmt_year(y + 1000 * n)
    if unit == "Q":
        q = ref.quarter or ((ref.any_month - 1) // 3 + 1 if ref.any_month else None)
        if q is None:
            return None
        t = y * 4 + (q - 1) + n
        return f"{fmt_year(t // 4)}-Q{t % 4 + 1}"
    if unit == "M":
        if ref.month is None:
            return None
        yy, mm = add_months(y, ref.month, n)
        return fmt_date(yy, mm)
    if unit in ("W", "2W", "WE"):
        k = n * (2 if unit == "2W" else 1)
        if ref.day is not None and ref.month is not None:
            if unit == "WE":
                iy, iw = iso_week(*add_days(y, ref.month, ref.day, 7 * k, calendar), calendar)
                return fmt_week(iy, iw) + "-WE"
            return fmt_date(*add_days(y, ref.month, ref.day, 7 * k, calendar))
        if ref.week is not None:
            mo = week_monday(y, ref.week, calendar)
            iy, iw = iso_week(*add_days(*mo, 7 * k, calendar), calendar)
            return fmt_week(iy, iw) + ("-WE" if unit == "WE" else "")
        return None
    if unit in ("D", "H", "S"):
        if ref.day is None or ref.month is None:
            return None
        k = n if unit == "D" else 0
        return fmt_date(*add_days(y, ref.month, ref.day, k, calendar))
    return None


def period(ref: Ref, unit: str, n: int, calendar: str = "gregorian") -> str | None:
    """The calendar period ``n`` steps from the one containing ``ref`` ("last week",
    "next month", "this year"), named at the unit's granularity."""
    if unit == "D":
        return shift(ref, "D", n, calendar)
    if unit in ("W", "WE"):
        day = ref_day(ref)
        if day is not None:
            iy, iw = iso_week(*add_days(*day, 7 * n, calendar), calendar)
        elif ref.week is not None:
            mo = week_monday(ref.year, ref.week, calendar)
            iy, iw = iso_week(*add_days(*mo, 7 * n, calendar), calendar)
        else:
            return None
        return fmt_week(iy, iw) + ("-WE" if unit == "WE" else "")
    if unit == "M":
        if ref.month is None:
            return None
        return fmt_date(*add_months(ref.year, ref.month, n))
    if unit in ("DE", "CE"):
        y = ref.year + (10 if unit == "DE" else 100) * n
        if not 1 <= y <= 9999:
            return None  # no decade or century value before year 1 ("BC0057"[:2] was "BC")
        return fmt_year(y)[: 3 if unit == "DE" else 2]
    return shift(ref, unit, n, calendar)
