"""Human labels for dates: both calendars where they differ, never a year 0.

"22 June 1917 (O.S.) · 5 July 1917 (N.S.)", "44 BC", "early July 1917",
"9 Thermidor an II · 27 July 1794". Words come from data/labels.toml.
"""

from __future__ import annotations

from annales.temporal.calendars import (
    _base,
    _interval,
    _toml,
    check_calendar,
    convert,
    parse,
    republican_date,
)

#: The first day of the Gregorian calendar (as a TIMEX3 value prefix): earlier dates have no
#: "New Style", only a proleptic Gregorian reckoning.
_FIRST_GREGORIAN = "1582-10-15"


def _year_label(y: int, era: bool = False) -> str:
    if y <= 0:
        return f"{1 - y} BC"
    return f"AD {y}" if era or y < 1000 else str(y)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _plain_label(value: str, cal: str) -> str | None:
    words = _toml("labels.toml")
    months: list[str] = words["months"]
    if "/" in value:
        if _interval(value) is None:
            return None
        a, _, b = value.partition("/")
        la, lb = _plain_label(a, cal), _plain_label(b, cal)
        if not la or not lb:
            return None
        return _compact_range(la, lb)
    p = parse(value)
    if p is None:
        return None
    if p.kind in ("decade", "century", "millennium"):
        if "X" in p.digits:
            return None
        n = int(p.digits)
        if p.kind == "decade":
            if p.bc:
                return f"{n * 10}s BC" if n else "9–1 BC"  # no year 0 BC
            return f"{n * 10}s"
        unit = "century" if p.kind == "century" else "millennium"
        ordn = _ordinal(n + 1)
        return f"{ordn} {unit} BC" if p.bc else f"{ordn} {unit}"
    if p.year is None:
        if p.kind == "day" and p.month and p.day:
            return f"{p.day} {months[p.month - 1]}"
        if p.kind == "month" and p.month:
            return months[p.month - 1]
        return None
    ylab = _year_label(p.year)
    if p.kind == "year":
        return ylab
    if p.kind == "month":
        return f"{months[p.month - 1]} {ylab}" if p.month else ylab
    if p.kind == "day":
        if p.month is None:
            return ylab
        if p.day is None:
            return f"{months[p.month - 1]} {ylab}"
        out = f"{p.day} {months[p.month - 1]} {ylab}"
        if p.time:
            named = words["times"].get(p.time)
            out += f", {named}" if named else f", {p.time}"
        return out
    if p.kind == "season":
        return f"{words['seasons'][p.sub]} {ylab}"
    if p.kind == "quarter":
        return f"{words['quarters'].get('Q' + (p.sub or ''), 'quarter of')} {ylab}"
    if p.kind == "half":
        return f"{words['halves'].get('H' + (p.sub or ''), 'half of')} {ylab}"
    if p.kind in ("week", "weekend", "weekday"):
        return f"week {p.sub.split('-')[0]} of {ylab}" if p.sub else ylab
    return None


def _republican_label(gvalue: str) -> str | None:
    p = parse(gvalue)
    if p is None or p.kind != "day" or p.year is None or p.month is None or p.day is None:
        return None
    try:
        an, mois, jour = republican_date(p.year, p.month, p.day)
    except (ValueError, IndexError):
        return None
    if an < 1:
        return None
    data = _toml("republican.toml")
    if mois == 13:
        name = data["sansculottides"][jour - 1]["name"]
        return f"{name} an {_roman(an)}"
    return f"{jour} {data['months'][mois - 1]['name']} an {_roman(an)}"


def _roman(n: int) -> str:
    out = ""
    for v, s in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out, n = out + s, n - v
    return out


def separator() -> str:
    """What stands between a date's two calendars in a label: " · "."""
    return str(_toml("labels.toml")["separator"])


def label(value: str, calendar: str = "gregorian", mod: str | None = None) -> str | None:
    """A human label; both calendars when they differ.

    "22 June 1917 (O.S.) · 5 July 1917 (N.S.)", "44 BC", "early July 1917",
    "9 Thermidor an II · 27 July 1794". Never shows a year 0.
    """
    try:
        cal = check_calendar(calendar)
        words = _toml("labels.toml")
        own = _plain_label(value, _base(cal))
        if own is None:
            return None
        sep = words["separator"]
        if cal == "french-republican":
            rep = _republican_label(value)
            text = f"{rep}{sep}{own}" if rep else own
        elif cal == "julian":
            greg = convert(value, "julian", "gregorian")
            glab = _plain_label(greg, "gregorian") if greg else None
            modern = bool(greg) and greg[:1].isdigit() and greg >= _FIRST_GREGORIAN  # type: ignore[index,operator]
            marks = words["style_marks"] if modern else None
            marks = marks or words["proleptic_marks"]
            if not modern and (greg is None or "/" in greg):
                glab = None  # a month before 1582: its proleptic day range says nothing more
            if glab and glab != own:
                text = f"{own} ({marks['julian']}){sep}{glab} ({marks['gregorian']})"
            else:
                text = own
        else:
            text = own
        prefix = words["mods"].get(mod or "")
        if prefix:
            text = f"{prefix}-{text}" if prefix == "mid" else f"{prefix} {text}"
        return text
    except (ValueError, KeyError, TypeError, IndexError):
        return None


def _compact_range(first: str, last: str) -> str:
    """ "8 March 1917" – "15 March 1917" → "8–15 March 1917"; shared year said once."""
    fa, la = first.split(" "), last.split(" ")
    if len(fa) == len(la) == 3 and fa[2:] == la[2:]:
        if fa[1] == la[1]:
            return f"{fa[0]}–{la[0]} {fa[1]} {fa[2]}"
        return f"{fa[0]} {fa[1]} – {last}"
    return f"{first} – {last}"
