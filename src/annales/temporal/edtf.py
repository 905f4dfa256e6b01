"""EDTF (Library of Congress Extended Date/Time Format) for TIMEX3 values.

Written in the value's own calendar (DESIGN.md: Julian "1917-06-22" stays "1917-06-22"), with
astronomical BC years (44 BC = ``-0043``), intervals for early/mid/late and for decades and
centuries BC, ``~`` for approximate and open intervals (``../1066``) for before/after. Only forms
the ``edtf`` package parses are produced (property-tested); what EDTF cannot say is ``None``.
"""

from __future__ import annotations

import re

from annales.temporal.calendars import (
    _base,
    _interval,
    _iso,
    _month_len,
    _year_range,
    bounds,
    check_calendar,
    parse,
)

_SEASON_EDTF = {"SP": "21", "SU": "22", "FA": "23", "WI": "24"}


def _edtf_year(y: int) -> str:
    return f"{'-' if y < 0 else ''}{abs(y):04d}"


def _edtf_base(value: str, cal: str) -> str | None:
    """EDTF for a value without mod, in its own calendar."""
    if "/" in value:
        if _interval(value) is None:
            return None
        a, _, b = value.partition("/")
        ea, eb = _edtf_base(a, cal), _edtf_base(b, cal)
        if ea is None or eb is None or "/" in ea + eb:
            ba, bb = bounds(a, cal), bounds(b, cal)
            return f"{_iso(ba[0])}/{_iso(bb[1])}" if ba and bb else None
        return f"{ea}/{eb}"
    p = parse(value)
    if p is None:
        return None
    if p.kind in ("decade", "century", "millennium") or (p.kind == "year" and "X" in p.digits):
        if not p.bc:
            return p.digits + "X" * (4 - len(p.digits))
        yr = _year_range(p)
        return f"{_edtf_year(yr[0])}/{_edtf_year(yr[1])}" if yr else None
    if p.kind == "year":
        return _edtf_year(p.year)  # type: ignore[arg-type]
    ystr = _edtf_year(p.year) if p.year is not None else p.digits
    if p.year is None and p.bc:
        return None
    if p.kind == "season":
        return f"{ystr}-{_SEASON_EDTF[p.sub or 'SP']}" if p.year is not None else None
    if p.kind == "month":
        return f"{ystr}-{p.month:02d}" if p.month else f"{ystr}-XX"
    if p.kind == "day":
        mm = f"{p.month:02d}" if p.month else "XX"
        if p.day is not None and p.month is not None and p.year is not None:
            if not 1 <= p.day <= _month_len(cal, p.year, p.month):
                return None
        dd = f"{p.day:02d}" if p.day else "XX"
        if p.month is None and p.day is not None:
            if p.year is None:
                return None
        out = f"{ystr}-{mm}-{dd}"
        t = p.time
        if t and re.fullmatch(r"\d{2}(:\d{2}){0,2}", t) and "X" not in out:
            parts = t.split(":") + ["00", "00"]
            h, mi, se = parts[0], parts[1], parts[2]
            if int(h) <= 24 and int(mi) < 60 and int(se) < 60:
                out += f"T{h}:{mi}:{se}" + (p.tz or "")
        return out
    span = bounds(value, cal)
    if span is None:
        return None
    if p.kind == "quarter" or p.kind == "half":
        return f"{ystr}-{span[0][1]:02d}/{_edtf_year(span[1][0])}-{span[1][1]:02d}"
    return f"{_iso(span[0])}/{_iso(span[1])}" if span[0] != span[1] else _iso(span[0])


def _thirds(lo: int, hi: int, mod: str) -> tuple[int, int]:
    """Split an integer range into early/mid/late thirds (START/MID/END)."""
    n = hi - lo + 1
    a, b = lo + round(n / 3) - 1, lo + round(2 * n / 3) - 1
    return {"START": (lo, a), "MID": (a + 1, b), "END": (b + 1, hi)}[mod]


def _fuzzy_part(value: str, cal: str, mod: str) -> str | None:
    """EDTF interval for early/mid/late on a month, year, decade, century or millennium."""
    p = parse(value)
    if p is None:
        return None
    if p.kind == "month" and p.year is not None and p.month is not None:
        last = _month_len(cal, p.year, p.month)
        d0, d1 = {"START": (1, 10), "MID": (11, 20), "END": (21, last)}[mod]
        return f"{_iso((p.year, p.month, d0))}/{_iso((p.year, p.month, d1))}"
    if p.kind == "year" and p.year is not None:
        m0, m1 = {"START": (1, 4), "MID": (5, 8), "END": (9, 12)}[mod]
        y = _edtf_year(p.year)
        return f"{y}-{m0:02d}/{y}-{m1:02d}"
    if p.kind in ("decade", "century", "millennium") and "X" not in p.digits:
        yr = _year_range(p)
        if yr is None:
            return None
        a, b = _thirds(yr[0], yr[1], mod)
        return f"{_edtf_year(a)}/{_edtf_year(b)}"
    return None


def _qualify(edtf: str, mark: str) -> str:
    if not any(ch.isdigit() for ch in edtf) or (
        "X" in edtf and not re.fullmatch(r"\d{1,3}X+", edtf)
    ):
        return edtf  # EDTF qualifies "184X" but not "XXXX" or "XXXX-06-22"
    if "T" in edtf:
        edtf = edtf.split("T")[0]  # nor a date and time: "about 2 p.m." stays about that day
    if "/" in edtf:
        return "/".join(s if s == ".." else s + mark for s in edtf.split("/"))
    return edtf + mark


def to_edtf(value: str, calendar: str = "gregorian", mod: str | None = None) -> str | None:
    """EDTF for a TIMEX3 value and mod, in the value's own calendar; None if not expressible."""
    try:
        cal = _base(check_calendar(calendar))
        base = _edtf_base(value, cal)
        if base is None:
            return None
        if mod in ("START", "MID", "END"):
            return _fuzzy_part(value, cal, mod) or base
        if mod == "APPROX":
            if re.search(r"-2[1-4]$", base):  # EDTF cannot qualify a season: use its days
                b = bounds(value, cal)
                base = f"{_iso(b[0])}/{_iso(b[1])}" if b else base
            return _qualify(base, "~")
        if mod in ("BEFORE", "ON_OR_BEFORE", "AFTER", "ON_OR_AFTER"):
            before = mod.endswith("BEFORE")
            edge = base.split("/")[0 if before else -1].split("T")[0]
            if "X" in edge or "-2" in edge[-3:]:  # unspecified digits or a season: use days
                p = parse(value)
                yr = (
                    _year_range(p)
                    if p and p.kind in ("decade", "century", "millennium", "year")
                    else None
                )
                if yr:
                    edge = _edtf_year(yr[0] if before else yr[1])
                else:
                    b = bounds(value, cal)
                    if b is None:
                        return None
                    edge = _iso(b[0] if before else b[1])
            return f"../{edge}" if before else f"{edge}/.."
        return base
    except (ValueError, KeyError, TypeError):
        return None
