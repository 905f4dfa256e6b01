"""A London diary of 1661 is counted in the Julian calendar: its places and its heading's
double year say so (invented text)."""

from __future__ import annotations

from annales.temporal.engine import tag


def test_a_london_diary_headed_by_its_double_year_counts_julian() -> None:
    text = (
        "Jan. 1. 1660/61. Up betimes, and to church. Thence by coach to Threadneedle Street, and "
        "so to Whitehall, where the Lord Mayor was.\n\n"
        "Feb. 20th. My wife desires that we keep Shrove Tuesday at my father's."
    )
    timexes, facts = tag(text, mode="narratives", dct="1661", calendar="auto")
    assert facts["calendar"] == "julian"
    v = {t.text: t.value for t in timexes}
    assert v["Shrove Tuesday"] == "1661-02-26"  # Julian Easter 1661 was 14 April
