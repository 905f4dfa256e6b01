"""Which calendar a document counts its days in (``--calendar gregorian|julian|auto``).

``auto`` looks, in order, for the document's own statement of its calendar (a preface or a
translator's note: data/calendar_statements.toml), then for its dominant country (place names:
data/places.tsv) and era (the years it mentions, else years inferred from named events) against
that country's switch date (data/switches.toml). Linear regex scans only: no NLP model.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from statistics import median_low

from annales.errors import CalendarError
from annales.temporal.calendars import DATA, Switch, _jdn, _toml, bounds, parse, switches
from annales.temporal.types import Candidate

POLICIES = ("gregorian", "julian", "auto")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# years in a date context ("in 1917", "June 1917", "22 June, 1917"), so counts and page numbers
# do not vote; and years with an era mark ("A.D. 180", "44 B.C.")
_YEAR = re.compile(r"(?<![\d,.])(1\d{3}|20\d\d)(?![,.]?\d)")
_YEAR_CONTEXT = re.compile(
    r"\b(?:[Ii]n|of|since|until|till|by|from|to|during|after|before|early|late|spring|summer|"
    r"autumn|winter|[Yy]ear|Lord|[Gg]race|Christ|[Ii]ncarnation|[Ss]alvation|[Rr]edemption|"
    rf"(?:{_MONTHS}),?|\d{{1,2}}(?:st|nd|rd|th)?[,.])\s+$"  # (a diary's "Jan. 1. 1660/61")
)
_THE_YEAR = re.compile(r"\b[Tt]he year (\d{1,3})(?![\d,.]\d|\d|\s*B\.?\s?C)")  # "in the year 192"
_AD_YEAR = re.compile(r"(?<!\w)A\.?\s?D\.?\s*(\d{1,4})(?!\d)")
_BC_YEAR = re.compile(r"(?<!\d)(\d{1,4})\s*B\.?\s?C\.?(?:E\.?)?(?!\w)")
# every statement names one of these: the patterns run only in windows around them
_STATEMENT_ANCHOR = re.compile(r"alendar|ALENDAR|[Ss]tyle|STYLE|[Dd]ates|[Dd]ating|DATES")


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
    from annales.temporal.wordforms import _alt

    rx = re.compile(r"(?<![\w])(?:" + _alt(list(table)) + r")(?![\w])")
    return rx, table


def stated_calendar(text: str) -> tuple[str, str, int] | None:
    """The calendar a document says it follows: (calendar, quoted words, offset), earliest first."""
    best: tuple[str, str, int] | None = None
    done = -1
    for a in _STATEMENT_ANCHOR.finditer(text):
        if a.start() < done:
            continue
        lo, hi = max(0, a.start() - 200), min(len(text), a.end() + 200)
        done = hi - 150
        for rx, cal, _why in _statements():
            m = rx.search(text, lo, hi)
            if m and (best is None or m.start() < best[2]):
                best = (cal, " ".join(m.group(0).split()), m.start())
        if best is not None and best[2] < lo:
            break
    return best


_FIRST_DAY = re.compile(r"\d{1,2}")


def dual_order(text: str, found: Sequence[Candidate] | None = None) -> tuple[int, int, str | None]:
    """How many dual dates ("the 25th of October (7th November)") put the Julian side first,
    how many the Gregorian, and one of them: a writer glosses the calendar he counts in.
    ``found``: the text's ``historical.find`` candidates, when already found."""
    from annales.temporal.historical import ABSORBED, find

    jul = greg = 0
    example = None
    if found is None:
        found = find(text)
    for i, c in enumerate(found):
        after = found[i + 1] if i + 1 < len(found) else None
        if c.source != "historical:dual" or (c.written and not c.sets_reference):
            continue  # (a gloss is counted with its side)
        if c.written and after is not None:  # a side and its gloss
            jul += c.calendar == "julian"
            greg += c.calendar == "gregorian"
            tail = found[i + 2] if i + 2 < len(found) else None
            end = tail.end if tail is not None and tail.source == ABSORBED else after.end + 1
            example = example or " ".join(text[c.start : end].split())
        elif not c.written and (first := _FIRST_DAY.search(text, c.start, c.end)) is not None:
            # "the 9th (22nd) of January", "10/23 March": one timex, its first day written first
            first_julian = int(first.group(0)) == int(c.value[8:10] or 0)
            jul += first_julian
            greg += not first_julian
            example = example or " ".join(text[c.start : c.end].split())
    return jul, greg, example


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
    years = told_years(text)
    if years:
        mid = median_low(years)
        shown = f"{1 - mid} BC" if mid <= 0 else str(mid)
        return mid, f"{_MENTIONED}: {shown}"
    from annales.temporal.historical import infer_reference

    inferred = infer_reference(text)
    if inferred:
        year = (
            int(inferred[0][:4]) if not inferred[0].startswith("BC") else 1 - int(inferred[0][2:6])
        )
        return year, f"{inferred[0]}, {inferred[1].split(':')[0]}"
    return None


def told_years(text: str) -> list[int]:
    """The years the text names in a date context, outside its footnotes (BC as 1 - n)."""
    from annales.temporal.narrative import in_spans, note_spans

    notes = note_spans(text)  # a footnote's "printed at Leyden in 1731" does not date Rome

    def told(m: re.Match[str]) -> bool:
        return not in_spans(notes, m.start())

    years = [
        int(m.group(1))
        for m in _YEAR.finditer(text)
        if _YEAR_CONTEXT.search(text, max(0, m.start() - 14), m.start()) and told(m)
    ]
    years += [int(m.group(1)) for m in _THE_YEAR.finditer(text) if told(m)]
    years += [int(m.group(1)) for m in _AD_YEAR.finditer(text) if told(m)]
    years += [1 - int(m.group(1)) for m in _BC_YEAR.finditer(text) if told(m)]
    return years


_TITLE_YEAR = re.compile(r"(?<![\d.,])(1\d{3}|20\d\d)(?![\d.,]\d|\d)")


def _era(text: str, title: str | None, reference: str | None) -> tuple[int, str] | None:
    """The year that dates the text: its title's, else its own years'. Where the text states
    years, a given reference says which is the story's (a passage of 1919 recalling "the
    tactics of 1906"); a text that states none stays undated, as the reference says where the
    story stands, not how its writer counts."""
    told = era_year(text)
    if told is not None and reference_year(reference) is not None:
        return reference_year(reference)
    return title_year(title) or told


def reference_year(reference: str | None) -> tuple[int, str] | None:
    """The year of a given reference date ("1919", "1917-11"); None for none."""
    m = re.match(r"^(\d{4})(?:$|-)", reference or "")
    return (int(m.group(1)), f"{_GIVEN} {reference}") if m else None


_GIVEN = "the given reference"
_MENTIONED = "median of the years it mentions"
STORY_YEAR = "the year who and what it names point to,"


def title_year(title: str | None) -> tuple[int, str] | None:
    """The single year a title states ("Russia in 1919"); None for none or a span of years
    ("1789-1814": the story covers both sides, the text's years decide)."""
    years = {int(y) for y in _TITLE_YEAR.findall(title or "")}
    if len(years) != 1:
        return None
    year = years.pop()
    return year, f"the year in its title: “{' '.join((title or '').split())}”"


@cache
def _weekday_date_rx() -> tuple[re.Pattern[str], dict[str, int], dict[str, int]]:
    from annales.temporal.language import load

    tables = load("en").tables
    days = {k: int(v) for k, v in tables["weekdays"].items() if k.isalpha()}
    months = {k: int(v) for k, v in tables["months"].items() if k.isalpha() and len(k) > 3}
    parts = [k for k in tables["parts_of_day"] if k.isalpha()]
    wd = "|".join(sorted(days, key=len, reverse=True))
    mo = "|".join(sorted(months, key=len, reverse=True))
    pod = "|".join(sorted(parts, key=len, reverse=True))
    num = r"(\d{1,2})(?:st|nd|rd|th|d)?"
    # "Wednesday, November 7th", "Tuesday morning, November 6th", "Sunday the 9th of March"
    rx = re.compile(
        rf"\b({wd})(?:\s+(?:{pod}))?,?\s+(?:the\s+)?"
        rf"(?:({mo})\.?\s+{num}|{num}(?:\s+of)?\s+({mo}))\b"
        r"(?:,?\s+(\d{4})\b)?",
        re.IGNORECASE,
    )
    return rx, days, months


def weekday_evidence(text: str, year: int | None) -> tuple[int, int, str | None]:
    """How many stated weekday-dates ("Wednesday, November 7th") fall on that weekday in the
    Julian and in the Gregorian calendar (in their own year, else ``year``; without it only
    those stating their year count), and the first one that tells them apart. A weekday is
    evidence no place table can give."""
    from annales.temporal.anchor import valid, weekday

    rx, days, months = _weekday_date_rx()
    jul = greg = 0
    example = None
    for m in rx.finditer(text):
        wd = days[m.group(1).lower()]
        month = months[(m.group(2) or m.group(5)).lower()]
        day = int(m.group(3) or m.group(4))
        y = int(m.group(6)) if m.group(6) else year
        if y is None:
            continue
        if not (valid(y, month, day, "julian") and valid(y, month, day, "gregorian")):
            continue
        fits_j = weekday(y, month, day, "julian") == wd
        fits_g = weekday(y, month, day, "gregorian") == wd
        jul += fits_j
        greg += fits_g
        if fits_j != fits_g and example is None:
            example = " ".join(m.group(0).split()) + ("" if m.group(6) else f" ({y})")
    return jul, greg, example


@dataclass(frozen=True, slots=True)
class KnownDays:
    """A famous event's days in both calendars (month, day), for ``event_evidence``."""

    name: str
    country: str
    year: int
    julian: tuple[tuple[int, int], tuple[int, int]]
    gregorian: tuple[tuple[int, int], tuple[int, int]]
    words: tuple[str, ...]


@cache
def _known_days() -> tuple[KnownDays, ...]:
    from annales.temporal.anchor import from_jdn, jdn

    out = []
    for row in _toml("calendar_events.toml")["event"]:
        (y, m1, d1), (_, m2, d2) = (tuple(map(int, v.split("-"))) for v in row["julian"])
        g1 = from_jdn(jdn(y, m1, d1, "julian"), "gregorian")
        g2 = from_jdn(jdn(y, m2, d2, "julian"), "gregorian")
        out.append(
            KnownDays(
                row["name"],
                row["country"],
                y,
                ((m1, d1), (m2, d2)),
                ((g1[1], g1[2]), (g2[1], g2[2])),
                tuple(w.lower() for w in row["words"]),
            )
        )
    return tuple(out)


@cache
def _month_day_rx() -> tuple[re.Pattern[str], dict[str, int]]:
    from annales.temporal.language import load

    tables = load("en").tables
    months = {k: int(v) for k, v in tables["months"].items() if k.isalpha() and len(k) > 3}
    mo = "|".join(sorted(months, key=len, reverse=True))
    num = r"(\d{1,2})(?:st|nd|rd|th|d)?"
    # "March 12", "March 5-12, 1917", "the 27th of February", "27 February 1917"
    rx = re.compile(
        rf"\b(?:({mo})\.?\s+{num}(?:\s*[-–]\s*{num})?|{num}(?:\s+of)?\s+({mo}))\b"
        r"(?:,?\s+(\d{4})\b)?",
        re.IGNORECASE,
    )
    return rx, months


EVIDENCE_REACH = 300  # characters either side of a date in which an event's word must stand


def event_evidence(
    text: str, country: str, year: int | None, told: frozenset[int] = frozenset()
) -> tuple[int, int, str | None]:
    """How many stated dates of famous events (``calendar_events.toml``: the bread riots of
    1917, the October rising) fall on the event's Julian days and how many on its Gregorian
    days, in texts of ``country`` (a date without its year counts for the event when the text
    is of ``year`` or names the event's year: ``told``); and the first that tells them apart.
    Like a weekday, a known
    day is evidence of how the writer counts that no place table can give."""
    known = [k for k in _known_days() if k.country == country]
    if not known:
        return 0, 0, None
    rx, months = _month_day_rx()
    lower = text.lower()
    jul = greg = 0
    example = None
    for m in rx.finditer(text):
        month = months[(m.group(1) or m.group(5)).lower()]
        first = int(m.group(2) or m.group(4))
        days = [(month, first)] + ([(month, int(m.group(3)))] if m.group(3) else [])
        y = int(m.group(6)) if m.group(6) else None
        near = lower[max(0, m.start() - EVIDENCE_REACH) : m.end() + EVIDENCE_REACH]
        for k in known:
            if y != k.year and (y is not None or (k.year != year and k.year not in told)):
                continue
            if not any(w in near for w in k.words):
                continue
            in_j = any(k.julian[0] <= d <= k.julian[1] for d in days)
            in_g = any(k.gregorian[0] <= d <= k.gregorian[1] for d in days)
            if in_j != in_g:
                jul, greg = jul + in_j, greg + in_g
                if example is None:
                    example = f"{' '.join(m.group(0).split())}: {k.name}"
                break
    return jul, greg, example


def julian_in(switch: Switch, year: int) -> bool:
    """Whether a document mostly dated ``year`` in this country counts days in the Julian way."""
    if year != switch.first_gregorian[0]:
        return year < switch.first_gregorian[0]
    return switch.first_gregorian[1] > 6  # switch late in the year: most of it was Julian


@dataclass(frozen=True, slots=True)
class Policy:
    """A document's calendar policy: its calendar, why, and the switch that bounds it.

    Under ``auto`` a Julian document tied to a country keeps that country's switch, so that
    dates the text gives after the switch (a history of 1917-1921 Russia mentioning
    "1 May 1919") can be read as Gregorian: see ``calendar_for``.
    """

    calendar: str
    reason: str
    switch: Switch | None = None
    guessed: bool = False  # decided from places and era, not requested nor stated
    # the era is the reader's given reference: the story's dates lie in it, however the
    # tagger resolves them (no second guess from "most of the dates it tells")
    era_given: bool = False

    def calendar_for(self, value: str) -> str:
        """The calendar a date value of this document is counted in (the switch applied):
        Gregorian from the switch on, Julian before it (also in a Gregorian document: Gibbon's
        Rome, France before 1582), the document's own calendar for a value without a year."""
        if self.switch is None or self.calendar not in ("julian", "gregorian"):
            return self.calendar
        p = parse(value.split("/")[0])
        if p is None or p.year is None:
            return self.calendar
        first = self.switch.first_gregorian
        span = bounds(value, "gregorian") if p.kind != "day" else None
        if span is not None:  # a year, season or month: where most of its days lie
            mid = (_jdn("gregorian", span[0]) + _jdn("gregorian", span[1])) // 2
            return "gregorian" if mid >= _jdn("gregorian", first) else "julian"
        here = (p.year, p.month or 1, p.day or 1)
        return "gregorian" if here >= first else "julian"


#: Where no country is known, dates before the first switch (the Catholic states') are read
#: as Julian, the historians' convention (proleptic Gregorian only when asked for).
DEFAULT_SWITCH = "catholic"


def document_policy(
    text: str,
    requested: str = "auto",
    title: str | None = None,
    reference: str | None = None,
    historical: Sequence[Candidate] | None = None,
    story_year: int | None = None,
) -> Policy:
    """The policy for a document under ``--calendar gregorian|julian|auto``; the year of a
    given ``reference`` (the reader knows where the story stands: "1919") or stated in the
    ``title`` ("Russia in 1919") dates the text before the years it mentions (a passage of
    1919 recalling "the tactics of 1906"). ``historical``: the text's ``historical.find``
    candidates, when the caller has them (else they are found here, when needed).
    ``story_year``: the year who and what an undated text names point to, which dates it
    when it states no year of its own (the Armada's English: Julian 1588)."""
    req = str(requested).strip().lower()
    if req not in POLICIES:
        raise CalendarError(
            f"unknown calendar policy {requested!r}: expected one of {', '.join(POLICIES)}"
        )
    if req != "auto":
        return Policy(req, f"the {req} calendar was requested (--calendar {req})")
    stated = stated_calendar(text)
    if stated:
        cal, words, _ = stated
        return Policy(cal, f"the document states its calendar: “{words}”")
    dom = dominant_country(text)
    jul_first, greg_first, dual = dual_order(text, historical)
    if jul_first != greg_first:
        cal = "julian" if jul_first > greg_first else "gregorian"
        style = "Old" if cal == "julian" else "New"
        return Policy(
            cal,
            f"its dual dates give the {style} Style first ({max(jul_first, greg_first)} of"
            f" {jul_first + greg_first}, e.g. “{dual}”): it counts its days that way",
            switches()[dom[0]] if dom is not None and cal == "julian" else None,
        )
    if dom is None:
        default = switches()[DEFAULT_SWITCH]
        era = _era(text, title, reference)
        if era is not None and julian_in(default, era[0]):
            return _before_first_switch("no place names tie the text to a country", era[1])
        return Policy(
            "gregorian",
            "no place names tie the text to a country that used the Julian calendar",
            default,
            guessed=True,
        )
    key, counts = dom
    switch = switches()[key]
    places = ", ".join(f"{p} ×{n}" for p, n in counts.most_common(3))
    era = _era(text, title, reference)
    if era is None and story_year is not None:
        era = (story_year, f"{STORY_YEAR} {story_year}")
    elif (
        era is not None
        and story_year is not None
        and era[1].startswith(_MENTIONED)
        and story_year > max(told_years(text))
    ):
        # a passage of 1919 (Lenin, the Comintern) recalling "the tactics of 1906": the years
        # it mentions are looked back on
        era = (story_year, f"{STORY_YEAR} {story_year}, after every year it mentions")
    if era is None:
        return Policy(
            "gregorian",
            f"places point to {switch.name} ({places}) but no year dates the text",
            guessed=True,
        )
    year, where = era
    first = switch.first_gregorian
    when = f"{first[2]} {_month(first[1])} {first[0]}"
    # a weekday without its year is checked against the era only when the text keeps to one
    # year (a history spanning 1914-1918 would test Pollard's Marne Sunday in 1915)
    one_year = len(set(told_years(text))) <= 1
    jul, greg, example = weekday_evidence(text, year if one_year else None)
    # one clean fit (a chance fit is 1 in 7) or a clear majority decides
    if jul != greg and (min(jul, greg) == 0 or max(jul, greg) >= 3 * min(jul, greg)):
        cal = "julian" if jul > greg else "gregorian"
        return Policy(
            cal,
            f"its weekdays fit the {cal.capitalize()} calendar ({max(jul, greg)} of"
            f" {jul + greg if min(jul, greg) else max(jul, greg)} stated, e.g. “{example}”),"
            f" though places point to {switch.name} ({places})",
            # the weekdays show how this writer counts: Reed's Petrograd of 1917 in New Style
            None if cal == "gregorian" else switch,
        )
    told = frozenset(told_years(text))
    ej, eg, event = (
        event_evidence(text, key, year, told) if julian_in(switch, year) else (0, 0, None)
    )
    if ej != eg and (min(ej, eg) == 0 or max(ej, eg) >= 3 * min(ej, eg)):
        cal = "julian" if ej > eg else "gregorian"
        return Policy(
            cal,
            f"its dates of known events fit the {cal.capitalize()} calendar ({max(ej, eg)} of"
            f" {ej + eg}, e.g. “{event}”), though places point to {switch.name} ({places})",
            None if cal == "gregorian" else switch,
        )
    if julian_in(switch, year) and switch.outside_style == "gregorian":
        default = switches()[DEFAULT_SWITCH]
        if julian_in(default, year):
            return _before_first_switch(f"places point to {switch.name} ({places})", where)
        return Policy(
            "gregorian",
            f"places point to {switch.name} ({places}) and its era ({where}) lies before its "
            f"switch to the Gregorian calendar on {when}, but histories written outside it give "
            "such dates in New Style",
            default,  # a value before 1582 is still Julian, as historians date it
            guessed=True,
            era_given=where.startswith(_GIVEN),
        )
    if julian_in(switch, year):
        reason = (
            f"places point to {switch.name} ({places}) and its era ({where}) lies before its "
            f"switch to the Gregorian calendar on {when}"
        )
        if key == "sweden" and 1700 <= year <= 1712:
            reason += (
                " (Swedish calendar of 1700-1712, one day ahead of the Julian, treated as Julian)"
            )
        return Policy("julian", reason, switch, guessed=True)
    return Policy(
        "gregorian",
        f"places point to {switch.name} ({places}) and its era ({where}) lies after its "
        f"switch to the Gregorian calendar on {when}",
        switch,
        guessed=True,
        era_given=where.startswith(_GIVEN),
    )


def _before_first_switch(why: str, where: str) -> Policy:
    """Julian for an era before the first switch (1582), as historians date such years."""
    return Policy(
        "julian",
        f"{why}, and its era ({where}) lies before the first switch to the Gregorian calendar"
        " (1582): Julian, as historians date such years",
        switches()[DEFAULT_SWITCH],
        guessed=True,
        era_given=where.startswith(_GIVEN),
    )


def decide_calendar(
    text: str, requested: str = "auto", title: str | None = None, reference: str | None = None
) -> tuple[str, str]:
    """(calendar, human reason) for a document under the requested policy."""
    pol = document_policy(text, requested, title, reference)
    return pol.calendar, pol.reason


def _month(m: int) -> str:
    months: list[str] = _toml("labels.toml")["months"]
    return months[m - 1]
