"""The first-character bound of each rule: sound (never skips a position a rule matches at) and
tight enough to matter (most rules are bounded)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from annales.temporal.firstchars import first_chars, reach_back, required_chars
from annales.temporal.language import load


def test_first_characters_of_patterns() -> None:
    assert first_chars(r"(?<![\w])(?:May|june)", re.I) == frozenset("mMjJ")
    assert first_chars(r"(?:the\s+)?\d") == frozenset("t0123456789")
    assert first_chars(r"[’'][0-9]{2}") == frozenset("'")  # ’ is tried anyway: non-ASCII
    assert first_chars(r"\bfoo", re.I) == frozenset("fF")


def test_unbounded_patterns_are_none() -> None:
    assert first_chars("a?") is None  # may match the empty string
    assert first_chars(".x") is None
    assert first_chars("[^a]x") is None
    assert first_chars("\u212a", re.I) is None  # the Kelvin sign matches "k" when folded


def test_most_rules_are_bounded() -> None:
    rules = load("en").rules
    bounded = [r for r in rules if r.first is not None]
    assert len(bounded) >= 0.8 * len(rules)


_WORDS = sorted(load("en").word_classes)[:4000]
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.from_regex(r"[0-9]{1,4}(?:st|nd|th)?", fullmatch=True),
    st.sampled_from([" ", ", ", "-", "'", "’", ".", "/", " of ", " the ", "\n", "K", "\u212a"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=12).map("".join))
def test_no_rule_matches_where_its_bound_says_it_cannot(text: str) -> None:
    for rule in load("en").rules:
        if rule.first is None:
            continue
        for p in range(len(text)):
            c = text[p]
            if c.isascii() and c not in rule.first:
                assert rule.regex.match(text, p) is None, (rule.name, text, p)


def test_reach_back_bounds_lookbehinds_and_boundaries() -> None:
    assert reach_back("abc") == 0
    assert reach_back(r"(?<=abc)d") == 3
    assert reach_back(r"\bx") == 1
    assert reach_back(r"x|(?:y(?<!\d\d))") == 2
    assert reach_back(r"(a)\1") is None  # a back-reference is not bounded here
    assert reach_back(r"(?P<n>a)?b(?(n)(?<=xy)c|d)") == 2  # a conditional: its farther branch
    assert reach_back("(?<=a") is None  # not a pattern


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=12).map("".join), st.text(max_size=12))
def test_no_rule_looks_further_back_than_its_reach(text: str, before: str) -> None:
    """Changing the text further back than a rule's reach never changes its match."""
    for rule in load("en").rules:
        reach = reach_back(rule.regex.pattern, rule.regex.flags)
        assert reach is not None, rule.name
        pad = "x" * reach
        for p in range(len(text)):
            a = rule.regex.match("." + pad + text, 1 + reach + p)
            b = rule.regex.match(before + pad + text, len(before) + reach + p)
            assert (a and (a.end() - a.start(), a.groupdict())) == (
                b and (b.end() - b.start(), b.groupdict())
            ), (rule.name, text, p)


def test_required_characters_of_patterns() -> None:
    assert required_chars(r"\d{4}-\d\d") == (frozenset("-"),)
    assert required_chars(r"(?:the\s+)?\d+s", re.I) == (frozenset("sS"),)
    assert required_chars(r"a|b-") == (frozenset("ab"),)  # one of each alternative's first
    assert required_chars(r"x?y*|z") == ()  # an alternative needing nothing: nothing sure
    assert required_chars(r"(?=q)\w") == ()  # a lookahead consumes nothing
    assert required_chars("\u212a", re.I) == ()  # non-ASCII: left to the regex


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=12).map("".join))
def test_no_rule_matches_text_lacking_a_required_character(text: str) -> None:
    if not text.isascii():
        return  # the bound is only used on ASCII text
    present = set(text)
    for rule in load("en").rules:
        if any(present.isdisjoint(chars) for chars in rule.required):
            for p in range(len(text)):
                assert rule.regex.match(text, p) is None, (rule.name, text, p)
