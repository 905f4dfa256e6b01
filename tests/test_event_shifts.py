"""Event dates shifted from an anchor ("two days before Christmas"), borrowed days that fade
to their month as the story moves on, and footnote dates. Passages invented for the tests."""

from __future__ import annotations

import pytest

from annales.pipeline import read_text
from annales.shifts import Shift, shift_date


def _dates(text: str, **kw: object) -> dict[str, tuple[str | None, str | None]]:
    ch = read_text(text, **kw)
    return {ev.lemma: (ev.date, ev.date_source) for ev in ch.events}


def test_a_duration_before_a_date_shifts_it() -> None:
    d = _dates("In 1915 the war went on. Two days before Christmas the garrison surrendered.")
    assert d["surrender"] == ("1915-12-23", "explicit")


def test_a_duration_after_a_named_earlier_event_shifts_its_date() -> None:
    d = _dates(
        "The armistice was signed on 11 November 1918. "
        "Three weeks after the armistice the delegates met at Spa."
    )
    assert d["meet"] == ("1918-12-02", "explicit")


def test_before_that_shifts_the_running_date() -> None:
    d = _dates("On 3 March 1921 the dockers struck. A week before that the owners had cut wages.")
    assert d["cut"] == ("1921-02-24", "explicit")


def test_an_unknown_anchor_gives_no_date_rather_than_a_borrowed_one() -> None:
    d = _dates("On 3 March 1921 the dockers struck. Two days after the banquet the mayor resigned.")
    assert d["resign"] == (None, None)


def test_a_duration_of_the_event_is_no_shift() -> None:
    d = _dates(
        "On 3 March 1921 the dockers struck. For two days before the vote they marched "
        "through the town."
    )
    assert d["march"][0] == "1921-03-03"  # borrowed, not moved two days


@pytest.mark.parametrize(
    ("value", "shift", "calendar", "expected"),
    [
        ("1917-03-01", Shift(-1, "P2D"), "gregorian", "1917-02-27"),
        ("1916-02-28", Shift(1, "P1D"), "gregorian", "1916-02-29"),
        ("1917-01-31", Shift(1, "P1M"), "gregorian", "1917-02-28"),
        ("1917-06", Shift(-1, "P3M"), "gregorian", "1917-03"),
        ("1917", Shift(1, "P2Y"), "gregorian", "1919"),
        ("1917-06", Shift(1, "P2D"), "gregorian", None),  # days from a month: unknown day
        ("1900-02-28", Shift(1, "P1D"), "julian", "1900-02-29"),  # a Julian leap day
    ],
)
def test_shift_date(value: str, shift: Shift, calendar: str, expected: str | None) -> None:
    assert shift_date(value, shift, calendar) == expected


STORY = (
    "On 3 March 1921 the dockers struck at the harbour. The owners locked the gates. "
    "The police arrested the leaders. The mayor closed the port. The carters blocked "
    "the bridge. The sailors joined the strike."
)


def test_a_borrowed_day_fades_to_its_month_before_a_later_day() -> None:
    # NARRATIVE_DAY_REACH = 5 story sentences keep the day; then, with another day named
    # later, the event lies somewhere between: it borrows the month
    d = _dates(STORY + " The bakers shut their shops. On 9 March the council met. The guild voted.")
    assert d["lock"] == ("1921-03-03", "narrative")
    assert d["join"] == ("1921-03-03", "narrative")
    assert d["shut"] == ("1921-03", "narrative")
    assert d["vote"] == ("1921-03-09", "narrative")  # a new day restores day precision


def test_a_borrowed_day_holds_when_no_other_day_follows() -> None:
    # a day told at length ("Wednesday, November 7th, I rose very late. ..."): still that day
    assert _dates(STORY)["join"] == ("1921-03-03", "narrative")


def test_a_date_in_a_footnote_does_not_move_the_story() -> None:
    d = _dates(
        "On 3 March 1921 the dockers struck at the harbour. [Footnote: The guild had been "
        "founded on 12 June 1788.] The owners locked the gates."
    )
    assert d["lock"] == ("1921-03-03", "narrative")


def test_an_approximate_shift_from_the_readers_year() -> None:
    d = _dates(
        "About thirty-two years before that, the emperor halted the army on the Danube.",
        reference="0235",
    )
    assert d["halt"] == ("0203", "explicit")


def test_a_dated_reduced_relative_is_an_event_of_its_day() -> None:
    d = _dates("In 1917 the old Council, elected on 2 March, was dissolved.")
    assert d["elect"] == ("1917-03-02", "explicit")


def test_a_flashback_year_frames_its_paragraph_only() -> None:
    d = _dates(
        "In 1840 the war ended.\n\n"
        "About twelve years before that war, the young duke landed in Spain. "
        "The people flocked to see him.\n\n"
        "The new treaty was signed."
    )
    assert d["land"] == ("1828", "explicit")
    assert d["flock"] == ("1828", "narrative")  # the flashback goes on in its paragraph
    assert d["sign"] == ("1840", "narrative")  # then the story's date returns


def test_an_event_over_a_range_of_days_takes_their_month_but_a_list_keeps_its_day() -> None:
    ch = read_text(
        "In May 1915 the army landed. From 6-8 May a second attack was made, while the "
        "cavalry created a diversion. On 10 May the ships fired. Between the 12th and the "
        "14th the Turks counterattacked. On the 15th and 17th the guns replied."
    )
    d = {ev.lemma: ev.date for ev in ch.events}
    assert d["make attack"] == "1915-05" and d["create"] == "1915-05"  # the range's month
    assert d["fire"] == "1915-05-10"
    assert d["counterattack"] == "1915-05"  # "between ... and ..."
    assert d["reply"] == "1915-05-15"  # two days listed, not a range


def test_a_sentence_opening_after_a_spell_of_days_shifts_the_running_date() -> None:
    d = _dates(
        "On 3 May 1916 the battle opened. After two days' bombardment the Germans gained "
        "the trenches."
    )
    assert d["gain"] == ("1916-05-05", "explicit")
    inside = _dates(  # a spell inside the clause only leaves the day open
        "On 3 May 1916 the battle opened. The Germans gained the trenches after a four "
        "days' bombardment."
    )
    assert inside["gain"] == ("1916-05", "narrative")
