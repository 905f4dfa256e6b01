"""The calendar layer: conversions, sort key, EDTF, labels, finalise, bad input."""

from __future__ import annotations

import datetime as dt

import pytest
from edtf import parse_edtf
from hypothesis import given, settings
from hypothesis import strategies as st

from annales.chronicle import Timex
from annales.errors import CalendarError
from annales.temporal import calendars as cal

# --------------------------------------------------------------------------- independent stepping


def _julian_len(y: int, m: int) -> int:
    return 29 if m == 2 and y % 4 == 0 else [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]


def _greg_len(y: int, m: int) -> int:
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    return 29 if m == 2 and leap else [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]


def _step(ymd: tuple[int, int, int], mlen) -> tuple[int, int, int]:
    y, m, d = ymd
    if d < mlen(y, m):
        return y, m, d + 1
    return (y, m + 1, 1) if m < 12 else (y + 1, 1, 1)


# 1 January 1000 BC (astronomical -999) Julian is 23 December 1001 BC (-1000) Gregorian: the
# offset is y//100 - y//400 - 2 with y = -1000 for January-February of -999, i.e. -9 days.
START_JUL = (-999, 1, 1)
START_GREG = (-1000, 12, 23)


def test_anchor_day_of_the_sweep() -> None:
    assert cal.julian_to_gregorian(*START_JUL) == START_GREG


@pytest.mark.slow
def test_every_day_from_1000_bc_to_ad_2100_round_trips() -> None:
    """Step both calendars a day at a time (independently of convertdate) and compare."""
    j, g = START_JUL, START_GREG
    n = 0
    while j[0] <= 2100:
        assert cal.julian_to_gregorian(*j) == g, j
        assert cal.gregorian_to_julian(*g) == j, g
        j, g = _step(j, _julian_len), _step(g, _greg_len)
        n += 1
    assert n > 1_130_000


julian_days = st.integers(min_value=-999, max_value=2100).flatmap(
    lambda y: st.integers(1, 12).flatmap(
        lambda m: st.integers(1, _julian_len(y, m)).map(lambda d: (y, m, d))
    )
)


@settings(max_examples=500, deadline=None)
@given(julian_days)
def test_julian_gregorian_julian_round_trip(ymd: tuple[int, int, int]) -> None:
    assert cal.gregorian_to_julian(*cal.julian_to_gregorian(*ymd)) == ymd


@given(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_gregorian_matches_python_proleptic_calendar(day: dt.date) -> None:
    """Python's date is proleptic Gregorian: our JDN arithmetic must agree with its ordinals."""
    jdn = cal._jdn("gregorian", (day.year, day.month, day.day))
    assert jdn - day.toordinal() == 1721425


@pytest.mark.parametrize(
    "julian,gregorian",
    [
        ((1582, 10, 4), (1582, 10, 14)),  # last Julian day in Rome; next day was Gregorian 15th
        ((1752, 9, 2), (1752, 9, 13)),  # Britain: Wednesday 2 Sept, then Thursday 14 Sept
        ((1918, 1, 31), (1918, 2, 13)),  # Russia: 31 Jan, then 14 Feb
        ((1917, 10, 25), (1917, 11, 7)),  # October Revolution
        ((1066, 10, 14), (1066, 10, 20)),  # Hastings, offset 6 in the 11th century
        ((1700, 2, 29), (1700, 3, 11)),  # a Julian day with no Gregorian namesake
        ((-43, 3, 15), (-43, 3, 13)),  # the Ides of March 44 BC, offset -2
    ],
)
def test_known_conversions(julian, gregorian) -> None:
    assert cal.julian_to_gregorian(*julian) == gregorian
    assert cal.gregorian_to_julian(*gregorian) == julian


# --------------------------------------------------------------------------- sort key


def _value(ymd: tuple[int, int, int]) -> str:
    y, m, d = ymd
    return f"{y:04d}-{m:02d}-{d:02d}" if y > 0 else f"BC{1 - y:04d}-{m:02d}-{d:02d}"


@given(julian_days, julian_days)
def test_sort_key_orders_julian_days_like_day_counts(a, b) -> None:
    ka, kb = cal.sort_key(_value(a), "julian"), cal.sort_key(_value(b), "julian")
    # a Julian calendar date order is chronological order (years astronomical, BC included)
    assert (ka < kb) == (a < b)


@given(julian_days, st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_sort_key_mixes_calendars_by_instant(j, g) -> None:
    kj = cal.sort_key(_value(j), "julian")[0]
    kg = cal.sort_key(_value((g.year, g.month, g.day)), "gregorian")[0]
    gj = cal.julian_to_gregorian(*j)
    assert (kj < kg) == (gj < (g.year, g.month, g.day))


def test_sort_key_bc_years() -> None:
    keys = [cal.sort_key(v) for v in ("BC0490", "BC0044", "BC0001", "0001", "0410", "1066")]
    assert keys == sorted(keys)
    assert cal.sort_key("BC0001")[1] + 1 == cal.sort_key("0001")[0]  # no year zero between


def test_sort_key_switch_weeks_are_adjacent() -> None:
    # Rome 1582 and Britain 1752: the last Julian day is followed directly by the first Gregorian
    assert cal.sort_key("1582-10-04", "julian")[0] + 1 == cal.sort_key("1582-10-15")[0]
    assert cal.sort_key("1752-09-02", "julian")[0] + 1 == cal.sort_key("1752-09-14")[0]
    assert cal.sort_key("1918-01-31", "julian")[0] + 1 == cal.sort_key("1918-02-14")[0]
    # a Julian date written earlier can be later than a Gregorian one: 25 Oct O.S. = 7 Nov N.S.
    assert cal.sort_key("1917-10-25", "julian") > cal.sort_key("1917-11-01", "gregorian")
    assert cal.sort_key("1917-10-25", "julian") > cal.sort_key("1917-11-06", "gregorian")
    assert cal.sort_key("1917-10-25", "julian") < cal.sort_key("1917-11-08", "gregorian")


def test_sort_key_unknown_values_sort_last() -> None:
    assert cal.sort_key("XXXX-06-22") == (float("inf"), float("inf"))
    assert cal.sort_key("PRESENT_REF") > cal.sort_key("2100-12-31")
    assert cal.sort_key("P3D")[0] == float("inf")


# --------------------------------------------------------------------------- EDTF

value_strategy = st.one_of(
    julian_days.map(_value),
    julian_days.map(lambda t: _value(t)[:-3]),
    st.integers(-3000, 2100).map(lambda y: _value((y, 1, 1))[:-6]),
    st.integers(0, 209).map(str),  # decades
    st.integers(0, 20).map(lambda c: f"{c:02d}"),  # centuries
    st.integers(1, 40).map(lambda c: f"BC{c:02d}"),
    st.integers(1, 400).map(lambda c: f"BC{c:03d}"),
    st.tuples(
        st.integers(1, 2100),
        st.sampled_from(
            ["SP", "SU", "FA", "WI", "Q1", "Q4", "H1", "H2", "W01", "W52", "W53", "W25-WE", "W10-3"]
        ),
    ).map(lambda t: f"{t[0]:04d}-{t[1]}"),
    st.sampled_from(
        [
            "XXXX",
            "19XX",
            "XXXX-06-22",
            "1917-XX-22",
            "1917-06-XX",
            "XXXX-WXX",
            "BCXXXX",
            "1917-06-31",
            "1917-02-30",
            "PRESENT_REF",
            "P3D",
            "",
            "T14:00",
            "1917-13",
            "1917-06-22TMO",
            "1917-06-22T14:00",
            "1917-06-22T25:61",
            "1914/1918",
            "1917-02-23/1917-03-02",
            "1714/15",
            "XXXX-XX-XX",
        ]
    ),
    st.text(max_size=12),
)
mods = st.sampled_from(
    [
        None,
        "START",
        "MID",
        "END",
        "APPROX",
        "BEFORE",
        "AFTER",
        "ON_OR_BEFORE",
        "ON_OR_AFTER",
        "LESS_THAN",
        "EQUAL_OR_MORE",
        "weird",
    ]
)


@settings(max_examples=300, deadline=None)
@given(value_strategy, st.sampled_from(list(cal.CALENDARS)), mods)
def test_every_edtf_string_parses_back(value: str, calendar: str, mod: str | None) -> None:
    out = cal.to_edtf(value, calendar, mod)
    if out is not None:
        parse_edtf(out)  # raises on an invalid string


@settings(max_examples=200, deadline=None)
@given(
    value_strategy,
    st.sampled_from(list(cal.CALENDARS)),
    mods,
    st.sampled_from(["DATE", "TIME", "DURATION", "SET"]),
)
def test_finalise_never_raises_and_fills_consistent_fields(value, calendar, mod, ttype) -> None:
    t = cal.finalise(Timex("t1", 0, 1, "x", ttype, value, mod=mod), calendar)
    assert t.calendar == calendar
    if t.edtf is not None:
        parse_edtf(t.edtf)
    if ttype not in ("DATE", "TIME"):
        assert t.gregorian is None and t.edtf is None
    if t.label is not None:
        assert " 0 BC" not in t.label and not t.label.startswith("0 BC")


@pytest.mark.parametrize(
    "value,calendar,mod,edtf",
    [
        ("1917-07", "gregorian", "START", "1917-07-01/1917-07-10"),
        ("1917-07", "gregorian", "MID", "1917-07-11/1917-07-20"),
        ("1917-06", "julian", "END", "1917-06-21/1917-06-30"),
        ("1917-02", "gregorian", "END", "1917-02-21/1917-02-28"),
        ("1916-02", "gregorian", "END", "1916-02-21/1916-02-29"),
        ("1520", "gregorian", "APPROX", "1520~"),
        ("1066", "julian", "BEFORE", "../1066"),
        ("1815", "gregorian", "AFTER", "1815/.."),
        ("184", "gregorian", None, "184X"),
        ("18", "gregorian", None, "18XX"),
        ("18", "gregorian", "MID", "1833/1866"),
        ("1848-SP", "gregorian", None, "1848-21"),
        ("1917-SU", "julian", None, "1917-22"),
        ("BC0044", "julian", None, "-0043"),
        ("BC0001", "julian", None, "0000"),
        ("BC0044-03-15", "julian", None, "-0043-03-15"),
        ("BC02", "gregorian", None, "-0298/-0199"),
        ("BC00", "julian", None, "-0098/0000"),  # the first century BC: 99 BC to 1 BC
        ("BC0", "julian", None, "-0998/0000"),  # the first millennium BC
        ("BC02", "julian", "END", "-0231/-0199"),  # late in the 3rd century BC: nearer 200 BC
        ("0410", "julian", None, "0410"),
        ("1917-06-22T14:00", "gregorian", None, "1917-06-22T14:00:00"),
        ("1917-06-22TMO", "gregorian", None, "1917-06-22"),
        ("XXXX-06-22", "julian", None, "XXXX-06-22"),
        ("1917-W25", "gregorian", None, "1917-06-18/1917-06-24"),
        ("1917-Q3", "gregorian", None, "1917-07/1917-09"),
        ("1914/1918", "gregorian", None, "1914/1918"),
        ("1250", "gregorian", "APPROX", "1250~"),
    ],
)
def test_edtf_forms(value, calendar, mod, edtf) -> None:
    assert cal.to_edtf(value, calendar, mod) == edtf
    parse_edtf(edtf)


# --------------------------------------------------------------------------- convert


@pytest.mark.parametrize(
    "value,src,dst,out",
    [
        ("1917-06-22", "julian", "gregorian", "1917-07-05"),
        ("1917-07-05", "gregorian", "julian", "1917-06-22"),
        ("1917-06", "julian", "gregorian", "1917-06-14/1917-07-13"),
        ("1917", "julian", "gregorian", "1917"),
        ("1917-06-22T14:00", "julian", "gregorian", "1917-07-05T14:00"),
        ("BC0044-03-15", "julian", "gregorian", "BC0044-03-13"),
        ("1917-02-23/1917-03-02", "julian", "gregorian", "1917-03-08/1917-03-15"),
        ("XXXX-06-22", "julian", "gregorian", None),  # offset depends on the unknown century
        ("1917-06-31", "julian", "gregorian", None),
        ("PRESENT_REF", "julian", "gregorian", None),
        ("1794-07-27", "french-republican", "gregorian", "1794-07-27"),
    ],
)
def test_convert(value, src, dst, out) -> None:
    assert cal.convert(value, src, dst) == out


# --------------------------------------------------------------------------- labels and finalise


@pytest.mark.parametrize(
    "value,calendar,mod,text",
    [
        ("1917-06-22", "julian", None, "22 June 1917 (O.S.) · 5 July 1917 (N.S.)"),
        ("1917-07-05", "gregorian", None, "5 July 1917"),
        ("BC0044", "julian", None, "44 BC"),
        ("BC0001", "julian", None, "1 BC"),
        ("0001", "julian", None, "AD 1"),
        ("0410", "julian", None, "AD 410"),
        ("1917-07", "gregorian", "START", "early July 1917"),
        ("1520", "gregorian", "APPROX", "around 1520"),
        ("184", "gregorian", None, "1840s"),
        ("BC02", "julian", None, "3rd century BC"),
        ("18", "gregorian", "MID", "mid-19th century"),
        ("1794-07-27", "french-republican", None, "9 Thermidor an II · 27 July 1794"),
        (
            "1795-09-22",
            "french-republican",
            None,
            "jour de la révolution an III · 22 September 1795",
        ),
        ("1917", "julian", None, "1917"),
    ],
)
def test_labels(value, calendar, mod, text) -> None:
    assert cal.label(value, calendar, mod) == text


def test_finalise_julian_day_matches_design_example() -> None:
    t = cal.finalise(Timex("t1", 3, 10, "22 June", "DATE", "1917-06-22"), "julian")
    assert (t.calendar, t.gregorian, t.edtf) == ("julian", "1917-07-05", "1917-06-22")
    assert t.label == "22 June 1917 (O.S.) · 5 July 1917 (N.S.)"


@pytest.mark.parametrize(
    "value,calendar,flagged",
    [
        ("1917-06-31", "julian", "1917-06-XX"),
        ("1917-02-30", "gregorian", "1917-02-XX"),
        ("1700-02-29", "gregorian", "1700-02-XX"),
        ("1900-02-29", "gregorian", "1900-02-XX"),
        ("BC0044-02-30", "julian", "BC0044-02-XX"),
        ("1917-06-31T10:00", "julian", "1917-06-XXT10:00"),
    ],
)
def test_impossible_days_are_flagged_never_shifted(value, calendar, flagged) -> None:
    t = cal.finalise(Timex("t1", 0, 5, "x", "DATE", value), calendar)
    assert t.value == flagged
    assert t.warning and "impossible date" in t.warning
    assert t.gregorian is None or t.gregorian == t.value  # unknown day: nothing invented
    assert t.edtf is None or "XX" in t.edtf


def test_29_february_1700_is_a_real_julian_day() -> None:
    t = cal.finalise(Timex("t1", 0, 5, "x", "DATE", "1700-02-29"), "julian")
    assert t.value == "1700-02-29" and t.warning is None and t.gregorian == "1700-03-11"


def test_finalise_keeps_an_existing_warning() -> None:
    t = Timex("t1", 0, 5, "x", "DATE", "1917-06-XX", warning="impossible date: 31 June")
    assert cal.finalise(t, "julian").warning == "impossible date: 31 June"


@pytest.mark.parametrize("value", ["P3D", "PRESENT_REF"])
def test_finalise_non_dates(value) -> None:
    t = cal.finalise(
        Timex("t1", 0, 5, "x", "DURATION" if value == "P3D" else "DATE", value), "julian"
    )
    assert t.gregorian is None and t.calendar == "julian"


def test_unknown_calendar_is_a_one_line_error() -> None:
    with pytest.raises(CalendarError) as err:
        cal.finalise(Timex("t1", 0, 5, "x", "DATE", "1917"), "mayan")
    assert "\n" not in str(err.value) and "mayan" in str(err.value)
    with pytest.raises(CalendarError):
        cal.convert("1917-06-22", "julian", "hebrew")
    with pytest.raises(CalendarError):
        cal.sort_key("1917", "klingon")


def test_switch_table_has_the_required_countries() -> None:
    table = cal.switches()
    assert table["russia"].last_julian == (1918, 1, 31)
    assert table["russia"].first_gregorian == (1918, 2, 14)
    assert table["britain"].first_gregorian == (1752, 9, 14)
    assert table["catholic"].last_julian == (1582, 10, 4)
    assert table["greece"].first_gregorian == (1923, 3, 1)
    assert table["turkey"].first_gregorian[0] == 1926
    # every switch is one day: the last Julian day is followed by the first Gregorian day
    for sw in table.values():
        if sw.key == "japan":
            continue
        assert (
            cal.sort_key(_value(sw.last_julian), "julian")[0] + 1
            == cal.sort_key(_value(sw.first_gregorian))[0]
        ), sw.key


def test_republican_conversion() -> None:
    assert cal.republican_to_gregorian(2, 11, 9) == (1794, 7, 27)  # 9 Thermidor II
    assert cal.republican_to_gregorian(8, 2, 18) == (1799, 11, 9)  # 18 Brumaire VIII
    assert cal.republican_date(1792, 9, 22) == (1, 1, 1)
    with pytest.raises(ValueError):
        cal.republican_to_gregorian(2, 13, 6)  # year II had five complementary days


def test_republican_year_table_matches_convertdate() -> None:
    from convertdate import french_republican as fr

    for an in (1, 3, 4, 8, 12, 14, 19):
        assert cal.republican_to_gregorian(an, 1, 1) == tuple(fr.to_gregorian(an, 1, 1))
        for mois, jour in ((5, 17), (12, 30), (13, 5)):
            g = cal.republican_to_gregorian(an, mois, jour)
            assert g == tuple(fr.to_gregorian(an, mois, jour))
            assert cal.republican_date(*g) == (an, mois, jour)
    assert cal.republican_to_gregorian(3, 13, 6) == (1795, 9, 22)  # year III was a leap year


@pytest.mark.parametrize(
    "value,calendar,text",
    [
        ("1917-10", "julian", "October 1917 (O.S.) · 14 October – 13 November 1917 (N.S.)"),
        (
            "1917-02-23/1917-03-02",
            "julian",
            "23 February – 2 March 1917 (O.S.) · 8–15 March 1917 (N.S.)",
        ),
        ("1914/1918", "gregorian", "1914 – 1918"),
    ],
)
def test_range_labels(value, calendar, text) -> None:
    assert cal.label(value, calendar) == text


def test_stated_weekdays_decide_how_the_writer_counts() -> None:
    from annales.temporal.policy import document_policy

    # 7 November 1917 was a Wednesday in the Gregorian calendar (a Tuesday 20 Nov. N.S. in
    # the Julian): an American in Petrograd dating by his own calendar
    new_style = (
        "In Petrograd in 1917 the garrison wavered. Wednesday, November 7th, I rose very late."
        " The Winter Palace fell that night."
    )
    pol = document_policy(new_style, "auto")
    assert pol.calendar == "gregorian" and "weekdays fit the Gregorian" in pol.reason
    assert pol.calendar_for("1917-11-07") == "gregorian"
    # 25 October 1917 O.S. was a Wednesday
    old_style = (
        "In Petrograd in 1917 the garrison wavered. On Wednesday, 25 October, the Winter Palace"
        " was taken."
    )
    pol = document_policy(old_style, "auto")
    assert pol.calendar == "julian" and "weekdays fit the Julian" in pol.reason
    # a weekday without its year is no evidence in a text that spans several years
    spread = "In Paris in 1914, in 1915 and in 1916 the war went on. Sunday, the 6th of September."
    assert "weekdays" not in document_policy(spread, "auto").reason


def test_the_first_half_year_ends_on_30_june() -> None:
    from annales.temporal import tag_time
    from annales.temporal.calendars import bounds

    assert bounds("1917-H1") == ((1917, 1, 1), (1917, 6, 30))
    assert bounds("1917-H2") == ((1917, 7, 1), (1917, 12, 31))
    # found by the fuzz: a half-year in a Russian text asked the switch for 31 June
    text = "In the first half of 1917 the war went on in Russia and Petrograd."
    assert [t.value for t in tag_time(text, calendar="auto")] == ["1917-H1"]


def test_a_year_after_a_month_and_comma_is_a_told_year() -> None:
    from annales.temporal.policy import decide_calendar, told_years

    text = (
        "London recalled its envoy, as it had done in 1651. On the 3rd of March, 1794, "
        "the ministry in London signed the treaty; since 1790 England had armed."
    )
    assert 1794 in told_years(text)
    # 1651 alone would put the text before England's switch of 1752
    assert decide_calendar(text, "auto")[0] == "gregorian"


def test_a_given_reference_dates_a_text_that_recalls_an_older_year() -> None:
    from annales.temporal.policy import document_policy

    text = (
        "In Moscow the delegates met in the Kremlin. Lenin attacked the men who had praised "
        "the same tactics in 1906. On 5 March the congress closed."
    )
    # the passage's own year (1906) lies before Russia's switch; the reader knows it is 1919
    assert document_policy(text, "auto").calendar == "julian"
    pol = document_policy(text, "auto", reference="1919")
    assert pol.calendar == "gregorian" and "1919" in pol.reason
    # the reader's reference is no guess: the tagger's older readings do not turn it Julian
    from annales.pipeline import read_text

    story = text + "\n\nMarch 5th.\n\nOn that day the delegates dispersed."
    assert read_text(story, reference="1919", calendar="auto").document.calendar == "gregorian"
    # with no year of its own, a text is not dated by the reference (where the story stands,
    # not how its writer counts)
    bare = "In Moscow the delegates met in the Kremlin. On 5 March the congress closed."
    assert document_policy(bare, "auto", reference="1917").reason.endswith("no year dates the text")


def test_places_on_the_ottoman_and_balkan_fronts_do_not_make_a_history_julian() -> None:
    from annales.temporal.policy import document_policy

    text = (
        "On 6 August 1915 the British landed at Suvla Bay. The Turks held the heights, and"
        " the Turkish reserves came up from the Ottoman capital. In 1915 the Turks held on."
    )
    pol = document_policy(text, "auto")
    assert pol.calendar == "gregorian" and "New Style" in pol.reason
    assert pol.calendar_for("1915-08-06") == "gregorian"
    assert pol.calendar_for("1453-05-29") == "julian"  # before 1582 historians count Julian
    # Russia before 1918 keeps its Old Style guess
    russia = "In Petrograd in 1917 the garrison wavered, and Moscow followed."
    assert document_policy(russia, "auto").calendar == "julian"


def test_a_weekday_with_its_part_of_day_is_calendar_evidence() -> None:
    from annales.temporal.policy import document_policy

    # 6 November 1917 was a Tuesday in the Gregorian calendar (the Julian 6th a Monday)
    text = (
        "In Petrograd in 1917 the garrison wavered. Tuesday morning, November 6th, the city"
        " was thrown into excitement."
    )
    pol = document_policy(text, "auto")
    assert pol.calendar == "gregorian" and "weekdays fit the Gregorian" in pol.reason


def test_the_days_of_known_events_tell_how_the_writer_counts() -> None:
    from annales.temporal.policy import document_policy

    # the bread riots of 1917 began on 23 February O.S. = 8 March N.S.
    new_style = (
        "In Petrograd in 1917 bread was short. On March 8 the bread riots began in the factory "
        "districts, and the Cossacks would not charge the crowd."
    )
    pol = document_policy(new_style, "auto")
    assert pol.calendar == "gregorian" and "known events fit the Gregorian" in pol.reason
    old_style = new_style.replace("March 8", "February 23")
    pol = document_policy(old_style, "auto")
    assert pol.calendar == "julian" and "known events fit the Julian" in pol.reason
    # a day of the same month with no word of the event near it is no evidence
    quiet = "In Petrograd in 1917 the winter was long. On March 8 the ministers dined together."
    assert "known events" not in document_policy(quiet, "auto").reason


def test_a_conversion_past_four_digit_years_gives_no_value() -> None:
    """31 December 9999 Julian is a day of 10000 Gregorian: TIMEX3 has no value for it."""
    from annales.temporal.calendars import convert

    assert convert("9999-12-31T12:00", "julian", "gregorian") is None
    assert convert("9999-12", "julian", "gregorian") is None
    assert convert("1917-06-22", "julian", "gregorian") == "1917-07-05"
