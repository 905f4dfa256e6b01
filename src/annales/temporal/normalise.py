"""Turn a rule match into a ``Candidate``: its TIMEX3 type and value, or a resolver.

Fully specified expressions get their value here. Underspecified ones ("Friday", "the 23rd",
"last year", "three days later") get ``resolve(reference)``, a closure the engine calls in
text order with the reference that applies (the DCT or the running narrative date). The
normaliser reads the named groups a rule captured; it knows no English words itself: word
meanings come from the lexicon tables.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import cache, lru_cache
from typing import Any

from dateutil.easter import easter as _easter

from annales.temporal import anchor as A
from annales.temporal.calendars import bounds
from annales.temporal.clues import Clue, clues, holds_office, named
from annales.temporal.language import Lexicon
from annales.temporal.narrative import (
    after_signal,
    on_weekday,
    passing_mention,
    planned_for,
    word_then_space,
)
from annales.temporal.recognise import Hit
from annales.temporal.types import Candidate, check_field_order

Resolver = Callable[[str | None], str]
_SENT_END = re.compile(r"[.!?;\n]")
_TOK = re.compile(r"[^\W_]+(?:['’][a-z]+)?", re.UNICODE)
_UNIT_RANK = {"D": 0, "W": 1, "M": 2, "Q": 3, "Y": 4}


class Context:
    """What the normaliser needs besides the match: text, lexicon, mode and calendar."""

    __slots__ = (
        "text",
        "lex",
        "mode",
        "calendar",
        "pipes",
        "now_initials",
        "pieces",
        "year_values",
        "now_words",
        "births",
    )

    def __init__(self, text: str, lex: Lexicon, mode: str, calendar: str) -> None:
        self.text = text
        self.lex = lex
        self.mode = mode
        self.calendar = calendar
        self.pipes = "|" in text  # without any, no number stands in a table cell
        self.now_initials = _initials(lex.lists["narrator_now_words"])
        # id(groups) -> (groups, what they say): the hits of a repeated stretch share their
        # groups (recognise.find), so a list of dates parses each kind of date once
        self.pieces: dict[int, tuple[dict[str, Any], _Pieces | None]] = {}
        self.year_values: dict[int, tuple[dict[str, Any], str | None]] = {}  # _year_value
        self.now_words: dict[int, tuple[dict[str, Any], bool]] = {}  # _says_now
        self.births: tuple[list[int], list[int]] | None = None  # ages.births, when asked


# ------------------------------------------------------------------------------- numbers


def parse_number(s: str | None, lex: Lexicon) -> float | None:
    """``"twenty-five"`` → 25, ``"5 1/2"`` → 5.5, ``"a"`` → 1; None for vague quantities."""
    if s is None:
        return None
    s = s.strip().lower()
    if not s:
        return None
    half = 0.0
    if s.endswith("1/2"):
        half, s = 0.5, s[:-3].strip()
    try:
        return float(s.replace(",", "")) + half
    except ValueError:
        pass
    nums = lex.tables["numbers"]
    words = [w for w in re.split(r"[\s-]+", s) if w and w != "and"]
    if len(words) > 1 and words[0] in ("a", "an"):
        words = words[1:]  # "a single", "a hundred", "a dozen"
    total = 0
    current = 0
    seen = False
    for w in words:
        if w == "dozen":
            current = (current or 1) * 12
            seen = True
            continue
        v = nums.get(w)
        if v is None:
            return None
        seen = True
        if v in (100, 1000):
            current = (current or 1) * v
            if v == 1000:
                total += current
                current = 0
        else:
            current += v
    return float(total + current) + half if seen else None


# ------------------------------------------------------------------------------- tense


def tense(ctx: Context, start: int, end: int, perfect: str = "past") -> str | None:
    """ "past" | "future" | "present" | None from the verbs nearest the expression in its
    sentence (the cue HeidelTime takes from POS tags, here from word lists). A present
    perfect ("has closed") counts as ``perfect``: past for a news verb's direction, present
    for what a dated piece tells from its own day ("This week the city has marked")."""
    text = ctx.text
    lists = ctx.lex.lists
    lo = max(0, start - 160)
    left = text[lo:start]
    cut = None
    for m in _SENT_END.finditer(left):
        if _sentence_end(left, m, lists):
            cut = m.end()
    if cut is not None:
        left = left[cut:]
    right = text[end : end + 160]
    for m in _SENT_END.finditer(right):
        if _sentence_end(right, m, lists):
            right = right[: m.start()]
            break
    cands: list[tuple[int, str]] = []
    lt = _TOK.findall(left.lower())
    rt = _TOK.findall(right.lower())
    noun_after = lists["tense_noun_after"]
    weak = lists["tense_weak"]
    n = len(lt)
    if any(w in lists["past_prepositions"] for w in lt[-4:]):
        return "past"  # "since (shortly after) Oct. 23"
    for i in range(n - 1, -1, -1):
        t = _cue(lt[i], lists)
        if t:
            t = _verb_group(lt, i, t, lists)
        if t and not (i > 0 and lt[i - 1] in noun_after) and not _adjective(lt, i, lists):
            cands.append((n - 1 - i + (6 if lt[i] in weak else 0), t))
            if lt[i] not in weak:
                break
    for i, w in enumerate(rt):
        t = _cue(w, lists)
        if t:
            t = _verb_group(rt, i, t, lists)
        prev = rt[i - 1] if i > 0 else (lt[-1] if lt else "")
        if t and prev not in noun_after:
            # the verb before the expression usually governs it
            cands.append((3 * i + 3 + (6 if w in weak else 0), t))
            if w not in weak:
                break
    if not cands:
        return None
    cands.sort(key=lambda c: c[0])
    got = cands[0][1]
    return perfect if got == _PRESENT_PERFECT else got


#: Most words between "agreed to <verb>" and the expression it governs.
INFINITIVE_REACH = 14
_SENTENCE_START = re.compile(r"[.;!?]\s")
_NOT_A_VERB_AFTER_TO = frozenset(
    "the a an his her its their our my your this that these those some all any each every no".split()
)


def _infinitive_ahead(text: str, start: int, lists: dict[str, frozenset[str]]) -> str | None:
    """The word promising an infinitive clause yet to come that the date at ``start`` closes
    ("agreed to acquire the bank in January"), if any. Only such words count: "tried to
    escape in January" is past."""
    left = _SENTENCE_START.split(text[max(0, start - 120) : start])[-1]
    lt = _TOK.findall(left.lower())
    n = len(lt)
    for i in range(max(0, n - INFINITIVE_REACH), n - 2):
        if lt[i] in lists["tense_future_to_object"]:
            # "asked nonessential state workers to stay": the object, then the infinitive
            j = next((k for k in range(i + 2, min(n - 1, i + 6)) if lt[k] == "to"), None)
            if j is not None and lt[j + 1] not in _NOT_A_VERB_AFTER_TO:
                if re.search(rf"\bto\s+{re.escape(lt[j + 1])}\b", left):
                    return str(lt[i])
        if lt[i] in lists["tense_future_to"] and lt[i + 1] == "to":
            nxt = lt[i + 2]
            if nxt not in _NOT_A_VERB_AFTER_TO and not nxt[0].isdigit():
                # the infinitive must be lower case as written (not "to Paris", "to Moscow")
                if re.search(rf"\bto\s+{re.escape(nxt)}\b", left):
                    return str(lt[i])
                return None
    return None


def _adjective(toks: list[str], i: int, lists: dict[str, frozenset[str]]) -> bool:
    """An -ed word after a determiner and an adverb is an adjective, not a past verb: "a still
    unspecified date", "the newly elected council"."""
    return (
        toks[i].endswith("ed")
        and i > 1
        and toks[i - 2] in lists["tense_noun_after"]
        and (toks[i - 1].endswith("ly") or toks[i - 1] in lists["tense_adjective_adverbs"])
    )


def _sentence_end(s: str, m: re.Match[str], lists: dict[str, frozenset[str]]) -> bool:
    """Is this ``.``/``!``/``;``/newline a sentence end? Not the dot of "U.S." or "Mr."
    nor one followed by a lower-case word or a digit."""
    if m.group() != ".":
        return True
    after = s[m.end() : m.end() + 2]
    if after[:1] and not after[:1].isspace():
        return False
    if after[1:2] and (after[1:2].islower() or after[1:2].isdigit()):
        return False
    w = re.search(r"([^\W\d_]+)$", s[max(0, m.start() - 12) : m.start()])
    if w is None:
        return True
    word = w.group(1)
    return not (len(word) == 1 or word.lower() in lists["abbreviations"])


_FUTURE_PERFECT = frozenset({"will", "shall", "'ll"})  # "will have finished by Friday"


_PRESENT_PERFECT = "present perfect"


def _verb_group(toks: list[str], i: int, t: str, lists: dict[str, frozenset[str]]) -> str:
    """The tense of the whole verb group around the cue at ``toks[i]``: the auxiliary rules
    ("will be held" is future, "would be paid" too; "have been searching" and "has closed"
    point back as a past verb does)."""
    if t == "present" and toks[i] in lists["perfect"]:
        j = i + 1
        while j < len(toks) and toks[j] in lists["aux_skip"] and toks[j] != "to":
            j += 1
        if j < len(toks) and (toks[j - 1] == "been" or _cue(toks[j], lists) == "past"):
            return _PRESENT_PERFECT
        return t
    if t == "future" and toks[i] in lists["modals"] and toks[i] not in _FUTURE_PERFECT:
        # "must have left", "may have been paid": a guess about the past
        j = i + 1
        while j < len(toks) and toks[j] in lists["aux_skip"] and toks[j] not in ("to", "have"):
            j += 1
        return "past" if j < len(toks) and toks[j] == "have" else t
    if t != "past":
        return t
    j = i - 1
    while j >= 0 and toks[j] in lists["aux_skip"] and toks[j] != "to":
        j -= 1
    if j < 0 or toks[j] not in lists["future"]:
        return t
    if toks[j] in lists["modals"] and toks[j] not in _FUTURE_PERFECT and "have" in toks[j:i]:
        return t  # "must have left", "may have been paid": a guess about the past
    return "future"


def _cue(w: str, lists: dict[str, frozenset[str]]) -> str | None:
    w = w.replace("’", "'")
    if w in lists["future"]:
        return "future"
    if w in lists["past"]:
        return "past"
    if w in lists["present"]:
        return "present"
    if len(w) > 4 and w.endswith("ed") and w not in lists["not_past"]:
        return "past"
    return None


# ------------------------------------------------------------------------------- helpers


def _year(s: str | None, ref_hint: int | None = None) -> int | None:
    if not s:
        return None
    s = s.strip().lstrip("'’")
    if not s.isdigit():
        return None
    y = int(s)
    if len(s) == 2:
        century = (ref_hint // 100 * 100) if ref_hint else 1900
        y += century
    return y


def _month(g: dict[str, Any], lex: Lexicon) -> int | None:
    name = g.get("month")
    if name:
        n: int | None = lex.lookup("months", name) or lex.lookup("months", name.rstrip("."))
        return n
    if g.get("month_n"):
        return int(g["month_n"])
    return None


_LEADING_DIGITS = re.compile(r"\d+")


def _day(s: str | None, lex: Lexicon) -> int | None:
    if not s:
        return None
    if s.isascii() and s.isdigit():
        return int(s)  # "1", "23": the usual case, what the leading-digits match would take
    m = _LEADING_DIGITS.match(s)
    if m:
        return int(m.group())
    v = lex.lookup("ordinals", s)
    return v if isinstance(v, int) and v > 0 else None


def _word_before_in(text: str, start: int, words: frozenset[str]) -> bool:
    """Is the word before ``start`` one of ``words``? Its last letter is tested first: on a
    list of dates ("May 1, May 1, ...") no word ends there at all."""
    j = start - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    if j < 0 or not text[j].isalpha():
        return False
    return _prev_word(text, start) in words


def _prev_word(text: str, start: int) -> str:
    r"""The word ending at most 3 non-word characters before ``start`` (looking back 30), as
    ``re.search(r"([^\W_]+)[^\w]{0,3}$", text[start - 30 : start])`` would find it, but
    scanning backwards from ``start``: the regex tried every start position (hot on dense
    dates)."""
    lo = start - 30 if start > 30 else 0
    if start > len(text):
        start = len(text)
    e = start
    while e > lo:  # back over at most 4 characters that are not word characters
        c = text[e - 1]
        if c.isalnum() or c == "_":
            break
        e -= 1
        if start - e > 4:
            return ""
    if start - e == 4 and text[start - 1] != "\n":  # "$" also matches before a final newline
        return ""
    if e == lo or not text[e - 1].isalnum():
        return ""
    b = e - 1
    while b > lo and text[b - 1].isalnum():
        b -= 1
    return text[b:e].lower()


def _prev_word_in(text: str, start: int, words: frozenset[str]) -> bool:
    """``_prev_word(text, start) in words``, first testing the one character the word would
    end with (a number before a number of a list ends in a digit, which no such word does)."""
    lo = start - 30 if start > 30 else 0
    e = start if start < len(text) else len(text)
    k = 0
    while e > lo and k <= 4:  # to the end of the word before, as _prev_word goes
        c = text[e - 1]
        if c.isalnum() or c == "_":
            break
        e -= 1
        k += 1
    if e > lo and "" not in words and text[e - 1].lower()[-1:] not in _finals(words):
        return False
    return _prev_word(text, start) in words


def _next_word_in(text: str, end: int, words: frozenset[str]) -> bool:
    """``_next_word(text, end).lower() in words``, first testing the one character the word
    would begin with (after a number of a list comes another number, which no such word is)."""
    b = end
    hi = end + 30 if end + 30 < len(text) else len(text)
    while b < hi and b < end + 4:  # to the start of the next word, as _next_word goes
        c = text[b]
        if c.isalnum() or c == "_":
            break
        b += 1
    if b < hi and "" not in words and text[b].lower()[:1] not in _initials(words):
        return False
    return _next_word(text, end).lower() in words


@lru_cache(maxsize=64)
def _finals(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w[-1:] for w in words)


#: How far back (characters) a numbered body ("the 1st Division") makes a bare "the 2nd" one too.
UNIT_REACH = 200
_NUMBERED = re.compile(r"\b\d{1,2}(?:st|nd|rd|th|d)\s+([^\W\d_]+)(?:\s+([^\W\d_]+))?")


def _numbered_unit(text: str, start: int, lex: Lexicon) -> bool:
    """Does a numbered body ("the 7th Division", "the 2nd Cavalry Division") come shortly
    before ``start``? Then a bare ordinal there counts bodies, not days."""
    units = lex.lists["ordinal_units"]
    return any(
        w.lower() in units
        for m in _NUMBERED.finditer(text, max(0, start - UNIT_REACH), start)
        for w in m.groups(default="")
    )


def _told_back(text: str, start: int) -> bool:
    """Is the year at ``start`` in a past-perfect clause ("the tactics they had praised in
    1906") or a comparison ("more food than in 1912")? Told from the story's time, it does
    not move the story's year."""
    clause = clause_before(text, start)
    return _HAD.search(clause) is not None or _COMPARED.search(clause) is not None


def _compared(text: str, start: int) -> bool:
    """Is the date at ``start`` what something is compared with ("more food than in 1912", "a
    retreat as extensive as that of March and April 1917")? It names another time."""
    lo = max(0, start - 60)
    if (
        text.find("than", lo, start) < 0
        and text.find("se of", lo, start) < 0
        and (
            text.find("at of", lo, start) < 0  # (cheap tests first: once per date of a list)
        )
    ):
        return False
    return _COMPARED.search(clause_before(text, start)) is not None


_CLAUSE_CUT = re.compile(r"[.;:!?,—]|--")
_WORDS = re.compile(r"[a-z]+")


def _pluperfect_before(text: str, start: int, lex: Lexicon) -> bool:
    """Whether the clause before ``start`` is told in the past perfect ("who had marched out
    on the Friday morning", not "had orders to march on Friday"): a day it names lies before
    the story's. The clause ends at a stop, a comma or an opener (lexicon words)."""
    lo = max(0, start - 80)
    window = text[lo:start].lower()
    cuts = [m.end() for m in _CLAUSE_CUT.finditer(window)]
    words = _WORDS.findall(window, cuts[-1] if cuts else 0)
    lists = lex.lists
    for i in range(len(words) - 1, -1, -1):
        if words[i] in lists["clause_openers"]:
            words = words[i + 1 :]
            break
    for i, w in enumerate(words):
        if w != "had":
            continue
        j = i + 1
        while j < len(words) and words[j] in lists["perfect_between"] and words[j] != "been":
            j += 1
        nxt = words[j] if j < len(words) else ""
        if nxt in lists["participles"] or (
            len(nxt) > 3 and any(nxt.endswith(e) for e in lists["participle_endings"])
        ):
            return True
    return False


def _told_tense(ctx: Context, hit: Hit) -> Callable[[], str | None]:
    """The tense of the clause that tells it, asked only when it matters (under a letter's
    date: "was killed on Monday evening" is before the letter, "I may come up on the 18th"
    after it)."""
    start, end = hit.start, hit.end
    return lambda: tense(ctx, start, end)


def _month_of_weekday(y: int, m: int, day: int, wd: int, cal: str) -> tuple[int, int]:
    """The month, of ``m`` and the one after and before it, in which ``day`` falls on weekday
    ``wd`` (a diary's "Wednesday, 30th" after "Tuesday, 29th April" is still April); ``m``
    itself when none does."""
    for dm in (0, 1, -1):
        yy, mm = A.add_months(y, m, dm)
        if on_weekday(yy, mm, day, wd, cal):
            return yy, mm
    return y, m


def _of_a_thing(text: str, start: int, lex: Lexicon) -> bool:
    """Whether a day is told as what names a thing ("the attack of the 23rd", "the decree
    of the 5th"), not as a stretch of time ("the whole of the 12th", "the course of")."""
    m = _PART_OF.search(text, max(0, start - 40), start)
    return (
        m is not None
        and m.group(1).islower()
        and m.group(1) not in lex.lists["passing_frame_nouns"]
    )


def _as_it_had(text: str, start: int, end: int) -> bool:
    """Is the date at ``start`` in a comparison told in the past perfect: "as the multitude,
    on the 2nd of June, had surrounded", "as they had done on 10 August", "any more than it
    had done the British in March"?"""
    lo = max(0, start - 80)
    if (
        text.find("as", lo, start) < 0
        and text.find("As", lo, start) < 0
        and text.find("than", lo, start) < 0
    ):
        return False  # (the cheap test first: this runs once per day-month of a list)
    before = re.split(r"[.;:!?]", text[lo:start])[-1]
    m = _AS_CLAUSE.search(before)
    if m is None:
        return False
    return _HAD.search(before, m.end()) is not None or _HAD_NEXT.match(text, end) is not None


_AS_CLAUSE = re.compile(
    r"\bthan\b(?!.*\b(?:as|than)\b)|(?<!\bsuch\s)(?<!\bso\s)\bas\b"
    r"(?!\s+(?:soon|well|long|early|late)\b)(?!.*\b(?:as|than)\b)",
    re.I | re.S,
)
_HAD_NEXT = re.compile(r"[\s,]*had\b", re.I)


def clause_before(text: str, start: int) -> str:
    """The words of the clause that ends at ``start`` (after its last stop or comma)."""
    return _CLAUSE_END.split(text[max(0, start - 60) : start])[-1]


_CLAUSE_END = re.compile(r"[.;:!?,\n]")
_HAD = re.compile(r"\bhad\b", re.I)
_COMPARED = re.compile(
    r"(?:\bthan\s+(?:in\s+|on\s+|during\s+|before\s+)?"
    r"|\b(?:as|like)\s+(?:that|those)\s+of\s+(?:\w+\s+(?:and|or|to)\s+)?)$",
    re.I,
)


def _part_of(text: str, start: int, lex: Lexicon) -> bool:
    """Is the expression at ``start`` named as the whole of a part ("the course of", "the
    winter of")? Then a bare year frames the story like "in 1807" does."""
    lo = max(0, start - 40)
    i = start
    while i > lo and text[i - 1].isspace():
        i -= 1
    if i - 2 <= lo or text[i - 2 : i].lower() != "of":
        return False  # no "of" ends the window: spare the search from every start
    m = _PART_OF.search(text, lo, start)
    return m is not None and m.group(1).lower() in lex.lists["passing_frame_nouns"]


_PART_OF = re.compile(r"([^\W\d_][\w-]*)\s+of\s*$", re.I)


def _next_word(text: str, end: int) -> str:
    r"""The word starting at most 3 non-word characters after ``end`` (within 30), as
    ``re.match(r"[^\w]{0,3}?([^\W_]+)", text[end : end + 30])`` would find it."""
    m = _NEXT_WORD.match(text, end, end + 30)
    return m.group(1) if m is not None else ""


_NEXT_WORD = re.compile(r"[^\w]{0,3}?([^\W_]+)")
_AT_NIGHT = re.compile(r"\bat\s+night$", re.IGNORECASE)
_NEXT_WORDS = re.compile(r"[\s,]{0,3}((?:[^\W_]+ ){0,2}[^\W_]+)")


def _followed_by(text: str, end: int, phrases: frozenset[str]) -> bool:
    """Do one to three words right after ``end`` make one of ``phrases`` ("was approaching")?"""
    m = _NEXT_WORDS.match(text, end, end + 40)
    if m is None:
        return False
    words = m.group(1).lower().split()
    return any(" ".join(words[:k]) in phrases for k in range(1, len(words) + 1))


_PUNCT_AFTER = re.compile(r"[.,;:!?]")
_ARTICLE_BEFORE = re.compile(r"(?<![^\W_])(?:the|a)\s+$", re.IGNORECASE)


def _a_month(word: str, lex: Lexicon) -> bool:
    """Whether ``word`` names a month, of the year or of the French Republic ("Brumaire")."""
    from annales.temporal.republican import _rep_months

    return lex.lookup("months", word) is not None or word.lower() in _rep_months()


def _cap(s: str) -> bool:
    return bool(s) and s[0].isupper()


def _weekday_value(wd: int, ref: A.Ref | None, direction: str | None, cal: str) -> str:
    day = A.ref_day(ref)
    if day is None:  # a story known only to its year: "on a Monday" of 1871
        return f"{A.fmt_year(ref.year) if ref is not None else 'XXXX'}-WXX-{wd}"
    cur = A.weekday(*day, cal)
    if direction == "past":
        delta = -((cur - wd) % 7)
    elif direction == "past_strict":  # the last such day before the story's
        delta = -((cur - wd) % 7 or 7)
    elif direction == "future":
        delta = (wd - cur) % 7 or 7
    elif direction == "future_or_same":  # news: "on Wednesday" written on a Wednesday is today
        delta = (wd - cur) % 7
    elif direction == "same_week":
        delta = wd - cur
    elif direction == "forward":
        # the story's day or one ahead; the day just before it rather than six days on
        delta = (wd - cur) % 7
        if delta == 6:
            delta = -1
    else:  # nearest
        delta = (wd - cur) % 7
        if delta > 3:
            delta -= 7
    return A.fmt_date(*A.add_days(*day, delta, cal))


def _month_year(month: int, ref: A.Ref | None, direction: str | None) -> int | None:
    if ref is None:
        return None
    rm = ref.any_month
    if rm is None or direction not in ("past", "future", "before", "after"):
        return ref.year
    if direction == "past":
        return ref.year if month <= rm else ref.year - 1
    if direction == "before":
        return ref.year if month < rm else ref.year - 1
    if direction == "after":
        return ref.year if month > rm else ref.year + 1
    return ref.year if month >= rm else ref.year + 1


# ------------------------------------------------------------------------------- kinds


def normalise(hit: Hit, ctx: Context) -> Candidate | None:
    """The candidate for ``hit``, or None when context shows it is not a temporal expression."""
    fn = _KINDS.get(hit.rule.kind)
    if fn is None:
        return None
    if hit.groups.get("holiday_of") and not _feast_names_day(hit, ctx):
        hit = _without_feast(hit, ctx.text)  # "at Christmas, 3 March": two days
    cand = fn(hit, ctx)
    if cand is None:
        return None
    narr, text, lists = ctx.mode == "narratives", ctx.text, ctx.lex.lists
    if narr and _loose_quarter(hit, ctx):
        return None
    if hit.rule.name == "the_word_day" and tense(ctx, hit.start, hit.end) == "future":
        cand.sets_reference = False  # "may be expected to terminate on the eighth": a plan
    if hit.rule.name == "season_subject" and _next_word(text, hit.end) in lists["modals"]:
        cand.sets_reference = False  # "winter might come": not yet come
    if (
        hit.rule.name in ("weekday_part", "weekday")
        and (after := _TITLE_AFTER.match(text, hit.end)) is not None
        and not lists["weekday_name_heads"].isdisjoint(after.group().split())
        and _TITLE_WORDS.fullmatch(text, hit.start, hit.end) is not None
    ):
        return None  # "the Friday Evening Discourses": a series' name
    if narr and cand.type == "DATE" and _narrator_now(hit, ctx):
        return _cand(hit, "DATE", "PRESENT_REF", sets_reference=False)
    if (
        (
            text[hit.end - 1 : hit.end] in ("o", "O")  # (cheap first: "or so" ends with an o)
            and text[hit.start : hit.end].lower().endswith("or so")
        )
        or hit.groups.get("orso")
    ):
        cand.mod = "APPROX"
    if narr and cand.source == "en" and hit.rule.kind == "relative":
        # "last year": relative to the narrator's now, it does not move the story
        cand.sets_reference = False
    if narr and hit.rule.kind == "deictic" and cand.sets_reference and in_quote(text, hit.start):
        # '"... to-day Lenin and Trotzky; another to-morrow"': the speaker's days, said on
        # the story's day; the story stays on it
        cand.sets_reference = False
    if narr and hit.rule.kind in ("offset", "relative") and _told_backward(hit, ctx.lex):
        # "a repetition of the previous August", "those committed the evening before", "Two
        # days earlier, the Germans had reached Moscow": a glance back, the story stays put
        cand.sets_reference = False
    if narr and cand.sets_reference and cand.type == "DATE":
        # one look at the spaces before the date serves both signal tests (once per date of
        # a list); without a word right before them, neither pattern can end there
        gap = word_then_space(text, hit.start - 40 if hit.start > 40 else 0, hit.start)
        if (
            (
                cand.resolve is None
                and passing_mention(
                    text,
                    hit.start,
                    lists["passing_after"],
                    lists["passing_frame_nouns"],
                    lists["passing_determiners"],
                )
            )
            or (gap and after_signal(text, hit.start, lists["passing_signals"]))
            or planned_for(
                text,
                hit.start,
                lists["plan_verbs"],
                lists["plan_preps"],
                lists["future_auxiliaries"],
                gap,
            )
        ):
            cand.sets_reference = False  # "its limits of 1 January 1792", "since 3 May"
    if (
        narr
        and cand.sets_reference
        and cand.type == "TIME"
        and cand.resolve is not None
        and planned_for(
            text, hit.start, lists["plan_verbs"], lists["plan_preps"], lists["future_auxiliaries"]
        )
    ):
        cand.sets_reference = False  # "shall march on the morrow morning": not yet come
    if (
        ctx.mode == "narratives"
        and cand.sets_reference
        and cand.resolve is not None
        and cand.value.startswith("XXXX-XX-XX")  # a day counted from the story's day
        and after_signal(ctx.text, hit.start, ctx.lex.lists["bound_signals"])
    ):
        cand.sets_reference = False  # "till the morrow morning": where the night ends
    if hit.groups.get("nightto") and cand.type == "TIME":
        cand.source += TWO_DAY_NIGHT  # "the night of 6-7 August": the story goes on from the 7th
    if not narr and hit.groups.get("part_of"):
        of = _OF.search(text, hit.start, hit.end)  # TimeBank tags the date alone
        cand.start = of.end() if of else cand.start  # ("night of <Oct. 23>")
    if hit.mod and not cand.mod:
        cand.mod = hit.mod
    if hit.dmod and not cand.mod:
        cand.mod = hit.dmod
    if (
        narr
        and hit.rule.name in ("weekday", "weekday_part")
        and cand.start == hit.start
        and (the := _ARTICLE_BEFORE.search(text, max(0, cand.start - 6), cand.start))
        and (
            hit.rule.name == "weekday_part"
            or _PUNCT_AFTER.match(text, cand.end)
            or _next_word(text, cand.end) in lists["word_day_before"]
            or _next_word(text, cand.end) == "and"
        )
    ):  # "on the Monday afternoon", "which was a Sunday,", "on the Sunday at the Palace" (not
        # "the Sunday crowds")
        cand.start = the.start()  # the article is the expression's
    return cand


_AND_BEFORE = re.compile(r"\band\s$", re.IGNORECASE)
_TITLE_WORDS = re.compile(r"(?:[Tt]he\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")
_TITLE_AFTER = re.compile(r"(?:[ \t]+[A-Z][a-z]+){1,2}")
#: the last month in which "that winter" is still the one the story is in (told in March, it is
#: the next: "On 1 March 1916 ... That winter the armies dug in")
WINTER_TOLD_WITHIN = 2
#: the source mark of a night told by both its days (engine moves the story to the second)
TWO_DAY_NIGHT = ":two_nights"
#: how far (days) before the story's day in its year a feast named without a year may fall
#: and still be that year's; further back, the story may have gone on to the next one's
FEAST_BACK_DAYS = 60
#: ... and how soon after it the next year's must come ("the Night of Pentecost" told in
#: August is no step to next May)
FEAST_AHEAD_DAYS = 92
#: how many days a bare day falls short of the story's for it to be the next month's ("the
#: 28th ... the 2nd"); nearer, it is a day looked back on ("June 20th ... your letter of the 12th")
MONTH_TURN = 16
#: source marks of an hour whose half of the day (or day) the story's course decides
BARE_CLOCK = ":bare_clock"
SMALL_HOURS = ":small_hours"
OF_TOLD_YEAR = ":of_told_year"
#: the last year before AD 1 counted from Rome's founding (ab urbe condita): AUC 754 = AD 1
AUC_EPOCH = 753
#: the last year "of the city" read as Rome's (AUC 1300 = AD 547): a later one is a modern year
AUC_OF_THE_CITY = 1300
_THE_YEAR = re.compile(r"(?:the\s+)?year\s", re.I)


def _of_the_city(hit: Hit, ctx: Context) -> bool:
    """ "the year 705 of the city": a year of Rome only after "the year", and an early one."""
    y = hit.groups.get("year") or ""
    return (
        y.isdigit()
        and int(y) <= AUC_OF_THE_CITY
        and _THE_YEAR.match(hit_text(hit, ctx)) is not None
    )


_OF = re.compile(r"\sof\s+", re.IGNORECASE)


def _told_backward(hit: Hit, lex: Lexicon) -> bool:
    """Is ``hit`` counted back from the story's date ("the previous August", "the evening
    before", "two days earlier")?"""
    g = hit.groups
    if hit.rule.kind == "offset":
        return (
            lex.lookup("offset_words", " ".join((g.get("offset") or "").lower().split())) or 0
        ) < 0
    if hit.rule.kind == "relative" and g.get("rel"):
        return _relative_step(" ".join(g["rel"].lower().split()), hit, lex) == -1
    return False


def _relative_step(relw: str, hit: Hit, lex: Lexicon) -> int | None:
    """How many units a relative word counts (-1 "previous", 1 "next"); "before" and "after"
    only behind the noun ("the summer before")."""
    if hit.rule.name == "named_relative_after":
        step = lex.data["relatives_after_noun"].get(relw)
        return step if isinstance(step, int) else None
    return lex.lookup("relatives", relw)  # type: ignore[no-any-return]


def _narrator_now(hit: Hit, ctx: Context) -> bool:
    """Is this "today" the narrator's own time ("to this day", "even today", "is still
    studied today") rather than the day the story has reached?"""
    g = hit.groups  # hits sharing their groups share their text (recognise.find): read once
    got = ctx.now_words.get(id(g))
    if got is None or got[0] is not g:
        got = ctx.now_words[id(g)] = (g, _says_now(hit, ctx))
    if not got[1]:
        return False
    lists = ctx.lex.lists
    if ctx.lex.lookup("units", _next_word(ctx.text, hit.end)):
        return False  # "till this day week": a week from the story's day
    prev = _prev_word(ctx.text, hit.start)
    if prev in lists["narrator_now_before"]:
        return True
    if prev in lists["narrator_now_before_today"] and not hit_text(hit, ctx).lower().startswith(
        "this"
    ):
        return True
    left = ctx.text[max(0, hit.start - 60) : hit.start].lower()
    clause = _TOK.findall(re.split(r"[.;:!?]", left)[-1])[-6:]
    opens_quote = left.rstrip()[-1:] in tuple("\"“‘'«`")
    word = hit_text(hit, ctx).lower()
    if (
        not clause
        and not opens_quote
        and word != "this day"
        and ctx.text[hit.end : hit.end + 1] == ","
    ):
        # a sentence opened by "Today," told in the present: "Today, historians still argue"
        # (not Carlyle's "This day, sentence of death is pronounced": the story's present)
        right = re.split(r"[.;:!?]", ctx.text[hit.end + 1 : hit.end + 80].lower())[0]
        clause = _TOK.findall(right)[:8]
        return not (lists["narrator_now_still"] | lists["present"]).isdisjoint(clause)
    if not lists["narrator_now_still"].isdisjoint(clause[-4:]) and (
        not lists["present"].isdisjoint(clause) or _still_does(clause, lists)
    ):
        return True
    said = re.split(r"[.;:!?]", left)[-1]
    said = said[1:] if said[:1] in '"”’' else said  # (the quote closing the last sentence)
    if word == "this day" or not clause or said.count('"') % 2 or "“" in said:
        return False  # "Today the Soviet met", '"You are to-day," said he': the story's day
    # a present verb of lasting right beside it: "stands in Nanjing today", "is today regarded"
    right = _TOK.findall(re.split(r"[.;:!?,]", ctx.text[hit.end : hit.end + 60].lower())[0])[:2]
    if not lists["narrator_now_lasting"].isdisjoint(clause[-4:] + right):
        return True
    if not _SENTENCE_CLOSE.match(ctx.text, hit.end):
        return False
    # "today" closing its sentence: a verb of lasting further back in the clause still counts
    far = _TOK.findall(
        re.split(r"[.;:!?,]", ctx.text[max(0, hit.start - 120) : hit.start].lower())[-1]
    )
    # (within its own clause: not "the house stands empty and the King arrives today")
    joins = [i for i, w in enumerate(far) if w in _CLAUSE_JOINS]
    far = far[joins[-1] + 1 :] if joins else far
    return not lists["narrator_now_lasting_far"].isdisjoint(far[-12:])


def _still_does(clause: list[str], lists: dict[str, frozenset[str]]) -> bool:
    """Whether "still" is followed by a verb of the present third person ("the wheel which
    still turns today"; not "he still hoped", "they were still there")."""
    for w, nxt in zip(clause, clause[1:], strict=False):
        if w in lists["narrator_now_still"]:
            return nxt.endswith("s") and not nxt.endswith("ss") and nxt not in lists["past"]
    return False


def _says_now(hit: Hit, ctx: Context) -> bool:
    """Is the match one of the narrator's-now words ("today", "this day")?"""
    # the cheap test first, on the match's first character alone: unless a space, it is
    # what the stripped match begins with, and begins none of the words
    s, e = (hit.match_start, hit.match_end) if hit.match_start >= 0 else (hit.start, hit.end)
    first = ctx.text[s : s + 1]
    if e > s and not first.isspace() and first.lower()[:1] not in ctx.now_initials:
        return False
    said = ctx.text[s:e]
    if said.lstrip()[:1].lower()[:1] not in ctx.now_initials:
        return False
    return " ".join(said.lower().split()) in ctx.lex.lists["narrator_now_words"]


@lru_cache(maxsize=64)
def _initials(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w[:1] for w in words)


def _cand(
    hit: Hit,
    type_: str,
    value: str,
    resolve: Resolver | None = None,
    *,
    anaphoric: bool = False,
    **kw: Any,
) -> Candidate:
    # by position (_CANDIDATE_FIELDS): a dense list makes one per date, keywords cost thrice
    c = Candidate(
        hit.start,
        hit.end,
        type_,
        value,
        None,  # mod
        None,  # calendar
        None,  # gregorian
        resolve,
        True,  # sets_reference
        None,  # quant
        None,  # freq
        None,  # label
        False,  # inferred
        None,  # warning
        "en:anaphoric" if anaphoric else "en",
        0,  # priority
        False,  # written
    )
    if kw:  # (most calls pass none)
        for name, v in kw.items():
            setattr(c, name, v)
    return c


_CANDIDATE_FIELDS = (
    "start",
    "end",
    "type",
    "value",
    "mod",
    "calendar",
    "gregorian",
    "resolve",
    "sets_reference",
    "quant",
    "freq",
    "label",
    "inferred",
    "warning",
    "source",
    "priority",
    "written",
)
check_field_order(Candidate, _CANDIDATE_FIELDS, "normalise._cand")


@cache
def _ahead_before(phrases: frozenset[str]) -> re.Pattern[str]:
    """ "as soon as", then at most three words, ending where the expression starts."""
    alt = "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases))
    return re.compile(rf"\b(?:{alt})\s+(?:[\w'’-]+\s+){{0,3}}$", re.I)


def _direction(hit: Hit, ctx: Context) -> str | None:
    """Which way an underspecified weekday or month points: by tense in news, forward in a
    narrative (stories move on)."""
    if ctx.mode == "news":
        g = hit.groups
        if g.get("month") or g.get("season") or g.get("weekday"):
            promise = _infinitive_ahead(ctx.text, hit.start, ctx.lex.lists)
            # "agreed to purchase the line in February", "hoped to reach it by Sunday" (but a
            # weekday after an offer is when it was made: "extended their offers to acquire
            # the manufacturer Friday")
            if promise and (
                not g.get("weekday")
                or promise in ctx.lex.lists["tense_future_to_weekday"]
                or promise in ctx.lex.lists["tense_future_to_object"]
            ):
                return "future"
            lists = ctx.lex.lists
            if planned_for(ctx.text, hit.start, lists["plan_verbs"], lists["plan_preps"]):
                return "future"  # "a vote was set for Wednesday", "adjourned until Monday"
            if _ahead_before(lists["ahead_before"]).search(
                ctx.text, max(0, hit.start - 50), hit.start
            ):
                return "future"  # "could leave as soon as Tuesday"
        t = tense(ctx, hit.start, hit.end)
        return {"past": "past", "future": "future"}.get(t or "", "past" if t is None else None)
    return "forward"


_DAY_BEFORE = re.compile(r"(?<![\d,.])\d{1,2}(?:st|nd|rd|th|d)?\s+$")


def _day_before(text: str, start: int) -> bool:
    """Whether a day number and spaces ("7 ", "3rd ") end right at ``start`` (``_DAY_BEFORE``
    in the 8 characters before), tested cheaply first: spaces after a digit or "st"/"d"/"th"."""
    lo = start - 8 if start > 8 else 0
    i = start
    while i > lo and text[i - 1].isspace():
        i -= 1
    if i == start or i == lo:
        return False
    c = text[i - 1]
    if not (c.isdecimal() or c in "tdh"):
        return False
    return _DAY_BEFORE.search(text, lo, start) is not None


_CAPITALISED_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+$")


def _named_day(text: str, start: int, lex: Lexicon) -> bool:
    """Is the weekday at ``start`` part of a day's name ("remembered as Black Sunday")? Only
    the lexicon's name words count: "said in Washington Sunday" is a date."""
    m = _CAPITALISED_BEFORE.search(text, max(0, start - 24), start)
    if m is not None and m.group(1).lower() in lex.lists["weekday_name_words"]:
        return True
    after = _CAPITALISED_AFTER.match(text, start)
    return after is not None and after.group(1) in lex.lists["weekday_name_heads"]


#: the capitalised word after a weekday ("Sunday Island")
_CAPITALISED_AFTER = re.compile(r"[A-Za-z]+[ \t]+([A-Z][a-z]+)")


#: what follows a diary entry's heading day ("6th (Lord's day).", "7th. Waked", "2nd–5th.")
_HEADING_AFTER = re.compile(
    r"[ \t]*(?:\.(?:\s|$)|\(|[-–—][ \t]*\d{1,2}(?:st|nd|rd|th|d)\.(?:\s|$))"
)
_STOP_AFTER = re.compile(r"[ \t]*\.(?:\s|$)")
#: the first day of a heading's stretch, before the last one's dash ("2nd–" of "2nd–5th.")
_HEADING_FIRST = re.compile(r"(?:^|\n[ \t\r]*\n)\d{1,2}(?:st|nd|rd|th|d)[ \t]*[-–—][ \t]*$")


#: a diary's headings follow a month told at most this far (characters) before, or one
#: another: a list's "1st. The Persians.-- ... 2d. The Greeks" far from any month is no diary
HEADING_MONTH_REACH = 3000
_HEADING_START = re.compile(r"\n[ \t\r]*\n(\d{1,2})(?:st|nd|rd|th|d)\b")


def _diary_heading(hit: Hit, ctx: Context) -> bool:
    """Whether a day alone at a paragraph's start heads a diary entry: a stop or a bracket
    follows it ("7th. Waked", "6th (Lord's day)."), or it opens or closes a stretch of days
    ("2nd–5th."), and a month was told not far before it or before the entries it follows;
    "1st Battalion moved up" and "14th was fixed upon" are no headings."""
    text = ctx.text
    if text[hit.start - 1 : hit.start] in "-–—":
        first = _HEADING_FIRST.search(text, max(0, hit.start - 16), hit.start)
        if first is None or not _STOP_AFTER.match(text, hit.end, hit.end + 3):
            return False
    elif _HEADING_AFTER.match(text, hit.end, hit.end + 16) is None:
        return False
    at = hit.start
    while True:  # back through the entries before it to the month they are told in
        lo = max(0, at - HEADING_MONTH_REACH)
        if ctx.lex.month_word_re.search(text, lo, at):
            return True
        earliest = _HEADING_START.search(text, lo, at)
        if earliest is None:
            return False
        at = earliest.start()


_EPITHET_BEFORE = re.compile(r"\b[Tt]he\s+([A-Za-z]+)\s+$")


def _epithet(word: str, lex: Lexicon) -> bool:
    """Whether a word before a season only describes it ("the wet summer", "the Jubilee
    summer"), not a modifier, a relative, an ordinal or a number the other rules read."""
    w = word.lower()
    return (
        not any(
            lex.lookup(table, w) is not None
            for table in ("point_mods", "relatives", "ordinals", "numbers", "seasons", "months")
        )
        and w not in lex.lists["passing_determiners"]
    )


def _date(hit: Hit, ctx: Context) -> Candidate | None:
    g, lex, text, cal = hit.groups, ctx.lex, ctx.text, ctx.calendar
    get = g.get
    name = hit.rule.name
    if name == "diary_day_heading" and not _diary_heading(hit, ctx):
        return None
    if name in _OF_THE_MONTH and _other_month_named(text, hit.end, lex):
        return None  # "the First day of the Month Prairial": not the story's month
    if name == "year" and len(g) == 1 and "year" in g:
        return _bare_year(hit, ctx)  # the only path a match with nothing but a year takes
    if name == "weekday" and _next_word(text, hit.end).lower() in lex.lists["weekday_not_before"]:
        return None  # "the Sunday school": a thing named for the day
    era_s = g.get("era")
    if era_s is not None and era_s[:2].lower() == "of" and not _of_the_city(hit, ctx):
        return None  # "in 1900 of the city's people": only "the year 705 of the city"
    pieces = _cached_pieces(hit, ctx)
    if pieces is None:
        return None  # the groups themselves make no date ("0 AD", "13/45", "may" a verb)
    era, year, month, day, season, part, wd, hm, day_ok, word_day, mrel_dir, static = pieces
    if g.get("clock_of") and day is not None:  # "midnight of November 11th": that day's midnight
        hm = lex.lookup("clock_words", g["clock_of"]) or hm
    mtext = get("month") if name == "month" else None
    if mtext:
        bare = mtext.lower().rstrip(".")
        if (
            not _cap(mtext)
            or mtext.endswith(".")
            or len(bare) <= 4
            and bare not in ("june", "july", "may")
        ):
            return None
        if _prev_word(text, hit.start) == "the" and _cap(_next_word(text, hit.end)):
            return None  # "the November Revolution", "the October Manifesto": a name
        if re.search(r"(?:^|\s)[A-Z][a-z]{1,4}\.\s+$", text[max(0, hit.start - 8) : hit.start]):
            return None  # "Hist. August.": a title abbreviated in a citation
        if bare in lex.lists["ambiguous_months"]:
            pw = _prev_word(text, hit.start)
            if pw not in lex.lists["month_after"] and not hit.mod:
                return None
            if pw in ("is", "was") and _cap(_next_word(text, hit.end)):
                return None  # "the actress was May Robson": a name
    if word_day and lex.lookup("units", _next_word(text, hit.end).lower()):
        return None  # "the first March days"
    if name == "month_day" and _day_before(text, hit.start):
        return None  # "on 7 September 20 were killed": the day came first, 20 is a count
    if name == "year":
        if not _plausible_year(hit, ctx):
            return None
    if (
        name.endswith("_year3")
        and _next_word(text, hit.end).lower() in lex.lists["year_not_before"]
    ):
        return None  # "22 June 500 men"
    if name == "weekday_the_day" and not _PUNCT_AFTER.match(text, hit.end):
        nw = _next_word(text, hit.end)  # "on Sunday, 4th Army attacked": a unit's number
        if nw[:1].isupper() or nw.lower() in lex.lists["ordinal_not_before"]:
            if not re.search(r"(?i)\bthe\s", hit_text(hit, ctx)):
                return None
    if (
        name in ("the_word_day", "part_of_word_day") or (name == "weekday_the_day" and get("day"))
    ) and (
        ctx.mode != "narratives"
        or not (
            _PUNCT_AFTER.match(text, hit.end)
            or _cap(nw := _next_word(text, hit.end))
            or nw in lex.lists["word_day_before"]
        )
    ):
        return None  # "on the fifth floor", "the evening of the fifth day": a rank, a count
    if name in ("the_day_of_month", "the_word_day"):
        # (a word after a stop or comma names no unit: "to the 13th. On Monday they left")
        nw = "" if _PUNCT_AFTER.match(text, hit.end) else _next_word(text, hit.end)
        if nw and (
            nw.lower() in lex.lists["ordinal_not_before"]
            or (
                nw[0].isupper()
                # "in the morning of the 24th Sir John ordered" (not "of the 18th Brumaire")
                and not (get("part_of") and not _a_month(nw, lex))
                and _prev_word(text, hit.start) not in lex.lists["ordinal_day_after"]
            )
        ):  # "the 23rd Regiment", "the 11th Circuit"; but "On the 26th Lenin spoke"
            return None
        if _prev_word(text, hit.start) not in lex.lists["ordinal_day_after"] and _numbered_unit(
            text, hit.start, lex
        ):
            return None  # "the 1st Division fell back, while the 2nd conformed"
        if text[hit.end : hit.end + 1].isalnum():
            return None
    written_moves = False
    if get("year_w"):
        named = get("month") or get("season")  # "January nineteen ninety-seven"
        if year is None or not (named or _written_year_context(hit, ctx)):
            return None  # "about two thousand citizens": a count, not a year
        # only "the year nineteen seventeen" is clear enough to move a story
        written_moves = hit_text(hit, ctx).lower().startswith("the year")
    type_ = "TIME" if hm else hit.rule.type
    if get("part_of") and ctx.mode == "narratives":  # "the night of November 8th": one TIME
        part, type_ = lex.lookup("parts_of_day", g["part_of"]), "TIME"
        if get("ofhour") and part:  # "one o'clock in the morning of the 24th"
            h = parse_number(g["ofhour"], lex)
            if h is None or not 1 <= h <= 12:
                return None
            pm = part in ("AF", "EV") or (part == "NI" and 6 <= h < 12)
            hour, minute = int(h) % 12 + (12 if pm else 0), 0
            if get("ofmin"):  # "ten minutes past two in the morning of the 26th"
                w = g["ofmin"].lower()
                mins = (
                    30 if w == "half" else 15 if "quarter" in w else parse_number(w.split()[0], lex)
                )
                if mins is None or not 1 <= mins <= 59:
                    return None
                minute = int(mins)
                if g["ofdir"].lower() == "to":
                    hour, minute = (hour - 1) % 24, 60 - minute
            hm = f"{hour:02d}:{minute:02d}"
    if part:
        # "Monday afternoon": a time of day, as TimeML's guidelines have it (TimeBank's news is
        # split on it: 6 TIME, 9 DATE; every other annotation we have says TIME)
        type_ = "TIME"
    suffix = f"T{hm}" if hm else (f"T{part}" if part else "")
    if era == "BC" and year is not None:
        if month is None:
            return _cand(hit, type_, f"BC{year:04d}" + (f"-{season}" if season else ""))
        # BC day dates: keep them, no arithmetic
        v = f"BC{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
        return _cand(hit, type_, v)
    # --- impossible dates ---------------------------------------------------------------
    warning = None
    if month is not None and day is not None and not day_ok:
        warning = f"impossible date: {hit_text(hit, ctx)!r} has no day {day} in month {month}"
        day = None
        dayx = "XX"
    else:
        dayx = None
    # --- fully specified ----------------------------------------------------------------------
    if year is not None:
        if season:
            c = _cand(hit, type_, f"{A.fmt_year(year)}-{season}")
            if not hit.mod and text[hit.start : hit.start + 4].lower() != "the ":
                m = _EPITHET_BEFORE.search(text, max(0, hit.start - 24), hit.start)
                if m is not None and _epithet(m.group(1), lex):
                    c.start = m.start()  # "the wet summer of 1860", "the Jubilee summer of 1887"
            return c
        if month is None:
            moves = (written_moves if get("year_w") else name != "year") or (
                not _YEAR_SPAN.match(text, hit.end, hit.end + 4)  # "1905-06"
                and (
                    _prev_word(text, hit.start) in lex.lists["year_sets_reference_after"]
                    or _part_of(text, hit.start, lex)  # "in the course of 1807"
                )
                and not _told_back(text, hit.start)
            )
            return _cand(hit, type_, A.fmt_year(year), sets_reference=moves)
        if dayx:
            return _cand(
                hit, type_, f"{A.fmt_date(year, month)}-XX", warning=warning, sets_reference=False
            )
        compared = ctx.mode == "narratives" and _compared(text, hit.start)
        value = A.fmt_date(year, month, day) + (suffix if day else "")
        return _cand(hit, type_, value, sets_reference=not compared)
    # --- anchored -----------------------------------------------------------------------
    direction = _direction(hit, ctx)
    if mrel_dir:  # "last Oct. 23", "next June 1": the direction is stated
        direction = mrel_dir
    elif get("mfollow"):  # "the 8th of February following": the first after the story's day
        mrel_dir = direction = "after"
    if dayx:

        def r_bad(ref: str | None, month: int = month) -> str:  # type: ignore[assignment]
            rf = A.parse_ref(ref)
            y = _month_year(month, rf, direction)
            return (A.fmt_year(y) if y is not None else "XXXX") + f"-{month:02d}-XX"

        return _cand(
            hit, type_, f"XXXX-{month:02d}-XX", r_bad, warning=warning, sets_reference=False
        )
    if month is not None:
        # "since August" told in February: the August before
        since = _word_before_in(text, hit.start, lex.lists["passing_signals"])
        nearest = ctx.mode == "news" or mrel_dir is not None
        # "precisely as on a Tenth of August": an allusion to the last such day, not the story's
        allusion = (
            ctx.mode == "narratives"
            and day is not None
            and _prev_word_in(text, hit.start, lex.lists["allusion_articles"])
            and not text[hit.end : hit.end + 2].strip()[:1].isalpha()  # "a 10 June deadline"
        )
        if allusion:
            nearest, direction = True, "past"
        r_md = _MonthDay(month, day, nearest, direction, suffix, cal, wd, since)
        feast = lex.lookup("holidays", g["holiday_of"]) if get("holiday_of") else None
        if feast and not re.match(r"\d\d-\d\d$", feast):
            r_md.feast = feast  # "Easter Monday, 9 April": Easter says the year
        r_md.named = (
            day is not None
            and ctx.mode == "narratives"
            and _NAMED_DAY.match(text, hit.start, hit.end) is not None
            and (text[hit.start] in "Tt" or _prev_word(text, hit.start).lower() == "the")
            and not _followed_by(text, hit.end, lex.lists["famous_story_after"])
        )
        # "better success than on 16 August", "as the multitude, on the 2nd of June, had
        # surrounded the convention": what it is compared with, not the story's day
        compared = ctx.mode == "narratives" and (
            _compared(text, hit.start) or _as_it_had(text, hit.start, hit.end)
        )
        return _cand(hit, type_, static, r_md, sets_reference=not (allusion or compared))  # type: ignore[arg-type]
    if season:
        nw = _next_word(text, hit.end)
        if nw.lower() in lex.lists["season_not_before"] or (_cap(get("season") or "") and _cap(nw)):
            return None  # "the fall of Kornilov", "the Winter Palace"
        if (
            text[hit.start : hit.start + 1].lower() != "t"  # (not "... and the summer")
            and _AND_BEFORE.search(text, max(0, hit.start - 5), hit.start)
            and lex.lookup("seasons", _prev_word(text, hit.start - 4)) is None
        ):
            return None  # after "and" only a season's partner: "the spring and summer"

        narr = ctx.mode == "narratives"

        def r_season(ref: str | None) -> str:
            rf = A.parse_ref(ref)
            if rf is None:
                return f"XXXX-{season}"
            return (
                f"{A.fmt_year(rf.year + (_season_shift(season, rf.month) if narr else 0))}-{season}"
            )

        c = _cand(hit, type_, f"XXXX-{season}", r_season)
        if (
            nw.lower() in lex.lists["season_heads"]
            and text[c.start : c.start + 4].lower() == "the "
        ):
            c.start += 4  # "the summer offensive": the article belongs to the offensive
        return c
    if day is not None:  # "the 23rd", "Monday the 23rd": the reference's month
        later = _RANGE_MONTH.match(text, hit.end, min(len(text), hit.end + 48))
        own_month = None
        own_year = None
        if later and later.group(1).lower() in lex.lists["range_connectors"]:
            own_month = lex.lookup("months", later.group(2)) or lex.lookup(
                "months", later.group(2).rstrip(".")
            )  # "the 5th and 6th of October", "the 12th, 13th, and 14th of July."
            own_year = int(later.group(3)) if later.group(3) else None

        relw = (g.get("dmonthrel") or "").lower()
        month_step = int(lex.lookup("relatives", relw) or 0) if relw else 0

        def r_day(ref: str | None) -> str:
            rf = A.parse_ref(ref)
            if own_month is not None:
                y = own_year or (rf.year if rf else None)
                return f"{A.fmt_year(y) if y else 'XXXX'}-{own_month:02d}-{day:02d}{suffix}"
            if rf is None:
                return f"XXXX-XX-{day:02d}{suffix}"
            if rf.month is None:
                return f"{A.fmt_year(rf.year)}-XX-{day:02d}{suffix}"
            y, m = rf.year, rf.month
            if month_step:
                y, m = A.add_months(y, m, month_step)  # "the 10th of the next month"
            elif ctx.mode == "narratives" and rf.day is not None and rf.day - day >= MONTH_TURN:
                y, m = A.add_months(y, m, 1)  # "the 2nd" after "the 28th": next month
            if wd is not None:  # "Sunday, 4th": the month, of this one and the next and last,
                y, m = _month_of_weekday(y, m, day, wd, cal)  # whose 4th is a Sunday
            if not A.valid(y, m, day, cal):
                back = A.add_months(y, m, -1)
                if (
                    ctx.mode == "narratives"
                    and rf.day is not None
                    and rf.day <= 7
                    and A.valid(*back, day, cal)
                ):  # "the evening of the 31st" told on the 1st of June: the month just ended
                    return A.fmt_date(*back, day) + suffix
                return f"{A.fmt_date(y, m)}-XX"
            return A.fmt_date(y, m, day) + suffix

        r_day.bare_day = own_month is None  # type: ignore[attr-defined]
        # "the 27th of the same month": the month last told, even told in passing
        r_day.of_month = hit.rule.name in _OF_THE_MONTH  # type: ignore[attr-defined]
        r_day.day_number = day  # type: ignore[attr-defined]
        r_day.day_weekday = wd  # type: ignore[attr-defined]  # "Wednesday, the 4th"
        r_day.day_suffix = suffix  # type: ignore[attr-defined]
        r_day.told_tense = _told_tense(ctx, hit)  # type: ignore[attr-defined]
        # "resumed his attack of the 23rd": a day naming a thing, not the story's day
        moves = not (
            ctx.mode == "narratives" and part is None and _of_a_thing(text, hit.start, lex)
        )
        return _cand(
            hit, type_, f"XXXX-XX-{day:02d}{suffix}", r_day, anaphoric=True, sets_reference=moves
        )
    if wd is not None:
        if hit.rule.name == "weekday" and _named_day(text, hit.start, lex):
            return None  # "Black Sunday", "Bloody Sunday": a day's name, not a date
        wd_dir = "future_or_same" if direction == "future" and ctx.mode == "news" else direction
        looked_back = ctx.mode == "narratives" and _pluperfect_before(text, hit.start, lex)
        if looked_back:
            wd_dir = "past_strict"  # "the 84 who had marched out on the Friday morning"

        ahead = {"week": 7, "fortnight": 14}.get((hit.groups.get("wdweek") or "").lower(), 0)
        if ahead:
            wd_dir = "future"  # "I shall be home on Saturday week": the Saturday after next

        def r_wd(ref: str | None) -> str:
            v = _weekday_value(wd, A.parse_ref(ref), wd_dir, cal)
            if ahead and (rv := A.parse_ref(v)) is not None:
                v = A.shift(rv, "D", ahead, cal) or v
            return v + suffix

        r_wd.weekday = wd  # type: ignore[attr-defined]
        r_wd.told_tense = _told_tense(ctx, hit)  # type: ignore[attr-defined]
        # (a day looked back on is no step of the story, nor one a week ahead: a plan)
        return _cand(
            hit, type_, f"XXXX-WXX-{wd}{suffix}", r_wd, sets_reference=not (looked_back or ahead)
        )
    return None


_Pieces = tuple[
    str | None,
    int | None,
    int | None,
    int | None,
    str | None,
    str | None,
    int | None,
    str | None,
    bool,
    bool,
    str | None,
    str | None,
]


def _cached_pieces(hit: Hit, ctx: Context) -> _Pieces | None:
    """``_pieces`` of a hit's groups, read once per groups object (hits of a list share them)."""
    g = hit.groups
    got = ctx.pieces.get(id(g))
    if got is None or got[0] is not g:
        got = ctx.pieces[id(g)] = (g, _pieces(g, hit.rule.name, ctx.lex, ctx.calendar))
    return got[1]


def _pieces(g: dict[str, Any], name: str, lex: Lexicon, cal: str) -> _Pieces | None:
    """What the groups of a match of rule ``name`` say whatever their context: (era, year,
    month, day, season, part of day, weekday, clock time, whether the day exists, whether the
    day is a word, the direction a "last"/"next" states, the value without a year), or None
    when they make no date. A written year ("nineteen seventeen") is read here; whether it
    is a year, in ``_date``."""
    get = g.get
    mtext = get("month")
    if mtext and mtext.lower().rstrip(".") in lex.lists["ambiguous_months"]:
        if not mtext[0].isupper():  # (_cap)
            return None  # "you may", "to march": a verb
    # "the afternoon of Thursday, November 16th", "the 24th of October, a Tuesday"
    wtext = get("weekday") or get("weekday_of") or get("weekday_after")
    if wtext and name == "weekday" and (wtext.endswith(".") or not _cap(wtext)):
        return None
    era_s = get("era")
    era = lex.lookup("eras", era_s) if era_s is not None else None
    year: int | None = None
    if get("year_w"):
        year = _written_year(g["year_w"], lex)
    elif get("year") is not None:
        ys = g["year"]
        if era:
            year = int(ys)
            if year == 0:
                return None
            if era == "AUC":  # counted from Rome's founding, 753 BC
                era, year = (
                    ("AD", year - AUC_EPOCH) if year > AUC_EPOCH else ("BC", AUC_EPOCH + 1 - year)
                )
        else:
            year = _year(ys)
    month = _month(g, lex)
    day = _day(get("day") or get("dayd") or get("day_n"), lex)
    if get("num_a"):
        a, b = int(g["num_a"]), int(g["num_b"])
        month, day = (b, a) if a > 12 >= b else (a, b)
        year = _year(get("year_s"))
        if not 1 <= month <= 12 or not 1 <= day <= 31:
            return None
    season_s, part_s = get("season"), get("part")
    season = lex.lookup("seasons", season_s) if season_s is not None else None
    part = lex.lookup("parts_of_day", part_s) if part_s is not None else None
    wd = lex.lookup("weekdays", wtext) if wtext else None
    hm = f"{int(g['hour']):02d}:{g['minute']}" if get("hour") else None
    day_ok = month is None or day is None or A.valid(year, month, day, cal)
    word_day = name in ("day_month", "month_day") and bool(get("day")) and not g["day"][0].isdigit()
    mrel_s = get("mrel") or get("mrel_post")
    mrel = " ".join(mrel_s.lower().split()) if mrel_s else ""
    # a stated direction is strict: "next January" told in March is the coming one
    mrel_dir = ("before" if lex.lookup("relatives", mrel) == -1 else "after") if mrel else None
    static = None if month is None else f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
    return (era, year, month, day, season, part, wd, hm, day_ok, word_day, mrel_dir, static)


def _without_feast(hit: Hit, text: str) -> Hit:
    """The match with the feast before its day left out (the feast is matched on its own)."""
    feast = hit.groups["holiday_of"]
    start = text.find(feast, hit.start, hit.end) + len(feast)
    while start < hit.end and (text[start].isspace() or text[start] == ","):
        start += 1
    groups = {k: v for k, v in hit.groups.items() if k != "holiday_of"}
    # a modifier before the feast was the feast's ("about Christmas, 3 March")
    return replace(hit, start=start, groups=groups, match_start=start, mod=None, mod_text=None)


def _feast_names_day(hit: Hit, ctx: Context) -> bool:
    """Whether a feast told before a day ("Whitsunday 19 May") names that day: a fixed one
    must fall on it, a movable one must in the stated year (without a year, it may)."""
    name = hit.groups["holiday_of"]
    pieces = _cached_pieces(hit, ctx)
    spec: str | None = ctx.lex.lookup("holidays", name)
    if pieces is None or spec is None or not _cap(name):
        return False
    year, month, day = pieces[1], pieces[2], pieces[3]
    if month is None or day is None:
        return False
    if re.match(r"\d\d-\d\d$", spec):
        return spec == f"{month:02d}-{day:02d}"
    return year is None or _feast_falls_on(spec, year, month, day, ctx.calendar)


def _bare_year(hit: Hit, ctx: Context) -> Candidate | None:
    """``_date`` for a bare number ("1917"), whose only group is the year: the same tests and
    value, without the ones for groups it cannot have (hot on lists of years)."""
    if not _plausible_year(hit, ctx):
        return None
    g = hit.groups
    got = ctx.year_values.get(id(g))  # its value, read once per groups object (as pieces)
    if got is None or got[0] is not g:
        got = ctx.year_values[id(g)] = (g, _year_value(g["year"]))
    value = got[1]
    if value is None:
        return None
    text = ctx.text
    moves = bool(
        not _YEAR_SPAN.match(text, hit.end, hit.end + 4)  # "1905-06"
        and (
            _prev_word(text, hit.start) in ctx.lex.lists["year_sets_reference_after"]
            or _part_of(text, hit.start, ctx.lex)  # "in the course of 1807"
        )
        and not _told_back(text, hit.start)
    )
    c = _cand(hit, hit.rule.type, value)
    c.sets_reference = moves
    return c


def _loose_quarter(hit: Hit, ctx: Context) -> bool:
    """In a story, quarters are a moon's, a pound's or a town's ("in its last quarter", "three
    quarters", "in some quarters"), not a year's, unless they say of what ("the third quarter
    of 1916") or count in the hour ("three quarters of an hour")."""
    if hit.rule.kind == "set" or "uarter" not in ctx.text[hit.start : hit.end]:
        return False  # "pays interest every quarter"; (most expressions name no quarter)
    g = hit.groups
    if hit.rule.name == "quarter":
        if g.get("qyear") or g.get("year") or g.get("qrel") or g.get("qrel2") or g.get("qago"):
            return False  # "the third quarter of 1916", "last year's fourth quarter"
    elif not (g.get("quarterword") or (g.get("unit") or "").lower() in ("quarter", "quarters")):
        return False
    return _next_word(ctx.text, hit.end).lower() != "of"


#: the rules of a day told with "of the month" ("the 27th of the same month")
_OF_THE_MONTH = frozenset({"the_day_of_the_month", "weekday_day_of_the_month"})


def _year_follows(text: str, end: int, lists: Mapping[str, frozenset[str]]) -> bool:
    """Does what follows a three-digit number at ``end`` let it be a year: punctuation, a
    clause word or a name (not "300 ships", "200, 300 cases", "451.5")?"""
    m = _SHORT_YEAR_NEXT.match(text, end)
    if m is None:
        return False
    punct, word = m.group("punct"), m.group("word")
    if punct is not None:
        if punct in ".," and text[m.end() : m.end() + 1].isdigit():
            return False  # "451.5", "200,000"
        if _AND_A_NUMBER.match(text, m.end()):
            return False  # "in 200, 300 and 400 cases": counts
    elif word is not None:
        low = word.lower()
        if low in lists["year_not_before"] or (
            word[:1].islower() and low not in lists["written_year_followers"]
        ):
            return False
        if low in ("to", "or", "and") and _AND_A_NUMBER.match(text, m.start("word")):
            return False  # "in 300 to 400 ships"
    return True


def _month_short_year(hit: Hit, ctx: Context) -> Candidate | None:
    """In narratives, "In January 532 the factions rioted": a month of a three-digit year,
    on the same terms as the year alone."""
    g = hit.groups
    if ctx.mode != "narratives" or not _year_follows(ctx.text, hit.end, ctx.lex.lists):
        return None
    month = _month(g, ctx.lex)
    if month is None:
        return None
    return _cand(hit, "DATE", f"{A.fmt_year(int(g['syear']))}-{month:02d}")


def _short_year(hit: Hit, ctx: Context) -> Candidate | None:
    """In narratives, "In 911 the Carolingian ruler", "in 451.": a three-digit year, when
    punctuation, a clause word or a name follows it (not "in 300 ships", "in 200, 300 cases",
    "in 451.5"). The story moves to it as to "in 1917"."""
    if ctx.mode != "narratives" or not _year_follows(ctx.text, hit.end, ctx.lex.lists):
        return None
    text, lists = ctx.text, ctx.lex.lists
    year = int(hit_text(hit, ctx))
    moves = _prev_word(text, hit.start) in lists["year_sets_reference_after"] and not _told_back(
        text, hit.start
    )
    return _cand(hit, "DATE", A.fmt_year(year), sets_reference=moves)


_OF_THE_MONTH = frozenset(("the_day_of_the_month", "weekday_day_of_the_month"))
_MONTH_NAMED_AFTER = re.compile(r"\s+(?:of\s+)?([A-Z][\w\u00C0-\u024F]*)")


def _other_month_named(text: str, end: int, lex: Lexicon) -> bool:
    """Is "the month" followed by a name other than the story's calendar's ("the Month
    Prairial")? A month of its own ("this same month of April") is fine."""
    m = _MONTH_NAMED_AFTER.match(text, end)
    return m is not None and lex.lookup("months", m.group(1)) is None


def in_quote(text: str, start: int) -> bool:
    """Is ``start`` inside a quotation opened earlier in its paragraph (curly quotes counted
    open against close, straight ones by parity)?"""
    lo = text.rfind("\n\n", max(0, start - 3000), start)
    para = text[lo + 1 if lo >= 0 else max(0, start - 3000) : start]
    if para.count("“") > para.count("”"):
        return True
    return para.count('"') % 2 == 1


_SENTENCE_CLOSE = re.compile(r"\s*[.!?]")
_CLAUSE_JOINS = frozenset(("and", "but", "while", "when", "as", "whereas"))
_WORD_BEFORE_RAW = re.compile(r"([^\W\d_]+)[ \t]+$")
_AMOUNT_AFTER = re.compile(r"\s*(?:million|billion|trillion|thousand|percent|per\s*cent|%)", re.I)
_SHORT_YEAR_NEXT = re.compile(r"\s*(?:(?P<punct>[,.;:!?)\]])|(?P<word>[^\W\d_][\w'’]*)|$)")
_AND_A_NUMBER = re.compile(r"\s*(?:(?:to|or|and)\s+|[-–]\s*)?\d")


def _year_value(ys: str) -> str | None:
    """The value of a bare year's group ("1917" -> "1917"), None when it is no year."""
    year = int(ys) if len(ys) == 4 and ys.isascii() and ys.isdigit() else _year(ys)
    return None if year is None else A.fmt_year(year)


# "the 10th of August", "Tenth of August" (after "the"): how histories name a day by its date
_NAMED_DAY = re.compile(r"(?:the\s+)?[^\W_]+\s+of\s+[A-Z][a-z]+\.?$", re.IGNORECASE)


class _MonthDay:
    """Resolver of a month or day-month without its year ("June", "May 1st"): the
    reference's year, or in news (or after "last"/"next") the year that puts it nearest;
    after "since", the last such month before the reference.
    A slotted object rather than a closure: a list of dates makes one per date, and this is
    one allocation for the garbage collector to track where a closure with attributes is ten.
    ``year_free``, ``month_day`` and ``weekday`` tell the engine what it needs to choose the
    year at document level (weekday, dominant year)."""

    __slots__ = (
        "month",
        "day",
        "nearest",
        "direction",
        "suffix",
        "cal",
        "weekday",
        "since",
        "year_free",
        "month_day",
        "feast",
        "named",
    )

    def __init__(
        self,
        month: int,
        day: int | None,
        nearest: bool,
        direction: str | None,
        suffix: str,
        cal: str,
        weekday: int | None,
        since: bool = False,
    ) -> None:
        self.month, self.day, self.nearest, self.direction = month, day, nearest, direction
        self.suffix, self.cal, self.weekday, self.since = suffix, cal, weekday, since
        self.year_free = not nearest and not since
        # a field, not a property: the engine reads it once per date of a list
        self.month_day: tuple[int, int | None] = (month, day)
        self.feast: str | None = None  # a movable feast told with the day ("Easter Monday")
        # written as a day's name is ("the 10th of August"): a famous day may be meant
        self.named = False

    def fits_year(self, year: int, cal: str | None = None) -> bool:
        """Whether the day falls on its stated weekday or feast in ``year``, counted in ``cal``
        (else its own calendar): a passage whose year is not yet known is not yet known to be
        Old Style either."""
        day, cal = self.day, cal or self.cal
        if day is None or not A.valid(year, self.month, day, cal):
            return False
        if self.weekday is not None and not on_weekday(year, self.month, day, self.weekday, cal):
            return False
        feast = self.feast
        return feast is None or _feast_falls_on(feast, year, self.month, day, cal)

    def __call__(self, ref: str | None) -> str:
        return _month_day_value(
            self.month,
            self.day,
            self.nearest,
            self.direction,
            self.suffix,
            self.cal,
            ref,
            self.since,
        )


@lru_cache(maxsize=4096)  # pure; a list of dates asks for the same few values again and again
def _month_day_value(
    month: int,
    day: int | None,
    nearest: bool,
    direction: str | None,
    suffix: str,
    cal: str,
    ref: str | None,
    since: bool = False,
) -> str:
    rf = A.parse_ref(ref)
    if nearest:
        y = _nearest_year(month, day, rf, direction)
    else:
        y = rf.year if rf else None
        if since and rf is not None and rf.month is not None and month > rf.month:
            y = rf.year - 1  # "since August" told in February: the August before
    ys = A.fmt_year(y) if y is not None else "XXXX"
    if day is None:
        return f"{ys}-{month:02d}"
    if y is not None and not A.valid(y, month, day, cal):
        return f"{ys}-{month:02d}-XX"
    return f"{ys}-{month:02d}-{day:02d}{suffix}"


def _ordinal(s: str | None, lex: Lexicon) -> int | None:
    """``"third"`` or ``"3rd"`` → 3 (``"last"`` → -1); None if not an ordinal."""
    if not s:
        return None
    m = re.match(r"(\d+)(?:st|nd|rd|th|d)$", s.strip().lower())
    if m:
        return int(m.group(1))
    v = lex.lookup("ordinals", s)
    return v if isinstance(v, int) else None


# an article before a hyphenated duration adjective ("the 30-day period")
_ARTICLE_ADJ = re.compile(r"(?:the|a|an)(\s+)[\w]+-[\w]+$", re.I)

# "the 5th [and 6th of] October": a day whose month comes after a coordinated day
_RANGE_MONTH = re.compile(
    # (a list on the way: "the 12th, 13th, and 14th of July")
    r"(?:\s*,\s*(?:the\s+)?\d{1,2}(?:st|nd|rd|th|d)?){0,4}\s*,?"
    r"\s*([^\W\d_]+|[-–])\s*(?:the\s+)?\d{1,2}(?:st|nd|rd|th|d)?\s+(?:of\s+)?([^\W\d_]+\.?)(?:,?\s*(\d{4})(?!\d))?",
    re.I,
)


_CLOCK_NEXT = re.compile(r"\s*([^\W\d_][\w.’']*)")
_CLOCK_PREV = re.compile(r"([^\W\d_]+)\W*$")


def _clock_fives(text: str, hit: Hit, hour: int, direction: str, lex: Lexicon) -> bool:
    """Whether minutes told without "minutes" ("twenty past six", "ten to four") are a clock:
    not a range ("from five to ten"), not odds ("ten to one"), and not counting what follows
    ("five to ten men")."""
    if direction.lower() in ("to", "before") and hour == 1:
        return False
    before = _CLOCK_PREV.search(text, max(0, hit.start - 20), hit.start)
    if before is not None and before.group(1).lower() in lex.lists["clock_fives_not_after"]:
        return False
    after = _CLOCK_NEXT.match(text, hit.end)
    return after is None or after.group(1).lower().rstrip(".") in lex.lists["clock_fives_next"]


def _age_in_sentence(text: str, hit: Hit, lex: Lexicon) -> bool:
    """Does the sentence of a bare hour in words speak of ages ("At twelve, the boy was sent
    to school")? Then the number is one."""
    lo = max(0, hit.start - 120)
    stop = max(text.rfind(". ", lo, hit.start), text.rfind("\n\n", lo, hit.start))
    lo = stop + 1 if stop >= 0 else lo
    end = text.find(". ", hit.end, hit.end + 120)
    words = _CLAUSE_WORDS.findall(text, lo, end if end >= 0 else hit.end + 120)
    return any(w.lower() in lex.lists["clock_age_words"] for w in words)


def hit_text(hit: Hit, ctx: Context) -> str:
    """The rule's own match (without modifiers attached in front of it)."""
    if hit.match_start >= 0:
        return ctx.text[hit.match_start : hit.match_end]
    return ctx.text[hit.start : hit.end]


def _nearest_year(
    month: int, day: int | None, ref: A.Ref | None, direction: str | None
) -> int | None:
    """News: the year putting month/day nearest the DCT, against the tense only when it is
    much nearer ("Dec. 7" in a November story is this December unless the verb is past)."""
    if ref is None:
        return None
    rm = ref.any_month
    if rm is None:
        return ref.year
    rd = ref.day or 15
    best, best_score = ref.year, None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        dist = (y - ref.year) * 365 + (month - rm) * 30.5 + ((day or 15) - rd)
        if (direction == "before" and dist >= 0) or (direction == "after" and dist <= 0):
            continue  # "last Oct. 23", "January next": strictly on that side
        score = abs(dist)
        if direction == "past" and dist > 0:
            score = score * 3 + 120
        elif direction == "future" and dist < 0:
            score = score * 3 + 120
        if best_score is None or score < best_score:
            best, best_score = y, score
    return best


def _plausible_year(hit: Hit, ctx: Context) -> bool:
    """Whether a bare number is a year, not an amount, a decimal, a count or a table figure
    (each test is cheap first: this runs once per number of a list of years)."""
    text, lists = ctx.text, ctx.lex.lists
    s, e = hit.start, hit.end
    ys = hit.groups["year"]
    if ys[0] in "'’":
        return False if not text[s - 1 : s].isspace() and s > 0 else True
    if ctx.mode == "news" and not 1000 <= int(ys) <= 2099:
        return False
    before = text[s - 2 if s > 2 else 0 : s]  # (conditionals, not max(): once per year of a list)
    a0, a1 = text[e : e + 1], text[e + 1 : e + 2]  # the two characters after
    if not _MONEY_SIGNS.isdisjoint(before) or a0 == "%" and not a1.isdigit():
        return False
    # "[,.]\d" right after, "\d[,.]" right before: a decimal or a thousands group
    if a0 in (",", ".") and a1.isdecimal():
        return False
    if before[1:2] in (",", ".") and before[:1].isdecimal():
        return False
    if (a0 in ("%", "p") or a0.isspace()) and _PERCENT_AFTER.match(text, e, e + 10):
        return False
    if _next_word_in(text, e, lists["year_not_before"]) and not _CLOSE_AFTER.match(text, e, e + 3):
        return False
    if _prev_word_in(text, s, lists["year_not_after"]):
        return False
    if ctx.pipes and _table_figure(text, s, e):
        return False
    if (
        text[s - 1 : s].isspace()  # (what _after_range_word needs first)
        and _after_range_word(text, s)
        and _COUNT_BEFORE.search(text, max(0, s - 24), s)
    ):
        return False  # "967 to 1000", "between 800 and 1200": a range of counts
    return True


# precompiled, matched in place (pos/endpos) rather than on slices: run once per year
_PERCENT_AFTER = re.compile(r"\s*(?:%|per\s*cent|percent)")
_CLOSE_AFTER = re.compile(r"\s*[,.;:!?)]")
# a number that is not year-shaped, then "to"/"and"/"or"/"out of", right before the number
# (but "from 800 to 1200" may be years)
_COUNT_BEFORE = re.compile(
    r"(?<![\d,.])(?<!from\s)(?<!between\s)(?:[1-9]\d{0,2}|\d{5,}|\d{1,3}(?:,\d{3})+)\s+(?:to|and|or|out\s+of)\s+$"
)
_FIGURE_CELL = re.compile(r"^\s*[\d.,–-]+\s*$")
_YEAR_SPAN = re.compile(r"\s*[-–—/]\s*\d")
_MONEY_SIGNS = frozenset("$£€#§¶")
_RANGE_WORDS = frozenset(("to", "and", "or", "of"))


def _after_range_word(text: str, s: int) -> bool:
    """Whether "to", "and", "or" or "of" and spaces come right before ``s``: the cheap part of
    ``_COUNT_BEFORE`` (a regex search trying each of its 24 starting points)."""
    i = s
    while i > 0 and text[i - 1].isspace():
        i -= 1
    if i == s:
        return False
    j = i
    while j > 0 and j > i - 3 and text[j - 1].isascii() and text[j - 1].isalpha():
        j -= 1
    return text[j:i].lower() in _RANGE_WORDS


def _table_figure(text: str, s: int, e: int) -> bool:
    """A number alone in a table cell ("| 1097 |") among cells of other figures ("| 144. |")
    is a figure in a column of figures, not a year."""
    # the line, or 300 characters either side of a longer one (never the text from its
    # start: that made a one-line text of years quadratic); a cut first cell is not a cell
    lo = max(0, s - 300)
    nl = text.rfind("\n", lo, s)
    ls = nl + 1 if nl >= 0 else lo
    le = text.find("\n", e, e + 300)
    if text.count("|", ls, le if le >= 0 else e + 300) < 3:
        return False
    line = text[ls : le if le >= 0 else e + 300]
    cells = line.split("|")
    cut = nl < 0 < lo
    pos = s - ls
    off = 0
    mine = None
    for i, c in enumerate(cells):
        if off <= pos < off + len(c):
            mine = i
        off += len(c) + 1
    if mine is None or mine == 0 and cut or not _FIGURE_CELL.match(cells[mine]):
        return False
    return any(
        i != mine
        and not (i == 0 and cut)
        and _FIGURE_CELL.match(c)
        and not re.fullmatch(r"\s*1[0-9]{3}\s*", c)
        for i, c in enumerate(cells)
    )


def _written_year_context(hit: Hit, ctx: Context) -> bool:
    """A written-out number is a year only in a narrow frame: "the year nineteen twelve", or
    after a temporal preposition ("in nineteen seventeen") and not before a counted noun."""
    lists = ctx.lex.lists
    if hit_text(hit, ctx).lower().startswith("the year"):
        return True
    nw = _next_word(ctx.text, hit.end)
    words = re.split(r"[\s-]+", (hit.groups.get("year_w") or "").lower())
    if not {"hundred", "thousand"} & set(words):
        # "nineteen ninety-six" is said of years only; "two thousand", "fifteen hundred"
        # are counts far more often
        return nw.lower() not in lists["year_not_before"]
    if _prev_word(ctx.text, hit.start) not in lists["written_year_after"]:
        return False
    if nw.lower() in lists["year_not_before"]:
        return False
    # a lower-case content word next is what the number counts ("in two thousand places")
    return not (nw[:1].islower() and nw not in lists["written_year_followers"])


def _written_year(s: str, lex: Lexicon) -> int | None:
    """ "nineteen seventeen", "nineteen o five" (said in pairs), "eighteen hundred and twelve",
    "two hundred and forty-nine", "one thousand seven hundred and eighty-nine" (cardinals)."""
    words = [w for w in re.split(r"[\s-]+", s.lower()) if w not in ("and",)]
    nums: dict[str, int] = lex.tables["numbers"]
    paired = len(words) > 1 and 10 <= nums.get(words[0], 0) <= 20 and words[1] != "hundred"
    if not paired or "thousand" in words:
        n = parse_number(s, lex)
        return int(n) if n is not None and n.is_integer() and 0 < n < 3000 else None
    if words[:2] == ["two", "thousand"]:
        rest = sum(nums.get(w, 0) for w in words[2:])
        return 2000 + rest
    head = nums.get(words[0])
    if head is None:
        return None
    rest_words = words[1:]
    if rest_words and rest_words[0] == "hundred":
        rest_words = rest_words[1:]
    if rest_words and rest_words[0] == "o":
        rest_words = rest_words[1:]
    rest = 0
    for w in rest_words:
        v = nums.get(w)
        if v is None:
            return None
        rest += v
    return head * 100 + rest


def _decade(hit: Hit, ctx: Context) -> Candidate | None:
    g = hit.groups
    mod = ctx.lex.lookup("point_mods", g.get("dmodw")) if g.get("dmodw") else None
    if g.get("decade"):
        return _cand(hit, "DATE", g["decade"][:3], mod=mod)
    digit = None
    if g.get("decade_s"):
        digit = int(g["decade_s"][0])
    elif g.get("decadeword"):
        digit = ctx.lex.lookup("decade_words", g["decadeword"])
    if digit is None:
        return None
    if (
        g.get("decadeword")
        and _prev_word(ctx.text, hit.start) in ctx.lex.lists["relative_not_after"]
    ):
        return None

    def r(ref: str | None) -> str:
        rf = A.parse_ref(ref)
        century = (rf.year // 100) if rf else 19
        if rf and century * 100 + digit * 10 > rf.year + 5 and century > 0:
            century -= 1  # never before year 0 ("the sixties" seen from 44 was '-16')
        return f"{century:02d}{digit}"

    return _cand(hit, "DATE", f"XX{digit}", r, mod=mod)


def _century(hit: Hit, ctx: Context) -> Candidate | None:
    g, lex = hit.groups, ctx.lex
    n = int(g["cent_n"]) if g.get("cent_n") else lex.lookup("ordinals", g.get("centord"))
    if not n or n < 1:
        return None
    mod = lex.lookup("point_mods", g.get("pmod")) if g.get("pmod") else None
    era = lex.lookup("eras", g.get("era"))
    if (g.get("cunit") or "").lower().startswith("millennium"):
        v = ("BC" if era == "BC" else "") + f"{n - 1}"
        return _cand(hit, "DATE", v, mod=mod)
    v = ("BC" if era == "BC" else "") + f"{n - 1:02d}"
    return _cand(hit, "DATE", v, mod=mod)


def _quarter(hit: Hit, ctx: Context) -> Candidate | None:
    g = hit.groups
    if g.get("half"):
        idx = _ordinal(g["half"], ctx.lex)
        if idx not in (1, 2):
            idx = min(2, ctx.lex.lookup("period_ordinals", g["half"]) or 2)
        code = f"H{idx}"
    elif g.get("mpart"):  # "the first three months of the year", "the last two quarters"
        first = ctx.lex.lookup("period_ordinals", g["mpart"]) == 1 or (
            _ordinal(g["mpart"], ctx.lex) == 1
        )
        if g.get("mcount") in ("three", "3"):
            code = "Q1" if first else "Q4"
        else:
            code = "H1" if first else "H2"
        idx = int(code[1])
    elif g.get("qm1"):  # "the July-September quarter"
        m1 = ctx.lex.lookup("months", g["qm1"])
        m2 = ctx.lex.lookup("months", g.get("qm2"))
        if m1 is None or m2 != m1 + 2 or m1 % 3 != 1:
            return None
        idx = (int(m1) - 1) // 3 + 1
        code = f"Q{idx}"
    else:
        q = g.get("qord", "").lower()
        idx = _ordinal(q, ctx.lex)
        if idx is None or idx < 1:
            idx = ctx.lex.lookup("period_ordinals", q)  # "the final quarter"
        if idx is None or not 1 <= idx <= 4:
            return None
        code = f"Q{idx}"
    y = _year(g.get("year")) or _year(g.get("qyear"))
    if y is not None:
        return _cand(hit, "DATE", f"{A.fmt_year(y)}-{code}")
    relw = " ".join((g.get("qrel") or g.get("qrel2") or "").lower().split())
    shift = ctx.lex.lookup("relatives", relw) or 0
    if g.get("qago"):
        shift = -1
    # in news, a quarter told in the past that has not begun by the document's date is last
    # year's: "the economy grew 0.6 percent in the fourth quarter" written in February
    first_month = 3 * idx - 2 if code[0] == "Q" else 6 * idx - 5
    past = not shift and ctx.mode == "news" and _direction(hit, ctx) == "past"

    def r(ref: str | None) -> str:
        rf = A.parse_ref(ref)
        if rf is None:
            return f"XXXX-{code}"
        back = 1 if past and rf.month is not None and first_month > rf.month else 0
        return f"{A.fmt_year(rf.year + shift - back)}-{code}"

    c = _cand(hit, "DATE", f"XXXX-{code}", r)
    if shift:  # "the year-ago third quarter" compares; it is not the period being reported
        c.source = "en:comparative-fixed"
    return c


def _yearago(hit: Hit, ctx: Context) -> Candidate | None:
    """ "the year-earlier quarter", "year-ago": the period a year before the one last named."""
    cal = ctx.calendar
    q = (hit.groups.get("qord") or "").lower()
    qn = _ordinal(q, ctx.lex) if q else None
    if qn is not None and not 1 <= qn <= 4:
        qn = None

    def r(ref: str | None) -> str:
        rf = A.parse_ref(ref)
        if rf is None:
            return "XXXX"
        if qn:
            return f"{A.fmt_year(rf.year - 1)}-Q{qn}"
        return A.shift(rf, "Y", -1, cal, keep=rf.gran in ("Q", "H")) or "XXXX"

    c = _cand(hit, "DATE", "XXXX", r, sets_reference=False)
    c.source = "en:comparative"
    return c


def _period(hit: Hit, ctx: Context) -> Candidate | None:
    """ "the quarter", "the latest quarter", "the same period", "the weekend", "year-end"."""
    g, cal = hit.groups, ctx.calendar
    if g.get("yend"):

        def r_end(ref: str | None) -> str:
            rf = A.parse_ref(ref)
            return A.fmt_year(rf.year) if rf else "XXXX"

        c = _cand(hit, "DATE", "XXXX", r_end, mod="END")
        return c
    unit = (g.get("punit") or "").lower()
    prel = " ".join((g.get("prel") or "").lower().split())
    if unit == "quarter" and (
        ctx.text[hit.end : hit.end + 1] == "-"  # "the quarter-finals"
        or (ctx.mode == "narratives" and not prel)  # "the people of the quarter": a district
    ):
        return None
    if g.get("pmonth"):  # "the same month last year": the month just named (or the
        # story's), a year back: "sales grew in May from the same month last year"
        said = _SENTENCE_START.split(ctx.text[max(0, hit.start - 160) : hit.start])[-1]
        months = ctx.lex.tables["months"]
        named = [months[w.lower()] for w in _TOK.findall(said) if _cap(w) and w.lower() in months]

        def r_m(ref: str | None) -> str:
            rf = A.parse_ref(ref)
            month = int(named[-1]) if named else (rf.month if rf else None)
            if rf is None or month is None:
                return "XXXX-XX"
            return A.fmt_date(rf.year - 1, month)

        c = _cand(hit, "DATE", "XXXX-XX", r_m, sets_reference=False)
        c.source = "en:comparative"
        return c
    if g.get("pyear"):
        py = _year(g["pyear"])
        if py is None:
            return None

        def r_y(ref: str | None) -> str:
            rf = A.parse_ref(ref)
            if rf is not None and rf.gran in ("Q", "H"):
                return A.fmt_year(py) + (f"-Q{rf.quarter}" if rf.quarter else f"-H{rf.half}")
            return A.fmt_year(py)

        c = _cand(hit, "DATE", A.fmt_year(py), r_y, sets_reference=False)
        c.source = "en:comparative"
        return c
    ago = g.get("pago") or g.get("plast")
    if unit in ("year", "period") and not prel and not ago:
        return None
    if unit == "year" and prel in ("same", "comparable", "corresponding", "recent", "latest"):
        return None
    direction = _direction(hit, ctx)
    news = ctx.mode == "news"

    if unit == "weekend":

        def r_we(ref: str | None) -> str:
            rf = A.parse_ref(ref)
            day = A.ref_day(rf)
            if rf is None or day is None:
                return "XXXX-WXX-WE"
            wd = A.weekday(*day, cal)
            step = 0
            if direction == "past" and wd < 6:
                step = -1
            return A.period(rf, "WE", step, cal) or "XXXX-WXX-WE"

        return _cand(hit, "DATE", "XXXX-WXX-WE", r_we)

    def r(ref: str | None) -> str:
        rf = A.parse_ref(ref)
        if rf is None:
            return "XXXX" if unit == "year" else "XXXX-QX"
        if unit == "year":
            return A.fmt_year(rf.year - (1 if ago else 0))
        if rf.gran in ("Q", "H") and prel not in ("current",):
            v = A.shift(rf, "Y", -1 if ago else 0, cal, keep=True) or "XXXX-QX"
            return v
        q = (rf.any_month - 1) // 3 + 1 if rf.any_month else None
        if q is None:
            return f"{A.fmt_year(rf.year)}-QX"
        step = 0
        if prel in ("latest", "most recent", "recent") or (
            not prel and news and direction == "past"
        ):
            step = -1
        if ago:
            step -= 4
        t = rf.year * 4 + (q - 1) + step
        return f"{A.fmt_year(t // 4)}-Q{t % 4 + 1}"

    c = _cand(hit, "DATE", "XXXX", r, sets_reference=False)
    if prel not in ("latest", "most recent", "current", "recent"):
        c.source = "en:comparative"
    return c


def _holiday(hit: Hit, ctx: Context) -> Candidate | None:
    g = hit.groups
    spec = ctx.lex.lookup("holidays", g.get("holiday"))
    if spec is None:
        return None
    if not _cap(g["holiday"]):
        return None
    y = _year(g.get("year"))
    if y is None and _prev_word(ctx.text, hit.start).lower() in ctx.lex.lists["holiday_not_after"]:
        return None  # "a Christmas present", "a happy New Year": a kind of thing, a greeting
    if y is None and _next_word(ctx.text, hit.end).lower() in ctx.lex.lists["feast_not_before"]:
        return None  # "the Christmas Lectures", "Christmas sermons": a thing of the feast

    weekend = bool(g.get("hweekend"))  # "the Labor Day weekend": the weekend of its week
    part = ctx.lex.lookup("parts_of_day", g.get("hpart")) if g.get("hpart") else None

    def value(year: int | None) -> str:
        v = day_value(year)
        return f"{v}T{part}" if part and not weekend else v

    def day_value(year: int | None) -> str:
        if year is None:
            if weekend:
                return "XXXX-WXX-WE"
            if re.match(r"\d\d-\d\d$", spec):
                return _eve(f"XXXX-{spec}") if g.get("eve") else f"XXXX-{spec}"
            return "XXXX-XX-XX"
        v = _holiday_date(spec, year, ctx.calendar)
        if weekend and (day := A.ref_day(A.parse_ref(v))) is not None:
            wd = A.weekday(*day, ctx.calendar)  # a Monday holiday ends its weekend
            return A.fmt_week(*A.iso_week(*A.add_days(*day, -1 if wd == 1 else 0))) + "-WE"
        return _eve(v) if g.get("eve") else v

    type_ = "TIME" if part and not weekend else "DATE"
    if y is not None:
        return _cand(hit, type_, value(y))

    def r(ref: str | None) -> str:
        rf = A.parse_ref(ref)
        if rf is None:
            return value(None)
        if rf.month is None and rf.season == "WI" and re.match(r"\d\d-", spec):
            if int(spec[:2]) <= 2:  # "The winter that followed ... we saw in the New Year"
                return value(rf.year + 1)
        if rf.month is not None:
            probe = value(rf.year)
            pm = re.match(r"\d{4}-(\d\d)-(\d\d)", probe)
            if pm and ctx.mode == "news":
                y = _nearest_year(int(pm.group(1)), int(pm.group(2)), rf, _direction(hit, ctx))
                return value(y)
            if pm:  # a story goes on: "his Christmas ... at Candlemas" is the next year's
                back = (rf.month - int(pm.group(1))) * 30.5 + ((rf.day or 15) - int(pm.group(2)))
                ahead = 365 - back  # to it in the next year
                turn = back > FEAST_BACK_DAYS and ahead <= FEAST_AHEAD_DAYS
                return value(rf.year + 1 if turn else rf.year)
        return value(rf.year)

    return _cand(hit, type_, value(None), r)


def _eve(value: str) -> str:
    """The day before: "the eve of the Bastille day" is 13 July ("XXXX-07-13" without a year)."""
    m = re.match(r"(\d{4}|XXXX)-(\d\d)-(\d\d)$", value)
    if m is None:
        return value
    known = m.group(1) != "XXXX"
    y, mo, d = A.add_days(int(m.group(1)) if known else 2001, int(m.group(2)), int(m.group(3)), -1)
    if not known and (mo, d) == (2, 28):
        return "XXXX-02-XX"  # 28 or 29 February, as the year decides
    return A.fmt_date(y, mo, d) if known else f"XXXX-{mo:02d}-{d:02d}"


_NTH_HOLIDAY = re.compile(r"^(?P<mo>\d\d)(?:-(?P<from>\d\d))?/(?P<wd>[1-7])(?:#(?P<k>-?[1-5]))?$")


def _feast_falls_on(spec: str, year: int, month: int, day: int, cal: str) -> bool:
    """Whether the feast ``spec`` (a [holidays] value) falls on that day in ``year``."""
    return _holiday_date(spec, year, cal) == A.fmt_date(year, month, day)


def _holiday_date(spec: str, year: int, cal: str) -> str:
    if re.match(r"\d\d-\d\d$", spec):
        return f"{A.fmt_year(year)}-{spec}"
    m = re.match(r"easter([+-]\d+)$", spec)
    if m:
        method = 1 if cal == "julian" else 3
        e = _easter(year, method)
        if method == 1:  # julian easter in the julian calendar
            y, mo, d = A.from_jdn(
                A.jdn(e.year, e.month, e.day, "julian") + int(m.group(1)), "julian"
            )
            return A.fmt_date(y, mo, d)
        y, mo, d = A.add_days(e.year, e.month, e.day, int(m.group(1)))
        return A.fmt_date(y, mo, d)
    m = _NTH_HOLIDAY.match(spec)
    if m and m["from"]:  # the first such weekday on or after a day ("11-02/2": US Election Day)
        mo, d0, wd = int(m["mo"]), int(m["from"]), int(m["wd"])
        return A.fmt_date(year, mo, d0 + (wd - A.weekday(year, mo, d0)) % 7)
    if m:
        mo, wd, k = int(m["mo"]), int(m["wd"]), int(m["k"])
        if k > 0:
            first = A.weekday(year, mo, 1)
            d = 1 + (wd - first) % 7 + 7 * (k - 1)
        else:
            last = A.month_length(year, mo)
            d = last - (A.weekday(year, mo, last) - wd) % 7
        return A.fmt_date(year, mo, d)
    return f"{A.fmt_year(year)}-XX-XX"


_BARE_UNIT_NOT_BEFORE = re.compile(
    r"[\w-]|\s+(?:of|before|after|earlier|later|ago|old|and|or|to|when|that|ended|ending|ends)\b"
    r"|\s+(?:[0-9]|[IVXL]+\b)",
    re.IGNORECASE,
)


def _bare_unit_ok(hit: Hit, ctx: Context) -> bool:
    """Is a bare "the year"/"the week" the unit the story is in ("For the year, volume was
    flat")? Not "the year before", "the week of March 5", "the year III", "the year eight
    hundred", "the days of the week", nor Carlyle's capitalised noun "the Fruits of the Year"."""
    text = ctx.text
    said = text[hit.start : hit.end]
    if said[:1] == "t" and said[4:5].isupper():
        return False
    if _BARE_UNIT_NOT_BEFORE.match(text, hit.end):
        return False
    if parse_number(_next_word(text, hit.end), ctx.lex) is not None:
        return False
    return not text[max(0, hit.start - 8) : hit.start].lower().endswith("days of ")


def _relative(hit: Hit, ctx: Context) -> Candidate | None:
    g, lex, cal = hit.groups, ctx.lex, ctx.calendar
    relw = (g.get("rel") or "").lower()
    relw = " ".join(relw.split())
    d = _relative_step(relw, hit, lex)
    text = hit_text(hit, ctx).lower()
    if (
        hit.start == hit.match_start
        and not text.startswith(("the ", "that ", "this "))
        and _prev_word(ctx.text, hit.start) in lex.lists["relative_not_after"]
    ):
        return None  # "on this last day", "his next year"
    if hit.rule.name == "the_unit_bare" and not _bare_unit_ok(hit, ctx):
        return None
    if d is None:  # the_unit_with_mod: "the end of the year"
        d = 0
        relw = "the"
    anaphoric = (
        relw in lex.lists["anaphoric"]
        or (text.startswith("the ") and d == 1)
        or (relw == "the" and ctx.mode != "news")
        or (ctx.mode == "narratives" and d == 1 and lex.lookup("units", g.get("unit")) == "D")
    )  # "the next day"; in a story also "next day"
    if "same" in text.split():
        d = 0
        anaphoric = True
    if lex.lookup("units", g.get("unit")) == "2W" and _next_word(ctx.text, hit.end) != "of":
        # "in the last fortnight", "the next fortnight": no calendar has fortnights, so a length
        return _cand(hit, "DURATION", "P2W", sets_reference=False)
    unit_code = lex.lookup("units", g.get("unit"))
    if (
        unit_code in ("DE", "CE")
        and (g.get("unit") or "").lower() in ("decade", "century")
        and d == 1
        and _prev_word(ctx.text, hit.start) in lex.lists["stretch_preps"]
        and _next_word(ctx.text, hit.end) != "of"
    ):
        # "rebuilt over the next decade": the stretch of it from now, as "over the past
        # decade" is (not the decade of the calendar after this one)
        return _cand(
            hit, "DURATION", "P10Y" if unit_code == "DE" else "P100Y", sets_reference=False
        )
    type_ = hit.rule.type
    if g.get("month"):
        month = _month(g, lex)
        if month is None or (
            g["month"].lower() in lex.lists["ambiguous_months"] and not _cap(g["month"])
        ):
            return None

        # "February this year", "May last year", "on 3 May of the following year"
        by_year = hit.rule.name in _BY_YEAR
        day = _day(g.get("day"), lex)
        if g.get("day") and (day is None or not A.valid(None, month, day, cal)):
            return None  # "30 February of that year"
        dd = f"-{day:02d}" if day else ""

        def r_m(ref: str | None) -> str:
            rf = A.parse_ref(ref)
            if by_year:
                y = rf.year + d if rf else None
            else:
                y = _month_year(month, rf, {-1: "before", 1: "after"}.get(d))
            if y is not None and day and not A.valid(y, month, day, cal):
                return f"{A.fmt_year(y)}-{month:02d}-XX"
            return f"{A.fmt_year(y) if y is not None else 'XXXX'}-{month:02d}{dd}"

        # "invested as earl in 1239, but in August of that year": the year just told
        r_m.year_anaphor = by_year and anaphoric  # type: ignore[attr-defined]
        c = _cand(hit, type_, f"XXXX-{month:02d}{dd}", r_m, anaphoric=anaphoric)
        if dd and by_year:
            c.source += OF_TOLD_YEAR  # "3 May of the following year": two timexes, one year
        return c
    if g.get("weekday"):
        wd = lex.lookup("weekdays", g["weekday"])
        direction = {-1: "past_strict", 1: "future", 0: "same_week"}[d]
        wpart = lex.lookup("parts_of_day", g.get("part")) if g.get("part") else None
        wsuffix = f"T{wpart}" if wpart else ""

        def r_w(ref: str | None) -> str:
            rf = A.parse_ref(ref)
            if direction == "past_strict":
                day = A.ref_day(rf)
                if day is None:
                    return f"XXXX-WXX-{wd}{wsuffix}"
                cur = A.weekday(*day, cal)
                delta = -((cur - wd) % 7 or 7)
                return A.fmt_date(*A.add_days(*day, delta, cal)) + wsuffix
            return _weekday_value(wd, rf, direction, cal) + wsuffix

        return _cand(hit, type_, f"XXXX-WXX-{wd}{wsuffix}", r_w, anaphoric=anaphoric)
    if g.get("season"):
        season = lex.lookup("seasons", g["season"])
        if _next_word(ctx.text, hit.match_end).lower() in lex.lists["season_not_before"]:
            return None  # "the abuses that spring from despotism"
        of_year = hit.rule.name == "season_relative_year"

        def r_s(ref: str | None) -> str:
            rf = A.parse_ref(ref)
            if rf is None:
                return f"XXXX-{season}"
            y = rf.year
            if of_year:  # "the autumn of the same year", "the spring of the following year"
                return f"{A.fmt_year(y + d)}-{season}"
            # the month the story is in; "1941-WI" runs from December 1941 into 1942
            m = 12 if rf.month is None and rf.season == "WI" else rf.any_month
            if m is None:
                y += d
            elif d > 0:  # the first such season starting after the story's month
                y += 0 if A.SEASON_START[season] > m else 1
            elif d < 0:  # the last one wholly over before it
                y -= 0 if A.SEASON_START[season] + 2 < m else 1
            elif season == "WI" and ctx.mode == "narratives" and m <= WINTER_TOLD_WITHIN:
                y -= 1  # "that winter" told in January: the one that began in December, 1917-WI
            return f"{A.fmt_year(y)}-{season}"

        r_s.year_anaphor = of_year and anaphoric  # type: ignore[attr-defined]
        return _cand(hit, type_, f"XXXX-{season}", r_s, anaphoric=anaphoric)
    if g.get("part"):
        part = lex.lookup("parts_of_day", g["part"])

        def r_p(ref: str | None) -> str:
            rf = A.parse_ref(ref)
            v = A.shift(rf, "D", d, cal) if rf else None
            return (v or "XXXX-XX-XX") + f"T{part}"

        return _cand(hit, "TIME", f"XXXX-XX-XXT{part}", r_p, anaphoric=anaphoric)
    unit = (
        lex.lookup("units", g.get("unit"))
        if g.get("unit")
        else ("Q" if g.get("quarterword") else None)
    )
    if (
        unit is None
        or unit in ("H", "S")
        or (unit == "M" and (g.get("unit") or "").lower().startswith("min"))
    ):
        return None
    if unit == "2W":
        unit = "W"
    ulow = (g.get("unit") or "").lower()
    if ulow.endswith("s") and unit not in ("CE",) and not ulow.endswith("ss"):
        # "the next years", "past months": vague plural, not a calendar period
        return None

    if relw in ("past", "the past", "this past") and unit in _PAST_SPAN:
        # "over the past decade" told in 2004 is the ten years up to then, not the 1990s
        return _cand(hit, "DURATION", _PAST_SPAN[unit])
    comparative = (
        ctx.mode == "news"
        and unit == "Y"
        and d == -1
        and not anaphoric
        and _prev_word(ctx.text, hit.start) in lex.lists["comparison_words"]
    )

    # news: a bare "the week" ("For the week, the index dropped") is the year's some week in
    # TimeBank (1989-WXX); a story's week keeps its number
    vague_week = (
        ctx.mode == "news" and unit == "W" and hit.rule.name == "the_unit_bare" and not hit.mod
    )

    def r_u(ref: str | None) -> str:
        rf = A.parse_ref(ref)
        if rf is None:
            return _X_FOR_UNIT.get(unit, "XXXX")
        if comparative and rf.gran in ("Q", "H"):
            return A.shift(rf, "Y", -1, cal, keep=True) or "XXXX"
        v = A.period(rf, unit, d, cal)
        if v is None:  # "that day" after "that winter": some day of its year
            return _coarse_shift(ref, unit, d, cal) or _X_FOR_UNIT.get(unit, "XXXX")
        return f"{v[:4]}-WXX" if vague_week and v[:4].isdigit() else v

    r_u.year_anaphor = anaphoric and unit in ("Y", "DE", "CE")  # type: ignore[attr-defined]
    c = _cand(hit, "DATE", _X_FOR_UNIT.get(unit, "XXXX"), r_u, anaphoric=anaphoric)
    if comparative:
        c.source = "en:comparative"
    return c


_BY_YEAR = ("month_relative_year", "day_month_relative_year", "month_day_relative_year")
_PAST_SPAN = {"DE": "P10Y", "CE": "P100Y"}  # TimeBank writes them in years

_X_FOR_UNIT = {
    "D": "XXXX-XX-XX",
    "W": "XXXX-WXX",
    "WE": "XXXX-WXX-WE",
    "M": "XXXX-XX",
    "Q": "XXXX-QX",
    "Y": "XXXX",
    "DE": "XXX",
    "CE": "XX",
    "ML": "X",
}


def _offset(hit: Hit, ctx: Context) -> Candidate | None:
    g, lex, cal = hit.groups, ctx.lex, ctx.calendar
    offw = " ".join((g.get("offset") or "").lower().split())
    sign = lex.lookup("offset_words", offw)
    unit_word = (g.get("unit") or "").lower()
    unit = lex.lookup("units", unit_word)
    if unit is None and unit_word in ("night", "morning", "evening"):
        unit = "D"
    if sign is None or unit is None:
        return None
    if (
        offw in ("before", "after")
        and not ctx.text[hit.start : hit.match_end].lower().endswith(" that")  # "after that"
        and re.match(r"\s*[\w$£€(]", ctx.text[hit.match_end : hit.match_end + 3])
        and _next_word(ctx.text, hit.match_end).lower()
        not in lex.lists[
            "day_clause_after" if hit.rule.name == "day_before_after" else "offset_clause_after"
        ]
    ):
        return None  # "30 days before the vote": relative to an event, not a date
    if hit.rule.name == "day_before_after":
        n: float | None = 1
        part = lex.lookup("parts_of_day", unit_word) if ctx.mode == "narratives" else None
        if part:  # "the night before": that night, a TIME
            return _day_part_offset(hit, sign, part, ctx.calendar)
    elif g.get("halfan"):
        part = g["halfan"].lower()
        n = 0.5 if part.startswith("half") else 0.75 if part.startswith("three") else 0.25
        if unit == "CE":  # "half a century ago": fifty years
            unit, n = "Y", n * 100
        elif unit != "H":
            return None  # "half a day later": no day to name
        # "Half an hour later", "a quarter of an hour later": the story's day, so many
        # minutes on from its clock
    else:
        if not (g.get("numx") or g.get("vague")) and (
            ctx.mode == "news" or not unit_word.endswith("s")
        ):
            # in a story a count unsaid is "some": "years earlier" (not "year earlier"); news
            # leaves it to TimeBank's habit ("just months ago" a vague length, PXM)
            return None
        n = parse_number(g.get("numx"), lex)
    deictic = offw in lex.lists["deictic_offsets"]
    approx = n is None and not unit_word.endswith("s")  # "some fortnight later": about one
    if approx:
        n = 1
    vague = n is None
    if vague and ctx.mode == "narratives" and unit_word in lex.lists["time_units"]:
        # "A few minutes later" in a story: still the story's day, as "ten minutes later" is
        def r_day(ref: str | None) -> str:
            rf = A.parse_ref(ref)
            return (A.shift(rf, "D", 0, cal) if rf else None) or "XXXX-XX-XX"

        return _cand(hit, "DATE", "XXXX-XX-XX", r_day, sets_reference=False)
    if vague and ctx.mode == "narratives" and sign > 0 and unit in ("D", "W", "M", "Y"):
        # "Some days later" in a story: some day of the story's year, not the narrator's
        # future (what came before stays PAST_REF, as TimeBank's "several years ago")
        def r_some(ref: str | None) -> str:
            rf = A.parse_ref(ref)
            if rf is None or unit in ("M", "Y"):
                return _X_FOR_UNIT[unit]
            return A.fmt_year(rf.year) + ("-WXX" if unit == "W" else "-XX-XX")

        return _cand(hit, "DATE", _X_FOR_UNIT[unit], r_some, sets_reference=False)
    if vague:
        v = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return _cand(hit, "DATE", v, sets_reference=False)
    assert n is not None
    part_hour = bool(g.get("halfan")) and unit == "H"
    if (n != int(n) and not part_hour) or n > 5000:
        return None
    k = int(n) * sign
    if unit == "2W":
        unit, k = "W", k * 2
    if unit == "WE":
        unit = "W"
    news = ctx.mode == "news"
    if g.get("this_day") and unit in ("Y", "M", "W", "D"):
        return _ago_this_day(hit, ctx, unit, k)

    clock = unit_word in lex.lists["time_units"]  # "ten minutes later": still that day

    def r(ref: str | None) -> str:
        rf = A.parse_ref(ref)
        if clock:
            return (A.shift(rf, "D", 0, cal) if rf else None) or "XXXX-XX-XX"
        if rf is None:
            return _X_FOR_UNIT.get(unit, "XXXX")
        keep = rf.gran in ("Q", "H")  # "a year earlier" than "the third quarter": 1988-Q3
        if unit == "W" and rf.day is None and rf.week is None:
            return _coarse_shift(ref, unit, k, cal) or _X_FOR_UNIT["W"]
        if unit == "W" and deictic and rf.day is not None and rf.month is not None:
            # "six weeks ago": the week, as TimeML annotates it
            iy, iw = A.iso_week(*A.add_days(rf.year, rf.month, rf.day, 7 * k, cal), cal)
            return A.fmt_week(iy, iw)
        v = A.shift(rf, unit, k, cal, keep=keep)
        if v is None:
            return _coarse_shift(ref, unit, k, cal) or _X_FOR_UNIT.get(unit, "XXXX")
        return v

    # "in 1837 he fell ill ... Six years later": counted from the year just told
    r.year_anaphor = not deictic and unit in ("Y", "DE", "CE")  # type: ignore[attr-defined]
    if clock and not deictic and unit in ("H", "M"):
        # "an hour later" than the story's ten o'clock is eleven (engine.anchor_all)
        r.clock_minutes = (  # type: ignore[attr-defined]
            round(n * 60) * sign if part_hour else k * (60 if unit == "H" else 1)
        )
    c = _cand(
        hit,
        "DATE",
        _X_FOR_UNIT.get(unit, "XXXX"),
        r,
        anaphoric=not deictic,
        # the story moves on with "three days later", not with "a century earlier"
        sets_reference=not news
        and not clock
        and sign > 0
        and (unit in ("D", "W", "M") or (unit == "Y" and k <= 3)),
    )
    if deictic and news and unit == "Y":
        c.source = "en:comparative"
    if approx:
        c.mod = "APPROX"
    return c


def _day_part_offset(hit: Hit, sign: int, part: str, cal: str) -> Candidate:
    """ "the night before", "the morning after that": that part of the day before or after."""

    def r(ref: str | None) -> str:
        rf = A.parse_ref(ref)
        day = A.shift(rf, "D", sign, cal) if rf else None
        return f"{day or 'XXXX-XX-XX'}T{part}"

    return _cand(hit, "TIME", f"XXXX-XX-XXT{part}", r, anaphoric=True, sets_reference=sign > 0)


def _ago_this_day(hit: Hit, ctx: Context, unit: str, k: int) -> Candidate:
    """ "Fifty years ago this evening", "six years ago this day": the same day (and part of
    it) so many units before the day of the telling."""
    g, cal = hit.groups, ctx.calendar
    said = " ".join(g["this_day"].lower().split())
    part = ctx.lex.lookup("parts_of_day", g.get("this_part")) if g.get("this_part") else None
    if said in ("tonight", "to-night"):
        part = "NI"
    suffix = f"T{part}" if part else ""

    def r(ref: str | None) -> str:
        rf = A.parse_ref(ref)
        if rf is None or rf.month is None or rf.day is None:
            return "XXXX-XX-XX" + suffix
        if unit in ("Y", "M"):
            y, m = A.add_months(rf.year, rf.month, k * (12 if unit == "Y" else 1))
            d = rf.day
            while d > 28 and not A.valid(y, m, d, cal):
                d -= 1  # "a year ago today" from 29 February
        else:
            y, m, d = A.add_days(rf.year, rf.month, rf.day, k * (7 if unit == "W" else 1), cal)
        return A.fmt_date(y, m, d) + suffix

    return _cand(hit, "TIME" if part else "DATE", "XXXX-XX-XX" + suffix, r, sets_reference=False)


#: Share of the days a shift can reach that one month must hold for a day counted from a
#: month ("the next day" after "In March") to be read as a day of that month.
MONTH_SHARE = 0.75


def _coarse_shift(ref: str | None, unit: str, k: int, cal: str) -> str | None:
    """What stays known when a reference coarser than the unit moves by ``k`` units: "two
    weeks later" than May 1915 is some week of 1915 (``1915-WXX``), "ten days after" it some
    day of May or June (``1915-XX-XX``), "the next day" some day of May (``1915-05-XX``: all
    but one of the days it can reach); None when not even the year is sure."""
    try:
        span = bounds(ref or "", cal)
    except Exception:  # noqa: BLE001 - an odd reference only means nothing is known
        return None
    if span is None:
        return None
    (y0, m0, d0), (y1, m1, d1) = span
    if unit in ("D", "W"):
        days = k * (7 if unit == "W" else 1)
        a = A.add_days(y0, m0, d0, days, cal)
        z = A.add_days(y1, m1, d1, days, cal)
        if a[0] != z[0] or not A.four_digit_year(a[0]):
            return None  # not even the year is sure, or past TIMEX3's four-digit years
        if unit == "W":
            return f"{A.fmt_year(a[0])}-WXX"
        month = _main_month(a, z, cal)
        return f"{A.fmt_date(a[0], month)}-XX" if month else f"{A.fmt_year(a[0])}-XX-XX"
    if unit == "M":
        a2, z2 = A.add_months(y0, m0, k), A.add_months(y1, m1, k)
        return f"{A.fmt_year(a2[0])}-XX" if a2[0] == z2[0] and A.four_digit_year(a2[0]) else None
    return None


def _main_month(first: tuple[int, int, int], last: tuple[int, int, int], cal: str) -> int | None:
    """The month (of one year) holding at least ``MONTH_SHARE`` of the days from ``first`` to
    ``last``, if any: a day a few days off a month most likely still lies in it."""
    if first[0] != last[0]:
        return None
    total = A.jdn(*last, cal) - A.jdn(*first, cal) + 1
    if first[1] == last[1]:
        return first[1]
    head = A.month_length(first[0], first[1], cal) - first[2] + 1
    tail = last[2]
    if head >= MONTH_SHARE * total:
        return first[1]
    if tail >= MONTH_SHARE * total:
        return last[1]
    return None


def _deictic(hit: Hit, ctx: Context) -> Candidate | None:
    spec = ctx.lex.lookup("deictic_days", hit_text(hit, ctx))
    if spec is None:
        return None
    k, part = int(spec[0]), spec[1]
    if hit_text(hit, ctx).lower() in ctx.lex.lists["story_night_words"]:
        part = "NI"
    cal = ctx.calendar
    type_ = "TIME" if part else "DATE"

    def r(ref: str | None) -> str:
        rf = A.parse_ref(ref)
        v = A.shift(rf, "D", k, cal) if rf else None
        return (v or "XXXX-XX-XX") + (f"T{part}" if part else "")

    # "the morrow", "tomorrow" carry a story forward; "yesterday", "today" do not move it
    moves = k > 0 or ctx.mode == "news"
    return _cand(hit, type_, "XXXX-XX-XX" + (f"T{part}" if part else ""), r, sets_reference=moves)


_NOW_AND_THEN = re.compile(r"\s+and\s+(?:then|again)\b", re.I)


def _ref(hit: Hit, ctx: Context) -> Candidate | None:
    said = hit_text(hit, ctx)
    v = ctx.lex.lookup("generic_refs", said)
    if v is None:
        return None
    if said.lower() == "now" and _NOW_AND_THEN.match(ctx.text, hit.end):
        return None  # "rising now and then": from time to time, no time
    if said.lower() in ("the present", "the future") and _prev_word(ctx.text, hit.start) != "for":
        nxt = _CLOCK_NEXT.match(ctx.text, hit.end)
        if (  # (but "for the present commands in the garrison": for now)
            nxt is not None
            and ctx.text[hit.end : hit.end + 1] == " "
            and nxt.group(1)[:1].islower()
            and nxt.group(1).rstrip(".") not in ctx.lex.lists["present_nouns"]
        ):
            return None  # "the present miller", "the future emperor": an adjective
    return _cand(hit, "DATE", v, sets_reference=False)


_STANDS_ALONE = re.compile(r"\s*(?:[,.;:!?)]|$)")


def _ref_word(hit: Hit, ctx: Context) -> Candidate | None:
    """ "Formerly, ...": a past adverb on its own, with punctuation after it ("formerly vice
    president" is no time). The check is here: a rule's match cannot look past its stretch."""
    if hit_text(hit, ctx).lower() not in ctx.lex.lists["past_ref_words"]:
        return None
    if not _STANDS_ALONE.match(ctx.text, hit.end):
        return None
    return _cand(hit, "DATE", "PAST_REF", sets_reference=False)


def _duration_value(n: float | None, unit: str, lex: Lexicon, unit_word: str) -> str | None:
    time_unit = unit_word.lower() in lex.lists["time_units"]
    if unit == "2W":
        unit, n = "W", (n * 2 if n is not None else None)
    if unit == "WE":
        unit, n = "D", (n * 2 if n is not None else None)
    if n is None:
        # vague decades are PXDE, as TIMEX3 spells the unit (and every annotation we have of
        # them); centuries and millennia keep TimeBank's PXC, PXL
        vague_code = {"CE": "C", "ML": "L"}.get(unit, unit)
        return f"PTX{unit}" if time_unit else f"PX{vague_code}"
    if unit == "Q":
        unit, n = "M", n * 3
    elif unit == "DE":
        unit, n = "Y", n * 10
    elif unit == "CE":
        unit, n = "Y", n * 100
    elif unit == "ML":
        unit, n = "Y", n * 1000
    if n != int(n):
        lower = {
            "Y": ("M", 12),
            "M": ("D", 30),
            "W": ("D", 7),
            "D": ("H", 24),
            "H": ("M", 60),
            "S": ("S", 1),
        }
        if time_unit and unit in ("H",):
            whole = int(n)
            mins = round((n - whole) * 60)
            return f"PT{whole}H{mins}M" if whole else f"PT{mins}M"
        if time_unit and unit == "M":
            whole = int(n)
            secs = round((n - whole) * 60)
            return f"PT{whole}M{secs}S" if whole else f"PT{secs}S"
        if unit == "Y" and n * 2 == int(n * 2):
            whole = int(n)
            return f"P{whole}Y6M" if whole else "P6M"
        lu, f = lower.get(unit, (unit, 1))
        if f > 1 and (n * f) == int(n * f):
            n, unit = n * f, lu
            if lu == "H":
                return f"PT{int(n)}H"
        else:
            return ("PT" if time_unit else "P") + f"{n:g}{unit}"
    return ("PT" if time_unit else "P") + f"{int(n)}{unit}"


#: after "N quarters": "of an hour" makes minutes; "of" before anything but a year, a fraction
_QUARTER_HOUR = re.compile(r"\s+of\s+an\s+hour\b", re.IGNORECASE)
_QUARTER_OF = re.compile(r"\s+of\s+(?![0-9]{4}|fiscal\b)", re.IGNORECASE)


#: duration units from the longest, for the order of a compound length ("2 hours, 31 minutes")
_UNIT_ORDER = {"Y": 0, "M": 1, "W": 2, "D": 3, "TH": 4, "TM": 5, "TS": 6}


def _compound_duration(hit: Hit, ctx: Context) -> Candidate | None:
    """ "2 hours, 31 minutes" = PT2H31M: both parts, the longer unit first, in one value."""
    g, lex = hit.groups, ctx.lex
    parts = []
    for num, word in ((g.get("numx"), g.get("unit")), (g.get("num2"), g.get("unit2"))):
        n = parse_number(num, lex)
        unit = lex.lookup("units", word)
        if n is None or n != int(n) or unit not in ("Y", "M", "W", "D", "H", "S"):
            return None
        timed = (word or "").lower() in lex.lists["time_units"]
        parts.append((("T" if timed else "") + unit, int(n)))
    (u1, _), (u2, _) = parts
    if _UNIT_ORDER[u1] >= _UNIT_ORDER[u2] or (u1 == "W") != (u2 == "W"):
        return None  # "5 minutes, 3 hours": two lengths, not one; ISO keeps weeks alone
    date = "".join(f"{k}{u}" for u, k in parts if not u.startswith("T"))
    clock = "".join(f"{k}{u[1:]}" for u, k in parts if u.startswith("T"))
    return _cand(hit, "DURATION", "P" + date + (f"T{clock}" if clock else ""))


def _duration(hit: Hit, ctx: Context) -> Candidate | None:
    g, lex = hit.groups, ctx.lex
    if _cap(g.get("unit") or "") and _cap(_next_word(ctx.text, hit.end)):
        return None  # "the Thirty Years' War", "the Six Days War": a name
    unit_word = (g.get("unit") or "").lower()
    unit = lex.lookup("units", unit_word)
    if unit is None:
        if unit_word == "generations":
            return _cand(hit, "DURATION", "PXY")
        return None
    text = hit_text(hit, ctx).lower()
    name = hit.rule.name
    mod = None
    if name == "bare_units" and g.get("follow"):  # "in the following days", "ensuing decades"
        if _next_word(ctx.text, hit.end).lower() == "of":
            return None
        return _cand(hit, "DURATION", _duration_value(None, unit, lex, unit_word) or "PXY")
    if name == "bare_units":
        first = text.split()[0] if text.split() else ""
        if unit_word == "quarters" and first not in ("recent", "coming", "past"):
            return None
        if unit_word in ("days", "hours", "minutes") and not (
            first in lex.lists["bare_short_unit_after"]
            or first != "the"
            and _prev_word(ctx.text, hit.match_start) in lex.lists["bare_short_unit_after"]
        ):
            return None  # "in the days before the slaying", "days gone by"
        if first == "the" and _next_word(ctx.text, hit.end).lower() == "of":
            return None  # "in the months of June and July"
        if (
            first not in lex.lists["bare_unit_after"]
            and _prev_word(ctx.text, hit.match_start) not in lex.lists["bare_unit_after"]
        ):
            return None
        return _cand(hit, "DURATION", _duration_value(None, unit, lex, unit_word) or "PXY")
    if name == "year_ended":  # "for the year ended Sept. 30": a one-year reporting period
        return _cand(hit, "DURATION", "P1Y")
    if name == "duration_compound":
        return _compound_duration(hit, ctx)
    if name == "duration_another":  # "another month" P1M, "another two years" P2Y
        k = parse_number(g.get("numx"), lex) if g.get("numx") else 1
        if k is None or (not g.get("numx") and unit_word.endswith("s")):
            return None
        prev = _prev_word(ctx.text, hit.start)
        if prev not in lex.lists["bare_unit_after"] and not prev.endswith("ed"):
            return None  # "just another day": a day like others, no length
        v = _duration_value(k, unit, lex, unit_word)
        return _cand(hit, "DURATION", v) if v else None
    if name == "half_unit":
        return _cand(hit, "DURATION", _duration_value(0.5, unit, lex, unit_word) or "PXY")
    numtext = (g.get("numx") or "").lower().strip()
    vague = g.get("vague")
    if vague:
        if not unit_word.endswith("s"):
            return None  # "numerous night after night"
        n = lex.data["numbers"]["approx_numbers"].get(" ".join(vague.lower().split()))
        if n is not None:
            mod = "APPROX"
    else:
        n = parse_number(numtext, lex)
        if n is None:
            return None
        if unit == "Q":
            hour = _QUARTER_HOUR.match(ctx.text, hit.end)
            if hour:  # "three quarters of an hour": minutes, not business quarters
                return _cand(hit, "DURATION", f"PT{round(n * 15)}M", end=hour.end())
            if _QUARTER_OF.match(ctx.text, hit.end):
                return None  # "three-quarters of its food"
        if numtext in ("a", "an") and unit in ("S", "Q") and unit_word in ("second", "quarter"):
            return None  # "a second wave", "a quarter of the army"
        if unit_word == "second" and numtext in ("one",):
            return None
        if g.get("num2"):
            n2 = parse_number(g["num2"], lex)
            if n2 is None or n2 <= n:
                if n2 is None or n2 < n:
                    return None
            sep = text[: text.find((g["num2"] or "").lower(), len(numtext))] if g["num2"] else ""
            mod = "APPROX" if ("," in sep or " or " in sep) else "EQUAL_OR_MORE"
        if "and a half" in text:
            n += 0.5
    if n is not None and (n > 100000 or (n >= 1000 and not unit_word.endswith("s"))):
        return None  # "the 1988 quarter" is a date, "15,000 year" nothing
    # a four-digit "year" count is a date, not a duration ("1917 years" is rare; "in 1917 years" no)
    v = _duration_value(n, unit, lex, unit_word)
    if v is None:
        return None
    c = _cand(hit, "DURATION", v, mod=mod)
    m = _ARTICLE_ADJ.match(ctx.text, c.start, c.end)
    if m and c.start == hit.match_start:
        c.start = m.end(1)  # "the [two-week] visit": TimeML leaves the article out
    return c


def _set(hit: Hit, ctx: Context) -> Candidate | None:
    g, lex = hit.groups, ctx.lex
    name = hit.rule.name
    text = hit_text(hit, ctx).lower()
    if name == "set_frequency":
        nw = _next_word(ctx.text, hit.end)
        gap = ctx.text[hit.end : hit.end + 2]
        if (
            nw
            and " " not in text  # ("week by week food became scarcer": no adjective)
            and nw[0].islower()
            and nw not in lex.lists["adverb_followers"]
            and gap[:1] == " "
            and gap[1:].isalpha()
        ):
            return None  # an adjective: "a quarterly dividend"
        if " " not in text and _cap(nw) and gap[:1] == " ":
            # a newspaper's name: "the Russian Daily News" (but "Daily the rains came" opens a
            # sentence; TimeBank tags "the Party daily Granma" as often as not)
            said_before = _WORD_BEFORE_RAW.search(ctx.text, max(0, hit.start - 30), hit.start)
            if said_before and _cap(ctx.text[hit.start : hit.end]):
                return None
        v = lex.lookup("frequencies", g.get("freq"))
        return _cand(hit, "SET", v) if v else None
    if name == "set_seasons":  # "spending summers at Lea Hurst"
        season = lex.lookup("seasons", g["season_pl"][:-1])
        return _cand(hit, "SET", f"XXXX-{season}") if season else None
    if name in ("set_weekdays", "set_weekday_parts"):
        wd = lex.lookup("weekdays", (g.get("weekday_pl") or "")[:-1] or g.get("weekday"))
        part = lex.lookup("parts_of_day", g.get("part") or (g.get("part_pl") or "")[:-1])
        return _cand(hit, "SET", f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""))
    if name == "set_per":
        if ctx.text[hit.start].isupper():
            return None  # "..., 1895. A week on the ice": a sentence's length, not a rate
        window = ctx.text[max(0, hit.start - 48) : hit.start]
        before = _TOK.findall(window.lower())[-3:]
        if not before or before[-1] in lex.lists["rate_not_after"]:
            return None
        # the number counted may stand a few words further back in the same sentence ("300
        # tonnes of supplies a day")
        further = [  # (a year is no count: "of April 1961 convinced Castro that a second")
            w
            for w in _TOK.findall(_SENTENCE_BREAK.split(window)[-1].lower())[-5:]
            if not (len(w) == 4 and w.isdigit())
        ]
        if not any(
            w[0].isdigit() or w in lex.tables["numbers"] and w not in ("a", "an")
            for w in before + further
        ):
            return None
        nw = _next_word(ctx.text, hit.end)
        if text.endswith("second") and nw[:1].isalpha() and nw not in lex.lists["adverb_followers"]:
            return None  # "On 8 May a second attack was made": an ordinal, not a rate
    every = name == "set_every"
    if every and text.endswith("quarter") and _next_word(ctx.text, hit.end).lower() == "of":
        return None  # "in every quarter of the city": a place
    other = " other " in f" {text} "
    freq = None
    if name == "set_times":
        times = (g.get("times") or "").lower()
        k = lex.lookup("multiplicatives", times) if times else parse_number(g.get("numx"), lex)
        if k is None:
            return None
        # "twice a week" 2X; "four days a week" 4D (the days of it it takes)
        tunit = lex.lookup("units", g.get("tunit")) if g.get("tunit") else None
        freq = f"{int(k)}{tunit or 'X'}"
    if g.get("every_feast"):  # "every Michaelmas", "each Christmas": that day of every year
        spec = lex.lookup("holidays", g["every_feast"])
        if spec is None or not _cap(g["every_feast"]):
            return None
        fixed = re.match(r"\d\d-\d\d$", spec)
        return _cand(hit, "SET", f"XXXX-{spec}" if fixed else "XXXX-XX-XX", quant="EVERY")
    if g.get("weekday"):
        wd = lex.lookup("weekdays", g["weekday"])
        return _cand(hit, "SET", f"XXXX-WXX-{wd}", quant="EVERY" if every else None)
    if g.get("month"):
        m = _month(g, lex)
        if m is None:
            return None
        d = _day(g.get("day"), lex) if name.startswith("set_annual_date") else None
        if every and d is None:  # "each 12 May", "every April 18", "every eighteenth of June"
            d = _day(g.get("everyday") or g.get("numx") or g.get("day"), lex)
        if d is not None and not A.valid(2000, m, d):
            return None  # "every 100 May": no such day (2000: 29 February is one)
        if d is not None:  # "25 October each year"
            return _cand(hit, "SET", f"XXXX-{m:02d}-{d:02d}", quant="EACH")
        return _cand(hit, "SET", f"XXXX-{m:02d}", quant="EVERY" if every else None)
    if g.get("season"):
        return _cand(hit, "SET", f"XXXX-{lex.lookup('seasons', g['season'])}", quant="EVERY")
    if g.get("part"):
        return _cand(
            hit, "SET", f"XXXX-XX-XXT{lex.lookup('parts_of_day', g['part'])}", quant="EVERY"
        )
    unit_word = (g.get("unit") or "").lower()
    unit = lex.lookup("units", unit_word)
    if unit is None:
        return None
    night = lex.lookup("parts_of_day", unit_word) if every and not g.get("numx") else None
    if night is not None and not other:  # "every night": the night of every day
        return _cand(hit, "SET", f"XXXX-XX-XXT{night}", quant="EVERY")
    n = parse_number(g.get("numx"), lex) if (every and g.get("numx")) else 1
    if n is None:
        n = 1
    if g.get("everyord"):  # "every fourth day": one day in four
        n = _ordinal(g["everyord"], lex) or 1
    if other:
        n *= 2
    v = _duration_value(n, unit, lex, unit_word)
    if v is None:
        return None
    return _cand(hit, "SET", v, quant="EVERY" if every else None, freq=freq)


def _season_shift(season: str, month: int | None) -> int:
    """Years from the story's to the season a narrative names bare: "the spring" told in
    November is the coming one (this year's ended months ago), "the winter" told in January
    or April the one that began in December (nearer than the next)."""
    if month is None:
        return 0
    if season == "WI":
        return -1 if month <= 6 else 0
    return 1 if month - (A.SEASON_START[season] + 2) >= 4 else 0


def _time(hit: Hit, ctx: Context) -> Candidate | None:
    g, lex, cal = hit.groups, ctx.lex, ctx.calendar
    hm = None
    clock_mark = ""
    # the day told after the clock ("three o'clock the next morning"): [offset, part of day]
    story_day = lex.lookup("clock_days", g.get("clockday")) if g.get("clockday") else None
    if g.get("clock"):
        hm = lex.lookup("clock_words", g["clock"])
        if hit.start == hit.match_start and _prev_word(ctx.text, hit.start) == "high":
            return None  # "High Noon", "for Poland, high noon comes today": a climax
    else:
        if hit.rule.name == "clock_24h" and _AMOUNT_AFTER.match(ctx.text, hit.end):
            return None  # "sales were little changed at 2.46 billion guilders": an amount
        h = g.get("hour") or g.get("hour_o")
        if h and h.isdigit():
            hour = int(h)
        elif h:
            pn = parse_number(h, lex)
            if pn is None:
                return None
            hour = int(pn)
        elif g.get("hourw"):
            pn = parse_number(g["hourw"], lex)
            if pn is None:
                return None
            hour = int(pn)
        else:
            return None
        minute = int(g.get("minute") or 0)
        if g.get("frac"):  # "half past seven" = 7:30, "a quarter to eight" = 7:45
            minute = 30 if g["frac"].lower() == "half" else 15
            if g.get("fmin5") and not _clock_fives(ctx.text, hit, hour, g["fdir"], lex):
                return None  # "from five to ten men", "odds of ten to one": numbers
            if g.get("fmin") or g.get("fmin5"):  # "twenty minutes to ten" = 9:40
                fm = parse_number(" ".join((g.get("fmin") or g["fmin5"]).split()), lex)
                if fm is None or not 1 <= fm <= 59:
                    return None
                minute = int(fm)
            if g["fdir"].lower() in ("to", "before"):
                hour, minute = (hour - 1) % 12 or 12, 60 - minute
        ap = lex.lookup("ampm", g.get("ampm") or g.get("ampm2"))
        if hour > 24 or (ap and hour > 12) or (ap and hour == 0):
            return None
        told_part = story_day[1] if story_day else ""
        if hit.rule.name == "clock_words_bare" and _age_in_sentence(ctx.text, hit, lex):
            return None  # "At twelve, the boy was sent to school": an age
        if hit.rule.name == "clock_words_day" and not told_part:
            return None  # "at seven the next day": seven what? (a part of day says)
        if ap is None and told_part and 1 <= hour <= 11:
            # "eleven that night", "three o'clock the next morning", "four that afternoon"
            ap = "AM" if told_part == "MO" or (told_part == "NI" and hour < 6) else "PM"
        if ap is None and (after := _AMPM_AFTER.match(ctx.text, hit.end)) is not None:
            ap = after.group(1).upper() + "M"  # "about three o'clock (A. M.)"
        said = _part_said_before(ctx.text, hit.start, lex) if ap is None else None
        if said is None and ap is None:  # "two o'clock in a May Afternoon", "this morning"
            said = _part_said_in(ctx.text, hit.start, hit.end + PART_AFTER_REACH, lex)
            said = "EV" if said == "AF" else said
        if said == "NI" and hour < 6:
            said = "MO"  # "3 o'clock in the night": the small hours
        if ap is None and 1 <= hour <= 11 and said not in (None, "MO"):
            ap = "PM"  # "It is yellow July evening ... about half-past seven of the clock"
        if ap is None and 1 <= hour <= 11 and not (h or "").startswith("0"):
            clock_mark = BARE_CLOCK  # "eight o'clock": morning or evening, as the story goes
        elif ap == "AM" and (hour < 6 or hour == 12):
            clock_mark = SMALL_HOURS  # "four in the morning", "12.15 a.m.": after a night, the
            # next day's
        if ap == "PM" and hour < 12:
            hour += 12
        elif ap == "AM" and hour == 12:
            hour = 0
        elif ap == "PM" and hour == 12 and minute == 0 and _AT_NIGHT.search(hit_text(hit, ctx)):
            hour = 24  # "towards twelve at night": midnight, not noon
        hm = f"{hour:02d}:{minute:02d}"
    if hm is None:
        return None
    if hit.rule.name == "clock_24h" and re.match(
        r"\s*(?:%|per|\d)", ctx.text[hit.end : hit.end + 4]
    ):
        return None
    wd = lex.lookup("weekdays", g.get("weekday")) if g.get("weekday") else None
    deic = lex.lookup("deictic_days", g.get("deictic")) if g.get("deictic") else None
    deic = deic or story_day
    month = _month(g, lex)
    day = _day(g.get("day"), lex)
    direction = _direction(hit, ctx)
    if direction == "future" and ctx.mode == "news":
        direction = "future_or_same"  # "at 7:05 p.m. Saturday" written on a Saturday: today

    def r(ref: str | None) -> str:
        rf = A.parse_ref(ref)
        if wd is not None:
            date = _weekday_value(wd, rf, direction, cal)
        elif deic is not None:
            date = (A.shift(rf, "D", int(deic[0]), cal) if rf else None) or "XXXX-XX-XX"
        elif month is not None and day is not None:
            y = rf.year if rf else None
            date = f"{A.fmt_year(y) if y else 'XXXX'}-{month:02d}-{day:02d}"
        else:
            date = (A.shift(rf, "D", 0, cal) if rf else None) or "XXXX-XX-XX"
        return f"{date}T{hm}"

    # a day counted from the story's ("the next morning") is anaphoric, in news too
    c = _cand(hit, "TIME", f"XXXX-XX-XXT{hm}", r, anaphoric=story_day is not None)
    if clock_mark and wd is None and deic is None and month is None and ctx.mode == "narratives":
        c.source += clock_mark
    return c


_SENTENCE_BREAK = re.compile(r"[.!?]\s")


_AMPM_AFTER = re.compile(r"\s*[(,]\s*([ap])\.\s?m\.?\s*\)", re.I)  # "(A. M.)"


#: how far after a bare hour a part of the day may still tell its half ("at four o'clock on
#: Wednesday morning")
PART_AFTER_REACH = 24


def _part_said_in(text: str, start: int, end: int, lex: Lexicon) -> str | None:
    """The first part of the day named in text[start:end] ("five o'clock this morning")."""
    for w in _TOK.findall(text[start:end]):
        part = lex.lookup("parts_of_day", w)
        if part is not None:
            return str(part)
    return None


def _part_said_before(text: str, start: int, lex: Lexicon) -> str | None:
    """The last part of the day ("MO", "EV", "NI", ...) the sentence of a bare hour ("half-past
    seven") says before it, if any: after an evening or night the hour is after noon. The
    words are the lexicon's parts of day."""
    window = text[max(0, start - 300) : start]
    cut = [m.end() for m in _SENTENCE_BREAK.finditer(window)]
    parts = [lex.lookup("parts_of_day", w) for w in _TOK.findall(window[cut[-1] if cut else 0 :])]
    said = [p for p in parts if p is not None]
    return str(said[-1]) if said else None


def _part(hit: Hit, ctx: Context) -> Candidate | None:
    part = ctx.lex.lookup("parts_of_day", hit.groups.get("part"))
    if part is None:
        return None
    cal = ctx.calendar
    # a story's dawn still to come ("by earliest daybreak ... will explode") is the next one
    ahead = (
        1
        if ctx.mode == "narratives"
        and part == "MO"
        and _future_after(ctx.text, hit.end, ctx.lex.lists["future_auxiliaries"])
        else 0
    )

    def r(ref: str | None) -> str:
        rf = A.parse_ref(ref)
        v = A.shift(rf, "D", ahead, cal) if rf else None
        return (v or "XXXX-XX-XX") + f"T{part}"

    return _cand(hit, "TIME", f"XXXX-XX-XXT{part}", r, anaphoric=True)


def _day_offset(hit: Hit, ctx: Context) -> Candidate | None:
    """ "This day se'nnight I dined", "this day twelvemonth": the story's day a week or a year
    before, or after when told in the future; told in passing."""
    got = ctx.lex.data["day_offsets"].get(hit.groups["dayoff"].lower())
    if not isinstance(got, list):
        return None
    n, unit = int(got[0]), str(got[1])
    ahead = _prev_word(ctx.text, hit.start) in ("till", "until")  # "puts it off till this day week"
    sign = 1 if ahead or tense(ctx, hit.start, hit.end) == "future" else -1
    cal = ctx.calendar

    def r(ref: str | None) -> str:
        day = A.ref_day(A.parse_ref(ref))
        if day is None:
            return "XXXX-XX-XX"
        y, m, d = day
        if unit == "W":
            return A.fmt_date(*A.add_days(y, m, d, sign * 7 * n, cal))
        y, m = A.add_months(y, m, sign * n * (12 if unit == "Y" else 1))
        return A.fmt_date(y, m, d) if A.valid(y, m, d, cal) else A.fmt_date(y, m)

    return _cand(hit, "DATE", "XXXX-XX-XX", r, anaphoric=True, sets_reference=False)


def _part_of_told_day(hit: Hit, ctx: Context) -> Candidate | None:
    """ "the evening of the same day", "the morning of the next day": that part of the day
    counted from the story's."""
    part = ctx.lex.lookup("parts_of_day", hit.groups.get("part_of"))
    told = ctx.lex.lookup("clock_days", hit.groups.get("clockday"))
    if part is None or not isinstance(told, list) or told[1]:
        return None  # "the evening of that night": a part of a part
    days, cal = int(told[0]), ctx.calendar

    def r(ref: str | None) -> str:
        rf = A.parse_ref(ref)
        v = A.shift(rf, "D", days, cal) if rf else None
        return (v or "XXXX-XX-XX") + f"T{part}"

    return _cand(hit, "TIME", f"XXXX-XX-XXT{part}", r, anaphoric=True)


_CLAUSE_WORDS = re.compile(r"[^\W\d_]+|[.;:!?]")


def _future_after(text: str, end: int, auxiliaries: frozenset[str]) -> bool:
    """Is the clause after ``end`` told in the future ("..., on slight hint, will explode")?
    Up to the sentence's end or 12 words."""
    for i, m in enumerate(_CLAUSE_WORDS.finditer(text, end, min(len(text), end + 120))):
        w = m.group().lower()
        if w in ".;:!?" or i >= 12:
            return False
        if w in auxiliaries:
            return True
    return False


def _story_part(hit: Hit, ctx: Context) -> Candidate | None:
    """``_part`` in narratives only: "through the night" is the night of the story's day."""
    if ctx.mode != "narratives":
        return None
    if _next_word(ctx.text, hit.end).lower() in ctx.lex.lists["part_not_before"]:
        return None  # "in the morning papers"
    c = _part(hit, ctx)
    if c is not None:
        c.sets_reference = False  # the story's day already; "the night" names no new one
    return c


def _some_part(hit: Hit, ctx: Context) -> Candidate | None:
    """In narratives, "One evening I spent ...": some evening of the story's year."""
    if (
        ctx.mode != "narratives"
        or _next_word(ctx.text, hit.end).lower() in ctx.lex.lists["part_not_before"]
    ):
        return None
    if _prev_word(ctx.text, hit.start) in ctx.lex.lists["bare_unit_after"]:
        return None  # "for one night": a length
    part = ctx.lex.lookup("parts_of_day", hit.groups.get("part"))

    def r(ref: str | None) -> str:
        rf = A.parse_ref(ref)
        return f"{A.fmt_year(rf.year) if rf else 'XXXX'}-XX-XXT{part}"

    return _cand(hit, "TIME", f"XXXX-XX-XXT{part}", r, sets_reference=False)


def _story_day(hit: Hit, ctx: Context) -> Candidate | None:
    """In narratives, "set up during the day": the story's day."""
    if ctx.mode != "narratives":
        return None
    if _next_word(ctx.text, hit.end).lower() in ctx.lex.lists["day_not_before"]:
        return None  # "during the day of the funeral", "the day when": another day
    cal = ctx.calendar
    nth = hit.groups.get("cnt_alone")
    # "on the third day" alone counts from a start the text may not date: only its year
    later = nth is not None and (ctx.lex.lookup("ordinals", nth.lower()) or 0) > 1

    def r(ref: str | None) -> str:
        rf = A.parse_ref(ref)
        day = (A.shift(rf, "D", 0, cal) if rf else None) or "XXXX-XX-XX"
        return day[:4] + "-XX-XX" if later and day[:4].isdigit() else day

    return _cand(hit, "DATE", "XXXX-XX-XX", r, anaphoric=True, sets_reference=False)


def _nth_weekday(hit: Hit, ctx: Context) -> Candidate | None:
    """ "the first Saturday of May 1789", "the last Sunday in October": that day of that month;
    "the last week in November": the week holding that month's last day; "the last day of
    July": its last day."""
    g, lex, cal = hit.groups, ctx.lex, ctx.calendar
    week = bool(g.get("weekword"))
    any_day = bool(g.get("dayword"))  # "the last day of July"
    wd = 0 if week or any_day else lex.lookup("weekdays", g.get("weekday"))
    month = _month(g, lex)
    nth = (g.get("nth") or "").lower()
    k = -1 if nth == "last" else lex.lookup("ordinals", nth)
    if wd is None or month is None or not k or (week and int(k) > 4):
        return None
    year = _year(g.get("year"))

    def value(y: int | None) -> str:
        if y is None or not A.four_digit_year(y):
            return f"XXXX-{month:02d}-XX"
        if any_day:
            return A.fmt_date(y, month, int(k) if k > 0 else A.month_length(y, month, cal))
        if week:
            # the week with most of its days in the month: the one holding its 4th (11th, ...)
            d = A.month_length(y, month, cal) - 3 if k < 0 else 4 + 7 * (int(k) - 1)
            return A.fmt_week(*A.iso_week(y, month, d, cal))
        if k > 0:
            first = A.weekday(y, month, 1, cal)
            d = 1 + (int(wd) - first) % 7 + 7 * (int(k) - 1)
        else:
            last = A.month_length(y, month, cal)
            d = last - (A.weekday(y, month, last, cal) - int(wd)) % 7
        if d > A.month_length(y, month, cal):
            return f"{A.fmt_year(y)}-{month:02d}-XX"  # no fifth Monday that month
        return A.fmt_date(y, month, d)

    if year is not None:
        return _cand(hit, "DATE", value(year))
    direction = _direction(hit, ctx)

    def r(ref: str | None) -> str:
        rf = A.parse_ref(ref)
        if rf is None:
            return value(None)
        y = _nearest_year(month, None, rf, direction) if ctx.mode == "news" else rf.year
        return value(y)

    return _cand(hit, "DATE", value(None), r)


def _year_end(hit: Hit, ctx: Context) -> Candidate | None:
    """ "1880–81": the year the two digits complete after the first (later in its century)."""
    first = ctx.text[hit.start - 5 : hit.start - 1]
    if not first.isdigit() or ctx.text[hit.start - 6 : hit.start - 5].isdigit():
        return None
    yy = int(hit.groups["yy"])
    if yy <= int(first) % 100:
        return None  # "1998-05" is a month, not a range
    # a span's end, like its start, names a period rather than moving the story
    return _cand(hit, "DATE", f"{int(first) // 100 * 100 + yy:04d}", sets_reference=False)


def _day_mark(hit: Hit, ctx: Context) -> Candidate | None:
    """ "the 3rd inst.", "the 12th ult.", "the 2nd prox.": that day of the story's month, of
    the month before it or of the month after it."""
    g, lex, cal = hit.groups, ctx.lex, ctx.calendar
    day = _day(g.get("dayd"), lex)
    shift = lex.lookup("day_marks", g["daymark"].rstrip("."))
    if day is None or not isinstance(shift, int):
        return None

    def r(ref: str | None) -> str:
        rf = A.parse_ref(ref)
        if rf is None or rf.month is None:
            return f"XXXX-XX-{day:02d}"
        y, m = A.add_months(rf.year, rf.month, shift)
        return A.fmt_date(y, m, day) if A.valid(y, m, day, cal) else f"{A.fmt_date(y, m)}-XX"

    # a letter's "your letter of the 12th ult." names when something was, not where it is
    return _cand(hit, "DATE", f"XXXX-XX-{day:02d}", r, anaphoric=True, sets_reference=False)


_ROMAN = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_RULER = re.compile(r"^(\w+)\s+(\w+)(?:\s+(?:the\s+)?(\w+))?$")


def _regnal(hit: Hit, ctx: Context) -> Candidate | None:
    """ "the twentieth year of the reign of King Edward the Third": the year the reign began
    (data/clues.tsv) and so many after it, 1346; a ruler the gazetteer lacks is left alone."""
    g, lex = hit.groups, ctx.lex
    n = lex.lookup("ordinals", g["rnum"]) or _day(g["rnum"], lex)
    if not isinstance(n, int) or not 1 <= n <= 70:
        return None
    if g.get("own") or g.get("own_reign"):  # "Diocletian, in the twentieth year of his reign"
        ruler = _ruler_named_near(hit, ctx)
        return None if ruler is None else _regnal_cand(hit, ruler.start + n - 1)
    if g.get("ruler_alone"):  # "in the fifth year of Justinian": a ruler by name alone
        name = g["ruler_alone"]
        clue = clues().get(name) if name[:1].isupper() else None
        if (
            clue is None
            or clue.kind != "person"
            or not holds_office(clue, lex.lists["ruler_offices"])
        ):
            return None
        return _regnal_cand(hit, clue.start + n - 1)
    m = _RULER.match(" ".join(g["ruler"].split()))
    if m is None:
        return None
    title, name, number = m.group(1), m.group(2), m.group(3)
    if not (title[:1].isupper() and name[:1].isupper()):
        return None  # "the third year of king-making"
    if number is not None:
        k = lex.lookup("ordinals", number)
        roman = _ROMAN[k] if isinstance(k, int) and 0 < k < len(_ROMAN) else number.upper()
        name = f"{name} {roman}"
    table = clues()
    clue = table.get(f"{title} {name}") or table.get(name)
    if clue is None or clue.kind != "person":
        return None
    return _regnal_cand(hit, clue.start + n - 1)


def _regnal_cand(hit: Hit, first: int) -> Candidate:
    """A regnal year runs from one accession day to the next, so it straddles ``first`` and
    the year after: the year the story is in when that is one of them ("In the year of grace
    1381, being the fourth year of King Richard the Second": 1381, not 1380), else ``first``.
    Being that loose, it does not move the story."""

    def r_regnal(ref: str | None) -> str:
        at = A.parse_ref(ref)
        return A.fmt_year(at.year if at is not None and at.year in (first, first + 1) else first)

    r_regnal.year_anaphor = True  # type: ignore[attr-defined]
    r_regnal.regnal_years = (first, first + 1)  # type: ignore[attr-defined]
    return _cand(hit, "DATE", A.fmt_year(first), r_regnal, sets_reference=False)


def _ruler_named_near(hit: Hit, ctx: Context) -> Clue | None:
    """Whose "his reign": the ruler of data/clues.tsv named last before it within the paragraph
    (as far back as [regnal] reach), else the first named after it in its own sentence; a queen
    or empress for "her" and none for "his"."""
    text, offices = ctx.text, ctx.lex.lists["ruler_offices"]
    female = ctx.lex.lists["female_offices"]
    hers = (hit.groups.get("own") or hit.groups["own_reign"]).lower().startswith("her")
    lo = max(0, hit.start - int(ctx.lex.data["regnal"]["reach"]))
    gap = text.rfind("\n\n", lo, hit.start)
    before = text[gap + 2 if gap >= 0 else lo : hit.start]
    stop = _SENTENCE_END.search(text, hit.end)
    after = text[hit.end : stop.start() if stop else len(text)]

    def rulers(stretch: str) -> list[Clue]:
        return [
            c
            for c in named(stretch)
            if holds_office(c, offices) and holds_office(c, female) == hers
        ]

    found = rulers(before)
    if found:
        return found[-1]
    found = rulers(after)
    return found[0] if found else None


_SENTENCE_END = re.compile(r"[.!?;](?=\s|$)")


_KINDS: dict[str, Callable[[Hit, Context], Candidate | None]] = {
    "regnal": _regnal,
    "day_mark": _day_mark,
    "year_end": _year_end,
    "nth_weekday": _nth_weekday,
    "date": _date,
    "decade": _decade,
    "century": _century,
    "quarter": _quarter,
    "holiday": _holiday,
    "relative": _relative,
    "offset": _offset,
    "deictic": _deictic,
    "ref": _ref,
    "duration": _duration,
    "set": _set,
    "time": _time,
    "part": _part,
    "ref_word": _ref_word,
    "story_part": _story_part,
    "part_of_told_day": _part_of_told_day,
    "day_offset": _day_offset,
    "story_day": _story_day,
    "short_year": _short_year,
    "month_short_year": _month_short_year,
    "some_part": _some_part,
    "yearago": _yearago,
    "period": _period,
}

# Roman days, saints' days and church feasts, canonical hours, a ship's watches (feasts.py) and
# ages (ages.py) add their kinds to _KINDS
from annales.temporal import ages as _ages  # noqa: E402,F401
from annales.temporal import feasts as _feasts  # noqa: E402,F401
