"""The characters a regular expression's match can start with, read from its parse tree;
and how far before its start a match can look.

The recogniser tries every rule at every token of a stretch; on dense lists of dates ("May 1,
May 2, ...") most of those attempts fail on the first character, yet each costs a Python-level
call. Knowing each rule's possible first characters lets it skip them without calling ``re``.

Only ASCII is decided here: a non-ASCII character of the text is always tried (Unicode case
folding and categories are left to ``re``), and ``None`` means "could start anywhere".
"""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any

_ASCII = [chr(i) for i in range(128)]
_CATEGORIES: dict[Any, frozenset[str]] = {
    C.CATEGORY_DIGIT: frozenset(c for c in _ASCII if c.isdigit()),
    C.CATEGORY_SPACE: frozenset(c for c in _ASCII if c.isspace()),
    C.CATEGORY_WORD: frozenset(c for c in _ASCII if c.isalnum() or c == "_"),
}
_TRANSPARENT = (C.ASSERT, C.ASSERT_NOT, C.AT)  # zero-width: the match starts after them
_REPEATS = tuple(
    getattr(C, n) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(C, n)
)


class _Anywhere(Exception):
    """The first character cannot be bounded (``.``, a negated class, a back-reference)."""


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """ASCII characters a match of ``pattern`` can begin with (both cases under IGNORECASE),
    or None when any character might begin it (or the match may be empty)."""
    try:
        chars, nullable = _first(P.parse(pattern, flags).data)
    except (_Anywhere, re.error, RecursionError):
        return None
    if nullable:
        return None
    out = set()
    for c in chars:
        if not c.isascii():
            if any(f.isascii() for f in (c.lower(), c.upper(), c.casefold())):
                return None  # the Kelvin sign matches "k" under IGNORECASE
            continue  # non-ASCII text is always tried anyway
        out.add(c)
        if flags & re.IGNORECASE:
            out.update((c.lower(), c.upper()))
    return frozenset(out)


def may_start(text: str, pos: int, first: frozenset[str] | None) -> bool:
    """Whether a pattern whose matches begin with one of ``first`` (its ``first_chars``) may
    match at ``pos``: a non-ASCII character is always tried, the end of the text never."""
    if pos >= len(text):
        return first is None
    c = text[pos]
    return first is None or not c.isascii() or c in first


def _first(seq: Any) -> tuple[set[str], bool]:
    """(first characters, whether ``seq`` can match the empty string)."""
    chars: set[str] = set()
    for op, av in seq:
        if op in _TRANSPARENT:
            continue
        if op == C.LITERAL:
            chars.add(chr(av))
            return chars, False
        if op == C.IN:
            chars |= _charset(av)
            return chars, False
        if op == C.BRANCH:
            nullable = False
            for alt in av[1]:
                c, n = _first(alt)
                chars |= c
                nullable = nullable or n
            if not nullable:
                return chars, False
            continue
        if op == C.SUBPATTERN:
            c, n = _first(av[-1])
            chars |= c
            if not n:
                return chars, False
            continue
        if op in _REPEATS:
            lo, _hi, sub = av
            c, n = _first(sub)
            chars |= c
            if lo > 0 and not n:
                return chars, False
            continue
        if hasattr(C, "ATOMIC_GROUP") and op == C.ATOMIC_GROUP:
            c, n = _first(av)
            chars |= c
            if not n:
                return chars, False
            continue
        raise _Anywhere(op)
    return chars, True


def _charset(items: Any) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        if op == C.LITERAL:
            out.add(chr(av))
        elif op == C.RANGE:
            lo, hi = av
            if hi - lo > 400:
                raise _Anywhere(op)
            out.update(chr(i) for i in range(lo, hi + 1))
        elif op == C.CATEGORY and av in _CATEGORIES:
            out |= _CATEGORIES[av]
        else:  # NEGATE, other categories
            raise _Anywhere(op)
    return out


def reach_back(pattern: str, flags: int = 0) -> int | None:
    """How many characters before the match position ``pattern`` can look at (lookbehinds,
    word boundaries), or None when that cannot be bounded: a match at ``p`` (with a given
    ``endpos``) then depends on nothing of the text before ``p - reach_back``."""
    try:
        return _back(P.parse(pattern, flags).data)
    except (_Anywhere, re.error, RecursionError):
        return None


_WIDTHLESS = (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY, C.CATEGORY)


def _back(seq: Any) -> int:
    """The reach of ``seq``: every position it tests lies at or after the match position."""
    reach = 0
    for op, av in seq:
        if op in _WIDTHLESS:
            continue
        if op in (C.ASSERT, C.ASSERT_NOT):
            direction, sub = av
            lo, hi = sub.getwidth()
            behind = hi if direction < 0 else 0
            if behind >= C.MAXREPEAT:
                raise _Anywhere(op)
            reach = max(reach, behind + _back(sub.data))
        elif op == C.AT:
            reach = max(reach, 1)  # a boundary looks at the character before
        elif op == C.SUBPATTERN:
            reach = max(reach, _back(av[-1].data))
        elif op == C.BRANCH:
            reach = max([reach] + [_back(alt.data) for alt in av[1]])
        elif op in _REPEATS:
            reach = max(reach, _back(av[2].data))
        elif hasattr(C, "ATOMIC_GROUP") and op == C.ATOMIC_GROUP:
            reach = max(reach, _back(av.data))
        elif op == C.GROUPREF_EXISTS:  # "(?(name)yes|no)": the farther of its two branches
            _group, yes, no = av
            reach = max(reach, _back(yes.data), _back(no.data) if no is not None else 0)
        else:  # back-references: not bounded here
            raise _Anywhere(op)
    return reach


def required_chars(pattern: str, flags: int = 0) -> tuple[frozenset[str], ...]:
    """Sets of ASCII characters of which every match of ``pattern`` holds at least one each
    (``"-"`` for an ISO date, ``"s"``/``"S"`` for "1990s"): a text of ASCII characters holding
    none of one set cannot contain a match. Only what is sure is listed (possibly nothing)."""
    try:
        return tuple(_required(P.parse(pattern, flags).data, bool(flags & re.IGNORECASE)))
    except (re.error, RecursionError):
        return ()


def _required(seq: Any, fold: bool) -> list[frozenset[str]]:
    out: list[frozenset[str]] = []
    for op, av in seq:
        if op == C.LITERAL:
            got = _literal_set([av], fold)
            if got:
                out.append(got)
        elif op == C.IN:
            if all(o == C.LITERAL for o, _ in av):
                got = _literal_set([a for _, a in av], fold)
                if got:
                    out.append(got)
        elif op == C.SUBPATTERN:
            out += _required(av[-1].data, fold)
        elif op in _REPEATS:
            lo, _hi, sub = av
            if lo > 0:
                out += _required(sub.data, fold)
        elif hasattr(C, "ATOMIC_GROUP") and op == C.ATOMIC_GROUP:
            out += _required(av.data, fold)
        elif op == C.BRANCH:  # one of each alternative's first requirement
            union: set[str] = set()
            for alt in av[1]:
                need = _required(alt.data, fold)
                if not need:
                    break
                union |= need[0]
            else:
                out.append(frozenset(union))
        # lookarounds, boundaries, categories, back-references: nothing sure
    return out


def _literal_set(codes: list[int], fold: bool) -> frozenset[str] | None:
    """The characters a set of literals matches in ASCII text (None: a non-ASCII literal,
    which case folding may match otherwise)."""
    out: set[str] = set()
    for code in codes:
        c = chr(code)
        if not c.isascii():
            return None
        out.add(c)
        if fold:
            out.update((c.lower(), c.upper()))
    return frozenset(out)
