"""Who and where a passage names, as evidence of when it is set (data/clues.tsv).

A chapter of a history that never states its year ("On the 22nd he extended his attack from
Albert to the Somme") is still dated for a careful reader by the people, places and bodies it
names: Kerensky and Kornilov act in 1917, Robespierre and Danton in 1789-1794, Passchendaele is
1917. Each clue in the gazetteer has the years in which a narrative naming it is set; the
passage's year is the one most of its clues share. The guess is only made when the clues agree
(a comparative essay naming Caesar and Napoleon gets none), and values completed from it are
marked ``inferred``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache

from annales.temporal.calendars import DATA
from annales.temporal.wordforms import _alt

#: fewest distinct clues that must share the chosen year (a lone clue must be a short episode)
MIN_AGREEING = 2
#: a lone clue dates a passage only when its years are this few (Passchendaele: 1917)
LONE_CLUE_YEARS = 2
#: share of the passage's distinct clues that must cover the chosen year
MIN_SHARE = 0.5
#: a lone clue dates a passage's month only when its months are this few (Quatre Bras: 1)
LONE_CLUE_MONTHS = 1
KINDS = frozenset({"person", "place", "body"})


@dataclass(frozen=True, slots=True)
class Clue:
    """A person, place or body of the gazetteer: the years (astronomical: 44 BC is -43) in
    which a narrative that names it is set."""

    kind: str
    names: tuple[str, ...]
    start: int
    end: int
    note: str
    # (first, last) month of a short episode as year * 12 + month - 1 (data/clue_months.tsv),
    # when its months are known: "Quatre Bras" June 1815
    months: tuple[int, int] | None = None

    @property
    def label(self) -> str:
        span = str(self.start) if self.start == self.end else f"{self.start}-{self.end}"
        return f"{self.names[0]} ({span})"


def _year(field: str) -> int:
    """A year of the file (BC as negative: -44) as an astronomical year (-43)."""
    y = int(field)
    return y + 1 if y < 0 else y


@cache
def clues() -> dict[str, Clue]:
    """Every name (as written) → its clue."""
    out: dict[str, Clue] = {}
    path = DATA / "clues.tsv"
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 5 or fields[0] not in KINDS:
            raise ValueError(f"{path}:{n}: expected kind, names, start, end, note")
        kind, names, start, end, note = fields
        clue = Clue(
            kind, tuple(x.strip() for x in names.split("|")), _year(start), _year(end), note
        )
        for name in clue.names:
            out.setdefault(name, clue)
    for (kind, first), months in _months().items():
        old = out.get(first)
        if old is None or old.kind != kind:
            raise ValueError(f"clue_months.tsv: no {kind} {first!r} in clues.tsv")
        if not old.start <= months[0] // 12 <= months[1] // 12 <= old.end:
            raise ValueError(f"clue_months.tsv: {first!r} months outside its years")
        new = replace(old, months=months)
        for name in old.names:
            if out.get(name) is old:
                out[name] = new
    return out


_MONTH_FIELD = re.compile(r"^(-?\d+)-(\d\d)$")


def _months() -> dict[tuple[str, str], tuple[int, int]]:
    """(kind, first name) → (first, last) month of data/clue_months.tsv."""
    out: dict[tuple[str, str], tuple[int, int]] = {}
    path = DATA / "clue_months.tsv"
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        ms = [_MONTH_FIELD.match(f) for f in fields[2:4]] if len(fields) == 5 else []
        if len(ms) != 2 or not all(ms) or fields[0] not in KINDS:
            raise ValueError(f"{path}:{n}: expected kind, first name, YYYY-MM, YYYY-MM, note")
        a, b = ((_year(m.group(1)) * 12 + int(m.group(2)) - 1) for m in ms if m)
        if not 0 <= (a % 12) <= 11 or b < a:
            raise ValueError(f"{path}:{n}: months out of order")
        out[(fields[0], fields[1])] = (a, b)
    return out


def agreed_month(found: Iterable[Clue], year: int) -> int | None:
    """The month (1-12) of ``year`` that most of the distinct clues in ``found`` whose months
    are known agree on ("Ligny", "Quatre Bras", "Hougoumont": June 1815), or None: at least
    MIN_AGREEING of them, and at least MIN_SHARE of those in that year, or a lone one of at
    most LONE_CLUE_MONTHS months."""
    spans = {
        id(c): c.months
        for c in found
        if c.months is not None and c.months[0] // 12 <= year <= c.months[1] // 12
    }
    if not spans:
        return None
    best: tuple[int, float, int] | None = None
    for m in range(year * 12, year * 12 + 12):
        covering = [sp for sp in spans.values() if sp[0] <= m <= sp[1]]
        weight = sum(1 / (sp[1] - sp[0] + 1) for sp in covering)
        key = (len(covering), weight, -m)
        if covering and (best is None or key > best):
            best = key
    if best is None:
        return None
    count, month = best[0], -best[2]
    only = next(iter(spans.values()))
    lone = len(spans) == 1 and only[1] - only[0] < LONE_CLUE_MONTHS
    if (count < MIN_AGREEING and not lone) or count < MIN_SHARE * len(spans):
        return None
    return month % 12 + 1


def holds_office(clue: Clue, offices: frozenset[str]) -> bool:
    """Whether the first clause of the clue's note names one of ``offices`` ("Roman emperor",
    not Napoleon's "general, First Consul and emperor": his years begin before his crown)."""
    return clue.kind == "person" and not offices.isdisjoint(
        _WORD.findall(clue.note.split(",")[0].lower())
    )


def ruler_words(offices: frozenset[str]) -> frozenset[str]:
    """The words of rulers' names (lower case): regnal years name them ("the fourteenth
    year of the Emperor Maurice"), so the tagger's vocabulary must hold them."""
    return frozenset(
        w
        for c in set(clues().values())
        if holds_office(c, offices)
        for name in c.names
        for w in _WORD.findall(name.lower())
    )


_WORD = re.compile(r"[^\W\d_]+")


def fold(text: str) -> str:
    """``text`` without accents and with straight apostrophes: histories spell the same name
    "Cortés" and "Cortes", "Narváez" and "Narvaez", "People’s" and "People's"."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text.replace("\u2019", "'"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def _folded() -> dict[str, Clue]:
    """Every name, folded, → its clue; a name the gazetteer writes in lower case ("retreat
    from Mons", "the Golden Hind") also capitalised, as titles and sentence starts write it."""
    out: dict[str, Clue] = {}
    for name, clue in clues().items():
        out.setdefault(fold(name), clue)
    for name, clue in list(out.items()):
        if name[:1].islower():
            out.setdefault(name[:1].upper() + name[1:], clue)
    return out


@cache
def _clue_rx() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alt(list(_folded()))})\b")


def named(text: str) -> list[Clue]:
    """The clues ``text`` names, in text order, once per mention (how often a clue is named
    weighs in ``agreed_year``)."""
    table = _folded()
    return [table[m.group()] for m in _clue_rx().finditer(fold(text))]


def agreed_year(
    found: Iterable[Clue],
    before: int | None = None,
    fits: Callable[[int], int] | None = None,
    stated: frozenset[int] = frozenset(),
    within: frozenset[int] | None = None,
) -> tuple[int, list[Clue]] | None:
    """The year most of the distinct clues in ``found`` share, with the clues that cover it,
    or None when they do not agree. ``before``: the year the text was written; clues that
    begin later are not its story's, and the others are cut at it. Ties go to the year in
    which more of the text's own dates fit (``fits``: its weekdays, "Sunday, the 12th of
    July"), then to a year the text states further on (``stated``: Grant's days of May
    before his dispatch "May 11, 1864"), then to the one the more often named and narrower
    clues cover (a general's war is wider than his battle), then to the later (a history
    tells of its subject's last years more than its first). ``within``: the only years the
    text allows (a regnal year's two), when the clues cover one of them."""
    named_times: dict[int, int] = {}
    distinct: dict[int, Clue] = {}
    for c in found:
        named_times[id(c)] = named_times.get(id(c), 0) + 1
        distinct.setdefault(id(c), c)
    spans: list[tuple[int, int, Clue]] = []
    for c in distinct.values():
        hi = c.end if before is None else min(c.end, before)
        if c.start <= hi:
            spans.append((c.start, hi, c))
    if not spans:
        return None
    lo, hi = min(s[0] for s in spans), max(s[1] for s in spans)
    best: tuple[int, int, bool, float, int] | None = None
    years: Iterable[int] = range(lo, hi + 1)
    if within and any(lo <= y <= hi for y in within):
        years = sorted(y for y in within if lo <= y <= hi)
    for y in years:
        covering = [s for s in spans if s[0] <= y <= s[1]]
        weight = sum(named_times[id(s[2])] / math.sqrt(s[1] - s[0] + 1) for s in covering)
        key = (len(covering), fits(y) if fits is not None else 0, y in stated, weight, y)
        if best is None or key > best:
            best = key
    assert best is not None
    count, year = best[0], best[4]
    lone = len(spans) == 1 and spans[0][1] - spans[0][0] + 1 <= LONE_CLUE_YEARS
    if len(spans) == 1 and not lone and fits is not None:
        # one clue of several years, and the text's weekdays fall right in one of them only
        # (Rommel, 1940-1944, and "Friday, the 23rd" of October: 1942)
        a, b, only = spans[0]
        scored = [(fits(y), y) for y in range(a, b + 1)]
        top = max(scored)[0]
        hits = [y for f, y in scored if f == top]
        if top > 0 and len(hits) == 1:
            return hits[0], [only]
    if not lone and (count < MIN_AGREEING or count < MIN_SHARE * len(spans)):
        return None
    return year, [s[2] for s in spans if s[0] <= year <= s[1]]


def infer(
    text: str,
    before: int | None = None,
    fits: Callable[[int], int] | None = None,
    stated: frozenset[int] = frozenset(),
    with_month: bool = False,
    within: frozenset[int] | None = None,
) -> tuple[int, int | None, str] | None:
    """(year, month or None, reason) for a passage from the people, places and bodies it
    names, or None (``before``, ``fits``, ``stated``, ``within``: as ``agreed_year``); the
    month only ``with_month``, as ``agreed_month``."""
    found = named(text)
    got = agreed_year(found, before, fits, stated, within)
    if got is None:
        return None
    year, covering = got
    month = agreed_month(found, year) if with_month else None
    shown = ", ".join(c.label for c in covering[:4]) + (" ..." if len(covering) > 4 else "")
    return year, month, f"inferred from who and what it names: {shown}"
