"""News-mode direction: tense read across abbreviations, nouns that look like future cues,
stated directions on month-days, a weekday equal to the DCT's. Sentences are invented."""

from __future__ import annotations

from annales.temporal import tag_time


def _v(text: str, dct: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag_time(text, mode="news", dct=dct)]


def test_abbreviation_dots_do_not_end_the_tense_window() -> None:
    # 2001-05-09 is a Wednesday; "warned" governs, "U.S." does not end the sentence
    text = "The mayor warned U.S. customs agents Monday that they should expect delays."
    assert _v(text, "2001-05-09") == [("Monday", "2001-05-07")]


def test_a_noun_plan_is_not_a_future_cue() -> None:
    text = "The two firms signed a merger plan Tuesday, and the unions objected."
    assert _v(text, "2001-05-09") == [("Tuesday", "2001-05-08")]


def test_last_month_day_points_back() -> None:
    text = "He has been missing since last Nov. 14 at his farm."
    assert _v(text, "2001-05-09") == [("last Nov. 14", "2000-11-14")]
    assert _v("The vote is set for next March 3.", "2001-05-09") == [("next March 3", "2002-03-03")]


def test_future_weekday_on_the_same_weekday_is_today() -> None:
    text = "The board will meet Wednesday to decide."
    assert _v(text, "2001-05-09") == [("Wednesday", "2001-05-09")]
    assert _v("The board will meet next Wednesday.", "2001-05-09") == [
        ("next Wednesday", "2001-05-16")
    ]


def test_auxiliary_chain_sets_the_tense_not_the_participle() -> None:
    # "will be held": the participle looks past, the group is future (DCT in February)
    text = "The ceremony will be held at the NATO summit on April 24 in Rome."
    assert _v(text, "1999-02-10") == [("April 24", "1999-04-24")]
    # "would be paid in January" from a late-October story is the coming January
    text = "The dividend would be paid on an unspecified date in January to holders."
    assert _v(text, "1989-10-26") == [("January", "1990-01")]


def test_perfect_and_since_point_back() -> None:
    text = "Police have been searching for the driver since shortly after the Oct. 23 crash."
    assert _v(text, "1999-05-06") == [("Oct. 23", "1998-10-23")]
    text = "The firm has closed the plant on Dec. 2 after the strike."
    assert _v(text, "2001-01-20") == [("Dec. 2", "2000-12-02")]


def test_clock_time_takes_the_day_named_beside_it() -> None:
    # 1998-08-08 is a Saturday: the Friday before is the 7th
    text = "The fire started at about 10:35 a.m. (0735 GMT) Friday, witnesses said."
    out = _v(text, "1998-08-08")
    assert ("10:35 a.m.", "1998-08-07T10:35") in out
    text = "The talks began Friday at 10 a.m. and lasted all day."
    assert ("10 a.m.", "1998-08-07T10:00") in _v(text, "1998-08-08")
    # no day beside it: the DCT's day
    assert ("noon", "1998-08-08T12:00") in _v("The shop opened at noon.", "1998-08-08")


def test_month_or_season_with_a_written_out_year() -> None:
    assert _v("It was January nineteen ninety-seven.", "1998-02-27") == [
        ("January nineteen ninety-seven", "1997-01")
    ]
    assert _v("Prices fell in the winter of nineteen ninety-four.", "1998-02-27") == [
        ("the winter of nineteen ninety-four", "1994-WI")
    ]


def test_news_without_a_creation_time_anchors_on_the_text() -> None:
    # 3 May 1941 is a Saturday: "on Monday" after it is the 5th, not XXXX-WXX-1
    text = "On 3 May 1941 the army crossed. The next day it rained. On Monday they rested."
    assert _v(text, None) == [  # type: ignore[arg-type]
        ("3 May 1941", "1941-05-03"),
        ("The next day", "1941-05-04"),
        ("Monday", "1941-05-05"),
    ]


def test_an_adjective_in_ed_is_no_past_tense_for_a_bare_month() -> None:
    from annales.temporal import tag_time

    def month(sentence: str) -> str:
        return next(t.value for t in tag_time(sentence, mode="news", dct="1989-10-27"))

    # "would be paid" points ahead; "unspecified" is an adjective, not a past verb
    assert month("The split would be paid on a still unspecified date in January.") == "1990-01"
    assert month("The newly elected board would meet in January.") == "1990-01"
    assert month("The board met in January.") == "1989-01"


def test_a_month_closing_a_promised_infinitive_lies_ahead() -> None:
    from annales.temporal import tag_time

    def month(text: str) -> str:
        return next(t.value for t in tag_time(text, mode="news", dct="1989-11-01"))

    assert (
        month("Thermo Electron agreed to purchase the line for $22 million in February.")
        == "1990-02"
    )
    assert month("The bank announced an agreement to acquire the company in January.") == "1990-01"
    assert month("He tried to escape in January.") == "1989-01"  # tried: it happened
    assert month("They agreed to Paris in January.") == "1989-01"  # "to Paris": no infinitive


def test_a_bare_unit_is_the_documents_year_or_week() -> None:
    from annales.temporal import tag_time

    def got(text: str) -> list[tuple[str, str]]:
        return [(t.text, t.value) for t in tag_time(text, mode="news", dct="1989-10-26")]

    assert got("For the year, pet food volume was flat.") == [("the year", "1989")]
    assert got("It was the week's most active session.") == [("the week", "1989-WXX")]
    # not the start of another expression, nor a year-earlier comparison
    assert got("The year-earlier results were restated.")[0][0] != "The year"
    assert got("In the week of March 5 prices fell.")[0][0] != "the week"
    assert got("Sales were delayed earlier in the year.") == [("earlier in the year", "1989")]


def test_a_participle_after_will_remain_is_still_future() -> None:
    got = _v(
        "The airports will remain closed until Monday, and officials urged calm.", "2013-04-13"
    )
    assert got == [("Monday", "2013-04-15")]


def test_a_weekday_closing_a_hoped_infinitive_is_ahead_but_not_after_an_offer() -> None:
    assert _v("Crews hoped to reach 30 percent containment by Sunday.", "2000-08-31") == [
        ("Sunday", "2000-09-03")
    ]
    assert _v("They extended their offers to acquire the maker Friday.", "1989-10-30") == [
        ("Friday", "1989-10-27")
    ]


def test_the_same_period_or_month_last_year() -> None:
    got = _v(
        "Sales rose to $489 million from $58 million in the same period last year.", "1997-07-23"
    )
    assert got == [("the same period last year", "1996-Q3")]
    got = _v("Chip sales grew 12 percent in May from the same month last year.", "1997-07-23")
    assert got == [("May", "1997-05"), ("the same month last year", "1996-05")]


def test_a_quarter_told_in_the_past_before_it_began_is_last_year_s() -> None:
    got = _v(
        "The economy grew 0.6 percent in the fourth quarter, down from the third quarter.",
        "2008-02-29",
    )
    assert got == [("the fourth quarter", "2007-Q4"), ("the third quarter", "2007-Q3")]
    assert _v("It expects profits to rise in the fourth quarter.", "2008-02-29") == [
        ("the fourth quarter", "2008-Q4")
    ]


def test_holidays_counted_by_weekday_and_a_holiday_weekend() -> None:
    got = dict(
        _v("Both teams will wear pink for Mother's Day, and Father's Day follows.", "2001-05-12")
    )
    assert got["Mother's Day"] == "2001-05-13"
    assert got["Father's Day"] == "2001-06-17"
    assert _v("Winds could return for the Labor Day weekend.", "2000-08-31") == [
        ("the Labor Day weekend", "2000-W35-WE")
    ]
    assert (
        dict(_v("The vote on Election Day was close.", "1998-11-05"))["Election Day"]
        == "1998-11-03"
    )


def test_a_length_in_two_units_and_counted_sets() -> None:
    got = dict(
        _v(
            "The game took 2 hours, 31 minutes; he served three years and four months.",
            "2001-05-12",
        )
    )
    assert got == {"2 hours, 31 minutes": "PT2H31M", "three years and four months": "P3Y4M"}
    got = dict(_v("Testimony is heard four days a week; he throws every fourth day.", "2001-05-12"))
    assert got == {"four days a week": "P1W", "every fourth day": "P4D"}
    # two lengths, not one
    assert [t for t, _ in _v("He waited 5 minutes, 3 hours later they came.", "2001-05-12")][
        0
    ] == "5 minutes"


def test_a_span_of_two_weekdays_ends_after_it_starts() -> None:
    got = _v("They banned the sale of alcohol from Friday evening until Monday.", "2013-04-13")
    assert got == [("Friday evening", "2013-04-12TEV"), ("Monday", "2013-04-15")]


def test_a_day_a_plan_is_fixed_for_is_ahead() -> None:
    got = _v(
        "A procedural vote was set for 10 a.m. Wednesday; the hearing was adjourned until Monday.",
        "1995-04-20",
    )
    assert got == [("10 a.m. Wednesday", "1995-04-26T10:00"), ("Monday", "1995-04-24")]


def test_a_quarter_named_by_its_months() -> None:
    got = _v(
        "Companies reported results for the July-September quarter; in the April-June period sales fell.",
        "1998-10-23",
    )
    assert got == [("the July-September quarter", "1998-Q3"), ("the April-June period", "1998-Q2")]


def test_the_past_decade_is_a_length_up_to_now() -> None:
    # told in 2004, "the past decade" runs 1994-2004, not the 1990s; "the last decade" may be
    # the decade before this one
    got = [(t.text, t.type, t.value) for t in tag_time(
        "Prices rose over the past decade and the past century; the last decade was hard.",
        mode="news", dct="2004-09-06")]  # fmt: skip
    assert got == [
        ("the past decade", "DURATION", "P10Y"),
        ("the past century", "DURATION", "P100Y"),
        ("the last decade", "DATE", "199"),
    ]


def test_the_moment_is_no_timex() -> None:
    # TimeBank tags none of its "at the moment"s, the narrative sets none of their "this moment"s
    assert _v("At the moment the talks are stalled, he said Monday.", "2001-05-09") == [
        ("Monday", "2001-05-07")
    ]
    assert tag_time("They must strike at this moment.", mode="narratives") == []


def test_a_bare_recent_is_no_timex() -> None:
    # TimeBank tags 6 of the 15 bare "recent"s a tagger finds; "recent years" stays one
    assert _v("The recent attacks worried officials Monday.", "2001-05-09") == [
        ("Monday", "2001-05-07")
    ]
    assert _v("Prices rose in recent years.", "2001-05-09") == [("recent years", "PAST_REF")]


def test_lately_is_the_recent_past() -> None:
    assert _v("Prices have lately risen.", "2001-05-09") == [("lately", "PAST_REF")]


def test_military_clock_and_time_zones() -> None:
    got = _v(
        "The convoy left at 0900 hours; talks ended at 1530 GMT; the siege lasted 1200 hours.",
        "2011-10-13",
    )
    assert got == [("0900 hours", "2011-10-13T09:00"), ("1200 hours", "PT1200H")]
    # a year is a year: "In 1530 the town fell"
    assert _v("In 1530 the town fell.", "2011-10-13") == [("1530", "1530")]


def test_amounts_and_high_noon_are_no_clock() -> None:
    got = _v(
        "Sales held at 2.46 billion guilders; the train left at 5.30; for Poland high noon comes today.",
        "1999-03-12",
    )
    assert got == [("5.30", "1999-03-12T05:30"), ("today", "1999-03-12")]


def test_a_newspaper_named_daily_is_no_set() -> None:
    assert _v("He wrote for the Russian Daily News for years.", "2000-01-28") == [("years", "PXY")]
    assert _v("Daily the rains came.", "2000-01-28") == [("Daily", "P1D")]


def test_weekday_parts_in_the_plural_are_sets() -> None:
    got = _v("Flights leave Bombay on Tuesday nights; he works Sunday mornings.", "1998-02-13")
    assert got == [("Tuesday nights", "XXXX-WXX-2TNI"), ("Sunday mornings", "XXXX-WXX-7TMO")]


def test_as_soon_as_puts_the_day_ahead() -> None:
    # 2000-04-03 is a Monday
    text = "He could leave as soon as Tuesday, Castro said; investors bought as soon as trading opened Monday."
    assert _v(text, "2000-04-03") == [("Tuesday", "2000-04-04"), ("Monday", "2000-04-03")]
    assert _v("He left Tuesday.", "2000-04-03") == [("Tuesday", "2000-03-28")]


def test_a_count_of_years_with_a_thousands_comma() -> None:
    got = [
        (t.text, t.value, t.mod)
        for t in tag_time(
            "A record of more than 1,500 years; it lasted 2,000 years.",
            mode="news",
            dct="2003-05-01",
        )
    ]
    assert ("more than 1,500 years", "P1500Y", "MORE_THAN") in got
    assert ("2,000 years", "P2000Y", None) in got


def test_a_plan_with_its_object_before_the_preposition_is_ahead() -> None:
    got = _v(
        "Judge Hale set sentencing for Oct. 14. He was sentenced on Oct. 4 in another case.",
        "2011-06-22",
    )
    assert got == [("Oct. 14", "2011-10-14"), ("Oct. 4", "2010-10-04")]


def test_a_quarter_or_half_told_as_months_of_a_named_year() -> None:
    dct = "1998-09-29"
    assert _v("Growth was 5.5 percent in the first three months of the year.", dct) == [
        ("the first three months of the year", "1998-Q1")
    ]
    assert _v("Earnings in the final three months of last year fell.", dct) == [
        ("the final three months of last year", "1997-Q4")
    ]
    assert _v("Sales rose in the first two quarters of 1990.", dct) == [
        ("the first two quarters of 1990", "1990-H1")
    ]
    assert _v("Profit in the last six months of fiscal 1997 rose.", dct) == [
        ("the last six months of fiscal 1997", "1997-H2")
    ]
    # without a year named, or of nine months, a stretch of time
    assert _v("Profit in the first nine months of the year rose.", dct)[0] == (
        "the first nine months",
        "P9M",
    )
    assert _v("The last six months of the war were hard.", dct) == [("The last six months", "P6M")]


def test_asking_someone_to_act_puts_the_act_ahead() -> None:
    # 1993-07-12 is a Monday
    text = "The governor asked nonessential state workers to stay home through Friday."
    assert _v(text, "1993-07-12") == [("Friday", "1993-07-16")]
    assert _v("Officials urged voters to turn out Tuesday.", "1993-07-12") == [
        ("Tuesday", "1993-07-13")
    ]
    # the asking itself, told with its day, is past
    assert _v("The governor asked on Friday for federal aid.", "1993-07-12") == [
        ("Friday", "1993-07-09")
    ]


def test_must_and_should_look_ahead_unless_they_guess_at_the_past() -> None:
    dct = "2000-11-04"  # a Saturday
    assert _v("Ballots must be received by 8 p.m. Tuesday.", dct) == [
        ("8 p.m. Tuesday", "2000-11-07T20:00")
    ]
    assert _v("The forms should arrive by Tuesday.", dct) == [("Tuesday", "2000-11-07")]
    assert _v("He must have left on Tuesday.", dct) == [("Tuesday", "2000-10-31")]
    assert _v("He may have left Tuesday.", dct) == [("Tuesday", "2000-10-31")]
    assert _v("It will have ended by Tuesday.", dct) == [("Tuesday", "2000-11-07")]


def test_a_weekday_with_its_part_of_day_is_a_time() -> None:
    got = tag_time("Senate Democrats met privately Tuesday night.", mode="news", dct="1995-04-19")
    assert [(t.text, t.type, t.value) for t in got] == [("Tuesday night", "TIME", "1995-04-18TNI")]


def test_recent_weeks_and_months_are_a_time_just_past() -> None:
    dct = "2009-04-28"
    assert [
        (t.text, t.type, t.value)
        for t in tag_time(
            "Cases have been rising in recent days, after a lull in recent months.",
            mode="news",
            dct=dct,
        )
    ] == [("recent days", "DATE", "PAST_REF"), ("recent months", "DATE", "PAST_REF")]


def test_a_clock_on_the_weekday_of_writing_looking_ahead_is_that_day() -> None:
    # 2001-05-12 is a Saturday: "play again at 7:05 p.m. Saturday" is that evening
    got = _v("The teams will play again at 7:05 p.m. Saturday.", "2001-05-12")
    assert got == [("7:05 p.m. Saturday", "2001-05-12T19:05")]
    assert _v("The teams will play again at 7:05 p.m. Sunday.", "2001-05-12") == [
        ("7:05 p.m. Sunday", "2001-05-13T19:05")
    ]


def test_local_time_belongs_to_its_clock() -> None:
    assert _v("The rocket lifted off at 8:31 p.m. local time Tuesday.", "1992-02-05") == [
        ("8:31 p.m. local time Tuesday", "1992-02-04T20:31")
    ]
