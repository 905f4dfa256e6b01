"""Ranges: "April 24 and 25", "6–7 November 1917", "from March to October 1917".

TimeML tags each end of such a range as its own DATE ("25" is 1999-04-25); the bare number
carries no month, so it is found here, after anchoring, from the full date beside it. Without
it a chronology loses the first day of "6–7 November" and the last of "24 and 25 April".
The first end of a range also takes its year from the second when only the second states one
("from March to October 1917" is March 1917, not the month of the story's running year).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from annales.chronicle import Timex
from annales.temporal import anchor as A
from annales.temporal.firstchars import first_chars, may_start
from annales.temporal.types import revalued

_DAY_VALUE = re.compile(r"^(-?\d{4})-(\d\d)-(\d\d)$")
_NUMBER = r"(?P<day>(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?)"


def _connector(words: frozenset[str]) -> str:
    alts = sorted((re.escape(w) for w in words), key=len, reverse=True)
    return r"(?:" + "|".join(alts) + r")"


def _patterns(
    connectors: frozenset[str],
) -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str] | None]:
    """The range patterns after and before a day, and the characters the first can start with."""
    conn = _connector(connectors)
    after = re.compile(r"\s*" + conn + r"\s*(?:the\s+)?" + _NUMBER + r"(?![\w%.,/:]\d|[\w%])")
    before = re.compile(r"(?<![\w.,/:-])" + _NUMBER + r"\s*" + conn + r"\s*(?:the\s+)?$")
    return after, before, first_chars(after.pattern, after.flags)


_CACHE: dict[frozenset[str], tuple[re.Pattern[str], re.Pattern[str], frozenset[str] | None]] = {}


def range_ends(
    text: str,
    timexes: Sequence[Timex],
    connectors: frozenset[str],
    followers: frozenset[str],
    finalise: Callable[[Timex, str], Timex] | None = None,
) -> list[Timex]:
    """``timexes`` plus a DATE for each bare day joined to a full date by a range connector,
    renumbered in text order (anchors follow their timex)."""
    pats = _CACHE.get(connectors)
    if pats is None:
        pats = _CACHE[connectors] = _patterns(connectors)
    after, before, after_first = pats
    taken: list[tuple[int, int]] | None = None  # the spans already tagged, once needed
    extra: list[Timex] = []
    for t in timexes:
        if t.type != "DATE" or t.mod is not None or len(t.value) < 10:
            continue  # not a day ("YYYY-MM-DD" at least)
        spans: list[tuple[int, int, int]] = []  # (the text first: most days have no range)
        if (t.text[-1:].isdigit() or t.text[-2:] in ("st", "nd", "rd", "th")) and may_start(
            text, t.end, after_first
        ):
            ma = after.match(text, t.end)  # "April 24 and 25"
            if ma is not None and _ends_clause(text, ma.end(), followers):
                spans.append((ma.start("day"), ma.end("day"), _day(ma.group("day"))))
        if t.text[:1].isdigit() or t.text.lower().startswith("the "):
            lo = max(0, t.start - 16)
            mb = before.search(text[lo : t.start])  # "6–7 November 1917"
            if mb is not None:
                spans.append((lo + mb.start("day"), lo + mb.end("day"), _day(mb.group("day"))))
        if not spans:
            continue
        m = _DAY_VALUE.match(t.value)
        if m is None:
            continue
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        for s, e, day in spans:
            if day == d or not A.valid(y, mo, day, t.calendar):
                continue
            if (s > t.start) != (day > d):  # "25 and 24 April" is no range
                continue
            if taken is None:
                taken = [(x.start, x.end) for x in timexes]
            if any(a < e and s < b for a, b in taken):
                continue
            new = replace(
                t,
                id=f"{t.id}.{len(extra)}",
                start=s,
                end=e,
                text=text[s:e],
                value=A.fmt_date(y, mo, day),
                gregorian=None,
                edtf=None,
                label=None,
                anchor=t.id,
            )
            if finalise is not None:
                try:
                    new = finalise(new, t.calendar)
                except Exception:  # noqa: BLE001 - a range end must never sink the document
                    continue
            extra.append(new)
            taken.append((s, e))
    if not extra:
        return list(timexes)
    return _renumber(sorted([*timexes, *extra], key=lambda t: (t.start, t.end)))


_OPEN_END = re.compile(r"^(?:XXXX|-?\d{4})-(\d\d)(?:-(\d\d))?$")
_STATED_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_DATE_END = re.compile(r"^(-?\d{4})-(\d\d)(?:-(\d\d))?$")


def first_end_years(
    text: str,
    timexes: list[Timex],
    connectors: frozenset[str],
    finalise: Callable[[Timex, str], Timex] | None = None,
) -> None:
    """Give the first end of a range the year the second end states (in place)."""
    conn = re.compile(r"^\s*" + _connector(connectors) + r"\s*(?:the\s+)?$", re.IGNORECASE)
    states_year: dict[str, bool] = {}  # b.text -> whether it states a year: a list repeats them
    for i in range(len(timexes) - 1):
        a, b = timexes[i], timexes[i + 1]
        if a.type != "DATE" or b.type != "DATE":
            continue
        ma = _OPEN_END.match(a.value)
        if ma is None:
            continue  # (the cheap tests first: on a list of dates most pairs fail one)
        stated = states_year.get(b.text)
        if stated is None:
            stated = states_year[b.text] = _STATED_YEAR.search(b.text) is not None
        if not stated:
            continue
        mb = _DATE_END.match(b.value)
        if mb is None or _STATED_YEAR.search(a.text):
            continue
        if not conn.match(text[a.end : b.start]):
            continue
        year = int(mb.group(1))
        a_md = (int(ma.group(1)), int(ma.group(2) or 1))
        b_md = (int(mb.group(2)), int(mb.group(3) or 31))
        if a_md > b_md:
            year -= 1  # "from November to February 1918": November 1917
        value = A.fmt_date(year, a_md[0], int(ma.group(2)) if ma.group(2) else None)
        if value == a.value:
            continue
        moved = revalued(a, value, finalise, anchor=b.id)
        if moved is None:
            continue  # keep the first reading rather than fail
        timexes[i] = moved


def _day(s: str) -> int:
    return int(s.rstrip("stndrh"))


def _ends_clause(text: str, end: int, followers: frozenset[str]) -> bool:
    """ "24 and 25," / "24 and 25 in Rome" but not "24 and 25 delegates"."""
    rest = text[end : end + 30]
    if not rest.strip() or rest.lstrip()[:1] in ",.;:)!?\"'’”—–":
        return True
    word = re.match(r"\s+([^\W\d_]+)", rest)
    return word is not None and (word.group(1).lower() in followers or word.group(1)[0].isupper())


def _renumber(timexes: list[Timex]) -> list[Timex]:
    ids = {t.id: f"t{i}" for i, t in enumerate(timexes, start=1)}
    out = []
    for i, t in enumerate(timexes, start=1):
        out.append(replace(t, id=f"t{i}", anchor=ids.get(t.anchor or "", t.anchor)))
    return out


def weekday_range_ends(
    text: str,
    timexes: list[Timex],
    openers: frozenset[str],
    connectors: frozenset[str],
    weekdays: frozenset[str],
    finalise: Callable[[Timex, str], Timex] | None = None,
) -> None:
    """A span told by two weekdays ends after it starts: "from Friday evening until Monday"
    is the Monday after that Friday, whatever tense the sentence has (in place)."""
    conn = re.compile(r"^\s*" + _connector(connectors) + r"\s*$", re.IGNORECASE)
    opener = re.compile(r"(?:^|\W)" + _connector(openers) + r"\s+$", re.IGNORECASE)
    for i in range(len(timexes) - 1):
        a, b = timexes[i], timexes[i + 1]
        if not (_names_weekday(a.text, weekdays) and _names_weekday(b.text, weekdays)):
            continue
        ma, mb = _DAY_VALUE.match(a.value[:10]), _DAY_VALUE.match(b.value[:10])
        if ma is None or mb is None or b.value[:10] >= a.value[:10]:
            continue
        if not conn.match(text[a.end : b.start]) or not opener.search(
            text[max(0, a.start - 12) : a.start]
        ):
            continue
        y, mo, d = A.add_days(int(mb.group(1)), int(mb.group(2)), int(mb.group(3)), 7, b.calendar)
        moved = revalued(b, A.fmt_date(y, mo, d) + b.value[10:], finalise, anchor=a.id)
        if moved is not None:
            timexes[i + 1] = moved


def _names_weekday(said: str, weekdays: frozenset[str]) -> bool:
    first = said.split(None, 1)[0].lower().rstrip(",") if said.strip() else ""
    return first in weekdays
