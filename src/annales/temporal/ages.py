"""Ages as dates: "at the age of thirteen", "in his fortieth year" are years of a life whose
birth the text gives ("born in 1791", "(63 BC - AD 14)"). Without a birth year an age is no
date ("soldiers over forty"), so nothing is found.

The words are the lexicon's ([numbers], [ordinals], [ordinal_tens]; the rules "age_of" and
"year_of_life" in en.toml); this module only counts. Its kind is registered in
``normalise._KINDS`` (see the end of this module).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from annales.temporal import anchor as A
from annales.temporal import normalise as N
from annales.temporal.language import Lexicon
from annales.temporal.recognise import Hit
from annales.temporal.types import Candidate

#: how far (characters) after "born" its year may stand: "born at Newington Butts, in
#: Surrey, on 22 September 1791"
BORN_REACH = 90
_BORN = re.compile(
    r"\b(?:born|b\.)(?=[\s,])[^.;()]{0,"
    + str(BORN_REACH)
    + r"}?(?<![\w-])(\d{3,4}|\d{1,2}(?=\s*B\.?\s?C\b))(?![\w-])(\s*B\.?\s?C\b\.?)?",
    re.IGNORECASE,
)
# a life's span after a name: "(1791-1867)", "(63 BC - AD 14)", "(b. 1791)"
_LIFESPAN = re.compile(
    r"\(\s*(\d{1,4})(\s*B\.?\s?C\b\.?)?\s*[-–—]\s*(?:A\.?\s?D\.?\s*)?\d{1,4}(?:\s*(?:A\.?\s?D|B\.?\s?C)\.?)?\s*\)",
    re.IGNORECASE,
)


#: how far (characters) after the birth it tells an age may still be that life's: a
#: biography's opening paragraphs
AGE_REACH = 4000
_THRESHOLD_BEFORE = re.compile(
    r"\b(?:under|over|above|below|from|after|before|until|till)\s+$", re.I
)


def births(text: str) -> tuple[list[int], list[int]]:
    """(offsets, astronomical years) of the births the text tells, in text order."""
    found = []
    for rx in (_BORN, _LIFESPAN):
        for m in rx.finditer(text):
            y = int(m.group(1))
            if m.group(2):
                y = 1 - y  # 63 BC is the astronomical year -62
            found.append((m.start(), y))
    found.sort()
    return [o for o, _ in found], [y for _, y in found]


def _ordinal(word: str, lex: Lexicon) -> int | None:
    """ "fortieth" 40, "seventy-sixth" 76, "19th" 19."""
    w = word.lower()
    if w[:-2].isdigit():
        return int(w[:-2])
    got = lex.lookup("ordinals", w) or lex.lookup("ordinal_tens", w)
    if isinstance(got, int) and got > 0:
        return got
    tens, _, unit = w.partition("-")
    t, u = lex.lookup("numbers", tens), lex.lookup("ordinals", unit)
    if isinstance(t, int) and isinstance(u, int) and 20 <= t <= 90 and 1 <= u <= 9:
        return t + u
    return None


def age(hit: Hit, ctx: N.Context) -> Candidate | None:
    """ "the age of thirteen" told after "born in 1791": 1804; "his nineteenth year" of a
    life begun in 63 BC: 44 BC (the birth year plus the age, as annotators count it)."""
    if ctx.mode != "narratives":
        return None
    g, lex = hit.groups, ctx.lex
    if g.get("age_n"):
        n = N.parse_number(g["age_n"], lex)
    else:
        n = _ordinal(g.get("life_nth") or "", lex)
    if n is None or not 1 <= n <= 120 or n != int(n):
        return None
    if ctx.births is None:
        ctx.births = births(ctx.text)
    offsets, years = ctx.births
    i = bisect_right(offsets, hit.start) - 1
    if i < 0 or hit.start - offsets[i] > AGE_REACH:
        return None  # no birth told shortly before it: an age, not a date
    if _THRESHOLD_BEFORE.search(ctx.text, max(0, hit.start - 12), hit.start):
        return None  # "under the age of twenty-five", "from the age of seven": anyone's
    year = years[i] + int(n)

    def r(ref: str | None) -> str:
        # an age runs from one birthday to the next: "On the 1st of March, 1813, at the age
        # of twenty-one" (born September 1791) is 1813
        rf = A.parse_ref(ref)
        return A.fmt_year(rf.year if rf is not None and rf.year in (year, year + 1) else year)

    return N._cand(hit, "DATE", A.fmt_year(year), r, sets_reference=False)


N._KINDS["age"] = age  # (normalise imports this module at its end)
