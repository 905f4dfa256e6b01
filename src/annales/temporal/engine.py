"""The tagger: recognise, normalise, merge with the historical recognisers, anchor, finalise.

Anchoring walks the candidates in text order. In **news** mode deictic expressions ("Friday",
"last year") resolve against the document creation time and anaphoric ones ("the next day",
"a year earlier") against the last date the text mentioned. In **narratives** mode everything
resolves against the running reference: the last fully specified date, seeded from metadata
(``reference``) or inferred from named events, moving as the story moves.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache
from operator import attrgetter
from typing import Any

from annales.chronicle import Timex
from annales.errors import CalendarError, InputError
from annales.temporal import anchor as A
from annales.temporal import clues as _clues
from annales.temporal import narrative as N
from annales.temporal.calendars import bounds
from annales.temporal.firstchars import first_chars, may_start
from annales.temporal.language import load
from annales.temporal.normalise import (
    BARE_CLOCK,
    OF_TOLD_YEAR,
    SMALL_HOURS,
    TWO_DAY_NIGHT,
    Context,
    clause_before,
    in_quote,
    normalise,
    parse_number,
    tense,
)
from annales.temporal.ranges import first_end_years, range_ends, weekday_range_ends
from annales.temporal.recognise import Hit, TooDense, attach_modifiers, find
from annales.temporal.republican import FAMOUS, GREGORIAN_LEADS
from annales.temporal.types import Candidate, Resolver, check_field_order, revalued

MODES = ("news", "narratives")
# Beyond this many candidates, at more than one per MAX_DENSITY characters, the input is not
# prose (e.g. a 50 MB line of month names): refuse it rather than exhaust memory.
MAX_HITS = 50_000
MAX_DENSITY = 60
CALENDARS = ("gregorian", "julian", "auto")
_REFERENCE_VALUE = re.compile(
    r"^(?:BC)?\d{4}(?:-(?:\d{2}(?:-\d{2})?|Q[1-4]|H[12]|W\d{2}|SP|SU|FA|WI))?(?:T.*)?$"
)
_PERIOD_VALUE = re.compile(r"^\d{4}-(?:Q[1-4]|H[12])$")
# a value whose month, day or season is stated but whose year is left to the reference
_OPEN_YEAR = re.compile(r"^XXXX-(?:\d{2}|XX-\d{2}|SP|SU|FA|WI|Q[1-4]|H[12])(?:$|[-T])")
_DATE_IN = re.compile(r"^\s*(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:[T ].*)?\s*$")

try:  # the calendar layer (owned by the calendar work); optional while it is being built
    from annales.temporal import calendars as _calendars
except ImportError:  # pragma: no cover
    _calendars = None  # type: ignore[assignment]
try:
    from annales.temporal import historical as _historical
except ImportError:  # pragma: no cover
    _historical = None  # type: ignore[assignment]
try:
    from annales.temporal import policy as _policy
    from annales.temporal.policy import Policy as _Policy
except ImportError:  # pragma: no cover
    _policy = None  # type: ignore[assignment]


def normalise_date_arg(value: str | None, what: str) -> str | None:
    """``"1998-08-07"``, ``"19980807"``, ``"1998-08-07T06:18"``, ``"1917"`` → ISO date prefix."""
    if value is None or str(value).strip() == "":
        return None
    m = _DATE_IN.match(str(value))
    if not m:
        raise ValueError(f"{what} must be a date like 1917, 1917-06 or 1917-06-22, not {value!r}")
    y, mo, d = m.groups()
    if mo and not 1 <= int(mo) <= 12 or d and not 1 <= int(d) <= 31:
        raise ValueError(f"{what} is not a valid date: {value!r}")
    return A.fmt_date(int(y), int(mo) if mo else None, int(d) if d and mo else None)


def decide_calendar(text: str, calendar: str, title: str | None = None) -> tuple[str, str | None]:
    """(calendar, reason) for the document; ``auto`` asks the calendar policy."""
    pol = document_policy(text, calendar, title)
    if pol is not None:
        return pol.calendar, pol.reason
    cal = (calendar or "gregorian").strip().lower()
    if cal == "auto":
        return "gregorian", "no calendar policy available: Gregorian assumed"
    return cal, f"the {cal} calendar was requested"


#: how the calendar policy ends its reason for a text tied to a country but stating no year
_UNDATED = "no year dates the text"
#: how it begins a reason drawn from the text's own weekdays or dates of known events
_EVIDENCE = ("its weekdays fit", "its dates of known events fit")
_SURE_AFTER = "after every year it mentions) lies after its switch"
_MENTIONED = "median of the years it mentions"  # (policy.era_year's reason)


def document_policy(
    text: str,
    calendar: str,
    title: str | None = None,
    reference: str | None = None,
    historical: Sequence[Candidate] | None = None,
    story_year: int | None = None,
) -> _Policy | None:
    """The document's calendar policy (None without the policy layer); bad names raise.
    ``historical``: the text's ``historical.find`` candidates, when already found;
    ``story_year``: the year its names point to, when it states none."""
    cal = (calendar or "gregorian").strip().lower()
    if cal not in CALENDARS:
        raise CalendarError(
            f"unknown calendar {calendar!r}: expected one of {', '.join(CALENDARS)}"
        )
    if _policy is None:
        return None
    return _policy.document_policy(text, cal, title, reference, historical, story_year)


def _historical_of(text: str) -> list[Candidate]:
    """The historical recognisers' candidates (Republican, dual and marked dates, named
    events): they depend on the text alone, so one scan serves the policy and each reading."""
    if _historical is None or not text:
        return []
    try:
        return list(_historical.find(text))
    except Exception:  # noqa: BLE001 - a bug there must not lose our own results
        return []


def candidates(
    text: str,
    mode: str,
    calendar: str,
    language: str = "en",
    historical: Sequence[Candidate] | None = None,
) -> list[Candidate]:
    """Every temporal expression in ``text`` as an un-anchored candidate, in text order;
    ``historical``: the text's ``_historical_of`` candidates, when already found (copied
    here, as the reading may move their edges)."""
    lex = load(language)
    ctx = Context(text, lex, mode, calendar)
    try:
        hits = find(text, lex, select=False, max_hits=MAX_HITS, max_density=MAX_DENSITY)
    except TooDense as exc:
        raise InputError(
            "<text>",
            f"{exc}: this is not prose (a list or generated data?); split it into smaller documents",
        ) from None
    own = _split_told_years(_select_own(attach_modifiers(text, hits, lex, mode), ctx), text)
    if mode == "narratives":
        _apostrophe_centuries(own, text)
        _span_ends_stay(text, own, lex.lists["range_openers"], lex.lists["range_connectors"])
    hist = [replace(c) for c in historical] if historical is not None else _historical_of(text)
    if hist:
        if mode == "news":  # TimeML does not tag named periods ("the Cold War") as timexes
            hist = [c for c in hist if not c.source.endswith(":event")]
        hist = _written_sides_in_own(own, hist)
    out = merge(own, hist)
    if hist:  # the words after a dual day's bracket ("of January") were held for no timex
        out = [c for c in out if c.source != _historical.ABSORBED]
    if mode == "narratives":
        _all_of(text, out)
    return out


_ALL_BEFORE = re.compile(r"(?<![\w-])[Aa]ll\s+$")
_ALL_OF = re.compile(r"^(?:the\s+|this\s+|that\s+)?(?:[A-Za-z]+)$")


def _all_of(text: str, cands: list[Candidate]) -> None:
    """ "all night", "All this afternoon", "all the winter", "all Thursday": the word is part
    of the expression, as annotators of narratives mark it (the value is the part's own)."""
    prev_end = 0
    for c in cands:
        if (
            c.type in ("DATE", "TIME")
            and c.start >= 4
            and _ALL_OF.match(text[c.start : c.end])
            and (m := _ALL_BEFORE.search(text, max(prev_end, c.start - 6), c.start)) is not None
        ):
            c.start = m.start()
        prev_end = c.end


def _gloss(c: Candidate) -> bool:
    """The second side of a dual date ("(6th of November)"): it names the day told already."""
    return c.written and not c.sets_reference


def _written_sides_in_own(own: list[Candidate], hist: list[Candidate]) -> list[Candidate]:
    """A side of a dual date that the English rules read inside a longer expression ("the
    early morning of the 24th of October (6th of November)"): the longer one is the timex,
    counted in the side's calendar and, when the side knows its year, resolved on its day."""
    if not any(c.written for c in hist):
        return hist
    starts = [c.start for c in own]
    out: list[Candidate] = []
    for k, h in enumerate(hist):
        i = bisect_right(starts, h.start) - 1
        o = own[i] if h.written and i >= 0 else None
        if (
            o is None
            or o.written
            or o.end < h.end
            or (k + 1 < len(hist) and hist[k + 1].start < o.end)  # it reads into the other side
            or o.end - o.start <= h.end - h.start
            or o.type not in ("DATE", "TIME")
        ):
            out.append(h)
            continue
        o.calendar, o.written, o.sets_reference = h.calendar, True, h.sets_reference
        o.warning = o.warning or h.warning
        if o.resolve is not None:
            o.resolve = _on_day(o.resolve, h)
    return out


def _on_day(resolve: Resolver, side: Candidate) -> Resolver:
    """``resolve`` read on the day a dual date's side names (its year from the reference when
    it states none, as the side itself would take it)."""
    day, of_ref = side.value, side.resolve

    def on_day(ref: str | None) -> str:
        return resolve(of_ref(ref) if of_ref is not None else day)

    return on_day


_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s*$")
_OF_YEAR = re.compile(r",?\s+(?:of|in)\s+(?=(?:the|that|this|last|next)\s)", re.I)


def _split_told_years(cands: list[Candidate], text: str) -> list[Candidate]:
    """ "on 3 May of the following year": the day and the year it is told in are two timexes
    (TimeML does not nest them), the day taking its year from the second: 3 May 1275, 1275."""
    if not any(c.source.endswith(OF_TOLD_YEAR) for c in cands):
        return cands
    out: list[Candidate] = []
    for c in cands:
        m = _OF_YEAR.search(text, c.start, c.end) if c.source.endswith(OF_TOLD_YEAR) else None
        if m is None or c.resolve is None:
            out.append(c)
            continue
        told: list[str] = []  # the day's value, read by its year (resolved after it)
        resolve = c.resolve

        def day_of(ref: str | None, r: Resolver = resolve, told: list[str] = told) -> str:
            told.append(r(ref))
            return told[-1]

        def year_of(ref: str | None, r: Resolver = resolve, told: list[str] = told) -> str:
            v = told[-1] if told else r(ref)  # the year the day was given, not one after it
            return v.split("-", 1)[0] if v[:1] != "X" else "XXXX"

        year_of.year_anaphor = True  # type: ignore[attr-defined]
        day = replace(c, end=m.start(), resolve=day_of, source=c.source.removesuffix(OF_TOLD_YEAR))
        year = replace(
            c, start=m.end(), value="XXXX", resolve=year_of, sets_reference=False,
            source="en:anaphoric",
        )  # fmt: skip
        out.extend((day, year))
    return out


def _span_ends_stay(
    text: str, cands: list[Candidate], openers: frozenset[str], connectors: frozenset[str]
) -> None:
    """The far end of a span ("from 8 September 1941 to 27 January 1944", "between 1941 and
    1945") does not move the story: a summary of how long something lasted, after which the
    story goes on from where it was."""
    for a, b in zip(cands, cands[1:], strict=False):
        if a.type not in ("DATE", "TIME") or b.type not in ("DATE", "TIME") or a.resolve:
            continue  # "from March till October 1917": the end gives the start its year
        gap = text[a.end : b.start].strip().lower()
        if gap not in connectors or b.start - a.end > 12:
            continue
        w = _WORD_BEFORE.search(text, max(0, a.start - 12), a.start)
        if w is not None and w.group(1).lower() in openers:
            b.sets_reference = False


_APOSTROPHE_YEAR = re.compile(r"(?<!\w)['’](\d\d)(?!\d)")
#: A story's "'48" lies at most this many years after its reference, else a century earlier
#: (a 1917 narrative's "in '48" is 1848; Mignet's "'93" from 1789 is 1793).
APOSTROPHE_AHEAD = 10


def _apostrophe_centuries(cands: list[Candidate], text: str) -> None:
    """``_apostrophe_century`` on each candidate that holds an apostrophe. The next one is
    looked for only once the candidates pass it: a list of dates without one costs a single
    scan of the text, not two searches per date."""
    ahead = -1  # the first apostrophe at or after the last start looked from (len: none)
    for c in cands:
        if ahead < c.start:
            ahead = min(_find_or_end(text, "'", c.start), _find_or_end(text, "’", c.start))
        if ahead < c.end:
            _apostrophe_century(c, text)


def _find_or_end(text: str, sub: str, start: int) -> int:
    i = text.find(sub, start)
    return len(text) if i < 0 else i


def _apostrophe_century(c: Candidate, text: str) -> None:
    """Let a two-digit apostrophe year ("'93", "June '48") take the century of the running
    reference when anchored (the rules alone read it as 19xx, right for news only)."""
    if c.resolve is not None or c.type not in ("DATE", "TIME") or not c.value[:4].isdigit():
        return
    if text.find("'", c.start, c.end) < 0 and text.find("’", c.start, c.end) < 0:
        return  # no apostrophe in it: the search below cannot match
    m = _APOSTROPHE_YEAR.search(text, c.start, c.end)
    if m is None or int(c.value[2:4]) != int(m.group(1)):
        return
    static, yy = c.value, int(m.group(1))

    def r_century(ref: str | None) -> str:
        rf = A.parse_ref(ref)
        if rf is None:
            return static
        y = rf.year // 100 * 100 + yy
        if y > rf.year + APOSTROPHE_AHEAD:
            y -= 100
        return A.fmt_year(y) + static[4:] if y > 0 else static

    c.resolve = r_century


def _select_own(hits: Sequence[Hit], ctx: Context) -> list[Candidate]:
    """Among the rules' own valid readings, the longest wins, then the rule priority, then the
    earlier one: as if every hit were normalised and then chosen greedily in that order.

    Normalising is lazy (the costly step on dense lists: "May 1, May 1, ..." holds a "May"
    inside every "May 1"): a candidate never reaches beyond its hit, so the hit's own span is
    an optimistic key, and a hit whose whole span is already taken is never normalised.
    The hits are taken in key order from a sorted list; a reading that keeps its hit's span
    (the usual case) has that same key, the smallest left, so it is decided at once, and only
    one whose span changed waits in a heap, merged with the list by key. Each hit's key
    (-length, -priority, start, index) is packed into one integer in the same order: one
    number per hit sorts faster than a tuple and leaves the garbage collector nothing."""
    if not hits:
        return []
    n = len(hits)
    size = max(h.end for h in hits) + 1  # starts and lengths are all below this
    prios = [-h.rule.priority for h in hits]
    low = min(prios)
    spread = max(prios) - low + 1
    keys = sorted(
        [
            (((size - (h.end - h.start)) * spread + prios[i] - low) * size + h.start) * n + i
            for i, h in enumerate(hits)
        ]
    )

    def unpacked(key: int) -> tuple[int, int, int, int]:
        rest, i = divmod(key, n)
        rest, start = divmod(rest, size)
        shorter, prio = divmod(rest, spread)
        return (shorter - size, prio + low, start, i)

    # (-length, -priority, start, index, reading): the index ends every comparison
    later: list[tuple[int, int, int, int, Any]] = []  # readings whose span changed
    used = bytearray(size)
    out: list[Candidate] = []
    j = 0
    while j < n or later:
        if later and (j >= n or later[0] < unpacked(keys[j])):
            ready: Candidate = heapq.heappop(later)[4]
            if used.find(1, ready.start, ready.end) < 0:
                used[ready.start : ready.end] = b"\x01" * (ready.end - ready.start)
                out.append(ready)
            continue
        i = keys[j] % n
        j += 1
        h = hits[i]
        if used.find(0, h.start, h.end) < 0:
            continue  # every character taken: its reading could not be chosen
        c = normalise(h, ctx)
        if c is None:
            continue
        if c.start == h.start and c.end == h.end:  # the same key as its hit: next in order
            if used.find(1, c.start, c.end) < 0:
                used[c.start : c.end] = b"\x01" * (c.end - c.start)
                out.append(c)
        else:
            heapq.heappush(later, (c.start - c.end, prios[i], c.start, i, c))
    out.sort(key=_START)
    return out


_START = attrgetter("start")


def merge(*groups: list[Candidate]) -> list[Candidate]:
    """Overlapping candidates: the higher ``priority`` wins, then the longer span."""
    allc = [c for g in groups for c in g]
    if not allc:
        return []
    if sum(1 for g in groups if g) == 1 and _apart(allc):
        return allc  # one group, in order and disjoint: every candidate would be taken
    allc.sort(key=lambda c: (-c.priority, -(c.end - c.start), c.start))
    taken: list[Candidate] = []
    size = max(c.end for c in allc) + 1
    used = bytearray(size)  # linear-time overlap test, whatever the number of candidates
    for c in allc:
        if c.end <= c.start or c.start < 0 or used.find(1, c.start, c.end) >= 0:
            continue
        used[c.start : c.end] = b"\x01" * (c.end - c.start)
        taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken


def _apart(cands: list[Candidate]) -> bool:
    """Whether the candidates are non-empty spans in text order, none overlapping the next."""
    prev_end = 0
    for c in cands:
        if c.start < prev_end or c.end <= c.start:
            return False
        prev_end = c.end
    return True


def _to_doc_calendar(value: str, cand: Candidate, doc_cal: str) -> str:
    src = cand.calendar
    if not src or src == doc_cal or _calendars is None:
        return value
    if src != "french-republican" and doc_cal == "gregorian" and cand.gregorian:
        return cand.gregorian
    try:
        out = _calendars.convert(value, src, doc_cal)
    except Exception:  # noqa: BLE001
        out = None
    if out is None or "/" in out:
        return value
    return out


def _republican_month_of(value: str, end: int) -> tuple[int, int, int] | None:
    """(end, year, month) of the Republican month a Gregorian day falls in, if a day."""
    m = _ISO_DAY.match(value)
    if m is None or _calendars is None:
        return None
    try:
        an, mois, _ = _calendars.republican_date(int(m[1]), int(m[2]), int(m[3]))
    except (ValueError, IndexError):
        return None
    return (end, an, mois) if an >= 1 and mois <= 12 else None


def _republican_day(
    c: Candidate,
    rep_month: tuple[int, int, int] | None,
    month_said: tuple[int, str, str] | None,
) -> str | None:
    """A bare "the 17th" told after a Republican month (and no Gregorian month since): that
    day of the Republican month, as its Gregorian value."""
    day = getattr(c.resolve, "day_number", None)
    if (
        rep_month is None
        or day is None
        or not getattr(c.resolve, "bare_day", False)
        or not 1 <= day <= 30
        or (month_said is not None and month_said[0] > rep_month[0])
        or c.start - rep_month[0] > REPUBLICAN_MONTH_REACH
        or _calendars is None
    ):
        return None
    try:
        y, m, d = _calendars.republican_to_gregorian(rep_month[1], rep_month[2], day)
    except (ValueError, IndexError):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}" + getattr(c.resolve, "day_suffix", "")


_ISO_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")


_LINE_END = re.compile(r"[ \t]*[.,:]?[ \t]*(?:\r?\n|$)")
# a blank line (or the text's end) after a date's line: the date is a paragraph of its own
_PARAGRAPH_AFTER = re.compile(r"[ \t]*(?:\r?\n|$)")
_DIARY_DASH = re.compile(r"[ \t]*[.,:]?[ \t]*(?:—|--)")
# a diary's entry heading closed by a full stop ("Sept. 2nd (Lord's day). Much troubled all
# night"), told in the first person within a sentence or two
_DIARY_STOP = re.compile(r"[ \t]*(?:\([^()\n]{1,30}\))?[ \t]*\.[ \t]+(?=\S)")
_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]y|me|[Ww]e|[Oo]ur|us)\b")
#: how far into an entry its first person must show
FIRST_PERSON_REACH = 200
# a letter's first words: "My dear Sarah,", "Dear Sir", "Sir," (not "Sir John Moore fell")
_SALUTATION = re.compile(
    r"\s*((?:my\s+)?(?:dear|dearest|own|darling|honou?red)|[^\W\d_]+(?:\s+[^\W\d_]+)?(?=\s*[,.:;!—-]))",
    re.I,
)
_WEEKDAY_WORD = re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
_YEAR_DIGITS = re.compile(r"\b\d{4}\b")


_HYPHENED_WORD = re.compile(r"[a-z][a-z-]*")


def _told_now(
    text: str, cands: Sequence[Candidate], language: str, calendar: str
) -> frozenset[int]:
    """Starts of the deictic expressions ("this year", "tomorrow evening", "last week") told in
    the present or future tense, outside quotations' reach (the tense words are the lexicon's)."""
    lex = load(language)
    ctx = Context(text, lex, "narratives", calendar)
    deictic = lex.lists["deictic_words"]
    return frozenset(
        c.start
        for c in cands
        if c.resolve is not None
        and c.source == "en"
        and not deictic.isdisjoint(_HYPHENED_WORD.findall(text[c.start : c.end].lower()))
        and tense(ctx, c.start, c.end, perfect="present") in ("present", "future")
        and not in_quote(text, c.start)  # a speaker's "by Christmas" is the speaker's
    )


def _of_writing(text: str, cands: Sequence[Candidate], language: str) -> dict[int, bool]:
    """The days a letter or diary entry names from its own day of writing ("Yesterday was
    the worst of all", "To-day it has rained since noon"), by start: whether each opens its
    sentence, and so tells where the story now is."""
    days = load(language).lists["writing_days"]
    out = {}
    for c in cands:
        if c.resolve is None or c.source != "en":
            continue
        words = text[c.start : c.end].lower().split()
        if words and (words[0] in days or " ".join(words[:2]) in days):
            out[c.start] = _OPENS_SENTENCE.search(text, max(0, c.start - 4), c.start) is not None
    return out


#: how many days before the day the story would give "that Sunday" the last Sunday told may be
THAT_WEEKDAY_REACH = 60


def _days_between(day: str, later: re.Match[str], calendar: str) -> int:
    """Days from ``day`` (YYYY-MM-DD) to the day ``later`` matched, in ``calendar``."""
    y, m, d = int(day[:4]), int(day[5:7]), int(day[8:10])
    a = A.jdn(y, m, d, calendar)
    return A.jdn(int(later.group(1)), int(later.group(2)), int(later.group(3)), calendar) - a


_ANY_WEEKDAY = re.compile(r"^XXXX-WXX-[1-7]$")
_THAT_WEEKDAY = re.compile(r"[Tt]hat\s+[A-Z]")  # "that Sunday", "that Sunday of prayer"
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?:;]['\"’”]?\s+|\n\s*)$")


def _opening_weekday(
    before: Sequence[str], timexes: Sequence[Timex], ref: str | None
) -> str | None:
    """The day a passage opens on when its first dated day is a weekday told before any day
    ("That Sunday ...", dated by "Friday, the 31st" further on) and its reference knew at most
    the year: that weekday's day, in that year."""
    if ref is not None and not _YEAR_ONLY.match(ref):
        return None
    for was, t in zip(before, timexes, strict=True):
        if t.type not in ("DATE", "TIME") or not _ISO_DAY.match(t.value):
            continue
        if "-WXX-" not in was or (ref is not None and t.value[:4] != ref[:4]):
            return None
        return t.value[:10]
    return None


_YEAR_ONLY = re.compile(r"^\d{4}$")


_PLUPERFECT_BEFORE = re.compile(
    r"\bhad\s+(?:(?:not|never|already|long|just|first|once|been|twice)\s+)*[a-z]+(?:ed|en|wn|ne|t)\b"
    r"[^.;:!?]{0,60}$"
)

#: the verb of the clause a date is told in, after it ("made on the 19th of October, had been
#: defeated"); its subject's words between, no clause end
_PLUPERFECT_AFTER = re.compile(
    r"\s*,\s*had\s+(?:(?:not|never|already|long|just|first|once|been|twice)\s+)*"
    r"[a-z]+(?:ed|en|wn|ne|t)\b"
)


def _in_phrase(text: str, start: int) -> bool:
    """Is the date at ``start`` inside a phrase set off by commas within its sentence ("A
    first attempt, made on the 19th of October, had ...")? Not a date opening its sentence
    ("On the 8th, the Marseillais had been moved ..."), which frames the sentence."""
    lo = max(0, start - 40)
    comma = text.rfind(",", lo, start)
    return comma >= 0 and _FULL_STOP.search(text, comma, start) is None


_LETTERS = re.compile(r"[^\W\d_]+")
_DAY_OF_MONTH = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d|XX)-\d\d")

#: the dates a pluperfect can look back to: a day, a month, a season or a year
_LOOKED_BACK_VALUE = re.compile(r"^\d{4}(?:$|-(?:\d\d|SP|SU|FA|WI)(?:$|-\d\d))")


def _told_in_pluperfect(
    text: str, cands: Sequence[Candidate], subordinators: frozenset[str]
) -> dict[int, int]:
    """Starts of the dates told in the pluperfect, with where their sentences end ("for she
    had sailed from Plymouth on the 27th of December, 1831", "whose sons had been hanged in
    the autumn of 1685"): looked back on from the story's day, they do not take it back. A
    month, season or year only in a subordinate clause: a main clause in the pluperfect may
    open a flashback the story then follows ("The menace had been exorcised in the autumn of
    1916. But on 28 November ...")."""
    out: list[int] = []
    for c in cands:
        day = _DAY_OF_MONTH.match(c.value) is not None  # (its year may be the story's)
        if not day and (c.resolve is not None or not _LOOKED_BACK_VALUE.match(c.value)):
            continue
        if day and _PLUPERFECT_AFTER.match(text, c.end) and _in_phrase(text, c.start):
            out.append(c.start)  # "A first attempt, made on the 19th of October, had been ..."
            continue
        lo = max(0, c.start - 80)
        if text.find("had", lo, c.start) < 0:
            continue
        m = _PLUPERFECT_BEFORE.search(text, lo, c.start)
        if m is None:
            continue
        if day or any(
            w.lower() in subordinators
            for w in _LETTERS.findall(text, max(0, m.start() - 25), m.start())[-3:]
        ):
            out.append(c.start)
    return {start: _sentence_end_after(text, start) for start in out}


def _sentence_end_after(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` ends (a full stop, not a semicolon)."""
    m = _FULL_STOP.search(text, pos)
    return m.end() if m else len(text)


_FULL_STOP = re.compile(r"[.!?][\"”’')\]]*\s")


def _before_story(value: str, last: str) -> bool:
    """Does ``value`` (a day, month, season or year) end before the story's day ``last``
    begins? Compared at the coarser of their two precisions."""
    if _ISO_DAY.match(value) and _ISO_DAY.match(last):
        return value[:10] < last[:10]
    if not last[:4].isdigit():
        return False
    if value[:4] != last[:4]:
        return value[:4] < last[:4]
    return (
        len(value) >= 7
        and value[5:7].isdigit()
        and len(last) >= 7
        and last[5:7].isdigit()
        and value[:7] < last[:7]
    )


def _datelines(
    text: str, cands: Sequence[Candidate], salutations: frozenset[str]
) -> frozenset[int]:
    """Starts of the dates that head a letter or a diary entry (``_is_dateline``)."""
    return frozenset(
        c.start
        for c in cands
        if c.type == "DATE" and _is_dateline(text, c.start, c.end, salutations)
    )


#: how far into its line a letter's date may stand ("Camp near Richmond, Va., June 20th")
DATELINE_LEAD = 60


def _is_dateline(text: str, start: int, end: int, salutations: frozenset[str]) -> bool:
    """Whether a date heads a letter ("Camp near Richmond, June 20th, 1862." on its own line,
    then "My dear Sarah") or a diary entry ("Tuesday, 29th April. — Wet and blustering"): the
    day it was written, which what it tells in the past tense comes before."""
    lo = max(0, start - DATELINE_LEAD)
    nl = text.rfind("\n", lo, start)
    if nl < 0 and lo > 0:
        return False  # the line starts too far before the date (and a book on one line costs
    line_start = nl + 1  # one short look per date, not a scan back to its start)
    if not _heads_block(text, line_start):
        return False  # not the first line of a paragraph (or of its address)
    dash = _DIARY_DASH.match(text, end)
    stop = None if dash else _DIARY_STOP.match(text, end)
    if dash or (stop and _FIRST_PERSON.search(text, stop.end(), stop.end() + FIRST_PERSON_REACH)):
        # a diary's heading names its weekday or leaves the year to the diary ("Oct. 3. --"),
        # unlike a history's "June 18, 1815 -- the day of Waterloo --"
        told = text[start:end]
        return text[line_start:start].strip() == "" and (
            _WEEKDAY_WORD.search(told) is not None or _YEAR_DIGITS.search(told) is None
        )
    m = _LINE_END.match(text, end)
    if m is None:
        return False
    w = _SALUTATION.match(text, m.end())
    if w is not None and " ".join(w.group(1).lower().split()) in salutations:
        return True
    # a date that is its own paragraph ("July 4th." or "British Legation, August 15th."),
    # then one told in the first person: the next letter or entry of a series; held to the
    # diary's test (a weekday, or the year left to the series) so that a history's heading
    # "June 18, 1815." before "We now turn to Waterloo" is no letter's
    lead = text[line_start:start].strip()
    told = text[start:end]
    return (
        _PARAGRAPH_AFTER.match(text, m.end()) is not None
        and (not lead or lead.endswith(","))
        and _FIRST_PERSON.search(text, m.end(), m.end() + FIRST_PERSON_REACH) is not None
        and (_WEEKDAY_WORD.search(told) is not None or _YEAR_DIGITS.search(told) is None)
    )


#: address lines a letter's date may follow in its heading ("Lansdowne Crescent, Bath.")
ADDRESS_LINES = 2
ADDRESS_LINE_LENGTH = 60


def _heads_block(text: str, line_start: int) -> bool:
    """Whether the line at ``line_start`` opens a paragraph, or follows only a letter's
    short address lines that do ("Lansdowne Crescent, Bath.\nThursday, 2nd June 1887.")."""
    at = line_start
    for _ in range(ADDRESS_LINES + 1):
        if at == 0 or text[max(0, at - 4) : at].replace("\r", "").endswith("\n\n"):
            return True
        prev = text.rfind("\n", max(0, at - 1 - ADDRESS_LINE_LENGTH), at - 1)
        if prev < 0 and at - 1 > ADDRESS_LINE_LENGTH:
            return False  # a long line before: prose, not an address
        at = prev + 1
    return False


def _begins_after(value: str, day: str, calendar: str) -> bool:
    """Whether a dated value (a day, week, month ...) begins after ``day`` (YYYY-MM-DD)."""
    if not value[:1].isdigit():
        return False  # a length, a generic reference, an unknown year
    try:
        span = bounds(value, calendar)
    except Exception:  # noqa: BLE001 - an odd value only means it tells nothing here
        return False
    return span is not None and A.fmt_date(*span[0]) > day


#: how far (days) after a letter's date a past-tense day may have been put by the story's
#: course and still be pulled back before it; further on, the letter is long closed
WRITTEN_REACH = 31


def _before_writing(c: Candidate, value: str, written: str, calendar: str) -> str:
    """A weekday or bare day told in the past tense that the story's course put just after
    a letter's or diary's date: the last such weekday before the writing ("was killed on
    Monday evening", written on Friday 4 July: 30 June), the latest such day of the month on
    or before it ("On the 27th we lay in reserve", written 4 July: 27 June; "on the 2nd",
    written 28 June: 2 June)."""
    w = _ISO_DAY.match(written)
    v = _ISO_DAY.match(value)
    if w is None or v is None:
        return value
    y, m, d = int(w.group(1)), int(w.group(2)), int(w.group(3))
    days_after = A.jdn(int(v.group(1)), int(v.group(2)), int(v.group(3)), calendar) - A.jdn(
        y, m, d, calendar
    )
    wd = getattr(c.resolve, "weekday", None)
    if not (0 if wd is not None else 1) <= days_after <= WRITTEN_REACH:
        return value  # (a weekday past on its own weekday: "On Tuesday the news came",
    rest = value[10:]  # written on a Tuesday, is the Tuesday before)
    if wd is not None:
        back = N.weekday_before(y, m, d, wd, calendar)
        return A.fmt_date(*back) + rest
    if getattr(c.resolve, "bare_day", False):
        day = int(value[8:10])
        py, pm = (y, m) if day <= d else A.add_months(y, m, -1)
        said = getattr(c.resolve, "day_weekday", None)
        if said is not None and A.valid(py, pm, day, calendar):
            if A.weekday(py, pm, day, calendar) != said:
                return value  # "Friday, 12th June. ... On Sunday, the 14th": its weekday says
        if A.valid(py, pm, day, calendar):
            return A.fmt_date(py, pm, day) + rest
    return value


#: the minute a part of the day begins, for a bare hour told after it ("the dawn ... about
#: five o'clock" is still morning)
PART_MINUTES = {"MO": 4 * 60, "AF": 12 * 60, "EV": 17 * 60, "NI": 20 * 60}
_TIME_OF_DAY = re.compile(r"^(\d{4}-\d\d-\d\d)T(?:(\d\d):(\d\d)|(MO|AF|EV|NI))$")


def _clock_of(value: str) -> tuple[str, int] | None:
    """(day, minute of the day) of a time of day on a known day, else None."""
    m = _TIME_OF_DAY.match(value)
    if m is None:
        return None
    if m.group(4):
        return m.group(1), PART_MINUTES[m.group(4)]
    return m.group(1), min(int(m.group(2)), 24) * 60 + int(m.group(3))


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


#: from this minute of the day a bare hour earlier than the story's may be the next day's
#: small hours ("eleven at night ... from two to three o'clock"); before it, it is looked back on
NIGHT_FROM = 20 * 60


def _clock_forward(value: str, last: tuple[str, int], bare: bool, calendar: str) -> str:
    """A story's hours go forward within its day: "about half-past eleven ... near eight
    o'clock" is eight in the evening, "eleven at night ... from two to three o'clock" the
    next day's small hours, and "the night of the 15th ... at four in the morning" the
    16th. ``bare``: the hour has no half of the day (else it is a small hour, "in the
    morning"). The value stays as it is off the story's last day or for a day told with it."""
    got = _clock_of(value)
    if got is None or got[0] != last[0]:
        return value
    day, minute = got
    if bare:
        base = minute % 720
        later = next((m for m in (base, base + 720, base + 1440) if m > last[1]), minute)
        if later >= 1440 and last[1] < NIGHT_FROM:
            # "until two o'clock" told after half-past two in the afternoon: looked back on
            later = max(m for m in (base, base + 720) if m <= last[1])
    else:
        later = minute + 1440 if last[1] >= 20 * 60 else minute
    if later == minute:
        return value
    if later >= 1440:
        rf = A.parse_ref(day)
        moved = A.shift(rf, "D", 1, calendar) if rf is not None else None
        if moved is None:
            return value
        day, later = moved, later - 1440
    return f"{day}T{_hhmm(later)}"


@lru_cache(maxsize=4096)  # pure; dense texts repeat their values
def _ref_part(value: str) -> str | None:
    """The part of a resolved value that can serve as the next reference (date, no time)."""
    if not _REFERENCE_VALUE.match(value):
        return None
    return value.split("T", 1)[0]


def _fell_behind(last: str | None, begins: tuple[str | None, str | None] | None) -> bool:
    """Has a look-back section left the story in a year before the one it begins in ("the
    siege of 1857" after a "Background" that ended in 1856)? One that ran up to the subject's
    own year ("... on 11 October [1899], and the two republics went to war") has not."""
    if begins is None or begins[0] is None or last is None:
        return False
    a, b = A.parse_ref(last), A.parse_ref(begins[0])
    return a is not None and b is not None and a.year < b.year


def _paragraph_between(breaks: Sequence[int] | None, start: int, end: int) -> bool:
    """Does a paragraph begin between ``start`` and ``end``? A glance back is one within the
    paragraph that set the date; a new paragraph (or chapter) may go back in earnest."""
    return bool(breaks) and bisect_right(breaks, start) < bisect_right(breaks, end)  # type: ignore[arg-type]


_WEEK_VALUE = re.compile(r"^(\d{4})-W(\d\d)$")


def _advance(current: str | None, new: str) -> str:
    """Keep the finer current reference when the new value is a coarser view of it: its
    month or year, the week it lies in ("By the end of the week" told on the 10th), or its
    season."""
    if new == current:
        return new  # the same date again (a list of dates): neither test below could keep it
    if current and current.startswith(new) and len(current) > len(new):
        return current
    if current and len(new) == 7 and new[5:] in ("SP", "SU", "FA") and new[:4] == current[:4]:
        # (not winter: "1916-WI" runs from December into the next year)
        m = current[5:7]
        if m.isdigit() and abs(int(m) - A.SEASON_MONTH[new[5:]]) <= 2:
            return current  # "the summer" told on 31 May: the season it lies in, or next to
    w = _WEEK_VALUE.match(new) if "W" in new else None
    if current and w and len(current) == 10:
        try:
            iso = date.fromisoformat(current).isocalendar()
        except ValueError:
            return new
        if (iso.year, iso.week) == (int(w.group(1)), int(w.group(2))):
            return current
    return new


_NO_GLANCES: Mapping[int, bool] = {}
_NO_LOOKS: Mapping[int, int] = {}


def _goes_on(last: str | None, year: int) -> bool:
    """Does a date in ``year`` carry the story on past where it is (``last``)? A story told in
    order ("In January 1841 the British ...", after 1840) moves on; only a date behind it is a
    flashback that ends with its paragraph."""
    return last is not None and last[:4].isdigit() and year > int(last[:4])


def _next_year(last: str, part: str) -> bool:
    """Is ``part`` in the year after the story's (``last``): the story moving on, not a glance
    years ahead?"""
    return last[:4].isdigit() and part[:4].isdigit() and int(part[:4]) == int(last[:4]) + 1


def anchor_all(
    cands: list[Candidate],
    *,
    mode: str,
    dct: str | None,
    reference: str | None,
    calendar: str,
    finalise: Callable[[Timex, str], Timex] | None = None,
    breaks: list[int] | None = None,
    reference_inferred: bool = False,
    calendar_for: Callable[[str], str] | None = None,
    title_year: int | None = None,
    asides: frozenset[int] = frozenset(),
    story_start: int = 0,
    glances: Mapping[int, bool] = _NO_GLANCES,
    reference_is_dct: bool = False,
    events: Sequence[tuple[int, str, str]] = (),
    sentence_ends: Sequence[int] = (),
    datelines: frozenset[int] = frozenset(),
    told_now: frozenset[int] = frozenset(),
    of_writing: Mapping[int, bool] = _NO_GLANCES,
    that_weekdays: frozenset[int] = frozenset(),
    looked_back: Mapping[int, int] = _NO_LOOKS,
    lookbacks: Sequence[tuple[int, int]] = (),
) -> list[Timex]:
    """Resolve candidates in text order against the DCT or the running reference.

    In narratives the document's period (``narrative.document_period``) keeps passing
    mentions and flashbacks from hijacking the reference; ``breaks`` are the paragraph
    breaks that end a flashback.

    A value is ``inferred`` when part of it was not stated in its expression: a year (or
    month) completed from a reference, or any value resolved against a reference that was
    itself inferred (``reference_inferred``: a seed guessed from named events or a title).

    ``calendar_for`` gives each resolved value its own calendar, a function of the value alone
    (asked once per distinct value): the document policy's switch (a Russian history's 1919
    dates are Gregorian, its 1917 ones Julian). A year named by the title (``title_year``) is
    the story's home year (``narrative.title_period``). Candidates starting at an offset in
    ``asides`` (dates in parentheses) move nothing. At ``story_start`` (the first chapter,
    after prefaces and contents) the running reference goes back to the seed: an editor's 1845
    preface does not date the story. A coarse date
    closing its sentence (``glances``: "... was lost in June 1916.") that leaves the year of a
    day-precise reference tells where that one fact lies, not where the story has gone; not when
    that reference is only the document's date (``reference_is_dct``: a Wikipedia page of 2009
    on a war: "The war began in 1914." is where its story starts). A day and month told just
    after a named event of known days that they fall within (``events``: end offset, start and
    end of each mention) take its year: "the battle of the Somme. It began on 1 July." An
    article's sections that look back (``lookbacks``: start and end of its "Background")
    leave the story where it stood before them."""
    out: list[Timex] = []
    narr = mode == "narratives"
    period = N.document_period(cands, breaks or ()) if narr else None
    if narr and title_year is not None:
        period = N.title_period(title_year, period)
    given = reference if narr and not reference_inferred and not reference_is_dct else None
    given_year = int(given[:4]) if given and given[:4].isdigit() else None  # the reader's year
    home, home_id = reference, ("t0" if reference else None)  # last in-period reference
    excursion_end = -1  # a flashback's reference holds until this offset
    mention: tuple[str, str] | None = None  # a passing year mention, for "that year" only
    looked: tuple[int, str, str] | None = None  # a day looked back on (sentence end, value, id)
    if mode == "news":
        deictic_ref, deictic_id = dct, ("t0" if dct else None)
        last, last_id = (dct or reference), ("t0" if (dct or reference) else None)
    else:
        last, last_id = reference, ("t0" if reference else None)
        deictic_ref, deictic_id = last, last_id
    last_at = 0  # where the running reference was last set
    month_said: tuple[int, str, str] | None = None  # (end, YYYY-MM, id) of the last month told
    # (end, year, month) of the last Republican month told: "the 18th Brumaire ... on the
    # morning of the 18th" counts the bare day in Brumaire
    rep_month: tuple[int, int, int] | None = None
    # the running reference is still only the document's date, or a guess at its year
    from_dct = reference_is_dct or reference_inferred
    year_said: tuple[int, str, str] | None = None  # (end, year, id) of the last year stated
    last_period: str | None = None  # the last quarter or half-year named (financial reporting)
    last_period_id: str | None = None
    guessed: set[str | None] = {"t0"} if reference_inferred else set()  # ids of inferred values
    front_matter = narr and story_start > 0
    choices: dict[tuple[object, ...], tuple[str | None, bool, bool, bool]] = {}
    calendars_of: dict[str, str] = {}  # value -> calendar_for(value)
    day_clock: tuple[str, int] | None = None  # (day, minutes) of the story's last time of day
    written: str | None = None  # the day of the letter or diary entry being read
    written_id: str | None = None
    # weekday (1-7) -> (day, id) of the last day told that fell on it: "that Sunday" names it
    weekday_told: dict[int, tuple[str, str]] = {}
    lookback_i = 0  # the next look-back section (``lookbacks``) not yet left behind
    first_lookback = lookbacks[0][0] if lookbacks else 1 << 62  # where the first one starts
    # (value, id) of where the story begins: the first reference set before any look-back
    # section (or a seed that is not the document's date)
    story_begins = (reference, "t0") if narr and reference and not reference_is_dct else None
    for i, c in enumerate(cands, start=1):
        tid = f"t{i}"
        anchor_id = None
        ref: str | None
        rid: str | None
        value = c.value
        inferred = c.inferred
        in_passing = False
        from_writing = False
        rep_day: str | None = None
        if front_matter and c.start >= story_start:
            front_matter = False  # the story begins: forget what the front matter said
            last, last_id = reference, ("t0" if reference else None)
            home, home_id, deictic_ref, deictic_id = last, last_id, last, last_id
            excursion_end, mention = -1, None
        if excursion_end >= 0 and c.start > excursion_end:
            last, last_id, excursion_end = home, home_id, -1  # the flashback is over
            deictic_ref, deictic_id = last, last_id
        while lookback_i < len(lookbacks) and c.start >= lookbacks[lookback_i][1]:
            lookback_i += 1
            if _fell_behind(last, story_begins):  # the background is told: back to the story
                last, last_id = story_begins  # type: ignore[misc]
                home, home_id, deictic_ref, deictic_id = last, last_id, last, last_id
                excursion_end, mention, month_said, year_said = -1, None, None, None
                day_clock = None
        if c.resolve is not None:
            if mode == "news" and c.source.endswith(":comparative") and last_period is not None:
                ref, rid = (
                    last_period,
                    last_period_id,
                )  # "a year ago" after "the third quarter": 1988-Q3
            elif mode == "news" and not (
                c.source.endswith(":anaphoric") or not c.source.startswith("en")
            ):
                ref, rid = deictic_ref, deictic_id
            elif c.start in told_now:
                ref, rid = dct, "t0"  # "This year the trains will bring them home"
            elif written is not None and c.start in of_writing:
                # a letter's "Yesterday": the day before its date; opening its sentence, it is
                # where the story now is ("Yesterday was the worst of all"; not "the seamen,
                # sent for yesterday, did in the evening ...")
                ref, rid, from_writing = written, written_id, of_writing[c.start]
            else:
                ref, rid = last, last_id
            if narr and getattr(c.resolve, "year_anaphor", False):
                if mention is not None:
                    ref, rid = mention  # "in 1744 ... that year": the year just mentioned
                if (
                    year_said is not None
                    and year_said[0] > last_at
                    and c.start - year_said[0] <= YEAR_REACH
                    and not _paragraph_between(breaks, year_said[0], c.start)
                ):
                    ref, rid = year_said[1], year_said[2]  # "the Compromise of 1868 ... that year"
            if (
                narr
                and looked is not None
                and c.start < looked[0]
                and c.source.endswith(":anaphoric")
                # (a bare day's month is the story's)
                and (
                    not getattr(c.resolve, "bare_day", False)
                    or getattr(c.resolve, "of_month", False)
                )
            ):
                # "We had gone in on the 24th of June; we came out, six months later", "voted
                # the 9th of August, had not succeeded; ... voted the 27th of the same month":
                # counted from the day looked back on in their sentence; the story stays put
                ref, rid, in_passing = looked[1], looked[2], True
            event_year = _event_year(events, c, narr)
            if event_year is not None:
                ref, rid, inferred = event_year, None, True
            elif (
                narr
                and month_said is not None
                and getattr(c.resolve, "bare_day", False)
                and month_said[0] > last_at
                and month_said[2] != last_id
                and c.start - month_said[0] <= MONTH_REACH
                and bisect_right(sentence_ends, month_said[0])
                == bisect_right(sentence_ends, c.start)
                and not _paragraph_between(breaks, month_said[0], c.start)
            ):
                ref, rid = month_said[1], month_said[2]  # "since June ... from the 24th"
                in_passing = True  # of a month told in passing: a glance as well
            elif narr and getattr(c.resolve, "year_free", False):
                # pure in these (period, calendar and the reader's year are the document's;
                # the reference's id is only passed through or dropped): a list of dates asks
                # it again and again
                key = (
                    ref,
                    getattr(c.resolve, "month_day", None),
                    getattr(c.resolve, "weekday", None),
                    getattr(c.resolve, "feast", None),
                    getattr(c.resolve, "named", False),
                )
                choice = choices.get(key)
                if choice is None:
                    new_ref, new_rid, chosen = _choose_year(
                        c, ref, _PASSED, period, calendar, given_year
                    )
                    choice = choices[key] = (
                        new_ref,
                        new_rid is _PASSED,
                        chosen,
                        new_rid is _FAMOUS,
                    )
                ref, keeps_id, chosen, famous = choice
                rid = rid if keeps_id else None
                inferred = inferred or chosen
                # a feast's year is the day's own: "until Whitsunday 19 May [1918] ... on 6
                # December" may go back to the winter before; the story keeps its year, as it
                # does past a famous day named ("the men of the 10th of August")
                in_passing = (
                    in_passing
                    or famous
                    or (chosen and getattr(c.resolve, "feast", None) is not None)
                )
            if narr and rep_month is not None:
                rep_day = _republican_day(c, rep_month, month_said)
            try:
                value = rep_day or c.resolve(ref)
            except Exception:  # noqa: BLE001 - a resolver must never sink the document
                value = c.value
            if ref is not None:
                anchor_id = rid
                inferred = inferred or (
                    value[:4].isdigit() and (rid in guessed or _completed(c.value, value))
                )
        told_tense = getattr(c.resolve, "told_tense", None) if written is not None else None
        if told_tense is not None and written is not None and _ISO_DAY.match(value):
            told = told_tense()
            if told == "past" and value[:10] >= written:
                value = _before_writing(c, value, written, calendar)
            elif told == "future":
                in_passing = True  # "Papa says I may come up on the 18th": a plan, not yet
        wd_said = int(c.value[-1]) if c.start in that_weekdays else None
        if (
            narr
            and c.type == "DATE"
            and wd_said in weekday_told
            and (
                (vm := _ISO_DAY.match(value)) is None
                or _days_between(weekday_told[wd_said][0], vm, calendar) <= THAT_WEEKDAY_REACH
            )
        ):
            # "From that Sunday the Russia of our fathers was gone": the Sunday told
            value, anchor_id = weekday_told[wd_said]
            in_passing = True
        if (
            written is not None
            and last_id == written_id
            and day_clock is None
            and value == f"{written}TNI"
            and c.start not in of_writing
            and (wref := A.parse_ref(written)) is not None
        ):
            # an entry's night told before its day's hours ("Sept. 2nd. Much troubled all
            # night"): the night that ended in the morning of the day it is written
            value = f"{A.shift(wref, 'D', -1, calendar) or written}TNI"
        type_ = c.type
        if narr and type_ == "DATE" and day_clock is not None and day_clock[0] == value:
            later = getattr(c.resolve, "clock_minutes", None)  # "an hour later" than ten o'clock
            if later is not None and 0 <= day_clock[1] + later < 24 * 60:
                value, type_ = f"{value}T{_hhmm(day_clock[1] + later)}", "TIME"
        if narr and type_ == "TIME":
            if day_clock is not None and c.source.endswith((BARE_CLOCK, SMALL_HOURS)):
                value = _clock_forward(value, day_clock, c.source.endswith(BARE_CLOCK), calendar)
            day_clock = _clock_of(value) or day_clock
        elif narr and c.type == "DATE" and c.sets_reference:
            day_clock = None  # a day told anew: its hours start again
        vcal = calendar
        if calendar_for is not None and c.calendar != "french-republican":
            got = calendars_of.get(value)  # pure in the value: a list repeats its values
            if got is None:
                got = calendars_of[value] = calendar_for(value)
            vcal = got
        story_value = None  # the day the story moves to, when not the timex's own value
        if c.written and c.calendar:
            if c.calendar != vcal:  # (the document's count of it; a time keeps its part)
                story_value = _to_doc_calendar(value, replace(c, gregorian=None), vcal)
            vcal = c.calendar  # a side of a dual date: as it is written
        elif c.calendar and c.calendar != vcal:  # (else it is counted in vcal already)
            value = _to_doc_calendar(value, c, vcal)
        t = Timex(  # by position (_TIMEX_FIELDS), a third of the cost of keywords
            tid,
            c.start,
            c.end,
            "",
            type_,  # type: ignore[arg-type]
            value,
            c.mod,
            vcal,
            None,  # gregorian
            None,  # edtf
            anchor_id,
            c.quant,
            c.freq,
            c.label,
            inferred,
            c.warning,
        )
        if c.calendar == "french-republican" and vcal == "gregorian":
            fin_cal = "french-republican"
        else:
            fin_cal = vcal
        if finalise is not None:
            try:
                t = finalise(t, fin_cal)
            except CalendarError:
                raise
            except Exception:  # noqa: BLE001
                pass
        if c.gregorian and not t.gregorian and c.type in ("DATE", "TIME"):
            t.gregorian = c.gregorian
        if c.calendar == "julian" and fin_cal == "gregorian" and _calendars is not None:
            # "16/28 August 1813", "5 June 1812 (O.S.)" in a Gregorian book: keep both sides
            t.label = _calendars.label(c.value, c.calendar, c.mod) or t.label
        out.append(t)
        if narr and t.type == "DATE" and (dm := _ISO_DAY.match(t.value)) is not None:
            wday = A.weekday(int(dm.group(1)), int(dm.group(2)), int(dm.group(3)), vcal)
            weekday_told[wday] = (t.value[:10], tid)
        if c.start in datelines and _ISO_DAY.match(t.value):
            written, written_id = t.value[:10], tid
        elif (
            written is not None
            and c.sets_reference
            and not getattr(c.resolve, "bare_day", False)
            and getattr(c.resolve, "weekday", None) is None
            and _begins_after(t.value, written, calendar)
        ):
            written = None  # "until the 6th of October": the story has gone past the writing
        if t.inferred:
            guessed.add(tid)
        if narr and rep_day:
            rep_month = _republican_month_of(t.value, c.end) or rep_month
        elif (
            narr
            and c.calendar == "french-republican"
            and not c.source.endswith(GREGORIAN_LEADS)
            and (c.sets_reference or (c.source.endswith(FAMOUS) and (from_dct or last is None)))
        ):
            # the days told next are this Republican month's (not after a famous day named
            # in passing: "you violated it on the 18th Fructidor")
            rep_month = _republican_month_of(t.value, c.end) or rep_month
        elif narr and c.type == "DATE" and _MONTH_PREFIX.match(t.value) and not _gloss(c):
            month_said = (c.end, t.value[:7], tid)
            rep_month = None
        if narr and c.type == "DATE" and c.resolve is None and t.value[:4].isdigit():
            # (not a span of years: "the Crimean War" is 1853-1856)
            if "/" not in t.value:
                year_said = (c.end, t.value[:4], tid)
                if story_begins is None and c.start < first_lookback:
                    story_begins = (t.value[:4], tid)  # "the campaign of 1743": its subject
        if len(t.value) == 7 and _PERIOD_VALUE.match(t.value) and ":comparative" not in c.source:
            last_period, last_period_id = t.value, tid
        if c.start in looked_back and last is not None and _before_story(t.value, last):
            in_passing = True  # "for she had sailed from Plymouth on the 27th of December, 1831"
            if _ISO_DAY.match(t.value):
                looked = (looked_back[c.start], t.value, tid)
        elif looked is not None and anchor_id == looked[2] and _ISO_DAY.match(t.value):
            looked = (looked[0], t.value, tid)  # "on 12 May, and ... on the 26th and ... on
            # the following day": each counted from the one before
        if c.start in asides:
            continue  # "(16/28 August 1813)": an aside, the story stays where it was
        if (
            # "On the 19th Brumaire ..." opening a chapter whose only date is its book's
            (
                c.sets_reference
                or from_writing
                or ((from_dct or last is None) and c.source.endswith(FAMOUS))
            )
            and not in_passing
            and c.type in ("DATE", "TIME")
            and "X" not in t.value
        ):
            part = _ref_part(story_value or t.value)
            if (
                narr
                and t.mod == "END"
                and c.resolve is not None
                and part is not None
                and _YEAR_ONLY.match(part)
            ):
                # "At the close of the year ... in the spring": the next spring (not a year
                # stated: "a conclusion by the end of 1915" is a hope told from 1914)
                part += "-12"
            night = A.parse_ref(part) if c.source.endswith(TWO_DAY_NIGHT) else None
            if night is not None:  # "the night of 6-7 August": the story goes on from the 7th
                part = A.shift(night, "D", 1, calendar) or part
            if part is not None and part[:4].isdigit():
                year: int | None = int(part[:4])
            else:  # astronomical: BC0146 is -145
                pref = A.parse_ref(part) if part is not None else None
                year = pref.year if pref is not None else None
            if part is not None and narr and period is not None and year is not None:
                bare = N.bare_year(part.removeprefix("BC")) is not None
                if bare and c.resolve is not None and not period.home(year):
                    mention = (part, tid)
                    continue  # "two years later" to a year the story does not dwell in
                if bare and not period.inside(year) and not period.confirmed(year, c.end):
                    mention = (part, tid)
                    continue  # "as in 1792": a passing mention, the story stays put
                if (
                    not bare
                    and not period.home(year)
                    and breaks is not None
                    and not (period.inside(year) and _goes_on(last, year))
                ):
                    excursion_end = N.paragraph_end(breaks, c.end)  # a flashback
                elif period.inside(year):
                    excursion_end = -1
            if (
                part is not None
                and narr
                and c.resolve is not None
                and last is not None
                and len(part) < len(last)
                and part < last[: len(part)]
                and not _paragraph_between(breaks, last_at, c.start)
            ):
                continue  # "suppressed in July" from November: a coarse glance back
            if (
                part is not None
                and c.start in glances
                and last is not None
                and not from_dct  # the year is only when it was written, not the story's
                and len(part) < len(last)
                and part[:4] != last[:4]
                # "... arrived off Canton in June 1840." told from 1839: the story goes on
                and (glances[c.start] or not _next_year(last, part))
            ):
                continue  # "... the loss of the Hampshire in June 1916." told from 1914
            if part is not None:
                mention = None
                # (the document's date is no story day: "April 1917." heading a war diary
                # dated 30 April starts the story at April, its "2nd" April's)
                last = part if from_dct and last_id == "t0" else _advance(last, part)
                last_id, last_at = tid, c.start
                if story_begins is None and c.start < first_lookback:
                    story_begins = (last, last_id)
                # a stated date ends it, as does a famous day
                from_dct = from_dct and c.resolve is not None and not c.source.endswith(FAMOUS)
                if excursion_end < 0:
                    home, home_id = last, last_id
                if mode == "narratives":
                    deictic_ref, deictic_id = last, last_id
    return out


# anchor_all builds each Timex by position: the fields in this order, or the import fails
_TIMEX_FIELDS = (
    "id",
    "start",
    "end",
    "text",
    "type",
    "value",
    "mod",
    "calendar",
    "gregorian",
    "edtf",
    "anchor",
    "quant",
    "freq",
    "label",
    "inferred",
    "warning",
)
check_field_order(Timex, _TIMEX_FIELDS, "engine.anchor_all")

_DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d$")
# what may stand between a clock time and the day it belongs to: "10:35 a.m. (0735 GMT) Friday",
# "Friday at 10 a.m.", "noon on Saturday", "11 a.m. Leningrad time the following day"
_CLOCK_DAY_GAP = re.compile(
    r"^[\s,]*(?:\([^()]{0,24}\)|(?:\w[\w-]*\s+)?time)?[\s,]*(?:on|at|of|around|about)?[\s,]*$"
)


_WEEKDAY_ONLY = re.compile(r"^(?:XXXX|\d{4})-WXX-([1-7])(T[A-Z]{2})?$")  # (of a year alone)
#: Farthest (characters) a day named later may stand from the weekdays it dates back.
WEEKDAY_BACK_REACH = 6000


_INDEFINITE_BEFORE = re.compile(r"(?:^|\W)(?:one|a|an|some|any|another|each|every)\s+$", re.I)


def _weekdays_before_a_day(
    text: str, timexes: list[Timex], finalise: Callable[[Timex, str], Timex] | None
) -> None:
    """Weekdays the story names before any day ("Thursday ... Saturday evening ... Sunday
    morning ...") and a day it names after them ("So passes Sunday, the 4th of October 1789"):
    each weekday is the last such day on or before the one after it (Sunday the 4th, Saturday
    the 3rd, Thursday the 1st), within a week of it; not "one Sunday", any Sunday."""
    if not any("-WXX-" in t.value for t in timexes):
        return  # no weekday left unresolved (a list of dates has none)
    anchor: tuple[int, int, int, int] | None = None  # (year, month, day, offset) to the right
    planned: list[int] = []
    for i in range(len(timexes) - 1, -1, -1):
        t = timexes[i]
        day = _DAY_VALUE.match(t.value[:10]) if t.type in ("DATE", "TIME") else None
        if day and "X" not in t.value[:10]:
            y, m, d = (int(p) for p in t.value[:10].split("-"))
            anchor = (y, m, d, t.start)
            continue
        w = _WEEKDAY_ONLY.match(t.value) if t.type in ("DATE", "TIME") else None
        if w is None or anchor is None or anchor[3] - t.end > WEEKDAY_BACK_REACH:
            continue
        if _INDEFINITE_BEFORE.search(text, max(0, t.start - 10), t.start):
            continue  # "One Sunday we went": a Sunday, not the one before that day
        if _PLANNED_IN_PAST.search(clause_before(text, t.start)):
            planned.append(i)  # "it was to be delivered on the Sunday": ahead of the story
            continue
        y, m, d, _ = anchor
        back = (A.weekday(y, m, d, t.calendar) - int(w.group(1))) % 7
        y, m, d = A.from_jdn(A.jdn(y, m, d, t.calendar) - back, t.calendar)
        moved = revalued(t, A.fmt_date(y, m, d) + (w.group(2) or ""), finalise)
        if moved is None:
            continue  # keep the weekday unresolved rather than fail
        timexes[i] = moved
        anchor = (y, m, d, t.start)
    for i in reversed(planned):  # (in text order) the first such day after the one told before
        t = timexes[i]
        w = _WEEKDAY_ONLY.match(t.value)
        before = next(
            (u for u in reversed(timexes[:i]) if _DAY_VALUE.match(u.value[:10] or "x")), None
        )
        if w is None or before is None or t.start - before.end > WEEKDAY_BACK_REACH:
            continue
        y, m, d = (int(p) for p in before.value[:10].split("-"))
        ahead = (int(w.group(1)) - A.weekday(y, m, d, t.calendar)) % 7 or 7
        y, m, d = A.from_jdn(A.jdn(y, m, d, t.calendar) + ahead, t.calendar)
        moved = revalued(t, A.fmt_date(y, m, d) + (w.group(2) or ""), finalise)
        if moved is not None:
            timexes[i] = moved


#: a clause told as what was yet to come: "it was to be delivered", "they were going to"
_PLANNED_IN_PAST = re.compile(r"\b(?:was|were)\s+(?:to|going\s+to|about\s+to)\b", re.I)


# between a day told from the story's and the date that glosses it: "the same day, which was
# the first of May", "the next morning, being the 14th"
_GLOSS_BETWEEN = re.compile(
    r"\s*,\s*(?:which\s+(?:was|is)|being|that\s+is(?:\s+to\s+say)?)\s+$", re.I
)
_SEASON_VALUE = re.compile(r"^\d{4}-(SP|SU|FA|WI)$")
_NOUN_OF_BETWEEN = re.compile(r"\s+[a-z]+\s+of\s+")
_OFFSET_WORDS = re.compile(r"\s(?:later|afterwards?|earlier|before)$", re.I)
_COMMA_BETWEEN = re.compile(r"\s*,\s*")
_THAN_AFTER = re.compile(r"\s+than\b", re.I)
_COUNTED_DAY = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)(T.*)?$")


def _glosses(
    text: str, timexes: list[Timex], finalise: Callable[[Timex, str], Timex] | None
) -> None:
    """Two neighbouring expressions, one of which the text states to be the other's day or
    year: each pair rule below gives (which of the two, its new value, field changes)."""
    for i in range(len(timexes) - 1):
        a, b = timexes[i], timexes[i + 1]
        got = (
            _season_of_nouns_year(text, a, b)
            or _offset_glossing_day(text, a, b)
            or _counted_day_glossed(text, a, b)
        )
        if got is not None:
            j, value, changes = got
            moved = revalued(timexes[i + j], value, finalise, **changes)
            if moved is not None:
                timexes[i + j] = moved


_Gloss = tuple[int, str, dict[str, Any]]


def _season_of_nouns_year(text: str, a: Timex, b: Timex) -> _Gloss | None:
    """ "the summer offensive of the year before": the season of the year its noun has."""
    sm = _SEASON_VALUE.match(a.value)
    if (
        sm is None
        or not _YEAR_ONLY.match(b.value)
        or b.value[:4] == a.value[:4]
        or not _NOUN_OF_BETWEEN.fullmatch(text, a.end, b.start)
    ):
        return None
    return 0, f"{b.value[:4]}-{sm.group(1)}", {}


def _offset_glossing_day(text: str, a: Timex, b: Timex) -> _Gloss | None:
    """ "on the 12th of November, nearly eight months later": the offset is that day."""
    if (
        a.type == "DATE"
        and b.type == "DATE"
        and _DAY_VALUE.match(a.value)
        and b.value != a.value
        and _OFFSET_WORDS.search(b.text)
        and _COMMA_BETWEEN.fullmatch(text, a.end, b.start)
        and not _THAN_AFTER.match(text, b.end)
    ):
        return 1, a.value, {"mod": None}
    return None


def _counted_day_glossed(text: str, a: Timex, b: Timex) -> _Gloss | None:
    """A day counted from the story's ("On the same day", "the next morning") that the text
    then states ("which was the first of May"): it is the stated day, as the author says; not
    a date told in figures, which is stated (a dual date's side)."""
    if a.type not in ("DATE", "TIME") or b.type != "DATE" or "X" in b.value:
        return None
    m = _COUNTED_DAY.match(a.value)
    if (
        not _DAY_VALUE.match(b.value)
        or m is None
        or any(ch.isdigit() for ch in a.text)
        or a.value[:10] == b.value
        or not _GLOSS_BETWEEN.fullmatch(text, a.end, b.start)
    ):
        return None
    return 0, b.value + (m.group(1) or ""), {}


#: how far (characters) before a passage's first day its opening "this day" may stand
OPENING_DAY_REACH = 2000
_DAY_UNKNOWN = re.compile(r"^(?:XXXX|\d{4})-(?:XX|\d\d)-XX(T(?:MO|AF|EV|NI))?$")
# the narrative present's day ("This day", "this very night") and its parts ("the night"); not
# "that day", which points back to a day already told ("one hot day ... that day")
_THIS_DAY = re.compile(
    r"^(?:this\s+(?:very\s+|same\s+)?(?:day|night|morning|evening|afternoon)"
    r"|the\s+(?:night|morning|evening|afternoon))$",
    re.I,
)
_NAMES_A_DAY = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d|XX)-\d\d")


def _opening_days(
    text: str, timexes: list[Timex], finalise: Callable[[Timex, str], Timex] | None
) -> None:
    """A passage that opens in the middle of a day ("before retiring for the night ... This
    day, for example, he sent twenty of the fellows") and names that day only further on
    ("This was the 13th day of July, 1789"): its "this day" and "the night" before any day
    of its own are that day, when it comes within OPENING_DAY_REACH, is known to the day and
    agrees with what they already hold (their year and month)."""
    first = next(
        (t for t in timexes if t.type in ("DATE", "TIME") and _NAMES_A_DAY.match(t.value)),
        None,
    )
    if first is None or not _DAY_VALUE.match(first.value[:10]):
        return  # no day named, or the first is a bare "the 15th" of an unknown month
    day = first.value[:10]
    for i, t in enumerate(timexes):
        if t.start >= first.start:
            break
        m = _DAY_UNKNOWN.match(t.value)
        if m is None or first.start - t.end > OPENING_DAY_REACH or not _THIS_DAY.match(t.text):
            continue
        if any(a != "X" and a != b for a, b in zip(t.value[:10], day, strict=True)):
            continue  # "1789-07-XX" fits the 13th of July 1789; another month does not
        moved = revalued(t, day + (m.group(1) or ""), finalise)
        if moved is not None:
            timexes[i] = moved


_PARA_GAP = re.compile(r"\n[ \t\r]*\n")  # a paragraph's end: a day beyond it is not a clock's


def _clock_on_named_day(
    text: str,
    cands: list[Candidate],
    timexes: list[Timex],
    finalise: Callable[[Timex, str], Timex] | None,
) -> None:
    """A clock time (or a moment: "at daylight on Thursday") with no day of its own takes the
    day named right beside it, not the DCT's: "at 10:35 a.m. (0735 GMT) Friday" is Friday's
    10:35; a bare hour told with a
    part of a day takes that part's half of the day: "at nine o'clock on the night of the
    30th of May" is 21:00 that day, "about two o'clock" on a night is the next day's 02:00."""
    for i, (c, t) in enumerate(zip(cands, list(timexes), strict=True)):
        if not c.value.startswith("XXXX-XX-XXT") or "T" not in t.value:
            continue
        for j in (i + 1, i - 1):
            if not 0 <= j < len(timexes):
                continue
            o = timexes[j]
            part = _DAY_PART_VALUE.match(o.value) if o.type == "TIME" else None
            if (not _DAY_VALUE.match(o.value) or o.type != "DATE") and part is None:
                continue
            gap = text[t.end : o.start] if j > i else text[o.end : t.start]
            if len(gap) <= 30 and _CLOCK_DAY_GAP.match(gap) and not _PARA_GAP.search(gap):
                day, clock = o.value[:10], t.value.split("T", 1)[1]
                if not clock[:1].isdigit() and part is not None:
                    continue  # "at daylight" beside "the night": two parts, neither a day
                if part is not None and not _HALF_OF_DAY.search(t.text):  # not "9 p.m."
                    day, clock = _in_part_of_day(day, clock, part.group(1), t.calendar)
                moved = revalued(t, f"{day}T{clock}", finalise, anchor=o.id)
                if moved is not None:  # else keep the DCT's day rather than fail
                    timexes[i] = moved
                break


_MIDNIGHT = re.compile(r"^(\d{4}-\d\d-\d\d)T24:00$")
# a midnight told without its day: the expression ends on it
_MIDNIGHT_ALONE = re.compile(r"(?:midnight|twelve(?:\s+o['’]clock)?\s+at\s+night)$", re.I)


def _midnight_opens_the_next_day(
    cands: list[Candidate],
    timexes: list[Timex],
    finalise: Callable[[Timex, str], Timex] | None,
) -> None:
    """A story's midnight is the next day's first hour (T00:00), as readers and annotators of
    narratives date it ("the fighting did not die away until after midnight"); news keeps
    TimeBank's T24:00 of the day, as does a midnight told with its day ("midnight of November
    11th", "at midnight November 5th"), which ends that day."""
    for i, (c, t) in enumerate(zip(cands, list(timexes), strict=True)):
        m = _MIDNIGHT.match(t.value) if t.type == "TIME" else None
        if m is None or not c.value.startswith("XXXX-XX-XXT") or not _MIDNIGHT_ALONE.search(t.text):
            continue
        ref = A.parse_ref(m.group(1))
        day = A.shift(ref, "D", 1, t.calendar) if ref is not None else None
        moved = revalued(t, f"{day}T00:00", finalise) if day else None
        if moved is not None:
            timexes[i] = moved


_DAY_PART_VALUE = re.compile(r"^\d{4}-\d\d-\d\dT(MO|AF|EV|NI)$")
_HALF_OF_DAY = re.compile(
    r"[ap]\.?\s?m\b|morning|afternoon|evening|night|noon|midnight|\d:\d|\d{4}", re.I
)


def _in_part_of_day(day: str, clock: str, part: str, calendar: str) -> tuple[str, str]:
    """A bare hour (12-hour reading) in a part of ``day``: its day and 24-hour clock."""
    hour, rest = int(clock[:2]) % 12, clock[2:]
    if part == "NI" and hour <= 4:
        ref = A.parse_ref(day)  # the small hours: the next day's
        shifted = A.shift(ref, "D", 1, calendar) if ref is not None else None
        return (shifted or day), f"{hour:02d}{rest}"
    if (part == "AF" and hour <= 6) or (part in ("EV", "NI") and hour >= 4):
        hour += 12
    return day, f"{hour:02d}{rest}"


def _asides(
    text: str, cands: list[Candidate], quotations: Sequence[tuple[int, int]]
) -> frozenset[int]:
    """Start offsets of candidates in parentheses, inside a quotation or in an inline note."""
    spans = sorted(quotations)
    starts = [s for s, _ in spans]
    notes = N.note_spans(text)
    cand_starts = [c.start for c in cands]
    parens = "(" in text  # without one, nothing is in parentheses
    out = set()
    line_start = _LineStarts(text)
    for c in cands:
        i = bisect_right(starts, c.start) - 1
        if (
            (i >= 0 and c.start < spans[i][1])
            or (parens and N.in_parentheses(text, c.start, c.end))
            or (notes and N.in_spans(notes, c.start))
            or (
                # a dateline's line starts within its reach (in_dateline's own first test)
                line_start.before(c.start) >= c.start - N.DATELINE_REACH
                and N.in_dateline(text, c.start, c.end)
                and not _shares_line(text, c, cand_starts)
            )
        ):
            out.add(c.start)
    return frozenset(out)


class _LineStarts:
    """Where the line holding each of a rising series of offsets starts: the text is scanned
    once forward (a list of dates on one long line costs one scan, not one search per date)."""

    __slots__ = ("text", "last", "scanned")

    def __init__(self, text: str) -> None:
        self.text, self.last, self.scanned = text, 0, 0

    def before(self, pos: int) -> int:
        """The offset after the last newline before ``pos`` (0 on the first line); ``pos``
        no smaller than the one asked before."""
        if pos < self.scanned:  # (not rising: look back afresh)
            return self.text.rfind("\n", 0, pos) + 1
        nl = self.text.rfind("\n", self.scanned, pos)
        if nl >= 0:
            self.last = nl + 1
        self.scanned = pos
        return self.last


_SENTENCE_START = re.compile(r"[.;!?]\s")
_WORD = re.compile(r"[a-z']+")
_COARSE_VALUE = re.compile(r"^\d{4}(?:-\d\d|-(?:SP|SU|FA|WI|Q[1-4]|H[12]))?$")
_SENTENCE_CLOSE = re.compile(r"\s*[.;!?]")
_CLOSE_FIRST = first_chars(_SENTENCE_CLOSE.pattern)
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?]\s+|\n\s*\n\s*)(?:\w+\s+){0,2}$")


def _glances(text: str, cands: list[Candidate], future: frozenset[str]) -> dict[int, bool]:
    """Starts of absolute month/year dates that close their sentence, not opening it: the
    place of one fact ("sank in June 1916."), unlike a frame ("In June 1916, the ..."); each
    with whether its sentence tells it ahead ("would end by the end of 1915.")."""
    out: dict[int, bool] = {}
    for c in cands:
        if c.resolve is not None or not may_start(text, c.end, _CLOSE_FIRST):
            continue  # (what follows cannot close a sentence: the cheapest test first)
        if not _COARSE_VALUE.match(c.value) or not _SENTENCE_CLOSE.match(text, c.end):
            continue
        if _SENTENCE_OPEN.search(text, max(0, c.start - 40), c.start):
            continue  # "In June 1916." alone is a frame, a heading
        said = _SENTENCE_START.split(text[max(0, c.start - 200) : c.start])[-1].lower()
        out[c.start] = not future.isdisjoint(_WORD.findall(said))
    return out


def _shares_line(text: str, c: Candidate, starts: list[int]) -> bool:
    """Whether another candidate starts on c's line before it ("Friday, November 9th" is a
    heading, not "Place, date"); ``starts``: all candidates' starts, sorted."""
    ls = text.rfind("\n", 0, c.start) + 1
    return bisect_left(starts, ls) < bisect_left(starts, c.start)


def _mostly_julian(timexes: Sequence[Timex]) -> bool:
    """Whether most of the dates with a stated year (days, months, years) were counted Julian."""
    jul = greg = 0
    for t in timexes:
        if t.type != "DATE" or not t.value[:1].isdigit() and not t.value.startswith("BC"):
            continue
        if t.calendar == "julian":
            jul += 1
        elif t.calendar == "gregorian":
            greg += 1
    return jul > greg


def _completed(static: str, value: str) -> bool:
    """Whether resolving filled a year or month the expression left open ("March 12th":
    ``XXXX-03-12`` → ``1921-03-12``), as opposed to counting from a reference ("the next day")."""
    return _OPEN_YEAR.match(static) is not None and value[:4].isdigit()


_PASSED = "\x00the reference's id"  # a marker: does _choose_year keep the id it was given?
_FAMOUS = "\x00a famous day"  # a marker: _choose_year took a famous day's year


def _choose_year(
    c: Candidate,
    ref: str | None,
    rid: str | None,
    period: N.Period | None,
    calendar: str,
    given_year: int | None = None,
) -> tuple[str | None, str | None, bool]:
    """(reference, its id, inferred?) for a day-month without a year: a stated weekday picks
    the year where it fits (unless the date is within two months of a dated reference); a
    famous day (data/famous_days.tsv) written as a name near the story's years is that day
    (its id _FAMOUS); without a reference the document's dominant year is used; far from the
    reference in its own year, the neighbouring year nearer to it; from a reference outside
    the story's years (the period's, else the ``given_year`` of the reader), its home year
    when nearer."""
    rf = A.parse_ref(ref)
    md = getattr(c.resolve, "month_day", None)
    wd = getattr(c.resolve, "weekday", None)
    feast = getattr(c.resolve, "feast", None)
    if (
        md
        and md[1] is not None
        and (wd is not None or feast is not None)
        and not (  # close to a dated reference: trust the story over a (mistaken?) weekday
            rf is not None
            and rf.any_month is not None
            and abs((md[0] - rf.any_month) * 30.5 + ((md[1] or 15) - (rf.day or 15))) <= 60
        )
    ):
        y = N.fitting_year(rf.year if rf else None, period, c.resolve.fits_year)  # type: ignore[union-attr]
        if y is not None and (rf is None or y != rf.year):
            return A.fmt_year(y), None, True
        return ref, rid, False
    near = rf.year if rf is not None else period.dominant if period is not None else None
    if md and md[1] is not None and near is not None and getattr(c.resolve, "named", False):
        famous = N.famous_year(md[0], md[1], near, calendar)
        if famous is not None and famous != near:
            return A.fmt_year(famous), _FAMOUS, True  # "after the revolution of the 10th of August"
    if rf is None and period is not None:
        return A.fmt_year(period.dominant), None, True
    if period is None and given_year is not None:
        period = N.Period(given_year, given_year, given_year, margin=0)
    if md and rf is not None and rf.any_month is not None and period is not None:
        home = N.home_year_nearer(md[0], md[1], rf.year, rf.any_month, rf.day, period)
        if home is not None:
            return A.fmt_year(home), rid, False
    if md and rf is not None and rf.any_month is not None:
        y = N.nearest_year(md[0], md[1], rf.year, rf.any_month, rf.day)
        if y != rf.year:  # "January 3rd" after 20 December: the story crossed the year-end
            return A.fmt_year(y), rid, False
    return ref, rid, False


#: how far (characters) after a month told in passing a bare day ("the 24th") is of that month
MONTH_REACH = 160
#: How far a Republican month told ("the 18th Brumaire") lends itself to bare days after it:
#: a story told in that calendar keeps to it for a few paragraphs
REPUBLICAN_MONTH_REACH = 4 * MONTH_REACH
#: how far (characters) after a year stated in passing "that year" still means it
YEAR_REACH = 300
_SENTENCE_END = re.compile(r"[.!?;][\"”’')\]]*\s")
_MONTH_PREFIX = re.compile(r"^\d{4}-\d\d(?:$|-)")

#: how far (characters) after a named event's name a day and month may be told of it
EVENT_REACH = 300


def _event_year(events: Sequence[tuple[int, str, str]], c: Candidate, narr: bool) -> str | None:
    """The year of the named event just told (``anchor_all``) when ``c`` is a day and month
    within its days; else None."""
    if not events or not narr or not getattr(c.resolve, "year_free", False):
        return None
    md = getattr(c.resolve, "month_day", None)
    if not md or md[1] is None:
        return None
    i = bisect_right(events, (c.start, "", "")) - 1
    if i < 0 or c.start - events[i][0] > EVENT_REACH:
        return None
    _, start, end = events[i]
    if (int(start[5:7]), int(start[8:10])) <= (md[0], md[1]) <= (int(end[5:7]), int(end[8:10])):
        return start[:4]
    return None


def _story_seed(
    text: str,
    title: str | None,
    dct: str,
    cands: Sequence[Candidate] = (),
    calendar_of: Callable[[int], str] | None = None,
) -> tuple[str, str]:
    """The running reference a narrative with a creation date starts from: a named event the
    text tells of, when it lies before that date ("the battle of the Somme" in a history
    published in 1920: its "1 July" is 1916), else the document's date. A year the text
    states before it first names the event comes first ("Nightingale (12 May 1820 – 1910)
    ... came to prominence during the Crimean War"). A memoir's "It is now twenty years
    since" counts back from that date; a passage that states no year of its own before its
    days takes the year of who and what it names (``_named_era``) when the date is only a
    year of publication."""
    if _historical is not None and dct[:4].isdigit():
        try:
            inferred = _historical.infer_reference(text, title)
        except Exception:  # noqa: BLE001 - a guess must never sink the document
            inferred = None
        ref = A.parse_ref(inferred[0]) if inferred else None
        if inferred and ref is not None and ref.year < int(dct[:4]):
            named = [c.start for c in cands if c.source.endswith(":event")]
            if not named and (at := _historical.first_named(text)) is not None:
                named = [at]  # named, not told as a date: "a campaign of the Civil War"
            stated = next(
                (
                    c
                    for c in cands
                    if c.resolve is None and c.type == "DATE" and _FULL_YEAR.match(c.value)
                ),
                None,
            )
            if stated is not None and named and stated.start < min(named):
                return stated.value.split("-")[0], "the first year the text states"
            era = (
                _named_era(text, cands, int(dct[:4]), calendar_of)
                if len(named) <= 1 and not _ISO_DAY.match(dct)
                else None
            )
            era_ref = A.parse_ref(era[0]) if era is not None else None
            if era is not None and era_ref and _episode_rather(text, era_ref.year, ref.year):
                # an event named once, against episodes of another year the passage names,
                # is a comparison ("as at Crécy" in a chapter on Agincourt)
                return era
            return inferred
    back = _years_since_telling(text) if dct[:4].isdigit() else None
    if back is not None and 0 < back <= int(dct[:4]):
        return A.fmt_year(int(dct[:4]) - back), "so many years before its writing, as it says"
    # (a piece dated to the day tells from that day: only a year of publication is left behind)
    if dct[:4].isdigit() and not _ISO_DAY.match(dct):
        era = _named_era(text, cands, int(dct[:4]), calendar_of) or _first_year_told(
            cands, int(dct[:4])
        )
        if era is not None:
            return era
    return dct, "the document's date"


def _first_year_told(cands: Sequence[Candidate], before: int) -> tuple[str, str] | None:
    """The first year a passage states, when it tells days and months before it ("in the
    middle of March ... the year of Rome 1028"): nearer its story than the year it was
    published in. None when it states a year first or none before ``before``."""
    first_day = False
    for c in cands:
        if c.resolve is not None and c.value.startswith("XXXX-"):
            first_day = True
        elif c.resolve is None and c.sets_reference and _FULL_YEAR.match(c.value.split("T")[0]):
            # (a time of a day too: "the evening of Sunday, the 2nd of October 1836")
            year = c.value.split("T")[0].split("-")[0]  # "BC0049" too
            ref = A.parse_ref(year)
            if first_day and ref is not None and ref.year < before:
                return year, "the first year the text states, after days told without one"
            return None
    return None


#: a year written this close after a passage's first year-less day dates it ("Jan. 1. 1660/61")
YEAR_AFTER_DAY = 40


#: the most years a clue may span to count as an episode (a battle, a siege, a voyage)
EPISODE_YEARS = 2


def _episode_rather(text: str, year: int, event_year: int) -> bool:
    """Whether the passage names episodes of ``year`` (clues of at most EPISODE_YEARS years:
    "Harfleur", "Agincourt") more than twice as often as episodes of ``event_year``."""
    episodes = [c for c in _clues.named(text) if c.end - c.start < EPISODE_YEARS]
    here = sum(1 for c in episodes if c.start <= year <= c.end)
    there = sum(1 for c in episodes if c.start <= event_year <= c.end)
    return here > 2 * there


#: how far into its paragraph a passage's first year-less day may be dated by a stated year
YEAR_IN_PARAGRAPH = 600


def _year_in_paragraph(text: str, cands: Sequence[Candidate], first_day: int) -> bool:
    """Whether a year the passage states dates its first days from their own paragraph ("on
    the seventh of January ... This was in the year 705 of the city"): then it, not the names
    the passage holds, is their year."""
    for c in cands:
        if c.start < first_day:
            continue
        if c.start > first_day + YEAR_IN_PARAGRAPH or _PARA_GAP.search(text, first_day, c.start):
            return False
        if c.resolve is None and c.sets_reference and _FULL_YEAR.match(c.value):
            return True
    return False


def _named_era(
    text: str,
    cands: Sequence[Candidate],
    before: int | None,
    calendar_of: Callable[[int], str] | None = None,
) -> tuple[str, str] | None:
    """(year, reason) from who and what a passage names ("Kerensky and his Cossacks": 1917),
    when it tells of days and months before it states any year of its own (else that year
    dates them); ``before``: the last year its story can be in."""
    first_day = None
    no_month = False  # the first such day lacks its month too ("On the 15th")
    for c in cands:
        if first_day is not None and c.start > first_day + YEAR_AFTER_DAY:
            break
        if (
            c.resolve is None
            and (c.value[:4].isdigit() or c.value.startswith("BC"))
            and (c.sets_reference or first_day is not None)
        ):
            return None  # a year of its own comes first, or right after ("Jan. 1. 1660/61")
        if first_day is None and c.resolve is not None and c.value.startswith("XXXX-"):
            first_day = c.end  # "On the 22nd ...": a day the story's year must date
            no_month = c.value.startswith("XXXX-XX")
    if first_day is None or _year_in_paragraph(text, cands, first_day):
        return None
    dated: list[Callable[[int, str | None], bool]] = [
        c.resolve.fits_year  # type: ignore[union-attr]
        for c in cands
        if getattr(c.resolve, "weekday", None) is not None
        and callable(getattr(c.resolve, "fits_year", None))
    ]

    julian_in = _julian_in(text)

    def fits(year: int) -> int:
        """How many of the text's weekday-dated days fall on their weekday in ``year``, in the
        calendar of that year's days or, where its country still counted Old Style then, in
        the Julian (how the writer counts is known only once the year is: Macaulay's "Monday,
        the 5th of November" is 1688's in Old Style)."""
        cals = {calendar_of(year) if calendar_of is not None else None}
        if julian_in(year):
            cals.add("julian")
        return sum(1 for fit in dated if any(fit(year, c) for c in cals))

    try:
        plain = frozenset(
            y
            for c in cands
            if c.resolve is None and _STATED_YEAR.match(c.value)
            # "the 22nd of January 1688/9": an Old Style split year names the civil year too
            for y in (
                (int(c.value[:4]), int(c.value[:4]) - 1)
                if _SPLIT_YEAR.search(text, c.start, c.end)
                else (int(c.value[:4]),)
            )
        )
        # "the fifth year of Justinian": one of the two years it straddles; told before any
        # year of its own, it is the passage's year, which the names only choose between
        regnal = frozenset(
            y for c in cands for y in getattr(c.resolve, "regnal_years", ()) if y > 0
        )
        got = _clues.infer(
            text,
            before,
            fits if dated else None,
            plain | regnal,
            with_month=no_month,
            within=regnal if regnal and not plain else None,
        )
    except Exception:  # noqa: BLE001 - a guess must never sink the document
        return None
    if got is None:
        return None
    year, month, reason = got
    if no_month and month is None:
        month = _month_of_weekdays(cands, year, calendar_of(year) if calendar_of else "gregorian")
        if month is not None:
            reason += f"; its weekdays fall on their days only in {A.fmt_date(year, month)}"
    return (A.fmt_date(year, month) if month else A.fmt_year(year)), reason


def _julian_in(text: str) -> Callable[[int], bool]:
    """Whether a year was still counted Old Style where the text's places are (else where
    the first states switched): the calendar its undated days may be told in."""
    if _policy is None:
        return lambda _year: False
    dom = _policy.dominant_country(text)
    switch = _calendars.switches()[dom[0] if dom else _policy.DEFAULT_SWITCH]
    return lambda year: _policy.julian_in(switch, year)


def _calendar_of(pol: Any, cal: str) -> Callable[[int], str]:
    """The calendar a year's days are counted in: the document policy's, else ``cal``."""
    if pol is None:
        return lambda _year: cal
    return lambda year: str(pol.calendar_for(A.fmt_year(year)))


def _month_of_weekdays(cands: Sequence[Candidate], year: int, calendar: str) -> int | None:
    """The one month of ``year`` in which every day the passage tells with its weekday and
    without its month falls on that weekday (Grant's "Wednesday, the 4th", "Thursday, the
    5th", "Monday, the 9th": only May in 1864), or None."""
    pairs = {
        (c.resolve.day_number, wd)  # type: ignore[union-attr]
        for c in cands
        if (wd := getattr(c.resolve, "day_weekday", None)) is not None
        and getattr(c.resolve, "bare_day", False)
    }
    if not pairs:
        return None
    months = [
        m
        for m in range(1, 13)
        if all(
            A.valid(year, m, d, calendar) and A.weekday(year, m, d, calendar) == wd
            for d, wd in pairs
        )
    ]
    return months[0] if len(months) == 1 else None


_STATED_YEAR = re.compile(r"\d{4}(?:$|-)")
_SPLIT_YEAR = re.compile(r"\d{4}/\d{1,2}\b")


def _years_since_telling(text: str, language: str = "en") -> int | None:
    """How many years before its writing a memoir says its story was ("It is now
    three-and-twenty years since that week"), told outside quotations; None when it does
    not say (the phrasings are the lexicon's)."""
    lex = load(language)
    for rx in lex.telling_res:
        for m in rx.finditer(text):
            if in_quote(text, m.start()):
                continue
            n = parse_number(m.group("n"), lex)
            if n is not None and n == int(n) and 1 <= n <= 100:
                return int(n)
    return None


_FULL_YEAR = re.compile(r"^(?:BC)?\d{4}(?:-\d\d(?:-\d\d)?)?$")


def tag(
    text: str,
    *,
    mode: str = "narratives",
    dct: str | None = None,
    reference: str | None = None,
    calendar: str = "gregorian",
    language: str = "en",
    title: str | None = None,
    quotations: Sequence[tuple[int, int]] = (),
    story_start: int = 0,
) -> tuple[list[Timex], dict[str, str | None]]:
    """Tag ``text``; returns the timexes and document facts (calendar, reason, reference).

    In narratives, dates inside ``quotations`` (start, end spans: a speaker recalling "the
    rising of July 16th") or in parentheses are resolved but do not move the story's date."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}: expected one of {', '.join(MODES)}")
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    dct_v = normalise_date_arg(dct, "dct")
    ref_v = normalise_date_arg(reference, "reference")
    if _historical is not None:
        _historical.new_document()
    if mode == "news" and dct_v is None and ref_v is None:
        mode = "narratives"  # no creation time to anchor on: the text's own dates will do
    found = _historical_of(text)
    pol = document_policy(text, calendar, title, ref_v, found)  # a DCT is when it was written
    cal, reason = (pol.calendar, pol.reason) if pol is not None else decide_calendar(text, calendar)
    cands = (
        candidates(text, mode, cal, language, found) if text else []
    )  # first: refuses junk early
    ref_reason = "given" if ref_v else None
    if mode == "narratives" and ref_v is None and dct_v is not None:
        ref_v, ref_reason = _story_seed(text, title, dct_v, cands, _calendar_of(pol, cal))
    if (
        pol is not None
        and pol.reason.endswith(_UNDATED)
        and ref_v is not None
        and ref_v[:4].isdigit()
        and ref_reason not in (None, "given", "the document's date")
    ):
        # the year its names point to dates the text, and its weekdays or known events then
        # show how it counts: "Friday, the 19th of July" of the Armada's 1588 is Julian
        dated = document_policy(text, calendar, title, None, found, int(ref_v[:4]))
        if dated is not None and dated.calendar != cal and dated.reason.startswith(_EVIDENCE):
            pol, cal, reason = dated, dated.calendar, dated.reason
            cands = candidates(text, mode, cal, language, found)
    title_y = _policy.title_year(title) if _policy is not None else None
    if mode == "narratives" and ref_v is None and title_y is not None:
        ref_v, ref_reason = A.fmt_year(title_y[0]), title_y[1]
    if mode == "narratives" and ref_v is None and _historical is not None:
        try:
            inferred = _historical.infer_reference(text, title)
        except Exception:  # noqa: BLE001
            inferred = None
        if inferred:
            ref_v, ref_reason = inferred[0], inferred[1]
            ref_v = ref_v if _REFERENCE_VALUE.match(ref_v) else None
    if mode == "narratives" and ref_v is None:
        named = _named_era(text, cands, None, _calendar_of(pol, cal))
        if named is not None:
            ref_v, ref_reason = named
    if (
        pol is not None
        and pol.guessed
        and ref_v is not None
        and ref_v[:4].isdigit()
        and ref_reason not in (None, "given", "the document's date")
        and _MENTIONED in pol.reason  # (only an era of mentioned years can give way to it)
    ):
        # the year its names point to, later than every year it mentions, dates the text: a
        # passage of Moscow in 1919 (Lenin, the Comintern) recalling 1906 counts in New Style
        dated = document_policy(text, calendar, title, None, found, int(ref_v[:4]))
        if dated is not None and dated.calendar != cal and _SURE_AFTER in dated.reason:
            pol, cal, reason = dated, dated.calendar, dated.reason
            cands = candidates(text, mode, cal, language, found)
    if mode == "news" and dct_v is None:
        dct_v = ref_v
    fin = _calendars.finalise if _calendars is not None else None
    events: list[tuple[int, str, str]] = []
    if mode == "narratives" and _historical is not None:
        try:
            events = _historical.dated_mentions(text)
        except Exception:  # noqa: BLE001 - a guess must never sink the document
            events = []

    # a dated piece (a newspaper's feature, not a book dated by its year): what it tells in
    # the present or future tense it tells from its own day
    narr_dated = mode == "narratives" and dct_v is not None and _ISO_DAY.match(dct_v) is not None

    def anchored(cands: list[Candidate], cal: str) -> list[Timex]:
        # a letter's dateline dates what the letter tells; a preface's or a decree's is aside
        written = (
            _datelines(text, cands, load(language).lists["salutations"])
            if mode == "narratives"
            else frozenset()
        )
        return anchor_all(
            cands,
            mode=mode,
            dct=dct_v,
            reference=ref_v,
            calendar=cal,
            finalise=fin,
            breaks=N.paragraph_breaks(text) if mode == "narratives" else None,
            reference_inferred=ref_reason not in (None, "given", "the document's date"),
            calendar_for=pol.calendar_for if pol is not None else None,
            title_year=title_y[0] if title_y is not None and mode == "narratives" else None,
            asides=_asides(text, cands, quotations) - written
            if mode == "narratives"
            else frozenset(),
            story_start=story_start,
            glances=_glances(text, cands, load(language).lists["future"])
            if mode == "narratives"
            else _NO_GLANCES,
            reference_is_dct=ref_reason == "the document's date",
            events=events,
            sentence_ends=(
                [m.end() for m in _SENTENCE_END.finditer(text)] if mode == "narratives" else ()
            ),
            datelines=written,
            of_writing=_of_writing(text, cands, language) if written else _NO_GLANCES,
            that_weekdays=frozenset(
                c.start
                for c in cands
                if _ANY_WEEKDAY.match(c.value) and _THAT_WEEKDAY.match(text, c.start)
            )
            if mode == "narratives"
            else frozenset(),
            told_now=_told_now(text, cands, language, cal) if narr_dated else frozenset(),
            looked_back=_told_in_pluperfect(text, cands, load(language).lists["subordinators"])
            if mode == "narratives"
            else _NO_LOOKS,
            lookbacks=N.lookback_sections(text, load(language).lists["background_headings"])
            if mode == "narratives"
            else (),
        )

    timexes = anchored(cands, cal)
    if (
        pol is not None
        and pol.guessed
        and not pol.era_given
        and cal == "gregorian"
        and _mostly_julian(timexes)
    ):
        # Rome in a book written in 1776: the places and the author's own dates said
        # Gregorian, the dates the story tells are older than the switch
        cal = "julian"
        reason = (
            f"{reason}; but most of the dates it tells fall before that switch, so the text"
            " counts in the Julian calendar"
        )
        cands = candidates(text, mode, cal, language, found)
        timexes = anchored(cands, cal)

    def settle(timexes: list[Timex]) -> None:
        """Their words, and each clock time on the day named beside it."""
        for t in timexes:
            t.text = text[t.start : t.end]
        _clock_on_named_day(text, cands, timexes, fin)

    settle(timexes)
    if mode == "narratives":
        before = [t.value for t in timexes]
        _weekdays_before_a_day(text, timexes, fin)
        seed = _opening_weekday(before, timexes, ref_v)
        if seed is not None:
            # "That Sunday had been set apart ... six days before": the story opens on the
            # day its first weekday turned out to be; told again from it
            ref_v, ref_reason = seed, "the day its opening weekday falls on, as told further on"
            timexes = anchored(cands, cal)
            settle(timexes)
            _weekdays_before_a_day(text, timexes, fin)
        _opening_days(text, timexes, fin)
        _glosses(text, timexes, fin)
        _midnight_opens_the_next_day(cands, timexes, fin)
    lists = load(language).lists
    first_end_years(text, timexes, lists["range_connectors"], fin)
    if mode == "news":  # (a narrative's weekdays already go forward)
        weekday_range_ends(
            text,
            timexes,
            lists["range_openers"],
            lists["range_connectors"],
            frozenset(load(language).tables["weekdays"]),
            fin,
        )
    timexes = range_ends(
        text, timexes, lists["range_connectors"], lists["written_year_followers"], fin
    )
    return timexes, {
        "calendar": cal,
        "calendar_reason": reason,
        "reference": ref_v,
        "reference_reason": ref_reason,
        "dct": dct_v,
    }
