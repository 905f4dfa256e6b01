"""Historical date forms the English rules do not know: Republican, dual and Old/New Style dates,
named events and periods, and year inference for narratives.

``find(text)`` returns ``Candidate``s with ``priority`` > 0, so they win over the plain rules'
overlapping candidates:

* French Republican dates ("the 9th Thermidor", "18 Brumaire an VIII", "the 1st Prairial, year
  III (20th May, 1795)"). The value is the Gregorian ISO day (see calendars.py); without a year
  the candidate carries a ``resolve`` that picks the Republican year from the narrative
  reference (or the famous year of days like 9 Thermidor).
* Dual dates ("25 October (7 November) 1917", "24 October/6 November 1917", "10 February
  1714/15"): one candidate, value on the Julian side, ``calendar="julian"``, ``gregorian`` the
  other side when both sides agree (else a warning).
* Dates marked O.S./N.S./Old Style/New Style: ``calendar`` set accordingly.
* Named events and periods after a temporal preposition ("during the Great War" → 1914/1918).

All patterns are compiled once from the data files; matching is linear in the text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from annales.temporal import calendars as cal
from annales.temporal.calendars import DATA, _toml
from annales.temporal.types import Candidate, Resolver

PRIORITY = 2
_ROMAN = {"i": 1, "v": 5, "x": 10}


# --------------------------------------------------------------------------- data and patterns


def _alt(words: list[str]) -> str:
    """A regex matching any of ``words`` (longest first), as a character trie: far faster than a
    flat alternation on long lists."""
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie(trie)


def _trie(node: dict[str, dict]) -> str:
    alts = [re.escape(ch) + _trie(child) for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" in node:  # a word ends here but longer ones go on: try them first (greedy ?)
        body = f"(?:{body})?"
    return body


@cache
def _months() -> dict[str, int]:
    return {k.lower(): v for k, v in _toml("markers.toml")["months"].items()}


@cache
def _ordinals() -> dict[str, int]:
    return dict(_toml("markers.toml")["ordinals"])


@cache
def _rep_months() -> dict[str, int]:
    out: dict[str, int] = {}
    data = _toml("republican.toml")
    for i, row in enumerate(data["months"], start=1):
        for form in row["forms"]:
            out[form.lower()] = i
    for form in data["complementary_forms"]:
        out[form.lower()] = 13
    return out


@cache
def _rep_famous() -> tuple[dict[tuple[int, int], int], int]:
    data = _toml("republican.toml")
    months = _rep_months()
    out = {}
    for key, an in data["famous"].items():
        day, name = key.split(" ", 1)
        out[(int(day), months[name.lower()])] = int(an)
    return out, int(data["famous_window_years"])


def _day(p: str) -> str:
    return rf"(?:(?P<{p}dn>\d{{1,2}})(?i:st|nd|rd|th|d)?|(?P<{p}dw>(?i:{_alt(list(_ordinals()))})))"


def _month(p: str) -> str:
    names = list(_months())
    forms = [n.capitalize() for n in names] + [n.upper() for n in names]
    return rf"(?P<{p}m>{_alt(forms)})\.?"


def _gdate(p: str) -> str:
    """A Gregorian/Julian day and month with an optional year: '22 June', 'June 22nd, 1917'."""
    dm = rf"{_day(p)}(?:\s+(?i:of))?\s+{_month(p)}"
    md = _month(p + "r") + r"\s+" + _day(p + "r")
    return rf"(?:{dm}|{md})(?:,?\s+(?P<{p}y>\d{{3,4}})(?!\d))?"


def _style(p: str) -> str:
    st = _toml("markers.toml")["style"]
    return rf"(?:(?P<{p}jul>{'|'.join(st['julian'])})|(?P<{p}greg>{'|'.join(st['gregorian'])}))"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    rmonth = rf"(?P<rm>(?i:{_alt(list(_rep_months()))}))(?![\w])"
    ryear = (
        r"(?:,?\s+(?i:(?:in\s+|of\s+)?(?:the\s+)?(?:year|an))\s+"
        r"(?P<ry>[IVXivx]{1,5}|\d{1,2})(?![\w])(?:\s+(?i:of\s+the\s+Republic))?)?"
    )
    rdate = rf"(?<![\w])(?:{_day('r')})(?:\s+(?i:of))?\s+{rmonth}{ryear}"
    gparen = rf"(?:\s*[(\[]\s*{_gdate('g')}\s*[)\]])?"
    style_a, style_b = _style("sa"), _style("sb")
    return {
        # the 1st Prairial, year III (20th May, 1795)
        "republican": re.compile(rdate + gparen),
        # 14th of June (25th Prairial)
        "republican_rev": re.compile(
            rf"(?<![\w]){_gdate('g')}\s*[(\[]\s*{_day('r')}(?:\s+(?i:of))?\s+{rmonth}{ryear}\s*[)\]]"
        ),
        # 25 October (7 November) 1917 ; 25 October 1917 O.S. (7 November N.S.)
        "dual_paren": re.compile(
            rf"(?<![\w]){_gdate('a')}(?:,?\s*\(?{style_a}\)?)?\s*[(\[]\s*(?i:i\.\s?e\.,?\s*|or\s+)?{_gdate('b')}"
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


# --------------------------------------------------------------------------- helpers


def _roman(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    vals = [_ROMAN.get(c) for c in text.lower()]
    if None in vals:
        return None
    total = 0
    for i, v in enumerate(vals):
        assert v is not None
        nxt = vals[i + 1] if i + 1 < len(vals) else 0
        total += -v if nxt and nxt > v else v
    return total


def _get_day(m: re.Match[str], p: str) -> int | None:
    for q in (p, p + "r"):
        dn, dw = m.groupdict().get(q + "dn"), m.groupdict().get(q + "dw")
        if dn:
            return int(dn)
        if dw:
            return _ordinals().get(dw.lower())
    return None


def _get_month(m: re.Match[str], p: str) -> int | None:
    for q in (p, p + "r"):
        name = m.groupdict().get(q + "m")
        if name:
            return _months().get(name.lower().rstrip("."))
    return None


def _get_year(m: re.Match[str], p: str) -> int | None:
    y = m.groupdict().get(p + "y")
    return int(y) if y else None


def _iso(y: int, mo: int, d: int) -> str:
    return f"{y:04d}-{mo:02d}-{d:02d}" if y > 0 else f"BC{1 - y:04d}-{mo:02d}-{d:02d}"


def _ref_ymd(ref: str | None) -> tuple[int, int, int] | None:
    if not ref:
        return None
    p = cal.parse(ref.split("/")[0])
    if p is None or p.year is None:
        return None
    return p.year, p.month or 7, p.day or 1


def _jdn(y: int, mo: int, d: int, c: str = "gregorian") -> int | None:
    try:
        return cal._jdn(c, (y, mo, d))
    except ValueError:
        return None


def _year_resolver(month: int, day: int) -> Resolver:
    """Fill the year of a day given without one from the narrative reference's year."""

    def resolve(ref: str | None) -> str:
        r = _ref_ymd(ref)
        if r is None:
            return f"XXXX-{month:02d}-{day:02d}"
        return _iso(r[0], month, day)

    return resolve


# --------------------------------------------------------------------------- Republican dates


def _rep_greg(an: int, mois: int, jour: int) -> tuple[int, int, int] | None:
    try:
        return cal.republican_to_gregorian(an, mois, jour)
    except (ValueError, IndexError):
        return None


def _rep_resolver(mois: int, jour: int, hint: tuple[int, int] | None) -> Resolver:
    """Choose the Republican year for a day given without one.

    A famous day (9 Thermidor) takes its famous year when the reference is within the window
    or outside the Republic's years altogether (a later or earlier narrative looking at it);
    otherwise the year whose day lies nearest the reference, preferring one that matches the
    Gregorian month/day given beside it (``hint``) unless that is over a year further away
    (authors' concordances are often a day off). Too far from any year of the Republic: X.
    """
    famous, window = _rep_famous()
    starts = cal._rep_starts()
    era = (starts[0], starts[14])  # 1 Vendémiaire I to the calendar's end (year XIV)

    def dist(g: tuple[int, int, int], rj: int) -> int:
        return abs((_jdn(*g) or 0) - rj)

    def resolve(ref: str | None) -> str:
        fam = famous.get((jour, mois))
        fam_g = _rep_greg(fam, mois, jour) if fam is not None else None
        r = _ref_ymd(ref)
        if r is None:
            return _iso(*fam_g) if fam_g else "XXXX-XX-XX"
        rj = _jdn(*r) or 0
        if fam_g and (dist(fam_g, rj) <= window * 366 or not era[0] - 366 <= rj <= era[1] + 366):
            return _iso(*fam_g)
        every = [g for an in range(1, 15) if (g := _rep_greg(an, mois, jour))]
        if not every:
            return "XXXX-XX-XX"
        best = min(every, key=lambda g: dist(g, rj))
        if hint is not None and (best[1], best[2]) != hint:
            matching = [g for g in every if (g[1], g[2]) == hint]
            if matching:
                alt = min(matching, key=lambda g: dist(g, rj))
                if dist(alt, rj) <= dist(best, rj) + 366:
                    best = alt
        return _iso(*best) if dist(best, rj) <= 3 * 366 else "XXXX-XX-XX"

    return resolve


def _republican(m: re.Match[str], text: str, reverse: bool = False) -> Candidate | None:
    jour = _get_day(m, "r")
    mois = _rep_months().get(m.group("rm").lower())
    if jour is None or mois is None or not 1 <= jour <= 30:
        return None
    an = _roman(m.group("ry")) if m.group("ry") else None
    if an is not None and not 1 <= an <= 14:
        an = None
    gd, gm, gy = _get_day(m, "g"), _get_month(m, "g"), _get_year(m, "g")
    hint = (gm, gd) if gd and gm else None
    warning = None
    famous, _ = _rep_famous()
    resolve: Resolver | None = None
    sets_ref = True
    if reverse and gd and gm:
        # "14th of June (25th Prairial)": the Gregorian side leads
        if gy is not None and cal.is_valid(gy, gm, gd):
            value = _iso(gy, gm, gd)
            rep = cal.republican_date(gy, gm, gd)
            if (rep[1], rep[2]) != (mois, jour) or (an is not None and rep[0] != an):
                warning = "dual date sides disagree: the Gregorian side is kept"
            resolve = None
        else:
            value, resolve = f"XXXX-{gm:02d}-{gd:02d}", _year_resolver(gm, gd)
        return Candidate(
            m.start(),
            m.end(),
            "DATE",
            value,
            calendar="french-republican",
            gregorian=None if resolve else value,
            resolve=resolve,
            warning=warning,
            source="historical:republican",
            priority=PRIORITY,
        )
    if an is None and gy is not None and hint is not None:
        try:
            an = cal.republican_date(gy, gm, gd)[0]  # type: ignore[arg-type]
        except (ValueError, IndexError):
            an = None
    if an is not None:
        g = _rep_greg(an, mois, jour)
        if g is None:
            return None
        value = _iso(*g)
        if hint is not None and (g[1], g[2]) != hint:
            warning = (
                f"dual date sides disagree: the Republican day is {value} in the Gregorian calendar"
            )
    else:
        resolve = _rep_resolver(mois, jour, hint)
        value = "XXXX-XX-XX"
        sets_ref = (jour, mois) not in famous
    return Candidate(
        start=m.start(),
        end=m.end(),
        type="DATE",
        value=value,
        calendar="french-republican",
        gregorian=None if value.startswith("X") else value,
        resolve=resolve,
        sets_reference=sets_ref,
        warning=warning,
        source="historical:republican",
        priority=PRIORITY,
    )


# --------------------------------------------------------------------------- dual and marked dates


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


def _dual_paren(m: re.Match[str]) -> Candidate | None:
    a = (_get_day(m, "a"), _get_month(m, "a"), _get_year(m, "a"))
    b = (_get_day(m, "b"), _get_month(m, "b"), _get_year(m, "b"))
    sa, sb = _style_of(m, "sa"), _style_of(m, "sb")
    forced = "a-jul" if sa == "julian" or sb == "gregorian" else None
    if sa == "gregorian" or sb == "julian":
        forced = "a-greg"
    y = int(m.group("y")) if m.groupdict().get("y") else None
    return _dual(m.start(), m.end(), a, b, y, forced)


def _dual_slash(m: re.Match[str]) -> Candidate | None:
    a = (_get_day(m, "a"), _get_month(m, "a"), _get_year(m, "a"))
    b = (_get_day(m, "b"), _get_month(m, "b"), _get_year(m, "b"))
    return _dual(m.start(), m.end(), a, b, None)


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
        return Candidate(
            m.start(),
            m.end(),
            "DATE",
            value,
            calendar="julian",
            gregorian=cal.convert(value, "julian", "gregorian"),
            source=src,
            priority=PRIORITY,
        )
    # a bare double year names England's civil year, 25 March y1 to 24 March y2
    start = m.start("y1")
    value = f"{y1:04d}-03-25/{y2:04d}-03-24"
    return Candidate(
        start,
        m.end(),
        "DATE",
        value,
        calendar="julian",
        gregorian=cal.convert(value, "julian", "gregorian"),
        source=src,
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
        return Candidate(
            m.start(),
            m.end(),
            "DATE",
            value,
            calendar=style,
            gregorian=cal.convert(value, style, "gregorian"),
            source="historical:marked",
            priority=PRIORITY,
        )
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


# --------------------------------------------------------------------------- named events


@dataclass(frozen=True, slots=True)
class Period:
    """A named historical event or period (data/events.tsv)."""

    names: tuple[str, ...]
    start: str
    end: str
    calendar: str
    note: str

    @property
    def value(self) -> str:
        return self.start if self.start == self.end else f"{self.start}/{self.end}"

    @property
    def years(self) -> int:
        return int(self.end[:4].lstrip("BC") or 0) - int(self.start[:4].lstrip("BC") or 0)


@cache
def periods() -> dict[str, Period]:
    """Every name and alias (as written) → its period."""
    out: dict[str, Period] = {}
    for line in (DATA / "events.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        names, start, end, calendar, note = line.split("\t")
        period = Period(tuple(n.strip() for n in names.split("|")), start, end, calendar, note)
        for n in period.names:
            out[n] = period
    return out


@cache
def _event_rx() -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = _alt(list(periods()))
    triggers = _alt(_toml("markers.toml")["events"]["triggers"])
    name_rx = re.compile(rf"(?<![\w])(?:[Tt]he\s+)?(?P<name>{names})(?![\w])")
    trig_rx = re.compile(rf"(?i:(?<![\w])(?:{triggers}))\s+$")
    return name_rx, trig_rx


def _events(text: str) -> list[Candidate]:
    name_rx, trig_rx = _event_rx()
    out = []
    for m in name_rx.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        if not trig_rx.search(before):
            continue
        p = periods()[m.group("name")]
        out.append(
            Candidate(
                m.start(),
                m.end(),
                "DATE",
                p.value,
                calendar=p.calendar,
                gregorian=cal.convert(p.value, p.calendar, "gregorian"),
                sets_reference=False,
                source="historical:event",
                priority=PRIORITY - 1,
            )
        )
    return out


def infer_reference(text: str, title: str | None = None) -> tuple[str, str] | None:
    """Infer a narrative's year from the named events it mentions: (year, reason) or None.

    The title counts first; in the text the most mentioned short event (ties: the earliest)
    wins. Only events shorter than ``infer_max_years`` are used.
    """
    name_rx, _ = _event_rx()
    limit = int(_toml("markers.toml")["events"]["infer_max_years"])
    for where, body in (("title", title or ""), ("text", text or "")):
        counts: Counter[Period] = Counter()
        first: dict[Period, tuple[int, str]] = {}
        for m in name_rx.finditer(body):
            p = periods()[m.group("name")]
            if p.years > limit:
                continue
            counts[p] += 1
            first.setdefault(p, (m.start(), m.group("name")))
        if counts:
            best = max(counts, key=lambda p: (counts[p], -first[p][0]))
            year = best.start[:4] if not best.start.startswith("BC") else best.start[:6]
            n = counts[best]
            return year, (
                f"inferred from “{first[best][1]}” in the {where}"
                f"{f' ({n} mentions)' if n > 1 else ''}: {best.note}"
            )
    return None


# --------------------------------------------------------------------------- find


_BUILDERS = (
    ("republican", lambda m: _republican(m, ""), "republican", 60, 110),
    ("republican_rev", lambda m: _republican(m, "", reverse=True), "republican", 90, 60),
    ("dual_paren", _dual_paren, "paren", 60, 70),
    ("dual_slash", _dual_slash, "slash", 50, 50),
    ("dual_days", _dual_days, "slash_days", 10, 30),
    ("dual_days_paren", _dual_days, "paren", 10, 40),
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
        "paren": re.compile(r"[(\[]\s?\w"),  # a bracket that opens on a word or number
        "slash": re.compile(r"[A-Za-z.]\s?/\s?\d"),  # October/6 November, Oct./7 Nov.
        "slash_days": re.compile(r"\d\s?/\s?\d{1,2}\s+[A-Za-z]"),  # 10/23 March
        "slash_year": re.compile(r"\d{4}\s?/\s?\d{1,2}(?!\d)"),  # 1714/15
        "style": re.compile("|".join(st["julian"] + st["gregorian"])),
    }


def _scan(rx: re.Pattern[str], text: str, hits: list[tuple[int, int]], before: int, after: int):
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
    hits = {k: [a.span() for a in rx.finditer(text)] for k, rx in _anchors().items()}
    for key, build, anchor, before, after in _BUILDERS:
        for m in _scan(pats[key], text, hits[anchor], before, after):
            c = build(m)
            if c is not None:
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
