"""Find temporal expressions: cheap vocabulary scan first, rule patterns only where it fires.

A text is split into word tokens once; runs of tokens from the lexicon's vocabulary (and
numbers), joined by short punctuation gaps, form *stretches*. Rule patterns run only inside
stretches, and only the rules whose ``needs`` the stretch satisfies. This keeps the tagger
linear in the input and fast on books; no pattern ever scans a whole text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from annales.temporal.firstchars import reach_back
from annales.temporal.language import Lexicon, Rule

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_GAP_OK = frozenset(" \t\r\n,.-/:'’–—")
_MAX_GAP = 4
_MAX_STRETCH_TOKENS = 24  # longest expression we look for, in tokens
_SENTENCE_GAP = re.compile(r"[.;!?]\s")


@dataclass(slots=True)
class Hit:
    """A rule match: span, rule and named groups (normalised later; read only, since hits
    of a repeated stretch share them)."""

    start: int
    end: int
    rule: Rule
    groups: dict[str, Any]
    mod: str | None = None
    mod_text: str | None = None
    dmod: str | None = None
    match_start: int = -1  # the rule's own match, before modifiers widened the span
    match_end: int = -1


def stretches(text: str, lex: Lexicon) -> Iterator[tuple[int, int, frozenset[str], list[int]]]:
    """Spans of consecutive temporal-vocabulary tokens, with the word classes they contain
    and the offsets where their tokens start (the only places a rule can start)."""
    low = text.lower()
    if len(low) == len(text) and lex.core_re is not None:
        yield from _stretches_around_core(text, low, lex)
        return
    yield from _stretches_all(text, lex)


def _token_classes(tok: str, classes: dict[str, frozenset[str]]) -> frozenset[str] | None:
    if tok[0].isdigit():
        return _DIGIT if tok.isascii() else None
    return classes.get(tok)


def _gap_ok(gap: str) -> bool:
    return len(gap) <= _MAX_GAP and _GAP_OK.issuperset(gap) and "\n\n" not in gap


def _stretches_around_core(
    text: str, low: str, lex: Lexicon
) -> Iterator[tuple[int, int, frozenset[str], list[int]]]:
    """Fast path: jump from one core word ("June", "1917", "yesterday") to the next, and grow
    each into its stretch over the vocabulary tokens around it. Common words ("the", "of")
    are only looked at next to a core word, so most of a book is skipped by one regex scan.
    (Token classes and gap tests are inlined: this runs once per token of a dense list.)"""
    classes = lex.word_classes
    assert lex.core_re is not None
    core_search = lex.core_re.search
    tokens = _TOKEN.finditer
    gap_chars = _GAP_OK
    digit = _DIGIT
    done = 0
    while True:
        # core words are whole tokens and ``done`` ends one: the next core word at or after
        # it is the next one a scan of every core word would not skip
        m = core_search(low, done)
        if m is None:
            return
        s = m.start()
        left: list[tuple[int, frozenset[str]]] = []
        cur = s
        for t in reversed(list(tokens(low, max(done, s - 120), s))):
            tok = t.group()
            if tok[0].isdigit():
                cls = digit if tok.isascii() else None
            else:
                cls = classes.get(tok)
            if cls is None or len(left) >= _MAX_STRETCH_TOKENS // 2:
                break
            gap = text[t.end() : cur]
            if len(gap) > _MAX_GAP or not gap_chars.issuperset(gap) or "\n\n" in gap:
                break
            left.append((t.start(), cls))
            cur = t.start()
        starts = [p for p, _ in reversed(left)]
        cls_set: set[str] = set()
        for _, c in left:
            cls_set |= c
        end = s
        last_cls: frozenset[str] | None = None  # a list repeats its classes: add each run once
        good_gap = " "  # the last gap that passed the test
        # (where the last sentence ended inside the stretch: its token count and end)
        stop: tuple[int, int] | None = None
        for t in tokens(low, s):
            ts, te = t.span()
            if ts > s:
                if len(starts) >= _MAX_STRETCH_TOKENS:
                    if stop is not None:  # cut at the sentence's end, not inside a phrase:
                        del starts[stop[0] :]  # the next stretch starts with the sentence
                        end = stop[1]  # ("... of July. Ten days later, on the feast of
                    break  # Saint Peter in Chains" is not cut before "Chains")
                gap = text[end:ts]
                if s < end and _SENTENCE_GAP.match(gap):
                    stop = (len(starts), end)
                if gap != good_gap:  # a list repeats its gaps (", "): each new one is tested
                    if len(gap) > _MAX_GAP or not gap_chars.issuperset(gap) or "\n\n" in gap:
                        break
                    good_gap = gap
            tok = t.group()
            if tok[0].isdigit():
                cls = digit if tok.isascii() else None
            else:
                cls = classes.get(tok)
            if cls is None:
                break
            starts.append(ts)
            if cls is not last_cls:
                cls_set |= cls
                last_cls = cls
            end = te
        done = max(end, m.end())
        if end > s:  # the core token itself was accepted (not e.g. "0²")
            yield (starts[0], end, frozenset(cls_set), starts)


def _stretches_all(text: str, lex: Lexicon) -> Iterator[tuple[int, int, frozenset[str], list[int]]]:
    """Slow path (lower-casing changed the length): every token is looked at."""
    classes = lex.word_classes
    starts: list[int] = []
    cur_start = -1
    cur_end = -1
    cur_cls: set[str] = set()
    ntok = 0
    core = False
    low = text.lower()
    if len(low) == len(text) and lex.vocab_re is not None:
        tokens = lex.vocab_re.finditer(low)  # only vocabulary words and numbers
    else:  # lower-casing changed offsets (rare Unicode): tokenise everything
        tokens = _TOKEN.finditer(text)
    for m in tokens:
        tok = m.group()
        if tok[0].isdigit():
            if not tok.isascii():
                cls: frozenset[str] | None = None
            else:
                cls = _DIGIT
        else:
            cls = classes.get(tok.lower())
        s = m.start()
        if cls is None:
            if cur_start >= 0:
                if core:
                    yield (cur_start, cur_end, frozenset(cur_cls), starts)
                cur_start = -1
            continue
        if cur_start >= 0:
            gap = text[cur_end:s]
            if (
                len(gap) > _MAX_GAP
                or ntok >= _MAX_STRETCH_TOKENS
                or not _GAP_OK.issuperset(gap)
                or "\n\n" in gap
            ):
                if core:
                    yield (cur_start, cur_end, frozenset(cur_cls), starts)
                cur_start = -1
        if cur_start < 0:
            cur_start = s
            starts = []
            cur_cls = set()
            ntok = 0
            core = False
        cur_end = m.end()
        starts.append(s)
        cur_cls |= cls
        ntok += 1
        if not core and "core" in cls:
            core = True
    if cur_start >= 0 and core:
        yield (cur_start, cur_end, frozenset(cur_cls), starts)


_DIGIT = frozenset({"digit", "core"})
# Classes of words that cannot make an expression on their own.
_FUNCTION = frozenset(
    {"the", "of", "a", "an", "in", "and", "or", "to", "at", "on", "by", "s", "that", "this"}
)


def _needs_met(rule: Rule, cls: frozenset[str]) -> bool:
    return all(not need.isdisjoint(cls) for need in rule.needs)


#: the rules a stretch can match, for each ASCII character the indices of those that can
#: start with it (non-ASCII characters try them all), each rule's bound ``regex.match``, and
#: (index, character sets) of the rules whose matches must hold a character of each set
_Rules = tuple[
    list[Rule],
    dict[str, tuple[int, ...]],
    tuple[int, ...],
    list[Callable[..., Any]],
    list[tuple[int, tuple[frozenset[str], ...]]],
]
_RULES_FOR: dict[tuple[int, frozenset[str]], _Rules] = {}
_BY_CLASSES: dict[tuple[int, frozenset[str]], _Rules] = {}  # the same, by the full class set
_NEEDED: dict[int, frozenset[str]] = {}
_ASCII = [chr(i) for i in range(128)]


def _rules_for(lex: Lexicon, cls: frozenset[str]) -> _Rules:
    """The rules a stretch with these word classes can match (memoised: class sets repeat)."""
    got = _BY_CLASSES.get((id(lex), cls))
    if got is not None:
        return got
    needed = _NEEDED.get(id(lex))
    if needed is None:
        needed = _NEEDED[id(lex)] = frozenset(
            w for r in lex.rules for need in r.needs for w in need
        )
    key = (id(lex), cls & needed)  # only the classes some rule asks for: far fewer keys
    got = _RULES_FOR.get(key)
    if got is None:
        rules = [r for r in lex.rules if not r.needs or _needs_met(r, cls)]
        by_char = {
            c: tuple(k for k, r in enumerate(rules) if r.first is None or c in r.first)
            for c in _ASCII
        }
        got = (
            rules,
            by_char,
            tuple(range(len(rules))),
            [r.regex.match for r in rules],
            [(k, r.required) for k, r in enumerate(rules) if r.required],
        )
        if len(_RULES_FOR) > 50_000:
            _RULES_FOR.clear()
        _RULES_FOR[key] = got
    if len(_BY_CLASSES) > 50_000:
        _BY_CLASSES.clear()
    _BY_CLASSES[(id(lex), cls)] = got
    return got


_REACH: dict[int, int | None] = {}


def _reach(lex: Lexicon) -> int | None:
    """How far before a token start any rule can look (None: unbounded)."""
    if id(lex) not in _REACH:
        reaches = [reach_back(r.regex.pattern, r.regex.flags) for r in lex.rules]
        _REACH[id(lex)] = None if None in reaches else max([0, *(x or 0 for x in reaches)])
    return _REACH[id(lex)]


#: Stretches of fewer tokens are matched afresh: their few rule calls cost less than a lookup
#: (a book's "in 1917", "the next day"), while a list's long stretches repeat whole.
_REUSE_TOKENS = 4


class TooDense(ValueError):
    """The text holds far more candidate expressions than any prose (generated data)."""


def find(
    text: str, lex: Lexicon, select: bool = True, max_hits: int = 0, max_density: int = 60
) -> list[Hit]:
    """Rule matches in ``text`` in text order: non-overlapping (longest first) by default,
    all of them with ``select=False`` (to choose among them after normalisation).
    With ``max_hits``, stop early (``TooDense``) once more than that many matches were found
    at more than one per ``max_density`` characters: memory stays bounded on junk input."""
    out: list[Hit] = []
    n = len(text)
    # A stretch's matches depend only on its text (the rules look no further back than
    # ``reach`` before the apostrophe a token may carry, and never past its end): a long
    # stretch seen before in this text reuses them (a list's stretches repeat whole).
    reach = _reach(lex)
    # key -> (where its window began, the hits found there: not changed until find returns)
    seen: dict[tuple[frozenset[str], str, tuple[int, ...]], tuple[int, list[Hit]]] = {}
    for cs, ce, cls, tok_starts in stretches(text, lex):
        if max_hits and len(out) > max_hits and len(out) * max_density > ce:
            raise TooDense(
                f"{len(out):,} candidate temporal expressions in the first {ce:,} characters"
            )
        hits: list[Hit] = []
        # allow a trailing "." (abbreviations, "a.m.") and a leading apostrophe ("'98")
        if ce < n and text[ce] == ".":
            ce += 1
        lo = cs - 1 - reach if reach is not None else -1
        key, known = None, None
        if lo >= 0 and len(tok_starts) >= _REUSE_TOKENS:
            key = (cls, text[lo:ce], tuple([p - lo for p in tok_starts]))
            known = seen.get(key)
            if known is not None:
                d = lo - known[0]
                for seen_hit in known[1]:  # (groups are read only: shared)
                    s, e = seen_hit.start + d, seen_hit.end + d
                    hits.append(Hit(s, e, seen_hit.rule, seen_hit.groups, None, None, None, s, e))
        if key is None or known is None:
            positions = []
            for p in tok_starts:
                if p > 0 and text[p - 1] in "'’":
                    positions.append(p - 1)
                positions.append(p)
            rules, by_char, every, matchers, needs = _rules_for(lex, cls)
            upto = [-1] * len(rules)  # each rule skips its own previous match, as finditer would
            if len(tok_starts) >= _REUSE_TOKENS and needs:
                # a long stretch (a list): a rule whose matches need a character the stretch
                # lacks ("-" for an ISO date) is skipped all along it (ASCII text only: case
                # folding may match a non-ASCII character for an ASCII one)
                window = text[max(0, cs - 1) : ce]
                if window.isascii():
                    present = frozenset(window)
                    for k, need in needs:
                        if any(present.isdisjoint(chars) for chars in need):
                            upto[k] = ce + 1
            for p in positions:
                for k in by_char.get(text[p], every):
                    if p < upto[k]:
                        continue
                    m = matchers[k](text, p, ce)
                    if m is not None:
                        e = m.end()
                        if e > p:  # (start, end, rule, groups, mod, mod_text, dmod, match span)
                            hits.append(Hit(p, e, rules[k], m.groupdict(), None, None, None, p, e))
                            upto[k] = e
            if key is not None:
                seen[key] = (lo, list(hits))  # (its own list: _select sorts hits)
        if hits:
            if select:
                out.extend(_select(hits))  # stretches are disjoint: select within each
            else:  # in text order already: found position by position, left to right
                out.extend(hits)
    return out


def _select(hits: list[Hit]) -> list[Hit]:
    """Keep the longest match (then the higher priority, earlier rule) where matches overlap."""
    hits.sort(key=lambda h: (-(h.end - h.start), -h.rule.priority, h.start))
    taken: list[tuple[int, int]] = []
    chosen: list[Hit] = []
    for h in hits:
        if any(h.start < e and s < h.end for s, e in taken):
            continue
        taken.append((h.start, h.end))
        chosen.append(h)
    chosen.sort(key=lambda h: h.start)
    return chosen


# kinds of hit a point modifier may hold in its words ("the last days of", "the first week of")
_MOD_WORDS_KINDS = frozenset({"relative", "duration"})


def attach_modifiers(text: str, hits: list[Hit], lex: Lexicon, mode: str = "news") -> list[Hit]:
    """Extend hits leftwards over a point modifier ("early", "the end of") or, for durations,
    a quantity modifier ("more than", "nearly"), recording the TIMEX3 mod."""
    out: list[Hit] = []
    prev_end = 0
    outside = lex.lists["mods_outside_narratives" if mode == "narratives" else "mods_outside"]
    pmod_last, dmod_last, smod_first = lex.pmod_last, lex.dmod_last, lex.smod_first
    for h in hits:
        rule = h.rule
        kind = rule.kind
        if h.start < prev_end:  # overlapping alternatives: each looks at the text itself
            prev_end = 0
        lo = h.start - 40 if h.start - 40 > prev_end else prev_end  # (no max() call per hit)
        if rule.type == "DURATION" or kind == "offset":
            m = (
                lex.dmod_re.search(text[lo : h.start])
                if _may_end_mod(text, lo, h.start, dmod_last)
                else None
            )
            if m and not text[h.start : h.start + 4].lower().startswith("the "):
                h.dmod = lex.lookup("duration_mods", m.group("mod"))
                if " ".join(m.group("mod").lower().split()) not in outside:
                    h.start -= h.start - lo - m.start()
        elif kind not in ("ref", "set"):
            i = h.start  # back over spaces and hyphens, as _may_end_mod goes
            while i > lo and (text[i - 1] == "-" or text[i - 1].isspace()):
                i -= 1
            before = text[i - 1] if i > lo else ""
            if not (before == "." or before.isalpha()):
                may = "" in pmod_last  # no word can end there: what _may_end_mod finds
            else:
                may = _may_end_mod(text, lo, h.start, pmod_last)
            m = lex.pmod_re.search(text[lo : h.start]) if may else None
            if m is None and out and lo == prev_end and out[-1].rule.kind in _MOD_WORDS_KINDS:
                # "the last days of October": the unit before is the modifier's own word
                lo2 = max(0, h.start - 40)
                m2 = lex.pmod_re.search(text[lo2 : h.start])
                if m2 is not None and lo2 + m2.start() <= out[-1].start:
                    out.pop()
                    m, lo = m2, lo2
            if m:
                word = m.group("mod")
                mod = lex.lookup("point_mods", word.rstrip("-").strip())
                if mod is None and word.endswith("-"):
                    mod = lex.lookup("point_mods", word)
                if mod and not _bad_mod(word, h, text, lex):
                    h.mod = mod
                    h.mod_text = word
                    if " ".join(word.lower().split()) in outside:
                        out.append(h)
                        prev_end = h.end
                        continue
                    h.start -= h.start - lo - m.start()
                    # "the early 1990s": take the determiner too
                    pre = text[max(prev_end, h.start - 4) : h.start]
                    if pre.lower() == "the " and not word.lower().startswith("the"):
                        h.start -= 4
        if (
            not h.mod
            and h.groups.get("year")
            and kind == "date"
            # may_start inline (once per year of a list): "" past the end is in no first set
            and (
                smod_first is None
                or not (c := text[h.end : h.end + 1]).isascii()
                or c in smod_first
            )
        ):
            sm = lex.smod_re.match(text, h.end)
            if sm:  # "1994 or later"
                h.mod = lex.lookup("suffix_mods", sm.group("mod"))
                h.end = sm.end()
        if (
            mode == "narratives"
            and rule.type == "DURATION"
            and not (h.mod or h.dmod)
            and lex.dsmod_re is not None
            and (dm := lex.dsmod_re.match(text, h.end)) is not None
        ):  # "A week and more without a line", "a hundred years at least"
            h.dmod = lex.lookup("duration_suffix_mods", dm.group("mod"))
            h.end = dm.end()
        if rule.requires_mod and not (h.mod or h.dmod):
            continue
        out.append(h)
        prev_end = h.end
    return out


def _may_end_mod(text: str, lo: int, pos: int, last_words: frozenset[str]) -> bool:
    """Whether a modifier could end right before ``pos`` (over spaces and hyphens): the word
    there is the last word of one. A cheap test before the modifier search, which tries every
    start in its window (hot on dense lists of dates); unsure on non-ASCII words (Unicode case
    folding), so the search decides."""
    i = pos
    while i > lo and (text[i - 1] == "-" or text[i - 1].isspace()):
        i -= 1
    if i > lo and text[i - 1] == ".":
        i -= 1
    j = i
    while j > lo and text[j - 1].isalpha():
        j -= 1
    word = text[j:i]
    return not word.isascii() or word.lower() in last_words


_CLOCK_WORDS = re.compile(r"\d|o['’]clock|noon|midnight|twelve\s+at\s+night", re.I)


def _bad_mod(word: str, h: Hit, text: str, lex: Lexicon) -> bool:
    """Mods that would be wrong here: "about" before a bare year is a count ("about 1500 men"
    is filtered elsewhere); "later"/"earlier" only before relative expressions."""
    w = word.lower().strip()
    if w in ("later", "earlier") and h.rule.kind not in ("relative", "deictic", "date"):
        return True
    mod = lex.lookup("point_mods", w)
    if mod == "APPROX" and h.rule.name in ("weekday", "weekday_part"):
        return True  # "get around Wednesday's ruling"
    if w in ("nearly", "almost"):  # a clock nearly reached, not "almost that same night"
        return _CLOCK_WORDS.search(text, h.start, h.end) is None
    if mod in ("BEFORE", "AFTER", "ON_OR_AFTER", "ON_OR_BEFORE"):
        # a signal word: a mod only on dates with their own year ("before 1066")
        return not (h.groups.get("year") or h.rule.kind in ("decade", "century"))
    return False
