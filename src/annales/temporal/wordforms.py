"""Shared pieces of the historical recognisers: word lists from data/markers.toml turned into
regex fragments (character tries, fast on long lists), and small date helpers."""

from __future__ import annotations

import re
from functools import cache

from annales.temporal import calendars as cal
from annales.temporal.calendars import _toml
from annales.temporal.language import Trie
from annales.temporal.types import Resolver

_ROMAN = {"i": 1, "v": 5, "x": 10}


def _alt(words: list[str]) -> str:
    """A regex matching any of ``words`` (longest first), as a character trie: far faster than a
    flat alternation on long lists."""
    trie: Trie = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie(trie)


def _trie(node: Trie) -> str:
    alts = [re.escape(ch) + _trie(child) for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" in node:  # a word ends here but longer ones go on: try them first (greedy ?)
        body = f"(?:{body})?"
    return body


@cache
def _months() -> dict[str, int]:
    return {k.lower(): v for k, v in _toml("markers.toml")["months"].items()}


@cache
def _ordinals() -> dict[str, int]:
    return dict(_toml("markers.toml")["ordinals"])


def _day(p: str) -> str:
    return rf"(?:(?P<{p}dn>\d{{1,2}})(?i:st|nd|rd|th|d)?|(?P<{p}dw>(?i:{_alt(list(_ordinals()))})))"


def _month(p: str) -> str:
    names = list(_months())
    forms = [n.capitalize() for n in names] + [n.upper() for n in names]
    return rf"(?P<{p}m>{_alt(forms)})\.?"


def _gdate(p: str) -> str:
    """A Gregorian/Julian day and month with an optional year: '22 June', 'June 22nd, 1917'."""
    dm = rf"{_day(p)}(?:\s+(?i:of))?\s+{_month(p)}"
    md = _month(p + "r") + r"\s+" + _day(p + "r")
    return rf"(?:{dm}|{md})(?:,?\s+(?P<{p}y>\d{{3,4}})(?!\d))?"


def _style(p: str) -> str:
    st = _toml("markers.toml")["style"]
    return rf"(?:(?P<{p}jul>{'|'.join(st['julian'])})|(?P<{p}greg>{'|'.join(st['gregorian'])}))"


def _roman(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    vals = [_ROMAN.get(c) for c in text.lower()]
    if None in vals:
        return None
    total = 0
    for i, v in enumerate(vals):
        assert v is not None
        nxt = vals[i + 1] if i + 1 < len(vals) else 0
        total += -v if nxt and nxt > v else v
    return total


def _get_day(m: re.Match[str], p: str) -> int | None:
    for q in (p, p + "r"):
        dn, dw = m.groupdict().get(q + "dn"), m.groupdict().get(q + "dw")
        if dn:
            return int(dn)
        if dw:
            return _ordinals().get(dw.lower())
    return None


def _get_month(m: re.Match[str], p: str) -> int | None:
    for q in (p, p + "r"):
        name = m.groupdict().get(q + "m")
        if name:
            return _months().get(name.lower().rstrip("."))
    return None


def _get_year(m: re.Match[str], p: str) -> int | None:
    y = m.groupdict().get(p + "y")
    return int(y) if y else None


def _iso(y: int, mo: int, d: int) -> str:
    return f"{y:04d}-{mo:02d}-{d:02d}" if y > 0 else f"BC{1 - y:04d}-{mo:02d}-{d:02d}"


def _ref_ymd(ref: str | None) -> tuple[int, int, int] | None:
    if not ref:
        return None
    p = cal.parse(ref.split("/")[0])
    if p is None or p.year is None:
        return None
    return p.year, p.month or 7, p.day or 1


def _jdn(y: int, mo: int, d: int, c: str = "gregorian") -> int | None:
    try:
        return cal._jdn(c, (y, mo, d))
    except ValueError:
        return None


def _year_resolver(month: int, day: int) -> Resolver:
    """Fill the year of a day given without one from the narrative reference's year."""

    def resolve(ref: str | None) -> str:
        r = _ref_ymd(ref)
        if r is None:
            return f"XXXX-{month:02d}-{day:02d}"
        return _iso(r[0], month, day)

    return resolve
