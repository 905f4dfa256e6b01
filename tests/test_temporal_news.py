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
