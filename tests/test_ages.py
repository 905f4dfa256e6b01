"""Ages as dates: a year of a life whose birth the text tells, and no date without one."""

from __future__ import annotations

from annales.temporal import tag_time
from annales.temporal.ages import births


def _values(text: str) -> dict[str, str]:
    return {t.text: t.value for t in tag_time(text, mode="narratives")}


def test_an_age_after_a_birth_is_a_year_of_that_life() -> None:
    v = _values(
        "Michael Faraday was born at Newington Butts on 22 September 1791. At the age of "
        "thirteen he was apprenticed. On the 1st of March, 1813, at the age of twenty-one, he "
        "was engaged by Davy. In his fortieth year he found induction."
    )
    assert v["the age of thirteen"] == "1804"
    # an age runs from one birthday to the next: the day told with it says which year
    assert v["the age of twenty-one"] == "1813"
    assert v["his fortieth year"] == "1831"


def test_a_life_before_christ_counts_across_the_era() -> None:
    v = _values(
        "Augustus (63 BC - AD 14) lost his father early. At the age of twelve he spoke at a "
        "funeral; in his nineteenth year he raised an army; he died in his seventy-sixth year."
    )
    assert v["the age of twelve"] == "BC0051"
    assert v["his nineteenth year"] == "BC0044"
    assert v["his seventy-sixth year"] == "0014"


def test_an_age_without_a_birth_or_anyone_s_is_no_date() -> None:
    assert _values("Men at the age of thirty served; soldiers over forty stayed home.") == {}
    v = _values("She was born in 1820. Girls under the age of twenty-five could not leave.")
    assert "the age of twenty-five" not in v
    news = tag_time("He was born in 1950 and died at the age of 48.", mode="news", dct="1998")
    assert not any("age" in t.text for t in news)  # news: TimeBank tags no ages


def test_births_reads_born_and_life_spans() -> None:
    text = "Ada (1815-1852) wrote. Her son, born on 12 May 1836, and Caesar, born 100 BC."
    offsets, years = births(text)
    assert years == [1815, 1836, -99]
    assert offsets == sorted(offsets)
