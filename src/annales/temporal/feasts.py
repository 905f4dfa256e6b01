"""Historical day names: Roman days, saints' days and church feasts, canonical hours, a ship's
watches and bells.

- "the Ides of March", "the Kalends of October", "the ninth day before the Kalends of October"
  (Roman counting is inclusive: the Kalends are the first day, so the ninth day before them is
  23 September), "the day before the Ides": a DATE in the story's year (``BC0044-03-15``).
- "the feast of St. Martin", "St. Martin's day", "the Assumption of our Lady", "All Saints",
  "the morrow of Michaelmas" (the day after), "the eve/vigil of St. Andrew" (the day before),
  "the octave of St. Hilary" (a week after), "the Tuesday next after the feast of St. Martin",
  "the Monday before Easter" (the first such weekday strictly after / before the feast, in the
  document's calendar: a medieval text's Easter and weekdays are Julian).
- "the hour of prime", "vespers", "compline", "the hour of none": a part of the story's day.
- "the forenoon watch", "the dog watches", "4 bells in the afternoon watch": a part of the
  story's day or its clock time (N bells are N half-hours into the watch).

The words and days are the lexicon's ([roman_days], [saints], [feasts], [feast_days],
[canonical_hours], [watches] ...); this module only computes. Each kind is registered in
``normalise._KINDS`` (see the end of this module).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from annales.temporal import anchor as A
from annales.temporal import normalise as N
from annales.temporal.recognise import Hit
from annales.temporal.types import Candidate

_ROMAN_NUMERAL = re.compile(r"^[ivx]+$", re.IGNORECASE)
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}


def _roman_numeral(s: str) -> int | None:
    if not _ROMAN_NUMERAL.match(s):
        return None
    total, prev = 0, 0
    for ch in reversed(s.lower()):
        v = _ROMAN_VALUES[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


def _count(s: str | None, ctx: N.Context) -> int | None:
    """ "ninth", "9th", "IX" -> 9."""
    if not s:
        return None
    s = s.strip()
    if s[0].isdigit():
        return int(re.match(r"\d+", s).group())  # type: ignore[union-attr]
    got = ctx.lex.lookup("ordinals", s)
    if isinstance(got, int):
        return got
    return _roman_numeral(s)


def _dated(
    hit: Hit, ctx: N.Context, value: Any, year: int | None, month: int | None = None
) -> Candidate:
    """A DATE from ``value(year) -> str | None`` (None: no such day): of the stated year, or
    of the story's year (the nearest year to the DCT in news, as a holiday is)."""
    if year is not None:
        return N._cand(hit, "DATE", value(year) or "XXXX-XX-XX")
    static = value(None) or "XXXX-XX-XX"

    def r(ref: str | None) -> str:
        rf = A.parse_ref(ref)
        if rf is None:
            return static
        y = rf.year
        if ctx.mode == "news" and rf.month is not None and month is not None:
            y = N._nearest_year(month, None, rf, N._direction(hit, ctx)) or y
        v = str(value(y) or static)
        c.sets_reference = _goes_on(rf, v, ctx.calendar)
        return v

    c = N._cand(hit, "DATE", static, r)
    return c


#: How far (days) a feast of the story's year may lie after the story's day and still be where
#: the story goes on: further on, or before it, it is named in passing ("waited on the King at
#: Saint-Cloud on the festival of St. Peter and St. Paul", told among the events of February)
STORY_REACH = 92


def _goes_on(rf: A.Ref, value: str, cal: str) -> bool:
    """Does the story move on to ``value``, a day in its year, from where it is (``rf``)?"""
    if rf.month is None:
        return True  # "In 1360 ... on St. Martin's day": the story's first day that year
    day = A.ref_day(A.parse_ref(value))
    if day is None:
        return True
    gap = A.jdn(*day, cal) - A.jdn(rf.year, rf.month, rf.day or 1, cal)
    return 0 <= gap <= STORY_REACH


# ----------------------------------------------------------------------------- Roman days


def _without_a_count(hit: Hit, ctx: N.Context) -> Hit:
    """The match without a number after it that counts things rather than naming the year
    ("on St. Martin's day 1200 men were slain", "the Ides of March 1200 horses")."""
    g = hit.groups
    y = g.get("year") or g.get("ryear")
    if not y or N._next_word(ctx.text, hit.end).lower() not in ctx.lex.lists["year_not_before"]:
        return hit
    end = ctx.text.rfind(y, hit.start, hit.end)
    while end > hit.start and ctx.text[end - 1] in " \t\n,":
        end -= 1
    groups = {k: v for k, v in g.items() if k not in ("year", "ryear", "era")}
    return replace(hit, end=end, groups=groups, match_end=end)


def roman_day(hit: Hit, ctx: N.Context) -> Candidate | None:
    hit = _without_a_count(hit, ctx)
    g, lex = hit.groups, ctx.lex
    word = g["romanday"]
    spec = lex.lookup("roman_days", word)
    if spec is None:
        return None
    month = N._month(g, lex)
    if month is None and not (
        N._cap(word) and (g.get("rcount") or g.get("rprev") or g.get("pridie"))
    ):
        # "the Calends, the Nones, and the Ides" of every month; "the day before the Ides" is
        # of the story's month
        return None
    if (
        g.get("month")
        and g["month"].lower() in lex.lists["ambiguous_months"]
        and not N._cap(g["month"])
    ):
        return None
    back = 0
    if g.get("rcount"):
        n = _count(g["rcount"], ctx)
        if n is None or not 2 <= n <= 19:
            return None
        back = n - 1  # inclusive: the day itself is the first
    elif g.get("rprev") or g.get("pridie"):
        back = 1
    long_months = frozenset(lex.data["roman_calendar"]["long_months"])
    year: int | None = None
    if g.get("ryear"):
        year = int(g["ryear"])
        era = lex.lookup("eras", g.get("era"))
        if year == 0 or era not in ("BC", "AD"):
            return None
        year = 1 - year if era == "BC" else year
    elif g.get("year"):
        year = N._year(g["year"])

    def day_of(m: int) -> int:
        days = [int(x) for x in str(spec).split("/")]
        return days[0] if len(days) == 1 or m in long_months else days[1]

    def value(y: int | None, m: int | None = month) -> str | None:
        if m is None:
            return None if y is None else f"{A.fmt_year(y)}-XX-XX"
        cal = "julian" if y is None or y < 1583 else ctx.calendar
        yy, mm, dd = A.add_days(2001 if y is None else y, m, day_of(m), -back, cal)
        if y is None:
            return f"XXXX-{mm:02d}-{dd:02d}"
        if not A.four_digit_year(yy):
            return None
        return A.fmt_date(yy, mm, dd)

    if month is not None:
        c = _dated(hit, ctx, value, year, month)
        if back or year is not None:
            # a day counted back from the Ides, or of another year, is not the Ides of March
            # that the historical events name (44 BC): as sure as they are, and longer
            c.priority = 1
        return c

    # "the day before the Ides": of the story's month
    def r(ref: str | None) -> str:
        rf = A.parse_ref(ref)
        if rf is None or rf.month is None:
            return value(rf.year if rf else None) or "XXXX-XX-XX"
        return value(rf.year, rf.month) or "XXXX-XX-XX"

    return N._cand(hit, "DATE", "XXXX-XX-XX", r, anaphoric=True)


# ----------------------------------------------------------------------------- feasts


def _name_key(s: str) -> str:
    return " ".join(s.lower().replace("’", "'").split())


def _feast_spec(hit: Hit, ctx: N.Context) -> tuple[str | None, bool]:
    """The feast's day ("MM-DD", "easter+N") and whether it names itself (a saint alone, or a
    [holidays] feast, needs a "feast of", a relation or a "'s day" to be a day)."""
    g, lex = hit.groups, ctx.lex
    days: dict[str, Any] = lex.data["feast_days"]
    kind_w = g.get("feastkind")
    saint_w = g.get("saint")
    holy_w = g.get("holyname")
    if saint_w or holy_w:
        if saint_w:
            if not N._cap(saint_w):
                return None, False
            own = lex.lookup("saints", saint_w)
            canon = _name_key(saint_w)
        else:
            assert holy_w is not None
            if not any(c.isupper() for c in holy_w):
                return None, False
            own = None
            canon = str(lex.lookup("holy_names", holy_w))
        if kind_w:
            if not N._cap(kind_w):
                return None, False
            kind = lex.lookup("feast_kinds", kind_w)
            spec = days.get(f"{kind} of {canon}")
            return (str(spec) if spec else None), True
        if holy_w:
            return None, False  # "of our Lady" without what of her
        return (str(own) if own else None), False
    if g.get("kind_alone"):
        w = g["kind_alone"]
        kind = lex.lookup("feast_kinds", w)
        said = ctx.text[hit.start : hit.end]
        if not N._cap(w) or kind is None or not re.search(rf"\bthe\s+{re.escape(w)}", said, re.I):
            return None, False  # "the Assumption", not "Ascension Island"
        if kind in days.get("needs_feast_of", ()) and not (
            g.get("ffeast") or g.get("feastrel") or g.get("fweekday")
        ):
            return None, False  # "the Nativity" is as often the scene painted
        spec = days.get(str(kind))
        return (str(spec) if spec else None), True
    if g.get("feast"):
        w, before = g["feast"], (g.get("fall") or "").lower()
        if not N._cap(w) or (before and not N._cap(g["fall"])):
            return None, False
        if _name_key(w) in lex.data["feast_context_words"]["need_all"] and before != "all":
            return None, False  # "the saints", "Hallows"
        return lex.lookup("feasts", w), True
    if g.get("feastweek"):
        w = g["feastweek"]
        spec = lex.lookup("feast_weeks", w)
        if not N._cap(w) or spec is None:
            return None, False
        wd = g.get("fweekdayof")
        if wd is None:  # "Septuagesima"; not "low" alone
            ok = _name_key(w) in lex.data["feast_weeks_info"]["alone"]
            return (str(spec) if ok else None), True
        n = lex.lookup("weekdays", wd)
        if not N._cap(wd) or n is None:
            return None, False
        k = int(n) % 7  # the days after its Sunday: "Hock Tuesday" is Low Sunday + 2
        base = re.match(r"easter([+-]\d+)$", str(spec))
        return (f"easter{int(base[1]) + k:+d}" if base else None), True
    if g.get("fholiday"):
        if not N._cap(g["fholiday"]):
            return None, False
        return lex.lookup("holidays", g["fholiday"]), False
    return None, False


def _names_a_thing(hit: Hit, ctx: N.Context) -> bool:
    """Is the feast or hour part of a name or a noun's qualifier ("All Saints church", "St.
    Bartholomew's Day Massacre", "vespers bell")?"""
    nxt = N._next_word(ctx.text, hit.end).lower()
    return nxt in ctx.lex.lists["feast_not_before"]


_NEXT_CAPITAL = re.compile(r"[ \t]+([A-Z][a-z]+)")


def _before_a_name(hit: Hit, ctx: N.Context) -> bool:
    """Is an hour's word the first of a name ("the Prime Minister", "Vespers Street")? A
    month or weekday after it is a date ("at vespers Sunday")."""
    m = _NEXT_CAPITAL.match(ctx.text, hit.end)
    if m is None:
        return False
    w = m.group(1)
    return not (ctx.lex.lookup("months", w) or ctx.lex.lookup("weekdays", w))


def _after_preposition(hit: Hit, ctx: N.Context) -> bool:
    """Is the word before the match a preposition of time ("after vespers")?"""
    return N._prev_word(ctx.text, hit.start) in ctx.lex.lists["feast_time_prepositions"]


_COMMA_BEFORE = re.compile(r",\s*$")


def _apposed(hit: Hit, ctx: N.Context) -> bool:
    """Does the feast follow a full date and a comma ("on 25 October 1415, the feast of St.
    Crispin")? Then it is the date's other name, as encyclopedias are annotated, not another
    day; a story's "on the twenty-fourth of June, the day of St. John the Baptist" gives its
    day a second name, a timex of its own, as narrative annotators mark it (and "on Friday,
    the feast of St. Crispin" tells the day the weekday does not)."""
    if not _COMMA_BEFORE.search(ctx.text, max(0, hit.start - 4), hit.start):
        return False
    w = N._prev_word(ctx.text, hit.start)
    return len(w) == 4 and w.isdigit()


_FEAST_DATE = re.compile(r"(BC)?(\d{4})-(\d\d)-(\d\d)$")


def feast(hit: Hit, ctx: N.Context) -> Candidate | None:
    hit = _without_a_count(hit, ctx)
    g, lex, cal = hit.groups, ctx.lex, ctx.calendar
    spec, named = _feast_spec(hit, ctx)
    if not spec or not re.match(r"\d\d-\d\d$|easter[+-]\d+$", spec):
        return None
    shift = 0
    told = named or bool(g.get("ffeast") or g.get("ffeast_h"))
    if g.get("feastsuffix"):
        shift += int(lex.lookup("feast_suffixes", g["feastsuffix"]) or 0)
        told = True
    if g.get("feastrel"):
        shift += int(lex.lookup("feast_relations", g["feastrel"]) or 0)
        told = True
    wd: int | None = None
    if g.get("fweekday"):
        if not N._cap(g["fweekday"]):
            return None
        wd = lex.lookup("weekdays", g["fweekday"])
        told = True
    if not told:
        return None  # "St. Martin" alone is the saint (or his church), "Easter" the holiday rule's
    if (g.get("kind_alone") or g.get("feast")) and not (
        g.get("ffeast") or g.get("feastrel") or wd or g.get("year")
    ):
        if not _after_preposition(hit, ctx):
            return None  # "painted the Annunciation", "buried in All Saints'"
        if _name_key(g.get("feast") or "") in lex.data["feast_context_words"]["not_alone"]:
            return None  # "studied at Trinity"
    if g.get("fholiday") and not (g.get("feastrel") or wd or g.get("ffeast") or g.get("ffeast_h")):
        return None  # the holiday rule tells "Christmas", "Christmas eve"
    if _names_a_thing(hit, ctx):
        return None
    if not (g.get("feastrel") or wd or g.get("year")) and _apposed(hit, ctx):
        return None  # "on 25 October 1415, the feast of St. Crispin": the date's other name
    after = (g.get("fdir") or "").lower() == "after"
    nth = lex.lookup("ordinals", g.get("fnth")) if g.get("fnth") else 1  # "the third Sunday after"
    if not isinstance(nth, int) or not 1 <= nth <= 27:
        return None
    fixed = re.match(r"(\d\d)-(\d\d)$", spec)

    def value(y: int | None) -> str | None:
        if y is None:
            if not fixed or wd is not None:
                return None
            yy, mm, dd = A.add_days(2001, int(fixed[1]), int(fixed[2]), shift)
            return f"XXXX-{mm:02d}-{dd:02d}"
        if not A.four_digit_year(y):
            return None
        m = _FEAST_DATE.match(N._holiday_date(spec, y, cal))
        if m is None:
            return None
        day = (1 - int(m[2]) if m[1] else int(m[2]), int(m[3]), int(m[4]))
        day = A.add_days(*day, shift, cal)
        if wd is not None:
            here = A.weekday(*day, cal)
            step = ((wd - here) % 7 or 7) if after else -((here - wd) % 7 or 7)
            day = A.add_days(*day, step + 7 * (nth - 1) * (1 if after else -1), cal)
        return A.fmt_date(*day)

    return _dated(hit, ctx, value, N._year(g.get("year")), int(fixed[1]) if fixed else None)


# ----------------------------------------------------------------------------- hours


def _story_time(hit: Hit, ctx: N.Context, part: str, days: int = 0) -> Candidate:
    """A part of the story's day ("MO") or its clock time ("12:00"), ``days`` after it."""
    cal = ctx.calendar
    suffix = f"T{part}"

    def r(ref: str | None) -> str:
        rf = A.parse_ref(ref)
        v = A.shift(rf, "D", days, cal) if rf else None
        return (v or "XXXX-XX-XX") + suffix

    # (a time of the next day is no clock of the day named beside it, which the engine would
    # give a clock value "XXXX-XX-XXT..." of its own: the resolver gives its value anyway)
    static = "XXXX-XX-XX" if days else f"XXXX-XX-XX{suffix}"
    c = N._cand(hit, "TIME", static, r, anaphoric=True)
    c.sets_reference = False  # the story's day already
    return c


def canonical_hour(hit: Hit, ctx: N.Context) -> Candidate | None:
    g, lex = hit.groups, ctx.lex
    if g.get("chnone"):
        part = lex.data["canonical_context"]["hour_of_none"]
        return _story_time(hit, ctx, str(part))
    word = g.get("canonhour") or ""
    part = lex.lookup("canonical_hours", word)
    if part is None or _names_a_thing(hit, ctx) or _before_a_name(hit, ctx):
        return None
    if not g.get("chour"):
        if N._prev_word(ctx.text, hit.start) not in lex.lists["canonical_after"]:
            return None  # "sang vespers", "the Sicilian Vespers": a service, a name
        if word.lower() == "prime" and not N._cap(word):
            return None  # "in his prime"
    return _story_time(hit, ctx, str(part))


_WATCH = re.compile(r"(\d+)-(\d+) (\w+)$")


def ship_watch(hit: Hit, ctx: N.Context) -> Candidate | None:
    g, lex = hit.groups, ctx.lex
    spec = lex.lookup("watches", g.get("watch"))
    m = _WATCH.match(spec or "")
    if m is None:
        return None
    first, last, part = int(m[1]), int(m[2]), m[3]
    if not g.get("bells") and (_names_a_thing(hit, ctx) or not _after_preposition(hit, ctx)):
        return None  # "he had the first watch": a turn of duty
    if not g.get("bells"):
        return _story_time(hit, ctx, part)
    bells = g["bells"]
    n = int(bells) if bells.isdigit() else lex.lookup("numbers", bells)
    if not isinstance(n, int) or not 1 <= n <= 8:
        return None
    minutes = first * 60 + 30 * n
    if minutes > last * 60:
        if n != 8:
            return None  # no fifth bell in a two-hour dog watch
        minutes = last * 60  # eight bells end every watch
    days, minutes = divmod(minutes, 24 * 60)
    return _story_time(hit, ctx, f"{minutes // 60:02d}:{minutes % 60:02d}", days)


KINDS = {
    "roman_day": roman_day,
    "feast": feast,
    "canonical_hour": canonical_hour,
    "ship_watch": ship_watch,
}
N._KINDS.update(KINDS)  # (normalise imports this module at its end)
