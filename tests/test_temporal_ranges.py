"""The bare end of a day range gets its own DATE with its neighbour's month (TimeML style)."""

from __future__ import annotations

from annales.temporal import tag_time


def _v(text: str, **kw: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag_time(text, **kw)]  # type: ignore[arg-type]


def test_day_after_a_month_day() -> None:
    text = "The summit will be held on April 24 and 25. Ministers arrive later."
    assert _v(text, mode="news", dct="1999-02-10") == [
        ("April 24", "1999-04-24"),
        ("25", "1999-04-25"),
    ]


def test_day_before_a_day_month_year_in_the_document_calendar() -> None:
    out = tag_time("On 6–7 November 1917 the Bolsheviks seized power.", calendar="julian")
    assert [(t.id, t.text, t.value, t.anchor) for t in out] == [
        ("t1", "6", "1917-11-06", "t2"),
        ("t2", "7 November 1917", "1917-11-07", None),
    ]
    assert out[0].calendar == "julian" and out[0].gregorian == "1917-11-19"


def test_counts_and_backward_ranges_are_not_days() -> None:
    assert _v("He met 24 and 25 delegates on Friday.", mode="news", dct="1999-02-10") == [
        ("Friday", "1999-02-05")
    ]
    assert _v("Sales rose 24 to 25 percent in April 1999.") == [("April 1999", "1999-04")]
    assert [t for t, _ in _v("Between 25 and 24 April 1999 nothing happened.")] == ["24 April 1999"]


def test_first_end_takes_the_year_the_second_states() -> None:
    text = "In 1916 he was in Paris. From March to October 1917 he was in Petrograd."
    assert _v(text)[1:] == [("March", "1917-03"), ("October 1917", "1917-10")]
    assert _v("From November to February 1918 it was cold.") == [
        ("November", "1917-11"),
        ("February 1918", "1918-02"),
    ]
    out = tag_time("From 1 March to 5 October 1917 it ran.", calendar="julian")
    assert (out[0].value, out[0].gregorian) == ("1917-03-01", "1917-03-14")
    # each end states its year: nothing to borrow
    assert _v("From March 1916 to October 1917 it ran.") == [
        ("March 1916", "1916-03"),
        ("October 1917", "1917-10"),
    ]
