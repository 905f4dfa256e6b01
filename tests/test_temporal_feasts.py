"""Historical day names (temporal/feasts.py): Roman days, saints' days and church feasts, the
canonical hours, a ship's watches and bells. The sentences are invented for these tests."""

from __future__ import annotations

from annales.temporal import tag_time


def _tagged(text: str, **kw: str) -> list[tuple[str, str, str, str | None]]:
    kw.setdefault("mode", "narratives")
    return [(t.text, t.type, t.value, t.mod) for t in tag_time(text, **kw)]  # type: ignore[arg-type]


def _values(text: str, **kw: str) -> dict[str, str]:
    return {t: v for t, _, v, _ in _tagged(text, **kw)}


# ------------------------------------------------------------------------------- Roman days


def test_kalends_nones_and_ides_take_the_story_year() -> None:
    v = _values(
        "In 63 BC the tribune spoke on the Calends of August; the envoys left on the Nones of "
        "July and on the Nones of June, and came back on the Ides of May and the Ides of April."
    )
    assert v["the Calends of August"] == "BC0063-08-01"
    assert v["the Nones of July"] == "BC0063-07-07"  # the 7th in March, May, July, October
    assert v["the Nones of June"] == "BC0063-06-05"  # else the 5th
    assert v["the Ides of May"] == "BC0063-05-15"
    assert v["the Ides of April"] == "BC0063-04-13"


def test_roman_days_are_counted_back_inclusively() -> None:
    v = _values(
        "In 52 BC the letter was sealed on the ninth day before the Kalends of October, and "
        "the games began on the third day before the Nones of May."
    )
    assert v["the ninth day before the Kalends of October"] == "BC0052-09-23"
    assert v["the third day before the Nones of May"] == "BC0052-05-05"


def test_the_day_before_a_roman_day_and_pridie() -> None:
    v = _values(
        "In 46 BC the fleet sailed on the Nones of June. On the day before the Ides a storm "
        "rose, and pridie the Kalends of March the harbour froze."
    )
    assert v["the day before the Ides"] == "BC0046-06-12"  # of the story's month
    assert v["pridie the Kalends of March"] == "BC0046-02-28"


def test_a_roman_day_with_its_own_year() -> None:
    v = _values("The treaty was sworn on the Kalends of October, 44 BC.")
    assert v["the Kalends of October, 44 BC"] == "BC0044-10-01"


def test_a_lower_case_roman_word_alone_is_no_day() -> None:
    assert _tagged("None of the monks sang the nones; the ides were forgotten.") == []
    # the days of every month, not one day
    assert _tagged("The markets were held on the Calends, the Nones and the Ides.") == []


# ------------------------------------------------------------------------------- feasts


def test_saints_days_in_their_forms() -> None:
    v = _values(
        "In 1388 the abbot paid his rent on St. Martin's day, held court on the feast of St. "
        "Bartholomew, rode out on the vigil of St. Andrew and came home on the morrow of St. "
        "Luke; the mill was let from St. John's eve until the feast of SS. Peter and Paul."
    )
    assert v["St. Martin's day"] == "1388-11-11"
    assert v["the feast of St. Bartholomew"] == "1388-08-24"
    assert v["the vigil of St. Andrew"] == "1388-11-29"
    assert v["the morrow of St. Luke"] == "1388-10-19"
    assert v["St. John's eve"] == "1388-06-23"
    assert v["the feast of SS. Peter and Paul"] == "1388-06-29"


def test_feasts_of_a_saints_life_and_of_our_lady() -> None:
    v = _values(
        "In 1402 the chapter met on the Conversion of St. Paul. The bridge was begun at the "
        "Nativity of St. John the Baptist and finished by the feast of the Assumption of our "
        "Lady; the relics were shown on the Translation of St. Thomas the Martyr."
    )
    assert v["the Conversion of St. Paul"] == "1402-01-25"
    assert v["the Nativity of St. John the Baptist"] == "1402-06-24"
    assert v["the feast of the Assumption of our Lady"] == "1402-08-15"
    assert v["the Translation of St. Thomas the Martyr"] == "1402-07-07"


def test_the_octave_of_a_feast_and_about() -> None:
    got = _tagged("In 1420 the justices sat about the octave of St. Hilary.")
    assert ("about the octave of St. Hilary", "DATE", "1420-01-20", "APPROX") in got


def test_movable_feasts_count_from_easter() -> None:
    # Easter 1910 fell on 27 March
    v = _values(
        "In 1910 the choir sang at Septuagesima, on Low Sunday and on Hock Tuesday, and the "
        "bounds were beaten on Rogation Sunday, before the feast of the Ascension."
    )
    assert v["Septuagesima"] == "1910-01-23"
    assert v["Low Sunday"] == "1910-04-03"
    assert v["Hock Tuesday"] == "1910-04-05"
    assert v["Rogation Sunday"] == "1910-05-01"
    assert v["the feast of the Ascension"] == "1910-05-05"


def test_a_weekday_next_after_a_feast_in_the_documents_calendar() -> None:
    text = "In 1360 the barons met on the Tuesday next after the feast of St. Martin."
    # 11 November 1360 was a Tuesday (Gregorian), a Wednesday in the Julian calendar
    assert _values(text)["the Tuesday next after the feast of St. Martin"] == "1360-11-18"
    julian = _values(text, calendar="julian")
    assert julian["the Tuesday next after the feast of St. Martin"] == "1360-11-17"
    # Julian Easter 1360 was 5 April: the Monday before it 30 March, the Sunday after 12 April
    v = _values(
        "In 1360 the court rose on the Monday before Easter and sat again on the Sunday after "
        "Easter, until the morrow of Michaelmas.",
        calendar="julian",
    )
    assert v["the Monday before Easter"] == "1360-03-30"
    assert v["the Sunday after Easter"] == "1360-04-12"
    assert v["the morrow of Michaelmas"] == "1360-09-30"


def test_the_nth_sunday_after_a_feast() -> None:
    # Easter 1910 fell on 27 March, Trinity Sunday on 22 May
    v = _values(
        "In 1910 the banns were read on the third Sunday after Trinity, the bells were rung on "
        "the feast of the Trinity, and the vestry met on the second Sunday before Easter and "
        "on the day of St. Barnabas."
    )
    assert v["the third Sunday after Trinity"] == "1910-06-12"
    assert v["the feast of the Trinity"] == "1910-05-22"
    assert v["the second Sunday before Easter"] == "1910-03-13"
    assert v["the day of St. Barnabas"] == "1910-06-11"
    assert _tagged("He studied at Trinity and prayed at St. James's Palace.") == []


def test_a_feast_with_its_year() -> None:
    v = _values(
        "The charter is dated St. George's day 1376, and the seal the feast of St. Denis, 1377."
    )
    assert v["St. George's day 1376"] == "1376-04-23"
    assert v["the feast of St. Denis, 1377"] == "1377-10-09"


def test_what_only_looks_like_a_feast() -> None:
    assert _tagged("The pilgrims prayed in St. Martin and at All Saints church.") == []
    assert _tagged("In his prime the painter painted the Annunciation.") == []
    assert _tagged("The feast of St. crispin was a tavern.") == []
    # a feast right after a date re-names it: one timex
    got = _tagged(
        "The battle was fought on 29 August 1350, the feast of St. John, near Winchelsea."
    )
    assert [t for t, *_ in got] == ["29 August 1350"]


def test_a_feast_soon_after_the_story_day_moves_the_story_on() -> None:
    v = _values(
        "On 2 November 1391 the council met. On St. Martin's day the king came, and the next "
        "day he left."
    )
    assert v["St. Martin's day"] == "1391-11-11"
    assert v["the next day"] == "1391-11-12"


def test_a_feast_far_from_the_story_day_is_named_in_passing() -> None:
    v = _values(
        "On 4 February 1391 the council met. The envoy, who had landed on the feast of St. "
        "Peter and St. Paul, spoke first, and the next day the council rose."
    )
    assert v["the feast of St. Peter and St. Paul"] == "1391-06-29"
    assert v["the next day"] == "1391-02-05"


def test_all_saints_and_holy_innocents() -> None:
    v = _values("In 1399 the rents fell due at All Saints and again on Holy Innocents.")
    assert v["All Saints"] == "1399-11-01"
    assert v["Holy Innocents"] == "1399-12-28"


# ------------------------------------------------------------------------------- hours


def test_canonical_hours_are_parts_of_the_story_day() -> None:
    got = _tagged(
        "On 4 June 1360 the monks rose at the hour of prime, dined after sext and slept after "
        "compline; at the hour of none the abbot came back, and before vespers he left."
    )
    v = {t: (ty, val) for t, ty, val, _ in got}
    assert v["the hour of prime"] == ("TIME", "1360-06-04TMO")
    assert v["sext"] == ("TIME", "1360-06-04T12:00")
    assert v["compline"] == ("TIME", "1360-06-04TNI")
    assert v["the hour of none"] == ("TIME", "1360-06-04TAF")
    assert v["vespers"] == ("TIME", "1360-06-04TEV")


def test_hour_words_in_other_senses() -> None:
    assert _tagged("None of the prime cuts were left, and the choir sang vespers.") == []
    assert _tagged("The nuns went to vespers; the fencers stood in terce.") == []


# ------------------------------------------------------------------------------- ship's time


def test_a_ships_watches_and_bells() -> None:
    v = _values(
        "On 3 May 1812 the frigate lay becalmed. At four bells in the afternoon watch a sail was "
        "seen; the crew rested in the dog watches, and at eight bells in the first watch she "
        "struck the reef."
    )
    assert v["four bells in the afternoon watch"] == "1812-05-03T14:00"
    assert v["the dog watches"] == "1812-05-03TEV"
    assert v["eight bells in the first watch"] == "1812-05-04T00:00"  # midnight: the next day


def test_a_watch_as_a_part_of_the_day_and_half_hours() -> None:
    v = _values(
        "On 9 July 1798 the convoy sailed. During the forenoon watch the wind fell, and at "
        "seven bells in the morning watch of the next day it rose."
    )
    assert v["the forenoon watch"] == "1798-07-09TMO"
    assert v["seven bells in the morning watch"].endswith("T07:30")


def test_a_watch_kept_is_no_time() -> None:
    assert _tagged("The mate had the first watch.") == []


def test_a_feast_before_a_name_or_a_count() -> None:
    from annales.temporal import tag_time

    got = {t.text: t.value for t in tag_time("In 1346, on St. Martin's day Edward crossed.")}
    assert got["St. Martin's day"] == "1346-11-11"
    got = {
        t.text: t.value
        for t in tag_time("In 1346, on St. Martin's day 1200 men were slain.", reference="1346")
    }
    assert got["St. Martin's day"] == "1346-11-11"


def test_every_feast_kind_and_relation_in_the_tables_is_found() -> None:
    from annales.temporal import tag_time

    text = (
        "In 1346, on the Presentation of our Lady, on the Beheading of St. John and on the "
        "Chair of St. Peter, they met."
    )
    got = {t.text: t.value for t in tag_time(text)}
    assert got["the Presentation of our Lady"] == "1346-11-21"
    assert got["the Beheading of St. John"] == "1346-08-29"
    assert got["the Chair of St. Peter"] == "1346-02-22"
    got = {t.text: t.value for t in tag_time("In 1346, on the quinzime of Easter, they met.")}
    assert "the quinzime of Easter" in got


def test_more_feasts_by_their_saints_and_easter_day() -> None:
    v = _values(
        "In 1359 they came before Rheims on Saint Barbara's day, having left on the day of "
        "Saint Simon and Saint Jude; on Easter Day 1360 the king rested.",
        calendar="julian",
    )
    assert v["Saint Barbara's day"] == "1359-12-04"
    assert v["the day of Saint Simon and Saint Jude"] == "1359-10-28"
    assert v["Easter Day 1360"] == "1360-04-05"  # the Julian Easter of 1360


def test_a_weekday_after_a_day_told_from_a_feast() -> None:
    # Easter 1360 (Julian) fell on 5 April: Pentecost on 24 May, its octave on 31 May
    got = {
        t.text: t.value
        for t in tag_time(
            "In 1360 the host lay before the walls. On the Tuesday after the octave of "
            "Pentecost the assault began.",
            mode="narratives",
            calendar="julian",
        )
    }
    assert got["the Tuesday after the octave of Pentecost"] == "1360-06-02"
