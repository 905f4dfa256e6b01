"""Shortcuts the tagger takes on dense lists of dates must not change what it finds: parsed
groups reused across repeated stretches, one shared look at the spaces before a date, and
apostrophe years looked for only where an apostrophe is. Sentences invented for these tests."""

from __future__ import annotations

from annales.temporal import tag_time
from annales.temporal.engine import _apostrophe_centuries
from annales.temporal.language import load
from annales.temporal.narrative import planned_for, word_then_space
from annales.temporal.normalise import Context, normalise
from annales.temporal.recognise import find
from annales.temporal.types import Candidate


def test_hits_sharing_their_groups_are_parsed_once_and_read_alike() -> None:
    text = "Markets: " + "Oct 3, " * 40 + "and no more."  # stretches of 24 tokens repeat
    lex = load("en")
    ctx = Context(text, lex, "narratives", "gregorian")
    hits = [h for h in find(text, lex) if h.rule.name == "month_day"]
    assert len(hits) == 40
    values = {normalise(h, ctx).value for h in hits}  # type: ignore[union-attr]
    assert values == {"XXXX-10-03"}
    shared = {id(h.groups) for h in hits}
    assert len(ctx.pieces) == len(shared) < len(hits)  # one parse per groups object


def test_an_impossible_day_in_a_repeated_list_keeps_its_warning() -> None:
    text = "In 1850: 31 April 1850, 31 April 1850, 31 April 1850, 31 April 1850, 31 April 1850."
    got = tag_time(text, reference="1850")
    days = [t for t in got if "April" in t.text]
    assert len(days) == 5
    assert all(t.value == "1850-04-XX" and t.warning for t in days)


def test_planned_for_with_the_gap_given_answers_as_without() -> None:
    verbs, preps = frozenset({"fixed", "adjourned"}), frozenset({"for", "to"})
    future = frozenset({"shall", "will"})
    for text in (
        "the vote is fixed for 12 May",
        "the council will meet, it is said, on 12 May",
        "the vote, 12 May",
        "12 May",
    ):
        start = text.index("12")
        gap = word_then_space(text, max(0, start - 40), start)
        assert planned_for(text, start, verbs, preps, future, word_gap=gap) == planned_for(
            text, start, verbs, preps, future
        )


def _cand(start: int, end: int, value: str) -> Candidate:
    return Candidate(start, end, "DATE", value)


def test_apostrophe_years_are_found_after_a_run_of_dates_without_one() -> None:
    text = "In 1848, 1849, 1850 and then in '51 the harvest failed."
    cands = [
        _cand(3, 7, "1848"),
        _cand(9, 13, "1849"),
        _cand(15, 19, "1850"),
        _cand(32, 35, "1951"),
    ]
    _apostrophe_centuries(cands, text)
    assert [c.resolve is None for c in cands] == [True, True, True, False]
    assert cands[3].resolve is not None and cands[3].resolve("1849") == "1851"


def test_a_text_without_apostrophes_leaves_every_candidate_alone() -> None:
    text = "1901/1902/1903/1904"
    cands = [_cand(i * 5, i * 5 + 4, text[i * 5 : i * 5 + 4]) for i in range(4)]
    _apostrophe_centuries(cands, text)
    assert all(c.resolve is None for c in cands)


def test_a_repeated_list_of_years_reads_each_year_once() -> None:
    text = "Harvests: " + "1851/1852/1853/" * 30 + " and after."  # stretches of 24 repeat
    lex = load("en")
    ctx = Context(text, lex, "narratives", "gregorian")
    hits = [h for h in find(text, lex) if h.rule.name == "year"]
    values = [c.value for h in hits if (c := normalise(h, ctx)) is not None]
    assert values == ["1851", "1852", "1853"] * 30
    assert len(ctx.year_values) == len({id(h.groups) for h in hits}) < len(hits)


def test_line_starts_follow_rising_offsets_and_answer_going_back() -> None:
    from annales.temporal.engine import _LineStarts

    text = "ab\ncd\n\nefgh\nij"
    lines = _LineStarts(text)
    assert [lines.before(p) for p in (0, 1, 3, 4, 7, 9, 13)] == [0, 0, 3, 3, 7, 7, 12]
    assert lines.before(4) == 3  # back again: looked up afresh


def test_a_dateline_after_a_long_line_of_dates_is_still_an_aside() -> None:
    story = "In 1921 the strike began. " * 20 + "On 3 March 1921 the mills stopped.\n\n"
    dateline = "Petrograd, November 18th, 1917.\n\n"
    got = {t.text: t for t in tag_time(story + dateline + "The next day they met.")}
    assert got["November 18th, 1917"].value == "1917-11-18"
    assert got["The next day"].value == "1921-03-04"  # the dateline did not move the story
