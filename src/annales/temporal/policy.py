"""Which calendar a document counts its days in (``--calendar gregorian|julian|auto``).

``auto`` looks, in order, for the document's own statement of its calendar (a preface or a
translator's note: data/calendar_statements.toml), then for its dominant country (place names:
data/places.tsv) and era (the years it mentions, else years inferred from named events) against
that country's switch date (data/switches.toml). Linear regex scans only: no NLP model.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from statistics import median_low

from annales.errors import CalendarError
from annales.temporal.calendars import DATA, Switch, _toml, switches

POLICIES = ("gregorian", "julian", "auto")
_YEAR = re.compile(r"(?<![\d,.£$/-])(1[0-9]{3}|20[0-9]{2})(?![\d,]|\s*(?:men|soldiers|people|troops))")


@cache
def _statements() -> list[tuple[re.Pattern[str], str, str]]:
    rows = _toml("calendar_statements.toml")["statement"]
    return [(re.compile(r["pattern"], re.IGNORECASE), r["calendar"], r["why"]) for r in rows]


@cache
def _places() -> tuple[re.Pattern[str], dict[str, str]]:
    table: dict[str, str] = {}
    for line in (DATA / "places.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, key = line.split("\t")
        table[name] = key
    names = sorted(table, key=len, reverse=True)
    rx = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])")
    return rx, table


def stated_calendar(text: str) -> tuple[str, str, int] | None:
    """The calendar a document says it follows: (calendar, quoted words, offset), earliest first."""
    best: tuple[str, str, int] | None = None
    for rx, cal, _why in _statements():
        m = rx.search(text)
        if m and (best is None or m.start() < best[2]):
            best = (cal, " ".join(m.group(0).split()), m.start())
    return best


def dominant_country(text: str) -> tuple[str, Counter[str]] | None:
    """The switch-table country whose places the text names most, with the counts per place."""
    rx, table = _places()
    by_country: Counter[str] = Counter()
    by_place: Counter[str] = Counter()
    for m in rx.finditer(text):
        by_country[table[m.group(0)]] += 1
        by_place[m.group(0)] += 1
    if not by_country:
        return None
    key = by_country.most_common(1)[0][0]
    return key, Counter({p: n for p, n in by_place.items() if table[p] == key})


def era_year(text: str) -> tuple[int, str] | None:
    """A representative year for the text (median of years mentioned), with where it came from."""
    years = [int(m.group(1)) for m in _YEAR.finditer(text)]
    if years:
        return median_low(years), f"the years it mentions (median {median_low(years)})"
    from annales.temporal.historical import infer_reference

    inferred = infer_reference(text)
    if inferred:
        return int(inferred[0][:4]), inferred[1]
    return None


def julian_in(switch: Switch, year: int) -> bool:
    """Whether a document mostly dated ``year`` in this country counts days in the Julian way."""
    if year != switch.first_gregorian[0]:
        return year < switch.first_gregorian[0]
    return switch.first_gregorian[1] > 6  # switch late in the year: most of it was Julian


def decide_calendar(text: str, requested: str = "auto") -> tuple[str, str]:
    """(calendar, human reason) for a document under the requested policy."""
    req = str(requested).strip().lower()
    if req not in POLICIES:
        raise CalendarError(
            f"unknown calendar policy {requested!r}: expected one of {', '.join(POLICIES)}"
        )
    if req != "auto":
        return req, f"{req} calendar requested"
    stated = stated_calendar(text)
    if stated:
        cal, words, _ = stated
        return cal, f"the document states its calendar: “{words}”"
    dom = dominant_country(text)
    if dom is None:
        return "gregorian", "no place names tie the text to a country that used the Julian calendar"
    key, counts = dom
    switch = switches()[key]
    places = ", ".join(f"{p} ×{n}" for p, n in counts.most_common(3))
    era = era_year(text)
    if era is None:
        return "gregorian", f"places point to {switch.name} ({places}) but no year dates the text"
    year, where = era
    first = switch.first_gregorian
    when = f"{first[2]} {_month(first[1])} {first[0]}"
    if julian_in(switch, year):
        reason = (
            f"places point to {switch.name} ({places}) and {where} precede its switch to the "
            f"Gregorian calendar on {when}"
        )
        if key == "sweden" and 1700 <= year <= 1712:
            reason += " (Swedish calendar of 1700-1712, one day ahead of the Julian, treated as Julian)"
        return "julian", reason
    return "gregorian", (
        f"places point to {switch.name} ({places}) and {where} follow its switch to the "
        f"Gregorian calendar on {when}"
    )


def _month(m: int) -> str:
    return _toml("labels.toml")["months"][m - 1]
