"""Dates shifted from an anchor: "two days before Christmas", "three weeks after the
armistice", "a week before that". The tagger leaves the duration as a DURATION and the anchor
as its own date (or no date at all when the anchor is an event); here the event governed by
the duration gets the anchor's date moved by the duration.

Words live in ``data/gazetteer/cues.toml`` (``[shifts]``).
"""

from __future__ import annotations

import calendar as _cal
import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from annales.chronicle import Timex
from annales.nlp import data_toml

_AMOUNT = re.compile(r"^P(\d+)([DWMY])$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True, slots=True)
class Shift:
    """A DURATION timex that moves an anchor: ``sign`` -1 before, +1 after; the anchor is a
    date timex (``anchor_time``), the running date (``this``) or an earlier event named by a
    noun (``anchor_word``: "the armistice")."""

    sign: int
    amount: str
    anchor_time: str | None = None
    anchor_word: str | None = None
    this: bool = False


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str]]:
    d = data_toml("cues.toml")["shifts"]

    def alt(words: list[str]) -> str:
        return "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)

    prep = re.compile(
        rf"\s+(?:(?P<before>{alt(d['before'])})|(?P<after>{alt(d['after'])}))\s+", re.I
    )
    this = re.compile(rf"(?:{alt(d['this'])})\b", re.I)
    noun = re.compile(r"the\s+([A-Za-z][A-Za-z-]+)", re.I)
    return prep, this, noun, frozenset(d["blockers"])


def find_shifts(text: str, timexes: Sequence[Timex]) -> dict[str, Shift]:
    """The DURATION timexes of ``text`` that shift an anchor, by timex id."""
    prep, this, noun, blockers = _patterns()
    dates = {t.start: t for t in timexes if t.type in ("DATE", "TIME")}
    out: dict[str, Shift] = {}
    for t in timexes:
        if t.type != "DURATION" or not _AMOUNT.match(t.value or ""):
            continue
        before = text[max(0, t.start - 30) : t.start].split()
        if before and before[-1].lower() in blockers:
            continue  # "for two days before the battle": how long, not when
        if _after_a_spell(text, t, before):
            out[t.id] = Shift(1, t.value, this=True)  # "After two days' bombardment the ..."
            continue
        m = prep.match(text, t.end)
        if m is None:
            continue
        sign = -1 if m.group("before") else 1
        at = m.end()
        if at in dates:
            out[t.id] = Shift(sign, t.value, anchor_time=dates[at].id)
        elif this.match(text, at):
            out[t.id] = Shift(sign, t.value, this=True)
        elif (n := noun.match(text, at)) is not None:
            out[t.id] = Shift(sign, t.value, anchor_word=n.group(1).lower())
    return out


_POSSESSIVE = re.compile(r"['’]s?\s+[a-z]", re.I)


def _after_a_spell(text: str, t: Timex, before: list[str]) -> bool:
    """Does a sentence open with "after" and a spell of something ("After two days'
    bombardment the Germans gained ...", "After a week's fighting ...")? The event comes that
    long after the running date. A bare "after two days" or a spell inside the clause
    ("gained it after a four days' bombardment") is left to the duration widening."""
    if not before or before[-1].lower() != "after" or not _POSSESSIVE.match(text, t.end):
        return False
    lead = text[max(0, t.start - 40) : t.start].rstrip()[: -len(before[-1])].rstrip()
    return lead == "" or lead[-1] in ".!?;\n"


def shift_date(value: str, shift: Shift, calendar: str = "gregorian") -> str | None:
    """``value`` moved by the shift, at the anchor's precision; None when the anchor is too
    coarse for the amount (days from a month) or not a plain date."""
    m = _AMOUNT.match(shift.amount)
    if m is None:
        return None
    n, unit = int(m.group(1)) * shift.sign, m.group(2)
    if unit in ("D", "W"):
        day = _DAY.match(value)
        if day is None:
            return None
        if calendar != "gregorian":
            from annales.temporal.calendars import to_gregorian

            g = to_gregorian(value, calendar)
            if g is None or _DAY.match(g) is None:
                return None
            moved = _dt.date.fromisoformat(g) + _dt.timedelta(days=n * (7 if unit == "W" else 1))
            from annales.temporal.calendars import convert

            try:
                return convert(moved.isoformat(), "gregorian", calendar)
            except (ValueError, KeyError, TypeError):
                return None
        moved = _dt.date.fromisoformat(value) + _dt.timedelta(days=n * (7 if unit == "W" else 1))
        return moved.isoformat()
    months = n * (12 if unit == "Y" else 1)
    if (y := _YEAR.match(value)) is not None:
        return f"{int(y.group(1)) + n:04d}" if unit == "Y" else None
    mm = _MONTH.match(value) or _DAY.match(value)
    if mm is None:
        return None
    total = int(mm.group(1)) * 12 + int(mm.group(2)) - 1 + months
    year, month = divmod(total, 12)
    if _MONTH.match(value):
        return f"{year:04d}-{month + 1:02d}"
    d = min(int(value[8:]), _cal.monthrange(year, month + 1)[1])
    return f"{year:04d}-{month + 1:02d}-{d:02d}"
