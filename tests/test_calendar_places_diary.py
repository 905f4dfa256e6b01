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


def test_a_passage_whose_names_point_after_every_year_it_mentions_counts_in_their_era() -> None:
    # Moscow after Russia's switch (Lenin, the Comintern), recalling 1906: New Style, not the
    # Old Style the lone 1906 would give
    text = (
        "March 6th.\n\nThe founding of the Third International was proclaimed in the morning "
        "papers of Moscow. Lenin spoke in the Great Theatre; Trotsky followed, and the Moscow "
        "Soviet cheered. The Russian delegates mocked the tactics of 1906."
    )
    _, facts = tag(text, mode="narratives", calendar="auto")
    assert facts["calendar"] == "gregorian"
    assert facts["calendar_reason"] and "after every year it mentions" in facts["calendar_reason"]
