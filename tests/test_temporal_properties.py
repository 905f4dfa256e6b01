"""Property tests: on any Unicode text the tagger never crashes, offsets always hold, and
every value is a well-formed TIMEX3 value."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annales.temporal import tag_time

# TIMEX3 values we produce: dates/times with X placeholders, weeks, seasons, quarters, halves,
# decades/centuries, BC years, durations, and the generic references.
_DATE = r"(?:BC)?[0-9X]{1,4}(?:-(?:[0-9X]{2}(?:-[0-9X]{2})?|W[0-9X]{1,2}(?:-(?:[1-7]|WE))?|Q[1-4X]|H[12]|SP|SU|FA|WI))?"
_TIME = r"(?:T(?:[0-2][0-9]:[0-5][0-9]|24(?::00)?|MO|AF|EV|NI|MI|DT))?"
_DUR = r"P(?:T?(?:[0-9]+(?:\.[0-9]+)?|X)(?:Y|M|W|D|H|S|Q|DE|CE|ML|E|C|L))+(?:T[0-9]+[HMS](?:[0-9]+[HMS])?)?|PT[0-9]+H[0-9]+M|PT[0-9]+M[0-9]+S"
VALUE = re.compile(
    rf"^(?:{_DATE}{_TIME}|{_DUR}|PRESENT_REF|PAST_REF|FUTURE_REF|XXXX-WXX-[1-7](?:T(?:MO|AF|EV|NI))?|XXXX-XX-XXT(?:MO|AF|EV|NI|[0-2][0-9]:[0-5][0-9]))$"
)

WORDS = st.sampled_from(
    "On the 22nd of June 1917 June 22, last next this week year month day days ago later earlier "
    "Friday Monday morning night early late mid- the 1920s sixties century BC AD 44 410 two three "
    "twenty-five , . - / : 'ninety' every each daily now then yesterday tomorrow 1998-08-07 "
    "6/22/1917 10:35 a.m. p.m. noon o'clock quarter third first half spring summer fall May March "
    "31 30 February 0 00 99999 1,000 15,000 more than about around since following previous same "
    "that 23rd the the of of in in \n \n\n".split(" ")
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=60).map(" ".join))


def _check(text: str, **kw: str) -> None:
    got = tag_time(text, **kw)
    prev_end = -1
    for i, t in enumerate(got, start=1):
        assert t.id == f"t{i}"
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.start >= prev_end, "timexes overlap"
        prev_end = t.end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert VALUE.match(t.value), (t.text, t.value)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_narratives_never_crash(text: str) -> None:
    _check(text)
    _check(text, reference="1917-06")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_news_never_crash(text: str) -> None:
    _check(text, mode="news", dct="1998-08-07")


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_julian_never_crash(text: str) -> None:
    _check(text, reference="1917", calendar="julian")


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_fast_stretch_scan_equals_full_scan(text: str) -> None:
    from annales.temporal.language import load
    from annales.temporal.recognise import _stretches_all, stretches

    lex = load()
    if len(text.lower()) != len(text):
        return  # the fast path is not used then

    def norm(xs):  # type: ignore[no-untyped-def]
        return [(a, b, sorted(c), d) for a, b, c, d in xs]

    assert norm(stretches(text, lex)) == norm(_stretches_all(text, lex))


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=12).map(" ".join), st.integers(2, 6), TEXTS)
def test_repeated_stretches_reuse_the_same_matches(unit: str, times: int, tail: str) -> None:
    """A stretch seen before reuses its matches: exactly what matching it afresh finds."""
    from annales.temporal import recognise
    from annales.temporal.language import load

    lex = load()
    text = (unit + ", ") * times + tail + (" " + unit) * times

    def dump(select: bool) -> list[tuple[object, ...]]:
        return [(h.start, h.end, h.rule.name, h.groups) for h in recognise.find(text, lex, select)]

    reused = [dump(True), dump(False)]
    recognise._REACH[id(lex)] = None  # no bound on what rules look at: nothing is reused
    try:
        assert [dump(True), dump(False)] == reused
    finally:
        del recognise._REACH[id(lex)]


_AROUND = st.lists(
    st.sampled_from(
        ["1917", "page", "No", "men", "km", "İ", "é", "²", "_", " ", "\n", ",", ".", "-", "/"]
        + ["'", "since", "the", "The", "fixed", "for", "shall", "of", "course", "3rd", "7", "x"]
    ),
    max_size=14,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_AROUND, st.integers(0, 40))
def test_cheap_context_tests_agree_with_their_definitions(text: str, at: int) -> None:
    """The word-before/after tests and the backward context searches decide as the plain
    definitions do: their cheap first tests only ever skip a search that cannot succeed."""
    import re as _re

    from annales.temporal import narrative as N
    from annales.temporal import normalise as NM
    from annales.temporal.language import load

    lex = load()

    at = min(at, len(text))
    for words in (frozenset({"page", "no", "men", "km"}), frozenset({"", "x"}), frozenset()):
        assert NM._prev_word_in(text, at, words) == (NM._prev_word(text, at) in words)
        assert NM._next_word_in(text, at, words) == (NM._next_word(text, at).lower() in words)
    signal = _re.compile(r"([^\W\d_]+)\s+(?:[Tt]he\s+)?$")
    m = signal.search(text, max(0, at - 30), at)
    assert N.after_signal(text, at, frozenset({"since"})) == (
        m is not None and m.group(1).lower() == "since"
    )
    assert NM._day_before(text, at) == (NM._DAY_BEFORE.search(text, max(0, at - 8), at) is not None)
    part = _re.compile(r"([^\W\d_][\w-]*)\s+of\s*$", _re.I).search(text, max(0, at - 40), at)
    assert NM._part_of(text, at, lex) == (
        part is not None and part.group(1).lower() in lex.lists["passing_frame_nouns"]
    )
