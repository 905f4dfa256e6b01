"""Historical date forms the English rules do not know: Republican, dual and Old/New Style dates,
named events and periods, and year inference for narratives.

``find(text)`` returns ``Candidate``s with ``priority`` > 0, so they win over the plain rules'
overlapping candidates:

* French Republican dates ("the 9th Thermidor", "18 Brumaire an VIII", "the 1st Prairial, year
  III (20th May, 1795)"). The value is the Gregorian ISO day (see calendars.py); without a year
  the candidate carries a ``resolve`` that picks the Republican year from the narrative
  reference (or the famous year of days like 9 Thermidor).
* Dual dates ("25 October (7 November) 1917", "24 October/6 November 1917"): two candidates,
  each side in the calendar it is written in (the Julian side's ``gregorian`` the other side
  when both agree, else a warning); the first carries the story, the second is a gloss.
  "10/23 March 1917" and "10 February 1714/15" stay one candidate, on the Julian side.
* Dates marked O.S./N.S./Old Style/New Style: ``calendar`` set accordingly.
* Named events and periods after a temporal preposition ("during the Great War" → 1914/1918).

All patterns are compiled once from the data files; matching is linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

from annales.temporal import calendars as cal
from annales.temporal.calendars import _toml
from annales.temporal.periods import (
    Period,
    _events,
    dated_mentions,
    first_named,
    infer_reference,
    new_document,
    periods,
)
from annales.temporal.republican import (
    _rep_months,
    _republican,
    _republican_month,
    _republican_year,
)
from annales.temporal.types import Candidate, Resolver
from annales.temporal.wordforms import (
    _alt,
    _day,
    _gdate,
    _get_day,
    _get_month,
    _get_year,
    _iso,
    _jdn,
    _month,
    _style,
    _year_resolver,
)

PRIORITY = 2
__all__ = [
    "Period",
    "dated_mentions",
    "find",
    "first_named",
    "infer_reference",
    "new_document",
    "periods",
]


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    rmonth = rf"(?P<rm>(?i:{_alt(list(_rep_months()))}))(?![\w])"
    ryear = (
        r"(?:,?\s+(?i:(?:in\s+|of\s+)?(?:the\s+)?(?:year|an))\s+"
        r"(?P<ry>[IVXivx]{1,5}|\d{1,2})(?![\w])(?:\s+(?i:of\s+the\s+Republic))?)?"
    )
    # "the 18th Fructidor": the article is part of the expression, as with "the 2nd of June"
    rdate = rf"(?<![\w])(?:(?i:the)\s+)?(?:{_day('r')})(?:\s+(?i:of))?\s+{rmonth}{ryear}"
    # a gloss may have its article: "the 12th of Germinal (the 1st of April)"
    gparen = rf"(?:\s*[(\[]\s*(?P<gthe>(?i:the)\s+)?{_gdate('g')}\s*[)\]])?"
    style_a, style_b = _style("sa"), _style("sb")
    return {
        # the 1st Prairial, year III (20th May, 1795)
        "republican": re.compile(rdate + gparen),
        # the month of Brumaire, year IV ; Nivôse an VIII
        "republican_month": re.compile(
            rf"(?<![\w])(?:(?i:the\s+month\s+of)\s+)?{rmonth}{ryear.removesuffix('?')}"
        ),
        # the constitution of the year III ; YEAR IV. (not "the year I spent")
        "republican_year": re.compile(
            r"(?<![\w])(?:(?i:the)\s+)?(?:[Yy]ear|YEAR)\s+(?P<ry>[IVX]{2,5}|I(?=[.,;:)]))(?![\w])"
            r"(?:\s+(?i:of\s+the\s+Republic))?"
        ),
        # 14th of June (25th Prairial)
        "republican_rev": re.compile(
            rf"(?<![\w]){_gdate('g')}\s*[(\[]\s*{_day('r')}(?:\s+(?i:of))?\s+{rmonth}{ryear}\s*[)\]]"
        ),
        # 25 October (7 November) 1917 ; 25 October 1917 O.S. (7 November N.S.)
        "dual_paren": re.compile(
            rf"(?<![\w]){_gdate('a')}(?:,?\s*\(?{style_a}\)?)?\s*[(\[]\s*(?i:i\.\s?e\.,?\s*|or\s+)?(?P<bthe>(?i:the)\s+)?{_gdate('b')}"
            rf"(?:,?\s*{style_b})?\s*[)\]](?:,?\s+(?P<y>\d{{4}})(?!\d))?"
        ),
        # 24 October/6 November 1917
        "dual_slash": re.compile(rf"(?<![\w]){_gdate('a')}\s*/\s*{_gdate('b')}"),
        # 10/23 March 1917
        "dual_days": re.compile(
            r"(?<![\w/])(?P<d1>\d{1,2})\s*/\s*(?P<d2>\d{1,2})\s+"
            + _month("c")
            + r"(?:,?\s+(?P<y>\d{4})(?!\d))?"
        ),
        # the 12th (25th) of March, 1917
        "dual_days_paren": re.compile(
            r"(?<![\w/])(?P<d1>\d{1,2})(?i:st|nd|rd|th)?\s*\((?P<d2>\d{1,2})(?i:st|nd|rd|th)?\)"
            r"\s+(?i:of\s+)?" + _month("c") + r"(?:,?\s+(?P<y>\d{4})(?!\d))?"
        ),
        # 10 February 1714/15 ; 1714/15
        "dual_year": re.compile(
            rf"(?<![\w])(?:(?:{_day('a')}(?:\s+(?i:of))?\s+{_month('a')}|{_month('ar')}\s+{_day('ar')}),?\s+)?"
            rf"(?P<y1>1[0-7]\d\d)\s*/\s*(?P<y2>\d{{1,2}})(?![\w/])"
        ),
        # 22 June 1917 (O.S.) ; June 22, O.S. ; 5 July New Style
        "marked": re.compile(
            rf"(?<![\w]){_gdate('a')}(?:\s*,)?\s*(?P<po>\()?\s*{style_a}(?(po)\s*\))"
        ),
    }


@cache
def _last_switch() -> int:
    """The year the last country of the switch table adopted the Gregorian calendar."""
    return max(sw.first_gregorian[0] for sw in cal.switches().values())


def _offset_ok(diff: int) -> bool:
    """The Julian calendar's lag behind the Gregorian from 1582 to 2099: 10 to 13 days."""
    return 10 <= diff <= 13


def _dual(
    start: int,
    end: int,
    a: tuple[int | None, int | None, int | None],
    b: tuple[int | None, int | None, int | None],
    year: int | None,
    forced: str | None = None,
) -> Candidate | None:
    """One candidate for two written days that name the same day in two calendars."""
    (ad, am, ay), (bd, bm, by) = a, b
    if None in (ad, am, bd, bm):
        return None
    assert ad and am and bd and bm
    ya = ay or year or by
    yb = by or year or ay
    if ya is not None and yb is not None:
        best = None
        for dy in (0, -1, 1):
            for jul, greg, jy, gy in (
                ((ad, am), (bd, bm), ya + dy, yb),
                ((bd, bm), (ad, am), yb + dy, ya),
            ):
                if forced == "a-greg" and jul == (ad, am) or forced == "a-jul" and jul == (bd, bm):
                    continue
                j = _jdn(jy, jul[1], jul[0], "julian")
                g = _jdn(gy, greg[1], greg[0], "gregorian")
                if j is not None and g is not None and j == g:
                    best = (jy, jul)
                    break
            if best:
                break
        if best is None:
            # written 10-13 days apart, so meant as a dual date, but the sides do not agree;
            # after the last country switched, such a pair is a range ("1/12 March 2020")
            wa, wb = _jdn(ya, am, ad), _jdn(yb, bm, bd)
            if wa is None or wb is None or not _offset_ok(abs(wb - wa)) or ya > _last_switch():
                return None
            julian_a = forced != "a-greg" and (forced == "a-jul" or wb > wa)
            jy, (jd_, jm) = (ya, (ad, am)) if julian_a else (yb, (bd, bm))
            c = Candidate(
                start,
                end,
                "DATE",
                _iso(jy, jm, jd_),
                calendar="julian",
                source="historical:dual",
                priority=PRIORITY,
            )
            c.warning = "dual date sides disagree; the Julian side is kept"
            return c
        jy, (jd_, jm) = best
        value = _iso(jy, jm, jd_)
        return Candidate(
            start,
            end,
            "DATE",
            value,
            calendar="julian",
            gregorian=cal.convert(value, "julian", "gregorian"),
            source="historical:dual",
            priority=PRIORITY,
        )
    # no year anywhere: check the offset on a common year and let the reference fill the year
    ja, jb = _jdn(1917, am, ad), _jdn(1917, bm, bd)
    if ja is None or jb is None:
        return None
    diff = (jb - ja) % 365
    if forced == "a-greg" or (forced is None and _offset_ok(365 - diff) and not _offset_ok(diff)):
        jm, jd_ = bm, bd
        ok = _offset_ok(365 - diff)
    else:
        jm, jd_ = am, ad
        ok = _offset_ok(diff)
    if not ok:
        return None
    return Candidate(
        start,
        end,
        "DATE",
        f"XXXX-{jm:02d}-{jd_:02d}",
        calendar="julian",
        resolve=_year_resolver(jm, jd_),
        source="historical:dual",
        priority=PRIORITY,
    )


def _style_of(m: re.Match[str], p: str) -> str | None:
    if m.groupdict().get(p + "jul"):
        return "julian"
    if m.groupdict().get(p + "greg"):
        return "gregorian"
    return None


def _dual_paren(m: re.Match[str]) -> list[Candidate] | None:
    a = (_get_day(m, "a"), _get_month(m, "a"), _get_year(m, "a"))
    b = (_get_day(m, "b"), _get_month(m, "b"), _get_year(m, "b"))
    sa, sb = _style_of(m, "sa"), _style_of(m, "sb")
    forced = "a-jul" if sa == "julian" or sb == "gregorian" else None
    if sa == "gregorian" or sb == "julian":
        forced = "a-greg"
    y = int(m.group("y")) if m.groupdict().get("y") else None
    return _sides(m, _dual(m.start(), m.end(), a, b, y, forced), a, b, y)


def _dual_slash(m: re.Match[str]) -> list[Candidate] | None:
    a = (_get_day(m, "a"), _get_month(m, "a"), _get_year(m, "a"))
    b = (_get_day(m, "b"), _get_month(m, "b"), _get_year(m, "b"))
    return _sides(m, _dual(m.start(), m.end(), a, b, None), a, b)


def _side_span(m: re.Match[str], p: str) -> tuple[int, int]:
    """Where the written day of side ``p`` ("a", "b") lies: its day, month and year, with a
    style mark written straight after it ("25 October 1917 O.S.")."""
    names = [p + g for g in ("dn", "dw", "m", "rdn", "rdw", "rm", "y")]
    names += [f"s{p}jul", f"s{p}greg", f"{p}the"]
    got = [m.span(n) for n in names if m.groupdict().get(n) is not None]
    start, end = min(s for s, _ in got), max(e for _, e in got)
    if f"s{p}jul" in m.groupdict():
        day_end = max(m.end(n) for n in names[:7] if m.groupdict().get(n) is not None)
        if "(" in m.string[day_end:end]:
            end = day_end  # "(O.S.)" in brackets of its own is not part of the day
    return start, end


def _sides(
    m: re.Match[str],
    c: Candidate | None,
    a: tuple[int | None, int | None, int | None],
    b: tuple[int | None, int | None, int | None],
    year: int | None = None,
) -> list[Candidate] | None:
    """A dual date as two timexes, as TimeML annotators mark it: each side in the calendar it
    is written in ("the 24th of October" Julian, "6th of November" Gregorian), the first
    carrying the story, the second a gloss that moves nothing."""
    if c is None:
        return None
    julian_md = c.value[5:10]
    a_julian = julian_md == f"{a[1]:02d}-{a[0]:02d}"
    if julian_md == f"{b[1]:02d}-{b[0]:02d}" and julian_md != f"{a[1]:02d}-{a[0]:02d}":
        a_julian = False
    (gd, gm, gy) = b if a_julian else a
    gy = gy or year or (a if a_julian else b)[2]
    greg = c.gregorian
    if greg is None and gy is not None and gd and gm and cal.is_valid(gy, gm, gd):
        greg = _iso(gy, gm, gd)  # the sides disagree: each keeps what it says
    jul_resolve = c.resolve
    greg_resolve = None
    if greg is None and jul_resolve is not None:
        greg_resolve = _gloss_resolver(jul_resolve, gm or 0, gd or 0)
    return _pair(
        c,
        a_julian,
        greg or f"XXXX-{gm:02d}-{gd:02d}",
        greg,
        greg_resolve,
        _side_span(m, "a"),
        _side_span(m, "b"),
    )


def _pair(
    c: Candidate,
    a_julian: bool,
    greg_value: str,
    greg: str | None,
    greg_resolve: Resolver | None,
    first_span: tuple[int, int],
    second_span: tuple[int, int],
) -> list[Candidate]:
    """The Julian side ``c`` and its Gregorian side as two written candidates, in text order
    (the Julian side first when ``a_julian``): the first carries the story, the second is a
    gloss."""
    julian = replace(c, written=True)
    gregorian = Candidate(
        0,
        0,
        "DATE",
        greg_value,
        calendar="gregorian",
        gregorian=greg,
        resolve=greg_resolve,
        warning=c.warning,
        source=c.source,
        priority=PRIORITY,
        written=True,
    )
    first, second = (julian, gregorian) if a_julian else (gregorian, julian)
    first.start, first.end = first_span
    second.start, second.end = second_span
    first.sets_reference, second.sets_reference = True, False
    return [first, second]


#: source of the words after a dual day's bracket ("of January" in "the 9th (22nd) of
#: January"): they belong to both sides, so to neither timex, and are taken out after merging
ABSORBED = "historical:absorbed"


def _day_sides(m: re.Match[str], c: Candidate | None) -> list[Candidate] | None:
    """ "Sunday, the 9th (22nd) of January" as two timexes, as annotators mark it: "the 9th" in
    the calendar it is written in, "22nd" its gloss; "of January" is neither's alone."""
    if c is None:
        return None
    text = m.string
    cut = text.find("(", m.start(), m.end())
    close = text.find(")", cut, m.end())
    if cut < 0 or close < 0:
        return [c]
    d1, d2 = int(m.group("d1")), int(m.group("d2"))
    a_julian = c.value[8:10] == f"{d1:02d}"
    month, year = c.value[5:7], c.value[:4]
    greg_day = d2 if a_julian else d1
    greg = c.gregorian
    gloss_resolve = None
    if greg is None and c.resolve is not None:
        gloss_resolve = _gloss_resolver(c.resolve, int(month), greg_day)
    elif greg is None and year.isdigit():
        greg = f"{year}-{month}-{greg_day:02d}"
    sides = _pair(
        c,
        a_julian,
        greg or f"XXXX-{month}-{greg_day:02d}",
        greg,
        gloss_resolve,
        _stripped(text, m.start(), cut),
        _stripped(text, cut + 1, close),
    )
    return [*sides, Candidate(close + 1, m.end(), "DATE", "", source=ABSORBED, priority=PRIORITY)]


def _gloss_resolver(julian: Resolver, month: int, day: int) -> Resolver:
    """The Gregorian side of a dual date without a year: the Julian side's day, converted."""

    def resolve(ref: str | None) -> str:
        v = julian(ref)
        out = cal.convert(v, "julian", "gregorian") if not v.startswith("X") else None
        return out or f"XXXX-{month:02d}-{day:02d}"

    return resolve


def _dual_days(m: re.Match[str]) -> Candidate | None:
    mo = _get_month(m, "c")
    y = int(m.group("y")) if m.group("y") else None
    return _dual(
        m.start(), m.end(), (int(m.group("d1")), mo, None), (int(m.group("d2")), mo, None), y
    )


def _dual_year(m: re.Match[str]) -> Candidate | None:
    """England's Old Style years, which began on 25 March: "10 February 1714/15" is 1715."""
    y1, tail = int(m.group("y1")), m.group("y2")
    y2 = int(str(y1)[: 4 - len(tail)] + tail)
    if y2 != y1 + 1 or y1 > 1752:
        return None
    d, mo = _get_day(m, "a"), _get_month(m, "a")
    src = "historical:old-style-year"
    if d and mo:
        if (mo, d) >= (3, 25):
            return None
        if not cal.is_valid(y2, mo, d, "julian"):
            return None
        value = _iso(y2, mo, d)
        return _dated(m.start(), m.end(), value, "julian", src)
    # a bare double year names England's civil year, 25 March y1 to 24 March y2
    start = m.start("y1")
    value = f"{y1:04d}-03-25/{y2:04d}-03-24"
    return _dated(start, m.end(), value, "julian", src)


def _dated(start: int, end: int, value: str, calendar: str, source: str) -> Candidate:
    """A DATE candidate in a stated calendar, with its Gregorian side computed."""
    return Candidate(
        start,
        end,
        "DATE",
        value,
        calendar=calendar,
        gregorian=cal.convert(value, calendar, "gregorian"),
        source=source,
        priority=PRIORITY,
    )


def _marked(m: re.Match[str]) -> Candidate | None:
    d, mo, y = _get_day(m, "a"), _get_month(m, "a"), _get_year(m, "a")
    style = _style_of(m, "sa")
    if not d or not mo or style is None:
        return None
    if y is not None:
        if not cal.is_valid(y, mo, d, style):
            return None
        value = _iso(y, mo, d)
        return _dated(m.start(), m.end(), value, style, "historical:marked")
    return Candidate(
        m.start(),
        m.end(),
        "DATE",
        f"XXXX-{mo:02d}-{d:02d}",
        calendar=style,
        resolve=_year_resolver(mo, d),
        source="historical:marked",
        priority=PRIORITY,
    )


def _republican_sides(m: re.Match[str], reverse: bool = False) -> list[Candidate] | None:
    """A Republican day with its Gregorian day in brackets ("the 1st Prairial (20th of May,
    1795)", "the 14th of June (25th Prairial)") as two timexes, as annotators mark them: the
    first carries the story, the bracketed one is a gloss. Both values are Gregorian days."""
    c = _republican(m, "", reverse=reverse)
    if c is None:
        return None
    gd, gm, gy = _get_day(m, "g"), _get_month(m, "g"), _get_year(m, "g")
    if not gd or not gm:
        return [c]
    text = m.string
    g0, g1 = _side_span(m, "g")
    if reverse:
        r0 = text.find("(", g1, m.end())
        r0 = text.find("[", g1, m.end()) if r0 < 0 else r0
        lead, gloss_span = (g0, g1), (r0 + 1, m.end() - 1)
    else:
        cut = max(text.rfind("(", m.start(), g0), text.rfind("[", m.start(), g0))
        lead, gloss_span = (m.start(), cut), (g0, g1)
    gloss_span = _stripped(text, *gloss_span)
    lead = _stripped(text, *lead)
    if reverse:  # the Gregorian day leads; the Republican one in brackets is the gloss
        first = replace(c, start=lead[0], end=lead[1], calendar="gregorian", written=True)
        second = replace(
            c,
            start=gloss_span[0],
            end=gloss_span[1],
            sets_reference=False,
            source="historical:republican",
            priority=PRIORITY + 1,  # over the same words read as a Republican day alone
            written=True,
        )
        return [first, second]
    written = _iso(gy, gm, gd) if gy is not None and cal.is_valid(gy, gm, gd) else None
    gloss = Candidate(
        gloss_span[0],
        gloss_span[1],
        "DATE",
        written or c.value,
        calendar="gregorian",
        gregorian=written or c.gregorian,
        resolve=None if written or c.resolve is None else _month_day_of(c.resolve, gm, gd),
        sets_reference=False,
        source="historical:gloss",
        priority=PRIORITY,
        written=True,
    )
    return [replace(c, start=lead[0], end=lead[1]), gloss]


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without the spaces and commas at its ends."""
    while start < end and (text[start].isspace() or text[start] in ",;"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return start, end


def _month_day_of(resolve: Resolver, month: int, day: int) -> Resolver:
    """The Gregorian day written beside a Republican one, in the year the latter resolves to."""

    def resolve_gloss(ref: str | None) -> str:
        v = resolve(ref)
        return _iso(int(v[:4]), month, day) if v[:4].isdigit() else f"XXXX-{month:02d}-{day:02d}"

    return resolve_gloss


_BUILDERS = (
    ("republican", _republican_sides, "republican", 60, 110),
    ("republican_month", _republican_month, "republican", 60, 60),
    ("republican_rev", lambda m: _republican_sides(m, reverse=True), "republican", 90, 60),
    ("republican_year", _republican_year, "rep_year", 10, 20),
    ("dual_paren", _dual_paren, "paren", 60, 70),
    ("dual_slash", _dual_slash, "slash", 50, 50),
    ("dual_days", _dual_days, "slash_days", 10, 30),
    ("dual_days_paren", lambda m: _day_sides(m, _dual_days(m)), "paren", 10, 40),
    ("dual_year", _dual_year, "slash_year", 50, 10),
    ("marked", _marked, "style", 60, 20),
)


@cache
def _anchors() -> dict[str, re.Pattern[str]]:
    """Cheap patterns for what every match must contain: the full patterns run only near them."""
    st = _toml("markers.toml")["style"]
    return {
        # case variants spelled out: a case-sensitive trie scans many times faster than (?i:)
        "republican": re.compile(
            _alt([v for f in _rep_months() for v in (f, f.capitalize(), f.upper())])
        ),
        "rep_year": re.compile(r"(?:[Yy]ear|YEAR)\s+[IVX]"),
        "paren": re.compile(r"[(\[]\s?\w"),  # a bracket that opens on a word or number
        "slash": re.compile(r"[A-Za-z.]\s?/\s?\d"),  # October/6 November, Oct./7 Nov.
        "slash_days": re.compile(r"\d\s?/\s?\d{1,2}\s+[A-Za-z]"),  # 10/23 March
        "slash_year": re.compile(r"\d{4}\s?/\s?\d{1,2}(?!\d)"),  # 1714/15
        "style": re.compile("|".join(st["julian"] + st["gregorian"])),
    }


def _scan(
    rx: re.Pattern[str], text: str, hits: list[tuple[int, int]], before: int, after: int
) -> Iterator[re.Match[str]]:
    """``rx`` matches near anchor hits: the windows around the hits are merged, so each stretch
    of text is scanned once however dense the hits (a line of "((((" stays linear)."""
    lo_prev, hi_prev = -1, -1
    spans: list[tuple[int, int]] = []
    for a0, a1 in hits:
        lo, hi = max(0, a0 - before), min(len(text), a1 + after)
        if lo <= hi_prev:
            hi_prev = max(hi_prev, hi)
            continue
        if hi_prev >= 0:
            spans.append((lo_prev, hi_prev))
        if lo:
            sp = text.find(" ", lo, a0)
            lo = sp + 1 if sp >= 0 else lo
        lo_prev, hi_prev = lo, hi
    if hi_prev >= 0:
        spans.append((lo_prev, hi_prev))
    for lo, hi in spans:
        yield from rx.finditer(text, lo, hi)


def find(text: str) -> list[Candidate]:
    """Historical candidates in ``text``, non-overlapping, longest first, in text order."""
    if not text:
        return []
    found: list[Candidate] = []
    pats = _patterns()
    need = {"paren": ("(", "["), "slash": ("/",), "slash_days": ("/",), "slash_year": ("/",)}
    hits = {
        k: [a.span() for a in rx.finditer(text)]
        if any(ch in text for ch in need.get(k, ("",)))  # a C-speed test skips whole scans
        else []
        for k, rx in _anchors().items()
    }
    for key, build, anchor, before, after in _BUILDERS:
        for m in _scan(pats[key], text, hits[anchor], before, after):
            c = build(m)
            if isinstance(c, list):
                found.extend(c)
            elif c is not None:
                found.append(c)
    found.extend(_events(text))
    # overlaps: one sweep in text order, keeping the higher priority, then the longer span
    found.sort(key=lambda c: (c.start, -(c.end - c.start), -c.priority))
    out: list[Candidate] = []
    for c in found:
        if out and c.start < out[-1].end:
            last = out[-1]
            if (c.priority, c.end - c.start) > (last.priority, last.end - last.start):
                out[-1] = c
            continue
        out.append(c)
    return out
