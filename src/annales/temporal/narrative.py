"""Document-level knowledge for narrative anchoring: the period a story covers.

A history book dwells in a few years (Reed: 1917–18) and glances at others ("as in 1792, on
the streets of Paris"; "the Revolution of 1905"). The running reference must follow the story,
not every glance. So the document's *period* is taken from its fully specified dates (a day or
month with its own year), and:

- a bare year far outside that period does not move the reference (a passing mention),
  unless a fully specified date of that year soon follows (a real episode: "In 1774 ...");
- a full date outside it moves the reference only until the paragraph ends (a flashback);
- a day-month with a weekday ("Wednesday, November 7th") takes the candidate year (the
  reference's, its neighbours, the dominant one) in which that weekday falls on that day.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from annales.temporal import anchor as A
from annales.temporal.calendars import DATA
from annales.temporal.types import Candidate

_FULL = re.compile(r"^(\d{4})-\d{2}(?:-\d{2})?(?:T.*)?$")
_BARE_YEAR = re.compile(r"^(\d{4})$")
MIN_DATES = 3  # fewer fully specified dates than this: no period (no policy)
MAX_SPAN = 60  # a wider spread of dated years is no single story period
MARGIN = 5  # years either side of the period still counted as inside it
MOST = 0.6  # share of the dated years a MAX_SPAN window must hold to be the story's period
MIN_WINDOW_DATES = 10  # ... out of at least this many


FOLLOW = 5000  # characters after a distant bare year in which a full date confirms it


@dataclass(frozen=True, slots=True)
class Period:
    """The years a narrative dwells in (``lo``..``hi``), its most frequent year, and where
    each year's fully specified dates stand (offsets, sorted)."""

    lo: int
    hi: int
    dominant: int
    dated: dict[int, list[int]] = field(default_factory=dict)

    dwelt: frozenset[int] = frozenset()  # years with full dates in several paragraphs
    margin: int = MARGIN  # years either side still inside (0 for a period named by a title)

    def inside(self, year: int) -> bool:
        """Is a bare year near enough to the story to move it?"""
        return self.lo - self.margin <= year <= self.hi + self.margin or year in self.dwelt

    def home(self, year: int) -> bool:
        """Is a full date's year one the story dwells in (else the date opens a flashback
        that ends with its paragraph: "drafted on November 15th, 1916" in a 1917 story)?"""
        return year == self.dominant or year in self.dwelt

    def confirmed(self, year: int, pos: int) -> bool:
        """Does a fully specified date in ``year`` follow soon after ``pos``? Then a distant
        bare year ("In 1774 ...") opens a real episode, not a passing mention."""
        at = self.dated.get(year)
        if not at:
            return False
        i = bisect_right(at, pos)
        return i < len(at) and at[i] <= pos + FOLLOW


def document_period(cands: Sequence[Candidate], breaks: Sequence[int] = ()) -> Period | None:
    """The period from the years of fully specified dates (outer tenths trimmed), or None
    when the text has too few of them to tell. A year whose full dates stand in two or more
    paragraphs (``breaks``: paragraph break offsets) is a chapter of the story, inside too
    (Carlyle opens in 1774, fifteen years before his revolution)."""
    years = []
    dated: dict[int, list[int]] = {}
    for c in cands:
        if c.resolve is None and c.type in ("DATE", "TIME"):
            m = _FULL.match(c.value)
            if m:
                years.append(int(m.group(1)))
                dated.setdefault(years[-1], []).append(c.start)
    if len(years) < MIN_DATES:
        return None
    years.sort()
    n = len(years)
    k = max(1, n // 10) if n > MIN_DATES else 0  # trim the stray outliers at either end
    lo, hi = years[k], years[n - 1 - k]
    if hi - lo > MAX_SPAN:
        # dates scattered over centuries (notes, editions, a history's asides on 1812): the
        # story's period is the span of MAX_SPAN years that holds most of them, if any does
        best, i = (0, lo, hi), 0
        for j, y in enumerate(years):
            while y - years[i] > MAX_SPAN:
                i += 1
            if j - i + 1 > best[0]:
                best = (j - i + 1, years[i], y)
        if n < MIN_WINDOW_DATES or best[0] < MOST * n:
            return None
        _, lo, hi = best
    dominant = Counter(years).most_common(1)[0][0]
    dwelt = frozenset(
        y for y, at in dated.items() if len({bisect_right(breaks, p) for p in at}) >= 2
    )
    return Period(lo, hi, dominant, dated, dwelt)


#: A body with fewer fully specified dates than this does not outweigh a year in the title.
TITLE_OUTWEIGHS = 20


def title_period(year: int, body: Period | None) -> Period | None:
    """The period of a book whose title names its year ("Russia in 1919") and whose body
    dates too little to tell: that year alone is home; another bare year is a passing mention
    unless a full date of it soon follows; another year's full date is a flashback. The body's
    few full dates are often flashbacks ("from March till October 1917"): they do not count,
    unless there are enough of them to make the body's own period (then that one stands)."""
    if body is not None and sum(map(len, body.dated.values())) >= TITLE_OUTWEIGHS:
        return body
    return Period(year, year, year, body.dated if body else {}, margin=0)


def bare_year(value: str) -> int | None:
    if not 4 <= len(value) <= 5:  # "1917" (or "1917\n", which the pattern also takes)
        return None
    m = _BARE_YEAR.match(value)
    return int(m.group(1)) if m else None


def weekday_year(
    month: int,
    day: int,
    weekday: int,
    ref_year: int | None,
    period: Period | None,
    calendar: str = "gregorian",
) -> int | None:
    """The first candidate year (see ``fitting_year``) in which ``day``/``month`` falls on
    ``weekday`` (ISO, 1–7). Two years either side still name one year (a day-month's weekday
    does not recur within five years): "Wednesday, November 28th" in a book of 1919 is 1917's."""

    return fitting_year(ref_year, period, lambda y: on_weekday(y, month, day, weekday, calendar))


def on_weekday(y: int, m: int, d: int, weekday: int, calendar: str = "gregorian") -> bool:
    """Whether ``y-m-d`` exists and falls on ``weekday`` (ISO, 1–7)."""
    return A.valid(y, m, d, calendar) and A.weekday(y, m, d, calendar) == weekday


def weekday_before(
    y: int, m: int, d: int, weekday: int, calendar: str = "gregorian"
) -> tuple[int, int, int]:
    """The last day before ``y-m-d`` that falls on ``weekday`` (ISO, 1–7)."""
    back = (A.weekday(y, m, d, calendar) - weekday) % 7 or 7
    return A.add_days(y, m, d, -back, calendar)


def fitting_year(
    ref_year: int | None, period: Period | None, fits: Callable[[int], bool]
) -> int | None:
    """The first year that ``fits`` among the reference's year and its neighbours, then the
    dominant year and its neighbours, one year either side before two: what a day told with
    its weekday or its movable feast ("Easter Monday, 9 April") says of its year."""
    order: list[int] = []
    for base in (ref_year, period.dominant if period else None):
        if base is not None:
            order += [base, base + 1, base - 1]
    for base in (ref_year, period.dominant if period else None):
        if base is not None:
            order += [base - 2, base + 2]
    seen: set[int] = set()
    for y in order:
        if y in seen or y < 1:
            continue
        seen.add(y)
        if fits(y):
            return y
    return None


SWITCH_DAYS = 240  # a day-month this far from the reference in its year is in the next/last


@lru_cache(maxsize=4096)  # pure; a list of dates asks the same few questions again and again
def nearest_year(
    month: int, day: int | None, year: int, ref_month: int, ref_day: int | None
) -> int:
    """The year for ``day``/``month`` seen from a reference in ``year``: the reference's own
    year unless the date lies more than ~8 months from it there and the neighbouring year
    puts it nearer ("January 3rd" after 20 December 1917 is 1918; "November 8th" after
    "a month later" in January 1918 is 1917)."""

    def dist(y: int) -> float:
        return (y - year) * 365 + (month - ref_month) * 30.5 + ((day or 15) - (ref_day or 15))

    here = abs(dist(year))
    if here <= SWITCH_DAYS:
        return year
    best = min((year - 1, year + 1), key=lambda y: abs(dist(y)))
    return best if abs(dist(best)) < here else year


def home_year_nearer(
    month: int, day: int | None, year: int, ref_month: int, ref_day: int | None, period: Period
) -> int | None:
    """From a reference outside the story's years (a glance ahead: "on 1 January 1915 the
    Formidable was sunk" in a chapter on 1914), a day-month without its year returns to the
    neighbouring home year when it lies nearer there ("... rammed a submarine on 6 August")."""
    if period.home(year):
        return None

    def dist(y: int) -> float:
        return abs((y - year) * 365 + (month - ref_month) * 30.5 + ((day or 15) - (ref_day or 15)))

    here = dist(year)
    for y in (year - 1, year + 1):
        if period.home(y) and dist(y) < here:
            return y
    return None


#: a famous day (data/famous_days.tsv) is meant by its day and month alone in a story set
#: from this many years before it ("the 10th of August" foretold in 1790) ...
FAMOUS_BEFORE = 3
#: ... to this many after it (Mignet's "after the 31st of May" in 1795)
FAMOUS_AFTER = 10


@lru_cache(maxsize=1)
def _famous_days() -> dict[tuple[int, int, str], tuple[int, ...]]:
    out: dict[tuple[int, int, str], list[int]] = {}
    path = DATA / "famous_days.tsv"
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4 or not re.fullmatch(r"\d\d-\d\d", fields[0]):
            raise ValueError(f"{path}:{n}: expected month-day, year, calendar, note")
        key = (int(fields[0][:2]), int(fields[0][3:]), fields[2])
        out.setdefault(key, []).append(int(fields[1]))
    return {k: tuple(v) for k, v in out.items()}


def famous_year(month: int, day: int, near: int, calendar: str) -> int | None:
    """The year of the famous day ``day``/``month`` (counted in ``calendar``) that a story set
    in ``near`` means by it, the nearest if two are near; None when none is."""
    years = [
        y
        for y in _famous_days().get((month, day, calendar), ())
        if y - FAMOUS_BEFORE <= near <= y + FAMOUS_AFTER
    ]
    return min(years, key=lambda y: (abs(y - near), y)) if years else None


def paragraph_end(text_breaks: Sequence[int], pos: int) -> int:
    """The offset of the first paragraph break after ``pos`` (or a very large number)."""
    i = bisect_right(text_breaks, pos)
    return text_breaks[i] if i < len(text_breaks) else 1 << 62


_PARA = re.compile(r"\n[ \t]*\n")


def paragraph_breaks(text: str) -> list[int]:
    return [m.start() for m in _PARA.finditer(text)]


#: a section's heading: a short line of its own after a blank line (or the text's start), with
#: no sentence's end ("Siege", "CHAPTER IV", "2. The march on Delhi"); a blank line or the
#: text's end follows it
_HEADING = re.compile(r"(?:\A|\n[ \t]*\r?\n)[ \t]*([^\n]{1,60}?)[ \t]*\r?(?=\n[ \t]*\r?\n|\n?\Z)")
_HEADING_TEXT = re.compile(r"^(?:#+\s*|\d+(?:\.\d+)*\.?\s+)?(.*?)[\s:]*$")
_SENTENCE_END = re.compile(r"[.!?;,]['\"’”)]*$")
HEADING_WORDS = 8  # a longer line is a sentence, not a heading


def _heading_name(line: str) -> str | None:
    """A heading line's words in lower case ("2. Background:" -> "background"), else None."""
    if _SENTENCE_END.search(line) or not line[:1].isalnum() or line[:1].islower():
        return None
    m = _HEADING_TEXT.match(line)
    words = m.group(1).split() if m is not None else []
    return " ".join(words).lower() if 0 < len(words) <= HEADING_WORDS else None


def lookback_sections(text: str, names: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of the sections headed by one of ``names`` ("Background", "Prelude"):
    in an article on a siege they tell what came before it, and the section after goes on
    from where the article stood before them (its "On 30 June" is the siege's year, not the
    background's). Each runs to the next heading or the text's end."""
    out: list[tuple[int, int]] = []
    named = ((m.start(1), m.end(1), _heading_name(m.group(1))) for m in _HEADING.finditer(text))
    heads = [h for h in named if h[2] is not None]
    for i, (_, end, name) in enumerate(heads):
        if name in names:
            stop = heads[i + 1][0] if i + 1 < len(heads) else len(text)
            out.append((end, stop))
    return out


def in_parentheses(text: str, start: int, end: int, reach: int = 200) -> bool:
    """Whether [start, end) sits inside a parenthesis of its sentence ("(16/28 August)")."""
    return enclosed(text, start, end, "(", ")", reach)


def enclosed(text: str, start: int, end: int, opening: str, closing: str, reach: int) -> bool:
    """Whether [start, end) sits between an unclosed ``opening`` and its ``closing``, both
    within ``reach`` characters."""
    lo = max(0, start - reach)  # searched in place: no slices of the text either side
    op = text.rfind(opening, lo, start)
    if op < 0 or text.rfind(closing, lo, start) > op:
        return False
    cl = text.find(closing, end, end + reach)
    return cl >= 0 and text.find(opening, end, cl) < 0


# "[Footnote 18: ...]", "[Note: ...]": the notes Project Gutenberg keeps inline (a
# "[Sidenote: A.D. 180]" is a marginal date that dates the story, so it is not one)
_NOTE_OPEN = re.compile(r"\[(?:Footnote|Note)\b[^\]:\n]{0,12}:", re.IGNORECASE)
_NOTE_MAX = 20_000  # a note longer than this is unclosed text, not a note


def note_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the inline notes of an e-text, in order: a scholar's footnote ("printed
    at Leyden in the year 1731") is not where the story stands. Brackets nest."""
    out: list[tuple[int, int]] = []
    pos = 0
    while True:
        m = _NOTE_OPEN.search(text, pos)
        if m is None:
            return out
        depth, i, stop = 1, m.end(), min(len(text), m.start() + _NOTE_MAX)
        while i < stop and depth:
            c = text[i]
            if c == "[":
                depth += 1
            elif c == "]":
                depth -= 1
            i += 1
        if depth == 0:
            out.append((m.start(), i))
            pos = i
        else:
            pos = m.end()


def in_spans(spans: Sequence[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` lies inside one of the sorted, disjoint ``spans``."""
    i = bisect_right(spans, (pos, sys.maxsize)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


_DATELINE_PLACE = re.compile(r"[ \t]*(?:[A-Z][\w'’.-]*[ \t]+){0,4}[A-Z][\w'’.-]*,[ \t]*$")
_DATELINE_END = re.compile(r"[ \t.]*(?=\n|\Z)")
DATELINE_REACH = 300  # a dateline's place is a few words: its line starts this close


def in_dateline(text: str, start: int, end: int) -> bool:
    """Whether [start, end) is the date of a dateline standing alone as a paragraph: "Bentinck
    Street, February 1, 1776." under a preface, "Petrograd, November 18th, 1917." under a
    decree. It dates the writing of a document, not the moment the story has reached.
    Looks no further than the dateline itself could reach (a book on one line stays linear)."""
    lo = max(0, start - DATELINE_REACH)
    nl = text.rfind("\n", lo, start)
    if nl < 0 and lo > 0:
        return False
    ls = nl + 1
    tail = _DATELINE_END.match(text, end)
    if tail is None or not _DATELINE_PLACE.match(text, ls, start):
        return False
    le = tail.end()
    before = text[max(0, ls - 3) : ls]
    after = text[le : le + 3]
    alone_before = ls == 0 or before.endswith("\n\n") or before.replace(" ", "").endswith("\n\n")
    alone_after = (
        le == len(text) or after.startswith("\n\n") or after.lstrip(" \t").startswith("\n")
    )
    return alone_before and alone_after


_WORDS_BEFORE = re.compile(r"[^\W\d_][\w-]*")


def passing_mention(
    text: str,
    start: int,
    after: frozenset[str],
    frame_nouns: frozenset[str],
    determiners: frozenset[str],
) -> bool:
    """Is the date at ``start`` governed by a noun through "of" ("its limits of 1 January
    1792", "the treaty of 3 March")? It qualifies that thing, it does not tell where the story
    is. The noun is known by a determiner before it (so "spoke of 2 June" is no such case);
    a part of a day or period ("the morning of the 7th") is no such noun."""
    before = text[max(0, start - 80) : start]
    tail = before.rstrip()
    if not tail or not tail[-1].isalpha():
        return False  # punctuation between: "the limits; 3 March ..."
    words = [w.lower() for w in _WORDS_BEFORE.findall(before)][-4:]
    if len(words) < 3 or words[-1] not in after or words[-2] in frame_nouns:
        return False
    return words[-3] in determiners or (len(words) == 4 and words[-4] in determiners)


def after_signal(text: str, start: int, signals: frozenset[str]) -> bool:
    """Does one of ``signals`` come right before ``start`` ("since 3 May", "since the 18th
    Brumaire")? Such a date starts a state lasting to the story's now, which lies later: it
    does not tell where the story is."""
    lo = max(0, start - 30)
    if not word_then_space(text, lo, start):
        return False  # the pattern cannot end here: spare its search from every start
    m = _SIGNAL_BEFORE.search(text, lo, start)
    return m is not None and m.group(1).lower() in signals


def word_then_space(text: str, lo: int, pos: int) -> bool:
    r"""Whether whitespace ends at ``pos`` right after a letter, within ``[lo, pos)``: what
    a pattern ending in ``[^\W\d_]+\s+$`` (optionally "the" and spaces) needs. A cheap
    test before such a search, which tries every start in its window (hot on date lists)."""
    i = pos
    while i > lo and text[i - 1].isspace():
        i -= 1
    if i == pos or i == lo:
        return False
    c = text[i - 1]
    return c.isalnum() and not c.isdecimal()


_SIGNAL_BEFORE = re.compile(r"([^\W\d_]+)\s+(?:[Tt]he\s+)?$")


def planned_for(
    text: str,
    start: int,
    verbs: frozenset[str],
    preps: frozenset[str],
    future: frozenset[str] = frozenset(),
    word_gap: bool | None = None,
) -> bool:
    """Is the date at ``start`` the day a plan is fixed for ("the elections are fixed for
    9 December", "the assembly was adjourned to the 14th") or a day a future clause names
    ("the Duma shall meet on 11 December")? Told before the day comes, it does not tell where
    the story is. ``word_gap``: ``word_then_space(text, start - 40, start)`` if the caller
    has it already."""
    lo = start - 40 if start > 40 else 0
    if word_gap if word_gap is not None else word_then_space(text, lo, start):
        m = _PLAN_BEFORE.search(text, lo, start)
        if m is not None and m.group(2).lower() in preps:
            # the verb right before the preposition, or with up to two words of its object
            # between ("set sentencing for Oct. 14", "fixed a day for")
            words = [w.lower() for w in _CLAUSE_WORDS.findall(text, lo, m.start(2))][-3:]
            if any(w in verbs for w in words):
                return True
    lo = start - 60 if start > 60 else 0
    # the words after the last comma or sentence end of the window ("would not invade Cuba.
    # Saturday, October 27, brought ...": another clause's auxiliary)
    stop = max(text.rfind(",", lo, start), text.rfind(".", lo, start), text.rfind(";", lo, start))
    if stop >= 0:
        lo = stop + 1
    if 2 * (start - lo) < _shortest(future):
        return False  # too few characters left for any of the words (lower-cased: 2x at most)
    for w in _CLAUSE_WORDS.findall(text, lo, start)[-FUTURE_REACH:]:
        if w.lower() in future:
            return True
    return False


@lru_cache(maxsize=64)
def _shortest(words: frozenset[str]) -> int:
    return min((len(w) for w in words), default=1 << 30)


#: Words before a date within which a future auxiliary makes it a day yet to come ("shall
#: meet on the 11th": aux, verb, preposition, article).
FUTURE_REACH = 4

_CLAUSE_WORDS = re.compile(r"[^\W\d_]+")


_PLAN_BEFORE = re.compile(r"([^\W\d_]+)\s+([^\W\d_]+)\s+(?:[Tt]he\s+)?$")
