"""Document-level knowledge for narrative anchoring: the period a story covers.

A history book dwells in a few years (Reed: 1917–18) and glances at others ("as in 1792, on
the streets of Paris"; "the Revolution of 1905"). The running reference must follow the story,
not every glance. So the document's *period* is taken from its fully specified dates (a day or
month with its own year), and:

- a bare year far outside that period does not move the reference (a passing mention);
- a full date outside it moves the reference only until the paragraph ends (a flashback);
- a day-month with a weekday ("Wednesday, November 7th") takes the candidate year (the
  reference's, its neighbours, the dominant one) in which that weekday falls on that day.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from annales.temporal import anchor as A
from annales.temporal.types import Candidate

_FULL = re.compile(r"^(\d{4})-\d{2}(?:-\d{2})?(?:T.*)?$")
_BARE_YEAR = re.compile(r"^(\d{4})$")
MIN_DATES = 3  # fewer fully specified dates than this: no period (no policy)
MARGIN = 5  # years either side of the period still counted as inside it


@dataclass(frozen=True, slots=True)
class Period:
    """The years a narrative dwells in (``lo``..``hi``) and its most frequent year."""

    lo: int
    hi: int
    dominant: int

    def inside(self, year: int) -> bool:
        return self.lo - MARGIN <= year <= self.hi + MARGIN


def document_period(cands: Sequence[Candidate]) -> Period | None:
    """The period from the years of fully specified dates (outer tenths trimmed), or None
    when the text has too few of them to tell."""
    years = []
    for c in cands:
        if c.resolve is None and c.type in ("DATE", "TIME"):
            m = _FULL.match(c.value)
            if m:
                years.append(int(m.group(1)))
    if len(years) < MIN_DATES:
        return None
    years.sort()
    n = len(years)
    k = max(1, n // 10) if n > MIN_DATES else 0  # trim the stray outliers at either end
    lo, hi = years[k], years[n - 1 - k]
    dominant = Counter(years).most_common(1)[0][0]
    return Period(lo, hi, dominant)


def bare_year(value: str) -> int | None:
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
    """The first candidate year (the reference's, then its neighbours, then the dominant
    year and its neighbours) in which ``day``/``month`` falls on ``weekday`` (ISO, 1–7)."""
    order: list[int] = []
    for base in (ref_year, period.dominant if period else None):
        if base is not None:
            order += [base, base + 1, base - 1]
    seen: set[int] = set()
    for y in order:
        if y in seen or y < 1:
            continue
        seen.add(y)
        if A.valid(y, month, day, calendar) and A.weekday(y, month, day, calendar) == weekday:
            return y
    return None


def paragraph_end(text_breaks: Sequence[int], pos: int) -> int:
    """The offset of the first paragraph break after ``pos`` (or a very large number)."""
    from bisect import bisect_right

    i = bisect_right(text_breaks, pos)
    return text_breaks[i] if i < len(text_breaks) else 1 << 62


_PARA = re.compile(r"\n[ \t]*\n")


def paragraph_breaks(text: str) -> list[int]:
    return [m.start() for m in _PARA.finditer(text)]
